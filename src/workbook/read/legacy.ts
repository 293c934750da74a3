/**
 * The legacy formats through SheetJS: .xls (BIFF8; WPS .et files are the same bytes under
 * another name), .ods and .xlsb, read into the same ReadBook, and so the same grids, as the
 * .xlsx reader gives.
 *
 * ## The package (checked before relying on it)
 *
 * SheetJS stopped publishing to npm at `xlsx` 0.18.5; 0.20.3 lives on cdn.sheetjs.com, which
 * this project cannot reach. `@e965/xlsx` 0.20.3 is a republication by an automated job
 * (github.com/e965/sheetjs-npm-publisher: a GitHub Action clones the newest `vX.Y.Z` tag of
 * git.sheetjs.com/sheetjs/sheetjs, replaces README.md and the name and repository fields of
 * package.json, and runs `npm publish`). What was checked (December 2026):
 * - the installed files equal the registry tarball (`npm pack @e965/xlsx@0.20.3`, sha512
 *   `703RN/3Ods…` as in package-lock.json); `xlsx.mjs` has SHA-256 `1a0fb062…87b77db` and
 *   1,008,308 bytes: a public project that vendors cdn.sheetjs.com's 0.20.3 tarball records
 *   exactly this SHA-256 for its `package/xlsx.mjs`, and an unrelated one pins exactly this
 *   size (SheetJS commits the built xlsx.js/xlsx.mjs, so the tag the job clones holds the
 *   files the CDN tarball holds);
 * - banners `xlsx.js (C) 2013-present SheetJS`, `XLSX.version = '0.20.3'` in the code and at
 *   run time; Apache-2.0 LICENSE; CHANGELOG up to 0.20.3;
 * - no install scripts (`scripts` only has SheetJS's own make targets), no dependencies;
 *   no `fetch`, XMLHttpRequest, `eval`, `new Function`, `child_process` or `process.env` in
 *   xlsx.js/xlsx.mjs; the only `require`s are SheetJS's own (`./dist/cpexcel.js`, and
 *   `fs`/`stream` in Node); xlsx.mjs imports nothing;
 * - the fixes 0.19.3–0.20.3 announce are there and 0.18.5 (`npm pack xlsx@0.18.5`) lacks
 *   them: CVE-2023-30533 (a comment's address is checked, `if(r.r < 0 || r.c < 0) return`
 *   in sheet_insert_comments), CVE-2024-22363 (the regex-free `str_match_xml*` helpers;
 *   `closeparen = /\)[^)]*[0#]/`; the data-URI Base64 prefix cut with indexOf), and
 *   0.20.3's NaN/Infinity handling; passages of a public mirror of SheetJS's 0.20.3 source
 *   (`bits/01_version.js` = '0.20.3': Base64_decode in bits/04_base64.js, parseVector on
 *   the new str_match_xml_ns_g in bits/22_xmlutils.js) appear verbatim in xlsx.mjs;
 * - a diff of xlsx.mjs against another republication (`@lokalise/xlsx` "0.20.3", which is in
 *   fact 0.20.1 inside) shows only the 0.20.1→0.20.3 changes of the CHANGELOG.
 * Doubt left: no byte comparison against the CDN itself (unreachable here); the hash match
 * rests on third-party records. Re-check with `sha256sum node_modules/@e965/xlsx/xlsx.mjs`
 * against `https://cdn.sheetjs.com/xlsx-0.20.3/package/xlsx.mjs` from a machine with access.
 *
 * ## Loading
 *
 * SheetJS is imported lazily (webpack: a chunk of its own, "sheetjs"; tsc's CommonJS build:
 * a `require` at first use) together with its codepage tables, which only Excel 5.0/95 and
 * older files need (BIFF8 strings are UTF-16), and which SheetJS's CommonJS build loads by
 * itself: loading them in the browser too keeps both the same. Browser-safe: no `node:`
 * modules, no `fs`, no global Buffer (the bytes go in as a Uint8Array, `type: 'array'`).
 *
 * ## SheetJS's output, and what is done with it
 *
 * - Options: formulas on (`cellFormula`), number formats on (`cellNF`: every cell gets `z`,
 *   'General' included), `cellDates: false` (dates stay serials), `cellText: false` (no
 *   formatted text: it costs a format run per cell, and the error codes that it would give in
 *   `w` come from ERROR_TEXT below), no styles, no HTML, `dense` (rows of cells). `dense` and
 *   `cellText: false` halve SheetJS's time on a 720,000-cell .xls (5.9 s → 2.4 s).
 * - Number formats of .xls: SheetJS resolves a cell's format id through a table of its own
 *   that knows neither the East Asian dates (ids 27–36, 50–58: a cell of Chinese-locale
 *   Excel or WPS showing 2025年3月 came out with no format, i.e. General) nor the ECMA-376
 *   codes of a few others (14 is 'm/d/yy' there). The table is module state; before each .xls
 *   read it is set to BUILTIN_FORMATS, the .xlsx reader's table (ECMA-376 18.8.30, zh-CN for
 *   the locale ids), and the file's FORMAT records then override it as they come. .ods and
 *   .xlsb reset the table in SheetJS itself: an .xlsb cell's SheetJS code for a built-in id is
 *   translated to BUILTIN_FORMATS' (SHEETJS_BUILTIN_CODES), and a bare locale id (27–36,
 *   50–58, or 5–8, 41–44 without a written format: SheetJS has no code for them) reads as
 *   General.
 * - Errors: `t: 'e'` with Excel's numeric code in `v` (0x07 → #DIV/0!), also from .ods.
 * - Merges (`!merges`): SheetJS keeps whatever a covered cell holds; like Excel, only the
 *   top-left cell of an area keeps its value here.
 * - 1904 workbooks (`Workbook.WBProps.date1904`): numbers with a date format move by 1462
 *   days to the 1900 system.
 * - What SheetJS does not keep, read here beside it: the hidden flag of an .xls defined name
 *   (the NAME records' fHidden bit, walked in the workbook stream SheetJS kept with
 *   `bookFiles`), the hidden tables of an .ods (table:display="false" in content.xml's table
 *   styles: SheetJS reads every table as visible), and an encrypted .ods (the manifest: SheetJS
 *   fails on the first encrypted part as a bad zip entry). A constant .xls name (=936, =FALSE)
 *   comes as a number or boolean and is written back as text.
 * - SheetJS prints what it could not convert (console.error: "ODS number format may be
 *   incorrect"…); that goes to `warnings` instead of the user's terminal or console.
 * - Known limits of SheetJS's .ods reading (test/workbook/read/legacy.test.ts names each):
 *   runs of spaces in text collapse and ends are trimmed (ODF's white-space rule; LibreOffice
 *   writes runs literally inside styled spans, and trim also drops a leading full-width
 *   space); an empty merged cell (self-closing) loses its span; a cell styled only through
 *   its column's default cell style reads as General; an absolute range in a defined name
 *   may lose one `$` ("$A$1:.$B$1" → "$A1:$B$1"). Hidden sheets of .xlsb and .xls keep their
 *   state (very hidden too); .ods has no very hidden.
 */
