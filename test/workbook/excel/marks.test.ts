/**
 * Marks on the user's cells: a fill and a note per finding, recorded in a very hidden
 * sheet; unmarking leaves every touched cell exactly as it was, on every API level
 * the adapter supports (notes, threaded comments, fills only).
 */
import { checkWorkbook, prepareSheets } from '../../../src/core/check';
import type { CellMark } from '../../../src/core/marks';
import { MARKS_SHEET, MARK_FILL, planMarks } from '../../../src/core/marks';
import { splitGrids } from '../../../src/core/summary';
import { ExcelAdapterError, noticeText } from '../../../src/workbook/excel';
import type { FakeExcel } from '../../support/fakeExcel';
import { SAMPLE, adapterOn, twoWays } from './support';

async function setup(apiVersion = '1.18') {
  const { xlsx, book } = await twoWays(SAMPLE, apiVersion);
  const split = splitGrids(xlsx.grids());
  const prepared = prepareSheets({ grids: split.grids });
  const findings = checkWorkbook(prepared, { lang: 'zh-CN' }).issues;
  const marks = planMarks(findings, { lang: 'zh-CN' });
  return { book, marks, adapter: adapterOn(book) };
}

/** Every cell, note and comment of every sheet, deep-copied. */
function snapshot(book: FakeExcel) {
  return book.sheets().map((s) => ({ name: s.name, visibility: s.visibility, cells: s.cellsSnapshot(), notes: [...s.notes], comments: [...s.comments] }));
}

