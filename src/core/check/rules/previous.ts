/**
 * Checks against the previous period's report (`--previous`): cumulatives that
 * fall, months that are not the difference of two cumulatives, growth and ranks
 * that swing. Figures are matched across the two workbooks by indicator
 * (indicatorKey), region (TableRow.key; the total row by its key, or as the only
 * total) and measure; 万元 and 亿元 are converted. Comparisons with a previous
 * report that is not earlier than this one are skipped without a finding.
 */
import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address } from '../../grid';
import type { IndicatorTable, Period, TableColumn, TableRow } from '../../layout';
import { parsePeriod } from '../../layout';
import type { CheckContext, CheckedSheet, RuleDef, RuleOutput, Words } from '../context';
import { floatSlack, fmt, fmtFigure, fmtTolerance, halfUnit, isNonNegativeFlow, isRegional, num, reportPeriod, shownDecimals, unitBase, unitScale } from '../context';
import { indicatorKey } from './workbook';

// ---------------------------------------------------------------- periods

/** What a column's figures cover: one month, months from January (累计), a point in time (月末), or something else. */
type Span = 'month' | 'cumulative' | 'point' | 'other';

interface Slot {
  span: Span;
  year: number | null;
  /** 1 for a cumulative; the month itself for a single month */
  start: number | null;
  end: number | null;
  /** the column says 本月/当月 (a month next to a 累计 column) */
  saysMonth: boolean;
}

const SAYS_CUMULATIVE = /累计|累积|cumulative|year[- ]to[- ]date|\bytd\b/i;
const SAYS_MONTH = /本月|当月|this month/i;

function yearOf(text: string | null): number | null {
  return text ? (parsePeriod(text)?.year ?? null) : null;
}

/**
 * The period of a column: its own header, else the table's (not for a time
 * series), else the report's; "累计" under "2025年3月" is 1-3月, "本月" is the
 * month the period ends with.
 */
function slotOf(table: IndicatorTable, col: TableColumn, report: Period | null): Slot {
  const header = col.header.join(' ');
  const saysCumulative = SAYS_CUMULATIVE.test(header);
  const saysMonth = !saysCumulative && SAYS_MONTH.test(header);
  const own = parsePeriod(col.period ?? '');
  const tablePeriod = table.shape === 'time-series' ? null : parsePeriod(table.period ?? '');
  const p = own ?? tablePeriod ?? report;
  const year = p?.year ?? yearOf(table.period) ?? yearOf(table.title) ?? report?.year ?? null;
  if (!p || p.endMonth === null) return { span: 'other', year, start: null, end: null, saysMonth };
  const end = p.endMonth;
  if (saysMonth) return { span: 'month', year, start: end, end, saysMonth };
  const fromJanuary = p.startMonth === 1;
  if (saysCumulative) {
    if (p.kind === 'month' || p.kind === 'month-end' || fromJanuary) return { span: 'cumulative', year, start: 1, end, saysMonth };
    return { span: 'other', year, start: p.startMonth, end, saysMonth };
  }
  if ((p.kind === 'cumulative' || p.kind === 'half' || p.kind === 'quarter' || p.kind === 'year') && fromJanuary) return { span: 'cumulative', year, start: 1, end, saysMonth };
  if (p.kind === 'month') return { span: 'month', year, start: end, end, saysMonth };
  if (p.kind === 'month-end') return { span: 'point', year, start: end, end, saysMonth };
  return { span: 'other', year, start: p.startMonth, end, saysMonth };
}

function sameYear(a: { year: number | null }, b: { year: number | null }): boolean {
  return a.year === null || b.year === null || a.year === b.year;
}

/** Is `a` before `b`? Unknown years are taken to be the same year. */
function before(a: { year: number | null; end: number | null }, b: { year: number | null; end: number | null }): boolean {
  if (a.end === null || b.end === null) return false;
  if (a.year !== null && b.year !== null && a.year !== b.year) return a.year < b.year;
  return a.end < b.end;
}

function slotLabel(s: Slot, withYear: boolean): string {
  const y = withYear && s.year !== null ? `${s.year}年` : '';
  if (s.end === null) return '';
  if (s.span === 'cumulative') return `${y}${s.start ?? 1}-${s.end}月`;
  if (s.span === 'point') return `${y}${s.end}月末`;
  if (s.start !== null && s.start !== s.end) return `${y}${s.start}-${s.end}月`;
  return `${y}${s.end}月`;
}

