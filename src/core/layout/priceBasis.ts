import type { IndicatorTable, TableColumn } from './Layout.types';

const REAL_INDICATOR = /生产总值|增加值|GDP|GRDP|gross (?:regional |state )?(?:domestic )?product|value added|可比价|不变价/i;

/** Is growth of this column at comparable prices (or comparable scope), so it cannot be recomputed from two values? */
export function comparableGrowth(table: IndicatorTable, col: TableColumn, valueCol: TableColumn | null): boolean {
  if (col.measure === 'index') return true;
  if (col.indicator.priceBasis === 'comparable' || table.priceBasis === 'comparable') return true;
  if (valueCol && valueCol.indicator.priceBasis === 'comparable') return true;
  const text = [col.indicator.name, ...col.header, table.title ?? '', ...table.footnotes].join(' ');
  if (/可比价|不变价|可比口径|constant prices|comparable/i.test(text)) return true;
  return REAL_INDICATOR.test(col.indicator.name) || REAL_INDICATOR.test(table.title ?? '');
}
