// The standalone page's workbook: an .xlsx file read into memory (browser-safe).
export { FileWorkbook, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from './FileWorkbook';
export type { FileWorkbookOptions } from './FileWorkbook';
export { unpackedSize, zipDirectory } from './zipSize';
export type { ZipDirectory } from './zipSize';
