/**
 * readLegacyBook (SheetJS): .xls/.et, .ods and .xlsb read into the same grids as the .xlsx
 * reader gives. The reference is today's reader, `readXlsxFile(file).grids()` (ExcelJS).
 *
 * The legacy files are made from .xlsx files: .xls and .ods by LibreOffice (test/support/
 * soffice.ts, `convert`), .xlsb and some .xls by SheetJS's own writer. Where a grid differs
 * from the reference, the difference must be one of the RULES below, each named with its
 * cause (LibreOffice's conversion, a limit of SheetJS, a quirk of the reference reader);
 * anything else fails the test. Which rules a file needs is part of what is tested.
 *
 * Without LibreOffice the tests that need it are skipped with a message, except under CI
 * (CI is set), where they fail: CI installs libreoffice-calc-nogui.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as XLSX from '@e965/xlsx';
import { strToU8, zipSync } from 'fflate';
import webpack from 'webpack';
import { formatInfo } from '../../../src/core/figures/formatInfo';
import type { Cell, Grid, MergedArea } from '../../../src/core/grid';
import type { ReadBook } from '../../../src/workbook/read/Book.types';
import { readLegacyBook } from '../../../src/workbook/read/legacy';
import { BUILTIN_FORMATS } from '../../../src/workbook/read/xlsx/styles';
import type { LegacyFormat } from '../../../src/workbook/read/legacy';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';
import { readXlsxFile } from '../../support/exceljs';
import { describeReal } from '../../support/realFixtures';
import { convert, describeWithSoffice, disposeSoffice } from '../../support/soffice';

const ROOT = path.resolve(__dirname, '../../..');
const SAMPLE = path.join(ROOT, 'assets/sample/county-indicators-2025-03.xlsx');

const describeLo = describeWithSoffice('the legacy-reader tests that convert files');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'legacy-read-'));
});
afterAll(async () => {
  await disposeSoffice();
  rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------
// Reading and comparing
// ---------------------------------------------------------------------------

async function readLegacy(file: string, format: LegacyFormat): Promise<ReadBook> {
  return readLegacyBook(readFileSync(file), path.basename(file), format);
}

async function reference(xlsx: string): Promise<Grid[]> {
  return (await readXlsxFile(xlsx)).grids();
}

/** A difference between the reference grid (ref) and the legacy reading (got). */
type Diff =
  | { kind: 'cell'; aspect: 'presence' | 'value' | 'format' | 'formula'; sheet: string; at: string; ref?: Cell; got?: Cell; refGrid: Grid }
  | { kind: 'merge'; sheet: string; side: 'ref' | 'got'; area: MergedArea; refGrid: Grid }
  | { kind: 'extent'; sheet: string; ref: string; got: string };

interface Rule {
  id: string;
  /** the cause, for the reader of a failure */
  why: string;
  accepts(d: Diff): boolean;
}

const sameFormatKind = (a: string | undefined, b: string | undefined): boolean => {
  const x = formatInfo(a);
  const y = formatInfo(b);
  return x.decimals === y.decimals && x.percent === y.percent && x.date === y.date && x.text === y.text;
};
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const cellsIn = (g: Grid, m: MergedArea): number => {
  let n = 0;
  for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (g.rows[r]?.[c]) n++;
  return n;
};

/** The documented differences. */
const RULES = {
  formatSpelling: {
    id: 'format-spelling',
    why: 'LibreOffice (or SheetJS writing .xlsb) stores a number format in its own spelling ([Red]→[RED], \\( \\- \\  escapes, "_)" padding as a quoted space in .ods, #0.0→0.0): the same decimals, percent, date and text for the core',
    accepts: (d) => d.kind === 'cell' && d.aspect === 'format' && sameFormatKind(d.ref?.format, d.got?.format),
  },
  textCellFormat: {
    id: 'text-cell-format',
    why: 'a text cell whose number format LibreOffice takes from the parent cell style (it has no effect on text)',
    accepts: (d) => d.kind === 'cell' && d.aspect === 'format' && d.ref?.type === 'text' && d.got?.type === 'text',
  },
  emptyStringCell: {
    id: 'empty-string-cell',
    why: 'LibreOffice drops a cell that holds an empty string (the reference reads it as an empty cell)',
    accepts: (d) => d.kind === 'cell' && d.aspect === 'presence' && !d.got && d.ref?.type === 'empty' && d.ref.formula === undefined,
  },
  recalculated: {
    id: 'recalculated',
    why: 'LibreOffice recalculates a workbook not saved by Excel and stores the full-precision result where the file had a rounded one',
    accepts: (d) =>
      d.kind === 'cell' &&
      d.aspect === 'value' &&
      d.got?.formula !== undefined &&
      typeof d.ref?.value === 'number' &&
      typeof d.got.value === 'number' &&
      Math.abs(d.ref.value - d.got.value) <= 1e-9 * Math.max(1, Math.abs(d.ref.value)),
  },
  sharedFormulaReference: {
    id: 'reference-shared-formula',
    why: "the reference reader (ExcelJS) gives a shared formula's other cells the master cell's address instead of their formula",
    accepts: (d) => d.kind === 'cell' && d.aspect === 'formula' && /^\$?[A-Z]{1,3}\$?\d+$/.test(d.ref?.formula ?? '') && d.got?.formula !== undefined,
  },
  centerAcross: {
    id: 'center-across-merge',
    why: 'LibreOffice turns "centre across selection" into merged cells when it saves',
    accepts: (d) => d.kind === 'merge' && d.side === 'got' && d.area.top === d.area.bottom && cellsIn(d.refGrid, d.area) <= 1,
  },
  odsSpaces: {
    id: 'ods-space-runs',
    why: "SheetJS applies ODF's white-space rule to .ods text (runs of spaces collapse, ends are trimmed); LibreOffice writes runs as they are inside styled spans",
    accepts: (d) =>
      d.kind === 'cell' && d.aspect === 'value' && d.ref?.type === 'text' && d.got?.type === 'text' && collapse(String(d.ref.value)) === collapse(String(d.got.value)),
  },
  odsEmptyMerges: {
    id: 'ods-empty-merge',
    why: 'SheetJS drops the spans of self-closing (empty) .ods cells: a merged area with nothing in it is lost, and with it the rows or columns only it covered',
    accepts: (d) => (d.kind === 'merge' && d.side === 'ref' && cellsIn(d.refGrid, d.area) === 0) || d.kind === 'extent',
  },
  odsColumnStyle: {
    id: 'ods-column-default-style',
    why: "SheetJS ignores a column's default cell style in .ods: a number in a cell without a style of its own reads as General",
    accepts: (d) => d.kind === 'cell' && d.aspect === 'format' && d.got?.format === undefined && d.got?.type === 'number',
  },
  xlsbWriterNoFormulas: {
    id: 'xlsb-writer-no-formulas',
    why: "SheetJS's .xlsb writer, which made the test file, writes values only",
    accepts: (d) => d.kind === 'cell' && d.aspect === 'formula' && d.ref?.formula !== undefined && d.got?.formula === undefined,
  },

} satisfies Record<string, Rule>;

