import * as zlib from 'node:zlib';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import JSZip from 'jszip';
import { crc32 } from '../../../src/workbook/ooxml/crc32';
import { DEFAULT_MAX_UNPACKED, ZipArchive, ZipError, nameKey, utf8Bytes, utf8Text, writeZip } from '../../../src/workbook/ooxml/zip';
import type { ZipEntry, ZipErrorCode, ZipLimits } from '../../../src/workbook/ooxml/zip';
import { nodeInflateRaw } from '../../../src/workbook/read/file';

/*
 * The zip container of the package layer, on archives written byte by byte here so that every
 * field can be what a producer (or a damaged file) makes it: ZIP64 records, data descriptors,
 * stored entries, odd names, and directories that lie about sizes and CRCs. Every reading test
 * runs twice: with fflate's streaming inflater (the browser) and with zlib whole (Node).
 */

// ---------------------------------------------------------------------------
// A raw zip writer
// ---------------------------------------------------------------------------

interface RawEntry {
  name: string | Uint8Array;
  /** the uncompressed content */
  data: Uint8Array;
  /** 8 (default) deflated, 0 stored, anything else written as is (with the data stored) */
  method?: number;
  /** flag bit 3: the local header carries no CRC or sizes, a data descriptor follows the data */
  descriptor?: boolean;
  /** the data descriptor without its optional signature */
  descriptorNoSig?: boolean;
  /** which central-directory fields go into a ZIP64 extra field (written as 0xFFFFFFFF) */
  zip64?: { size?: boolean; csize?: boolean; offset?: boolean };
  /** lies in the central directory */
  crc?: number;
  size?: number;
  csize?: number;
  /** extra flag bits */
  flags?: number;
  /** bytes for the local header's extra field */
  localExtra?: Uint8Array;
}

interface RawOptions {
  /** write ZIP64 end records and mark the classic EOCD's fields 0xFFFF/0xFFFFFFFF */
  zip64End?: boolean;
  comment?: string;
  /** bytes before the first local header (a self-extractor stub) */
  prefix?: Uint8Array;
}

