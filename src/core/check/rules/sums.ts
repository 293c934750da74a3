/** Totals and parts: total = sum of parts within rounding, parts never above their total, unit slips (×10⁴, ×10). */
import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address } from '../../grid';
import type { IndicatorTable, TableColumn, TableRow } from '../../layout';
import type { CheckContext, CheckedSheet, RuleDef, RuleOutput } from '../context';
import { floatSlack, fmt, fmtFigure, fmtTolerance, halfUnit, isRegional, num, peers, shownDecimals, totalRow, unitBase, unitScale } from '../context';
import { indicatorKey } from './workbook';

/** Accounting aggregates compiled separately at each level (GDP, value added). */
const ACCOUNTED = /生产总值|增加值|GDP|GRDP|gross (?:regional |domestic )?product|value added/i;

const ADDITIVE_MEASURES = new Set<TableColumn['measure']>(['value', 'prior', 'increment', 'target']);

/** Columns whose figures add up across rows: amounts, not rates, per-capita values, averages or indices. */
export function additiveColumns(table: IndicatorTable): TableColumn[] {
  return table.columns.filter((c) => ADDITIVE_MEASURES.has(c.measure) && c.indicator.additive && c.unit !== '%' && c.unit !== '‰');
}

/** A total that may exceed the sum of its regions: 全市 (市本级), 全省 (省本级); not 合计/总计. */
function mayHoldRemainder(total: TableRow, parts: TableRow[]): boolean {
  if (/合计|总计|total|sum/i.test(total.name)) return false;
  return !parts.some((p) => /本级|市直|省直|县直/.test(p.name));
}

/** Is x ≈ 10^k for k in {1, 4} (or their inverses): the mark of a unit slip (万元/元, 亿元/千万元)? */
export function unitSlipPower(ratio: number): number | null {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return null;
  const l = Math.log10(ratio);
  for (const k of [4, 1, -4, -1]) if (Math.abs(l - k) < 0.05) return k;
  return null;
}

