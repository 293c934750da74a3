export type * from './Layout.types';
export { readSheet, readWorkbook } from './readSheet';
export { parsePeriod, isPeriodOnly } from './period';
export type { Period } from './period';
export { regionKey, displayName, isTotalName, isOfWhich, groupKind, isZone, KNOWN_GROUPS } from './regions';
export { measureOf, unitIn, unitLine, priceBasisIn, isAdditive, cleanIndicatorName } from './headers';