import type * as SheetJS from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { formatInfo } from '../../core/figures/formatInfo';
import type { Cell, Grid, MergedArea } from '../../core/grid';
import { rangeAddress } from '../../core/grid';
import type { SheetInfo, SheetState } from '../WorkbookPort';
import { WorkbookReadError } from '../WorkbookPort';
import type { BookSheet, DefinedName, ReadBook, SheetKind } from './Book.types';
import { pickGrids } from './pick';
import { BUILTIN_FORMATS } from './xlsx/styles';

export type LegacyFormat = 'xls' | 'ods' | 'xlsb';

type SheetJSModule = typeof SheetJS;

/**
 * SheetJS's own codes for built-in ids where they differ from BUILTIN_FORMATS (its table is
 * what an .xlsb cell's id resolves to): the code the .xlsx reader gives for the same id.
 */
const SHEETJS_BUILTIN_CODES: ReadonlyMap<string, string> = new Map([
  ['m/d/yy', BUILTIN_FORMATS[14]],
  ['m/d/yy h:mm', BUILTIN_FORMATS[22]],
  ['#,##0.00;(#,##0.00)', BUILTIN_FORMATS[39]],
  ['#,##0.00;[Red](#,##0.00)', BUILTIN_FORMATS[40]],
  ['"上午/下午 "hh"時"mm"分"ss"秒 "', BUILTIN_FORMATS[56]],
]);