function median(xs: number[]): number {
  const s = Float64Array.from(xs).sort();
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** Peers whose value is at least `ratio` times the median of the others (a 万元 figure among 亿元 ones). */
export function scaleOutliers(values: { row: TableRow; f: NumberFigure }[], ratio: number): { row: TableRow; f: NumberFigure; median: number }[] {
  return findScaleOutliers(values, ratio);
}

/** Outliers of a column's peers, found once per check and shared by the rules that step aside for them. */
const outlierCache = new WeakMap<TableColumn, { ratio: number; sheet: CheckedSheet; found: ReturnType<typeof findScaleOutliers> }>();

function columnOutliers(sheet: CheckedSheet, table: IndicatorTable, col: TableColumn, ratio: number): ReturnType<typeof findScaleOutliers> {
  const c = outlierCache.get(col);
  if (c && c.ratio === ratio && c.sheet === sheet) return c.found;
  const found = findScaleOutliers(numbers(sheet, peers(table), col), ratio);
  outlierCache.set(col, { ratio, sheet, found });
  return found;
}

function findScaleOutliers(values: { row: TableRow; f: NumberFigure }[], ratio: number): { row: TableRow; f: NumberFigure; median: number }[] {
  if (values.length < 4) return [];
  const abs = values.map((v) => Math.abs(v.f.value));
  const out: { row: TableRow; f: NumberFigure; median: number }[] = [];
  const all = median(abs);
  for (let i = 0; i < values.length; i++) {
    // the median of the others is close to the median of all for n ≥ 4; recompute only for candidates
    if (abs[i] < ratio * all * 0.5) continue;
    const m = median(abs.filter((_, j) => j !== i));
    if (m > 0 && abs[i] >= ratio * m) out.push({ ...values[i], median: m });
  }
  return out;
}

interface SumCheck {
  sheet: CheckedSheet;
  col: TableColumn;
  whole: TableRow;
  parts: TableRow[];
  kind: 'total' | 'subtotal' | 'items';
}

/** Every sum a table states: total over its regions, subtotals over their members, numbered items over their parent. */
function sums(sheet: CheckedSheet, table: IndicatorTable, ratio: number): SumCheck[] {
  const out: SumCheck[] = [];
  const cols = additiveColumns(table);
  if (!cols.length) return out;
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  if (isRegional(table)) {
    const total = totalRow(table);
    const ps = peers(table);
    const subtotals = table.rows.filter((r) => r.role === 'subtotal');
    // Subtotals without members in the table are another level (长株潭地区 under the counties of 邵阳): not parts.
    const parts = ps;
    for (const col of cols) {
      const outliers = columnOutliers(sheet, table, col, ratio);
      if (outliers.length) continue; // the unit slip is the finding
      if (total && parts.length >= 2) out.push({ sheet, col, whole: total, parts, kind: 'total' });
      for (const s of subtotals) {
        const members = s.members.map((m) => byRow.get(m)).filter((r): r is TableRow => !!r);
        if (members.length >= 2) out.push({ sheet, col, whole: s, parts: members, kind: 'subtotal' });
      }
    }
  } else if (table.shape === 'items') {
    // Top-level items without a parent belong to the table's total (地方一般公共预算收入 = 一、税收收入 + 二、非税收入).
    const total = totalRow(table);
    const children = new Map<number, TableRow[]>();
    for (const r of table.rows) {
      if (r.role !== 'item') continue;
      const parent = r.parent ?? (total && r.row > total.row ? total.row : null);
      if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), r]);
    }
    for (const [parentRow, kids] of children) {
      const parent = byRow.get(parentRow);
      if (!parent || kids.length < 2) continue;
      // Only lists numbered alike (一、二、 / 1. 2.) are a breakdown of their parent; other lines may be 其中 or another grouping.
      const style = numbering(kids[0].label);
      if (!style || !kids.every((k) => numbering(k.label) === style)) continue;
      if (!sameUnits([parent, ...kids])) continue;
      for (const col of cols) out.push({ sheet, col, whole: parent, parts: kids, kind: 'items' });
    }
  }
  return out;
}

/** The numbering style of an item line (一、 / （一） / 1. / (1)), or null. */
export function numbering(label: string): string | null {
  const s = label.trim();
  if (/^[一二三四五六七八九十]+[、.．]/.test(s)) return 'cn';
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(s)) return 'cn-paren';
  if (/^\d+[、.．]/.test(s)) return 'digit';
  if (/^[(（]\d+[)）]/.test(s)) return 'digit-paren';
  return null;
}

function sameUnits(rows: TableRow[]): boolean {
  const units = new Set(rows.map((r) => (/[(（]([^()（）]*)[)）]\s*$/.exec(r.label)?.[1] ?? '').trim()));
  return units.size === 1;
}

function numbers(sheet: CheckedSheet, rows: TableRow[], col: TableColumn): { row: TableRow; f: NumberFigure }[] {
  const out: { row: TableRow; f: NumberFigure }[] = [];
  for (const row of rows) {
    const f = num(sheet.cells.figure(row.row, col.col));
    if (f) out.push({ row, f });
  }
  return out;
}

/** The sums of a workbook, found once and shared by total-mismatch and city-remainder. */
const sumCache = new WeakMap<CheckContext, SumCheck[]>();

function forEachSum(ctx: CheckContext, fn: (s: SumCheck) => void): void {
  let all = sumCache.get(ctx);
  if (!all) {
    all = [];
    for (const sheet of ctx.sheets) for (const table of sheet.layout.tables) all.push(...sums(sheet, table, ctx.settings.unitScaleRatio));
    sumCache.set(ctx, all);
  }
  for (const s of all) fn(s);
}

interface Evaluated {
  total: NumberFigure;
  sum: number;
  tolerance: number;
  decimals: number;
}

/** The sum of the parts as shown, and the tolerance: half a unit of the last shown digit of every figure combined. */
const evaluated = new WeakMap<SumCheck, Evaluated | null>();