class Bytes {
  private parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u8(...v: number[]): this {
    this.parts.push(...v);
    return this;
  }
  u16(v: number): this {
    return this.u8(v & 0xff, (v >>> 8) & 0xff);
  }
  u32(v: number): this {
    return this.u16(v & 0xffff).u16(Math.floor(v / 0x10000) & 0xffff);
  }
  u64(v: number): this {
    return this.u32(v % 0x100000000).u32(Math.floor(v / 0x100000000));
  }
  bytes(b: Uint8Array): this {
    for (const x of b) this.parts.push(x);
    return this;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

function rawZip(entries: readonly RawEntry[], options: RawOptions = {}): Uint8Array {
  const out = new Bytes();
  if (options.prefix) out.bytes(options.prefix);
  const central: { e: RawEntry; name: Uint8Array; crc: number; csize: number; offset: number; flags: number; method: number }[] = [];
  for (const e of entries) {
    const name = typeof e.name === 'string' ? utf8Bytes(e.name) : e.name;
    const method = e.method ?? 8;
    const stored = method === 8 ? new Uint8Array(zlib.deflateRawSync(e.data)) : e.data;
    const crc = crc32(e.data);
    const flags = (e.descriptor ? 0x08 : 0) | (e.flags ?? 0) | (typeof e.name === 'string' && name.length !== e.name.length ? 0x800 : 0);
    const offset = out.length;
    const localExtra = e.localExtra ?? new Uint8Array(0);
    out.u32(0x04034b50).u16(20).u16(flags).u16(method).u16(0x6000).u16(0x5a21);
    if (e.descriptor) out.u32(0).u32(0).u32(0);
    else out.u32(crc).u32(stored.length).u32(e.data.length);
    out.u16(name.length).u16(localExtra.length).bytes(name).bytes(localExtra).bytes(stored);
    if (e.descriptor) {
      if (!e.descriptorNoSig) out.u32(0x08074b50);
      out.u32(crc).u32(stored.length).u32(e.data.length);
    }
    central.push({ e, name, crc, csize: stored.length, offset, flags, method });
  }
  const dirStart = out.length;
  for (const c of central) {
    const z = c.e.zip64 ?? {};
    const size = c.e.size ?? c.e.data.length;
    const csize = c.e.csize ?? c.csize;
    const extra = new Bytes();
    if (z.size || z.csize || z.offset) {
      const body = new Bytes();
      if (z.size) body.u64(size);
      if (z.csize) body.u64(csize);
      if (z.offset) body.u64(c.offset);
      extra.u16(0x0001).u16(body.length).bytes(body.done());
    }
    // an unrelated extra field first (extended timestamp), as Info-ZIP writes one
    const extraBytes = new Bytes().u16(0x5455).u16(5).u8(1).u32(0x5f000000).bytes(extra.done()).done();
    out.u32(0x02014b50).u16(0x031e).u16(20).u16(c.flags).u16(c.method).u16(0x6000).u16(0x5a21);
    out.u32(c.e.crc ?? c.crc).u32(z.csize ? 0xffffffff : csize).u32(z.size ? 0xffffffff : size);
    out.u16(c.name.length).u16(extraBytes.length).u16(0).u16(0).u16(0).u32(0);
    out.u32(z.offset ? 0xffffffff : c.offset).bytes(c.name).bytes(extraBytes);
  }
  const dirSize = out.length - dirStart;
  const comment = utf8Bytes(options.comment ?? '');
  if (options.zip64End) {
    const eocd64 = out.length;
    out.u32(0x06064b50).u64(44).u16(45).u16(45).u32(0).u32(0).u64(entries.length).u64(entries.length).u64(dirSize).u64(dirStart);
    out.u32(0x07064b50).u32(0).u64(eocd64).u32(1);
    out.u32(0x06054b50).u16(0).u16(0).u16(0xffff).u16(0xffff).u32(0xffffffff).u32(0xffffffff).u16(comment.length).bytes(comment);
  } else {
    out.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(dirSize).u32(dirStart).u16(comment.length).bytes(comment);
  }
  return out.done();
}

const text = (s: string): Uint8Array => utf8Bytes(s);
const SHEET = text('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'.repeat(20));

/** Both inflaters: fflate streaming (the browser's) and zlib whole (Node's). */
const INFLATERS: [string, ZipLimits][] = [
  ['fflate', {}],
  ['zlib', { inflateRaw: nodeInflateRaw }],
];

function zipCode(f: () => unknown): ZipErrorCode | 'none' {
  try {
    f();
    return 'none';
  } catch (e) {
    if (e instanceof ZipError) return e.code;
    throw e;
  }
}

function readAll(zip: ZipArchive): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of zip.entries) out[e.name] = zip.text(e);
  return out;
}

// ---------------------------------------------------------------------------

describe('crc32', () => {
  test('the standard check value, empty input, continuation', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const all = text('The quick brown fox jumps over the lazy dog');
    expect(crc32(all)).toBe(0x414fa339);
    expect(crc32(all.subarray(13), crc32(all.subarray(0, 13)))).toBe(0x414fa339);
  });

  test('agrees with zlib (or fflate\'s zip writer) on lengths around the 8-byte stride', () => {
    const zlibCrc = (zlib as unknown as { crc32?: (d: Uint8Array) => number }).crc32;
    for (let n = 0; n < 40; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      // Node before 20.15 has no zlib.crc32: the CRC fflate writes into a zip is the reference then
      const want = zlibCrc ? zlibCrc(data) : new ZipArchive(zipSync({ f: data }, { level: 0 })).entries[0].crc;
      expect(crc32(data)).toBe(want);
    }
  });
});