/** SheetJS's format table has 0x188 slots (ids 0–391); FORMAT records beyond are not kept. */
const SSF_SLOTS = 0x188;

/** Excel's error codes by the number BIFF, XLSB and SheetJS use for them. */
const ERROR_TEXT: Readonly<Record<number, string>> = Object.freeze({
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
});

/** 1904-system serial + 1462 = 1900-system serial of the same day. */
const DAYS_1904_TO_1900 = 1462;

/** What the first bytes must be for each format (SheetJS would read anything else as CSV). */
function sniff(bytes: Uint8Array, format: LegacyFormat): string | null {
  const b = bytes;
  if (format === 'xls') {
    const ole = b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
    // A bare BIFF2–4 stream (Excel 2.x–4.x): a BOF record 0x0009, 0x0209, 0x0409.
    const biff = b.length >= 8 && b[0] === 0x09 && (b[1] === 0x00 || b[1] === 0x02 || b[1] === 0x04) && b[3] === 0x00;
    return ole || biff ? null : 'not an Excel 97–2003 workbook (no OLE2 compound file header)';
  }
  const zip = b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
  return zip ? null : `not ${format === 'ods' ? 'an OpenDocument spreadsheet' : 'an Excel binary workbook (.xlsb)'} (not a zip package)`;
}

let loaded: Promise<SheetJSModule> | null = null;

/** SheetJS and its codepage tables, imported once (a separate chunk in the browser). */
function loadSheetJS(): Promise<SheetJSModule> {
  if (!loaded) {
    loaded = Promise.all([
      import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx'),
      // @ts-expect-error -- resolved through the package's "exports" (ESM in webpack, dist/cpexcel.js in Node), which moduleResolution "node" does not read
      import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx/dist/cpexcel.full') as Promise<unknown>,
    ]).then(([xlsx, cptable]) => {
      xlsx.set_cptable(cptable);
      return xlsx;
    });
    loaded.catch(() => {
      loaded = null; // a failed chunk load may succeed on the next file
    });
  }
  return loaded;
}

/**
 * Sets SheetJS's table of number formats (module state, kept from one read to the next)
 * to the built-in formats before an .xls is read; the file's FORMAT records override it.
 */
function resetFormatTable(XLSX: SheetJSModule): void {
  const ssf = XLSX.SSF as { load(fmt: string | undefined, id: number): number };
  for (let id = 0; id < SSF_SLOTS; id++) ssf.load(BUILTIN_FORMATS[id], id);
}

function messageOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : String(e);
}

/** SheetJS's messages for a file it cannot read because of a password. */
// Not "Unsupported ZIP encryption": SheetJS says that of any compound file it could not read
// (it then tries the bytes as a zip package and misreads them), so it means damaged, not a password.
const ENCRYPTED = /password|EncryptionInfo|Encryption (Flags|scheme)|ODS Encryption/i;

function readError(e: unknown, file: string): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  const message = messageOf(e);
  if (e instanceof RangeError && /alloc|memory|Invalid (array|string|typed array) length/i.test(message)) {
    return new WorkbookReadError('too-large', file, message);
  }
  if (ENCRYPTED.test(message)) return new WorkbookReadError('encrypted', file, message);
  if (/is not a spreadsheet/i.test(message)) return new WorkbookReadError('unsupported', file, message);
  return new WorkbookReadError('corrupt', file, message);
}

