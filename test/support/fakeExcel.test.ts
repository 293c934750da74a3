/**
 * The in-memory Office.js fake: strict where Excel is strict.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { FakeExcelOptions, FakeRequestContext, WorksheetProxy } from './fakeExcel';
import { FakeExcel, FakeOfficeError, MAX_COLS, MAX_ROWS } from './fakeExcel';
import { fakeFromWorkbook, fakeFromXlsxFile } from './fakeExcel/fromXlsx';
import { describeReal } from './realFixtures';

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

async function failure(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return e as FakeOfficeError;
  }
  throw new Error('expected the promise to reject');
}

function thrown(fn: () => unknown): FakeOfficeError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FakeOfficeError);
    return e as FakeOfficeError;
  }
  throw new Error('expected a throw');
}

function setup(opts?: FakeExcelOptions): { book: FakeExcel; sheet: ReturnType<FakeExcel['addSheet']> } {
  const book = new FakeExcel(opts);
  const sheet = book.addSheet('Sheet1');
  return { book, sheet };
}

const ws = (ctx: FakeRequestContext, name = 'Sheet1'): WorksheetProxy => ctx.workbook.worksheets.getItem(name);

/** Run one batch that queues `queue` and syncs; resolves to the sync's error (or null). */
async function trySync(book: FakeExcel, queue: (ctx: FakeRequestContext) => void): Promise<FakeOfficeError | null> {
  return book.run(async (ctx) => {
    queue(ctx);
    try {
      await ctx.sync();
      return null;
    } catch (e) {
      return e as FakeOfficeError;
    }
  });
}

// ---------------------------------------------------------------------------
// load / sync strictness
// ---------------------------------------------------------------------------

describe('loading and syncing', () => {
  test('a property is readable only after load and sync; the throw is synchronous PropertyNotLoaded', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1:C2');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      r.load('values');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      const pending = ctx.sync();
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded'); // not before the promise settles
      await pending;
      expect(r.values).toEqual([
        [1, 2, 3],
        [4, 5, 6],
      ]);
      const e = thrown(() => r.valueTypes);
      expect(e.code).toBe('PropertyNotLoaded');
      expect(e.debugInfo).toEqual({ code: 'PropertyNotLoaded', message: e.message, errorLocation: 'Range.valueTypes' });
    });
  });

  test('setting a property does not make it readable, and invalidates an earlier load of it', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1');
      r.values = [[7]];
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      await ctx.sync();
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      r.load('values, address');
      await ctx.sync();
      expect(r.values).toEqual([[7]]);
      r.values = [[8]];
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
      expect(r.address).toBe('Sheet1!A1');
    });
  });

  test('collection items need a load; only the loaded item properties are readable', async () => {
    const book = new FakeExcel();
    book.addSheet('One');
    book.addSheet('Two', { visibility: 'Hidden' });
    await book.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(thrown(() => sheets.items).code).toBe('PropertyNotLoaded');
      sheets.load('items/name');
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['One', 'Two']);
      expect(thrown(() => sheets.items[1].visibility).code).toBe('PropertyNotLoaded');
      sheets.load('name, visibility'); // shorthand for items/…
      await ctx.sync();
      expect(sheets.items.map((s) => s.visibility)).toEqual(['Visible', 'Hidden']);
      sheets.load();
      await ctx.sync();
      expect(sheets.items.map((s) => [s.position, s.id.length > 0])).toEqual([
        [0, true],
        [1, true],
      ]);
    });
  });

  test('load() loads every scalar property; arrays and nested paths work; unknown names fail at sync', async () => {
    const { book, sheet } = setup();
    sheet.setCell(1, 1, { value: 5, fill: { color: '#00FF00' } });
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('B2');
      r.load();
      r.load(['format/fill/color', 'format/font/bold']);
      await ctx.sync();
      expect([r.address, r.rowIndex, r.columnIndex, r.rowCount, r.columnCount, r.cellCount]).toEqual(['Sheet1!B2', 1, 1, 1, 1, 1]);
      expect([r.values, r.valueTypes, r.numberFormat, r.formulas, r.text]).toEqual([[[5]], [['Double']], [['General']], [[5]], [['5']]]);
      expect(r.format.fill.color).toBe('#00FF00');
      expect(r.format.font.bold).toBe(false);
      expect(thrown(() => r.format.font.italic).code).toBe('PropertyNotLoaded');
      expect(r.toJSON()).toMatchObject({ address: 'Sheet1!B2', values: [[5]] });
      r.load('valuez');
      const e = await failure(ctx.sync());
      expect(e.code).toBe('InvalidArgument');
    });
  });

  test('writes are invisible in the workbook until sync', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      ws(ctx).getRange('A1:B1').values = [[1, 'x']];
      ws(ctx).getRange('A1').format.fill.color = '#ff0000';
      expect(sheet.cell(0, 0).value).toBeNull();
      expect(sheet.cell(0, 0).fill.color).toBeNull();
      await ctx.sync();
      expect(sheet.cell(0, 0)).toMatchObject({ value: 1, type: 'Double', fill: { color: '#FF0000', pattern: 'Solid' } });
      expect(sheet.cell(0, 1)).toMatchObject({ value: 'x', type: 'String' });
    });
  });

  test('operations run in queue order: a load after a write sees it, a load before does not', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [[1]]);
    await book.run(async (ctx) => {
      const before = ws(ctx).getRange('A1').load('values');
      ws(ctx).getRange('A1').values = [[2]];
      const after = ws(ctx).getRange('A1').load('values');
      await ctx.sync();
      expect(before.values).toEqual([[1]]);
      expect(after.values).toEqual([[2]]);
    });
  });

  test('a failing operation keeps what ran before it, drops the rest and delivers no loads', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const s = ws(ctx);
      s.getRange('A1').values = [['first']];
      const early = s.getRange('A1').load('values');
      ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
      s.getRange('A2').values = [['after']];
      const e = await failure(ctx.sync());
      expect(e.code).toBe('ItemNotFound');
      expect(e.debugInfo.errorLocation).toBe('Workbook.worksheets.getItem');
      expect(thrown(() => early.values).code).toBe('PropertyNotLoaded');
    });
    expect(sheet.cell(0, 0).value).toBe('first');
    expect(sheet.cell(1, 0).value).toBeNull();
  });

  test('objects created by operations that never ran are invalid later', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Missing');
      const r = ws(ctx).getRange('A1');
      await failure(ctx.sync());
      r.values = [[1]];
      const e = await failure(ctx.sync());
      expect(e.code).toBe('GeneralException');
      expect(e.message).toMatch(/InvalidObjectPath/);
    });
  });

  test('run returns the batch result, syncs what is left queued, and closes the context', async () => {
    const { book, sheet } = setup();
    let kept: FakeRequestContext | undefined;
    const out = await book.run(async (ctx) => {
      kept = ctx;
      ws(ctx).getRange('C3').values = [[3]];
      return 'done';
    });
    expect(out).toBe('done');
    expect(sheet.cell(2, 2).value).toBe(3);
    expect(book.stats.syncs).toBe(1);
    ws(kept!).getRange('C3').values = [[4]];
    expect((await failure(kept!.sync())).code).toBe('InvalidOperation');
    expect(sheet.cell(2, 2).value).toBe(3);
    const notPromise = await failure(book.run((() => 1) as unknown as () => Promise<number>));
    expect(notPromise.message).toMatch(/RunMustReturnPromise/);
  });

  test('a proxy from another context is refused as an argument', async () => {
    const { book } = setup();
    const other = book.newContext();
    const foreign = ws(other).getRange('B2');
    const e = await trySync(book, (ctx) => ws(ctx).freezePanes.freezeAt(foreign));
    expect(e?.code).toBe('InvalidArgument');
  });
});

// ---------------------------------------------------------------------------
// OrNullObject
// ---------------------------------------------------------------------------

describe('OrNullObject', () => {
  test('isNullObject is readable after the next sync without a load; null objects load null and ignore writes', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('SHEET1');
      expect(thrown(() => missing.isNullObject).code).toBe('PropertyNotLoaded');
      missing.load('name');
      const r = missing.getRange('A1');
      r.values = [[1]];
      r.format.fill.color = '#FF0000';
      missing.delete();
      r.load('values, address');
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(missing.name).toBeNull();
      expect(r.isNullObject).toBe(true);
      expect(r.values).toBeNull();
      expect(r.address).toBeNull();
    });
    expect(book.sheets().map((s) => s.name)).toEqual(['Sheet1']);
    expect(sheet.cellsSnapshot()).toEqual({});
  });

  test('getUsedRangeOrNullObject: null on a blank sheet; getUsedRange gives A1 there', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const u = ws(ctx).getUsedRangeOrNullObject();
      const plain = ws(ctx).getUsedRange().load('address');
      await ctx.sync();
      expect(u.isNullObject).toBe(true);
      expect(plain.address).toBe('Sheet1!A1');
    });
    sheet.setValues(4, 2, [[1, null, 'x']]);
    sheet.setCell(9, 1, { fill: { color: '#FFFF00' } });
    sheet.addMerge('F2:G3');
    await book.run(async (ctx) => {
      const all = ws(ctx).getUsedRangeOrNullObject().load('address');
      const values = ws(ctx).getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(all.isNullObject).toBe(false);
      expect(all.address).toBe('Sheet1!B2:G10');
      expect(values.address).toBe('Sheet1!C2:G5');
    });
  });

  test('non-OrNullObject getters of missing items reject the sync with ItemNotFound', async () => {
    const { book } = setup();
    const e = await trySync(book, (ctx) => ctx.workbook.worksheets.getItem('x').load('name'));
    expect(e?.code).toBe('ItemNotFound');
  });
});