/** Seed earlier fills and notes on some of the cells that will be marked. */
function dress(book: FakeExcel, marks: CellMark[], withComments = false, white = true) {
  const [a, b, c] = marks;
  const at = (m: CellMark) => {
    const s = book.sheet(m.sheet);
    if (!s) throw new Error(m.sheet);
    const cell = /^([A-Z]+)(\d+)$/.exec(m.cell) as RegExpExecArray;
    let col = 0;
    for (const ch of cell[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return { s, row: Number(cell[2]) - 1, col: col - 1 };
  };
  const pa = at(a);
  pa.s.setCell(pa.row, pa.col, { fill: { color: '#00B050', pattern: 'Solid' } });
  const pb = at(b);
  if (withComments) pb.s.comments.set(b.cell, '统计员：已核实');
  else pb.s.notes.set(b.cell, '统计员：已核实');
  // a white fill is told from no fill only with ExcelApi 1.9 (fill.pattern)
  const pc = at(c);
  if (white) pc.s.setCell(pc.row, pc.col, { fill: { color: '#FFFFFF', pattern: 'Solid' } });
}

describe('mark and unmark', () => {
  test('marks fill the cells, note the findings and are recorded in a very hidden sheet', async () => {
    const { book, marks, adapter } = await setup();
    expect(marks.length).toBeGreaterThan(2);
    dress(book, marks);
    const result = await adapter.mark(marks);
    expect(result.cells).toBe(marks.length);
    const noted = marks.find((m) => m.note !== '') as CellMark;
    expect(book.sheet(noted.sheet)?.notes.get(noted.cell)).toContain(noted.note);
    expect(book.sheet(MARKS_SHEET)?.visibility).toBe('VeryHidden');
    // the cell that had a note keeps it above ours
    expect(book.sheet(marks[1].sheet)?.notes.get(marks[1].cell)?.startsWith('统计员：已核实\n\n')).toBe(marks[1].note !== '');
    for (const m of marks) {
      const s = book.sheet(m.sheet);
      const cell = s?.cellsSnapshot()[m.cell];
      expect(cell?.fill.color).toBe(m.fill);
    }
    // syncs: look (1), mark (1), plus the check for earlier marks (1)
    expect(result.syncs).toBe(3);
  });

  test.each([
    ['1.18', 'notes'],
    ['1.10', 'threaded comments'],
    ['1.9', 'fills only'],
    ['1.8', 'fills only, no fill pattern, no getRanges'],
  ])('ExcelApi %s (%s): unmark leaves every cell exactly as before', async (api) => {
    const { book, marks, adapter } = await setup(api);
    dress(book, marks, api === '1.10', api !== '1.8');
    const before = snapshot(book);
    await adapter.mark(marks);
    expect(snapshot(book)).not.toEqual(before);
    const undone = await adapter.unmark();
    expect(undone.cells).toBe(marks.length);
    expect(undone.kept).toBe(0);
    expect(snapshot(book)).toEqual(before);
    expect(book.sheet(MARKS_SHEET)).toBeUndefined();
  });

  test('ExcelApi 1.8: a white fill comes back as no fill (the documented fallback)', async () => {
    const { book, marks, adapter } = await setup('1.8');
    dress(book, marks);
    await adapter.mark(marks);
    await adapter.unmark();
    const c = marks[2];
    expect(book.sheet(c.sheet)?.cellsSnapshot()[c.cell]?.fill ?? { color: null, pattern: 'None' }).toEqual({ color: null, pattern: 'None' });
  });

  test('marking again replaces the earlier marks; unmarking then restores the original', async () => {
    const { book, marks, adapter } = await setup();
    dress(book, marks);
    const before = snapshot(book);
    await adapter.mark(marks);
    book.resetStats();
    const again = await adapter.mark(marks.slice(0, 2));
    expect(again.removed?.cells).toBe(marks.length);
    // the earlier records are read once: 1, then 2 to restore, then 2 to mark
    expect(again.syncs).toBe(5);
    expect(book.stats.syncs).toBe(5);
    await adapter.unmark();
    expect(snapshot(book)).toEqual(before);
  });

  test('a cell the user changed after marking keeps the change', async () => {
    const { book, marks, adapter } = await setup();
    await adapter.mark(marks);
    const m = marks[0];
    const s = book.sheet(m.sheet);
    const snap = s?.cellsSnapshot()[m.cell];
    expect(snap?.fill.color).toBe(MARK_FILL[m.severity]);
    // the user paints it yellow
    const cell = /^([A-Z]+)(\d+)$/.exec(m.cell) as RegExpExecArray;
    const col = [...cell[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    s?.setCell(Number(cell[2]) - 1, col, { fill: { color: '#FFFF00', pattern: 'Solid' } });
    const undone = await adapter.unmark();
    expect(undone.kept).toBe(1);
    expect(s?.cellsSnapshot()[m.cell]?.fill.color).toBe('#FFFF00');
  });

  test('a protected sheet: a clear message and nothing changed', async () => {
    const { book, marks, adapter } = await setup();
    const s = book.sheet(marks[0].sheet);
    if (!s) throw new Error('no sheet');
    s.protected = true;
    const before = snapshot(book);
    const error = await adapter.mark(marks).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect((error as ExcelAdapterError).text('zh-CN')).toBe(`工作表「${s.name}」受保护，无法修改。请在“审阅 > 撤销工作表保护”后再试。`);
    expect(snapshot(book)).toEqual(before);
  });

  test('unmarking with no marks does nothing', async () => {
    const { book, adapter } = await setup();
    const before = snapshot(book);
    expect(await adapter.unmark()).toEqual({ cells: 0, kept: 0, gone: [], syncs: 1 });
    expect(snapshot(book)).toEqual(before);
  });

  test('fills without notes on Excel without notes or comments, and the user is told', async () => {
    const { book, marks, adapter } = await setup('1.9');
    await adapter.mark(marks);
    expect(book.sheets().every((s) => s.notes.size === 0 && s.comments.size === 0)).toBe(true);
    expect(adapter.notices.map((n) => noticeText(n, 'zh-CN'))).toContain(
      '此版本的 Excel 不支持批注（需要 ExcelApi 1.18 或 1.10），只标记了底色；说明见「审核结果」表。',
    );
  });
});
