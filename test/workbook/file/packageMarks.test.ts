/**
 * Marks on the standalone page are written into the package (issue 16, point 5): a marked cell
 * changes only its style index, its note goes into the sheet's comments part (created with its
 * VML drawing when there is none); every other part is copied byte for byte. Unmarking gives
 * back the content of every part byte for byte (parts edited twice are compressed again) except xl/styles.xml, which keeps the fills and cell formats
 * marking appended (unused once the marks are off).
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AddinSession, MemoryStore } from '../../../src/addin';
import { MARKS_SHEET } from '../../../src/core/marks';
import { FileWorkbook } from '../../../src/workbook/file';
import { ZipArchive, utf8Text } from '../../../src/workbook/ooxml/zip';
import { readXlsxBuffer } from '../../support/exceljs';
import { SAMPLE } from '../excel/support';
import { realFixture } from '../../support/realFixtures';
import { schemaAvailable, validateParts } from '../../support/schema';
import { convert, describeWithSoffice, disposeSoffice } from '../../support/soffice';

const RANK_SHEET = '固定资产投资';
const WORKBOOK_LEVEL = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

async function marked(bytes: Uint8Array, name = 'in.xlsx'): Promise<{ file: FileWorkbook; session: AddinSession; out: Uint8Array; cells: number }> {
  const file = await FileWorkbook.open(bytes, name);
  const session = new AddinSession(file, new MemoryStore(), 'zh-CN');
  await session.check();
  const result = await session.mark();
  return { file, session, out: await file.toBytes(), cells: result.cells };
}

/** Parts whose stored (compressed) bytes differ, or that are missing from `b`. */
function changedParts(a: ZipArchive, b: ZipArchive): string[] {
  return a.entries
    .filter((e) => {
      const o = b.entry(e.name);
      return !o || !Buffer.from(b.raw(o)).equals(Buffer.from(a.raw(e)));
    })
    .map((e) => e.name);
}

/** Parts whose content (uncompressed) differs, or that are missing from `b`. */
function changedContent(a: ZipArchive, b: ZipArchive): string[] {
  return a.entries
    .filter((e) => {
      const o = b.entry(e.name);
      return !o || !Buffer.from(b.read(o)).equals(Buffer.from(a.read(e)));
    })
    .map((e) => e.name);
}

/** The style index of every cell of a sheet part, by reference. */
function styleIndices(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\s([^>]*?)\/?>/g)) {
    const r = /\br="([A-Z]+\d+)"/.exec(m[1])?.[1];
    if (r) out.set(r, /\ss="(\d+)"/.exec(` ${m[1]}`)?.[1] ?? '0');
  }
  return out;
}

/** The sheet part without its cells' style indices and without a legacyDrawing element. */
const withoutStyles = (xml: string): string => xml.replace(/(<c\s[^>]*?)\ss="\d+"/g, '$1').replace(/<legacyDrawing [^>]*\/>/, '');

function sheetParts(a: ZipArchive): string[] {
  return a.entries.map((e) => e.name).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
}

const schemaHere = schemaAvailable();
const withSchema = schemaHere ? test : test.skip;