const at = (r: number, c: number): string => `${r},${c}`;

function cellDiffs(sheet: string, a: Grid, b: Grid, out: Diff[]): void {
  const seen = new Set<string>();
  const visit = (g: Grid, other: Grid, refSide: boolean) => {
    g.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || seen.has(at(r, c))) return;
        seen.add(at(r, c));
        const x = refSide ? cell : other.rows[r]?.[c];
        const y = refSide ? other.rows[r]?.[c] : cell;
        const base = { kind: 'cell' as const, sheet, at: at(r, c), ref: x, got: y, refGrid: a };
        if (!x || !y) {
          out.push({ ...base, aspect: 'presence' });
          return;
        }
        if (x.type !== y.type || x.value !== y.value) out.push({ ...base, aspect: 'value' });
        if (x.format !== y.format) out.push({ ...base, aspect: 'format' });
        if (x.formula !== y.formula) out.push({ ...base, aspect: 'formula' });
      }),
    );
  };
  visit(a, b, true);
  visit(b, a, false);
}

const mergeKey = (m: MergedArea): string => `${m.top},${m.left},${m.bottom},${m.right}`;

/** Every difference between two readings of the same workbook (merges compared as sets). */
function diffBooks(ref: Grid[], got: Grid[]): Diff[] {
  expect(got.map((g) => g.name)).toEqual(ref.map((g) => g.name));
  const out: Diff[] = [];
  ref.forEach((a, i) => {
    const b = got[i];
    cellDiffs(a.name, a, b, out);
    const ma = new Set(a.merges.map(mergeKey));
    const mb = new Set(b.merges.map(mergeKey));
    for (const m of a.merges) if (!mb.has(mergeKey(m))) out.push({ kind: 'merge', sheet: a.name, side: 'ref', area: m, refGrid: a });
    for (const m of b.merges) if (!ma.has(mergeKey(m))) out.push({ kind: 'merge', sheet: a.name, side: 'got', area: m, refGrid: a });
    if (a.rowCount !== b.rowCount || a.colCount !== b.colCount) {
      out.push({ kind: 'extent', sheet: a.name, ref: `${a.rowCount}x${a.colCount}`, got: `${b.rowCount}x${b.colCount}` });
    }
  });
  return out;
}

function describeDiff(d: Diff): string {
  if (d.kind === 'extent') return `${d.sheet}: extent ${d.ref} read as ${d.got}`;
  if (d.kind === 'merge') return `${d.sheet}: merge ${mergeKey(d.area)} only in the ${d.side === 'ref' ? 'reference' : 'legacy reading'}`;
  return `${d.sheet}!${d.at} ${d.aspect}: ${JSON.stringify(d.ref)} | ${JSON.stringify(d.got)}`;
}

interface Comparison {
  /** differences no rule explains (must be empty) */
  unexplained: string[];
  /** rule id → how many differences it explains */
  explained: Record<string, number>;
}

/** Explains each difference by the first rule that accepts it. */
function explain(diffs: Diff[], rules: Rule[]): Comparison {
  const unexplained: string[] = [];
  const explained: Record<string, number> = {};
  // An extent difference is explained only when a lost empty merge explains it: the extent of
  // the reference without those merges must be what the legacy reading gives.
  for (const d of diffs) {
    const rule = rules.find((r) => r.accepts(d));
    if (rule && d.kind === 'extent' && !extentExplained(d, diffs)) {
      unexplained.push(describeDiff(d));
      continue;
    }
    if (rule) explained[rule.id] = (explained[rule.id] ?? 0) + 1;
    else unexplained.push(describeDiff(d));
  }
  return { unexplained: unexplained.slice(0, 50), explained };
}

function extentExplained(d: Extract<Diff, { kind: 'extent' }>, diffs: Diff[]): boolean {
  const lost = diffs.filter((x): x is Extract<Diff, { kind: 'merge' }> => x.kind === 'merge' && x.sheet === d.sheet && x.side === 'ref');
  const grid = lost[0]?.refGrid;
  if (!grid) return false;
  const lostKeys = new Set(lost.map((m) => mergeKey(m.area)));
  let rows = 0;
  let cols = 0;
  grid.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    }),
  );
  for (const m of grid.merges) {
    if (lostKeys.has(mergeKey(m))) continue;
    rows = Math.max(rows, m.bottom + 1);
    cols = Math.max(cols, m.right + 1);
  }
  return `${rows}x${cols}` === d.got;
}

async function compare(xlsx: string, legacy: string, format: LegacyFormat, rules: Rule[]): Promise<Comparison> {
  const [ref, book] = await Promise.all([reference(xlsx), readLegacy(legacy, format)]);
  return explain(diffBooks(ref, book.grids()), rules);
}

// ---------------------------------------------------------------------------
// Files made here
// ---------------------------------------------------------------------------