describe.each(INFLATERS)('reading entries (%s)', (_name, limits) => {
  test('deflated and stored entries, with and without data descriptors', () => {
    const zip = new ZipArchive(
      rawZip([
        { name: 'a.xml', data: SHEET },
        { name: 'b.xml', data: text('stored 存储'), method: 0 },
        { name: 'c.xml', data: SHEET, descriptor: true },
        { name: 'd.xml', data: text('no signature'), descriptor: true, descriptorNoSig: true },
        { name: 'e.xml', data: text('stored, with descriptor'), method: 0, descriptor: true },
        { name: 'empty.xml', data: new Uint8Array(0) },
        { name: 'empty-stored', data: new Uint8Array(0), method: 0 },
      ]),
      limits,
    );
    expect(zip.entries.map((e) => [e.name, e.method, e.flags & 8])).toEqual([
      ['a.xml', 8, 0],
      ['b.xml', 0, 0],
      ['c.xml', 8, 8],
      ['d.xml', 8, 8],
      ['e.xml', 0, 8],
      ['empty.xml', 8, 0],
      ['empty-stored', 0, 0],
    ]);
    expect(readAll(zip)).toEqual({
      'a.xml': utf8Text(SHEET),
      'b.xml': 'stored 存储',
      'c.xml': utf8Text(SHEET),
      'd.xml': 'no signature',
      'e.xml': 'stored, with descriptor',
      'empty.xml': '',
      'empty-stored': '',
    });
    expect(zip.unpackedSize).toBe(2 * SHEET.length + text('stored 存储').length + 12 + 23);
  });

  test('a local header with its own extra field (the data starts after it)', () => {
    const zip = new ZipArchive(rawZip([{ name: 'x.xml', data: text('after extra'), localExtra: new Uint8Array([0xfe, 0xca, 4, 0, 1, 2, 3, 4]) }]), limits);
    expect(zip.text(zip.entries[0])).toBe('after extra');
  });

  test('a ZIP64 directory: end records, and sizes and offsets in the extra field', () => {
    const bytes = rawZip(
      [
        { name: '[Content_Types].xml', data: text('<Types/>'), zip64: { size: true, csize: true, offset: true } },
        { name: 'xl/workbook.xml', data: SHEET, zip64: { offset: true } },
        { name: 'xl/styles.xml', data: text('<styleSheet/>'), zip64: { size: true } },
        { name: 'xl/sharedStrings.xml', data: text('<sst/>'), zip64: { csize: true, offset: true }, method: 0 },
      ],
      { zip64End: true },
    );
    const zip = new ZipArchive(bytes, limits);
    expect(zip.entries.map((e) => [e.name, e.size])).toEqual([
      ['[Content_Types].xml', 8],
      ['xl/workbook.xml', SHEET.length],
      ['xl/styles.xml', 13],
      ['xl/sharedStrings.xml', 6],
    ]);
    expect(readAll(zip)['xl/sharedStrings.xml']).toBe('<sst/>');
    expect(readAll(zip)['xl/workbook.xml']).toBe(utf8Text(SHEET));
  });

  test('ZIP64 end records pointing past the file are corrupt', () => {
    const bytes = rawZip([{ name: 'a', data: text('a') }], { zip64End: true });
    // the locator's offset of the ZIP64 end record: 20 + 22 bytes from the end, 8 bytes into the locator
    const v = new DataView(bytes.buffer);
    v.setUint32(bytes.length - 22 - 20 + 8, bytes.length + 100, true);
    expect(zipCode(() => new ZipArchive(bytes, limits))).toBe('corrupt');
  });

  test('an archive comment after the end record', () => {
    const zip = new ZipArchive(rawZip([{ name: 'a.xml', data: text('x') }], { comment: 'made by hand 手工' }), limits);
    expect(zip.text(zip.entries[0])).toBe('x');
  });

  test('names: backslashes read as slashes, a leading slash dropped, lookups without case', () => {
    const zip = new ZipArchive(
      rawZip([
        { name: 'xl\\worksheets\\sheet1.xml', data: text('one') },
        { name: '/xl/workbook.xml', data: text('two') },
        { name: 'XL/_RELS/Workbook.XML.rels', data: text('three') },
        { name: 'xl/worksheets/表1.xml', data: text('four') },
        { name: 'xl/media/', data: new Uint8Array(0), method: 0 },
      ]),
      limits,
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['xl/worksheets/sheet1.xml', 'xl/workbook.xml', 'XL/_RELS/Workbook.XML.rels', 'xl/worksheets/表1.xml', 'xl/media/']);
    expect(zip.entries[3].flags & 0x800).toBe(0x800);
    const get = (n: string) => {
      const e = zip.entry(n);
      return e ? zip.text(e) : undefined;
    };
    expect(get('xl/worksheets/sheet1.xml')).toBe('one');
    expect(get('xl\\worksheets\\SHEET1.xml')).toBe('one');
    expect(get('/xl/workbook.xml')).toBe('two');
    expect(get('xl/workbook.xml')).toBe('two');
    expect(get('xl/_rels/workbook.xml.rels')).toBe('three');
    expect(get('/XL/WORKSHEETS/表1.XML')).toBe('four');
    expect(zip.has('xl/worksheets/sheet2.xml')).toBe(false);
    expect(nameKey('\\XL\\Workbook.xml')).toBe('xl/workbook.xml');
  });

  test('a CRC that does not match is corrupt (deflated and stored)', () => {
    const zip = new ZipArchive(
      rawZip([
        { name: 'a.xml', data: SHEET, crc: 0x12345678 },
        { name: 'b.xml', data: text('stored'), method: 0, crc: 1 },
        { name: 'ok.xml', data: text('fine') },
      ]),
      limits,
    );
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('corrupt');
    expect(() => zip.read(zip.entries[0])).toThrow(/CRC/);
    expect(zipCode(() => zip.read(zip.entries[1]))).toBe('corrupt');
    expect(zip.text(zip.entries[2])).toBe('fine');
  });

  test('a part that inflates past its declared size is corrupt, and no more than the declared size is handed out', () => {
    const big = new Uint8Array(3 * 1024 * 1024).fill(0x41);
    const zip = new ZipArchive(rawZip([{ name: 'bomb.xml', data: big, size: 1000 }]), limits);
    let handed = 0;
    expect(zipCode(() => zip.stream(zip.entries[0], (c) => (handed += c.length)))).toBe('corrupt');
    expect(handed).toBeLessThanOrEqual(1000);
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('corrupt');
    // the same cause whichever inflater refused
    expect(() => zip.read(zip.entries[0])).toThrow('bomb.xml inflates to more than its declared 1000 bytes');
  });

  test('a part that inflates to less than its declared size is corrupt', () => {
    const zip = new ZipArchive(rawZip([{ name: 'short.xml', data: SHEET, size: SHEET.length + 1 }]), limits);
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('corrupt');
    expect(() => zip.read(zip.entries[0])).toThrow(/declared/);
  });

  test('a stored entry whose sizes differ is corrupt', () => {
    const zip = new ZipArchive(rawZip([{ name: 's', data: text('12345'), method: 0, size: 4 }]), limits);
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('corrupt');
  });

  test('damaged deflate data is corrupt', () => {
    const bytes = rawZip([{ name: 'a.xml', data: SHEET }]);
    const zip0 = new ZipArchive(bytes);
    const raw = zip0.raw(zip0.entries[0]);
    // 0xFF bytes are an invalid block type (BTYPE 11) at the start
    raw.fill(0xff, 0, Math.min(8, raw.length));
    const zip = new ZipArchive(bytes, limits);
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('corrupt');
  });

  test('a compressed size that runs past the end, and a local header that is not one, are corrupt', () => {
    const past = new ZipArchive(rawZip([{ name: 'a.xml', data: SHEET, csize: 1 << 20 }]), limits);
    expect(zipCode(() => past.read(past.entries[0]))).toBe('corrupt');
    const bytes = rawZip([{ name: 'a.xml', data: SHEET }]);
    bytes[0] = 0x51; // the local header's signature
    const moved = new ZipArchive(bytes, limits);
    expect(zipCode(() => moved.read(moved.entries[0]))).toBe('corrupt');
  });

  test('encrypted entries and other compression methods are refused when read, not when listed', () => {
    const zip = new ZipArchive(
      rawZip([
        { name: 'enc.xml', data: text('secret'), flags: 1, method: 0 },
        { name: 'bzip2.xml', data: text('bz'), method: 12 },
        { name: 'plain.xml', data: text('plain') },
      ]),
      limits,
    );
    expect(zip.entries).toHaveLength(3);
    expect(zipCode(() => zip.read(zip.entries[0]))).toBe('encrypted');
    expect(zipCode(() => zip.read(zip.entries[1]))).toBe('unsupported');
    expect(zip.text(zip.entries[2])).toBe('plain');
  });

  test('declared sizes past maxUnpackedBytes are too large before anything is inflated', () => {
    const bytes = rawZip([
      { name: 'a.xml', data: SHEET },
      { name: 'b.xml', data: SHEET },
    ]);
    expect(new ZipArchive(bytes, { ...limits, maxUnpackedBytes: 2 * SHEET.length }).unpackedSize).toBe(2 * SHEET.length);
    expect(zipCode(() => new ZipArchive(bytes, { ...limits, maxUnpackedBytes: 2 * SHEET.length - 1 }))).toBe('too-large');
    // a size that only ZIP64 can declare: 2^40 bytes, past the default limit
    const huge = rawZip([{ name: 'huge.xml', data: text('tiny'), size: 2 ** 40, zip64: { size: true } }], { zip64End: true });
    expect(2 ** 40).toBeGreaterThan(DEFAULT_MAX_UNPACKED);
    expect(zipCode(() => new ZipArchive(huge, limits))).toBe('too-large');
    // several parts each under 4 GiB whose sum is past it
    const many = rawZip(Array.from({ length: 5 }, (_, i) => ({ name: `p${i}.xml`, data: text('x'), size: 0xfff00000 })));
    expect(zipCode(() => new ZipArchive(many, limits))).toBe('too-large');
  });

  test('truncated archives: no end record is not a zip; a directory cut short is corrupt', () => {
    const bytes = rawZip([
      { name: 'a.xml', data: SHEET },
      { name: 'b.xml', data: SHEET },
    ]);
    for (const n of [0, 3, 21, 30, bytes.length >> 1, bytes.length - 1, bytes.length - 10]) {
      expect(zipCode(() => new ZipArchive(bytes.subarray(0, n), limits))).toBe('not-zip');
    }
    // the end record kept, the data before it cut away: the directory now lies past the start
    const tail = bytes.subarray(bytes.length - 22);
    const spliced = new Uint8Array(200 + 22);
    spliced.set(bytes.subarray(0, 200));
    spliced.set(tail, 200);
    expect(zipCode(() => new ZipArchive(spliced, limits))).toBe('corrupt');
    // a directory entry's signature damaged
    const d = bytes.slice();
    const dirStart = new DataView(d.buffer).getUint32(d.length - 22 + 16, true);
    d[dirStart] = 0;
    expect(zipCode(() => new ZipArchive(d, limits))).toBe('corrupt');
  });

  test('streamText decodes UTF-8 split across chunks and drops a byte-order mark', () => {
    const s = '\uFEFF' + '中文😀ab'.repeat(20_000);
    const zip = new ZipArchive(rawZip([{ name: 'big.xml', data: text(s) }]), limits);
    const pieces: string[] = [];
    zip.streamText(zip.entries[0], (t) => pieces.push(t));
    expect(pieces.join('')).toBe(s.slice(1));
    expect(pieces.length).toBeGreaterThan(1);
    expect(zip.text(zip.entries[0])).toBe(s.slice(1));
  });
});