function evaluate(s: SumCheck, parts: TableRow[]): Evaluated | null {
  if (parts !== s.parts) return evaluateParts(s, parts);
  if (!evaluated.has(s)) evaluated.set(s, evaluateParts(s, parts));
  return evaluated.get(s) ?? null;
}

function evaluateParts(s: SumCheck, parts: TableRow[]): Evaluated | null {
  const total = num(s.sheet.cells.figure(s.whole.row, s.col.col));
  if (!total) return null;
  let sum = 0;
  let tolerance = halfUnit(total);
  let decimals = shownDecimals(total);
  for (const p of parts) {
    const f = s.sheet.cells.figure(p.row, s.col.col);
    if (f.kind !== 'number') return null; // a part without a figure: the sum cannot be checked
    sum += shownValue(f);
    tolerance += halfUnit(f);
    decimals = Math.max(decimals, shownDecimals(f));
  }
  return { total, sum, tolerance: tolerance + floatSlack(sum, total.value), decimals };
}

export const totalMismatch: RuleDef = {
  id: 'total-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '合计不等于分项之和', 'en-US': 'Total is not the sum of its parts' },
  test: {
    'zh-CN': '合计（全市、小计、编号分项的上级）等于各部分之和，容差为每个数最后一位显示数字的半个单位之和。人均值、比率、平均数和指数不可加，不核对；“其中”行不计入。',
    'en-US': 'A total (the total row, a subtotal, the parent of numbered items) equals the sum of its parts, within half a unit of the last shown digit of every figure. Per-capita values, rates, averages and indices do not add up and are not checked; "of which" rows are not parts.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{total} {actual}，而 {count} 个地区之和为 {expected}，相差 {diff}（容差 ±{tolerance}）',
      'en-US': '"{indicator}": {total} is {actual} but its {count} regions sum to {expected}, {diff} apart (tolerance ±{tolerance})',
    },
    accounted: {
      'zh-CN': '「{indicator}」{total} {actual}，而 {count} 个地区之和为 {expected}，相差 {diff}（容差 ±{tolerance}）；核算数据分级核算，请确认衔接情况',
      'en-US': '"{indicator}": {total} is {actual} but its {count} regions sum to {expected}, {diff} apart (tolerance ±{tolerance}); accounts are compiled at each level, confirm they reconcile',
    },
    subtotal: {
      'zh-CN': '「{indicator}」小计 {total} {actual}，而所属 {count} 个地区之和为 {expected}，相差 {diff}（容差 ±{tolerance}）',
      'en-US': '"{indicator}": subtotal {total} is {actual} but its {count} members sum to {expected}, {diff} apart (tolerance ±{tolerance})',
    },
    items: {
      'zh-CN': '「{total}」{actual}，而 {count} 个分项之和为 {expected}，相差 {diff}（容差 ±{tolerance}）',
      'en-US': '"{total}" is {actual} but its {count} items sum to {expected}, {diff} apart (tolerance ±{tolerance})',
    },
  },
  run(ctx, out) {
    forEachSum(ctx, (s) => {
      const e = evaluate(s, s.parts);
      if (!e) return;
      out.items();
      if (Math.abs(e.sum - e.total.value) <= e.tolerance) return;
      // Without development zones, the regions may add up (zones often overlap the counties).
      const zoneless = s.parts.filter((p) => !p.zone);
      if (zoneless.length !== s.parts.length && zoneless.length >= 2) {
        const z = evaluate(s, zoneless);
        if (z && Math.abs(z.sum - z.total.value) <= z.tolerance) return;
      }
      const shown = shownValue(e.total);
      // A 全市 total above the sum of its counties: 市本级 (city-level units), left to city-remainder.
      if (s.kind === 'total' && shown > e.sum && mayHoldRemainder(s.whole, s.parts)) return;
      // The whole sum a power of ten away: a unit slip, reported by unit-scale.
      if (s.kind === 'total' && unitSlipPower(e.sum / shown) !== null) return;
      // GDP and value added are accounted for the province and for each city; their sum may differ by design (统一核算, 数据衔接).
      const accounted = s.kind === 'total' && ACCOUNTED.test(s.col.indicator.name);
      out.fail({
        sheet: s.sheet.grid.name,
        cell: address(s.whole.row, s.col.col),
        variant: accounted ? 'accounted' : s.kind === 'total' ? 'default' : s.kind,
        ...(accounted ? { severity: 'warning' as const } : {}),
        params: {
          indicator: s.col.indicator.name,
          total: s.whole.name,
          actual: fmtFigure(e.total),
          expected: fmt(e.sum, e.decimals),
          diff: fmt(e.sum - shown, e.decimals),
          count: s.parts.length,
          tolerance: fmtTolerance(e.tolerance),
        },
        expected: Number(e.sum.toFixed(Math.min(10, e.decimals))),
        actual: shown,
        tolerance: e.tolerance,
      });
    });
  },
};

