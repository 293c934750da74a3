/**
 * What the user sees when Excel refuses or lacks something: one clear message in
 * their language, and the workbook unchanged.
 */
import { rangeAddress } from '../../../src/core/grid';
import { ExcelAdapterError, FEATURES, MIN_EXCEL_API, noticeText } from '../../../src/workbook/excel';
import { FakeExcel } from '../../support/fakeExcel';
import { SAMPLE, adapterOn, planOf, twoWays } from './support';

async function failure(p: Promise<unknown>): Promise<ExcelAdapterError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof ExcelAdapterError)) throw new Error(`expected an ExcelAdapterError, got ${String(e)}`);
  return e;
}

const names = (book: FakeExcel) => book.sheets().map((s) => `${s.name}:${s.visibility}`);

describe('refusals', () => {
  test('a cell being edited', async () => {
    const { book } = await twoWays(SAMPLE);
    book.editing = true;
    const e = await failure(adapterOn(book).listSheets());
    expect(e.problem).toBe('cell-editing');
    expect(e.text('zh-CN')).toBe('Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。');
    expect(e.text('en-US')).toBe('Excel is editing a cell: press Enter or Esc to finish, then try again.');
  });

  test('a sheet deleted since it was listed', async () => {
    const { book } = await twoWays(SAMPLE);
    const e = await failure(adapterOn(book).readGrids(['已删除的表']));
    expect(e.text('zh-CN')).toBe('找不到工作表「已删除的表」，可能已被删除或改名。请重新读取工作簿。');
    const g = await failure(adapterOn(book).goTo('已删除的表', 'A1'));
    expect(g.problem).toBe('sheet-gone');
  });

  test('a summary sheet name taken meanwhile: nothing is written', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const plan = planOf(xlsx);
    book.addSheet(plan.sheets[1].name);
    const before = names(book);
    const e = await failure(adapterOn(book).writePlan(plan));
    expect(e.text('zh-CN')).toBe(`工作簿中已有名为「${plan.sheets[1].name}」的工作表，汇总表未写入。请重新生成。`);
    expect(names(book)).toEqual(before);
  });

  test('a protected workbook structure: nothing is written', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    book.protectedStructure = true;
    const before = names(book);
    const e = await failure(adapterOn(book).writePlan(planOf(xlsx)));
    expect(e.problem).toBe('protected-workbook');
    expect(names(book)).toEqual(before);
  });

  test('a response over the limit', async () => {
    const { xlsx } = await twoWays(SAMPLE);
    const { fakeFromWorkbook } = await import('../../support/fakeExcel/fromXlsx');
    const small = fakeFromWorkbook(xlsx.workbook, { maxResponseBytes: 20_000 });
    const e = await failure(adapterOn(small).readGrids(xlsx.grids().map((g) => g.name)));
    expect(e.text('zh-CN')).toBe('数据量超出 Excel 单次传输的上限，请减少工作表后再试。');
  });
});

describe('requirement sets', () => {
  test(`below ExcelApi ${MIN_EXCEL_API}: a clear message before anything is tried`, async () => {
    const { book } = await twoWays(SAMPLE, '1.6');
    book.resetStats();
    const e = await failure(adapterOn(book).listSheets());
    expect(e.text('zh-CN')).toBe('此版本的 Excel 不支持所需功能（Excel JavaScript API，需要 ExcelApi 1.7）。请更新 Office 或使用网页版 Excel。');
    expect(book.stats.syncs).toBe(0);
  });

  test('every optional feature is detected from its own set', () => {
    for (const f of FEATURES) {
      const below = adapterOn(new FakeExcel({ apiVersion: `1.${Number(f.version.split('.')[1]) - 1}` }));
      const at = adapterOn(new FakeExcel({ apiVersion: f.version }));
      expect([f.feature, below.caps[f.feature], at.caps[f.feature]]).toEqual([f.feature, false, true]);
    }
  });

  test('ExcelApi 1.12: sheets are read without merged areas, and the user is told', async () => {
    const { xlsx, book } = await twoWays(SAMPLE, '1.12');
    const adapter = adapterOn(book);
    const grids = await adapter.readGrids(xlsx.grids().map((g) => g.name));
    expect(grids.every((g) => g.merges.length === 0)).toBe(true);
    expect(adapter.notices.map((n) => noticeText(n, 'zh-CN'))).toEqual(['此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），表头可能识别不全。']);
  });

  test('ExcelApi 1.8: the summary is written without print settings or notes, and the user is told', async () => {
    const { xlsx, book } = await twoWays(SAMPLE, '1.8');
    const adapter = adapterOn(book);
    const plan = planOf(xlsx);
    await adapter.writePlan(plan);
    expect(book.sheet(plan.sheets[0].name)?.pageLayout).toEqual({});
    expect(adapter.notices.map((n) => n.key)).toContain('excel.page-layout-unavailable');
  });
});

describe('merged areas past Excel’s 512', () => {
  test('are read in windows of rows instead', async () => {
    const book = new FakeExcel();
    const sheet = book.addSheet('多合并');
    const rows = 700;
    sheet.setValues(0, 0, Array.from({ length: rows }, (_, r) => [`地区${r}`, null, r]));
    for (let r = 0; r < rows; r++) sheet.addMerge({ top: r, left: 0, bottom: r, right: 1 });
    const adapter = adapterOn(book);
    const [grid] = await adapter.readGrids(['多合并']);
    expect(grid.merges).toHaveLength(rows);
    expect(new Set(grid.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right))).size).toBe(rows);
    expect(adapter.notices).toEqual([]);
  });
});

describe('go to a cell', () => {
  test('activates the sheet, then selects the cell', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const target = xlsx.grids()[3].name;
    book.resetStats();
    await adapterOn(book).goTo(target, 'C7');
    expect(book.activeSheet).toBe(target);
    expect(book.selection?.sheet).toBe(target);
    expect(book.selection?.address).toMatch(/C7$/);
    expect(book.stats.syncs).toBe(1);
  });

  test('on a hidden sheet: says the sheet is hidden (one more sync, only after Excel refused), nothing selected', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const target = xlsx.grids()[3].name;
    const active = book.activeSheet;
    for (const visibility of ['Hidden', 'VeryHidden'] as const) {
      book.sheet(target)!.visibility = visibility;
      book.resetStats();
      const e = await failure(adapterOn(book).goTo(target, 'C7'));
      expect(e.problem).toBe('sheet-hidden');
      expect(e.text('zh-CN')).toBe(`工作表「${target}」已隐藏，无法选中其中的单元格 C7。如需查看，请先取消隐藏该工作表（右键单击工作表标签 > 取消隐藏）。`);
      expect(e.text('en-US')).toBe(`Sheet "${target}" is hidden, so its cell C7 cannot be selected. To see it, unhide the sheet first (right-click a sheet tab > Unhide).`);
      expect(book.stats.syncs).toBe(2);
      expect([book.activeSheet, book.selection]).toEqual([active, null]);
    }
    // a sheet deleted is still said to be gone
    expect((await failure(adapterOn(book).goTo('已删除的表', 'A1'))).problem).toBe('sheet-gone');
  });
});