const PARSE_OPTIONS: SheetJS.ParsingOptions = {
  type: 'array',
  cellFormula: true,
  cellNF: true,
  cellDates: false,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
  dense: true,
};

/**
 * Read an .xls/.et, .ods or .xlsb held in memory. Throws WorkbookReadError: 'encrypted' (a
 * password), 'corrupt' (not that format, or SheetJS cannot parse it: its message as detail),
 * 'unsupported' (an OpenDocument file that is not a spreadsheet), 'too-large' (out of memory)
 * and 'no-sheets' (it opened but holds no worksheet).
 */
export async function readLegacyBook(bytes: Uint8Array, file: string, format: LegacyFormat): Promise<ReadBook> {
  const wrong = sniff(bytes, format);
  if (wrong) throw new WorkbookReadError('corrupt', file, wrong);
  // SheetJS inflates every part before it looks at the manifest, and an encrypted part
  // fails as a bad zip entry ("Bad compressed size"): the manifest says it first.
  if (format === 'ods' && odsEncrypted(bytes)) throw new WorkbookReadError('encrypted', file, 'the OpenDocument package is encrypted (a password)');
  const XLSX = await loadSheetJS();
  let wb: SheetJS.WorkBook;
  const warnings: string[] = [];
  try {
    if (format === 'xls') resetFormatTable(XLSX);
    // a copy of the options: SheetJS writes into the object it is given
    // .xls: bookFiles keeps the compound file (wb.cfb) for the names' hidden flags
    wb = quietly(warnings, () => XLSX.read(bytes, { ...PARSE_OPTIONS, bookFiles: format === 'xls', cellStyles: format !== 'ods' }));
  } catch (e) {
    throw readError(e, file);
  }
  if (format !== 'xls' && wb.bookType !== format) {
    throw new WorkbookReadError('corrupt', file, `the package is ${wb.bookType ? `an ${wb.bookType} workbook` : 'not a workbook'}, not ${format}`);
  }
  const extra: BookExtras = { warnings };
  if (format === 'xls') {
    extra.hiddenNames = xlsHiddenNames(XLSX, wb);
    delete (wb as { cfb?: unknown }).cfb; // the compound file was kept for that only
  }
  if (format === 'ods') {
    extra.hiddenTables = odsHiddenTables(bytes);
    extra.odsBytes = bytes;
  }
  return new LegacyBook(wb, file, format, extra);
}

/** What is read beside SheetJS, where it does not keep it. */
interface BookExtras {
  /** what SheetJS printed while reading */
  warnings: readonly string[];
  /** .xls: the hidden flag of each defined name, in order */
  hiddenNames?: readonly boolean[] | null;
  /** .ods: the names of the tables shown hidden */
  hiddenTables?: ReadonlySet<string> | null;
  /** .ods: the package, for the column widths (SheetJS does not read them) */
  odsBytes?: Uint8Array;
}

/** A length in ODF units as a column width in characters of an 11-point default font (7 pixels each, 5 of padding). */
function odfWidthChars(length: string): number | undefined {
  const m = /^([\d.]+)(cm|mm|in|pt|pc|px)$/.exec(length.trim());
  if (!m) return undefined;
  const v = Number(m[1]);
  const perUnit: Record<string, number> = { cm: 96 / 2.54, mm: 96 / 25.4, in: 96, pt: 96 / 72, pc: 16, px: 1 };
  const px = v * perUnit[m[2]];
  return Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
}