/** SheetJS reading an .xlsx as its writer needs it (formulas and number formats kept). */
function sheetjsRead(file: string): XLSX.WorkBook {
  return XLSX.read(readFileSync(file), { type: 'buffer', cellFormula: true, cellNF: true, cellText: false, dense: true });
}

function writeXlsb(xlsx: string, out: string): string {
  writeFileSync(out, XLSX.write(sheetjsRead(xlsx), { bookType: 'xlsb', type: 'buffer' }) as Buffer);
  return out;
}

/** Changes records of an .xls's workbook stream in place (BIFF: type u16, size u16, data). */
function patchXls(bytes: Uint8Array, patch: (type: number, data: Uint8Array, index: number) => void): Buffer {
  const cfb = XLSX.CFB.read(bytes, { type: 'buffer' });
  // BIFF8 calls the stream Workbook, BIFF5 Book
  const entry = XLSX.CFB.find(cfb, '/Workbook') ?? XLSX.CFB.find(cfb, '/Book');
  if (!entry) throw new Error('no Workbook stream');
  const d: Uint8Array = entry.content;
  const seen = new Map<number, number>();
  for (let pos = 0; pos + 4 <= d.length; ) {
    const type = d[pos] | (d[pos + 1] << 8);
    const size = d[pos + 2] | (d[pos + 3] << 8);
    const index = seen.get(type) ?? 0;
    seen.set(type, index + 1);
    patch(type, d.subarray(pos + 4, pos + 4 + size), index);
    pos += 4 + size;
  }
  return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
}

const BIFF_CODEPAGE = 0x0042;
const BIFF_LABEL = 0x0204;
const BIFF_BOUNDSHEET = 0x0085;
const BIFF_LBL = 0x0018;
const BIFF_BOF = 0x0809;

/**
 * An .xlsx written out by hand, so that every feature is what it says: sheet states, global,
 * sheet-scoped and hidden names, the 1904 date system, formulas with cached values, errors,
 * booleans, built-in date formats (14 and the Chinese 27), a merged area with a covered value
 * and an empty merged area.
 */
function featuresXlsx(date1904: boolean): Uint8Array {
  const serial = date1904 ? 45717 - 1462 : 45717; // 2025-03-01
  const sheet1 = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>标签</t></is></c><c r="B1" s="1"><v>1.5</v></c><c r="C1" s="1"><f>B1*2</f><v>3</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="G1" s="2"><v>${serial}</v></c><c r="H1" s="3"><v>${serial}</v></c><c r="I1" t="str"><f>A1&amp;"x"</f><v>标签x</v></c><c r="J1" t="b"><v>0</v></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>合并</t></is></c><c r="B2" t="inlineStr"><is><t>covered</t></is></c><c r="D2"><v>-2.25</v></c></row>
<row r="3"><c r="A3" t="e"><v>#VALUE!</v></c><c r="B3" t="e"><v>#REF!</v></c><c r="C3" t="e"><v>#NAME?</v></c><c r="D3" t="e"><v>#NUM!</v></c><c r="E3" t="e"><v>#NULL!</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A2:B2"/><mergeCell ref="A5:C6"/></mergeCells></worksheet>`;
  const one = (text: string) =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`;
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><workbookPr${date1904 ? ' date1904="1"' : ''}/>
<sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/><sheet name="VeryHidden" sheetId="3" state="veryHidden" r:id="rId3"/><sheet name="Last" sheetId="4" r:id="rId4"/></sheets>
<definedNames><definedName name="Local" localSheetId="0">Data!$A$1:$B$1</definedName><definedName name="Secret" hidden="1">Data!$D$1</definedName><definedName name="Total">Data!$C$1</definedName></definedNames></workbook>`;
  const rel = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${R}/${type}" Target="${target}"/>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[1, 2, 3, 4]
    .map((i) => rel(i, 'worksheet', `worksheets/sheet${i}.xml`))
    .join('')}${rel(5, 'styles', 'styles.xml')}</Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="27" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${[1, 2, 3, 4]
    .map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  const root = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel(1, 'officeDocument', 'xl/workbook.xml')}</Relationships>`;
  return zipSync({
    '[Content_Types].xml': strToU8(types),
    '_rels/.rels': strToU8(root),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/styles.xml': strToU8(styles),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(one('h')),
    'xl/worksheets/sheet3.xml': strToU8(one('vh')),
    'xl/worksheets/sheet4.xml': strToU8(one('last')),
  });
}

/** An .ods package whose content has no table (SheetJS needs styles.xml to be there). */
function odsWithoutTables(): Uint8Array {
  const type = 'application/vnd.oasis.opendocument.spreadsheet';
  const manifest = `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${type}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`;
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body><office:spreadsheet/></office:body></office:document-content>`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"/>`;
  return zipSync({ mimetype: [strToU8(type), { level: 0 }], 'META-INF/manifest.xml': strToU8(manifest), 'content.xml': strToU8(content), 'styles.xml': strToU8(styles) });
}

/**
 * An .xls written by SheetJS, as Chinese-locale Excel or WPS write them: cells that use the
 * built-in formats 14, 27, 31 and 32 by id (no FORMAT record: SheetJS writes none for ids
 * 27–36), one in a FORMAT record (58), constant booleans and errors, an empty string, a
 * covered cell with a value, every sheet state, and optionally the 1904 date system.
 */
