import type { IndicatorMeta, MeasureKind, PriceBasis, TableColumn } from './Layout.types';
import {
  cleanIndicatorName,
  isAdditive,
  isMeasureWord,
  isPeriodOnly,
  isUnit,
  measureOf,
  unitIn,
} from './headers';
import { parsePeriod } from './period';
import { halfWidth, oneLine, squash } from './text';

export interface ColumnContext {
  /** the table title, cleaned ("地区生产总值") */
  titleIndicator: string | null;
  /** unit stated for the whole table */
  tableUnit: string | null;
  /** the whole preamble and title text, for growth/percent hints */
  preamble: string;
  sheetName: string;
  priceBasis: { value?: PriceBasis; index?: PriceBasis; all?: PriceBasis } | null;
}

/** The text without a trailing unit in brackets ("1-3月(万元)" → "1-3月"). */
function withoutUnit(t: string): string {
  return t.replace(/\s*[(（]([^()（）]{1,12})[)）]\s*$/, (all, inner: string) => (isUnit(inner) ? '' : all));
}

function dedupe(texts: string[]): string[] {
  const out: string[] = [];
  for (const t of texts) if (t && out[out.length - 1] !== t) out.push(t);
  return out;
}

/** Read one measure column from its header texts (top to bottom). */
export function describeColumn(col: number, headerTexts: string[], ctx: ColumnContext): TableColumn {
  const header = dedupe(headerTexts.map((t) => t.trim()));
  let measure: MeasureKind | null = null;
  let measureText: string | null = null;
  for (let i = header.length - 1; i >= 0 && measure === null; i--) {
    const m = measureOf(header[i], header.join(' '));
    if (m) {
      measure = m;
      measureText = header[i];
    }
  }
  let period: string | null = null;
  // "1-3月(万元)" is a period and a unit, no indicator name
  const periodOnly = (t: string): boolean => isPeriodOnly(t) || isPeriodOnly(withoutUnit(t));
  for (const t of header) {
    if (periodOnly(t)) period = parsePeriod(t)?.label ?? period;
  }
  if (!period && measure === 'index') period = parsePeriod(measureText ?? '')?.label ?? null;
  if (!period) {
    for (const t of header) {
      const p = parsePeriod(t);
      if (p && p.kind !== 'year') period = p.label;
    }
  }
  const nameTexts = header.filter((t) => !periodOnly(t) && !isMeasureWord(t) && !isUnit(squash(halfWidth(t)).replace(/^\(|\)$/g, '')) && t !== measureText);
  let rawName = nameTexts.length ? nameTexts[nameTexts.length - 1] : null;
  // "#工业" names an of-which column; the name is what follows the mark.
  if (rawName && /^[#＃]/.test(rawName)) rawName = rawName.replace(/^[#＃]\s*/, '');
  let name = rawName ? cleanIndicatorName(rawName) : '';
  if (!name && measureText && !isMeasureWord(measureText) && !isPeriodOnly(measureText)) {
    // "人均生产总值(元)" is both the name and the value measure.
    name = cleanIndicatorName(measureText);
  }
  if (!name) name = ctx.titleIndicator ?? cleanIndicatorName(ctx.sheetName);
  if (measure === null) {
    if (period || nameTexts.length) measure = 'value';
    else if (/增长率|增速|growth rate|growth rates/i.test(ctx.preamble)) measure = 'growth';
    else if (/比重|构成|percent share|shares?\b/i.test(ctx.preamble)) measure = 'share';
    else measure = 'value';
  }
  let unit = unitIn(measureText ?? '') ?? (rawName ? unitIn(rawName) : null);
  if (!unit) {
    for (const t of header) {
      const u = unitIn(t);
      if (u) unit = u;
    }
  }
  // an index (上年=100) has no unit, whatever the group header above it says
  if (measure === 'index') unit = null;
  if (!unit) {
    if (measure === 'growth' || measure === 'share' || measure === 'progress') unit = '%';
    else if (measure === 'points') unit = '个百分点';
    else if (measure === 'value' || measure === 'prior' || measure === 'increment' || measure === 'target') unit = ctx.tableUnit;
  }
  if (measure === 'value' && unit === '%' && /^[(（]?%[)）]?$/.test(squash(measureText ?? ''))) {
    // "(%)" alone under a title that speaks of growth.
    if (/增长|增速|growth/i.test(ctx.preamble + ' ' + name)) measure = 'growth';
  }
  const basis = ctx.priceBasis;
  let priceBasis: PriceBasis | null = null;
  if (basis && measure !== 'rank' && measure !== 'share' && measure !== 'points' && measure !== 'progress') {
    if (measure === 'index' || measure === 'growth') priceBasis = basis.index ?? basis.all ?? null;
    else priceBasis = basis.value ?? basis.all ?? null;
  }
  const joined = header.join(' ');
  if (/现价|当年价/.test(joined)) priceBasis = 'current';
  else if (/可比价|不变价/.test(joined)) priceBasis = 'comparable';
  const indicator: IndicatorMeta = {
    name: oneLine(name),
    unit: measure === 'value' || measure === 'prior' || measure === 'increment' || measure === 'target' ? unit : null,
    additive: isAdditive(name, measure, unit),
    priceBasis,
  };
  return { col, header, indicator, measure, unit, period };
}

/** Is the header text of an "of which" column ("#工业", "其中：出口")? */
export function isOfWhichHeader(header: string[]): boolean {
  const last = header[header.length - 1] ?? '';
  return /^[#＃]|^其中/.test(last.trim());
}
