import { formatFixed } from '../compute';
import type { Figure, NumberFigure } from '../figures';
import { decimalsWritten, shownValue } from '../figures';
import type { Grid } from '../grid';
import type { Lang } from '../i18n';
import type { IndicatorTable, Period, SheetCells, SheetLayout, TableRow } from '../layout';
import { parsePeriod } from '../layout';
import type { CheckSettings, Finding, RuleId, RuleKind, Severity } from './Check.types';

/** One sheet as the checker sees it: the grid, its figures read once, and the tables found. */
export interface CheckedSheet {
  grid: Grid;
  cells: SheetCells;
  layout: SheetLayout;
}

export interface CheckContext {
  sheets: CheckedSheet[];
  /** last period's report (`--previous`), when given */
  previous: CheckedSheet[] | null;
  settings: CheckSettings;
  lang: Lang;
  /** the report's period: from the settings, or the one most tables state */
  period: Period | null;
}

/** Text in both languages, for message parameters that are words. */
export type Words = Record<Lang, string>;
export type Param = string | number | Words;

/** A finding before its message is written in the user's language. */
export interface Draft {
  sheet: string;
  cell: string;
  cells?: string[];
  /** which of the rule's messages (default: 'default') */
  variant?: string;
  params?: Record<string, Param>;
  expected?: number | string;
  actual?: number | string;
  tolerance?: number;
  related?: Finding['related'];
  /** a variant that is less (or more) serious than the rule's default */
  severity?: Severity;
  /** how many of the rule's items fail with this finding (default 1, or the number of cells) */
  fails?: number;
}

export interface RuleOutput {
  /** count items looked at (figures, sums, tables) */
  items(n?: number): void;
  fail(draft: Draft): void;
}

/** A rule: data (id, kind, severity, words) plus a pure function over the workbook. */
export interface RuleDef {
  id: RuleId;
  kind: RuleKind;
  severity: Severity;
  title: Words;
  /** what is tested, one sentence, for the README and the task pane */
  test: Words;
  /** message templates; {name} is replaced by the draft's params */
  messages: Record<string, Words>;
  /** the rule compares with the previous report and runs only when one is given */
  needsPrevious?: boolean;
  run(ctx: CheckContext, out: RuleOutput): void;
}

// ---------------------------------------------------------------- figures

export function num(f: Figure): NumberFigure | null {
  return f.kind === 'number' ? f : null;
}

/** Decimals the reader sees: from the format, or, for General, those of the value shown with 10 significant digits. */
export function shownDecimals(f: NumberFigure): number {
  if (f.decimals !== null) return f.decimals;
  if (Number.isInteger(f.value)) return 0;
  return Math.min(10, decimalsWritten(String(shownValue(f))));
}

/** Half a unit of the last displayed digit. */
export function halfUnit(f: NumberFigure): number {
  return 0.5 * 10 ** -shownDecimals(f);
}

/** Slack for binary floating point on sums of figures of this size. */
export function floatSlack(...values: number[]): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m * 1e-12 + 1e-12;
}

/** A number written for people: grouped thousands, the given decimals. */
export function fmt(x: number, decimals: number): string {
  const d = Math.max(0, Math.min(10, decimals));
  const s = formatFixed(x, d);
  const [int, frac] = s.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = sign ? int.slice(1) : int;
  const grouped = digits.length > 4 ? digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : digits;
  return sign + grouped + (frac !== undefined ? '.' + frac : '');
}

/** A figure written as shown. */
export function fmtFigure(f: NumberFigure): string {
  return fmt(shownValue(f), shownDecimals(f));
}

/** A tolerance written with three significant digits, trailing zeros dropped (3, 0.085, 6.5, 501). */
export function fmtTolerance(t: number): string {
  if (!(t > 0) || !Number.isFinite(t)) return '0';
  const d = Math.max(0, Math.min(10, 2 - Math.floor(Math.log10(t))));
  const s = fmt(Number(t.toPrecision(3)), d);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

// ---------------------------------------------------------------- tables

export function isRegional(table: IndicatorTable): boolean {
  return table.shape !== 'items' && table.rows.some((r) => r.role === 'peer');
}

export function totalRow(table: IndicatorTable): TableRow | null {
  return table.rows.find((r) => r.role === 'total') ?? null;
}

export function peers(table: IndicatorTable): TableRow[] {
  return table.rows.filter((r) => r.role === 'peer');
}

/** Rows that carry figures a statistician checks: total, peers, subtotals, 其中 rows, items. */
export function figureRows(table: IndicatorTable): TableRow[] {
  return table.rows.filter((r) => r.role !== 'section');
}

/** GDP, 增加值 and other real indicators, whose growth is at comparable prices. */
export { comparableGrowth } from '../layout';

/** Stocks (余额, 年末, counts of units) and signed flows (profits) may fall from one period to the next. */
export function isNonNegativeFlow(name: string, period: Period | null, unit: string | null): boolean {
  if (period && period.kind !== 'cumulative' && period.kind !== 'half' && period.kind !== 'quarter') return false;
  if (unit === '%' || unit === '个百分点') return false;
  return !/余额|存量|库存|末|底|人数|个数|户数|家数|单位数|数量|面积(?!.*销售)|价格|指数|率|均|比重|利润|盈亏|亏损|利税|净|差额|结余|存款|贷款|balance|stock|profit|net|rate|index|price|average/i.test(name);
}

/** Multiplier from a unit to its base (亿元 → 1e8, 万元 → 1e4), or null when unknown. */
export function unitScale(unit: string | null): number | null {
  if (!unit) return null;
  const u = unit.replace(/\s/g, '');
  if (/^亿/.test(u)) return 1e8;
  if (/^千万/.test(u)) return 1e7;
  if (/^百万|^million/i.test(u)) return 1e6;
  if (/^十万/.test(u)) return 1e5;
  if (/^万/.test(u)) return 1e4;
  if (/^千|^thousand/i.test(u)) return 1e3;
  if (/^billion/i.test(u)) return 1e9;
  return 1;
}

/** The unit without its magnitude (亿元 → 元), to know whether two units can be converted. */
export function unitBase(unit: string | null): string {
  if (!unit) return '';
  return unit.replace(/\s/g, '').replace(/^(?:亿|千万|百万|十万|万|千)/, '').replace(/^(?:million|thousand|billion)\s*/i, '');
}

/** The period most tables state (the latest one on a tie): what a report is about. */
export function reportPeriod(sheets: CheckedSheet[]): Period | null {
  const counts = new Map<string, { period: Period; n: number }>();
  for (const s of sheets) {
    for (const t of s.layout.tables) {
      if (t.shape === 'time-series' || !t.period) continue;
      const p = parsePeriod(t.period);
      if (!p || p.endMonth === null || p.kind === 'year') continue;
      const key = `${p.year ?? ''}|${p.endMonth}`;
      const c = counts.get(key) ?? { period: p, n: 0 };
      c.n++;
      if (p.year !== null && c.period.year === null) c.period = p;
      counts.set(key, c);
    }
  }
  let best: { period: Period; n: number } | null = null;
  for (const c of counts.values()) {
    if (!best || c.n > best.n || (c.n === best.n && (c.period.endMonth ?? 0) > (best.period.endMonth ?? 0))) best = c;
  }
  // Periods without a year count for the same months with one.
  if (best && best.period.year === null) {
    for (const c of counts.values()) if (c.period.endMonth === best.period.endMonth && c.period.year !== null) return c.period;
  }
  return best?.period ?? null;
}