function sheetjsXls(date1904: boolean): Buffer {
  const serial = date1904 ? 45717 - 1462 : 45717;
  const data: XLSX.WorkSheet = {
    '!ref': 'A1:K5',
    A1: { t: 's', v: '标签' },
    B1: { t: 'n', v: 1.5, z: '0.0' },
    C1: { t: 'b', v: true },
    D1: { t: 'b', v: false },
    E1: { t: 'e', v: 0x07 },
    F1: { t: 'e', v: 0x2a },
    G1: { t: 'e', v: 0x0f },
    H1: { t: 'e', v: 0x17 },
    I1: { t: 'e', v: 0x1d },
    J1: { t: 'e', v: 0x24 },
    K1: { t: 'e', v: 0x00 },
    A2: { t: 'n', v: serial, z: BUILTIN_FORMATS[14] },
    B2: { t: 'n', v: serial, z: BUILTIN_FORMATS[27] },
    C2: { t: 'n', v: serial, z: BUILTIN_FORMATS[31] },
    D2: { t: 'n', v: 0.5, z: BUILTIN_FORMATS[32] },
    E2: { t: 'n', v: serial, z: BUILTIN_FORMATS[58] },
    F2: { t: 'n', v: 1234.5, z: '#,##0.0' },
    A3: { t: 's', v: '' },
    A4: { t: 's', v: '合并' },
    B4: { t: 's', v: 'covered' },
    '!merges': [{ s: { r: 3, c: 0 }, e: { r: 4, c: 2 } }],
  };
  const one = (v: string): XLSX.WorkSheet => ({ '!ref': 'A1', A1: { t: 's', v } });
  const wb: XLSX.WorkBook = {
    SheetNames: ['Data', 'Hidden', 'VeryHidden', 'Last'],
    Sheets: { Data: data, Hidden: one('h'), VeryHidden: one('vh'), Last: one('last') },
    Workbook: { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 2 }, { Hidden: 0 }], WBProps: { date1904 } },
  };
  // Each code once (the writer maps a code to the last id that has it): the ids to write.
  (wb as { SSF?: Record<number, string> }).SSF = {
    0: 'General',
    14: BUILTIN_FORMATS[14],
    27: BUILTIN_FORMATS[27],
    31: BUILTIN_FORMATS[31],
    32: BUILTIN_FORMATS[32],
    58: BUILTIN_FORMATS[58],
    164: '0.0',
    165: '#,##0.0',
  };
  return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

/**
 * An Excel 5.0/95 (BIFF5) workbook whose text is in the GBK code page (936), as Chinese
 * Excel 95 wrote it: BIFF5 strings are 8-bit, so reading them needs SheetJS's codepage
 * tables. SheetJS writes BIFF5 in code page 1252 only: its placeholders are replaced by the
 * GBK bytes of 表 (sheet name) and 地区值 (A1), and the CODEPAGE record set to 936.
 */
function biff5Gbk(): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['______', 1.5]]), '__');
  const GBK_TABLE = [0xb1, 0xed]; // 表
  const GBK_TEXT = [0xb5, 0xd8, 0xc7, 0xf8, 0xd6, 0xb5]; // 地区值
  return patchXls(XLSX.write(wb, { bookType: 'biff5', type: 'buffer' }) as Buffer, (type, data) => {
    if (type === BIFF_CODEPAGE) data.set([0xa8, 0x03]);
    const gbk = type === BIFF_BOUNDSHEET ? GBK_TABLE : type === BIFF_LABEL ? GBK_TEXT : null;
    const i = data.indexOf(0x5f);
    if (gbk && i >= 0) data.set(gbk, i);
  });
}

function cellsOf(g: Grid): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  g.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell) out[`${String.fromCharCode(65 + c)}${r + 1}`] = cell;
    }),
  );
  return out;
}

async function readError(p: Promise<unknown>): Promise<WorkbookReadError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`not a WorkbookReadError: ${String(e)}`);
  }
  throw new Error('no error');
}

// ---------------------------------------------------------------------------
// Tests that need no LibreOffice
// ---------------------------------------------------------------------------

describe('.xls written by SheetJS (as Chinese-locale Excel writes built-in formats)', () => {
  let book: ReadBook;
  let grid: Grid;
  let cells: Record<string, Cell>;

  beforeAll(async () => {
    const file = path.join(work, 'sheetjs.xls');
    writeFileSync(file, sheetjsXls(false));
    // SheetJS keeps its format table from one call to the next: write an .xlsb first (which
    // resets it) to show that the .xls is read with the built-in formats all the same.
    XLSX.write(sheetjsRead(SAMPLE), { bookType: 'xlsb', type: 'buffer' });
    book = await readLegacy(file, 'xls');
    [grid] = book.grids(['Data']);
    cells = cellsOf(grid);
  });

  test('built-in formats used by id read as the .xlsx reader reads them: 14, the Chinese dates 27 and 31, the time 32', () => {
    expect(cells.A2).toEqual({ value: 45717, type: 'number', format: 'mm-dd-yy' });
    expect(cells.B2).toEqual({ value: 45717, type: 'number', format: 'yyyy"年"m"月"' });
    expect(cells.C2).toEqual({ value: 45717, type: 'number', format: 'yyyy"年"m"月"d"日"' });
    expect(cells.D2).toEqual({ value: 0.5, type: 'number', format: 'h"时"mm"分"' });
    expect(cells.E2).toEqual({ value: 45717, type: 'number', format: 'm"月"d"日"' });
    expect(cells.F2).toEqual({ value: 1234.5, type: 'number', format: '#,##0.0' });
    expect(cells.B1).toEqual({ value: 1.5, type: 'number', format: '0.0' });
  });

  test('booleans, every error code, text, an empty string', () => {
    expect(cells.A1).toEqual({ value: '标签', type: 'text' });
    expect(cells.C1).toEqual({ value: true, type: 'boolean' });
    expect(cells.D1).toEqual({ value: false, type: 'boolean' });
    expect(['E1', 'F1', 'G1', 'H1', 'I1', 'J1', 'K1'].map((a) => cells[a])).toEqual(
      ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'].map((value) => ({ value, type: 'error' })),
    );
    expect(cells.A3).toEqual({ value: null, type: 'empty' });
  });

  test('a merged area keeps its top-left value; a covered cell with a value reads absent', () => {
    expect(grid.merges).toEqual([{ top: 3, left: 0, bottom: 4, right: 2 }]);
    expect(cells.A4).toEqual({ value: '合并', type: 'text' });
    expect(cells.B4).toBeUndefined();
    expect(grid.rowCount).toBe(5);
    expect(grid.colCount).toBe(11);
  });

  test('sheet states: visible, hidden, very hidden; all worksheets; listSheets', async () => {
    expect(book.format).toBe('xls');
    expect(book.date1904).toBe(false);
    expect(book.sheets).toEqual([
      expect.objectContaining({ name: 'Data', state: 'visible', kind: 'worksheet' }),
      expect.objectContaining({ name: 'Hidden', state: 'hidden', kind: 'worksheet' }),
      expect.objectContaining({ name: 'VeryHidden', state: 'veryHidden', kind: 'worksheet' }),
      expect.objectContaining({ name: 'Last', state: 'visible', kind: 'worksheet' }),
    ]);
    expect(await book.listSheets()).toEqual([
      { name: 'Data', usedRange: 'A1:K5', hidden: false, state: 'visible' },
      { name: 'Hidden', usedRange: 'A1', hidden: true, state: 'hidden' },
      { name: 'VeryHidden', usedRange: 'A1', hidden: true, state: 'veryHidden' },
      { name: 'Last', usedRange: 'A1', hidden: false, state: 'visible' },
    ]);
    expect((await book.readGrids()).map((g) => g.name)).toEqual(['Data', 'Hidden', 'VeryHidden', 'Last']);
  });

  test('grids(names): exact or trimmed names, workbook order, each sheet converted once', () => {
    expect(book.grids(['Last', 'Data']).map((g) => g.name)).toEqual(['Data', 'Last']);
    expect(book.grids(['nope'])).toEqual([]);
    expect(book.grids(['Data'])[0]).toBe(grid);
  });

  test('1904 workbook: dates become 1900-system serials, other numbers stay', async () => {
    const file = path.join(work, 'sheetjs1904.xls');
    writeFileSync(file, sheetjsXls(true));
    const b = await readLegacy(file, 'xls');
    expect(b.date1904).toBe(true);
    const c = cellsOf(b.grids(['Data'])[0]);
    expect([c.A2, c.B2, c.C2, c.E2].map((x) => x.value)).toEqual([45717, 45717, 45717, 45717]);
    expect(c.D2.value).toBe(0.5 + 1462); // a time of day is a date format too: moved like the dates
    expect(c.B1.value).toBe(1.5);
    expect(c.F2.value).toBe(1234.5);
  });
});

