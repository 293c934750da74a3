/** Growth and ranks: published ranks against published figures, growth against the values it comes from, big swings. */
import { growth as growthOf, roundHalfUp } from '../../compute';
import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address } from '../../grid';
import type { IndicatorTable, TableColumn, TableRow } from '../../layout';
import { indicatorColumns } from '../../summarize';
import type { CheckedSheet, RuleDef } from '../context';
import { comparableGrowth, floatSlack, fmt, fmtFigure, fmtTolerance, halfUnit, isRegional, num, peers, shownDecimals } from '../context';

type Basis = 'growth' | 'value' | 'increment';

interface RankFit {
  basis: Basis;
  order: 'desc' | 'asc';
  ties: 'competition' | 'dense';
  ranks: (number | null)[];
  keys: (NumberFigure | null)[];
  agree: number;
}

const BASIS_WORDS: Record<Basis, { 'zh-CN': string; 'en-US': string }> = {
  growth: { 'zh-CN': '增速', 'en-US': 'growth' },
  value: { 'zh-CN': '总量', 'en-US': 'value' },
  increment: { 'zh-CN': '增量', 'en-US': 'increment' },
};

/** What the header says is ranked: 增速位次, 总量位次 … or null when it does not say. */
function statedBasis(col: TableColumn): Basis | null {
  const h = col.header.join(' ');
  if (/增速|增长|增幅|growth/i.test(h)) return 'growth';
  if (/增量|增加额|increment/i.test(h)) return 'increment';
  if (/总量|绝对|规模|总额|level|value/i.test(h)) return 'value';
  return null;
}

/** The columns of each indicator of a table, found once (a table with 60 rank columns asks 60 times). */
const columnsCache = new WeakMap<IndicatorTable, ReturnType<typeof indicatorColumns>>();

function columnsOf(table: IndicatorTable): ReturnType<typeof indicatorColumns> {
  let found = columnsCache.get(table);
  if (!found) {
    found = indicatorColumns(table);
    columnsCache.set(table, found);
  }
  return found;
}

/**
 * Ranks as compute's rank() gives them (competition or dense, null for missing
 * values), without its tie lists: the fit below tries up to twelve rules per column.
 */
export function quickRanks(items: { value: number | null }[], order: 'desc' | 'asc', ties: 'competition' | 'dense'): (number | null)[] {
  // Keys in ascending order of merit's opposite: the best has the smallest key. A native numeric
  // sort, then each rank is the count of strictly better keys (competition) or of distinct ones (dense).
  const sign = order === 'desc' ? -1 : 1;
  const keys: number[] = [];
  for (const it of items) if (it.value !== null && Number.isFinite(it.value)) keys.push(sign * it.value + 0);
  const sorted = Float64Array.from(keys).sort();
  const distinctBefore = new Int32Array(sorted.length + 1);
  for (let j = 1; j <= sorted.length; j++) distinctBefore[j] = distinctBefore[j - 1] + (j === 1 || sorted[j - 1] !== sorted[j - 2] ? 1 : 0);
  return items.map((it) => {
    if (it.value === null || !Number.isFinite(it.value)) return null;
    const k = sign * it.value + 0;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < k) lo = mid + 1;
      else hi = mid;
    }
    return ties === 'dense' ? distinctBefore[lo] + 1 : lo + 1;
  });
}

/**
 * Find what a published rank column ranks (growth or value, descending or
 * ascending, competition or dense ties) as the rule that agrees with most of
 * the published ranks, preferring what the header says, then growth, descending,
 * competition. Keys are the figures as displayed.
 */
