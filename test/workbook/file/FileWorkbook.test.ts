/**
 * The standalone page's workbook: an .xlsx read from bytes, behind the add-in's LiveWorkbook
 * port. A real AddinSession checks, marks and summarises it; the bytes it saves are opened
 * again with ExcelJS to see what a user downloading them would get.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import * as fs from 'node:fs';
import { AddinSession, MemoryStore, errorText } from '../../../src/addin';
import { writePlanCopy } from '../../../src/cli/writeCopy';
import type { Grid } from '../../../src/core/grid';
import { MARK_FILL, MARKS_SHEET, markRows, readMarkRecords } from '../../../src/core/marks';
import { buildSummary, defaultSettings, enabledSheets, prepareSession, summaryInput } from '../../../src/core/session';
import { REGISTRY_SHEET, splitGrids } from '../../../src/core/summary';
import { ExcelAdapterError } from '../../../src/workbook/excel';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { FileWorkbook, MAX_FILE_BYTES, MAX_UNPACKED_BYTES } from '../../../src/workbook/file';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';
import { readXlsxBuffer, worksheetToGrid } from '../../support/exceljs';
import { fakeFromWorkbook } from '../../support/fakeExcel/fromXlsx';
import { adapterOn, SAMPLE } from '../excel/support';
import { ZipArchive } from '../../../src/workbook/ooxml/zip';
import { realFixture } from '../../support/realFixtures';

const RANK_SHEET = '固定资产投资';
const SUMMARY_SHEETS = ['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果'];
const sampleBytes = (): Uint8Array => new Uint8Array(fs.readFileSync(SAMPLE));

async function session(bytes: Uint8Array = sampleBytes(), onGoTo?: (sheet: string, cell: string) => void): Promise<{ file: FileWorkbook; session: AddinSession; store: MemoryStore }> {
  const file = await FileWorkbook.open(bytes, 'county-indicators-2025-03.xlsx', { onGoTo });
  const store = new MemoryStore();
  return { file, store, session: new AddinSession(file, store, 'zh-CN') };
}

/** A user's own edit of the file in another program: through ExcelJS (which rewrites the package). */
async function editWorkbook<T>(file: FileWorkbook, edit: (wb: ExcelJS.Workbook) => T | Promise<T>): Promise<T> {
  let result: T | undefined;
  await file.editBytes(async (bytes) => {
    const wb = (await readXlsxBuffer(bytes, 'edit.xlsx')).workbook;
    result = await edit(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  });
  return result as T;
}

/** Saved bytes opened again as a user's Excel would get them (through ExcelJS). */
async function reopen(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  return (await readXlsxBuffer(bytes, 'saved.xlsx')).workbook;
}

function noteText(note: ExcelJS.Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

/** The solid fill colour of a cell (argb), or null for none. */
function argbOf(cell: ExcelJS.Cell): string | null {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.type === 'pattern' && fill.pattern !== 'none' ? (fill.fgColor?.argb ?? null) : null;
}

/** The sheets whose saved XML selects their tab (ExcelJS does not read `tabSelected` back). */
async function selectedTabs(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const out: string[] = [];
  for (const m of book.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const xml = await zip.file(`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`)!.async('string');
    if (/<sheetView [^>]*tabSelected="1"/.test(xml)) out.push(m[1]);
  }
  return out;
}

const userSheetNames = (wb: ExcelJS.Workbook): string[] => splitGrids(wb.worksheets.map((ws) => worksheetToGrid(ws))).grids.map((g) => g.name);
const valuesOf = (g: Grid): unknown[][] => Array.from({ length: g.rowCount }, (_, r) => Array.from({ length: g.colCount }, (_c, c) => g.rows[r]?.[c]?.value ?? null));

describe('FileWorkbook: the three steps on an .xlsx read from bytes', () => {
  test('检查数据 finds the planted wrong rank; going to it calls onGoTo; a missing sheet is a clear message', async () => {
    const calls: [string, string][] = [];
    const { file, session: s } = await session(sampleBytes(), (sheet, cell) => calls.push([sheet, cell]));
    expect(file.fileName).toBe('county-indicators-2025-03.xlsx');
    const tables = await s.read();
    expect(tables.find((t) => t.sheet === '地区生产总值')).toMatchObject({ shape: 'regions', regions: 12, enabled: true });
    const result = await s.check();
    const wrong = result.issues.find((f) => f.rule === 'rank-mismatch')!;
    expect(wrong).toMatchObject({ sheet: RANK_SHEET, cell: 'C10', severity: 'error' });
    expect(wrong.message).toContain('公布位次为第11位');
    await s.goTo(wrong);
    expect(calls).toEqual([[RANK_SHEET, 'C10']]);
    expect(file.notices).toEqual([]);

    const gone = await file.goTo('没有这张表', 'A1').catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(ExcelAdapterError);
    expect((gone as ExcelAdapterError).problem).toBe('sheet-gone');
    expect(errorText(gone, 'zh-CN')).toContain('找不到工作表「没有这张表」');
    // a hidden sheet is said to be hidden; the page's view is not asked to show it
    const hiddenBytes = await (async () => {
      const wb = (await readXlsxBuffer(sampleBytes(), 'hidden.xlsx')).workbook;
      wb.getWorksheet(RANK_SHEET)!.state = 'hidden';
      return new Uint8Array(await wb.xlsx.writeBuffer());
    })();
    const hiddenCalls: [string, string][] = [];
    const withHidden = await FileWorkbook.open(hiddenBytes, 'hidden.xlsx', { onGoTo: (sheet, cell) => hiddenCalls.push([sheet, cell]) });
    const hidden = await withHidden.goTo(RANK_SHEET, 'C10').catch((e: unknown) => e);
    expect((hidden as ExcelAdapterError).problem).toBe('sheet-hidden-page');
    expect(errorText(hidden, 'zh-CN')).toBe(`工作表「${RANK_SHEET}」在工作簿中是隐藏的，本页面不显示隐藏的工作表；如需查看单元格 C10，请在 Excel 或 WPS 中取消隐藏该工作表。`);
    expect(hiddenCalls).toEqual([]);
    await withHidden.goTo('地区生产总值', 'B5');
    expect(hiddenCalls).toEqual([['地区生产总值', 'B5']]);
    // without onGoTo it does nothing, and does not fail
    const bare = await FileWorkbook.open(sampleBytes(), 'x.xlsx');
    await expect(bare.goTo(RANK_SHEET, 'C10')).resolves.toBeUndefined();
    expect((await bare.listSheets()).map((x) => x.name)).toContain(RANK_SHEET);
  });

  test('标记到单元格: fill and note on the cell, the record in the very hidden sheet; 清除标记 restores', async () => {
    const { file, session: s } = await session();
    await s.check();
    const marked = await s.mark();
    expect(marked.cells).toBeGreaterThan(0);
    expect(marked.removed).toBe(0);

    const saved = await reopen(await file.toBytes());
    const ws = saved.getWorksheet(RANK_SHEET)!;
    const c10 = ws.getCell('C10');
    expect(c10.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } });
    expect(noteText(c10.note)).toContain('公布位次为第11位');
    // ExcelJS shares a style object between the cells of one xf: the neighbours keep theirs
    expect(argbOf(ws.getCell('C9'))).toBeNull();
    expect(argbOf(ws.getCell('C11'))).toBeNull();
    expect(argbOf(ws.getCell('D10'))).toBeNull();
    const marks = saved.getWorksheet(MARKS_SHEET)!;
    expect(marks.state).toBe('veryHidden');
    const records = readMarkRecords(worksheetToGrid(marks));
    expect(records).toHaveLength(marked.cells);
    expect(records.find((r) => r.sheet === RANK_SHEET && r.cell === 'C10')).toMatchObject({ fill: MARK_FILL.error, priorFill: null, priorNote: null, noteKind: 'note' });
    // the user's cells keep their values
    expect(c10.value).toBe(11);

    // marking again replaces the earlier marks
    const again = await s.mark();
    expect(again).toEqual({ cells: marked.cells, removed: marked.cells });
    expect((await readWorkbookBytes(await file.toBytes(), 'x.xlsx')).sheets.filter((w) => w.name === MARKS_SHEET)).toHaveLength(1);

    const cleared = await s.unmark();
    expect(cleared).toEqual({ cells: marked.cells, kept: 0 });
    const back = await reopen(await file.toBytes());
    expect(back.getWorksheet(MARKS_SHEET)).toBeUndefined();
    // what C10 had before: an explicit "no fill" from the sample's style
    expect(back.getWorksheet(RANK_SHEET)!.getCell('C10').fill).toEqual((await reopen(sampleBytes())).getWorksheet(RANK_SHEET)!.getCell('C10').fill);
    expect(argbOf(back.getWorksheet(RANK_SHEET)!.getCell('C10'))).toBeNull();
    expect(back.getWorksheet(RANK_SHEET)!.getCell('C10').note).toBeUndefined();
    expect(await s.unmark()).toEqual({ cells: 0, kept: 0 });
  });

  test('a cell with its own note and a theme fill: ours goes below, unmarking puts back exactly what was there', async () => {
    const wb = await reopen(sampleBytes());
    const c10 = wb.getWorksheet(RANK_SHEET)!.getCell('C10');
    const earlierNote: ExcelJS.Comment = { texts: [{ text: '张三:', font: { bold: true, size: 9 } }, { text: '\n已与县统计局核对', font: { size: 9 } }] };
    c10.note = earlierNote;
    c10.style = { ...c10.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { theme: 4, tint: 0.7999816888943144 } as Partial<ExcelJS.Color> } };
    const planted = new Uint8Array(await wb.xlsx.writeBuffer());

    const { file, session: s } = await session(planted);
    await s.check();
    await s.mark();
    const marked = await reopen(await file.toBytes());
    const cell = marked.getWorksheet(RANK_SHEET)!.getCell('C10');
    const text = noteText(cell.note)!;
    expect(text.startsWith('张三:\n已与县统计局核对\n\n')).toBe(true);
    expect(text).toContain('公布位次为第11位');
    // the earlier runs keep their fonts
    expect((cell.note as ExcelJS.Comment).texts?.[0]).toMatchObject({ text: '张三:', font: { bold: true } });
    const record = readMarkRecords(worksheetToGrid(marked.getWorksheet(MARKS_SHEET)!)).find((r) => r.cell === 'C10' && r.sheet === RANK_SHEET)!;
    // the theme colour resolved, as the add-in records what Excel reports: the sample's theme
    // (ExcelJS's default, accent 1 = #4F81BD) 80% lighter; Excel shows #DCE6F1
    expect(record).toMatchObject({ priorFill: '#DCE6F2', priorNote: '张三:\n已与县统计局核对', note: text });

    await s.unmark();
    const back = await reopen(await file.toBytes());
    const restored = back.getWorksheet(RANK_SHEET)!.getCell('C10');
    expect(restored.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { theme: 4 } });
    expect(noteText(restored.note)).toBe('张三:\n已与县统计局核对');
    expect((restored.note as ExcelJS.Comment).texts?.[0]).toMatchObject({ text: '张三:', font: { bold: true } });
  });

  test('a file marked here is unmarked by the add-in in Excel, and the other way round', async () => {
    const original = await reopen(sampleBytes());
    const before = fakeFromWorkbook(original).sheet(RANK_SHEET)!.cellsSnapshot();

    // marked here, unmarked in (fake) Excel by the Office.js adapter
    const { file, session: s } = await session();
    await s.check();
    const marked = await s.mark();
    const book = fakeFromWorkbook(await reopen(await file.toBytes()));
    expect(book.sheet(RANK_SHEET)!.cell(9, 2).fill.color).toBe(MARK_FILL.error);
    const excel = adapterOn(book);
    const cleared = await excel.unmark();
    expect(cleared).toMatchObject({ cells: marked.cells, kept: 0, gone: [] });
    expect(book.sheet(RANK_SHEET)!.cellsSnapshot()).toEqual(before);
    expect(book.sheet(RANK_SHEET)!.notes.size).toBe(0);

    // marked in (fake) Excel: the cells and the record as the add-in left them, put into the file; unmarked here
    const inExcel = fakeFromWorkbook(original);
    const excelSession = new AddinSession(adapterOn(inExcel), new MemoryStore(), 'zh-CN');
    await excelSession.check();
    const excelMarked = await excelSession.mark();
    const wb = await reopen(sampleBytes());
    const marksSheet = inExcel.sheet(MARKS_SHEET)!;
    const rows = Object.entries(marksSheet.cellsSnapshot());
    const out = wb.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
    for (const [address, c] of rows) if (c.value !== null) out.getCell(address).value = String(c.value);
    const records = readMarkRecords(worksheetToGrid(out));
    expect(records).toHaveLength(excelMarked.cells);
    expect(markRows(records)[0]).toHaveLength(7);
    for (const r of records) {
      const cell = wb.getWorksheet(r.sheet)!.getCell(r.cell);
      cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${r.fill.slice(1)}` } } };
      if (r.noteKind === 'note') cell.note = inExcel.sheet(r.sheet)!.notes.get(r.cell)!;
    }
    const here = await FileWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'from-excel.xlsx');
    const undone = await here.unmark();
    expect(undone).toMatchObject({ cells: excelMarked.cells, kept: 0, gone: [] });
    const after = fakeFromWorkbook(await reopen(await here.toBytes()));
    expect(after.sheet(RANK_SHEET)!.cellsSnapshot()).toEqual(before);
    expect(after.sheets().map((x) => x.name)).not.toContain(MARKS_SHEET);
  });

  test('a cell the user changed after marking is left as the user left it', async () => {
    const { file, session: s } = await session();
    await s.check();
    await s.mark();
    await editWorkbook(file, (wb) => {
      const c10 = wb.getWorksheet(RANK_SHEET)!.getCell('C10');
      c10.style = { ...c10.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } } };
    });
    const cleared = await s.unmark();
    expect(cleared.kept).toBe(1);
    const c10 = (await reopen(await file.toBytes())).getWorksheet(RANK_SHEET)!.getCell('C10');
    expect((c10.fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FF00B050' });
    // the note was still ours: gone
    expect(c10.note).toBeUndefined();
  });

  test('marks on a protected sheet are refused before anything changes', async () => {
    const { file, session: s } = await session();
    await s.check();
    await editWorkbook(file, (wb) => wb.getWorksheet(RANK_SHEET)!.protect('', {}));
    const error = await s.mark().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(errorText(error, 'zh-CN')).toContain(`工作表「${RANK_SHEET}」受保护`);
    const after = await reopen(await file.toBytes());
    expect(after.getWorksheet(MARKS_SHEET)).toBeUndefined();
    expect(argbOf(after.getWorksheet(RANK_SHEET)!.getCell('C10'))).toBeNull();
  });
});

describe('FileWorkbook: 生成汇总表 and the file to download', () => {
  let generated: ExcelJS.Workbook;
  let originalGrids: Grid[];
  let sheets: string[];
  let bytes: Uint8Array;

  beforeAll(async () => {
    const { file, session: s, store } = await session();
    originalGrids = (await reopen(sampleBytes())).worksheets.map((ws) => worksheetToGrid(ws));
    await s.check();
    await s.mark();
    const outcome = await s.generate(() => undefined, new Date('2026-04-02T01:00:00Z'));
    sheets = outcome.sheets;
    expect(JSON.parse(store.text!).lastRun).toBe('2026-04-02T01:00:00.000Z');
    bytes = await file.toBytes();
    generated = await reopen(bytes);
  });

  test('the summary sheets come after the user sheets, the first is the active tab', async () => {
    expect(sheets).toEqual(SUMMARY_SHEETS);
    const names = generated.worksheets.map((ws) => ws.name);
    const users = originalGrids.map((g) => g.name);
    expect(names.slice(0, users.length)).toEqual(users);
    const visible = generated.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
    expect(visible).toEqual([...users, ...SUMMARY_SHEETS]);
    expect(generated.getWorksheet(REGISTRY_SHEET)!.state).toBe('veryHidden');
    expect(generated.getWorksheet(MARKS_SHEET)!.state).toBe('veryHidden');
    const active = generated.views[0].activeTab;
    expect(generated.worksheets[active].name).toBe('主要指标汇总表1');
    // only that tab selected, or Excel opens with sheets grouped
    expect(await selectedTabs(bytes)).toEqual(['主要指标汇总表1']);
    expect(fakeFromWorkbook(generated).activeSheet).toBe('主要指标汇总表1');
  });

  test("the user's sheets keep their values (only the marked cells' fills and notes differ)", () => {
    for (const g of originalGrids) {
      const now = worksheetToGrid(generated.getWorksheet(g.name)!);
      expect(valuesOf(now)).toEqual(valuesOf(g));
      expect(now.merges).toEqual(g.merges);
    }
  });

  test('the summary sheet has its conditional formats', () => {
    const cfs = (generated.getWorksheet('主要指标汇总表1') as unknown as { conditionalFormattings: { ref: string; rules: unknown[] }[] }).conditionalFormattings;
    expect(cfs.length).toBeGreaterThan(0);
    expect(cfs[0].rules.length).toBeGreaterThan(0);
  });

  test('the figures are those the CLI path writes (buildSummary + writePlanCopy)', async () => {
    const input = sampleBytes();
    const settings = defaultSettings();
    const split = splitGrids((await readWorkbookBytes(input, 'county-indicators-2025-03.xlsx')).grids());
    const built = buildSummary(split, enabledSheets(prepareSession(split, settings), settings), summaryInput(settings, 'zh-CN'));
    const written = await reopen(writePlanCopy(input, built.planned.plan));
    for (const name of SUMMARY_SHEETS) {
      expect([name, valuesOf(worksheetToGrid(generated.getWorksheet(name)!))]).toEqual([name, valuesOf(worksheetToGrid(written.getWorksheet(name)!))]);
    }
    expect(userSheetNames(generated)).toEqual(userSheetNames(written));
  });

  test('generating again replaces the sheets; a planned name taken by a user sheet is a clear message', async () => {
    const { file, session: s } = await session();
    await s.generate();
    const again = await s.generate();
    expect(again.notes.join('\n')).toContain('替换了上次生成的工作表');
    expect((await file.listSheets()).filter((ws) => ws.name.startsWith('主要指标汇总表')).map((ws) => ws.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2']);

    // a plan whose name a user sheet took meanwhile: refused before anything changes
    const clash = await session();
    const split = splitGrids(await clash.file.readGrids());
    const settings = defaultSettings();
    const { plan } = buildSummary(split, enabledSheets(prepareSession(split, settings), settings), summaryInput(settings, 'zh-CN')).planned;
    await editWorkbook(clash.file, (wb) => wb.addWorksheet('位次表'));
    const before = (await clash.file.listSheets()).map((ws) => ws.name);
    const error = await clash.file.writePlan(plan, { activate: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(errorText(error, 'zh-CN')).toContain('已有名为「位次表」的工作表');
    expect((await clash.file.listSheets()).map((ws) => ws.name)).toEqual(before);
  });
});

describe('FileWorkbook.open refuses what it cannot read, with the codes the page turns into messages', () => {
  const codeOf = async (data: Uint8Array, name: string, options?: { maxBytes?: number; maxUnpackedBytes?: number }): Promise<string> => {
    const e = await FileWorkbook.open(data, name, options).then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).file).toBe(name);
    return (e as WorkbookReadError).code;
  };
  const ole2 = (body: Uint8Array = new Uint8Array(0)): Uint8Array => {
    const out = new Uint8Array(512 + body.length);
    out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    out.set(body, 512);
    return out;
  };
  const utf16 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);

  test('encrypted, CSV, garbage (with the cause), too large', async () => {
    expect(await codeOf(ole2(utf16('\u0006DataSpaces EncryptionInfo EncryptedPackage')), 'secret.xlsx')).toBe('encrypted');
    expect(await codeOf(text('地区,产值,增速\n全市,100,5.2\n'), 'export.csv')).toBe('csv');
    expect(await codeOf(text('地区,产值,增速\n全市,100,5.2\n'), 'export.xlsx')).toBe('csv');
    expect(await codeOf(sampleBytes(), 'sample.csv')).toBe('csv');
    expect(await codeOf(text('<html>not a workbook</html>'), 'page.xlsx')).toBe('corrupt');
    expect(await codeOf(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'cut.xlsx')).toBe('corrupt');
    expect(await codeOf(new Uint8Array(0), 'empty.xlsx')).toBe('corrupt');
    // an Excel 97-2003 header with nothing readable behind it: damaged, not "password-protected"
    expect(await codeOf(ole2(), '三月报表.xls')).toBe('corrupt');
    const cut = await FileWorkbook.open(sampleBytes().subarray(0, 9000), 'cut.xlsx').catch((e: unknown) => e);
    expect((cut as WorkbookReadError).code).toBe('corrupt');
    expect((cut as WorkbookReadError).detail).toBeTruthy();
    const sample = sampleBytes();
    expect(await codeOf(sample, 'big.xlsx', { maxBytes: sample.length - 1 })).toBe('too-large');
    expect(await codeOf(sample, 'big.xlsx', { maxUnpackedBytes: 10_000 })).toBe('too-large');
    expect(MAX_FILE_BYTES).toBe(60 * 1024 * 1024);
  });

  test('legacy files (.xls, the same named .et, .ods, .xlsb) are read and checked; a change converts them to .xlsx', async () => {
    const XLSX = await import('@e965/xlsx');
    const source = XLSX.read(sampleBytes(), { type: 'array', cellNF: true });
    const legacy: [string, Uint8Array][] = [
      ['三月报表.xls', new Uint8Array(XLSX.write(source, { bookType: 'biff8', type: 'array' }) as ArrayBuffer)],
      ['三月报表.et', new Uint8Array(XLSX.write(source, { bookType: 'biff8', type: 'array' }) as ArrayBuffer)],
      ['三月报表.ods', new Uint8Array(XLSX.write(source, { bookType: 'ods', type: 'array' }) as ArrayBuffer)],
      ['三月报表.xlsb', new Uint8Array(XLSX.write(source, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer)],
    ];
    for (const [name, bytes] of legacy) {
      const file = await FileWorkbook.open(bytes, name);
      expect([name, file.format]).toEqual([name, name.endsWith('.ods') ? 'ods' : name.endsWith('.xlsb') ? 'xlsb' : 'xls']);
      const s = new AddinSession(file, new MemoryStore(), 'zh-CN');
      const checked = await s.check();
      expect(checked.issues.some((i) => i.sheet === RANK_SHEET && i.cell === 'C10' && i.rule === 'rank-mismatch')).toBe(true);
      // nothing to unmark, and the bytes to download are the file as opened
      expect(await file.unmark()).toEqual({ cells: 0, kept: 0, gone: [], syncs: 0 });
      expect(await file.toBytes()).toBe(bytes);
      const before = (await readWorkbookBytes(bytes, name)).grids();
      await s.generate();
      // now an .xlsx: the source sheets as they were read, then the summary
      expect(file.format).toBe('xlsx');
      expect(file.downloadName('zh-CN')).toBe('三月报表-汇总.xlsx');
      const after = await readWorkbookBytes(await file.toBytes(), '三月报表-汇总.xlsx');
      expect(after.grids(before.map((g) => g.name)).map((g) => g.rows)).toEqual(before.map((g) => g.rows));
      expect(after.sheets.map((x) => x.name)).toEqual(expect.arrayContaining(['主要指标汇总表1', '审核结果']));
    }
  });

  test('zip packages that are not workbooks: unsupported or damaged, with the cause', async () => {
    const zipOf = async (files: Record<string, string>): Promise<Uint8Array> => {
      const zip = new JSZip();
      for (const [name, content] of Object.entries(files)) zip.file(name, content);
      return zip.generateAsync({ type: 'uint8array' });
    };
    const word = await zipOf({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w/>',
    });
    expect(await codeOf(word, '报告.xlsx')).toBe('unsupported');
    expect(await codeOf(await zipOf({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<x/>' }), '报告.ods')).toBe('unsupported');
    expect(await codeOf(await zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }), '报告.xlsx')).toBe('corrupt');
  });

  test('an .xlsx named .xls opens (the content decides); an ArrayBuffer is taken as well as a Uint8Array', async () => {
    const bytes = sampleBytes();
    const renamed = await FileWorkbook.open(bytes, '三月报表.xls');
    expect((await renamed.listSheets()).length).toBeGreaterThan(5);
    const copy = bytes.slice().buffer;
    const fromBuffer = await FileWorkbook.open(copy, 'x.xlsx');
    expect((await fromBuffer.readGrids([RANK_SHEET]))[0].name).toBe(RANK_SHEET);
  });

  test('too large: refused before parsing, and the message names the file', async () => {
    const e = await FileWorkbook.open(sampleBytes(), '大文件.xlsx', { maxBytes: 1000 }).catch((err: unknown) => err);
    expect((e as WorkbookReadError).code).toBe('too-large');
    expect((e as Error).message).toContain('大文件.xlsx');
  });
});

describe('FileWorkbook.downloadName', () => {
  const named = async (name: string): Promise<FileWorkbook> => FileWorkbook.open(sampleBytes(), name);

  test('原文件名-汇总.xlsx, name-summary.xlsx; characters file names cannot hold become _', async () => {
    expect((await named('三月报表.xlsx')).downloadName('zh-CN')).toBe('三月报表-汇总.xlsx');
    expect((await named('三月报表.xlsx')).downloadName('en-US')).toBe('三月报表-summary.xlsx');
    expect((await named('county report.v2.xlsx')).downloadName('en-US')).toBe('county report.v2-summary.xlsx');
    expect((await named('a:b*c?"d"<e>|f.xlsx')).downloadName('zh-CN')).toBe('a_b_c__d__e__f-汇总.xlsx');
    expect((await named('C:\\Users\\张\\报表.XLSX')).downloadName('zh-CN')).toBe('报表-汇总.xlsx');
    expect((await named('noext')).downloadName('zh-CN')).toBe('noext-汇总.xlsx');
    expect((await named('.xlsx')).downloadName('zh-CN')).toBe('workbook-汇总.xlsx');
  });
});

test('saved without a summary (only marks), a conditional format with a number format stays valid', async () => {
  const wb = await reopen(sampleBytes());
  wb.getWorksheet(RANK_SHEET)!.addConditionalFormatting({
    ref: 'B6:B17',
    rules: [{ type: 'expression', formulae: ['B6<0'], priority: 1, style: { numFmt: '0.0"*"', font: { color: { argb: 'FFC00000' } } } }],
  });
  const file = await FileWorkbook.open(new Uint8Array(await wb.xlsx.writeBuffer()), 'cf.xlsx');
  const s = new AddinSession(file, new MemoryStore(), 'zh-CN');
  await s.check();
  await s.mark();
  const saved = await file.toBytes();
  const styles = await (await JSZip.loadAsync(saved)).file('xl/styles.xml')!.async('string');
  expect(styles).not.toContain('[object Object]');
  expect(styles).toContain('formatCode="0.0&quot;*&quot;"');
});

describe('a workbook too large for the browser is refused before parsing', () => {
  test("a package whose parts unpack past MAX_UNPACKED_BYTES (the zip's directory says so): 'too-large'", async () => {
    const bytes = sampleBytes();
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // the first part's unpacked size in the central directory, as a zip bomb or a huge sheet has it
    let p = 0;
    while (view.getUint32(p, true) !== 0x02014b50) p++;
    view.setUint32(p + 24, MAX_UNPACKED_BYTES + 1, true);
    const e = await FileWorkbook.open(bytes, '五十兆.xlsx').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).code).toBe('too-large');
    expect((e as Error).message).toContain('unpack to');
  });
});

test('reading an unchanged file again reuses the tables found (no second layout); a change or new settings lays out again', async () => {
  const { file, session: s } = await session();
  const first = await s.read();
  expect(await s.read()).toBe(first);
  await s.check();
  expect(await s.read()).toBe(first);
  // a setting that changes the tables
  await s.setEnabled('固定资产投资', false);
  const second = await s.read();
  expect(second).not.toBe(first);
  expect(second.find((t) => t.sheet === '固定资产投资')?.enabled).toBe(false);
  // a change to the file: its grids are read again
  await s.generate();
  const third = await s.read();
  expect(third).not.toBe(second);
  expect((await file.listSheets()).map((x) => x.name)).toContain('位次表');
});

describe('the download keeps the workbook (issue 16)', () => {
  const shaoyang = realFixture('shaoyang-monthly-2025-03.xlsx');
  (shaoyang ? test : test.skip)('生成汇总表 on the 邵阳 report: every part of the file byte for byte (the three charts too), ours added', async () => {
    const bytes = new Uint8Array(fs.readFileSync(shaoyang as string));
    const file = await FileWorkbook.open(bytes, '邵阳.xlsx');
    await new AddinSession(file, new MemoryStore(), 'zh-CN').generate();
    const input = new ZipArchive(bytes);
    const output = new ZipArchive(await file.toBytes());
    const changed = input.entries
      .filter((e) => {
        const o = output.entry(e.name);
        return !o || !Buffer.from(output.raw(o)).equals(Buffer.from(input.raw(e)));
      })
      .map((e) => e.name);
    // the workbook-level lists, and the sheet whose tab was selected (it loses tabSelected only)
    const allowed = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];
    const others = changed.filter((n) => !allowed.includes(n));
    expect(others.length).toBeLessThanOrEqual(1);
    for (const n of others) expect(output.text(output.entry(n)!)).toBe(input.text(input.entry(n)!).replace(/\s+tabSelected="1"/, ''));
    for (const chart of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']) expect(output.has(chart)).toBe(true);
    const book = await readWorkbookBytes(await file.toBytes(), 'out.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(SUMMARY_SHEETS.filter((s) => s !== '主要指标汇总表2')));
  });
});

describe('marks on the page (issue 16): written into the package, see packageMarks.test.ts', () => {
  const shaoyang = realFixture('shaoyang-monthly-2025-03.xlsx');
  (shaoyang ? test : test.skip)('marking keeps the charts of the file', async () => {
    const bytes = new Uint8Array(fs.readFileSync(shaoyang as string));
    const file = await FileWorkbook.open(bytes, '邵阳.xlsx');
    const s = new AddinSession(file, new MemoryStore(), 'zh-CN');
    await s.check();
    await s.mark();
    const output = new ZipArchive(await file.toBytes());
    expect(output.has('xl/charts/chart1.xml')).toBe(true);
  });
});