test('Excel 5.0/95 (BIFF5) in code page 936: the text decodes (SheetJS\'s codepage tables are loaded)', async () => {
  const book = await readLegacyBook(biff5Gbk(), 'excel95.xls', 'xls');
  expect(book.sheets.map((s) => s.name)).toEqual(['表']);
  expect(cellsOf(book.grids()[0])).toEqual({ A1: { value: '地区值', type: 'text' }, B1: { value: 1.5, type: 'number' } });
});

describe('.xlsb written by SheetJS from the sample', () => {
  test('grids equal the .xlsx reading: only the documented differences', async () => {
    const xlsb = writeXlsb(SAMPLE, path.join(work, 'sample.xlsb'));
    // the sample has no formula, and SheetJS's writer keeps its format codes as they are
    expect(await compare(SAMPLE, xlsb, 'xlsb', [])).toEqual({ unexplained: [], explained: {} });
  });

  test('the features workbook: equal to the .xlsx reading but for what SheetJS\'s writer left out', async () => {
    const src = path.join(work, 'features.xlsx');
    writeFileSync(src, featuresXlsx(false));
    const xlsb = writeXlsb(src, path.join(work, 'features.xlsb'));
    // (H1's bare id 27: neither ExcelJS nor SheetJS reading the .xlsx has a code for it, so
    // the reference reads it General and SheetJS writes it General)
    const result = await compare(src, xlsb, 'xlsb', [RULES.xlsbWriterNoFormulas]);
    expect(result).toEqual({ unexplained: [], explained: { 'xlsb-writer-no-formulas': 3 } });
  });

  test('sheet states, 1904 dates, errors, booleans and names', async () => {
    const src = path.join(work, 'features1904.xlsx');
    writeFileSync(src, featuresXlsx(true));
    const book = await readLegacy(writeXlsb(src, path.join(work, 'features1904.xlsb')), 'xlsb');
    expect(book.date1904).toBe(true);
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['Data', 'visible', 'worksheet'],
      ['Hidden', 'hidden', 'worksheet'],
      ['VeryHidden', 'veryHidden', 'worksheet'],
      ['Last', 'visible', 'worksheet'],
    ]);
    // SheetJS's .xlsb writer keeps names but not their hidden flag
    expect(book.definedNames).toEqual([
      { name: 'Local', formula: 'Data!$A$1:$B$1', scope: 0, hidden: false },
      { name: 'Secret', formula: 'Data!$D$1', scope: null, hidden: false },
      { name: 'Total', formula: 'Data!$C$1', scope: null, hidden: false },
    ]);
    const c = cellsOf(book.grids(['Data'])[0]);
    expect(c.G1).toEqual({ value: 45717, type: 'number', format: 'mm-dd-yy' });
    expect(c.D1).toEqual({ value: true, type: 'boolean' });
    expect(c.J1).toEqual({ value: false, type: 'boolean' });
    expect([c.E1, c.F1, c.A3, c.B3, c.C3, c.D3, c.E3].map((x) => x.value)).toEqual(['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
    expect(c.B2).toBeUndefined();
  });
});