export function fitRanks(sheet: CheckedSheet, table: IndicatorTable, rankCol: TableColumn, rows: TableRow[]): { fit: RankFit; published: (number | null)[] } | null {
  const ic = columnsOf(table).find((i) => i.rank?.col === rankCol.col);
  if (!ic) return null;
  const published = rows.map((r) => {
    const f = num(sheet.cells.figure(r.row, rankCol.col));
    return f && Number.isInteger(f.value) ? f.value : null;
  });
  if (published.filter((p) => p !== null).length < 2) return null;
  const keysFor = (basis: Basis): (NumberFigure | null)[] | null => {
    const col = basis === 'growth' ? (ic.growth ?? ic.index) : basis === 'value' ? ic.value : ic.increment;
    if (!col) return null;
    return rows.map((r) => num(sheet.cells.figure(r.row, col.col)));
  };
  const stated = statedBasis(rankCol);
  const bases: Basis[] = stated ? [stated, ...(['growth', 'value', 'increment'] as Basis[]).filter((b) => b !== stated)] : ['growth', 'value', 'increment'];
  let best: RankFit | null = null;
  const count = published.filter((p) => p !== null).length;
  for (const basis of bases) {
    const keys = keysFor(basis);
    if (!keys || keys.filter(Boolean).length < 2) continue;
    const items = keys.map((k) => ({ value: k ? shownValue(k) : null }));
    for (const order of ['desc', 'asc'] as const) {
      for (const ties of ['competition', 'dense'] as const) {
        const ranks = quickRanks(items, order, ties);
        let agree = 0;
        for (let i = 0; i < rows.length; i++) if (published[i] !== null && published[i] === ranks[i]) agree++;
        if (!best || agree > best.agree) best = { basis, order, ties, ranks, keys, agree };
        // every published rank explained: no other rule can do better
        if (agree === count) return { fit: best, published };
      }
    }
  }
  return best ? { fit: best, published } : null;
}

export const rankMismatch: RuleDef = {
  id: 'rank-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '位次与公布数不符', 'en-US': 'Rank disagrees with the figures' },
  test: {
    'zh-CN': '公布的位次与按公布的增速（或总量）重排的位次一致：按显示的位数比较，并列规则与表中一致（自动识别竞争排名 1,2,2,4 或中国式排名 1,2,2,3）。',
    'en-US': 'A published rank equals the rank recomputed from the published growth (or value): on the displayed digits, with the table\'s own tie rule (competition 1,2,2,4 or dense 1,2,2,3, recognised).',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 公布位次为第{actual}位，按{basis} {key} 应为第{expected}位',
      'en-US': '"{indicator}": {region} is ranked {actual} but its {basis} {key} ranks {expected}',
    },
    missing: {
      'zh-CN': '「{indicator}」{region} 公布位次为第{actual}位，但{basis}没有数字，不应参与排名',
      'en-US': '"{indicator}": {region} is ranked {actual} but has no {basis} figure to rank',
    },
    unknown: {
      'zh-CN': '「{indicator}」的位次列与增速、总量都对不上（{agree}/{count} 个一致），无法核对',
      'en-US': '"{indicator}": the rank column agrees with neither growth nor value ({agree} of {count}); not checked',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (!isRegional(table)) continue;
        for (const rankCol of table.columns.filter((c) => c.measure === 'rank')) {
          // a development zone or 市辖区 ranks only where the sheet gives it a rank (as summarize does)
          const rows = peers(table).filter((r) => !r.apart || num(sheet.cells.figure(r.row, rankCol.col)) !== null);
          const found = fitRanks(sheet, table, rankCol, rows);
          if (!found) continue;
          const { fit, published } = found;
          const count = published.filter((p) => p !== null).length;
          out.items(count);
          if (fit.agree * 2 < count) {
            out.fail({
              sheet: sheet.grid.name,
              cell: address(rows[0].row, rankCol.col),
              variant: 'unknown',
              severity: 'warning',
              params: { indicator: rankCol.indicator.name, agree: fit.agree, count },
              fails: count - fit.agree,
            });
            continue;
          }
          for (let i = 0; i < rows.length; i++) {
            const p = published[i];
            if (p === null || p === fit.ranks[i]) continue;
            const key = fit.keys[i];
            out.fail({
              sheet: sheet.grid.name,
              cell: address(rows[i].row, rankCol.col),
              variant: fit.ranks[i] === null ? 'missing' : 'default',
              params: {
                indicator: rankCol.indicator.name,
                region: rows[i].name,
                actual: p,
                expected: fit.ranks[i] ?? '—',
                basis: BASIS_WORDS[fit.basis],
                key: key ? fmtFigure(key) + (fit.basis === 'growth' ? '%' : '') : '—',
              },
              actual: p,
              ...(fit.ranks[i] !== null ? { expected: fit.ranks[i] as number } : {}),
            });
          }
        }
      }
    }
  },
};

