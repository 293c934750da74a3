import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import type { WorkbookPlan } from '../core/summary/Plan.types';
import { writePlanPackage } from '../workbook/write';

/** The copy with the summary sheets: the input package plus ours (src/workbook/write). */
export function writePlanCopy(bytes: Uint8Array, plan: WorkbookPlan): Uint8Array {
  return writePlanPackage(bytes, plan, { deflateRaw: nodeDeflateRaw }).bytes;
}

/** zlib's raw DEFLATE at level 6 (about 4 times faster than fflate's). */
export function nodeDeflateRaw(data: Uint8Array): Uint8Array {
  return zlib.deflateRawSync(data, { level: 6 });
}

/**
 * Write a file whole or not at all: into a temporary file beside it, then renamed over it.
 * An existing file stays as it was when anything fails.
 */
export function writeFileAtomic(file: string, data: Uint8Array): void {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // not created
    }
    throw e;
  }
}