describe('errors', () => {
  test('bytes that are not the format: corrupt (SheetJS would read them as a CSV sheet)', async () => {
    const text = Buffer.from('地区,2024,2025\n全市,1,2\n');
    for (const format of ['xls', 'ods', 'xlsb'] as const) {
      const e = await readError(readLegacyBook(text, `t.${format}`, format));
      expect(e.code).toBe('corrupt');
    }
    expect((await readError(readLegacyBook(new Uint8Array(0), 'empty.xls', 'xls'))).code).toBe('corrupt');
  });

  test('garbage after an OLE2 header, truncated files: corrupt, never another kind of error', async () => {
    const xls = sheetjsXls(false);
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)]);
    expect((await readError(readLegacyBook(ole, 'garbage.xls', 'xls'))).code).toBe('corrupt');
    expect((await readError(readLegacyBook(xls.subarray(0, xls.length >> 1), 'half.xls', 'xls'))).code).toBe('corrupt');
    // Every cut and many damaged bytes: a book, or a WorkbookReadError (never a TypeError & co.)
    const codes = new Set<string>();
    const tries: Uint8Array[] = [];
    for (let cut = 512; cut < xls.length; cut += 512) tries.push(xls.subarray(0, cut));
    for (let k = 0; k < 200; k++) {
      const damaged = Uint8Array.from(xls);
      const at = 512 + ((k * 7919) % (xls.length - 512));
      damaged[at] ^= 0x5a + k;
      tries.push(damaged);
    }
    for (const bytes of tries) {
      try {
        const book = await readLegacyBook(bytes, 'damaged.xls', 'xls');
        book.grids();
      } catch (e) {
        expect(e).toBeInstanceOf(WorkbookReadError);
        codes.add((e as WorkbookReadError).code);
      }
    }
    expect([...codes].every((c) => c === 'corrupt' || c === 'no-sheets')).toBe(true);
    const xlsb = XLSX.write(sheetjsRead(SAMPLE), { bookType: 'xlsb', type: 'buffer' }) as Buffer;
    expect((await readError(readLegacyBook(xlsb.subarray(0, 2000), 'cut.xlsb', 'xlsb'))).code).toBe('corrupt');
  });

  test('an .ods whose content has no table: no-sheets', async () => {
    const e = await readError(readLegacyBook(odsWithoutTables(), 'empty.ods', 'ods'));
    expect(e.code).toBe('no-sheets');
  });

  test('a package of another kind than the one named: corrupt', async () => {
    const xlsb = XLSX.write(sheetjsRead(SAMPLE), { bookType: 'xlsb', type: 'buffer' }) as Buffer;
    expect((await readError(readLegacyBook(xlsb, 'book.ods', 'ods'))).code).toBe('corrupt');
    expect((await readError(readLegacyBook(readFileSync(SAMPLE), 'sample.xlsb', 'xlsb'))).code).toBe('corrupt');
  });
});

describe('in a browser bundle', () => {
  jest.setTimeout(240_000);

  test('webpack puts SheetJS in a chunk of its own ("sheetjs"); the module runs without Node (no require, process, Buffer)', async () => {
    const build = (asyncChunks: boolean, out: string) =>
      new Promise<webpack.Stats>((resolve, reject) => {
        webpack(
          {
            mode: 'development',
            target: 'web',
            context: ROOT,
            entry: path.join(ROOT, 'src/workbook/read/legacy.ts'),
            output: { path: out, filename: 'legacy.js', asyncChunks, library: { name: 'Legacy', type: 'umd' } },
            resolve: { extensions: ['.ts', '.js'], fallback: {} },
            module: {
              rules: [
                {
                  test: /\.ts$/,
                  loader: 'ts-loader',
                  exclude: /node_modules/,
                  options: { transpileOnly: true, compilerOptions: { module: 'es2020', target: 'es2020' } },
                },
              ],
            },
            devtool: false,
            performance: { hints: false },
          },
          (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s)),
        );
      });
    const split = await build(true, path.join(work, 'bundle-split'));
    expect(split.hasErrors()).toBe(false);
    const chunks = split.toJson({ chunks: true }).chunks ?? [];
    const sheetjs = chunks.find((c) => (c.names ?? []).includes('sheetjs'));
    expect(sheetjs).toBeDefined();
    const main = chunks.find((c) => c.initial);
    expect(main?.size ?? Infinity).toBeLessThan(200_000);
    expect(sheetjs?.size ?? 0).toBeGreaterThan(1_000_000);

    const whole = await build(false, path.join(work, 'bundle-whole'));
    expect(whole.hasErrors()).toBe(false);
    const code = readFileSync(path.join(work, 'bundle-whole', 'legacy.js'), 'utf8');
    // A fresh realm with what a browser page has (and not require, process, Buffer, global).
    const realm: Record<string, unknown> = { console, setTimeout, clearTimeout, queueMicrotask, TextDecoder, TextEncoder };
    realm.self = realm;
    realm.window = realm;
    vm.createContext(realm);
    vm.runInContext(code, realm, { filename: 'legacy.js' });
    expect(vm.runInContext('typeof Buffer + typeof process + typeof require', realm)).toBe('undefinedundefinedundefined');
    const lib = realm.Legacy as { readLegacyBook: typeof readLegacyBook };
    // the bytes as the page has them: a Uint8Array of the page's own realm
    const raw = sheetjsXls(false);
    const bytes = vm.runInContext(`new Uint8Array(${raw.length})`, realm) as Uint8Array;
    bytes.set(raw);
    const book = await lib.readLegacyBook(bytes, 'sheetjs.xls', 'xls');
    const c = cellsOf(book.grids(['Data'])[0]);
    expect(c.B2).toEqual({ value: 45717, type: 'number', format: 'yyyy"年"m"月"' });
    expect(c.A1.value).toBe('标签');
    // the codepage tables came with SheetJS (the ESM build does not load them by itself)
    const raw95 = biff5Gbk();
    const bytes95 = vm.runInContext(`new Uint8Array(${raw95.length})`, realm) as Uint8Array;
    bytes95.set(raw95);
    const book95 = await lib.readLegacyBook(bytes95, 'excel95.xls', 'xls');
    expect(cellsOf(book95.grids()[0]).A1.value).toBe('地区值');
  });
});

// ---------------------------------------------------------------------------
// Tests on files LibreOffice converts
// ---------------------------------------------------------------------------