describe('the real 邵阳 report, marked on the page', () => {
  const shaoyang = realFixture('shaoyang-monthly-2025-03.xlsx');
  if (!shaoyang) {
    if (process.env.CI) throw new Error('the real fixtures are required under CI');
    test.skip('shaoyang-monthly-2025-03.xlsx absent', () => undefined);
    return;
  }
  const bytes = new Uint8Array(fs.readFileSync(shaoyang));

  test('marking keeps the charts and every part it does not touch byte for byte; a sheet changes only its marked cells', async () => {
    const { out, cells } = await marked(bytes, '邵阳.xlsx');
    expect(cells).toBeGreaterThan(0);
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(out);
    for (const chart of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']) {
      expect(Buffer.from(output.raw(output.entry(chart)!)).equals(Buffer.from(input.raw(input.entry(chart)!)))).toBe(true);
    }
    const changed = changedParts(input, output);
    const sheets = changed.filter((n) => !WORKBOOK_LEVEL.includes(n));
    // only sheet parts (and the relationships of those that got notes)
    for (const n of sheets) expect(n).toMatch(/^xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?$/);
    const sheetsChanged = sheets.filter((n) => n.endsWith('.xml'));
    expect(sheetsChanged.length).toBeGreaterThan(0);
    // the records name the marked cells
    const reread = (await readXlsxBuffer(out, 'o.xlsx')).workbook;
    const records = reread.getWorksheet(MARKS_SHEET)!;
    expect(records.state).toBe('veryHidden');
    const stylesOut = output.text(output.entry('xl/styles.xml')!);
    const xfsOut = [...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesOut)?.[1] ?? '').matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const withoutFill = (xf: string): string => xf.replace(/\s(?:fillId|applyFill)="[^"]*"/g, '').replace(/\s*(\/?>)/, '$1');
    let markedCells = 0;
    for (const n of sheetsChanged) {
      const before = input.text(input.entry(n)!);
      const after = output.text(output.entry(n)!);
      // apart from the style indices (and the legacyDrawing the notes need), not a byte differs
      expect(withoutStyles(after)).toBe(withoutStyles(before));
      const a = styleIndices(before);
      const b = styleIndices(after);
      const differing = [...b].filter(([r, s]) => a.get(r) !== s).map(([r]) => r);
      expect(differing.length).toBeGreaterThan(0);
      markedCells += differing.length;
      // each marked cell's new format is its own with another fill
      for (const r of differing) {
        const was = xfsOut[Number(a.get(r) ?? 0)];
        const now = xfsOut[Number(b.get(r))];
        expect(now).not.toBe(was);
        expect(withoutFill(now)).toBe(withoutFill(was));
      }
    }
    expect(markedCells).toBe(cells);
    // the new parts: the marks sheet, and comments with their drawing
    const added = output.entries.map((e) => e.name).filter((n) => !input.has(n));
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(1);
    expect(added.some((n) => /^xl\/comments\d+\.xml$/.test(n))).toBe(true);
    expect(added.some((n) => /\.vml$/.test(n))).toBe(true);
  });

  test('mark then unmark: every part byte for byte as it was, except styles.xml (the formats marking appended stay)', async () => {
    const { file, session } = await marked(bytes, '邵阳.xlsx');
    const cleared = await session.unmark();
    expect(cleared.kept).toBe(0);
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(await file.toBytes());
    expect(output.text(output.entry('[Content_Types].xml')!)).toBe(input.text(input.entry('[Content_Types].xml')!));
    expect(changedContent(input, output)).toEqual(['xl/styles.xml']);
    expect(output.entries.map((e) => e.name)).toEqual(input.entries.map((e) => e.name));
    // styles.xml: only appended
    const before = input.text(input.entry('xl/styles.xml')!);
    const after = output.text(output.entry('xl/styles.xml')!);
    expect(after.length).toBeGreaterThan(before.length);
  });

  withSchema('the marked sheet parts, the comments and the workbook-level parts validate against the schemas', async () => {
    const { out } = await marked(bytes, '邵阳.xlsx');
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(out);
    const parts = output.entries
      .filter((e) => {
        const i = input.entry(e.name);
        return !i || !Buffer.from(input.raw(i)).equals(Buffer.from(output.raw(e)));
      })
      .map((e) => ({ name: e.name, xml: output.text(e) }));
    expect(parts.filter((p) => /^xl\/comments\d+\.xml$/.test(p.name)).length).toBeGreaterThan(0);
    expect(parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)).length).toBeGreaterThan(1);
    expect(validateParts(parts)).toBe('');
  });
});