export const cityRemainder: RuleDef = {
  id: 'city-remainder',
  kind: 'soft',
  severity: 'info',
  title: { 'zh-CN': '全市大于各县市区之和', 'en-US': 'Total above the sum of its regions' },
  test: {
    'zh-CN': '全市（全省）合计大于各县市区之和：差额通常是市本级（省本级）或未分地区的部分，请确认。',
    'en-US': 'The total of a city (province) is above the sum of its regions: usually city-level units (市本级) or figures not assigned to a region. Confirm.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{total} {actual}，比 {count} 个地区之和 {expected} 多 {diff}（{share}%），可能是市本级或未分地区部分',
      'en-US': '"{indicator}": {total} is {actual}, {diff} ({share}%) above the sum of its {count} regions ({expected}): city-level units or unassigned figures?',
    },
  },
  run(ctx, out) {
    forEachSum(ctx, (s) => {
      if (s.kind !== 'total' || !mayHoldRemainder(s.whole, s.parts)) return;
      const e = evaluate(s, s.parts);
      if (!e) return;
      out.items();
      const shown = shownValue(e.total);
      if (shown - e.sum <= e.tolerance) return;
      if (unitSlipPower(e.sum / shown) !== null) return;
      const zoneless = s.parts.filter((p) => !p.zone);
      if (zoneless.length !== s.parts.length) {
        const z = evaluate(s, zoneless);
        if (z && Math.abs(z.sum - shown) <= z.tolerance) return;
      }
      out.fail({
        sheet: s.sheet.grid.name,
        cell: address(s.whole.row, s.col.col),
        params: {
          indicator: s.col.indicator.name,
          total: s.whole.name,
          actual: fmtFigure(e.total),
          expected: fmt(e.sum, e.decimals),
          diff: fmt(shown - e.sum, e.decimals),
          share: shown !== 0 ? fmt(((shown - e.sum) / shown) * 100, 1) : '—',
          count: s.parts.length,
        },
        expected: Number(e.sum.toFixed(Math.min(10, e.decimals))),
        actual: shown,
        tolerance: e.tolerance,
      });
    });
  },
};

/** Parts that must not exceed their whole: 其中 rows, regions against the total, "#工业" columns against their column. */
/** Rows that are parts of another row (其中 rows, regions of the total), and columns that are parts of another column ("#工业"). */
interface PartPlan {
  rows: [part: TableRow, whole: TableRow][];
  cols: [part: TableColumn, whole: TableColumn][];
  additive: TableColumn[];
}

const planCache = new WeakMap<IndicatorTable, PartPlan>();

function partPlan(table: IndicatorTable): PartPlan {
  const cached = planCache.get(table);
  if (cached) return cached;
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const total = totalRow(table);
  const rows: PartPlan['rows'] = [];
  for (const r of table.rows) {
    // a "其中" row, and a line of an item list under the line it details (增值税 under 一、税收收入, 教育 under 支出合计)
    if ((r.role === 'of-which' || r.role === 'item') && r.parent !== null) {
      const p = byRow.get(r.parent);
      if (p && sameUnits([p, r])) rows.push([r, p]);
    } else if (isRegional(table) && total && (r.role === 'peer' || (r.role === 'subtotal' && r.members.length > 0))) rows.push([r, total]);
  }
  const cols: PartPlan['cols'] = [];
  for (const col of table.columns) {
    if (col.partOf === undefined) continue;
    const whole = table.columns.find((c) => c.col === col.partOf);
    if (whole && ADDITIVE_MEASURES.has(col.measure) && whole.measure === col.measure && whole.indicator.additive) cols.push([col, whole]);
  }
  const plan = { rows, cols, additive: additiveColumns(table) };
  planCache.set(table, plan);
  return plan;
}