// ---------------------------------------------------------------------------
// addresses
// ---------------------------------------------------------------------------

describe('addresses', () => {
  test('getRange honours the address; returned addresses carry the sheet, quoted when needed, without $', async () => {
    const book = new FakeExcel();
    const names = ['Sheet1', 'My sheet', "O'Brien", '2024', 'A1', '汇总', 'Data_1.x', 'R2C3'];
    for (const n of names) book.addSheet(n);
    await book.run(async (ctx) => {
      const rs = names.map((n) => ws(ctx, n).getRange('$B$3:D5').load('address, rowIndex, columnIndex, rowCount, columnCount'));
      await ctx.sync();
      expect(rs.map((r) => r.address)).toEqual([
        'Sheet1!B3:D5',
        "'My sheet'!B3:D5",
        "'O''Brien'!B3:D5",
        "'2024'!B3:D5",
        "'A1'!B3:D5",
        '汇总!B3:D5',
        'Data_1.x!B3:D5',
        "'R2C3'!B3:D5",
      ]);
      expect([rs[0].rowIndex, rs[0].columnIndex, rs[0].rowCount, rs[0].columnCount]).toEqual([2, 1, 3, 3]);
    });
  });

  test('a sheet prefix must name the worksheet (case-insensitive, quotes allowed)', async () => {
    const book = new FakeExcel();
    book.addSheet('My sheet');
    book.addSheet('Other');
    await book.run(async (ctx) => {
      const a = ws(ctx, 'My sheet').getRange("'my SHEET'!C2").load('address');
      const b = ws(ctx, 'Other').getRange('other!A1:B2').load('address');
      await ctx.sync();
      expect(a.address).toBe("'My sheet'!C2");
      expect(b.address).toBe('Other!A1:B2');
    });
    expect((await trySync(book, (ctx) => ws(ctx, 'Other').getRange("'My sheet'!A1").load('address')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => ws(ctx, 'My sheet').getRange('My sheet!A1').load('address')))?.code).toBe('InvalidArgument');
  });

  test('whole columns and rows', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const cols = ws(ctx).getRange('B:C').load('address, rowCount, cellCount');
      const rows = ws(ctx).getRange('$4:$5').load('address, columnCount');
      const entire = ws(ctx).getRange('C7').getEntireColumn().load('address');
      const entireRow = ws(ctx).getRange('C7:D8').getEntireRow().load('address');
      const sheetRange = ws(ctx).getRange().load('address');
      await ctx.sync();
      expect([cols.address, cols.rowCount, cols.cellCount]).toEqual(['Sheet1!B:C', MAX_ROWS, 2 * MAX_ROWS]);
      expect([rows.address, rows.columnCount]).toEqual(['Sheet1!4:5', MAX_COLS]);
      expect(entire.address).toBe('Sheet1!C:C');
      expect(entireRow.address).toBe('Sheet1!7:8');
      expect(sheetRange.address).toBe(`Sheet1!1:${MAX_ROWS}`);
    });
  });

  test('getRangeByIndexes is 0-based; sizes outside the grid or below 1 fail at sync', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const r = ws(ctx).getRangeByIndexes(2, 1, 3, 3).load('address');
      const last = ws(ctx).getRangeByIndexes(MAX_ROWS - 1, MAX_COLS - 1, 1, 1).load('address');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!B3:D5');
      expect(last.address).toBe('Sheet1!XFD1048576');
    });
    const bads: [number, number, number, number][] = [
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [MAX_ROWS - 1, 0, 2, 1],
      [0, MAX_COLS - 1, 1, 2],
      [-1, 0, 1, 1],
      [0.5, 0, 1, 1],
    ];
    for (const [r, c, n, m] of bads) {
      expect((await trySync(book, (ctx) => ws(ctx).getRangeByIndexes(r, c, n, m).load('address')))?.code).toBe('InvalidArgument');
    }
    for (const bad of ['A0', 'XFE1', 'A1048577', 'A1:B2:C3', 'A1,B2', '', '1A']) {
      if (bad === '') continue; // getRange('') is the whole sheet
      expect((await trySync(book, (ctx) => ws(ctx).getRange(bad).load('address')))?.code).toBe('InvalidArgument');
    }
  });

  test('property: getRange(address of getRangeByIndexes) is the same rectangle', async () => {
    const { book } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: MAX_ROWS - 1 }),
        fc.integer({ min: 0, max: MAX_COLS - 1 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        async (row, col, n, m) => {
          fc.pre(row + n <= MAX_ROWS && col + m <= MAX_COLS);
          await book.run(async (ctx) => {
            const a = ws(ctx).getRangeByIndexes(row, col, n, m).load('address');
            await ctx.sync();
            const b = ws(ctx).getRange(a.address).load('rowIndex, columnIndex, rowCount, columnCount');
            await ctx.sync();
            expect([b.rowIndex, b.columnIndex, b.rowCount, b.columnCount]).toEqual([row, col, n, m]);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  test('getCell, getResizedRange, getOffsetRange, getRow, getColumn', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const base = ws(ctx).getRange('B2:D4');
      const got = [
        base.getCell(1, 2),
        base.getResizedRange(1, -1),
        base.getOffsetRange(2, 1),
        base.getRow(2),
        base.getColumn(0),
        ws(ctx).getCell(9, 0),
      ].map((r) => r.load('address'));
      await ctx.sync();
      expect(got.map((r) => r.address)).toEqual(['Sheet1!D3', 'Sheet1!B2:C5', 'Sheet1!C4:E6', 'Sheet1!B4:D4', 'Sheet1!B2:B4', 'Sheet1!A10']);
    });
    expect((await trySync(book, (ctx) => ws(ctx).getRange('B2').getResizedRange(-1, 0).load('address')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => ws(ctx).getRange('B2').getOffsetRange(-2, 0).load('address')))?.code).toBe('InvalidArgument');
  });
});

// ---------------------------------------------------------------------------
// writing and reading cells
// ---------------------------------------------------------------------------

