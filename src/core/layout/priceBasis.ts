import type { IndicatorTable, PriceBasis, TableColumn } from './Layout.types';

const REAL_INDICATOR = /生产总值|增加值|GDP|GRDP|gross (?:regional |state )?(?:domestic )?product|value added|可比价|不变价/i;

/** Is growth of this column at comparable prices (or comparable scope), so it cannot be recomputed from two values? */
export function comparableGrowth(table: IndicatorTable, col: TableColumn, valueCol: TableColumn | null): boolean {
  if (col.measure === 'index') return true;
  // Growth the sheet says is at current prices ("Growth Rates, at Current Prices") is nominal, whatever the indicator.
  if (col.measure === 'growth' && col.indicator.priceBasis === 'current') return false;
  if (col.indicator.priceBasis === 'comparable' || table.priceBasis === 'comparable') return true;
  if (valueCol && valueCol.indicator.priceBasis === 'comparable') return true;
  const text = [col.indicator.name, ...col.header, table.title ?? '', ...table.footnotes].join(' ');
  if (/可比价|不变价|可比口径|constant prices|comparable/i.test(text)) return true;
  return REAL_INDICATOR.test(col.indicator.name) || REAL_INDICATOR.test(table.title ?? '');
}

/**
 * The price basis of growth shown in a summary, from what the sheet states (null when it says nothing):
 * published growth or an index keeps its own basis (comparable for GDP and other real indicators);
 * growth computed from two values is at the prices of those values, never at comparable prices
 * unless the values themselves are (at constant prices).
 */
export function growthPriceBasis(table: IndicatorTable, published: TableColumn | null, value: TableColumn | null, prior: TableColumn | null): PriceBasis | null {
  if (published) {
    if (comparableGrowth(table, published, value)) return 'comparable';
    return published.indicator.priceBasis ?? table.priceBasis ?? null;
  }
  const bases = [value, prior].map((c) => c?.indicator.priceBasis ?? table.priceBasis ?? null);
  if (bases.every((b) => b === 'comparable')) return 'comparable';
  if (bases.some((b) => b === 'current')) return 'current';
  // Money values are at current prices unless the sheet says constant (no office leaves constant prices unsaid);
  // growth computed from them has the price changes in it.
  if (value && isMoney(value.unit ?? table.unit)) return 'current';
  return null;
}

/** 亿元, 万美元, mln.tenge, thousand Philippine Pesos … */
function isMoney(unit: string | null): boolean {
  return !!unit && /元|yuan|tenge|pesos?|dollars?|usd|rubles?|roubles?|euros?|rupees?/i.test(unit);
}