/**
 * A level (a value, a balance, a target), not a change: a part's increase may exceed the whole's when
 * another part fell (住户存款 +268.87 under 境内存款 +265.92), so only levels are bounded by their whole.
 */
function isLevel(col: TableColumn): boolean {
  return col.measure !== 'increment' && !/增减|增量|增加额|净增/.test(col.header.join(' '));
}

/** Every part and the whole it belongs to, cell by cell, without building a list of them. */
function forEachPart(table: IndicatorTable, fn: (part: TableRow, partCol: TableColumn, whole: TableRow, wholeCol: TableColumn) => void): void {
  const plan = partPlan(table);
  for (const col of plan.additive) if (isLevel(col)) for (const [part, whole] of plan.rows) fn(part, col, whole, col);
  for (const [partCol, wholeCol] of plan.cols) if (isLevel(partCol)) for (const r of table.rows) if (r.role !== 'section') fn(r, partCol, r, wholeCol);
}

/** How a part or whole is named in a message: the row, and the column when parts are columns. */
function placeName(row: TableRow, col: TableColumn, byColumn: boolean): string {
  return byColumn ? `${row.name}·${col.indicator.name}` : row.name;
}

export const partExceedsTotal: RuleDef = {
  id: 'part-exceeds-total',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '部分大于总体', 'en-US': 'Part above its total' },
  test: {
    'zh-CN': '“其中”行、单个地区、“#”分列的数不得大于它所属的总数（如 税收 ≤ 一般公共预算收入），两者均为非负时核对。',
    'en-US': 'An "of which" row, a single region or a "#" column is not above the total it belongs to (tax revenue ≤ budget revenue), checked when both are non-negative.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{part} {actual} 大于所属的 {whole} {expected}',
      'en-US': '"{indicator}": {part} ({actual}) is above {whole} ({expected}) it belongs to',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        // A county entered in 元 among 万元 is reported once, by unit-scale.
        let n = 0;
        const slipped = new Set<string>();
        if (isRegional(table)) {
          for (const col of additiveColumns(table)) for (const o of columnOutliers(sheet, table, col, ctx.settings.unitScaleRatio)) slipped.add(address(o.row.row, col.col));
        }
        forEachPart(table, (partRow, partCol, wholeRow, wholeCol) => {
          if (slipped.size && slipped.has(address(partRow.row, partCol.col))) return;
          const part = num(sheet.cells.figure(partRow.row, partCol.col));
          const whole = num(sheet.cells.figure(wholeRow.row, wholeCol.col));
          if (!part || !whole || part.value < 0 || whole.value < 0) return;
          n++;
          if (part.value <= whole.value) return;
          const tol = halfUnit(part) + halfUnit(whole) + floatSlack(part.value, whole.value);
          if (shownValue(part) <= shownValue(whole) + tol) return;
          if (whole.value > 0 && unitSlipPower(part.value / whole.value) !== null) return; // unit-scale
          const byColumn = partCol !== wholeCol;
          out.fail({
            sheet: sheet.grid.name,
            cell: address(partRow.row, partCol.col),
            params: { indicator: partCol.indicator.name, part: placeName(partRow, partCol, byColumn), whole: placeName(wholeRow, wholeCol, byColumn), actual: fmtFigure(part), expected: fmtFigure(whole) },
            expected: shownValue(whole),
            actual: shownValue(part),
            tolerance: tol,
            related: { sheet: sheet.grid.name, cell: address(wholeRow.row, wholeCol.col) },
          });
        });
        out.items(n);
        n = 0;
      }
    }
  },
};

