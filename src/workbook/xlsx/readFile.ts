import { promises as fs } from 'node:fs';
import { WorkbookReadError } from '../WorkbookPort';
import type { XlsxWorkbook } from './readXlsx';
import { readXlsxBuffer } from './readXlsx';

/** Read an .xlsx file from disk (Node only; a browser reads bytes with readXlsxBuffer). */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'EISDIR' ? 'not-found' : 'corrupt', file, code);
  }
  return readXlsxBuffer(buf, file);
}
