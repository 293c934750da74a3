import type { Grid } from '../../core/grid';
import type { BookSheet } from './Book.types';

/**
 * The worksheets asked for, in workbook order: all of them when `names` is omitted;
 * otherwise those whose name, or name trimmed, is among `names` (sheet names such as
 * "30工业处1 " carry stray spaces that a user does not type).
 */
export function pickSheets<S extends BookSheet>(sheets: readonly S[], names: string[] | undefined): S[] {
  const wanted = names ? new Set(names) : null;
  return sheets.filter((s) => s.kind === 'worksheet' && (!wanted || wanted.has(s.name) || wanted.has(s.name.trim())));
}

/** The grids of the worksheets asked for (see pickSheets). */
export function pickGrids<S extends BookSheet>(sheets: readonly S[], names: string[] | undefined, read: (sheet: S) => Grid): Grid[] {
  return pickSheets(sheets, names).map(read);
}