export const unitScaleRule: RuleDef = {
  id: 'unit-scale',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '单位错误', 'en-US': 'Unit slip' },
  test: {
    'zh-CN': '一个地区的数是其他地区中位数的上千倍（默认 1000 倍，万元填成元）；部分与总体、合计与分项之和相差 10 倍、10⁴ 倍；或与上期相比单独跳变 10 倍、10⁴ 倍而其他地区变化不大。',
    'en-US': 'A region\'s figure is a thousand times (default 1000) the median of the others (元 entered for 万元), or a part and its total, a total and the sum of its parts, are 10 or 10⁴ times apart, or a region alone jumped 10 or 10⁴ times since the previous report while the others barely moved.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} {actual} 约为其他地区中位数 {median} 的 {ratio} 倍，疑为单位错误',
      'en-US': '"{indicator}": {region} ({actual}) is about {ratio} times the median of the others ({median}): a unit slip?',
    },
    total: {
      'zh-CN': '「{indicator}」{total} {actual} 与各地区之和 {expected} 相差约 {ratio} 倍，疑为单位错误',
      'en-US': '"{indicator}": {total} ({actual}) and the sum of its regions ({expected}) are about {ratio} times apart: a unit slip?',
    },
    part: {
      'zh-CN': '「{indicator}」{part} {actual} 约为所属 {whole} {expected} 的 {ratio} 倍，疑为单位错误',
      'en-US': '"{indicator}": {part} ({actual}) is about {ratio} times {whole} ({expected}) it belongs to: a unit slip?',
    },
    previous: {
      'zh-CN': '「{indicator}」{region} {actual} 约为上期 {expected} 的 {ratio} 倍，而其他地区变化不大，疑为单位错误',
      'en-US': '"{indicator}": {region} ({actual}) is about {ratio} times last period\'s figure ({expected}) while the other regions barely moved: a unit slip?',
    },
  },
  run(ctx, out) {
    const ratio = ctx.settings.unitScaleRatio;
    const reported = new Set<string>();
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (isRegional(table)) {
          const ps = peers(table);
          for (const col of additiveColumns(table)) {
            const values = numbers(sheet, ps, col);
            out.items(values.length);
            const outliers = columnOutliers(sheet, table, col, ratio);
            for (const o of outliers) {
              reported.add(`${sheet.grid.name}!${address(o.row.row, col.col)}`);
              out.fail({
                sheet: sheet.grid.name,
                cell: address(o.row.row, col.col),
                params: { indicator: col.indicator.name, region: o.row.name, actual: fmtFigure(o.f), median: fmt(o.median, shownDecimals(o.f)), ratio: fmt(Math.abs(o.f.value) / o.median, 0) },
                actual: shownValue(o.f),
                expected: o.median,
              });
            }
            if (outliers.length) continue;
            const total = totalRow(table);
            const tf = total ? num(sheet.cells.figure(total.row, col.col)) : null;
            if (total && tf && tf.value !== 0 && values.length === ps.length && ps.length >= 2) {
              const sum = values.reduce((a, v) => a + shownValue(v.f), 0);
              const k = unitSlipPower(sum / tf.value);
              if (k !== null) {
                out.fail({
                  sheet: sheet.grid.name,
                  cell: address(total.row, col.col),
                  variant: 'total',
                  params: { indicator: col.indicator.name, total: total.name, actual: fmtFigure(tf), expected: fmt(sum, shownDecimals(tf)), ratio: fmt(10 ** Math.abs(k), 0) },
                  actual: shownValue(tf),
                  expected: sum,
                });
              }
            }
          }
        }
        forEachPart(table, (partRow, partCol, wholeRow, wholeCol) => {
          const part = num(sheet.cells.figure(partRow.row, partCol.col));
          const whole = num(sheet.cells.figure(wholeRow.row, wholeCol.col));
          if (!part || !whole || part.value <= 0 || whole.value <= 0 || part.value <= whole.value) return;
          const k = unitSlipPower(part.value / whole.value);
          if (k === null) return;
          const byColumn = partCol !== wholeCol;
          out.fail({
            sheet: sheet.grid.name,
            cell: address(partRow.row, partCol.col),
            variant: 'part',
            params: { indicator: partCol.indicator.name, part: placeName(partRow, partCol, byColumn), whole: placeName(wholeRow, wholeCol, byColumn), actual: fmtFigure(part), expected: fmtFigure(whole), ratio: fmt(10 ** k, 0) },
            actual: shownValue(part),
            expected: shownValue(whole),
          });
        });
      }
    }
    if (ctx.previous) againstPrevious(ctx, out, reported);
  },
};