describe('the sample, with notes of its own', () => {
  /** The sample with a note on C10 (a marked cell) and one on A1 (not marked), saved by ExcelJS. */
  async function withNotes(): Promise<Uint8Array> {
    const wb = (await readXlsxBuffer(new Uint8Array(fs.readFileSync(SAMPLE)), 's.xlsx')).workbook;
    const ws = wb.getWorksheet(RANK_SHEET)!;
    ws.getCell('C10').note = { texts: [{ text: '张三:', font: { bold: true, size: 9 } }, { text: '\n已核对', font: { size: 9 } }] } as ExcelJS.Comment;
    ws.getCell('A1').note = '表头';
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test('a sheet with a comments part: ours are added to it; unmarking gives it back byte for byte', async () => {
    const bytes = await withNotes();
    const { file, session, out } = await marked(bytes);
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(out);
    const comments = input.entries.map((e) => e.name).filter((n) => /comments\d*\.xml$/.test(n));
    expect(comments).toHaveLength(1);
    const text = output.text(output.entry(comments[0])!);
    expect(text).toContain('已核对');
    expect(text).toContain('公布位次为第11位');
    expect(text).toContain('表头');
    // the sheet keeps its one comments part
    const rels = output.text(output.entry(input.entries.map((e) => e.name).find((n) => /_rels\/sheet\d+\.xml\.rels$/.test(n) && input.text(input.entry(n)!).includes('comments'))!)!);
    expect(rels.match(/\/comments"/g)).toHaveLength(1);
    await session.unmark();
    const back = new ZipArchive(await file.toBytes());
    expect(changedContent(input, back)).toEqual(['xl/styles.xml']);
  });

  withSchema('a sheet with a table: its legacyDrawing goes before tableParts, and the parts validate', async () => {
    const wb = (await readXlsxBuffer(new Uint8Array(fs.readFileSync(SAMPLE)), 's.xlsx')).workbook;
    wb.getWorksheet(RANK_SHEET)!.addTable({ name: 'Extra', ref: 'H2', columns: [{ name: '甲' }, { name: '乙' }], rows: [[1, 2], [3, 4]] });
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { out } = await marked(bytes);
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(out);
    const parts = output.entries
      .filter((e) => {
        const i = input.entry(e.name);
        return !i || !Buffer.from(input.raw(i)).equals(Buffer.from(output.raw(e)));
      })
      .map((e) => ({ name: e.name, xml: output.text(e) }));
    const withTable = parts.find((p) => /<tableParts/.test(p.xml) && /<legacyDrawing/.test(p.xml));
    expect(withTable).toBeDefined();
    expect(validateParts(parts)).toBe('');
  });

  test('the sample without notes: the parts marking created are gone after unmarking', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const { file, session, out } = await marked(bytes);
    const input = new ZipArchive(bytes);
    expect(input.entries.some((e) => /comments|\.vml$/.test(e.name))).toBe(false);
    expect(new ZipArchive(out).entries.some((e) => /comments/.test(e.name))).toBe(true);
    await session.unmark();
    const back = new ZipArchive(await file.toBytes());
    expect(back.entries.map((e) => e.name)).toEqual(input.entries.map((e) => e.name));
    expect(changedContent(input, back)).toEqual(['xl/styles.xml']);
    for (const n of sheetParts(input)) expect(back.text(back.entry(n)!)).toBe(input.text(input.entry(n)!));
  });
});

describeWithSoffice('LibreOffice opening the marked 邵阳 copy')('LibreOffice and the marked copy', () => {
  const shaoyang = realFixture('shaoyang-monthly-2025-03.xlsx');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marks-lo-'));
  afterAll(async () => {
    await disposeSoffice();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  (shaoyang ? test : test.skip)('opens it: the three charts and the notes are there', async () => {
    const { out } = await marked(new Uint8Array(fs.readFileSync(shaoyang as string)), '邵阳.xlsx');
    const file = path.join(dir, 'marked.xlsx');
    fs.writeFileSync(file, out);
    const ods = await convert(file, 'ods', path.join(dir, 'lo'));
    const a = new ZipArchive(new Uint8Array(fs.readFileSync(ods)));
    expect(a.entries.filter((e) => /^Object \d+\/content\.xml$/.test(e.name)).length).toBeGreaterThanOrEqual(3);
    const content = utf8Text(a.read(a.entry('content.xml')!));
    expect(content).toContain('<office:annotation');
  });
});