export const growthMismatch: RuleDef = {
  id: 'growth-mismatch',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '增速与绝对额不符', 'en-US': 'Growth disagrees with the values' },
  test: {
    'zh-CN': '按现价（名义）计算的指标，公布的增速与由本期、上年同期绝对额算出的增速一致。地区生产总值、增加值等按可比价计算的增速和指数不核对。',
    'en-US': 'For nominal (current-price) indicators, the published growth agrees with the growth of the current and prior values. Growth at comparable prices (GDP, value added) and indices are not checked.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%，由 {current} 和上年同期 {prior} 算得 {expected}%，相差 {diff} 个百分点（容差 ±{tolerance}）；若为可比口径请说明',
      'en-US': '"{indicator}": {region} grew {actual}% but {current} against {prior} gives {expected}%, {diff} points apart (tolerance ±{tolerance}); explain if the base is comparable-scope',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        for (const ic of columnsOf(table)) {
          if (!ic.growth || !ic.value || !ic.prior) continue;
          if (comparableGrowth(table, ic.growth, ic.value)) continue;
          for (const r of table.rows) {
            if (r.role === 'section') continue;
            const g = num(sheet.cells.figure(r.row, ic.growth.col));
            const v = num(sheet.cells.figure(r.row, ic.value.col));
            const p = num(sheet.cells.figure(r.row, ic.prior.col));
            if (!g || !v || !p) continue;
            const vs = shownValue(v);
            const ps = shownValue(p);
            const computed = growthOf(vs, ps);
            if (computed.kind !== 'rate') continue;
            out.items();
            // growth moves by 100·ε/p for an error ε in the current value and 100·v·ε/p² for one in the prior
            const tol = halfUnit(g) + 100 * (halfUnit(v) / Math.abs(ps) + (Math.abs(vs) * halfUnit(p)) / (ps * ps)) + floatSlack(computed.value);
            const diff = shownValue(g) - computed.value;
            if (Math.abs(diff) <= tol) continue;
            const d = shownDecimals(g);
            out.fail({
              sheet: sheet.grid.name,
              cell: address(r.row, ic.growth.col),
              params: { indicator: ic.name, region: r.name, actual: fmtFigure(g), current: fmtFigure(v), prior: fmtFigure(p), expected: fmt(computed.value, d), diff: fmt(Math.abs(diff), d), tolerance: fmtTolerance(tol) },
              actual: shownValue(g),
              expected: roundHalfUp(computed.value, d),
              tolerance: tol,
            });
          }
        }
      }
    }
  },
};

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** A list judged against itself needs this many figures; fewer, and the fixed threshold decides. */
const MIN_PEERS = 5;