interface Reports {
  current: Period | null;
  previous: Period | null;
  /** false when both periods are known and the previous one is not earlier: nothing is compared */
  ordered: boolean;
}

function reports(ctx: CheckContext, previous: CheckedSheet[]): Reports {
  const current = ctx.period;
  const prev = reportPeriod(previous);
  const asSlot = (p: Period | null) => ({ year: p?.year ?? null, end: p?.endMonth ?? null });
  const known = current?.endMonth != null && prev?.endMonth != null;
  return { current, previous: prev, ordered: !known || before(asSlot(prev), asSlot(current)) };
}

// ---------------------------------------------------------------- figures of both workbooks

interface Entry {
  sheet: CheckedSheet;
  table: IndicatorTable;
  col: TableColumn;
  row: TableRow;
  f: NumberFigure;
  /** indicatorKey of the name, without period words and "各县市区" */
  indicator: string;
  /** region id: key, with 县 kept apart (邵阳县 / 邵阳市) and totals and subtotals apart from peers */
  region: string;
  slot: Slot;
  unit: string | null;
  /** for ranks: what is ranked (growth, value …) as the header says, '' when it does not */
  basis: string;
}

const ROW_DESCRIPTION = /各县[(（]?市[、,，]?区[)）]?|各县市区|各县区|各县市|各区县|各市州|各市县|各地区|分县市区|分县区|分地区/g;
const PERIOD_WORDS = /(?:\d{4}年)?\d{1,2}(?:[-—–~～至到]\d{1,2})?月(?:份|末|底)?(?:累计)?|(?:19|20)\d{2}年/g;

function indicatorOf(col: TableColumn): string {
  return indicatorKey(col.indicator.name.replace(PERIOD_WORDS, '').replace(ROW_DESCRIPTION, ''));
}

function regionOf(row: TableRow): string {
  if (row.role === 'total') return `total:${row.key}`;
  const county = /县$/.test(row.name) ? '县' : '';
  return `${row.role === 'subtotal' ? 'sub:' : ''}${row.key}|${county}`;
}

function rankBasis(col: TableColumn): string {
  const h = col.header.join(' ');
  if (/增速|增长|增幅|growth/i.test(h)) return 'growth';
  if (/增量|增加额|increment/i.test(h)) return 'increment';
  if (/总量|绝对|规模|总额|level|value/i.test(h)) return 'value';
  return '';
}

const MEASURES = new Set<TableColumn['measure']>(['value', 'growth', 'rank']);

/** A column of a regional table, as the entries of its figures see it. */
interface ColumnEntry {
  sheet: CheckedSheet;
  table: IndicatorTable;
  col: TableColumn;
  slot: Slot;
  indicator: string;
  unit: string | null;
}

/** Columns of regional tables in the measures given (value, growth, rank by default). */
function columnsOf(sheets: CheckedSheet[], report: Period | null, measures: ReadonlySet<TableColumn['measure']> = MEASURES): ColumnEntry[] {
  const out: ColumnEntry[] = [];
  for (const sheet of sheets) {
    for (const table of sheet.layout.tables) {
      if (!isRegional(table)) continue;
      for (const col of table.columns) {
        if (!measures.has(col.measure)) continue;
        const unit = col.unit ?? (col.measure === 'value' ? table.unit : null);
        out.push({ sheet, table, col, slot: slotOf(table, col, report), indicator: indicatorOf(col), unit });
      }
    }
  }
  return out;
}

/** Every figure of the columns, on a total, peer or subtotal row. */
function entriesOf(columns: ColumnEntry[]): Entry[] {
  const out: Entry[] = [];
  const rowsOf = new Map<IndicatorTable, TableRow[]>();
  for (const { sheet, table, col, slot, indicator, unit } of columns) {
    let rows = rowsOf.get(table);
    if (!rows) rowsOf.set(table, (rows = table.rows.filter((r) => r.role === 'peer' || r.role === 'total' || r.role === 'subtotal')));
    const basis = col.measure === 'rank' ? rankBasis(col) : '';
    for (const row of rows) {
      const f = num(sheet.cells.figure(row.row, col.col));
      if (!f) continue;
      out.push({ sheet, table, col, row, f, indicator, region: regionOf(row), slot, unit, basis });
    }
  }
  return out;
}