describe('writeZip', () => {
  const now = new Date(2025, 2, 31, 14, 30, 20);

  test('new entries: deflated and stored, non-ASCII names flagged UTF-8, read back by us, fflate and JSZip', async () => {
    const inputs = [
      { name: '[Content_Types].xml', data: text('<Types/>') },
      { name: 'xl/worksheets/表1.xml', data: SHEET },
      { name: 'stored.bin', data: Uint8Array.from({ length: 300 }, (_, i) => i & 0xff), level: 0 },
      { name: 'empty', data: new Uint8Array(0) },
    ];
    const bytes = writeZip(inputs, now);
    const zip = new ZipArchive(bytes);
    expect(zip.entries.map((e) => [e.name, e.method, e.flags])).toEqual([
      ['[Content_Types].xml', 8, 0],
      ['xl/worksheets/表1.xml', 8, 0x800],
      ['stored.bin', 0, 0],
      ['empty', 8, 0],
    ]);
    for (const [i, input] of inputs.entries()) expect(zip.read(zip.entries[i])).toEqual(input.data);
    // DOS time: 14:30:20, 2025-03-31
    expect(zip.entries[0].time).toBe((14 << 11) | (30 << 5) | 10);
    expect(zip.entries[0].date).toBe(((2025 - 1980) << 9) | (3 << 5) | 31);

    const ff = unzipSync(bytes);
    expect(Object.keys(ff)).toEqual(inputs.map((i) => i.name));
    for (const input of inputs) expect(ff[input.name]).toEqual(input.data);
    const jz = await JSZip.loadAsync(bytes);
    expect(await jz.file('xl/worksheets/表1.xml')?.async('string')).toBe(utf8Text(SHEET));
  });

  test('copied entries keep their compressed bytes, CRC, sizes and time exactly (descriptors and ZIP64 sources too)', () => {
    const source = new ZipArchive(
      rawZip(
        [
          { name: 'a.xml', data: SHEET, descriptor: true },
          { name: 'b.xml', data: text('stored'), method: 0 },
          { name: 'c.xml', data: text('zip64 source'), zip64: { size: true, csize: true, offset: true } },
        ],
        { zip64End: true },
      ),
    );
    const copied = writeZip(
      [
        ...source.entries.map((e) => ({ name: e.name, copy: e, from: source })),
        { name: 'new.xml', data: text('added') },
      ],
      now,
    );
    const zip = new ZipArchive(copied);
    const keep = (e: ZipEntry) => [e.name, e.method, e.crc, e.compressedSize, e.size, e.time, e.date];
    expect(zip.entries.slice(0, 3).map(keep)).toEqual(source.entries.map(keep));
    for (let i = 0; i < 3; i++) {
      expect(Buffer.from(zip.raw(zip.entries[i])).equals(Buffer.from(source.raw(source.entries[i])))).toBe(true);
      expect(zip.read(zip.entries[i])).toEqual(source.read(source.entries[i]));
      // the data descriptor flag is not carried over: the local header now holds the sizes
      expect(zip.entries[i].flags & 8).toBe(0);
    }
    expect(zip.text(zip.entries[3])).toBe('added');
    expect(Object.keys(unzipSync(copied))).toEqual(['a.xml', 'b.xml', 'c.xml', 'new.xml']);
  });

  test('a round trip through writeZip twice is byte-identical', () => {
    const first = writeZip([{ name: 'a', data: SHEET }, { name: 'b', data: text('b'), level: 0 }], now);
    const zip = new ZipArchive(first);
    const second = writeZip(zip.entries.map((e) => ({ name: e.name, copy: e, from: zip })), now);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  test('an archive written by fflate (zipSync) reads back entry for entry', () => {
    const files: Record<string, Uint8Array> = { 'a/b.xml': SHEET, 'c.txt': text('see'), 'd/': new Uint8Array(0) };
    const zip = new ZipArchive(zipSync(files, { level: 9 }));
    for (const e of zip.entries) expect(zip.read(e)).toEqual(files[e.name]);
  });
});

describe('the directory alone: what the parts unpack to, before anything is inflated', () => {
  test('the sum of the parts of the sample, as JSZip unpacks them', async () => {
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../../assets/sample/county-indicators-2025-03.xlsx')));
    const zip = await JSZip.loadAsync(bytes);
    let total = 0;
    for (const f of Object.values(zip.files)) if (!f.dir) total += (await f.async('uint8array')).length;
    expect(new ZipArchive(bytes).unpackedSize).toBe(total);
    expect(zipCode(() => new ZipArchive(new TextEncoder().encode('not a zip at all, not even close')))).toBe('not-zip');
  });
});