describeLo('the sample converted by LibreOffice', () => {
  jest.setTimeout(120_000);
  let xls: string;
  let et: string;
  let ods: string;

  beforeAll(async () => {
    const dir = path.join(work, 'sample');
    xls = await convert(SAMPLE, 'xls', dir);
    ods = await convert(SAMPLE, 'ods', dir);
    et = path.join(dir, 'county-indicators-2025-03.et');
    copyFileSync(xls, et);
  }, 120_000);

  test('.xls: grids equal the .xlsx reading cell for cell (value, type, format, formula), merges and extents', async () => {
    await readLegacy(xls, 'xls'); // SheetJS loaded, so that the time below is the reading alone
    const t0 = performance.now();
    const book = await readLegacy(xls, 'xls');
    const grids = book.grids();
    console.log(`sample .xls (${readFileSync(xls).length} bytes): read and converted in ${(performance.now() - t0).toFixed(1)} ms`);
    const result = explain(diffBooks(await reference(SAMPLE), grids), []);
    expect(result).toEqual({ unexplained: [], explained: {} });
  });

  test('.et (the same bytes under WPS\'s name): the same grids', async () => {
    const [a, b] = await Promise.all([readLegacy(xls, 'xls'), readLegacy(et, 'xls')]);
    expect(b.file).toBe('county-indicators-2025-03.et');
    expect(b.grids()).toEqual(a.grids());
    expect(explain(diffBooks(await reference(SAMPLE), b.grids()), [])).toEqual({ unexplained: [], explained: {} });
  });

  test('.ods: equal but for the documented differences', async () => {
    const result = await compare(SAMPLE, ods, 'ods', [RULES.formatSpelling, RULES.odsSpaces, RULES.odsEmptyMerges]);
    expect(result.unexplained).toEqual([]);
    // '0.0_ ' is stored as '0.0" "'; "项  目" reads "项 目"; the empty footnote merges are lost
    expect(Object.keys(result.explained).sort()).toEqual(['format-spelling', 'ods-empty-merge', 'ods-space-runs']);
    console.log(`sample .ods against .xlsx: ${JSON.stringify(result.explained)}`);
  });

  test('listSheets: every worksheet, visible, with the range of its cells and merges', async () => {
    const got = await (await readLegacy(xls, 'xls')).listSheets();
    expect(got.map((s) => s.name)).toEqual((await reference(SAMPLE)).map((g) => g.name));
    expect(got.every((s) => !s.hidden && s.state === 'visible')).toBe(true);
    expect(got[1]).toEqual({ name: '一般公共预算收入', usedRange: 'A1:C31', hidden: false, state: 'visible' });
  });
});

describeLo('workbook features through LibreOffice', () => {
  jest.setTimeout(120_000);
  let xls: string;
  let xls1904: string;
  let ods1904: string;

  beforeAll(async () => {
    const dir = path.join(work, 'features');
    const src = path.join(work, 'features.xlsx');
    const src1904 = path.join(work, 'features1904.xlsx');
    writeFileSync(src, featuresXlsx(false));
    writeFileSync(src1904, featuresXlsx(true));
    xls = await convert(src, 'xls', dir);
    xls1904 = await convert(src1904, 'xls', dir);
    ods1904 = await convert(src1904, 'ods', dir);
  }, 120_000);

  test('.xls: formulas with their cached values, errors, booleans, merges', async () => {
    const c = cellsOf((await readLegacy(xls, 'xls')).grids(['Data'])[0]);
    expect(c.C1).toEqual({ value: 3, type: 'number', format: '0.0', formula: 'B1*2' });
    expect(c.E1).toEqual({ value: '#DIV/0!', type: 'error', formula: '1/0' });
    expect(c.I1).toEqual({ value: '标签x', type: 'text', formula: 'A1&"x"' });
    // LibreOffice has no boolean or error constants: it saves TRUE, FALSE and #N/A as formulas
    expect([c.D1.value, c.D1.type, c.J1.value, c.J1.type]).toEqual([true, 'boolean', false, 'boolean']);
    expect([c.F1, c.A3, c.B3, c.C3, c.D3, c.E3].map((x) => [x.value, x.type])).toEqual(
      ['#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!'].map((v) => [v, 'error']),
    );
    expect(c.B2).toBeUndefined(); // covered by A2:B2
    expect(c.D2).toEqual({ value: -2.25, type: 'number' });
  });

  test('.xls: names global and sheet-scoped; the hidden flag from the NAME record; very hidden and chart sheets', async () => {
    const plain = await readLegacy(xls, 'xls');
    // LibreOffice keeps neither very hidden sheets (it saves them hidden) nor hidden names
    expect(plain.sheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'hidden', 'visible']);
    expect(plain.definedNames).toEqual(
      expect.arrayContaining([
        { name: 'Local', formula: 'Data!$A$1:$B$1', scope: 0, hidden: false },
        { name: 'Secret', formula: 'Data!$D$1', scope: null, hidden: false },
        { name: 'Total', formula: 'Data!$C$1', scope: null, hidden: false },
      ]),
    );
    expect(plain.definedNames).toHaveLength(3);

    // The same file with the bits set as Excel sets them: BoundSheet8.hsState = 2 (very
    // hidden), Lbl.fHidden on "Secret", and the last sheet's BOF saying "chart sheet".
    const names = plain.definedNames.map((n) => n.name);
    const patched = path.join(work, 'features-patched.xls');
    writeFileSync(
      patched,
      patchXls(readFileSync(xls), (type, data, index) => {
        if (type === BIFF_BOUNDSHEET && index === 2) data[4] = (data[4] & ~3) | 2;
        if (type === BIFF_LBL && names[index] === 'Secret') data[0] |= 1;
        if (type === BIFF_BOF && index === 4) {
          data[2] = 0x20; // dt: chart sheet
          data[3] = 0;
        }
      }),
    );
    const book = await readLegacy(patched, 'xls');
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['Data', 'visible', 'worksheet'],
      ['Hidden', 'hidden', 'worksheet'],
      ['VeryHidden', 'veryHidden', 'worksheet'],
      ['Last', 'visible', 'chartsheet'],
    ]);
    expect(book.definedNames.find((n) => n.name === 'Secret')?.hidden).toBe(true);
    expect(book.definedNames.filter((n) => n.hidden)).toHaveLength(1);
    // a chart sheet is listed in `sheets` but gives no grid and is not in listSheets
    expect(book.grids().map((g) => g.name)).toEqual(['Data', 'Hidden', 'VeryHidden']);
    expect((await book.listSheets()).map((s) => [s.name, s.state])).toEqual([
      ['Data', 'visible'],
      ['Hidden', 'hidden'],
      ['VeryHidden', 'veryHidden'],
    ]);
  });

  test('.xls, 1904 system: the date serials read as in the 1900 workbook', async () => {
    const [a, b] = await Promise.all([readLegacy(xls, 'xls'), readLegacy(xls1904, 'xls')]);
    expect(b.date1904).toBe(true);
    expect(a.date1904).toBe(false);
    expect(b.grids()).toEqual(a.grids());
    expect(cellsOf(b.grids(['Data'])[0]).G1.value).toBe(45717);
  });

  test('.ods, 1904 system: states (hidden: .ods has no very hidden), names, dates, errors, formulas', async () => {
    const book = await readLegacy(ods1904, 'ods');
    expect(book.date1904).toBe(true);
    expect(book.sheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'hidden', 'visible']);
    expect(book.definedNames.map((n) => [n.name, n.scope])).toEqual([
      ['Local', 0],
      ['Secret', null],
      ['Total', null],
    ]);
    const c = cellsOf(book.grids(['Data'])[0]);
    expect(c.G1.value).toBe(45717);
    expect(formatInfo(c.G1.format).date).toBe(true);
    expect(c.C1).toEqual({ value: 3, type: 'number', format: '0.0', formula: 'B1*2' });
    expect([c.E1.value, c.E1.type, c.E1.formula]).toEqual(['#DIV/0!', 'error', '1/0']);
    expect(c.A2).toEqual({ value: '合并', type: 'text' });
    expect(c.B2).toBeUndefined();
  });
});

