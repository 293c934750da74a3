// Reading workbook files (browser-safe): any format in, the core's grids out. Node's file
// access is in ./file.ts.
export type { BookFormat, BookSheet, DefinedName, ReadBook, SheetKind } from './Book.types';
export { readWorkbookBytes } from './open';
export type { OpenOptions } from './open';
export { sniffWorkbook } from './sniff';
export type { Sniffed } from './sniff';
export { XlsxBook, usedRange } from './xlsx/XlsxBook';
export { BUILTIN_FORMATS } from './xlsx/styles';
export { shiftFormula } from './xlsx/formula';
