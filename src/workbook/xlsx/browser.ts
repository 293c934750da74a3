/**
 * The xlsx adapter's browser-safe part: reading and writing .xlsx bytes in memory with
 * ExcelJS (webpack resolves `exceljs` to its browser build) and JSZip. Nothing here
 * imports `node:` modules or uses the global Buffer; index.ts adds the Node-only parts
 * (readXlsxFile, and the Buffer savers finishXlsx / workbookToBuffer).
 */
export { XlsxWorkbook, dateToSerial, readXlsxBuffer, sniffXlsx, worksheetToGrid } from './readXlsx';
export {
  finishXlsxBytes,
  linkLocation,
  quoteSheetName,
  sheetToWorksheet,
  toArgb,
  toDxfStyle,
  toExcelStyle,
  workbookToBytes,
  writeWorkbookPlan,
} from './writePlan';
export type { SheetWriteStats } from './writePlan';
export { asBytes, latin1 } from './bytes';
