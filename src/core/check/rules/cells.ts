/** Rules on single cells: what a figure cell holds (text-stored numbers, words, Excel errors, blanks), and figures left outside every table. */
import type { Figure } from '../../figures';
import { address, parseRange, rangeAddress } from '../../grid';
import type { IndicatorTable, TableColumn, TableRow } from '../../layout';
import { isTotalName, regionKey } from '../../layout';
import type { CheckContext, RuleDef, RuleOutput } from '../context';
import { figureRows, isRegional, peers } from '../context';

/** Words that stand for a growth rate where a base is zero or negative: not an error. */
const OUTCOME_WORDS = /扭亏|转亏|减亏|增亏|持平|亏损|新增|盈利|实现扭亏|倍|—|不可比|turned|loss|profit|n\.?a\.?|n\/a/i;

/** One finding for several cells of a column: the range they span, and every cell. */
function grouped(col: number, rows: number[]): { cell: string; cells: string[] } {
  const cells = rows.map((r) => address(r, col));
  const cell = rows.length > 1 ? rangeAddress(rows[0], col, rows[rows.length - 1], col) : cells[0];
  return { cell, cells };
}

type CellKind = 'text-number' | 'not-a-number' | 'error-value';

interface KindHits {
  items: number;
  hits: { row: number; col: number; figure: Figure; indicator: string }[];
}

/** One pass over the figure cells of every table, shared by the three rules on what a cell holds. */
const scans = new WeakMap<CheckContext, Map<IndicatorTable, Record<CellKind, KindHits>>>();

function scan(ctx: CheckContext): Map<IndicatorTable, Record<CellKind, KindHits>> {
  const cached = scans.get(ctx);
  if (cached) return cached;
  const out = new Map<IndicatorTable, Record<CellKind, KindHits>>();
  for (const sheet of ctx.sheets) {
    for (const table of sheet.layout.tables) {
      const rows = figureRows(table);
      let items = 0;
      const found: Record<CellKind, KindHits> = { 'text-number': { items: 0, hits: [] }, 'not-a-number': { items: 0, hits: [] }, 'error-value': { items: 0, hits: [] } };
      for (const col of table.columns) {
        for (const row of rows) {
          const figure = sheet.cells.figure(row.row, col.col);
          if (figure.kind === 'empty') continue;
          items++;
          const kind: CellKind | null =
            figure.kind === 'number' ? (figure.fromText ? 'text-number' : null) : figure.kind === 'error' ? 'error-value' : figure.kind === 'text' && !OUTCOME_WORDS.test(figure.text) ? 'not-a-number' : null;
          if (kind) found[kind].hits.push({ row: row.row, col: col.col, figure, indicator: col.indicator.name });
        }
      }
      for (const k of Object.keys(found) as CellKind[]) found[k].items = items;
      out.set(table, found);
    }
  }
  scans.set(ctx, out);
  return out;
}

/**
 * Cells of one kind in the figure columns of a table make one finding per table:
 * the range they span and every cell (a sheet of text-stored numbers is one
 * finding, not two hundred).
 */
function byKind(ctx: CheckContext, out: RuleOutput, kind: CellKind, params: (f: Figure[]) => Record<string, string>): void {
  const tables = scan(ctx);
  for (const sheet of ctx.sheets) {
    for (const table of sheet.layout.tables) {
      const found = tables.get(table)?.[kind];
      if (!found) continue;
      out.items(found.items);
      const hits = found.hits;
      if (!hits.length) continue;
      let top = Infinity;
      let bottom = -Infinity;
      let left = Infinity;
      let right = -Infinity;
      for (const h of hits) {
        top = Math.min(top, h.row);
        bottom = Math.max(bottom, h.row);
        left = Math.min(left, h.col);
        right = Math.max(right, h.col);
      }
      const indicators = [...new Set(hits.map((h) => h.indicator))];
      out.fail({
        sheet: sheet.grid.name,
        cell: hits.length > 1 ? rangeAddress(top, left, bottom, right) : address(hits[0].row, hits[0].col),
        cells: hits.map((h) => address(h.row, h.col)),
        variant: hits.length > 1 ? 'many' : 'default',
        params: { count: hits.length, indicator: indicators.slice(0, 2).join('、') + (indicators.length > 2 ? '…' : ''), ...params(hits.map((h) => h.figure)) },
      });
    }
  }
}

const sample = (figures: Figure[]): string =>
  figures
    .slice(0, 3)
    .map((f) => (f.kind === 'text' ? `“${f.text.slice(0, 20)}”` : f.kind === 'error' ? f.code : ''))
    .join('、');