describe('cell values', () => {
  test('2-D arrays must match the range exactly (nothing applied otherwise)', async () => {
    const { book, sheet } = setup();
    for (const bad of [[[1, 2]], [[1], [2], [3]], [[1, 2], [3]], [1, 2]]) {
      const e = await trySync(book, (ctx) => {
        ws(ctx).getRange('A1:B2').values = bad as unknown as unknown[][];
      });
      expect(e?.code).toBe('InvalidArgument');
    }
    const e = await trySync(book, (ctx) => {
      ws(ctx).getRange('A1:B2').numberFormat = [['0'], ['0']];
    });
    expect(e?.code).toBe('InvalidArgument');
    expect(sheet.cellsSnapshot()).toEqual({});
  });

  test('a single value applies to every cell; null elements leave cells alone; null itself is invalid', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1:B2');
      (r as unknown as { values: unknown }).values = 5;
      (r as unknown as { numberFormat: unknown }).numberFormat = '0.0';
      await ctx.sync();
      r.values = [
        [null, 'x'],
        ['', null],
      ];
      r.load('values, numberFormat');
      await ctx.sync();
      expect(r.values).toEqual([
        [5, 'x'],
        ['', 5],
      ]);
      expect(r.numberFormat).toEqual([
        ['0.0', '0.0'],
        ['0.0', '0.0'],
      ]);
    });
    const e = await trySync(book, (ctx) => {
      (ws(ctx).getRange('A1') as unknown as { values: unknown }).values = null;
    });
    expect(e?.code).toBe('InvalidArgument');
    expect(sheet.cell(0, 0).value).toBe(5);
  });

  test('writing values is typing: apostrophes, formulas, numbers, percentages, booleans, errors, dates', async () => {
    const { book, sheet } = setup();
    const inputs = [
      "'0123",
      '=SUM(A1:A3)',
      '-A1',
      '+B2',
      '12',
      ' 1,234.5 ',
      '1e3',
      '-3.5',
      '12%',
      'TRUE',
      'false',
      '#N/A',
      '2025-03',
      '2025/3/1',
      '2025-03-31',
      '-',
      'abc',
      '',
      '(5)',
      '1,23',
    ];
    await book.run(async (ctx) => {
      const r = ws(ctx).getRangeByIndexes(0, 0, 1, inputs.length);
      r.values = [inputs];
      r.load('values, valueTypes, formulas');
      await ctx.sync();
      expect(r.formulas[0]).toEqual([
        '0123',
        '=SUM(A1:A3)',
        '=-A1',
        '=+B2',
        12,
        1234.5,
        1000,
        -3.5,
        0.12,
        true,
        false,
        '#N/A',
        45717,
        45717,
        45747,
        '-',
        'abc',
        '',
        -5,
        '1,23',
      ]);
      expect(r.valueTypes[0]).toEqual([
        'String',
        'Empty',
        'Empty',
        'Empty',
        'Double',
        'Double',
        'Double',
        'Double',
        'Double',
        'Boolean',
        'Boolean',
        'Error',
        'Double',
        'Double',
        'Double',
        'String',
        'String',
        'Empty',
        'Double',
        'String',
      ]);
      expect(r.values[0].slice(0, 4)).toEqual(['0123', '', '', '']);
    });
    expect(sheet.cell(0, 1)).toMatchObject({ formula: '=SUM(A1:A3)', value: null, type: 'Empty' });
    expect(sheet.cell(0, 8).numberFormat).toBe('0%');
    expect(sheet.cell(0, 5).numberFormat).toBe('#,##0.00');
    expect(sheet.cell(0, 12).numberFormat).toBe('mmm-yy');
    expect(sheet.cell(0, 14).numberFormat).toBe('m/d/yyyy');
  });

  test("'M/D' becomes a date of the current year", async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      ws(ctx).getRange('A1').values = [['3/1']];
    });
    const y = new Date().getFullYear();
    expect(sheet.cell(0, 0).value).toBe((Date.UTC(y, 2, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(sheet.cell(0, 0).type).toBe('Double');
  });

  test("cells formatted as text ('@') keep strings as typed", async () => {
    const { book, sheet } = setup();
    const inputs = ['=A1', '12', "'x", 'TRUE', '2025-03', '-A1', '12%'];
    await book.run(async (ctx) => {
      const r = ws(ctx).getRangeByIndexes(0, 0, 1, inputs.length);
      (r as unknown as { numberFormat: unknown }).numberFormat = '@';
      r.values = [inputs];
      r.load('values, valueTypes');
      await ctx.sync();
      expect(r.values[0]).toEqual(inputs);
      expect(r.valueTypes[0]).toEqual(inputs.map(() => 'String'));
      ws(ctx).getRange('A2:B2').values = [[12, true]]; // numbers and booleans stay typed
    });
    expect([sheet.cell(1, 0).type, sheet.cell(1, 1).type]).toEqual(['Double', 'Boolean']);
  });

  test('formulas: written through formulas or values, read back; results from evaluate', async () => {
    const evaluate = jest.fn((formula: string, sheetName: string, row: number, col: number) => (formula === '=1/0' ? '#DIV/0!' : `${sheetName}:${row},${col}`));
    const { book, sheet } = setup({ evaluate });
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1:C1');
      r.formulas = [['=1/0', '=B9', 'plain']];
      r.load('values, valueTypes, formulas, text');
      await ctx.sync();
      expect(r.formulas).toEqual([['=1/0', '=B9', 'plain']]);
      expect(r.values).toEqual([['#DIV/0!', 'Sheet1:0,1', 'plain']]);
      expect(r.valueTypes).toEqual([['Error', 'String', 'String']]);
      expect(r.text).toEqual([['#DIV/0!', 'Sheet1:0,1', 'plain']]);
    });
    expect(sheet.cell(0, 0)).toMatchObject({ formula: '=1/0', value: '#DIV/0!', type: 'Error' });
    expect((await trySync(book, (ctx) => (ws(ctx).getRange('A1').formulas = [['=SUM(A1']])))?.code).toBe('InvalidArgument');
  });

  test('without evaluate a written formula reads as empty', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1');
      r.values = [['=2+2']];
      r.load('values, valueTypes, formulas');
      await ctx.sync();
      expect([r.values, r.valueTypes, r.formulas]).toEqual([[['']], [['Empty']], [['=2+2']]]);
    });
  });

  test('reads: empty is "", errors are their code, booleans text TRUE/FALSE, numbers', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [[1.5, 'a', true, null, '#DIV/0!', '#REF!']]);
    sheet.setCell(0, 1, { numberFormat: '@' });
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1:F1').load('values, valueTypes, text, numberFormat');
      await ctx.sync();
      expect(r.values).toEqual([[1.5, 'a', true, '', '#DIV/0!', '#REF!']]);
      expect(r.valueTypes).toEqual([['Double', 'String', 'Boolean', 'Empty', 'Error', 'Error']]);
      expect(r.text).toEqual([['1.5', 'a', 'TRUE', '', '#DIV/0!', '#REF!']]);
      expect(r.numberFormat).toEqual([['General', '@', 'General', 'General', 'General', 'General']]);
    });
  });

  test('reads past maxCellsPerRead, and of whole columns or rows, give null', async () => {
    const { book } = setup({ maxCellsPerRead: 10 });
    await book.run(async (ctx) => {
      const big = ws(ctx).getRange('A1:D3').load('values, valueTypes, numberFormat, formulas, text, address, cellCount');
      const small = ws(ctx).getRange('A1:B5').load('values');
      await ctx.sync();
      expect([big.values, big.valueTypes, big.numberFormat, big.formulas, big.text]).toEqual([null, null, null, null, null]);
      expect([big.address, big.cellCount]).toEqual(['Sheet1!A1:D3', 12]);
      expect(small.values).toHaveLength(5);
    });
    const { book: b2 } = setup();
    await b2.run(async (ctx) => {
      const col = ws(ctx).getRange('A1').getEntireColumn().load('values, numberFormat');
      const row = ws(ctx).getRange('3:3').load('values');
      await ctx.sync();
      expect([col.values, col.numberFormat, row.values]).toEqual([null, null, null]);
    });
  });

  test('hyperlinks: textToDisplay becomes the text; loadable', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('B2');
      r.hyperlink = { documentReference: "'Sheet1'!A1", textToDisplay: '返回目录', screenTip: 'go' };
      r.load('hyperlink, values');
      await ctx.sync();
      expect(r.hyperlink).toEqual({ documentReference: "'Sheet1'!A1", textToDisplay: '返回目录', screenTip: 'go' });
      expect(r.values).toEqual([['返回目录']]);
      const none = ws(ctx).getRange('C3').load('hyperlink');
      await ctx.sync();
      expect(none.hyperlink).toBeNull();
    });
    expect(sheet.cell(1, 1).hyperlink).toEqual({ documentReference: "'Sheet1'!A1", textToDisplay: '返回目录', screenTip: 'go' });
  });
});

// ---------------------------------------------------------------------------
// merges
// ---------------------------------------------------------------------------

describe('merges', () => {
  test('merge clears every non-anchor cell and records the area; writes to non-anchors are ignored', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [
      ['keep', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    await book.run(async (ctx) => {
      ws(ctx).getRange('A1:C2').merge();
      await ctx.sync();
      const r = ws(ctx).getRange('A1:C2');
      r.values = [
        ['new', 'x', 'y'],
        ['', 'z', null],
      ];
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([
        ['new', '', ''],
        ['', '', ''],
      ]);
    });
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 1, right: 2 }]);
  });

  test("'' written to a merged non-anchor clears it (a seeded workbook may hold one)", async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [['a', 'stray']]);
    sheet.addMerge('A1:B1');
    await book.run(async (ctx) => {
      ws(ctx).getRange('B1').values = [['ignored']];
      await ctx.sync();
      expect(sheet.cell(0, 1).value).toBe('stray');
      ws(ctx).getRange('B1').values = [['']];
    });
    expect(sheet.cell(0, 1).value).toBeNull();
  });

  test('merge across merges each row; a partial overlap is InvalidOperation; a containing merge absorbs', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      ws(ctx).getRange('A1:C2').merge(true);
    });
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 1, right: 2 },
    ]);
    const e = await trySync(book, (ctx) => ws(ctx).getRange('B2:D3').merge());
    expect(e?.code).toBe('InvalidOperation');
    await book.run(async (ctx) => ws(ctx).getRange('A1:D3').merge());
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 3 }]);
    await book.run(async (ctx) => ws(ctx).getRange('B2').unmerge());
    expect(sheet.merges).toEqual([]);
  });

  test('getMergedAreasOrNullObject: areas intersecting the range, null when none', async () => {
    const { book, sheet } = setup();
    sheet.addMerge('C3:D4');
    sheet.addMerge('A1:B1');
    sheet.addMerge('H8:H9');
    await book.run(async (ctx) => {
      const m = ws(ctx).getRange('A1:D5').getMergedAreasOrNullObject();
      m.load('address, areaCount, cellCount');
      m.areas.load('items/address');
      const none = ws(ctx).getRange('E1:G5').getMergedAreasOrNullObject();
      await ctx.sync();
      expect(m.isNullObject).toBe(false);
      expect(m.address).toBe('Sheet1!A1:B1,Sheet1!C3:D4');
      expect([m.areaCount, m.cellCount]).toEqual([2, 6]);
      expect(m.areas.items.map((a) => a.address)).toEqual(['Sheet1!A1:B1', 'Sheet1!C3:D4']);
      expect(none.isNullObject).toBe(true);
    });
  });

  test('getMergedAreasOrNullObject fails past 512 merged areas', async () => {
    const { book, sheet } = setup();
    for (let i = 0; i < 513; i++) sheet.addMerge({ top: i, left: 0, bottom: i, right: 1 });
    await book.run(async (ctx) => {
      const ok = ws(ctx).getRange('A1:B512').getMergedAreasOrNullObject().load('areaCount');
      await ctx.sync();
      expect(ok.areaCount).toBe(512);
      ws(ctx).getRange('A1:B513').getMergedAreasOrNullObject().load('areaCount');
      const e = await failure(ctx.sync());
      expect(e.code).toBe('GeneralException');
      expect(e.debugInfo.errorLocation).toBe('Range.getMergedAreasOrNullObject');
    });
  });
});