/** Every figure of a regional table in a value, growth or rank column, on a total, peer or subtotal row. */
function collect(sheets: CheckedSheet[], report: Period | null): Entry[] {
  return entriesOf(columnsOf(sheets, report));
}

const VALUES = new Set<TableColumn['measure']>(['value']);

/**
 * The cumulative value columns of indicators that hold two cumulatives or more in this workbook
 * (1-2月 beside 1-3月), or, when `months`, the month and cumulative columns of such indicators that
 * also have a month: the only columns the
 * within-workbook cumulative checks can compare, found before any figure is read, so that a big table
 * of one period costs nothing.
 */
function cumulativePairs(sheets: CheckedSheet[], report: Period | null, months: boolean): ColumnEntry[] {
  const cols = columnsOf(sheets, report, VALUES);
  const ends = new Map<string, Set<string>>();
  for (const c of cols) {
    if (c.slot.span !== 'cumulative' || c.slot.end === null) continue;
    // by indicator only: a year not written matches any (sameYear), so the years are compared later
    const set = ends.get(c.indicator) ?? new Set<string>();
    set.add(`${c.slot.year ?? ''}|${c.slot.end}`);
    ends.set(c.indicator, set);
  }
  const withMonth = new Set(cols.filter((c) => c.slot.span === 'month').map((c) => c.indicator));
  const keep = (c: ColumnEntry): boolean => {
    if ((ends.get(c.indicator)?.size ?? 0) < 2) return false;
    if (!months) return c.slot.span === 'cumulative';
    return withMonth.has(c.indicator) && (c.slot.span === 'cumulative' || c.slot.span === 'month');
  };
  return cols.filter(keep);
}

/** Entries by indicator, measure and region; totals also under '#total' to match 全市 with 邵阳市. */
class EntryIndex {
  private readonly byKey = new Map<string, Entry[]>();

  constructor(entries: Entry[]) {
    for (const e of entries) {
      this.add(`${e.indicator}|${e.col.measure}|${e.region}`, e);
      if (e.row.role === 'total') this.add(`${e.indicator}|${e.col.measure}|#total`, e);
    }
  }

  private add(key: string, e: Entry): void {
    const list = this.byKey.get(key);
    if (list) list.push(e);
    else this.byKey.set(key, [e]);
  }

  /** The same indicator, measure and region; a total under another name when it is the only total. */
  find(e: Entry): Entry[] {
    const own = this.byKey.get(`${e.indicator}|${e.col.measure}|${e.region}`);
    if (own) return own;
    if (e.row.role !== 'total') return [];
    const totals = this.byKey.get(`${e.indicator}|${e.col.measure}|#total`) ?? [];
    return new Set(totals.map((t) => t.region)).size === 1 ? totals : [];
  }
}

/** Multipliers to the base unit for two units, or null when they cannot be converted (or one is unknown). */
function scales(a: string | null, b: string | null): [number, number] | null {
  if (!a && !b) return [1, 1];
  if (!a || !b) return null;
  if (unitBase(a) !== unitBase(b)) return null;
  const sa = unitScale(a);
  const sb = unitScale(b);
  return sa === null || sb === null ? null : [sa, sb];
}

/** Decimals to show a figure of `from` decimals once converted by `factor` (亿元 → 万元: 4 fewer). */
function convertedDecimals(from: number, factor: number): number {
  return Math.max(0, Math.min(10, from + Math.round(Math.log10(factor))));
}

function rounded(x: number, decimals: number): number {
  return Number(x.toFixed(Math.max(0, Math.min(10, decimals))));
}

function unitWords(unit: string | null): Words {
  return { 'zh-CN': unit ?? '', 'en-US': unit ? ` ${unit}` : '' };
}

function previousCell(e: Entry): { sheet: string; cell: string; workbook: 'previous' } {
  return { sheet: e.sheet.grid.name, cell: address(e.row.row, e.col.col), workbook: 'previous' };
}

/** The latest of the candidates (by period), the first one on a tie. */
function latest(candidates: Entry[]): Entry | null {
  let best: Entry | null = null;
  for (const c of candidates) {
    if (!best) best = c;
    else if (c.slot.end !== null && (best.slot.end === null || before(best.slot, c.slot))) best = c;
  }
  return best;
}