/** .ods: each table's column widths in characters, from A (undefined where the column has no width). */
function odsColumnWidths(bytes: Uint8Array): Map<string, (number | undefined)[]> {
  const out = new Map<string, (number | undefined)[]>();
  try {
    const content = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' })['content.xml'];
    if (!content) return out;
    const text = strFromU8(content);
    const widths = new Map<string, number | undefined>();
    for (const m of text.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
      const attrs = xmlAttrs(m[1]);
      if (attrs.get('style:family') !== 'table-column') continue;
      const w = /style:column-width\s*=\s*"([^"]*)"/.exec(m[2]);
      widths.set(attrs.get('style:name') ?? '', w ? odfWidthChars(w[1]) : undefined);
    }
    for (const t of text.matchAll(/<table:table\s([^>]*)>([\s\S]*?)(?=<table:table-row\b|<\/table:table>)/g)) {
      const name = xmlAttrs(t[1]).get('table:name');
      if (name === undefined) continue;
      const cols: (number | undefined)[] = [];
      for (const c of t[2].matchAll(/<table:table-column\s([^>]*?)\/?>/g)) {
        const a = xmlAttrs(c[1]);
        const n = Math.min(Number(a.get('table:number-columns-repeated') ?? 1) || 1, 1024 - cols.length);
        const w = widths.get(a.get('table:style-name') ?? '');
        for (let i = 0; i < n; i++) cols.push(w);
        if (cols.length >= 1024) break;
      }
      out.set(unescapeXml(name), cols);
    }
  } catch {
    // no widths
  }
  return out;
}

function xmlAttrs(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs.set(m[1], m[2]);
  return attrs;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (all: string, e: string) => {
    switch (e.toLowerCase()) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'amp':
        return '&';
      default: {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
    }
  });
}

const AUTOMATIC_STYLES_END = strToU8('</office:automatic-styles>');

/** The first index of `needle` in `haystack`, or -1. */
function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0];
  const last = haystack.length - needle.length;
  outer: for (let i = haystack.indexOf(first); i >= 0 && i <= last; i = haystack.indexOf(first, i + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return i;
  }
  return -1;
}

/** Whether an .ods package's manifest lists encrypted parts (false when it cannot be read). */
function odsEncrypted(bytes: Uint8Array): boolean {
  try {
    const manifest = unzipSync(bytes, { filter: (f) => f.name === 'META-INF/manifest.xml' })['META-INF/manifest.xml'];
    return manifest !== undefined && strFromU8(manifest).includes('encryption-data');
  } catch {
    return false;
  }
}

/**
 * The tables of an .ods that are hidden (SheetJS reads every table as visible): a table is
 * hidden when its table style (in content.xml's automatic styles) has table:display="false".
 * Null when content.xml cannot be read (SheetJS has read it, so that is not expected).
 */
function odsHiddenTables(bytes: Uint8Array): Set<string> | null {
  try {
    const content = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' })['content.xml'];
    if (!content) return null;
    // The automatic styles come first: only they are decoded unless a table style hides.
    const end = indexOfBytes(content, AUTOMATIC_STYLES_END);
    const styles = end < 0 ? '' : strFromU8(content.subarray(0, end));
    const hiddenStyles = new Set<string>();
    for (const m of styles.matchAll(/<style:style\b([^>]*)>([\s\S]*?)<\/style:style>/g)) {
      const attrs = xmlAttrs(m[1]);
      if (attrs.get('style:family') !== 'table') continue;
      if (/table:display\s*=\s*"false"/.test(m[2])) hiddenStyles.add(attrs.get('style:name') ?? '');
    }
    const hidden = new Set<string>();
    if (hiddenStyles.size === 0) return hidden;
    for (const m of strFromU8(content).matchAll(/<table:table\s([^>]*)>/g)) {
      const attrs = xmlAttrs(m[1]);
      const style = attrs.get('table:style-name');
      const name = attrs.get('table:name');
      if (style !== undefined && name !== undefined && hiddenStyles.has(style)) hidden.add(unescapeXml(name));
    }
    return hidden;
  } catch {
    return null;
  }
}

type SheetJSName = SheetJS.DefinedName & { Hidden?: unknown; Flags?: unknown };

/** A defined name's formula as text: SheetJS gives a constant .xls name as a number or boolean. */
function refText(ref: unknown): string {
  if (typeof ref === 'string') return ref.startsWith('=') ? ref.slice(1) : ref;
  if (typeof ref === 'boolean') return ref ? 'TRUE' : 'FALSE';
  if (typeof ref === 'number') return String(ref);
  return ref === undefined || ref === null ? '' : String(ref);
}

