import { DecodeUTF8, Inflate, deflateSync } from 'fflate';
import { crc32 } from './crc32';

/*
 * The zip container of an OOXML package, read and written without Node (the standalone page
 * bundles it). fflate does the DEFLATE work; the container itself is read here because we need
 * what fflate's unzip does not give: the directory alone (names and sizes before anything is
 * inflated), inflating one part at a time and in chunks (a sheet's XML is never held whole), a
 * hard limit on what a part may inflate to (zip bombs, sizes that lie), CRC checks, and, for
 * writing, the original compressed bytes of every part we do not change (copied as they are).
 */

/** Why a package cannot be read; the readers turn it into a WorkbookReadError. */
export type ZipErrorCode = 'not-zip' | 'corrupt' | 'too-large' | 'encrypted' | 'unsupported';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  /** the name as stored (a leading '/' or '\' removed, '\' read as '/') */
  readonly name: string;
  /** 0 stored, 8 deflated */
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** offset of the local header */
  readonly offset: number;
  /** DOS time and date as stored (kept when the entry is copied) */
  readonly time: number;
  readonly date: number;
}

export interface ZipLimits {
  /** the most all parts may inflate to together (their declared sizes, checked before inflating) */
  maxUnpackedBytes?: number;
  /**
   * A native raw-DEFLATE inflater for whole parts (Node passes zlib's, about 4 times faster
   * than fflate); it must refuse to give more than `maxSize` bytes. Used for parts up to
   * NATIVE_WHOLE_LIMIT; larger ones stream through fflate so that they are never held whole.
   */
  inflateRaw?: (data: Uint8Array, maxSize: number) => Uint8Array;
  /**
   * An asynchronous raw-DEFLATE inflater (the browser's DecompressionStream('deflate-raw'):
   * native, several times faster than fflate there), used by the asynchronous readers
   * (streamAsync, streamTextAsync). The output is counted as it comes and the stream cancelled
   * once it passes the declared size.
   */
  inflateRawStream?: (data: Uint8Array) => ReadableStream<Uint8Array>;
}

/** The browser's DecompressionStream as an inflater, or undefined where there is none. */
export function platformInflateStream(): ZipLimits['inflateRawStream'] {
  const g = globalThis as { DecompressionStream?: new (format: string) => TransformStream<Uint8Array, Uint8Array>; Blob?: typeof Blob };
  const DS = g.DecompressionStream;
  const B = g.Blob;
  if (typeof DS !== 'function' || typeof B !== 'function') return undefined;
  try {
    new DS('deflate-raw');
  } catch {
    return undefined; // an older engine: deflate and gzip only
  }
  return (data) => new B([data as BlobPart]).stream().pipeThrough(new DS('deflate-raw')) as ReadableStream<Uint8Array>;
}

/** The largest part given to the native inflater whole. */
export const NATIVE_WHOLE_LIMIT = 64 * 1024 * 1024;

/** 4 GiB: more than any workbook we can hold; a bomb's declared sizes pass it only with ZIP64. */
export const DEFAULT_MAX_UNPACKED = 4 * 1024 * 1024 * 1024;

/** DEFLATE's largest expansion (a run of one byte: 258 bytes per 2 bits, about 1032:1). */
const MAX_RATIO = 1032;

/** The largest part read whole (relationships, the workbook, styles: sheets and shared strings stream). */
export const MAX_WHOLE_PART = 256 * 1024 * 1024;

/** How much compressed data one inflate step takes: deflate expands at most ~1032:1, so one step yields at most ~17 MB. */
const STEP = 16 * 1024;

/** Bytes decoded into one piece of text (at most 64 KB as a two-byte string). */
const TEXT_PIECE = 32 * 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

function utf8(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) ascii = false;
  if (ascii) return String.fromCharCode(...bytes);
  let out = '';
  const d = new DecodeUTF8((s) => (out += s));
  d.push(bytes, true);
  return out;
}

/** Lookup key of a part name: OPC part names compare without case. */
export function nameKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/**
 * What every way of inflating a part checks: no more than its declared size, as the pieces
 * come (a part that says 1 KB and inflates to 1 GB is refused after 1 KB), then its length and
 * CRC against the directory's.
 */