function isAmount(e: Entry): boolean {
  return e.col.measure === 'value' && e.col.indicator.additive && e.unit !== '%' && e.unit !== '‰' && e.unit !== '个百分点';
}

/** A cumulative of a flow that never falls within a year (not 余额, 利润, counts, rates …). */
function isCumulativeFlow(e: Entry): boolean {
  if (!isAmount(e) || e.slot.span !== 'cumulative' || e.slot.end === null) return false;
  const period: Period = { label: slotLabel(e.slot, true), year: e.slot.year, startMonth: 1, endMonth: e.slot.end, kind: 'cumulative' };
  return isNonNegativeFlow(`${e.col.indicator.name} ${e.col.header.join(' ')}`, period, e.unit);
}

/** Stocks, counts, prices and rates have no month that is a difference of cumulatives. */
const NOT_A_FLOW = /余额|存量|库存|末|底|人数|个数|户数|家数|单位数|价格|指数|率|均|比重|balance|stock|rate|index|price|average/i;

// ---------------------------------------------------------------- rules

export const cumulativeDecrease: RuleDef = {
  id: 'cumulative-decrease',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '累计值小于上期', 'en-US': 'Cumulative below last period' },
  test: {
    'zh-CN': '非负流量指标本期的累计值（如 1-3月）不小于同一年较早的累计值（1-2月）：本工作簿中较早的累计列，或上期报表；余额等存量、利润等可正可负的指标、人数户数和比率不核对。万元与亿元换算后比较，容差为两数显示位数的半个单位之和。',
    'en-US': 'A cumulative of a non-negative flow (1-3月) is not below an earlier cumulative of the same year (1-2月), from an earlier column of this workbook or from last report; stocks (balances), signed flows (profits), counts and rates are not checked. 万元 and 亿元 are converted; the tolerance is half a unit of the shown digits of both figures.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} {period}累计 {actual}{unit} 小于上期 {prevPeriod}累计 {expected}{unit}，减少 {diff}（容差 ±{tolerance}），累计值不应减少',
      'en-US': '"{indicator}": {region} cumulative {period} is {actual}{unit}, below last report\'s {prevPeriod} cumulative of {expected}{unit} ({diff} less, tolerance ±{tolerance}); a cumulative cannot fall',
    },
    here: {
      'zh-CN': '「{indicator}」{region} {period}累计 {actual}{unit} 小于{source} {prevPeriod}累计 {expected}{unit}，减少 {diff}（容差 ±{tolerance}），累计值不应减少',
      'en-US': '"{indicator}": {region} cumulative {period} is {actual}{unit}, below the {prevPeriod} cumulative of {expected}{unit} in {source} ({diff} less, tolerance ±{tolerance}); a cumulative cannot fall',
    },
    converted: {
      'zh-CN': '「{indicator}」{region} {period}累计 {actual}{unit} 小于上期 {prevPeriod}累计 {expected}{unit}（上期表中为 {previous}{prevUnit}），减少 {diff}（容差 ±{tolerance}），累计值不应减少',
      'en-US': '"{indicator}": {region} cumulative {period} is {actual}{unit}, below last report\'s {prevPeriod} cumulative of {expected}{unit} ({previous}{prevUnit} there; {diff} less, tolerance ±{tolerance}); a cumulative cannot fall',
    },
  },
  run(ctx, out) {
    // Earlier cumulatives of the same year: in this workbook (a table with 1-2月 beside 1-3月) and, with
    // --previous, in last report. This workbook's own figure comes first: it is the one printed beside.
    decreasesDown(ctx, out);
    const prevSheets = ctx.previous;
    const r = prevSheets ? reports(ctx, prevSheets) : null;
    // without last report, only indicators with two cumulatives of a year in this workbook can fall
    const current = entriesOf(r ? columnsOf(ctx.sheets, r.current, VALUES) : cumulativePairs(ctx.sheets, ctx.period, false)).filter(isCumulativeFlow);
    const own = new EntryIndex(current);
    const index = new EntryIndex(prevSheets && r?.ordered ? entriesOf(columnsOf(prevSheets, r.previous, VALUES)).filter(isCumulativeFlow) : []);
    for (const e of current) {
      const earlier = (list: Entry[]): Entry | null => latest(list.filter((c) => c !== e && sameYear(c.slot, e.slot) && (c.slot.end ?? 99) < (e.slot.end ?? 0)));
      const mine = earlier(own.find(e).filter((c) => c.table === e.table)) ?? earlier(own.find(e));
      const p = mine ?? earlier(index.find(e));
      if (!p) continue;
      const inWorkbook = p === mine;
      const sc = scales(e.unit, p.unit);
      if (!sc) continue;
      const [sCur, sPrev] = sc;
      out.items();
      const cur = shownValue(e.f) * sCur;
      const prev = shownValue(p.f) * sPrev;
      const tol = halfUnit(e.f) * sCur + halfUnit(p.f) * sPrev + floatSlack(cur, prev);
      if (cur >= prev - tol) continue;
      const decimals = Math.max(shownDecimals(e.f), convertedDecimals(shownDecimals(p.f), sCur / sPrev));
      const expected = prev / sCur;
      const converted = sCur !== sPrev;
      const source: Words = p.table === e.table ? SOURCE_WORDS.table : { 'zh-CN': `「${p.sheet.grid.name}」`, 'en-US': `"${p.sheet.grid.name}"` };
      out.fail({
        sheet: e.sheet.grid.name,
        cell: address(e.row.row, e.col.col),
        ...(inWorkbook ? { variant: 'here' } : converted ? { variant: 'converted' } : {}),
        params: {
          indicator: e.col.indicator.name,
          region: e.row.name,
          period: slotLabel(e.slot, false),
          prevPeriod: slotLabel(p.slot, false),
          actual: fmtFigure(e.f),
          expected: fmt(expected, decimals),
          previous: fmtFigure(p.f),
          unit: unitWords(e.unit),
          prevUnit: unitWords(p.unit),
          diff: fmt(expected - shownValue(e.f), decimals),
          tolerance: fmtTolerance(tol / sCur),
          source,
        },
        expected: rounded(expected, decimals),
        actual: shownValue(e.f),
        tolerance: tol / sCur,
        related: inWorkbook ? { sheet: p.sheet.grid.name, cell: address(p.row.row, p.col.col) } : previousCell(p),
      });
    }
  },
};

