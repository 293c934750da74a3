import { address } from '../grid';
import type { IndicatorTable, MeasureKind, TableColumn, TableRow } from './Layout.types';
import { isMeasureWord } from './headers';
import { isPeriodOnly, parsePeriod } from './period';
import { halfWidth, squash } from './text';

/**
 * Stacked tables (several tables down one sheet, each with its own title lines) often say
 * what their figures are in the title, not over the columns: "Growth Rates, at Constant
 * 2018 Prices", "Implicit Price Index", "Percent Share, At Current Prices", with years
 * alone over the columns. The title sets the measure of the whole table.
 */
const TITLE_MEASURES: [RegExp, MeasureKind][] = [
  [/\bgrowth\s+rates?\b|增长率|增长速度|增速/i, 'growth'],
  [/\bpercent(?:age)?\s+(?:shares?|distribution)\b|^shares?\b|比重|构成/i, 'share'],
  [/\bimplicit\s+price\s+index\b|\bprice\s+(?:index|deflator)\b|\bdeflator\b|\bindex\s+with\s+reference\s+to\b|平减指数|定基指数/i, 'level-index'],
];

/** The measure the title lines of a table state for all its columns, with the line that says it. */
export function titleMeasure(lines: string[]): { measure: MeasureKind; text: string } | null {
  for (const line of lines) {
    for (const [re, measure] of TITLE_MEASURES) if (re.test(line)) return { measure, text: line.trim() };
  }
  return null;
}

/** A header word that gives the frequency of the columns, not a name ("Annual", "Quarterly", "年度"). */
export function isFrequencyWord(text: string): boolean {
  return /^(?:annual|yearly|quarterly|monthly|年度|季度|月度)$/i.test(squash(halfWidth(text)));
}

/**
 * Header texts as the stacked tables write them: a frequency word is no name, and a span of
 * two consecutive years over growth rates ("2000 - 2001") is the later year.
 */
export function normalizeHeaderTexts(texts: string[]): string[] {
  return texts.map((t) => {
    if (isFrequencyWord(t)) return '';
    const span = /^\s*((?:19|20)\d{2})\s*[-–—~～]\s*((?:19|20)\d{2})\s*$/.exec(t);
    if (span && Number(span[2]) === Number(span[1]) + 1) return span[2];
    return t;
  });
}

/** Columns whose header names no measure (a year, a period, nothing) take the measure of the title. */
export function applyTitleMeasure(columns: TableColumn[], reading: { measure: MeasureKind } | null): void {
  if (!reading) return;
  for (const c of columns) {
    if (c.measure !== 'value') continue;
    if (!c.header.every((h) => h === '' || isPeriodOnly(h) || isFrequencyWord(h) || (isMeasureWord(h) && /^(?:value|levels?)$/i.test(squash(h))))) continue;
    c.measure = reading.measure;
    if (reading.measure === 'growth' || reading.measure === 'share') c.unit = '%';
    else c.unit = null;
    c.indicator.unit = null;
    c.indicator.additive = false;
    // a deflator is the ratio of the two prices: it is at neither
    if (reading.measure === 'level-index') c.indicator.priceBasis = null;
  }
}

/** The name of the area a table is about, from its title lines ("Regional Accounts of the Philippines"). */
function namedInTitle(name: string, lines: string[]): boolean {
  const n = name.trim();
  if (n.length < 2) return false;
  const esc = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = /[\u3400-\u9fff]/.test(n) ? new RegExp(esc) : new RegExp(`(?:^|[^A-Za-z])${esc}(?:$|[^A-Za-z])`, 'i');
  return lines.some((l) => re.test(l));
}

/**
 * A table without a total whose first or last row is the total of another table stacked in
 * the same sheet (found there by its sum) has it as its total too: growth rates, shares and
 * indices do not add up, but "Philippines" stays the country. Failing that, a first or last
 * row named in the title lines (the country or province the table is about) is the total,
 * with a doubt for the user to confirm.
 */
export function stackedTotals(tables: IndicatorTable[], titleLines: Map<IndicatorTable, string[]>): void {
  const totals = new Set<string>();
  for (const t of tables) for (const r of t.rows) if (r.role === 'total') totals.add(r.key);
  for (const t of tables) {
    if (t.shape === 'items' || t.rows.some((r) => r.role === 'total')) continue;
    const main = t.rows.filter((r) => r.role === 'peer' || r.role === 'subtotal');
    if (main.length < 3) continue;
    const ends: TableRow[] = [main[main.length - 1], main[0]];
    const byStack = ends.find((r) => r.role === 'peer' && totals.has(r.key));
    if (byStack) {
      byStack.role = 'total';
      continue;
    }
    const lines = titleLines.get(t) ?? [];
    // Only when no other row is named there too: a title that lists regions ("长沙市、株洲市、湘潭市…") names no whole.
    const named = main.filter((r) => namedInTitle(r.name, lines));
    const byName = named.length === 1 ? ends.find((r) => r === named[0] && r.role === 'peer') : undefined;
    if (byName) {
      byName.role = 'total';
      t.doubts = [...(t.doubts ?? []), { kind: 'total', cell: address(byName.row, t.labelColumn), text: byName.name }];
    }
  }
}

/** Years across for one indicator, whatever their measure: a time series. */
export function isYearSeries(columns: TableColumn[]): boolean {
  const periods = new Set(columns.filter((c) => c.period && parsePeriod(c.period)?.kind === 'year').map((c) => c.period));
  return periods.size >= 3 && new Set(columns.map((c) => c.indicator.name)).size === 1;
}

/** An English title without its table number and row description: "Table 3.1 Gross Value Added in Industry, by Region" → "Gross Value Added in Industry". */
export function plainTitle(title: string): string {
  return title.replace(/^\s*table\s+\d+(?:[.-]\d+)*[a-z]?\s*[.:]?\s*/i, '').replace(/\s*,?\s*by\s+(?:region|province|city|cities|regions|provinces|state|oblast)s?\s*$/i, '');
}
