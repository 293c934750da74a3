import type { Severity } from '../check';

/**
 * A mark the add-in puts on a source cell to show a finding: a fill and a note.
 * Marks are the add-in's only changes to the user's own sheets, so each one is
 * recorded with what the cell looked like before, and unmarking puts that back.
 */
export interface CellMark {
  sheet: string;
  /** one cell, A1 */
  cell: string;
  severity: Severity;
  /** '#RRGGBB' */
  fill: string;
  /** the note's text, or '' when the cell gets only the fill (the other cells of a grouped finding) */
  note: string;
}

/** How a cell's note was written: a classic note (ExcelApi 1.18), a threaded comment (1.10), or none. */
export type NoteKind = 'note' | 'comment' | 'none';

/** What a cell looked like before it was marked, and what the mark wrote. */
export interface MarkRecord {
  sheet: string;
  cell: string;
  /** the fill the mark set */
  fill: string;
  /** the fill before: '#RRGGBB', or null for no fill */
  priorFill: string | null;
  /** the note or comment before, or null for none */
  priorNote: string | null;
  /** the note's full text after marking ('' when the mark wrote no note) */
  note: string;
  noteKind: NoteKind;
}

/** A cell as it is now, read back before unmarking. */
export interface CellNow {
  fill: string | null;
  note: string | null;
}

/** What unmarking does to one cell. */
export interface Restore {
  /** set the fill back (a colour), clear it (null), or leave the cell's fill alone (the user changed it) */
  fill: { to: string | null } | 'keep';
  /** delete our note, put the earlier text back, or leave it (the user changed it) */
  note: 'delete' | { to: string } | 'keep';
}
