// The standalone page's workbook: a workbook file read into memory (browser-safe).
export { FileWorkbook, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from './FileWorkbook';
export type { FileWorkbookOptions } from './FileWorkbook';
