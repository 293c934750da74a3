import type ExcelJS from 'exceljs';
import { toNodeBuffer } from './bytes';
import { finishXlsxBytes, workbookToBytes } from './writePlan';

/*
 * The Node Buffer variants of the savers in writePlan.ts, for the CLI, the tests and the
 * benchmark. Not part of browser.ts: a browser has no Buffer (use the Uint8Array ones).
 */

/** finishXlsxBytes() on a Node Buffer; the same Buffer back when nothing needed fixing. */
export async function finishXlsx(buf: Buffer): Promise<Buffer> {
  const out = await finishXlsxBytes(buf);
  return out === buf ? buf : toNodeBuffer(out);
}

/** Save a workbook as an .xlsx Buffer, with internal hyperlinks as Excel writes them. */
export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return toNodeBuffer(await workbookToBytes(wb));
}
