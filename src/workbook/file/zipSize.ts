import { latin1 } from '../xlsx/browser';

/**
 * A zip package's directory, read without unpacking anything: the names of its parts and
 * how large they are unpacked (how much XML ExcelJS would have to parse: a 5 MB .xlsx can
 * hold 100 MB of XML, and a browser tab runs out of memory long before the file's own size
 * says so).
 */
export interface ZipDirectory {
  /** part names, one character per byte (exact for the ASCII names of a workbook's parts) */
  names: string[];
  /** the parts' unpacked sizes added up; Infinity for a ZIP64 package (sizes past 4 GB) */
  unpacked: number;
}

/** The directory of a zip package, or null when the bytes have none that can be read (ExcelJS then finds the file damaged). */
export function zipDirectory(bytes: Uint8Array): ZipDirectory | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || offset === 0xffffffff) return { names: [], unpacked: Infinity };
  const names: string[] = [];
  let unpacked = 0;
  let p = offset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    if (p + 46 + nameLength > bytes.length) return null;
    names.push(latin1(bytes.subarray(p + 46, p + 46 + nameLength)));
    unpacked += size === 0xffffffff ? Infinity : size;
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return { names, unpacked };
}

/** The unpacked size of a zip package (see zipDirectory), or null when it has no readable directory. */
export function unpackedSize(bytes: Uint8Array): number | null {
  return zipDirectory(bytes)?.unpacked ?? null;
}