class Tally {
  private got = 0;
  private crc = 0;

  constructor(
    private readonly e: ZipEntry,
    private readonly onChunk: (chunk: Uint8Array) => void,
  ) {}

  take(chunk: Uint8Array | undefined): void {
    if (!chunk || chunk.length === 0) return;
    this.got += chunk.length;
    if (this.got > this.e.size) throw this.overrun();
    this.crc = crc32(chunk, this.crc);
    this.onChunk(chunk);
  }

  overrun(): ZipError {
    return new ZipError('corrupt', `${this.e.name} inflates to more than its declared ${this.e.size} bytes`);
  }

  end(): void {
    const e = this.e;
    if (this.got !== e.size) throw new ZipError('corrupt', `${e.name} inflates to ${this.got} bytes, not the declared ${e.size}`);
    if (this.crc >>> 0 !== e.crc >>> 0) throw new ZipError('corrupt', `${e.name} fails its CRC check`);
  }
}

/**
 * A zip archive held in memory: its directory is read at once, parts are inflated on demand.
 * Throws ZipError: 'not-zip' (no directory), 'corrupt', 'too-large' (declared sizes over the
 * limit), 'unsupported' (a compression method other than stored/deflate).
 */
export class ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** the parts' declared unpacked sizes added up */
  readonly unpackedSize: number;
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly view: DataView;
  private readonly inflateRaw: ZipLimits['inflateRaw'];
  private readonly inflateRawStream: ZipLimits['inflateRawStream'];

  constructor(
    readonly bytes: Uint8Array,
    limits: ZipLimits = {},
  ) {
    this.inflateRaw = limits.inflateRaw;
    this.inflateRawStream = limits.inflateRawStream;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = this.readDirectory();
    let total = 0;
    for (const e of this.entries) {
      total += e.size;
      const key = nameKey(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
    this.unpackedSize = total;
    const max = limits.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED;
    if (total > max) throw new ZipError('too-large', `the parts unpack to ${total} bytes; at most ${max}`);
    for (const e of this.entries) {
      // DEFLATE expands at most 1032:1; a size past that is a lie (a bomb's, or damage), refused before anything is allocated for it
      if (e.method === 8 && e.size > e.compressedSize * MAX_RATIO + 1024) {
        throw new ZipError('corrupt', `${e.name} declares ${e.size} bytes from ${e.compressedSize} compressed, more than DEFLATE can give`);
      }
    }
  }

  /** The entry of a part name (case-insensitive, leading '/' optional), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.byKey.get(nameKey(name));
  }

  has(name: string): boolean {
    return this.byKey.has(nameKey(name));
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private u64(at: number): number {
    return this.u32(at) + this.u32(at + 4) * 0x100000000;
  }

  private readDirectory(): ZipEntry[] {
    const bytes = this.bytes;
    const n = bytes.length;
    if (n < 22) throw new ZipError('not-zip', 'too short for a zip package');
    let eocd = -1;
    for (let i = n - 22, stop = Math.max(0, n - 22 - 0xffff); i >= stop; i--) {
      if (bytes[i] === 0x50 && this.u32(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('not-zip', 'no end of central directory (truncated, or not a zip package)');
    let count = this.u16(eocd + 10);
    let size = this.u32(eocd + 12);
    let offset = this.u32(eocd + 16);
    if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && eocd >= 20 && this.u32(eocd - 20) === SIG_EOCD64_LOCATOR) {
      const at = this.u64(eocd - 12);
      if (at + 56 > n || this.u32(at) !== SIG_EOCD64) throw new ZipError('corrupt', 'bad ZIP64 end of central directory');
      count = this.u64(at + 32);
      size = this.u64(at + 40);
      offset = this.u64(at + 48);
    }
    if (offset + size > n) throw new ZipError('corrupt', 'the central directory lies past the end of the file (truncated?)');
    const out: ZipEntry[] = [];
    let p = offset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || this.u32(p) !== SIG_CENTRAL) throw new ZipError('corrupt', `central directory entry ${k + 1} of ${count} is damaged`);
      const flags = this.u16(p + 8);
      const method = this.u16(p + 10);
      const time = this.u16(p + 12);
      const date = this.u16(p + 14);
      const crc = this.u32(p + 16);
      let compressedSize = this.u32(p + 20);
      let entrySize = this.u32(p + 24);
      const nameLength = this.u16(p + 28);
      const extraLength = this.u16(p + 30);
      const commentLength = this.u16(p + 32);
      let local = this.u32(p + 42);
      const nameAt = p + 46;
      if (nameAt + nameLength + extraLength > n) throw new ZipError('corrupt', 'central directory entry past the end of the file');
      const rawName = bytes.subarray(nameAt, nameAt + nameLength);
      // Flag bit 11 says UTF-8; without it the name is CP437, which for the ASCII names of parts reads the same.
      const name = utf8(rawName).replace(/\\/g, '/').replace(/^\/+/, '');
      // ZIP64 extended information: the fields that read 0xFFFFFFFF, in this order.
      for (let x = nameAt + nameLength, end = x + extraLength; x + 4 <= end; ) {
        const id = this.u16(x);
        const len = this.u16(x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (entrySize === 0xffffffff) {
            entrySize = this.u64(q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.u64(q);
            q += 8;
          }
          if (local === 0xffffffff) local = this.u64(q);
        }
        x += 4 + len;
      }
      out.push({ name, method, flags, crc, compressedSize, size: entrySize, offset: local, time, date });
      p = nameAt + nameLength + extraLength + commentLength;
    }
    return out;
  }

  /** Where an entry's compressed data starts and ends. */
  private dataRange(e: ZipEntry): [number, number] {
    const at = e.offset;
    if (at + 30 > this.bytes.length || this.u32(at) !== SIG_LOCAL) throw new ZipError('corrupt', `the local header of ${e.name} is damaged`);
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    const end = start + e.compressedSize;
    if (end > this.bytes.length) throw new ZipError('corrupt', `${e.name} is cut short (truncated file)`);
    return [start, end];
  }

  /** The compressed bytes of an entry as stored (for copying it unchanged into another package). */
  raw(e: ZipEntry): Uint8Array {
    const [start, end] = this.dataRange(e);
    return this.bytes.subarray(start, end);
  }

  private check(e: ZipEntry): void {
    if (e.flags & 1) throw new ZipError('encrypted', `${e.name} is encrypted`);
    if (e.method !== 0 && e.method !== 8) throw new ZipError('unsupported', `${e.name} uses compression method ${e.method}`);
  }

  /**
   * Inflate an entry in chunks (each a fresh view the callback may keep). The output may not
   * exceed the declared size (a part that says 1 KB and inflates to 1 GB is refused after
   * 1 KB), and its length and CRC must match the directory's.
   */
  stream(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    this.check(e);
    const data = this.raw(e);
    const tally = new Tally(e, onChunk);
    const pieces = (whole: Uint8Array): void => {
      for (let i = 0; i < whole.length; i += 1 << 20) tally.take(whole.subarray(i, Math.min(whole.length, i + (1 << 20))));
    };
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw new ZipError('corrupt', `${e.name}: stored sizes differ`);
      pieces(data);
    } else if (this.inflateRaw && e.size <= NATIVE_WHOLE_LIMIT) {
      let whole: Uint8Array;
      try {
        whole = this.inflateRaw(data, e.size);
      } catch (err) {
        // zlib refusing to give more than maxSize: the same cause as when streaming
        if ((err as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw tally.overrun();
        throw new ZipError('corrupt', `${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
      }
      pieces(whole);
    } else {
      const inflater = new Inflate((chunk) => tally.take(chunk));
      try {
        if (data.length === 0) inflater.push(data, true);
        for (let i = 0; i < data.length; i += STEP) {
          const end = Math.min(data.length, i + STEP);
          inflater.push(data.subarray(i, end), end === data.length);
        }
      } catch (err) {
        if (err instanceof ZipError) throw err;
        throw new ZipError('corrupt', `${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
      }
    }
    tally.end();
  }

  /** Whether streamAsync inflates asynchronously (an inflateRawStream was given). */
  get inflatesAsync(): boolean {
    return this.inflateRawStream !== undefined;
  }

  /**
   * stream(), through the asynchronous inflater when there is one: the same checks (no more
   * than the declared size, which cancels the stream; length and CRC at the end).
   */
  async streamAsync(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
    if (!this.inflateRawStream || e.method !== 8) return this.stream(e, onChunk);
    this.check(e);
    const data = this.raw(e);
    const tally = new Tally(e, onChunk);
    const reader = this.inflateRawStream(data).getReader();
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (err) {
        throw new ZipError('corrupt', `${e.name} cannot be inflated (${err instanceof Error ? err.message : String(err)})`);
      }
      if (next.done) break;
      try {
        tally.take(next.value);
      } catch (err) {
        // stop inflating; the error (ours, or the reader's: a sheet that cannot be read) passes as it is
        reader.cancel().catch(() => undefined);
        throw err;
      }
    }
    tally.end();
  }

  /** streamText(), through streamAsync. */
  async streamTextAsync(e: ZipEntry, onText: (text: string) => void): Promise<void> {
    const decoder = this.decoder(onText);
    await this.streamAsync(e, (chunk) => {
      for (let i = 0; i < chunk.length; i += TEXT_PIECE) decoder.push(chunk.subarray(i, Math.min(chunk.length, i + TEXT_PIECE)));
    });
    decoder.push(new Uint8Array(0), true);
  }

  private decoder(onText: (text: string) => void): DecodeUTF8 {
    let first = true;
    return new DecodeUTF8((s) => {
      if (first) {
        first = false;
        if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      }
      if (s.length) onText(s);
    });
  }

  /** An entry's bytes, inflated whole (for the small parts: relationships, workbook, styles). */
  read(e: ZipEntry): Uint8Array {
    if (e.size > MAX_WHOLE_PART) throw new ZipError('too-large', `${e.name} is ${e.size} bytes; a part read whole may have at most ${MAX_WHOLE_PART}`);
    const out = new Uint8Array(e.size);
    let at = 0;
    this.stream(e, (chunk) => {
      out.set(chunk, at);
      at += chunk.length;
    });
    return out;
  }

  /** An entry's text (UTF-8, a byte-order mark dropped), inflated whole. */
  text(e: ZipEntry): string {
    return utf8Text(this.read(e));
  }

  /** An entry's text in pieces, decoded as it inflates (a UTF-8 character split between chunks is kept whole). */
  streamText(e: ZipEntry, onText: (text: string) => void): void {
    const decoder = this.decoder(onText);
    // Small pieces: each decoded string stays in V8's young generation (under 128 KB), where it
    // dies cheaply; megabyte strings would go to large-object space and raise the peak RSS.
    this.stream(e, (chunk) => {
      for (let i = 0; i < chunk.length; i += TEXT_PIECE) decoder.push(chunk.subarray(i, Math.min(chunk.length, i + TEXT_PIECE)));
    });
    decoder.push(new Uint8Array(0), true);
  }
}

/** UTF-8 bytes as text, without a byte-order mark. */
export function utf8Text(bytes: Uint8Array): string {
  let out = '';
  const d = new DecodeUTF8((s) => (out += s));
  d.push(bytes, true);
  return out.charCodeAt(0) === 0xfeff ? out.slice(1) : out;
}

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  if (typeof TextEncoder !== 'undefined') return new TextEncoder().encode(text);
  // jsdom test environments lack TextEncoder.
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/**
 * An entry to write: new data (deflated here), data deflated already (raw DEFLATE, with the
 * CRC and size of the data: see deflatedEntry), or an entry copied from an archive as it is stored.
 */
export type ZipInput =
  | { name: string; data: Uint8Array; level?: number }
  | { name: string; deflated: Uint8Array; crc: number; size: number }
  | { name: string; copy: ZipEntry; from: ZipArchive };

/** A raw-DEFLATE compressor (Node passes zlib's, several times faster than fflate's). */
export type DeflateRaw = (data: Uint8Array) => Uint8Array;

/** An entry deflated now, so that the data need not be kept until the archive is written. */
export function deflatedEntry(name: string, data: Uint8Array, deflateRaw?: DeflateRaw): ZipInput {
  return { name, deflated: deflateRaw ? deflateRaw(data) : deflateSync(data, { level: 6 }), crc: crc32(data) >>> 0, size: data.length };
}

/** DOS date and time of a Date (local fields, as zip tools write them). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Write a zip archive. Copied entries keep their compressed bytes, CRC, sizes and time
 * exactly; new ones are deflated (level 6 by default). Names are written as UTF-8 (flag bit
 * 11 when a name is not ASCII). ZIP64 is not written: a workbook past 4 GB is refused earlier.
 */
export function writeZip(inputs: readonly ZipInput[], now: Date = new Date()): Uint8Array {
  const { time, date } = dosTime(now);
  interface Out {
    name: Uint8Array;
    flags: number;
    method: number;
    time: number;
    date: number;
    crc: number;
    csize: number;
    size: number;
    data: Uint8Array;
    offset: number;
  }
  const outs: Out[] = [];
  let offset = 0;
  for (const input of inputs) {
    const name = utf8Bytes(input.name);
    const ascii = name.length === input.name.length;
    let o: Out;
    if ('copy' in input) {
      const e = input.copy;
      o = {
        name,
        flags: (e.flags & ~0x08 & ~0x800) | (ascii ? 0 : 0x800),
        method: e.method,
        time: e.time,
        date: e.date,
        crc: e.crc,
        csize: e.compressedSize,
        size: e.size,
        data: input.from.raw(e),
        offset,
      };
    } else if ('deflated' in input) {
      o = {
        name,
        flags: ascii ? 0 : 0x800,
        method: 8,
        time,
        date,
        crc: input.crc,
        csize: input.deflated.length,
        size: input.size,
        data: input.deflated,
        offset,
      };
    } else {
      const level = (input.level ?? 6) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
      const deflated = level === 0 ? input.data : deflateSync(input.data, { level });
      o = {
        name,
        flags: ascii ? 0 : 0x800,
        method: level === 0 ? 0 : 8,
        time,
        date,
        crc: crc32(input.data) >>> 0,
        csize: deflated.length,
        size: input.data.length,
        data: deflated,
        offset,
      };
    }
    if (o.size > 0xfffffffe || o.csize > 0xfffffffe) throw new ZipError('too-large', `${input.name} is too large for a zip package without ZIP64`);
    outs.push(o);
    offset += 30 + o.name.length + o.csize;
  }
  let dirSize = 0;
  for (const o of outs) dirSize += 46 + o.name.length;
  const total = offset + dirSize + 22;
  if (total > 0xfffffffe) throw new ZipError('too-large', 'the package is too large for a zip without ZIP64');
  const buf = new Uint8Array(total);
  const v = new DataView(buf.buffer);
  let p = 0;
  for (const o of outs) {
    v.setUint32(p, SIG_LOCAL, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, o.flags, true);
    v.setUint16(p + 8, o.method, true);
    v.setUint16(p + 10, o.time, true);
    v.setUint16(p + 12, o.date, true);
    v.setUint32(p + 14, o.crc, true);
    v.setUint32(p + 18, o.csize, true);
    v.setUint32(p + 22, o.size, true);
    v.setUint16(p + 26, o.name.length, true);
    v.setUint16(p + 28, 0, true);
    buf.set(o.name, p + 30);
    buf.set(o.data, p + 30 + o.name.length);
    p += 30 + o.name.length + o.csize;
  }
  const dirStart = p;
  for (const o of outs) {
    v.setUint32(p, SIG_CENTRAL, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, o.flags, true);
    v.setUint16(p + 10, o.method, true);
    v.setUint16(p + 12, o.time, true);
    v.setUint16(p + 14, o.date, true);
    v.setUint32(p + 16, o.crc, true);
    v.setUint32(p + 20, o.csize, true);
    v.setUint32(p + 24, o.size, true);
    v.setUint16(p + 28, o.name.length, true);
    v.setUint32(p + 42, o.offset, true);
    buf.set(o.name, p + 46);
    p += 46 + o.name.length;
  }
  v.setUint32(p, SIG_EOCD, true);
  v.setUint16(p + 8, outs.length, true);
  v.setUint16(p + 10, outs.length, true);
  v.setUint32(p + 12, p - dirStart, true);
  v.setUint32(p + 16, dirStart, true);
  return buf;
}