export const textNumber: RuleDef = {
  id: 'text-number',
  kind: 'hard',
  severity: 'warning',
  title: { 'zh-CN': '文本型数字', 'en-US': 'Number stored as text' },
  test: {
    'zh-CN': '数字存成了文本：Excel 的 SUM 等公式会跳过它们。审核时照常当作数字使用。',
    'en-US': 'A number stored as text: SUM and other formulas skip it. The checks still use it as a number.',
  },
  messages: {
    default: { 'zh-CN': '「{indicator}」的数字存成了文本', 'en-US': '"{indicator}": a number is stored as text' },
    many: { 'zh-CN': '「{indicator}」有 {count} 个数字存成了文本', 'en-US': '"{indicator}": {count} numbers are stored as text' },
  },
  run(ctx, out) {
    byKind(ctx, out, 'text-number', () => ({}));
  },
};

export const notANumber: RuleDef = {
  id: 'not-a-number',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '非数字', 'en-US': 'Not a number' },
  test: {
    'zh-CN': '数字列中的文字（占位符“—”“…”和“扭亏为盈”等说法除外）。',
    'en-US': 'Text in a figure column (placeholders such as "—" and words such as 扭亏为盈 excepted).',
  },
  messages: {
    default: { 'zh-CN': '「{indicator}」列中有文字 {sample}，不是数字', 'en-US': '"{indicator}": the text {sample} is not a number' },
    many: { 'zh-CN': '「{indicator}」列中有 {count} 处文字（{sample}），不是数字', 'en-US': '"{indicator}": {count} cells hold text ({sample}), not numbers' },
  },
  run(ctx, out) {
    byKind(ctx, out, 'not-a-number', (fs) => ({ sample: sample(fs) }));
  },
};

export const errorValue: RuleDef = {
  id: 'error-value',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': 'Excel 错误值', 'en-US': 'Excel error value' },
  test: { 'zh-CN': '单元格是 #DIV/0!、#N/A、#REF! 等错误值。', 'en-US': 'The cell holds an error value such as #DIV/0!, #N/A or #REF!.' },
  messages: {
    default: { 'zh-CN': '「{indicator}」出现错误值 {sample}', 'en-US': '"{indicator}": error value {sample}' },
    many: { 'zh-CN': '「{indicator}」有 {count} 个错误值（{sample}）', 'en-US': '"{indicator}": {count} error values ({sample})' },
  },
  run(ctx, out) {
    byKind(ctx, out, 'error-value', (fs) => ({ sample: [...new Set(fs.map((f) => (f.kind === 'error' ? f.code : '')))].join('、') }));
  },
};

export const missingValue: RuleDef = {
  id: 'missing-value',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '数据缺失', 'en-US': 'Missing figure' },
  test: {
    'zh-CN': '分地区表中，多数地区有数的列里某个地区（或合计）是空白。“—”等占位符表示无此数据，不算缺失。',
    'en-US': 'In a regional table, a blank where most regions have a figure. Placeholders such as "—" mean "no figure" and are not missing.',
  },
  messages: {
    default: { 'zh-CN': '「{indicator}」{measure}缺少 {regions} 的数据', 'en-US': '"{indicator}" {measure}: no figure for {regions}' },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        // A time series has blanks for regions that did not exist yet; subtotals often leave per-capita figures out.
        if (!isRegional(table) || table.shape !== 'regions') continue;
        if (new Set(table.columns.map((c) => c.period).filter(Boolean)).size >= 3) continue;
        const ps = peers(table);
        const rows = table.rows.filter((r) => r.role === 'total' || r.role === 'peer');
        for (const col of table.columns) {
          const filled = ps.filter((r) => sheet.cells.figure(r.row, col.col).kind !== 'empty').length;
          if (filled * 2 < ps.length || filled === 0) continue;
          const growthOf = table.columns.find((c) => c.indicator.name === col.indicator.name && (c.measure === 'growth' || c.measure === 'index'));
          const blanks: TableRow[] = [];
          let n = 0;
          for (const r of rows) {
            // A rank is left out where the growth is not a number (扭亏为盈, —) and for the total.
            if (col.measure === 'rank' && (r.role !== 'peer' || (growthOf && sheet.cells.figure(r.row, growthOf.col).kind !== 'number'))) continue;
            n++;
            if (sheet.cells.figure(r.row, col.col).kind === 'empty') blanks.push(r);
          }
          out.items(n);
          if (!blanks.length) continue;
          const g = grouped(col.col, blanks.map((b) => b.row));
          out.fail({
            sheet: sheet.grid.name,
            ...g,
            params: { indicator: col.indicator.name, measure: MEASURE_WORDS[col.measure], regions: blanks.map((b) => b.name).join('、') },
          });
        }
      }
    }
  },
};