/**
 * A table whose lines are the cumulative periods of a year, down ("1-2月", "1-3月" …, the year written
 * beside the first of its months, as chart data sheets hold them): the lines with their year and last month,
 * or null when the lines are not such periods.
 */
function periodsDown(sheet: CheckedSheet, table: IndicatorTable): { row: TableRow; year: number | null; end: number }[] | null {
  const rows = table.rows.filter((r) => r.role !== 'section');
  if (rows.length < 3) return null;
  const out: { row: TableRow; year: number | null; end: number }[] = [];
  let year: number | null = null;
  for (const r of rows) {
    for (let c = 0; c < table.labelColumn; c++) {
      const y = /((?:19|20)\d{2})\s*年?/.exec(sheet.cells.text(r.row, c));
      if (y) year = Number(y[1]);
    }
    const p = parsePeriod(r.label);
    if (!p || p.kind !== 'cumulative' || p.startMonth !== 1 || p.endMonth === null) return null;
    out.push({ row: r, year: p.year ?? year, end: p.endMonth });
  }
  return out;
}

/** cumulative-decrease down a table of periods: within a year, no cumulative below the one before it. */
function decreasesDown(ctx: CheckContext, out: RuleOutput): void {
  for (const sheet of ctx.sheets) {
    for (const table of sheet.layout.tables) {
      if (isRegional(table)) continue;
      const lines = periodsDown(sheet, table);
      if (!lines) continue;
      for (const col of table.columns) {
        if (col.measure !== 'value') continue;
        const unit = col.unit ?? table.unit;
        if (!isNonNegativeFlow(`${col.indicator.name} ${col.header.join(' ')}`, null, unit)) continue;
        for (let i = 1; i < lines.length; i++) {
          const a = lines[i - 1];
          const b = lines[i];
          if (a.year !== b.year || b.end <= a.end) continue;
          const fa = num(sheet.cells.figure(a.row.row, col.col));
          const fb = num(sheet.cells.figure(b.row.row, col.col));
          if (!fa || !fb) continue;
          out.items();
          const tol = halfUnit(fa) + halfUnit(fb) + floatSlack(shownValue(fa), shownValue(fb));
          if (shownValue(fb) >= shownValue(fa) - tol) continue;
          const y = b.year !== null ? `${b.year}年` : '';
          out.fail({
            sheet: sheet.grid.name,
            cell: address(b.row.row, col.col),
            variant: 'here',
            params: {
              indicator: col.indicator.name,
              region: '',
              period: `${y}1-${b.end}月`,
              prevPeriod: `${y}1-${a.end}月`,
              actual: fmtFigure(fb),
              expected: fmtFigure(fa),
              unit: unitWords(unit),
              diff: fmt(shownValue(fa) - shownValue(fb), Math.max(shownDecimals(fa), shownDecimals(fb))),
              tolerance: fmtTolerance(tol),
              source: SOURCE_WORDS.table,
            },
            expected: shownValue(fa),
            actual: shownValue(fb),
            tolerance: tol,
            related: { sheet: sheet.grid.name, cell: address(a.row.row, col.col) },
          });
        }
      }
    }
  }
}

