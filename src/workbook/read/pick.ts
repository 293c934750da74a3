import type { Grid } from '../../core/grid';
import type { BookSheet } from './Book.types';

/**
 * The grids of the worksheets asked for, in workbook order: all of them when `names` is
 * omitted; otherwise those whose name, or name trimmed, is among `names` (sheet names such
 * as "30工业处1 " carry stray spaces that a user does not type).
 */
export function pickGrids(sheets: readonly BookSheet[], names: string[] | undefined, read: (sheet: BookSheet) => Grid): Grid[] {
  const wanted = names ? new Set(names) : null;
  const out: Grid[] = [];
  for (const s of sheets) {
    if (s.kind !== 'worksheet') continue;
    if (wanted && !wanted.has(s.name) && !wanted.has(s.name.trim())) continue;
    out.push(read(s));
  }
  return out;
}
