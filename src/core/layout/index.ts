export type * from './Layout.types';
export { readSheet, readWorkbook, IGNORED_WHY } from './readSheet';
export { SheetCells } from './sheetCells';
export type { RowInfo } from './sheetCells';
export { parsePeriod, isPeriodOnly } from './period';
export type { Period } from './period';
export { regionKey, displayName, isTotalName, isOfWhich, groupKind, isZone, KNOWN_GROUPS } from './regions';
export { measureOf, unitIn, unitLine, priceBasisIn, isAdditive, cleanIndicatorName } from './headers';
export { comparableGrowth, growthPriceBasis } from './priceBasis';
