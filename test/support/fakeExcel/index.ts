/**
 * Strict in-memory fake of the Excel JavaScript API (Office.js) for tests.
 * Browser-safe: no Node imports here (fromXlsx.ts is the Node-only seeding helper).
 */
export { FakeExcel, checkSheetName } from './FakeExcel';
export type { FakeExcelOptions, FakeStats } from './FakeExcel';
export { FakeRequestContext } from './context';
export { FakeOfficeError } from './errors';
export type { FakeErrorCode, FakeDebugInfo } from './errors';
export { FakeSheet, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, defaultCell, defaultFormat } from './model';
export type {
  CellType,
  FakeBorder,
  FakeBorders,
  FakeCell,
  FakeCellFormat,
  FakeCellPatch,
  FakeConditionalFormat,
  FakeConditionalFormatStyle,
  FakeFill,
  FakeFont,
  FakeHyperlink,
  Rect,
  Visibility,
} from './model';
export { ClientResult, NULL } from './runtime';
export type { SyncRecord } from './runtime';
export { MAX_COLS, MAX_ROWS, formatRect, fullAddress, parseRef, quoteSheetIfNeeded } from './addresses';
export { ERROR_CODES } from './typing';
export * from './proxies';