const SOURCE_WORDS = {
  table: { 'zh-CN': '本表', 'en-US': 'this table' },
  previous: { 'zh-CN': '上期报表', 'en-US': 'last report' },
} as const;

export const monthMismatch: RuleDef = {
  id: 'month-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '当月值与累计值不符', 'en-US': 'Month disagrees with the cumulatives' },
  test: {
    'zh-CN': '当月值等于本期累计减上期累计（3月 = 1-3月 − 1-2月），上期累计取自本表较早的累计列或上期报表。1、2月合并发布（1-2月），2月当月值无法推算，不核对。余额等存量不核对；容差为三个数显示位数的半个单位之和。',
    'en-US': 'A month equals this cumulative less the one before (3月 = 1-3月 − 1-2月); the earlier cumulative comes from an earlier column of the table or from last report. January and February are released together (1-2月), so February is never checked. Stocks are not checked; the tolerance is half a unit of the shown digits of the three figures.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} {month}月 {actual}{unit}，而 {period}累计 {current} 减 {prevPeriod}累计 {previous}（{source}）为 {expected}，相差 {diff}（容差 ±{tolerance}）',
      'en-US': '"{indicator}": {region} month {month} is {actual}{unit} but cumulative {period} ({current}) less {prevPeriod} ({previous}, {source}) is {expected}, {diff} apart (tolerance ±{tolerance})',
    },
  },
  run(ctx, out) {
    // Without --previous, the earlier cumulative can only come from this workbook (1-2月 beside 1-3月 and 3月).
    const prevSheets = ctx.previous ?? [];
    const r = ctx.previous ? reports(ctx, prevSheets) : { current: ctx.period, previous: null, ordered: false };
    // without last report, only indicators with a month beside cumulatives of its year can be checked
    const current = entriesOf(ctx.previous ? columnsOf(ctx.sheets, r.current, VALUES) : cumulativePairs(ctx.sheets, r.current, true));
    const cumulative = (e: Entry): boolean => isAmount(e) && e.slot.span === 'cumulative' && e.slot.start === 1 && e.slot.end !== null;
    const here = new EntryIndex(current.filter(cumulative));
    // A previous report that is not earlier gives no earlier cumulative.
    const earlier = new EntryIndex(r.ordered ? entriesOf(columnsOf(prevSheets, r.previous, VALUES)).filter(cumulative) : []);
    for (const m of current) {
      if (!isAmount(m) || m.slot.span !== 'month' || m.slot.end === null) continue;
      // 1-2月 is released as one: February (and January) alone cannot be derived.
      if (m.slot.end <= 2) continue;
      if (NOT_A_FLOW.test(`${m.col.indicator.name} ${m.col.header.join(' ')}`)) continue;
      const end = m.slot.end;
      const sameTableFirst = (list: Entry[]): Entry | null => list.find((c) => c.table === m.table && c.row === m.row) ?? list[0] ?? null;
      const candidates = here.find(m).filter((c) => sameYear(c.slot, m.slot));
      const now = sameTableFirst(candidates.filter((c) => c.slot.end === end));
      if (!now) continue;
      let prev = sameTableFirst(candidates.filter((c) => c.slot.end === end - 1));
      let fromPrevious = false;
      if (!prev) {
        prev = sameTableFirst(earlier.find(m).filter((c) => c.slot.end === end - 1 && sameYear(c.slot, m.slot)));
        fromPrevious = prev !== null;
      }
      if (!prev) continue;
      const a = scales(m.unit, now.unit);
      const b = scales(m.unit, prev.unit);
      if (!a || !b) continue;
      const [sMonth, sNow] = a;
      const sPrev = b[1];
      out.items();
      const month = shownValue(m.f) * sMonth;
      const nowBase = shownValue(now.f) * sNow;
      const prevBase = shownValue(prev.f) * sPrev;
      const expectedBase = nowBase - prevBase;
      const tol = halfUnit(m.f) * sMonth + halfUnit(now.f) * sNow + halfUnit(prev.f) * sPrev + floatSlack(month, nowBase, prevBase);
      if (Math.abs(month - expectedBase) <= tol) continue;
      const decimals = Math.max(shownDecimals(m.f), convertedDecimals(shownDecimals(now.f), sMonth / sNow), convertedDecimals(shownDecimals(prev.f), sMonth / sPrev));
      const expected = expectedBase / sMonth;
      const sameWorkbookSource: Words =
        prev.table === m.table ? SOURCE_WORDS.table : { 'zh-CN': `「${prev.sheet.grid.name}」`, 'en-US': `"${prev.sheet.grid.name}"` };
      out.fail({
        sheet: m.sheet.grid.name,
        cell: address(m.row.row, m.col.col),
        params: {
          indicator: m.col.indicator.name,
          region: m.row.name,
          month: end,
          period: slotLabel(now.slot, false),
          prevPeriod: slotLabel(prev.slot, false),
          actual: fmtFigure(m.f),
          unit: unitWords(m.unit),
          current: fmt(nowBase / sMonth, decimals),
          previous: fmt(prevBase / sMonth, decimals),
          source: fromPrevious ? SOURCE_WORDS.previous : sameWorkbookSource,
          expected: fmt(expected, decimals),
          diff: fmt(Math.abs(shownValue(m.f) - expected), decimals),
          tolerance: fmtTolerance(tol / sMonth),
        },
        expected: rounded(expected, decimals),
        actual: shownValue(m.f),
        tolerance: tol / sMonth,
        related: fromPrevious ? previousCell(prev) : { sheet: prev.sheet.grid.name, cell: address(prev.row.row, prev.col.col) },
      });
    }
  },
};