// ---------------------------------------------------------------------------
// formats
// ---------------------------------------------------------------------------

describe('formats', () => {
  test('fill: colour makes a solid fill; clear() removes it; an unfilled cell loads #FFFFFF; mixed loads null', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      ws(ctx).getRange('A1:B2').format.fill.color = '#ffcc00';
      ws(ctx).getRange('B2').format.fill.clear();
      const filled = ws(ctx).getRange('A1:B1').load('format/fill/color, format/fill/pattern');
      const plain = ws(ctx).getRange('B2').load('format/fill/color, format/fill/pattern');
      const mixed = ws(ctx).getRange('A1:B2').load('format/fill/color');
      await ctx.sync();
      expect([filled.format.fill.color, filled.format.fill.pattern]).toEqual(['#FFCC00', 'Solid']);
      expect([plain.format.fill.color, plain.format.fill.pattern]).toEqual(['#FFFFFF', 'None']);
      expect(mixed.format.fill.color).toBeNull();
    });
    expect(sheet.cell(0, 0).fill).toEqual({ color: '#FFCC00', pattern: 'Solid' });
    expect(sheet.cell(1, 1).fill).toEqual({ color: null, pattern: 'None' });
    expect((await trySync(book, (ctx) => (ws(ctx).getRange('A1').format.fill.color = 'not a colour')))?.code).toBe('InvalidArgument');
  });

  test('font, alignment, wrap: set per range, null when the cells differ', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const f = ws(ctx).getRange('A1:C1').format;
      f.font.bold = true;
      f.font.color = '#1F4E79';
      f.font.size = 14;
      f.font.name = 'SimSun';
      f.font.underline = 'Single';
      f.horizontalAlignment = 'Center';
      f.verticalAlignment = 'Top';
      f.wrapText = true;
      ws(ctx).getRange('C1').format.font.italic = true;
      const r = ws(ctx).getRange('A1:C1').load([
        'format/font/bold',
        'format/font/italic',
        'format/font/color',
        'format/font/size',
        'format/font/name',
        'format/font/underline',
        'format/horizontalAlignment',
        'format/verticalAlignment',
        'format/wrapText',
      ]);
      await ctx.sync();
      const { font } = r.format;
      expect([font.bold, font.italic, font.color, font.size, font.name, font.underline]).toEqual([true, null, '#1F4E79', 14, 'SimSun', 'Single']);
      expect([r.format.horizontalAlignment, r.format.verticalAlignment, r.format.wrapText]).toEqual(['Center', 'Top', true]);
    });
    expect(sheet.cell(0, 2).font).toEqual({ bold: true, italic: true, underline: 'Single', size: 14, name: 'SimSun', color: '#1F4E79' });
    expect(sheet.cell(5, 5).font).toEqual({ bold: false, italic: false, underline: 'None', size: 11, name: 'Calibri', color: '#000000' });
    expect((await trySync(book, (ctx) => (ws(ctx).getRange('A1').format.horizontalAlignment = 'Middle')))?.code).toBe('InvalidArgument');
  });

  test('borders: edges set the outer cells, inside lines set the inner sides; None removes', async () => {
    const { book, sheet } = setup();
    const thin = { style: 'Continuous', weight: 'Thin', color: '#000000' };
    await book.run(async (ctx) => {
      const b = ws(ctx).getRange('B2:D4').format.borders;
      b.getItem('EdgeTop').style = 'Continuous';
      b.getItem('InsideHorizontal').style = 'Continuous';
      const right = b.getItem('EdgeRight');
      right.weight = 'Medium';
      right.color = '#ff0000';
      b.getItem('InsideVertical').style = 'Dash';
    });
    expect(sheet.cell(1, 1).borders).toEqual({ top: thin, bottom: thin, left: null, right: { ...thin, style: 'Dash' } });
    expect(sheet.cell(2, 2).borders).toEqual({ top: thin, bottom: thin, left: { ...thin, style: 'Dash' }, right: { ...thin, style: 'Dash' } });
    expect(sheet.cell(3, 3).borders).toEqual({ top: thin, bottom: null, left: { ...thin, style: 'Dash' }, right: { style: 'Continuous', weight: 'Medium', color: '#FF0000' } });
    expect(sheet.cell(0, 1).borders.bottom).toBeNull();
    expect(sheet.cell(1, 4).borders.left).toBeNull();
    await book.run(async (ctx) => {
      const b = ws(ctx).getRange('B2:D4').format.borders;
      const top = b.getItem('EdgeTop').load('style, weight, color');
      const inside = b.getItem('InsideHorizontal').load('style');
      const left = b.getItem('EdgeLeft').load('style');
      const right = b.getItem('EdgeRight').load('style, weight, color');
      await ctx.sync();
      expect([top.style, top.weight, top.color, inside.style, left.style]).toEqual(['Continuous', 'Thin', '#000000', 'Continuous', 'None']);
      expect([right.style, right.weight, right.color]).toEqual(['Continuous', 'Medium', '#FF0000']);
      b.getItem('EdgeTop').style = 'None';
    });
    expect(sheet.cell(1, 2).borders.top).toBeNull();
    expect((await trySync(book, (ctx) => ws(ctx).getRange('A1').format.borders.getItem('Middle').load('style')))?.code).toBe('InvalidArgument');
  });

  test('column widths and row heights: set every column/row spanned; default 48 and 15; null when mixed', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const def = ws(ctx).getRange('A1:C3').load('format/columnWidth, format/rowHeight');
      await ctx.sync();
      expect([def.format.columnWidth, def.format.rowHeight]).toEqual([48, 15]);
      ws(ctx).getRange('B:C').format.columnWidth = 80;
      ws(ctx).getRange('A2:A3').getEntireRow().format.rowHeight = 30;
      const mixed = ws(ctx).getRange('A1:C3').load('format/columnWidth, format/rowHeight');
      const same = ws(ctx).getRange('B2:C3').load('format/columnWidth, format/rowHeight');
      await ctx.sync();
      expect([mixed.format.columnWidth, mixed.format.rowHeight]).toEqual([null, null]);
      expect([same.format.columnWidth, same.format.rowHeight]).toEqual([80, 30]);
    });
    expect([...sheet.columnWidths]).toEqual([
      [1, 80],
      [2, 80],
    ]);
    expect([...sheet.rowHeights]).toEqual([
      [1, 30],
      [2, 30],
    ]);
  });

  test('formats on whole columns are kept as column formats (no million cells) and read back', async () => {
    const { book, sheet } = setup();
    sheet.setValues(4, 1, [[7]]);
    await book.run(async (ctx) => {
      const col = ws(ctx).getRange('B:B');
      col.format.fill.color = '#DDEBF7';
      (col as unknown as { numberFormat: unknown }).numberFormat = '@';
      ws(ctx).getRange('B3').values = [['0012']];
      const one = ws(ctx).getRange('B100').load('format/fill/color, numberFormat');
      const whole = ws(ctx).getRange('B:B').load('format/fill/color');
      const wider = ws(ctx).getRange('A:B').load('format/fill/color');
      await ctx.sync();
      expect([one.format.fill.color, one.numberFormat]).toEqual(['#DDEBF7', [['@']]]);
      expect(whole.format.fill.color).toBe('#DDEBF7');
      expect(wider.format.fill.color).toBeNull();
    });
    expect(sheet.storedCount()).toBe(2);
    expect(sheet.cell(2, 1)).toMatchObject({ value: '0012', type: 'String', numberFormat: '@' });
    expect(sheet.cell(4, 1)).toMatchObject({ value: 7, numberFormat: '@', fill: { color: '#DDEBF7' } });
    expect(Object.keys(sheet.cellsSnapshot())).toEqual(['B3', 'B5', 'B:B']);
    expect(sheet.usedBounds(false)).toEqual({ top: 2, left: 1, bottom: 4, right: 1 });
  });

  test('clear: Contents keeps formats, Formats keeps values and unmerges, All empties', async () => {
    const { book, sheet } = setup();
    const seed = (): void => {
      sheet.setCell(0, 0, { value: 1, fill: { color: '#FF0000' }, numberFormat: '0.0' });
      sheet.setCell(0, 1, { value: 'x', font: { bold: true } });
      sheet.merges = [{ top: 0, left: 1, bottom: 0, right: 2 }];
    };
    seed();
    await book.run(async (ctx) => ws(ctx).getRange('A1:C1').clear('Contents'));
    expect([sheet.cell(0, 0).value, sheet.cell(0, 0).fill.color, sheet.cell(0, 0).numberFormat, sheet.merges.length]).toEqual([null, '#FF0000', '0.0', 1]);
    seed();
    await book.run(async (ctx) => ws(ctx).getRange('A1:C1').clear('Formats'));
    expect([sheet.cell(0, 0).value, sheet.cell(0, 0).fill.color, sheet.cell(0, 0).numberFormat, sheet.cell(0, 1).font.bold, sheet.merges]).toEqual([
      1,
      null,
      'General',
      false,
      [],
    ]);
    seed();
    await book.run(async (ctx) => ws(ctx).getRange('A1:C1').clear());
    expect(sheet.cellsSnapshot()).toEqual({});
    expect((await trySync(book, (ctx) => ws(ctx).getRange('A1').clear('Everything')))?.code).toBe('InvalidArgument');
  });

  test('RangeAreas from getRanges: address, areas, fill and font colour on every area', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const areas = ws(ctx).getRanges('A1:B2, D4');
      areas.format.fill.color = '#FFFF00';
      areas.format.font.color = '#0000FF';
      areas.load('address, areaCount');
      areas.areas.load('items/address');
      await ctx.sync();
      expect([areas.address, areas.areaCount]).toEqual(['Sheet1!A1:B2,Sheet1!D4', 2]);
      expect(areas.areas.items.map((a) => a.address)).toEqual(['Sheet1!A1:B2', 'Sheet1!D4']);
      areas.format.fill.clear();
    });
    expect(sheet.cell(3, 3).fill).toEqual({ color: null, pattern: 'None' });
    expect(sheet.cell(3, 3).font.color).toBe('#0000FF');
    expect(sheet.cell(1, 1).font.color).toBe('#0000FF');
    expect(sheet.cell(2, 2).font.color).toBe('#000000');
  });
});