export const growthOutlier: RuleDef = {
  id: 'growth-outlier',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '增速异常', 'en-US': 'Unusual growth' },
  test: {
    'zh-CN':
      '增速远离同类（同级地区或同一清单的各项）：与中位数相差超过其通常离散程度（稳健标准差）的 3.5 倍且至少 15 个百分点（清单各项 30 个百分点，且增速绝对值超过 30%）；或降为 -100%（本期为零或未填报）；或超过 200%（为上年的 3 倍以上）。同类不足 5 个时（合计行、小表）以固定阈值 ±30% 判断。请核实并说明原因。',
    'en-US':
      'growth far from its kind (peer regions, or the other lines of the same list): more than 3.5 times their usual spread (a robust standard deviation) and at least 15 points from their median (for the lines of a list: 30 points, and |growth| above 30%); or -100% (nothing this period, or not filled in); or above 200% (more than three times last year). With fewer than 5 of its kind (total rows, small tables), a fixed ±30% decides. Confirm and explain.',
  },
  messages: {
    default: { 'zh-CN': '「{indicator}」{region} 增速 {actual}%，绝对值超过 {threshold}%', 'en-US': '"{indicator}": {region} grew {actual}%, beyond ±{threshold}%' },
    peers: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%，与{kind}中位数 {median}% 相差 {diff} 个百分点，是其通常离散程度的 {z} 倍',
      'en-US': '"{indicator}": {region} grew {actual}%, {diff} points from the median of {kind} ({median}%), {z} times their usual spread',
    },
    vanished: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%：本期为零还是未填报？',
      'en-US': '"{indicator}": {region} grew {actual}%: is this period zero, or not filled in?',
    },
    extreme: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%，为上年同期的 {times} 倍',
      'en-US': '"{indicator}": {region} grew {actual}%, {times} times the same period last year',
    },
  },
  run(ctx, out) {
    const { growthOutlier: threshold, peerDeviation, peerDeviationPoints, growthExtreme } = ctx.settings;
    const lang = ctx.lang;
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (table.shape === 'time-series') continue;
        const rows = table.rows.filter((r) => r.role === 'peer' || r.role === 'total' || r.role === 'item' || r.role === 'subtotal' || r.role === 'of-which');
        for (const col of table.columns.filter((c) => c.measure === 'growth' && (c.unit === '%' || c.unit === null))) {
          const figs: NumberFigure[] = [];
          const figRows: TableRow[] = [];
          const shown: number[] = [];
          // the kind a line is judged against: the peer regions, or the lines of an item list
          const peerGrowth: number[] = [];
          const itemGrowth: number[] = [];
          for (const r of rows) {
            const f = num(sheet.cells.figure(r.row, col.col));
            if (!f) continue;
            const g = shownValue(f);
            figs.push(f);
            figRows.push(r);
            shown.push(g);
            if (r.role === 'peer' && !r.apart) peerGrowth.push(g);
            if (r.role === 'item' || r.role === 'of-which') itemGrowth.push(g);
          }
          const spread = (xs: number[]): { med: number; sd: number } | null => {
            if (xs.length < MIN_PEERS) return null;
            const med = median(xs);
            // 1.4826 × MAD estimates the standard deviation of normal data; a floor keeps a list of equal figures from calling every small step unusual
            return { med, sd: Math.max(median(xs.map((g) => Math.abs(g - med))) * 1.4826, 1) };
          };
          const peers = spread(peerGrowth);
          const items = spread(itemGrowth);
          out.items(figs.length);
          for (let i = 0; i < figs.length; i++) {
            const f = figs[i];
            const row = figRows[i];
            const g = shown[i];
            const d = shownDecimals(f);
            // Lines of an item list (industries, tax types) swing more than regions: listed, at a lower severity.
            const minor = row.role === 'item' || row.role === 'of-which';
            const base = { sheet: sheet.grid.name, cell: address(row.row, col.col), actual: g, ...(minor ? { severity: 'info' as const } : {}) };
            const params = { indicator: col.indicator.name, region: row.name, actual: fmtFigure(f) };
            if (g <= -100) {
              out.fail({ ...base, variant: 'vanished', params });
              continue;
            }
            if (g > growthExtreme) {
              out.fail({ ...base, variant: 'extreme', params: { ...params, times: fmt(1 + g / 100, 1) } });
              continue;
            }
            const kind = row.role === 'peer' && !row.apart ? peers : minor ? items : null;
            if (kind) {
              const diff = Math.abs(g - kind.med);
              const z = diff / kind.sd;
              // the lines of a list (industries, taxes) differ by nature more than regions do: twice the distance
              if (diff >= peerDeviationPoints * (minor ? 2 : 1) && z > peerDeviation && (!minor || Math.abs(g) > threshold)) {
                out.fail({
                  ...base,
                  variant: 'peers',
                  params: { ...params, kind: OUTLIER_KIND[minor ? 'items' : 'peers'][lang], median: fmt(kind.med, d), diff: fmt(diff, d), z: fmt(z, 1) },
                });
              }
            } else if (Math.abs(g) > threshold) {
              out.fail({ ...base, params: { ...params, threshold } });
            }
          }
        }
      }
    }
  },
};

const OUTLIER_KIND = {
  peers: { 'zh-CN': '同级地区', 'en-US': 'its peers' },
  items: { 'zh-CN': '同表各项', 'en-US': 'the other lines' },
} as const;

export const GROWTH_RULES: RuleDef[] = [rankMismatch, growthMismatch, growthOutlier];