/**
 * Pairs of a figure of this report (of the report's period) and the same
 * figure in last report: the latest earlier one, of the same kind (本月 with
 * 本月, the rest with the rest).
 */
function pairs(ctx: CheckContext, measure: TableColumn['measure'], rows: (r: TableRow) => boolean, basisToo: boolean): { e: Entry; p: Entry }[] {
  const prevSheets = ctx.previous;
  if (!prevSheets) return [];
  const r = reports(ctx, prevSheets);
  if (!r.ordered) return [];
  const index = new EntryIndex(collect(prevSheets, r.previous).filter((e) => e.col.measure === measure && rows(e.row)));
  const out: { e: Entry; p: Entry }[] = [];
  for (const e of collect(ctx.sheets, r.current)) {
    if (e.col.measure !== measure || !rows(e.row)) continue;
    // Earlier columns of a time series are history, not this report's figure.
    if (r.current?.endMonth != null && e.slot.end !== null && (e.slot.end !== r.current.endMonth || !sameYear(e.slot, { year: r.current.year }))) continue;
    const kin = index.find(e).filter((c) => c.slot.saysMonth === e.slot.saysMonth);
    // Ranks: 增速位次 with 增速位次; a rank whose header does not say what it ranks (排名) with any, when no better.
    const exact = basisToo ? kin.filter((c) => c.basis === e.basis) : kin;
    const candidates = exact.length ? exact : kin.filter((c) => c.basis === '' || e.basis === '');
    const known = candidates.filter((c) => c.slot.end !== null && e.slot.end !== null);
    const p = known.length ? latest(known.filter((c) => before(c.slot, e.slot))) : (candidates[0] ?? null);
    if (p) out.push({ e, p });
  }
  return out;
}

const UP_DOWN = {
  growthUp: { 'zh-CN': '提高', 'en-US': 'up' },
  growthDown: { 'zh-CN': '回落', 'en-US': 'down' },
  rankUp: { 'zh-CN': '前移', 'en-US': 'up' },
  rankDown: { 'zh-CN': '后移', 'en-US': 'down' },
} as const;