// ---------------------------------------------------------------------------
// conditional formats
// ---------------------------------------------------------------------------

describe('conditional formats', () => {
  test('a new rule goes to priority 0; setting priority moves it (clamped); rule and format are recorded', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const a = ws(ctx).getRange('B2:B10').conditionalFormats.add('Custom');
      a.custom.rule.formula = '=B2<0';
      a.custom.format.font.color = '#C00000';
      a.custom.format.font.bold = true;
      a.stopIfTrue = true;
      const b = ws(ctx).getRange('C2:C10').conditionalFormats.add('Custom');
      b.custom.rule.formula = '=C2>100';
      b.custom.format.fill.color = '#FFC7CE';
      b.custom.format.numberFormat = '0.0';
      const c = ws(ctx).getRange('D2:D10').conditionalFormats.add('Custom');
      c.custom.rule.formula = '=D2=""';
      c.custom.format.font.italic = true;
      c.custom.format.font.underline = 'Single';
      await ctx.sync();
      expect(sheet.conditionalFormats.map((x) => x.formula)).toEqual(['=D2=""', '=C2>100', '=B2<0']);
      a.priority = 0;
      c.priority = 99;
      a.load('priority, stopIfTrue, type');
      c.load('priority');
      b.load('custom/rule/formula, custom/format/fill/color, custom/format/font/bold');
      await ctx.sync();
      expect([a.priority, a.stopIfTrue, a.type, c.priority]).toEqual([0, true, 'Custom', 2]);
      expect([b.custom.rule.formula, b.custom.format.fill.color, b.custom.format.font.bold]).toEqual(['=C2>100', '#FFC7CE', null]);
    });
    expect(sheet.conditionalFormats).toEqual([
      { range: { top: 1, left: 1, bottom: 9, right: 1 }, type: 'Custom', formula: '=B2<0', format: { color: '#C00000', bold: true }, stopIfTrue: true },
      { range: { top: 1, left: 2, bottom: 9, right: 2 }, type: 'Custom', formula: '=C2>100', format: { fill: '#FFC7CE', numberFormat: '0.0' }, stopIfTrue: false },
      { range: { top: 1, left: 3, bottom: 9, right: 3 }, type: 'Custom', formula: '=D2=""', format: { italic: true, underline: 'Single' }, stopIfTrue: false },
    ]);
  });

  test('getCount, items, clearAll on the range; only Custom; formulas need "="', async () => {
    const { book, sheet } = setup();
    sheet.conditionalFormats = [
      { range: { top: 0, left: 0, bottom: 9, right: 0 }, type: 'Custom', formula: '=A1>1', format: {}, stopIfTrue: false },
      { range: { top: 0, left: 5, bottom: 9, right: 5 }, type: 'Custom', formula: '=F1>1', format: {}, stopIfTrue: false },
    ];
    await book.run(async (ctx) => {
      const cfs = ws(ctx).getRange('A1:B20').conditionalFormats;
      const n = cfs.getCount();
      cfs.load('items/priority');
      await ctx.sync();
      expect(n.value).toBe(1);
      expect(cfs.items.map((x) => x.priority)).toEqual([0]);
      ws(ctx).getRange('A1:A4').conditionalFormats.clearAll();
    });
    expect(sheet.conditionalFormats[0].range).toEqual({ top: 4, left: 0, bottom: 9, right: 0 });
    await book.run(async (ctx) => ws(ctx).getRange('A:F').conditionalFormats.clearAll());
    expect(sheet.conditionalFormats).toEqual([]);
    expect((await trySync(book, (ctx) => ws(ctx).getRange('A1').conditionalFormats.add('CellValue')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => (ws(ctx).getRange('A1').conditionalFormats.add('Custom').custom.rule.formula = 'A1>0')))?.code).toBe(
      'InvalidArgument',
    );
  });
});

// ---------------------------------------------------------------------------
// notes and comments
// ---------------------------------------------------------------------------

describe('notes and comments', () => {
  test('notes: workbook-level addresses need the sheet; one per cell; load, get, delete, count', async () => {
    const book = new FakeExcel();
    const s1 = book.addSheet('Sheet1');
    const s2 = book.addSheet('My sheet');
    await book.run(async (ctx) => {
      ctx.workbook.notes.add("'My sheet'!C3", 'note on C3');
      ws(ctx).notes.add('B2', 'note on B2');
      ws(ctx).notes.add(ws(ctx).getRange('A5'), 'note on A5');
      await ctx.sync();
      const all = ctx.workbook.notes.load('items/content');
      const count = ctx.workbook.notes.getCount();
      const one = ws(ctx).notes.getItem('Sheet1!B2').load('content');
      const none = ws(ctx).notes.getItemOrNullObject('Z9');
      const loc = one.getLocation().load('address');
      await ctx.sync();
      expect(all.items.map((n) => n.content)).toEqual(['note on B2', 'note on A5', 'note on C3']);
      expect(count.value).toBe(3);
      expect(one.content).toBe('note on B2');
      expect(loc.address).toBe('Sheet1!B2');
      expect(none.isNullObject).toBe(true);
      one.content = 'edited';
      ws(ctx, 'My sheet').notes.getItem('C3').delete();
    });
    expect([...s1.notes]).toEqual([
      ['B2', 'edited'],
      ['A5', 'note on A5'],
    ]);
    expect(s2.notes.size).toBe(0);
    expect((await trySync(book, (ctx) => ctx.workbook.notes.add('B2', 'x')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => ws(ctx).notes.add('B2', 'again')))?.code).toBe('ItemAlreadyExists');
    expect((await trySync(book, (ctx) => ws(ctx).notes.add('B2:B3', 'x')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => ws(ctx).notes.getItem('Q1').load('content')))?.code).toBe('ItemNotFound');
  });

  test('comments: add, duplicate is InvalidOperation, getItemByCell(OrNullObject), content', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      ctx.workbook.comments.add('Sheet1!D4', 'check this');
      ws(ctx).comments.add('E5', 'second');
      const c = ctx.workbook.comments.getItemByCell('Sheet1!D4').load('content');
      const missing = ws(ctx).comments.getItemByCellOrNullObject('A1');
      await ctx.sync();
      expect(c.content).toBe('check this');
      expect(missing.isNullObject).toBe(true);
      c.content = 'changed';
    });
    expect([...sheet.comments]).toEqual([
      ['D4', 'changed'],
      ['E5', 'second'],
    ]);
    expect((await trySync(book, (ctx) => ws(ctx).comments.add('D4', 'again')))?.code).toBe('InvalidOperation');
    expect((await trySync(book, (ctx) => ws(ctx).comments.getItemByCell('A1').load('content')))?.code).toBe('ItemNotFound');
  });
});

