import fc from 'fast-check';
import { MAX_CELLS_PER_BLOCK, SYNC_BUDGET, jsonBytes, rowBlocks } from '../../../src/workbook/excel/blocks';
import { widthToPoints } from '../../../src/workbook/excel/write';
import { areasOf, toCell } from '../../../src/workbook/excel/read';

describe('rowBlocks', () => {
  it('covers every row once, in order, each block under the budget and the cell cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 400 }), (rows, cols, bpc) => {
        const blocks = rowBlocks(rows, cols, bpc);
        let next = 0;
        for (const b of blocks) {
          expect(b.start).toBe(next);
          expect(b.count).toBeGreaterThan(0);
          next += b.count;
          if (b.count > 1) {
            expect(b.count * cols * bpc).toBeLessThanOrEqual(SYNC_BUDGET);
            expect(b.count * cols).toBeLessThanOrEqual(MAX_CELLS_PER_BLOCK);
          }
        }
        expect(next).toBe(rows);
      }),
    );
  });

  it('the 2,850 x 60 table needs a handful of blocks, not one per row', () => {
    const blocks = rowBlocks(2850, 60, 96);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.length).toBeLessThan(10);
  });
});

describe('jsonBytes', () => {
  it('counts CJK as three bytes', () => {
    expect(jsonBytes('ab')).toBe(4);
    expect(jsonBytes('邵阳')).toBe(8);
    expect(jsonBytes([[1, 'x']])).toBe(9);
  });
});

describe('widthToPoints', () => {
  it('matches the column widths Excel shows (characters -> pixels -> points)', () => {
    expect(widthToPoints(10)).toBe(52.5); // 70 px
    expect(widthToPoints(9.140625)).toBe(48); // the default column (8.43 characters), 64 px
    expect(widthToPoints(20)).toBe(105); // 140 px
  });
});

describe('areasOf', () => {
  it('reads merged-area address lists with or without sheet prefixes', () => {
    expect(areasOf("Sheet1!A1:B2, Sheet1!$C$3")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 2, right: 2 },
    ]);
    expect(areasOf("'My, sheet'!A1:C1,'My, sheet'!D4:D9")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 3, left: 3, bottom: 8, right: 3 },
    ]);
    expect(areasOf('A1:B2,C3:D4')).toHaveLength(2);
  });
});

describe('toCell', () => {
  it('turns what Excel reports into core cells', () => {
    expect(toCell(12.5, 'Double', '0.0', 12.5)).toEqual({ value: 12.5, type: 'number', format: '0.0' });
    expect(toCell('12.5', 'String', '@', '12.5')).toEqual({ value: '12.5', type: 'text', format: '@' });
    expect(toCell('#DIV/0!', 'Error', 'General', '=A1/0')).toEqual({ value: '#DIV/0!', type: 'error', formula: 'A1/0' });
    expect(toCell('', 'Empty', 'General', '')).toBeUndefined();
    expect(toCell('', 'Empty', '0.0', '')).toEqual({ value: null, type: 'empty', format: '0.0' });
    expect(toCell(6, 'Double', 'General', '=SUM(A1:A3)')).toEqual({ value: 6, type: 'number', formula: 'SUM(A1:A3)' });
    // A text constant that starts with "=" is not a formula: values and formulas agree.
    expect(toCell('=x', 'String', 'General', '=x')).toEqual({ value: '=x', type: 'text' });
    expect(toCell(true, 'Boolean', 'General', true)).toEqual({ value: true, type: 'boolean' });
  });
});