const MEASURE_WORDS: Record<TableColumn['measure'], { 'zh-CN': string; 'en-US': string }> = {
  value: { 'zh-CN': '绝对额', 'en-US': 'value' },
  growth: { 'zh-CN': '增速', 'en-US': 'growth' },
  rank: { 'zh-CN': '位次', 'en-US': 'rank' },
  share: { 'zh-CN': '比重', 'en-US': 'share' },
  points: { 'zh-CN': '百分点', 'en-US': 'points' },
  prior: { 'zh-CN': '上年同期', 'en-US': 'prior period' },
  index: { 'zh-CN': '指数', 'en-US': 'index' },
  target: { 'zh-CN': '目标', 'en-US': 'target' },
  progress: { 'zh-CN': '完成进度', 'en-US': 'progress' },
  increment: { 'zh-CN': '增减额', 'en-US': 'increment' },
  contribution: { 'zh-CN': '贡献率', 'en-US': 'contribution' },
  pull: { 'zh-CN': '拉动', 'en-US': 'pull' },
  'level-index': { 'zh-CN': '定基指数', 'en-US': 'fixed-base index' },
};
export { MEASURE_WORDS };

export const strayValue: RuleDef = {
  id: 'stray-value',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '表外数字', 'en-US': 'Stray figure' },
  test: {
    'zh-CN': '表格之外、没有表头的列、或“排名”表头下不是名次的数字：可能是漏进表里的数，或放错了位置。',
    'en-US': 'Figures outside every table, in a column without a header, or under a rank header but not ranks: a figure left behind or put in the wrong place.',
  },
  messages: {
    default: { 'zh-CN': '表格之外有数字 {sample}', 'en-US': 'A figure outside every table: {sample}' },
    'no-header': { 'zh-CN': '这列数字没有表头，未参与汇总', 'en-US': 'These figures have no header and were left out' },
    'not-ranks': { 'zh-CN': '“排名”表头下的数字不是名次，未作为位次使用', 'en-US': 'The figures under the rank header are not ranks and were not used as ranks' },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const ig of sheet.layout.ignored) {
        if (ig.reason !== 'outside' && ig.reason !== 'no-header' && ig.reason !== 'not-ranks') continue;
        const area = parseRange(ig.cell);
        const cells: string[] = [];
        const shown: string[] = [];
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            const f = sheet.cells.figure(r, c);
            if (f.kind !== 'number') continue;
            cells.push(address(r, c));
            if (shown.length < 3) shown.push(String(f.value));
          }
        }
        out.items(cells.length);
        if (!cells.length) continue;
        out.fail({
          sheet: sheet.grid.name,
          cell: ig.cell,
          cells,
          variant: ig.reason === 'outside' ? 'default' : ig.reason,
          params: { sample: shown.join('、') },
          severity: ig.reason === 'not-ranks' ? 'info' : undefined,
        });
      }
    }
  },
};

export const emptyTable: RuleDef = {
  id: 'empty-table',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '空表', 'en-US': 'Empty table' },
  test: {
    'zh-CN': '工作表列出了地区（全市、各县市区）却没有一个数字：未填报的表。',
    'en-US': 'A sheet lists regions (the total, the counties) but holds no figure: a table not filled in.',
  },
  messages: {
    default: { 'zh-CN': '工作表列出了 {count} 个地区（{names}）却没有数字，可能未填报', 'en-US': 'The sheet lists {count} regions ({names}) but no figures: not filled in?' },
  },
  run(ctx, out) {
    const known = new Set<string>();
    for (const s of ctx.sheets) for (const t of s.layout.tables) for (const r of t.rows) if (r.role === 'peer' || r.role === 'total') known.add(r.key);
    for (const sheet of ctx.sheets) {
      if (sheet.layout.tables.length) continue;
      out.items();
      const byCol = new Map<number, { row: number; name: string }[]>();
      let figures = 0;
      for (let r = 0; r < sheet.cells.rowCount; r++) {
        const info = sheet.cells.info[r];
        figures += info.figureCols.filter((c) => sheet.cells.figure(r, c).kind === 'number').length;
        for (const c of info.textCols) {
          const t = sheet.cells.text(r, c);
          if (t.length > 20) continue;
          if (known.has(regionKey(t)) || isTotalName(t)) byCol.set(c, [...(byCol.get(c) ?? []), { row: r, name: t }]);
        }
      }
      if (figures > 0) continue;
      const best = [...byCol.entries()].sort((a, b) => b[1].length - a[1].length)[0];
      if (!best || best[1].length < 3) continue;
      const [col, labels] = best;
      out.fail({
        sheet: sheet.grid.name,
        cell: rangeAddress(labels[0].row, col, labels[labels.length - 1].row, col),
        params: { count: labels.length, names: labels.slice(0, 4).map((l) => l.name).join('、') + (labels.length > 4 ? '…' : '') },
      });
    }
  },
};

export const CELL_RULES: RuleDef[] = [textNumber, notANumber, errorValue, missingValue, emptyTable, strayValue];