function periodWords(p: Entry, e: Entry): Words {
  const label = slotLabel(p.slot, p.slot.year !== null && e.slot.year !== null && p.slot.year !== e.slot.year);
  return label ? { 'zh-CN': `（${label}）`, 'en-US': ` (${label})` } : { 'zh-CN': '', 'en-US': '' };
}

export const growthSwing: RuleDef = {
  id: 'growth-swing',
  kind: 'soft',
  severity: 'warning',
  needsPrevious: true,
  title: { 'zh-CN': '增速较上期变动大', 'en-US': 'Growth moved a lot since last report' },
  test: {
    'zh-CN': '同一指标、同一地区公布的增速与上期报表相比变动超过阈值（默认 20 个百分点），按显示的数比较：请核实并说明原因。',
    'en-US': 'A region\'s published growth moved more than a threshold (default 20 points) since last report, same indicator, on the displayed figures: confirm and explain.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 增速 {actual}%，上期{prevPeriod}为 {expected}%，{direction} {diff} 个百分点，变动超过 {threshold} 个百分点',
      'en-US': '"{indicator}": {region} grew {actual}%, against {expected}% in last report{prevPeriod}: {direction} {diff} points, more than {threshold}',
    },
  },
  run(ctx, out) {
    const threshold = ctx.settings.growthSwing;
    for (const { e, p } of pairs(ctx, 'growth', (r) => r.role === 'peer' || r.role === 'total' || r.role === 'subtotal', false)) {
      if (e.unit === '个百分点' || p.unit === '个百分点') continue;
      out.items();
      const decimals = Math.max(shownDecimals(e.f), shownDecimals(p.f));
      const change = rounded(shownValue(e.f) - shownValue(p.f), decimals);
      if (Math.abs(change) <= threshold) continue;
      out.fail({
        sheet: e.sheet.grid.name,
        cell: address(e.row.row, e.col.col),
        params: {
          indicator: e.col.indicator.name,
          region: e.row.name,
          actual: fmtFigure(e.f),
          expected: fmtFigure(p.f),
          prevPeriod: periodWords(p, e),
          direction: change > 0 ? UP_DOWN.growthUp : UP_DOWN.growthDown,
          diff: fmt(Math.abs(change), decimals),
          threshold,
        },
        expected: shownValue(p.f),
        actual: shownValue(e.f),
        tolerance: threshold,
        related: previousCell(p),
      });
    }
  },
};

export const rankSwing: RuleDef = {
  id: 'rank-swing',
  kind: 'soft',
  severity: 'info',
  needsPrevious: true,
  title: { 'zh-CN': '位次较上期变动大', 'en-US': 'Rank moved a lot since last report' },
  test: {
    'zh-CN': '同一指标、同一地区公布的位次与上期报表相比变动超过阈值（默认 5 位）；位次变化 = 上期位次 − 本期位次（正数为前移）。',
    'en-US': 'A region\'s published rank moved more than a threshold (default 5 places) since last report; rank change = previous rank − current rank (positive: moved up).',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 位次由上期{prevPeriod}第{expected}位{direction}至第{actual}位（位次变化 {change}），变动超过 {threshold} 位',
      'en-US': '"{indicator}": {region} moved {direction} from rank {expected} in last report{prevPeriod} to {actual} (change {change}), more than {threshold} places',
    },
  },
  run(ctx, out) {
    const threshold = ctx.settings.rankSwing;
    for (const { e, p } of pairs(ctx, 'rank', (r) => r.role === 'peer', true)) {
      const cur = e.f.value;
      const prev = p.f.value;
      if (!Number.isInteger(cur) || !Number.isInteger(prev) || cur < 1 || prev < 1) continue;
      out.items();
      const change = prev - cur;
      if (Math.abs(change) <= threshold) continue;
      out.fail({
        sheet: e.sheet.grid.name,
        cell: address(e.row.row, e.col.col),
        params: {
          indicator: e.col.indicator.name,
          region: e.row.name,
          actual: cur,
          expected: prev,
          prevPeriod: periodWords(p, e),
          direction: change > 0 ? UP_DOWN.rankUp : UP_DOWN.rankDown,
          change: change > 0 ? `+${change}` : String(change),
          threshold,
        },
        expected: prev,
        actual: cur,
        tolerance: threshold,
        related: previousCell(p),
      });
    }
  },
};

export const PREVIOUS_RULES: RuleDef[] = [cumulativeDecrease, monthMismatch, growthSwing, rankSwing];