// ---------------------------------------------------------------------------
// worksheets
// ---------------------------------------------------------------------------

describe('worksheets', () => {
  test('add appends; names are unique without case and must be legal', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const added = ctx.workbook.worksheets.add('汇总').load('name, position, visibility');
      const count = ctx.workbook.worksheets.getCount();
      const same = ctx.workbook.worksheets.getItem('汇总').load('id');
      await ctx.sync();
      expect([added.name, added.position, added.visibility, count.value]).toEqual(['汇总', 1, 'Visible', 2]);
      expect(same.id).toBe(book.sheet('汇总')!.id);
    });
    expect((await trySync(book, (ctx) => ctx.workbook.worksheets.add('sheet1')))?.code).toBe('ItemAlreadyExists');
    for (const bad of ['', 'a'.repeat(32), 'a/b', 'a\\b', 'a?', 'a*', 'a[1]', 'a:b', "'quoted", "end'", 'History']) {
      expect((await trySync(book, (ctx) => ctx.workbook.worksheets.add(bad)))?.code).toBe('InvalidArgument');
    }
    await book.run(async (ctx) => ctx.workbook.worksheets.add());
    expect(book.sheets().map((s) => s.name)).toEqual(['Sheet1', '汇总', 'Sheet3']);
  });

  test('a proxy follows its sheet through a rename', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const s = ws(ctx);
      s.name = 'Renamed';
      s.getRange('A1').values = [['x']];
      const r = s.getRange('A1').load('address');
      await ctx.sync();
      expect(r.address).toBe('Renamed!A1');
    });
    expect(sheet.name).toBe('Renamed');
    expect(sheet.cell(0, 0).value).toBe('x');
  });

  test('visibility: the last visible sheet cannot be hidden or deleted; the active sheet moves to a visible neighbour', async () => {
    const book = new FakeExcel();
    book.addSheet('A');
    book.addSheet('B');
    book.addSheet('C', { visibility: 'VeryHidden' });
    book.addSheet('D');
    book.activeSheet = 'B';
    await book.run(async (ctx) => {
      ws(ctx, 'B').visibility = 'Hidden';
      const active = ctx.workbook.worksheets.getActiveWorksheet().load('name');
      await ctx.sync();
      expect(active.name).toBe('D');
    });
    await book.run(async (ctx) => ws(ctx, 'D').delete());
    expect([book.activeSheet, book.sheets().map((s) => s.name)]).toEqual(['A', ['A', 'B', 'C']]);
    expect((await trySync(book, (ctx) => (ws(ctx, 'A').visibility = 'Hidden')))?.code).toBe('InvalidOperation');
    expect((await trySync(book, (ctx) => ws(ctx, 'A').delete()))?.code).toBe('InvalidOperation');
    expect((await trySync(book, (ctx) => ws(ctx, 'C').activate()))?.code).toBe('InvalidOperation');
    await book.run(async (ctx) => ws(ctx, 'C').delete()); // a hidden sheet can go
    expect(book.sheets().map((s) => s.name)).toEqual(['A', 'B']);
  });

  test('a deleted sheet is gone for proxies bound to it', async () => {
    const book = new FakeExcel();
    book.addSheet('A');
    book.addSheet('B');
    await book.run(async (ctx) => {
      const b = ws(ctx, 'B');
      b.delete();
      await ctx.sync();
      b.getRange('A1').values = [[1]];
      expect((await failure(ctx.sync())).code).toBe('ItemNotFound');
    });
  });

  test('position moves a sheet', async () => {
    const book = new FakeExcel();
    for (const n of ['A', 'B', 'C']) book.addSheet(n);
    await book.run(async (ctx) => {
      ws(ctx, 'C').position = 0;
    });
    expect(book.sheets().map((s) => s.name)).toEqual(['C', 'A', 'B']);
  });

  test('select needs the active sheet at that point of the queue', async () => {
    const book = new FakeExcel();
    book.addSheet('A');
    book.addSheet('B');
    expect((await trySync(book, (ctx) => ws(ctx, 'B').getRange('C3').select()))?.code).toBe('InvalidOperation');
    expect(book.selection).toBeNull();
    await book.run(async (ctx) => {
      ws(ctx, 'B').activate();
      ws(ctx, 'B').getRange('C3:D4').select();
    });
    expect([book.activeSheet, book.selection]).toEqual(['B', { sheet: 'B', address: 'C3:D4' }]);
  });

  test('freeze panes', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => ws(ctx).freezePanes.freezeRows(2));
    expect(sheet.freeze).toEqual({ rows: 2, cols: 0 });
    await book.run(async (ctx) => ws(ctx).freezePanes.freezeColumns(1));
    expect(sheet.freeze).toEqual({ rows: 0, cols: 1 });
    await book.run(async (ctx) => ws(ctx).freezePanes.freezeAt(ws(ctx).getRange('A1:B3')));
    expect(sheet.freeze).toEqual({ rows: 3, cols: 2 });
    await book.run(async (ctx) => ws(ctx).freezePanes.freezeAt('4:4'));
    expect(sheet.freeze).toEqual({ rows: 4, cols: 0 });
    await book.run(async (ctx) => ws(ctx).freezePanes.unfreeze());
    expect(sheet.freeze).toBeNull();
  });

  test('page layout: settings, print titles and footers are recorded and load back', async () => {
    const { book, sheet } = setup();
    await book.run(async (ctx) => {
      const p = ws(ctx).pageLayout;
      const defaults = p.load('orientation, paperSize, zoom, leftMargin');
      await ctx.sync();
      expect([defaults.orientation, defaults.paperSize, defaults.zoom, defaults.leftMargin]).toEqual(['Portrait', 'Letter', { scale: 100 }, 50.4]);
      p.orientation = 'Landscape';
      p.paperSize = 'A4';
      p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      p.leftMargin = 36;
      p.rightMargin = 36;
      p.topMargin = 40;
      p.bottomMargin = 40;
      p.headerMargin = 20;
      p.footerMargin = 20;
      p.centerHorizontally = true;
      p.centerVertically = false;
      p.setPrintTitleRows('$4:$5');
      p.headersFooters.defaultForAllPages.centerFooter = '第 &P 页';
      p.headersFooters.defaultForAllPages.leftHeader = '&A';
      const back = p.load('orientation, zoom');
      const footer = p.headersFooters.defaultForAllPages.load('centerFooter, rightFooter');
      await ctx.sync();
      expect([back.orientation, back.zoom, footer.centerFooter, footer.rightFooter]).toEqual([
        'Landscape',
        { horizontalFitToPages: 1, verticalFitToPages: 0 },
        '第 &P 页',
        '',
      ]);
    });
    expect(sheet.pageLayout).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: 36,
      rightMargin: 36,
      topMargin: 40,
      bottomMargin: 40,
      headerMargin: 20,
      footerMargin: 20,
      centerHorizontally: true,
      centerVertically: false,
      printTitleRows: '$4:$5',
      centerFooter: '第 &P 页',
      leftHeader: '&A',
    });
    await book.run(async (ctx) => ws(ctx).pageLayout.setPrintTitleRows(ws(ctx).getRange('A2:C3')));
    expect(sheet.pageLayout.printTitleRows).toBe('$2:$3');
    expect((await trySync(book, (ctx) => (ws(ctx).pageLayout.orientation = 'Sideways')))?.code).toBe('InvalidArgument');
    expect((await trySync(book, (ctx) => (ws(ctx).pageLayout.paperSize = 'A9')))?.code).toBe('InvalidArgument');
  });
});

// ---------------------------------------------------------------------------
// protection, edit mode, requirement sets
// ---------------------------------------------------------------------------

