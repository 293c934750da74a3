import type { Grid } from '../grid';
import { cellAt } from '../grid';
import type { CellMark, CellNow, MarkRecord, NoteKind, Restore } from './Marks.types';

/**
 * The very hidden sheet where the add-in keeps what it changed on the user's sheets
 * (one line per marked cell, with the cell's earlier fill and note), so the marks can
 * be taken off exactly, even after the workbook was saved and opened again.
 */
export const MARKS_SHEET = '_IndicatorTablesMarks';

export const MARK_HEADER = ['sheet', 'cell', 'fill', 'priorFill', 'priorNote', 'note', 'noteKind'] as const;

/** An earlier fill or note as a JSON string ('"text"'), or '' for none: an empty note and no note stay apart. */
function enc(v: string | null): string {
  return v === null ? '' : JSON.stringify(v);
}

function dec(v: unknown): string | null {
  if (typeof v !== 'string' || v === '') return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

const KINDS: ReadonlySet<string> = new Set<NoteKind>(['note', 'comment', 'none']);

/** The marks sheet's rows: a header, then one line per record; every cell is text. */
export function markRows(records: MarkRecord[]): string[][] {
  return [
    [...MARK_HEADER],
    ...records.map((r) => [r.sheet, r.cell, r.fill, enc(r.priorFill), enc(r.priorNote), r.note, r.noteKind]),
  ];
}

/** Records read back from the marks sheet; lines that do not parse are skipped. */
export function readMarkRecords(grid: Grid | null | undefined): MarkRecord[] {
  if (!grid) return [];
  const out: MarkRecord[] = [];
  for (let r = 1; r < grid.rowCount; r++) {
    const v = (c: number) => cellAt(grid, r, c).value;
    const sheet = v(0);
    const cell = v(1);
    const fill = v(2);
    const kind = String(v(6) ?? 'none');
    if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof fill !== 'string' || !/^[A-Z]{1,3}\d+$/.test(cell)) continue;
    out.push({
      sheet,
      cell,
      fill,
      priorFill: dec(v(3)),
      priorNote: dec(v(4)),
      note: typeof v(5) === 'string' ? (v(5) as string) : '',
      noteKind: (KINDS.has(kind) ? kind : 'none') as NoteKind,
    });
  }
  return out;
}

/** The note text a mark leaves on a cell: the cell's earlier note first, then ours. */
export function noteAfterMark(prior: string | null, ours: string): string {
  if (ours === '') return prior ?? '';
  return prior ? `${prior}\n\n${ours}` : ours;
}

/** A record of what marking `mark` changes on a cell that looked like `before`. */
export function recordOf(mark: CellMark, before: CellNow, noteKind: NoteKind): MarkRecord {
  const writesNote = mark.note !== '' && noteKind !== 'none';
  return {
    sheet: mark.sheet,
    cell: mark.cell,
    fill: mark.fill,
    priorFill: before.fill,
    priorNote: before.note,
    note: writesNote ? noteAfterMark(before.note, mark.note) : '',
    noteKind: writesNote ? noteKind : 'none',
  };
}

const sameColour = (a: string | null, b: string | null) => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

/**
 * What to put back on one cell. Only what is still the mark is touched: a fill or a
 * note the user changed since marking stays as the user left it.
 */
export function restoreOf(record: MarkRecord, now: CellNow): Restore {
  const fill: Restore['fill'] = sameColour(now.fill, record.fill) ? { to: record.priorFill } : 'keep';
  let note: Restore['note'] = 'keep';
  if (record.noteKind !== 'none' && now.note === record.note) {
    note = record.priorNote === null ? 'delete' : { to: record.priorNote };
  }
  return { fill, note };
}