/** Hidden: SheetJS's flag (.ods has none), the fHidden bit of .xlsb's Flags, or the .xls record's. */
function isHidden(n: SheetJSName, fromRecord: boolean | undefined): boolean {
  if (n.Hidden === true || n.Hidden === 1) return true;
  if (typeof n.Flags === 'number') return (n.Flags & 1) === 1;
  return fromRecord === true;
}

/** BIFF record types walked for the names' flags. */
const BIFF_EOF = 0x000a;
const BIFF_LBL = 0x0018;

/**
 * The fHidden flag of each Lbl (defined name) record of an .xls, in record order, which is
 * the order of SheetJS's Workbook.Names (it does not keep the flag). The records are in the
 * workbook globals, before the first EOF. Null when the stream cannot be found.
 */
function xlsHiddenNames(XLSX: SheetJSModule, wb: SheetJS.WorkBook): boolean[] | null {
  const cfb = (wb as { cfb?: { FullPaths?: unknown } }).cfb;
  if (!cfb || !cfb.FullPaths) return null;
  try {
    const find = (XLSX.CFB as { find(cfb: unknown, path: string): { content?: ArrayLike<number> } | null }).find;
    const d = (find(cfb, '/Workbook') ?? find(cfb, '/Book'))?.content;
    if (!d) return null;
    const hidden: boolean[] = [];
    for (let pos = 0; pos + 4 <= d.length; ) {
      const type = d[pos] | (d[pos + 1] << 8);
      const size = d[pos + 2] | (d[pos + 3] << 8);
      if (type === BIFF_LBL && pos + 4 < d.length) hidden.push((d[pos + 4] & 1) === 1);
      if (type === BIFF_EOF) break;
      pos += 4 + size;
    }
    return hidden;
  } catch {
    return null;
  }
}

type ConsoleMethod = 'error' | 'warn' | 'log';
const CONSOLE_METHODS: readonly ConsoleMethod[] = ['error', 'warn', 'log'];

/**
 * Runs SheetJS with its console output collected into `into`: it prints what it could not
 * convert ("ODS number format may be incorrect: value()>0", "Missing Info for XLS Record…")
 * with console.error, which would land in the CLI's stderr and the browser's console.
 * The call is synchronous, so nothing else runs while the console is borrowed.
 */
function quietly<T>(into: string[], task: () => T): T {
  const saved = CONSOLE_METHODS.map((m) => console[m]);
  for (const m of CONSOLE_METHODS) {
    console[m] = (...args: unknown[]) => {
      if (into.length < 100) into.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '));
    };
  }
  try {
    return task();
  } finally {
    CONSOLE_METHODS.forEach((m, i) => {
      console[m] = saved[i];
    });
  }
}

function stateOf(hidden: unknown): SheetState {
  return hidden === 1 ? 'hidden' : hidden === 2 ? 'veryHidden' : 'visible';
}

function kindOf(ws: SheetJS.WorkSheet | undefined): SheetKind {
  switch (ws?.['!type'] as string | undefined) {
    case 'chart':
      return 'chartsheet';
    case 'macro':
      return 'macrosheet';
    case 'dialog':
      return 'dialogsheet';
    default:
      return 'worksheet';
  }
}

interface ReadSheet {
  grid: Grid;
  usedRange: string | null;
  /** column widths in characters (.xls, .xlsb) */
  widths?: (number | undefined)[];
}

/** A workbook SheetJS has parsed, behind the ReadBook port. */
class LegacyBook implements ReadBook {
  readonly sheets: readonly BookSheet[];
  readonly definedNames: readonly DefinedName[];
  readonly date1904: boolean;
  /** what SheetJS printed while reading (formats it could not convert, records it skipped) */
  readonly warnings: readonly string[];
  /** converted sheets by name (names are unique in a workbook) */
  private readonly cache = new Map<string, ReadSheet>();
  private readonly odsBytes: Uint8Array | undefined;
  private odsWidths: Map<string, (number | undefined)[]> | undefined;