describe('protection', () => {
  test('a protected sheet refuses cell changes of every kind but reads fine', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [[1]]);
    sheet.protected = true;
    const changes: ((ctx: FakeRequestContext) => void)[] = [
      (ctx) => (ws(ctx).getRange('A1').values = [[2]]),
      (ctx) => (ws(ctx).getRange('A1').formulas = [['=1']]),
      (ctx) => (ws(ctx).getRange('A1').numberFormat = [['0']]),
      (ctx) => (ws(ctx).getRange('A1').format.fill.color = '#FF0000'),
      (ctx) => ws(ctx).getRange('A1').format.fill.clear(),
      (ctx) => (ws(ctx).getRange('A1').format.font.bold = true),
      (ctx) => (ws(ctx).getRange('A1').format.borders.getItem('EdgeTop').style = 'Continuous'),
      (ctx) => (ws(ctx).getRange('A:A').format.columnWidth = 20),
      (ctx) => ws(ctx).getRange('A1:B1').merge(),
      (ctx) => ws(ctx).getRange('A1:B1').unmerge(),
      (ctx) => ws(ctx).getRange('A1').clear(),
      (ctx) => ws(ctx).notes.add('A1', 'x'),
      (ctx) => ws(ctx).comments.add('A1', 'x'),
      (ctx) => (ws(ctx).getRange('A1').hyperlink = { address: 'https://example.org' }),
      (ctx) => ws(ctx).getRange('A1').conditionalFormats.add('Custom'),
    ];
    for (const change of changes) expect((await trySync(book, change))?.code).toBe('AccessDenied');
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1').load('values');
      const p = ws(ctx).protection.load('protected');
      await ctx.sync();
      expect([r.values, p.protected]).toEqual([[[1]], true]);
      ws(ctx).freezePanes.freezeRows(1); // not a cell change
    });
    expect(sheet.cell(0, 0)).toMatchObject({ value: 1, fill: { color: null } });
    expect(sheet.freeze).toEqual({ rows: 1, cols: 0 });
  });

  test('a protected workbook structure refuses adding, deleting, renaming and hiding sheets', async () => {
    const book = new FakeExcel();
    book.addSheet('A');
    book.addSheet('B');
    book.protectedStructure = true;
    const changes: ((ctx: FakeRequestContext) => void)[] = [
      (ctx) => ctx.workbook.worksheets.add('C'),
      (ctx) => ws(ctx, 'B').delete(),
      (ctx) => (ws(ctx, 'B').name = 'BB'),
      (ctx) => (ws(ctx, 'B').visibility = 'Hidden'),
    ];
    for (const change of changes) expect((await trySync(book, change))?.code).toBe('AccessDenied');
    await book.run(async (ctx) => {
      const p = ctx.workbook.protection.load('protected');
      await ctx.sync();
      expect(p.protected).toBe(true);
      ws(ctx, 'B').getRange('A1').values = [['cells are fine']];
    });
    expect(book.sheets().map((s) => [s.name, s.visibility])).toEqual([
      ['A', 'Visible'],
      ['B', 'Visible'],
    ]);
    expect(book.sheet('B')!.cell(0, 0).value).toBe('cells are fine');
  });
});

describe('cell-edit mode', () => {
  test('every sync fails with InvalidOperationInCellEditMode and applies nothing until editing ends', async () => {
    const { book, sheet } = setup();
    book.editing = true;
    const e = await trySync(book, (ctx) => {
      ws(ctx).getRange('A1').values = [[1]];
      ws(ctx).getRange('A1').load('values');
    });
    expect(e?.code).toBe('InvalidOperationInCellEditMode');
    expect(sheet.cell(0, 0).value).toBeNull();
    book.editing = false;
    expect(await trySync(book, (ctx) => (ws(ctx).getRange('A1').values = [[1]]))).toBeNull();
    expect(sheet.cell(0, 0).value).toBe(1);
  });
});

describe('requirement sets', () => {
  test('isSetSupported compares minor versions numerically', () => {
    const book = new FakeExcel({ apiVersion: '1.9' });
    expect(book.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(book.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(book.isSetSupported('ExcelApi', '1.2')).toBe(true);
    expect(book.isSetSupported('ExcelApiOnline', '1.1')).toBe(false);
    expect(new FakeExcel().isSetSupported('ExcelApi', '1.18')).toBe(true);
    expect(new FakeExcel({ apiVersion: '1.13' }).isSetSupported('ExcelApi', '1.9')).toBe(true);
  });

  test('an API above the host version fails the sync with ApiNotFound, after what ran before it', async () => {
    const cases: [string, (ctx: FakeRequestContext) => void][] = [
      ['1.17', (ctx) => ws(ctx).notes.add('A1', 'x')],
      ['1.12', (ctx) => ws(ctx).getRange('A1:B2').getMergedAreasOrNullObject()],
      ['1.9', (ctx) => ctx.workbook.comments.add('Sheet1!A1', 'x')],
      ['1.8', (ctx) => (ws(ctx).pageLayout.orientation = 'Landscape')],
      ['1.8', (ctx) => ws(ctx).getRanges('A1,B2')],
      ['1.8', (ctx) => (ws(ctx).getRange('A1').format.fill.pattern = 'Solid')],
      ['1.8', (ctx) => ctx.application.suspendScreenUpdatingUntilNextSync()],
      ['1.6', (ctx) => ws(ctx).getRangeByIndexes(0, 0, 1, 1)],
      ['1.6', (ctx) => ws(ctx).getUsedRangeOrNullObject()],
      ['1.6', (ctx) => ws(ctx).freezePanes.freezeAt('B2')],
      ['1.6', (ctx) => ctx.workbook.protection.load('protected')],
      ['1.6', (ctx) => ws(ctx).getRange('A1').load('hyperlink')],
      ['1.5', (ctx) => ws(ctx).getRange('A1').conditionalFormats.add('Custom')],
      ['1.5', (ctx) => ctx.application.suspendApiCalculationUntilNextSync()],
    ];
    for (const [version, call] of cases) {
      const { book, sheet } = setup({ apiVersion: version });
      const e = await trySync(book, (ctx) => {
        ws(ctx).getRange('Z1').values = [['before']];
        call(ctx);
        ws(ctx).getRange('Z2').values = [['after']];
      });
      expect([version, e?.code]).toEqual([version, 'ApiNotFound']);
      expect([sheet.cell(0, 25).value, sheet.cell(1, 25).value]).toEqual(['before', null]);
    }
  });

  test('the same calls work at the version that brings them; load() skips properties the host lacks', async () => {
    const { book } = setup({ apiVersion: '1.6' });
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1').load();
      ws(ctx).getRange('A1').conditionalFormats.add('Custom');
      ctx.application.suspendApiCalculationUntilNextSync();
      await ctx.sync();
      expect(r.address).toBe('Sheet1!A1');
      expect(thrown(() => r.hyperlink).code).toBe('PropertyNotLoaded');
    });
  });
});

// ---------------------------------------------------------------------------
// payload limits and stats
// ---------------------------------------------------------------------------

describe('payload limits', () => {
  test('a request over the limit fails and applies nothing', async () => {
    const { book, sheet } = setup({ maxRequestBytes: 1000 });
    const e = await trySync(book, (ctx) => {
      ws(ctx).getRange('A1').values = [['small']];
      ws(ctx).getRange('A2:A3').values = [['x'.repeat(500)], ['y'.repeat(500)]];
    });
    expect(e?.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(sheet.cellsSnapshot()).toEqual({});
    expect(book.stats.log[0]).toMatchObject({ error: 'RequestPayloadSizeLimitExceeded' });
    expect(book.stats.log[0].requestBytes).toBeGreaterThan(1000);
  });

  test('a response over the limit fails after the writes, without delivering loads', async () => {
    const { book, sheet } = setup({ maxResponseBytes: 300 });
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1:A20');
      r.values = Array.from({ length: 20 }, (_, i) => [`row ${i} ${'-'.repeat(10)}`]);
      r.load('values');
      const e = await failure(ctx.sync());
      expect(e.code).toBe('RequestPayloadSizeLimitExceeded');
      expect(thrown(() => r.values).code).toBe('PropertyNotLoaded');
    });
    expect(sheet.cell(19, 0).value).toBe(`row 19 ${'-'.repeat(10)}`);
  });

  test('the default 5 MB limit: a 2,000 x 10 block of long text fails where 500 rows pass', async () => {
    const { book } = setup();
    const block = (rows: number): string[][] => Array.from({ length: rows }, (_, i) => Array.from({ length: 10 }, (_, j) => `${i}:${j}:${'统计数据'.repeat(60)}`));
    expect(await trySync(book, (ctx) => (ws(ctx).getRange('A1:J500').values = block(500)))).toBeNull();
    expect((await trySync(book, (ctx) => (ws(ctx).getRange('A1:J2000').values = block(2000))))?.code).toBe('RequestPayloadSizeLimitExceeded');
  });
});