describeLo('password-protected files', () => {
  jest.setTimeout(120_000);
  let xls: string;
  let ods: string;

  beforeAll(async () => {
    const dir = path.join(work, 'encrypted');
    xls = await convert(SAMPLE, 'xls', dir, { password: 'secret' });
    ods = await convert(SAMPLE, 'ods', dir, { password: 'secret' });
  }, 120_000);

  test('an encrypted .xls (and .et): encrypted', async () => {
    const e = await readError(readLegacy(xls, 'xls'));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/password/i);
    expect((await readError(readLegacyBook(readFileSync(xls), 'book.et', 'xls'))).code).toBe('encrypted');
  });

  test('an encrypted .ods: encrypted', async () => {
    expect((await readError(readLegacy(ods, 'ods'))).code).toBe('encrypted');
  });

  test('a truncated LibreOffice .xls: corrupt', async () => {
    const plain = await convert(SAMPLE, 'xls', path.join(work, 'encrypted', 'plain'));
    const bytes = readFileSync(plain);
    expect((await readError(readLegacyBook(bytes.subarray(0, 12_000), 'cut.xls', 'xls'))).code).toBe('corrupt');
  });
});

/**
 * The published workbooks as .xls (and .ods for two of them), each against its .xlsx. What
 * differs, and why, is in the rules each one accepts.
 */
const REAL: { name: string; xls: Rule[]; ods?: Rule[] }[] = [
  { name: 'shaoyang-monthly-2025-03.xlsx', xls: [RULES.formatSpelling, RULES.emptyStringCell], ods: [RULES.formatSpelling, RULES.textCellFormat, RULES.odsSpaces, RULES.odsEmptyMerges, RULES.odsColumnStyle, RULES.emptyStringCell] },
  { name: 'zhejiang-yearbook-2012-cities.xlsx', xls: [], ods: [RULES.formatSpelling, RULES.textCellFormat, RULES.odsSpaces, RULES.odsEmptyMerges] },
  { name: 'zhejiang-yearbook-2022-cities.xlsx', xls: [RULES.emptyStringCell] },
  { name: 'jiangsu-yearbook-2023-cities-gdp.xlsx', xls: [] },
  { name: 'shandong-yearbook-2022-cities-gdp.xlsx', xls: [RULES.formatSpelling] },
  { name: 'sichuan-yearbook-cities-gdp.xlsx', xls: [] },
  { name: 'kazakhstan-grp-regions.xlsx', xls: [RULES.sharedFormulaReference, RULES.recalculated] },
  { name: 'philippines-grdp-regions-2000-2023.xlsx', xls: [RULES.formatSpelling, RULES.centerAcross] },
];

for (const real of REAL) {
  describeReal(real.name, (file) => {
    describeLo('converted by LibreOffice', () => {
      jest.setTimeout(120_000);
      let xls: string;
      let ods: string | null = null;

      beforeAll(async () => {
        const dir = path.join(work, 'real');
        xls = await convert(file, 'xls', dir);
        if (real.ods) ods = await convert(file, 'ods', dir);
      }, 240_000);

      test('.xls: equal to the .xlsx reading but for the documented differences', async () => {
        if (real.name.startsWith('shaoyang')) {
          await readLegacy(xls, 'xls');
          const t0 = performance.now();
          (await readLegacy(xls, 'xls')).grids();
          console.log(`${real.name} as .xls (${readFileSync(xls).length} bytes): read and converted in ${(performance.now() - t0).toFixed(1)} ms`);
        }
        const result = await compare(file, xls, 'xls', real.xls);
        expect(result.unexplained).toEqual([]);
        console.log(`${real.name} .xls against .xlsx: ${JSON.stringify(result.explained)}`);
      });

      if (real.ods) {
        const rules = real.ods;
        test('.ods: equal to the .xlsx reading but for the documented differences', async () => {
          const result = await compare(file, ods as string, 'ods', rules);
          expect(result.unexplained).toEqual([]);
          console.log(`${real.name} .ods against .xlsx: ${JSON.stringify(result.explained)}`);
        });
      }
    });
  });
}