  constructor(
    private readonly wb: SheetJS.WorkBook,
    readonly file: string,
    readonly format: LegacyFormat,
    extras: BookExtras = { warnings: [] },
  ) {
    this.warnings = extras.warnings;
    this.odsBytes = extras.odsBytes;
    const props = wb.Workbook?.Sheets ?? [];
    const hiddenTables = extras.hiddenTables;
    this.sheets = wb.SheetNames.map((name, index) => ({
      name,
      state: hiddenTables?.has(name) ? 'hidden' : stateOf(props[index]?.Hidden),
      kind: kindOf(wb.Sheets[name]),
    }));
    const names = wb.Workbook?.Names ?? [];
    // the flags are trusted only when there is one per name SheetJS gives
    const hiddenNames = extras.hiddenNames;
    const flags = hiddenNames && hiddenNames.length === names.length ? hiddenNames : null;
    this.definedNames = names.map((n, i) => ({
      name: n.Name,
      formula: refText(n.Ref),
      scope: typeof n.Sheet === 'number' && n.Sheet >= 0 ? n.Sheet : null,
      hidden: isHidden(n as SheetJSName, flags?.[i]),
    }));
    this.date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
    if (!this.sheets.some((s) => s.kind === 'worksheet' && wb.Sheets[s.name])) {
      throw new WorkbookReadError('no-sheets', file, this.sheets.length === 0 ? 'the workbook has no sheet' : 'the workbook has no worksheet');
    }
  }

  private read(sheet: BookSheet): ReadSheet {
    let done = this.cache.get(sheet.name);
    if (!done) {
      const ws = this.wb.Sheets[sheet.name];
      const remap = this.format === 'xlsb' ? SHEETJS_BUILTIN_CODES : null;
      done = ws ? sheetToGrid(sheet.name, ws, this.date1904, remap) : { grid: { name: sheet.name, rows: [], merges: [], rowCount: 0, colCount: 0 }, usedRange: null };
      const cols = ws?.['!cols'];
      if (cols) done.widths = cols.map((c) => (c && typeof c.width === 'number' && !c.hidden ? c.width : undefined));
      this.cache.set(sheet.name, done);
      // SheetJS's sheet is not needed once converted: let it go (the grid is cached)
      delete this.wb.Sheets[sheet.name];
    }
    return done;
  }

  /** A sheet's column widths in characters, from A, where the file gives them. */
  columnWidths(name: string): (number | undefined)[] | undefined {
    if (this.odsBytes) {
      this.odsWidths ??= odsColumnWidths(this.odsBytes);
      return this.odsWidths.get(name);
    }
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet) this.read(sheet);
    return this.cache.get(name)?.widths;
  }

  grids(names?: string[]): Grid[] {
    return pickGrids(this.sheets, names, (s) => this.read(s).grid);
  }

  async readGrids(names?: string[]): Promise<Grid[]> {
    return this.grids(names);
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheets
      .filter((s) => s.kind === 'worksheet')
      .map((s) => ({ name: s.name, usedRange: this.read(s).usedRange, hidden: s.state !== 'visible', state: s.state }));
  }
}

type SheetCell = SheetJS.CellObject & { F?: string };

