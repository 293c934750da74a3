import { readFileBytes } from '../read/file';
import type { XlsxWorkbook } from './readXlsx';
import { readXlsxBuffer } from './readXlsx';

/** Load an .xlsx file from disk into ExcelJS (Node only: to write a copy, and as the contract test's reference reading). */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  return readXlsxBuffer(await readFileBytes(file), file);
}