describe('stats', () => {
  test('ops, loads, names, format ops and bytes per sync', async () => {
    const { book, sheet } = setup();
    sheet.setValues(0, 0, [[1, 2]]);
    await book.run(async (ctx) => {
      const s = ws(ctx);
      const r = s.getRange('A1:B1');
      r.values = [[3, 4]];
      r.format.fill.color = '#FF0000';
      r.load('values');
      ctx.application.suspendApiCalculationUntilNextSync();
      await ctx.sync();
    });
    expect(book.stats.syncs).toBe(1);
    const rec = book.stats.log[0];
    expect(rec.opNames).toEqual({
      'Workbook.worksheets.getItem': 1,
      'Worksheet.getRange': 1,
      'Range.values': 1,
      'Range.format.fill.color': 1,
      'format:Range.format.fill.color': 1,
      'Application.suspendApiCalculationUntilNextSync': 1,
    });
    expect([rec.ops, rec.loads, rec.formatOps, rec.error]).toEqual([5, 1, 1, null]);
    const args = ['["Sheet1"]', '["A1:B1"]', '[[3,4]]', '"#FF0000"', '"values"'];
    expect(rec.requestBytes).toBe(64 * 6 + args.join('').length);
    expect(rec.responseBytes).toBe(JSON.stringify({ values: [[3, 4]] }).length);
    expect(book.opCount('Range.values')).toBe(1);
  });

  test('per-cell formatting shows up in the format op count; the auto sync of run counts', async () => {
    const { book } = setup();
    await book.run(async (ctx) => {
      const s = ws(ctx);
      for (let i = 0; i < 10; i++) s.getRange(`A${i + 1}`).format.fill.color = '#FFFF00';
      s.getRange('B1:B10').format.font.bold = true;
    });
    expect(book.stats.syncs).toBe(1);
    expect(book.total('formatOps')).toBe(11);
    const formatNames = Object.entries(book.stats.log[0].opNames).filter(([k]) => k.startsWith('format:'));
    expect(formatNames).toEqual([
      ['format:Range.format.fill.color', 10],
      ['format:Range.format.font.bold', 1],
    ]);
    book.resetStats();
    expect(book.stats).toEqual({ syncs: 0, log: [] });
  });

  test('bytes are UTF-8 bytes of the JSON; an empty sync is no round trip and is not counted', async () => {
    const { book } = setup();
    book.editing = true;
    await book.run(async (ctx) => {
      await ctx.sync(); // nothing queued: resolves even in edit mode
    });
    expect(book.stats.syncs).toBe(0);
    book.editing = false;
    await book.run(async (ctx) => {
      const r = ws(ctx).getRange('A1');
      r.values = [['汇总']];
      r.load('values');
      await ctx.sync();
      await ctx.sync();
    });
    expect(book.stats.syncs).toBe(1);
    const rec = book.stats.log[0];
    // '["Sheet1"]' 10, '["A1"]' 6, '[["汇总"]]' 6 + 2 x 3, '"values"' 8
    expect(rec.requestBytes).toBe(64 * 4 + 10 + 6 + 12 + 8);
    expect(rec.responseBytes).toBe('{"values":[[""]]}'.length + 6);
  });

  test('failed syncs are counted with their error code', async () => {
    const { book } = setup();
    await trySync(book, (ctx) => ctx.workbook.worksheets.getItem('nope'));
    expect(book.stats.syncs).toBe(1);
    expect(book.stats.log[0]).toMatchObject({ ops: 1, error: 'ItemNotFound' });
  });
});

// ---------------------------------------------------------------------------
// seeding helpers
// ---------------------------------------------------------------------------

describe('FakeSheet', () => {
  test('cell() of an untouched cell is a default copy and creates nothing', () => {
    const { sheet } = setup();
    const c = sheet.cell(10, 10);
    expect(c).toEqual({
      value: null,
      type: 'Empty',
      formula: null,
      hyperlink: null,
      numberFormat: 'General',
      font: { bold: false, italic: false, underline: 'None', size: 11, name: 'Calibri', color: '#000000' },
      fill: { color: null, pattern: 'None' },
      horizontalAlignment: 'General',
      verticalAlignment: 'Bottom',
      wrapText: false,
      borders: { top: null, bottom: null, left: null, right: null },
    });
    c.font.bold = true;
    expect(sheet.cell(10, 10).font.bold).toBe(false);
    expect(sheet.storedCount()).toBe(0);
  });

  test('setValues types constants; cellsSnapshot is a deep copy keyed by A1', () => {
    const { sheet } = setup();
    sheet.setValues(1, 1, [
      [1, 'two', true],
      ['#DIV/0!', null, '=not a formula'],
    ]);
    const snap = sheet.cellsSnapshot();
    expect(Object.keys(snap)).toEqual(['B2', 'C2', 'D2', 'B3', 'D3']);
    expect([snap.B2.type, snap.C2.type, snap.D2.type, snap.B3.type, snap.D3.type]).toEqual(['Double', 'String', 'Boolean', 'Error', 'String']);
    snap.B2.value = 99;
    expect(sheet.cell(1, 1).value).toBe(1);
    sheet.setCell(1, 1, { value: null });
    expect(Object.keys(sheet.cellsSnapshot())).not.toContain('B2');
  });
});

// ---------------------------------------------------------------------------
// fromXlsx
// ---------------------------------------------------------------------------

describe('fakeFromWorkbook', () => {
  test('sheets, visibility, values, formulas with cached results, formats, merges and notes', async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('数据');
    a.getCell('A1').value = '标题';
    a.mergeCells('A1:C1');
    a.getCell('A2').value = 12.5;
    a.getCell('A2').numFmt = '0.0_ ';
    a.getCell('B2').value = { formula: 'A2*2', result: 25 };
    a.getCell('C2').value = { error: '#DIV/0!' };
    a.getCell('A3').value = true;
    a.getCell('B3').value = '0012';
    a.getCell('B3').font = { bold: true };
    a.getCell('B3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    a.getCell('C3').note = '来源：统计局';
    wb.addWorksheet('hidden one', { state: 'hidden' });
    const book = fakeFromWorkbook(wb);
    expect(book.sheets().map((s) => [s.name, s.visibility])).toEqual([
      ['数据', 'Visible'],
      ['hidden one', 'Hidden'],
    ]);
    const s = book.sheet('数据')!;
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(s.notes.get('C3')).toBe('来源：统计局');
    await book.run(async (ctx) => {
      const r = ws(ctx, '数据').getUsedRange().load('address, values, valueTypes, formulas, numberFormat');
      const b3 = ws(ctx, '数据').getRange('B3').load('format/font/bold, format/fill/color');
      await ctx.sync();
      expect(r.address).toBe('数据!A1:C3');
      expect(r.values).toEqual([
        ['标题', '', ''],
        [12.5, 25, '#DIV/0!'],
        [true, '0012', ''],
      ]);
      expect(r.valueTypes).toEqual([
        ['String', 'Empty', 'Empty'],
        ['Double', 'Double', 'Error'],
        ['Boolean', 'String', 'Empty'],
      ]);
      expect(r.formulas[1]).toEqual([12.5, '=A2*2', '#DIV/0!']);
      expect(r.numberFormat[1][0]).toBe('0.0_ ');
      expect([b3.format.font.bold, b3.format.fill.color]).toEqual([true, '#FFC7CE']);
    });
  });
});

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  test('the fake reads a real sheet through the Office.js surface', async () => {
    const book = await fakeFromXlsxFile(file);
    const sheets = book.sheets();
    expect(sheets).toHaveLength(39);
    expect(sheets[0].name).toBe('目录');
    expect(sheets.filter((s) => s.visibility !== 'Visible').map((s) => s.name)).toEqual(['30工业处2', '81图5公共财政收入']);
    await book.run(async (ctx) => {
      const s = ws(ctx, '23核算处1');
      const used = s.getUsedRange(true).load('address');
      const head = s.getRange('A1:D6').load('values, valueTypes, numberFormat');
      const merged = s.getRange('A1:D18').getMergedAreasOrNullObject().load('address, areaCount');
      await ctx.sync();
      expect(used.address).toBe("'23核算处1'!A1:D18");
      expect(head.values[0]).toEqual(['地区生产总值', '', '', '']);
      expect(head.values[2][0]).toBe('地  区');
      expect(head.values[4].slice(0, 3)).toEqual(['全市', 6636061, 6.305]);
      expect(head.values[5]).toEqual(['双清', 485745.614399879, 5.4, 12]);
      expect(head.valueTypes[5]).toEqual(['String', 'Double', 'Double', 'Double']);
      expect(head.numberFormat[5]).toEqual(['General', '0_ ', '0.0_ ', 'General']);
      expect(merged.areaCount).toBe(4);
      expect(merged.address).toBe("'23核算处1'!A1:C1,'23核算处1'!A3:A4,'23核算处1'!B3:D3,'23核算处1'!A18:C18");
    });
  });
});
