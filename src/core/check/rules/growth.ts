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

export const growthOutlier: RuleDef = {
  id: 'growth-outlier',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '增速异常', 'en-US': 'Unusual growth' },
  test: {
    'zh-CN': '增速绝对值超过阈值（默认 30%），或远离同级地区（与中位数之差超过 3.5 倍稳健标准差且至少 15 个百分点）：请核实并说明原因。',
    'en-US': '|growth| above a threshold (default 30%), or far from its peers (more than 3.5 robust standard deviations and at least 15 points from their median): confirm and explain.',
  },
  messages: {
    default: { 'zh-CN': '「{indicator}」{region} 增速 {actual}%，绝对值超过 {threshold}%', 'en-US': '"{indicator}": {region} grew {actual}%, beyond ±{threshold}%' },
    peers: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%，远离同级地区的中位数 {median}%',
      'en-US': '"{indicator}": {region} grew {actual}%, far from the median of its peers ({median}%)',
    },
  },
  run(ctx, out) {
    const { growthOutlier: threshold, peerDeviation, peerDeviationPoints } = ctx.settings;
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (table.shape === 'time-series') continue;
        const rows = table.rows.filter((r) => r.role === 'peer' || r.role === 'total' || r.role === 'item' || r.role === 'subtotal' || r.role === 'of-which');
        for (const col of table.columns.filter((c) => c.measure === 'growth' && (c.unit === '%' || c.unit === null))) {
          const figs: NumberFigure[] = [];
          const figRows: TableRow[] = [];
          const shown: number[] = [];
          const peerGrowth: number[] = [];
          for (const r of rows) {
            const f = num(sheet.cells.figure(r.row, col.col));
            if (!f) continue;
            const g = shownValue(f);
            figs.push(f);
            figRows.push(r);
            shown.push(g);
            if (r.role === 'peer') peerGrowth.push(g);
          }
          const med = peerGrowth.length >= 5 ? median(peerGrowth) : null;
          const mad = med !== null ? median(peerGrowth.map((g) => Math.abs(g - med))) * 1.4826 : null;
          out.items(figs.length);
          for (let i = 0; i < figs.length; i++) {
            const f = figs[i];
            const row = figRows[i];
            const g = shown[i];
            if (Math.abs(g) > threshold) {
              // Lines of an item list (industries, tax types) swing more than regions: listed, at a lower severity.
              const minor = row.role === 'item' || row.role === 'of-which';
              out.fail({
                sheet: sheet.grid.name,
                cell: address(row.row, col.col),
                params: { indicator: col.indicator.name, region: row.name, actual: fmtFigure(f), threshold },
                actual: g,
                expected: threshold,
                ...(minor ? { severity: 'info' as const } : {}),
              });
            } else if (row.role === 'peer' && med !== null && mad !== null && Math.abs(g - med) >= peerDeviationPoints && Math.abs(g - med) > peerDeviation * Math.max(mad, 0.1)) {
              out.fail({
                sheet: sheet.grid.name,
                cell: address(row.row, col.col),
                variant: 'peers',
                params: { indicator: col.indicator.name, region: row.name, actual: fmtFigure(f), median: fmt(med, shownDecimals(f)) },
                actual: g,
                expected: Number(med.toFixed(shownDecimals(f))),
              });
            }
          }
        }
      }
    }
  },
};

export const GROWTH_RULES: RuleDef[] = [rankMismatch, growthMismatch, growthOutlier];
