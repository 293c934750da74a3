/**
 * A sheet as the core sees it: rows of cells with their value, type and number
 * format, plus merged areas. Adapters (ExcelJS, Office.js) build grids; the core
 * never touches a workbook library.
 *
 * Coordinates are 0-based (row, col). Like Excel, a merged area keeps its value
 * in the top-left cell and the other cells of the area read empty.
 */
export type CellType = 'number' | 'text' | 'boolean' | 'error' | 'empty';

export interface Cell {
  /** number for numbers (dates as Excel serials), string for text and error codes ("#DIV/0!"), boolean, or null when empty */
  value: number | string | boolean | null;
  type: CellType;
  /** Excel number format code in en-US notation, e.g. "0.0_ "; absent means General */
  format?: string;
  /** the formula as written (without the leading "="), when the cell holds one */
  formula?: string;
}

/** A merged area, inclusive on both ends, 0-based. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  /** sheet name as in the workbook */
  name: string;
  /** rows[r][c]; missing rows or cells are empty */
  rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  merges: ReadonlyArray<MergedArea>;
  /** number of rows and columns covered (the used range from A1) */
  rowCount: number;
  colCount: number;
}