/** A SheetJS cell as a core cell; undefined for a stub. */
function toCell(c: SheetCell, date1904: boolean, remap: ReadonlyMap<string, string> | null): Cell | undefined {
  const z = c.z;
  const format = typeof z === 'string' && z !== '' && z !== 'General' ? (remap?.get(z) ?? z) : undefined;
  let cell: Cell;
  switch (c.t) {
    case 'n': {
      let v = Number(c.v);
      if (!Number.isFinite(v)) {
        // a number no spreadsheet holds (an .ods value SheetJS could not parse): the error Excel shows for it
        cell = { value: Number.isNaN(v) ? '#NUM!' : '#DIV/0!', type: 'error' };
        break;
      }
      if (date1904 && format !== undefined && formatInfo(format).date) v += DAYS_1904_TO_1900;
      cell = { value: v, type: 'number' };
      break;
    }
    case 's': {
      const v = c.v;
      cell = v === '' || v === undefined || v === null ? { value: null, type: 'empty' } : { value: String(v), type: 'text' };
      break;
    }
    case 'b':
      cell = { value: Boolean(c.v), type: 'boolean' };
      break;
    case 'e': {
      const v = c.v;
      const text = typeof v === 'number' ? ERROR_TEXT[v] : typeof v === 'string' && v.startsWith('#') ? v : undefined;
      cell = { value: text ?? c.w ?? '#N/A', type: 'error' };
      break;
    }
    case 'd': {
      // not produced with cellDates off; kept for safety: a Date as a 1900-system serial
      const d = c.v instanceof Date ? c.v : new Date(String(c.v));
      cell = { value: d.getTime() / 86_400_000 + 25_569, type: 'number' };
      break;
    }
    default:
      // 'z' (a stub) or anything unknown: no value
      if (c.f === undefined) return undefined;
      cell = { value: null, type: 'empty' };
  }
  if (format !== undefined) cell.format = format;
  if (typeof c.f === 'string' && c.f !== '') cell.formula = c.f.startsWith('=') ? c.f.slice(1) : c.f;
  return cell;
}

/** A SheetJS worksheet (dense) as a core grid, and the range of the cells it holds. */
function sheetToGrid(name: string, ws: SheetJS.WorkSheet, date1904: boolean, remap: ReadonlyMap<string, string> | null): ReadSheet {
  const data = ((ws as { '!data'?: (SheetCell | undefined)[][] })['!data'] ?? []) as (SheetCell[] | undefined)[];
  const merges: MergedArea[] = [];
  for (const m of ws['!merges'] ?? []) {
    const top = Math.min(m.s.r, m.e.r);
    const left = Math.min(m.s.c, m.e.c);
    const bottom = Math.max(m.s.r, m.e.r);
    const right = Math.max(m.s.c, m.e.c);
    if (top < 0 || left < 0) continue;
    merges.push({ top, left, bottom, right });
  }

  const rows: ((Cell | undefined)[] | undefined)[] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) continue;
    let out: (Cell | undefined)[] | undefined;
    for (let c = 0; c < src.length; c++) {
      const sc = src[c];
      if (!sc) continue;
      const cell = toCell(sc, date1904, remap);
      if (!cell) continue;
      if (!out) out = rows[r] = [];
      out[c] = cell;
    }
  }

  // Like Excel: a merged area's value is in its top-left cell; what covered cells hold is dropped.
  for (const m of merges) {
    const last = Math.min(m.bottom, rows.length - 1);
    for (let r = m.top; r <= last; r++) {
      const row = rows[r];
      if (!row) continue;
      const end = Math.min(m.right, row.length - 1);
      for (let c = r === m.top ? m.left + 1 : m.left; c <= end; c++) {
        if (row[c] !== undefined) row[c] = undefined;
      }
    }
  }

  // The extent of what is left (covered cells dropped), then of the merges.
  let rowCount = 0;
  let colCount = 0;
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    let any = false;
    for (let c = 0; c < row.length; c++) {
      if (row[c] === undefined) continue;
      any = true;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    if (!any) {
      rows[r] = undefined;
      continue;
    }
    if (top < 0) top = r;
    bottom = r;
  }
  if (bottom >= 0) {
    rowCount = bottom + 1;
    colCount = right + 1;
  }
  for (const m of merges) {
    if (m.bottom + 1 > rowCount) rowCount = m.bottom + 1;
    if (m.right + 1 > colCount) colCount = m.right + 1;
    if (top < 0 || m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  const usedRange = top < 0 ? null : rangeAddress(top, left, bottom, right);
  return { grid: { name, rows, merges, rowCount, colCount }, usedRange };
}
