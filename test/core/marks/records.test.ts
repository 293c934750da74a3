import fc from 'fast-check';
import { gridFromValues } from '../../../src/core/grid';
import type { CellMark, MarkRecord } from '../../../src/core/marks';
import { MARKS_SHEET, markRows, noteAfterMark, readMarkRecords, recordOf, restoreOf } from '../../../src/core/marks';

const colour = fc.constantFrom('#F8CBAD', '#FFF2CC', '#FFFFFF', '#00B050', '#ffc7ce');
const text = fc.oneof(fc.string(), fc.constantFrom('', '=SUM(A1)', '001', '2025-03', 'TRUE', '"quoted"', '多行\n批注'));
const record: fc.Arbitrary<MarkRecord> = fc.record({
  sheet: fc.constantFrom('表1', "It's", 'Sheet 2'),
  cell: fc.tuple(fc.constantFrom('A', 'C', 'AB'), fc.integer({ min: 1, max: 5000 })).map(([c, r]) => `${c}${r}`),
  fill: colour,
  priorFill: fc.option(colour, { nil: null }),
  priorNote: fc.option(text, { nil: null }),
  note: text,
  noteKind: fc.constantFrom('note', 'comment', 'none'),
});

describe('mark records', () => {
  it('survive the trip through the marks sheet (every cell text)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 20 }), (records) => {
        const rows = markRows(records);
        for (const row of rows) for (const v of row) expect(typeof v).toBe('string');
        // Empty strings read back as empty cells, as a sheet gives them.
        const back = readMarkRecords(gridFromValues(MARKS_SHEET, rows));
        expect(back).toEqual(records);
      }),
    );
  });

  it('tell no earlier note from an empty one', () => {
    const rows = markRows([
      { sheet: 'S', cell: 'A1', fill: '#F8CBAD', priorFill: null, priorNote: null, note: 'x', noteKind: 'note' },
      { sheet: 'S', cell: 'A2', fill: '#F8CBAD', priorFill: null, priorNote: '', note: 'x', noteKind: 'note' },
    ]);
    const back = readMarkRecords(gridFromValues(MARKS_SHEET, rows));
    expect(back.map((r) => r.priorNote)).toEqual([null, '']);
  });

  it('skip lines that are not records', () => {
    const grid = gridFromValues(MARKS_SHEET, [
      ['sheet', 'cell', 'fill'],
      ['S', 'not-a-cell', '#F8CBAD'],
      [null, 'A1', '#F8CBAD'],
      ['S', 'B2', '#F8CBAD', '', '', '', 'bogus'],
    ]);
    expect(readMarkRecords(grid)).toEqual([{ sheet: 'S', cell: 'B2', fill: '#F8CBAD', priorFill: null, priorNote: null, note: '', noteKind: 'none' }]);
  });
});

describe('recordOf and restoreOf', () => {
  const mark: CellMark = { sheet: 'S', cell: 'B3', severity: 'error', fill: '#F8CBAD', note: '【审核】x' };

  it('keep an earlier note above ours', () => {
    expect(noteAfterMark('原批注', '【审核】x')).toBe('原批注\n\n【审核】x');
    expect(noteAfterMark(null, '【审核】x')).toBe('【审核】x');
    expect(noteAfterMark('原批注', '')).toBe('原批注');
    const r = recordOf(mark, { fill: '#00B050', note: '原批注' }, 'note');
    expect(r).toEqual({ sheet: 'S', cell: 'B3', fill: '#F8CBAD', priorFill: '#00B050', priorNote: '原批注', note: '原批注\n\n【审核】x', noteKind: 'note' });
    expect(recordOf({ ...mark, note: '' }, { fill: null, note: null }, 'note').noteKind).toBe('none');
    expect(recordOf(mark, { fill: null, note: null }, 'none').note).toBe('');
  });

  it('restore what is still the mark, keep what the user changed', () => {
    const r = recordOf(mark, { fill: null, note: null }, 'note');
    expect(restoreOf(r, { fill: '#f8cbad', note: r.note })).toEqual({ fill: { to: null }, note: 'delete' });
    expect(restoreOf(r, { fill: '#FFFF00', note: 'changed' })).toEqual({ fill: 'keep', note: 'keep' });
    const r2 = recordOf(mark, { fill: '#00B050', note: '原批注' }, 'comment');
    expect(restoreOf(r2, { fill: '#F8CBAD', note: r2.note })).toEqual({ fill: { to: '#00B050' }, note: { to: '原批注' } });
  });

  it('mark then restore gives back the cell as it was, whatever it was', () => {
    fc.assert(
      fc.property(fc.option(colour, { nil: null }), fc.option(text, { nil: null }), fc.constantFrom('note', 'comment') as fc.Arbitrary<'note' | 'comment'>, (fill, note, kind) => {
        const r = recordOf(mark, { fill, note }, kind);
        const after = { fill: r.fill, note: r.note };
        const back = restoreOf(r, after);
        expect(back.fill).toEqual({ to: fill });
        const restoredNote = back.note === 'delete' ? null : back.note === 'keep' ? after.note : back.note.to;
        expect(restoredNote).toBe(note);
      }),
    );
  });
});