/**
 * With last period's report: a region whose value jumped 10 or 10⁴ times while the
 * others barely moved (ratio of the medians within ½–2) was entered in another unit.
 */
function againstPrevious(ctx: CheckContext, out: RuleOutput, reported: Set<string>): void {
  const before = new Map<string, { sheet: string; row: number; col: number; f: NumberFigure; scale: number }>();
  for (const sheet of ctx.previous ?? []) {
    for (const table of sheet.layout.tables) {
      if (!isRegional(table)) continue;
      for (const col of additiveColumns(table)) {
        if (col.measure !== 'value') continue;
        const scale = unitScale(col.unit ?? table.unit) ?? 1;
        for (const r of peers(table)) {
          const f = num(sheet.cells.figure(r.row, col.col));
          if (f) before.set(`${indicatorKey(col.indicator.name)}|${unitBase(col.unit ?? table.unit)}|${r.key}`, { sheet: sheet.grid.name, row: r.row, col: col.col, f, scale });
        }
      }
    }
  }
  if (!before.size) return;
  for (const sheet of ctx.sheets) {
    for (const table of sheet.layout.tables) {
      if (!isRegional(table)) continue;
      for (const col of additiveColumns(table)) {
        if (col.measure !== 'value') continue;
        const scale = unitScale(col.unit ?? table.unit) ?? 1;
        const prefix = `${indicatorKey(col.indicator.name)}|${unitBase(col.unit ?? table.unit)}|`;
        const pairs: { row: TableRow; f: NumberFigure; prev: NonNullable<ReturnType<typeof before.get>>; ratio: number }[] = [];
        for (const r of peers(table)) {
          const f = num(sheet.cells.figure(r.row, col.col));
          const prev = before.get(prefix + r.key);
          if (!f || !prev || f.value <= 0 || prev.f.value <= 0) continue;
          pairs.push({ row: r, f, prev, ratio: (f.value * scale) / (prev.f.value * prev.scale) });
        }
        if (pairs.length < 4) continue;
        out.items(pairs.length);
        for (let i = 0; i < pairs.length; i++) {
          const p = pairs[i];
          if (reported.has(`${sheet.grid.name}!${address(p.row.row, col.col)}`)) continue;
          const others = median(pairs.filter((_, j) => j !== i).map((x) => x.ratio));
          if (!(others >= 0.5 && others <= 2)) continue;
          // the region's change beyond the usual one (1-3月 over 1-2月 is about 1.5 everywhere)
          const k = unitSlipPower(p.ratio / others);
          if (k === null) continue;
          out.fail({
            sheet: sheet.grid.name,
            cell: address(p.row.row, col.col),
            variant: 'previous',
            params: { indicator: col.indicator.name, region: p.row.name, actual: fmtFigure(p.f), expected: fmtFigure(p.prev.f), ratio: fmt(10 ** k, k < 0 ? 4 : 0) },
            actual: shownValue(p.f),
            expected: shownValue(p.prev.f),
            related: { sheet: p.prev.sheet, cell: address(p.prev.row, p.prev.col), workbook: 'previous' },
          });
        }
      }
    }
  }
}

export const SUM_RULES: RuleDef[] = [totalMismatch, cityRemainder, partExceedsTotal, unitScaleRule];
export type { RuleOutput };
