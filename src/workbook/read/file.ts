import { promises as fs } from 'node:fs';
import * as zlib from 'node:zlib';
import { WorkbookReadError } from '../WorkbookPort';
import type { ReadBook } from './Book.types';
import type { OpenOptions } from './open';
import { readWorkbookBytes } from './open';

/** zlib's raw inflate for whole parts: native, and bounded (a part may not inflate past its declared size). */
export function nodeInflateRaw(data: Uint8Array, maxSize: number): Uint8Array {
  return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) });
}

/** A file's bytes, or WorkbookReadError: 'not-found' (missing, a folder), 'corrupt' (unreadable) with the system's code. */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'EISDIR' ? 'not-found' : 'corrupt', file, code);
  }
}

/** Read a workbook file from disk (Node only; a browser reads bytes with readWorkbookBytes). */
export async function readWorkbookFile(file: string, options: OpenOptions = {}): Promise<ReadBook> {
  return readWorkbookBytes(await readFileBytes(file), file, { inflateRaw: nodeInflateRaw, ...options });
}
