/**
 * Byte helpers that work the same in Node and in a browser bundle (the readers, the page's
 * FileWorkbook): no `node:` modules and no global `Buffer`.
 */

/** The bytes of `data` as a Uint8Array (a view, not a copy; a Node Buffer is returned as it is). */
export function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Index of the first occurrence of `needle` in `hay`, or -1. */
export function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  const n = needle.length;
  if (n === 0) return 0;
  const first = needle[0];
  const last = hay.length - n;
  outer: for (let i = hay.indexOf(first); i !== -1 && i <= last; i = hay.indexOf(first, i + 1)) {
    for (let j = 1; j < n; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A string in UTF-16LE (as `Buffer.from(s, 'utf16le')`). */
export function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < s.length; i++) view.setUint16(i * 2, s.charCodeAt(i), true);
  return out;
}

/**
 * Bytes as a string, one character per byte (Latin-1). No TextDecoder needed (jsdom lacks
 * it). For finding ASCII in text it is as good as decoding UTF-8: every byte of a multi-byte
 * UTF-8 character is 0x80 or more, so ASCII characters appear exactly where they are.
 */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x2000) s += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  return s;
}

/** Lower-case extension of a file name ('' when none), as Node's `path.extname`. */
export function extName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
