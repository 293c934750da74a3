import { columnLetters } from '../grid';

/** A sheet name as formulas and links write it: always quoted, quotes doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A1 reference with optional $ anchors (0-based row and column). */
export function a1(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? '$' : ''}${columnLetters(col)}${absRow ? '$' : ''}${row + 1}`;
}

/** A reference to a cell of another sheet. */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}

/** A column range within this sheet, rows anchored: E$6:E$17. */
export function columnRange(col: number, top: number, bottom: number): string {
  return `${a1(top, col, true)}:${a1(bottom, col, true)}`;
}

/**
 * A source figure as the reader takes it: VALUE() when it is stored as text, ×100
 * when it is a fraction shown with a % format (the core keeps percent units).
 */
export function numberRef(sheet: string, row: number, col: number, fromText: boolean, percent = false): string {
  const ref = sheetRef(sheet, row, col);
  const n = fromText ? `VALUE(${ref})` : ref;
  return percent ? `(${n}*100)` : n;
}

/** ROUND(x, d), or x itself when the figure has no fixed decimals. */
export function rounded(expr: string, decimals: number | null): string {
  return decimals === null ? expr : `ROUND(${expr},${decimals})`;
}

/**
 * The rank of the cell at (row, col) among the numbers in the column from top to
 * bottom, as compute/ranks ranks them: competition (RANK, 1 2 2 4) or dense
 * (中国式排名, 1 2 2 3). Text and blank cells in the range are not ranked.
 */
export function rankFormula(row: number, col: number, top: number, bottom: number, ties: 'competition' | 'dense', ascending: boolean): string {
  const x = a1(row, col);
  const r = columnRange(col, top, bottom);
  if (ties === 'competition') return `=IF(ISNUMBER(${x}),RANK(${x},${r},${ascending ? 1 : 0}),"")`;
  const cmp = ascending ? '<' : '>';
  return `=IF(ISNUMBER(${x}),SUMPRODUCT(ISNUMBER(${r})*(${r}${cmp}${x})/COUNTIF(${r},${r}&""))+1,"")`;
}

/** 倒数第k以内: the rank cell is among the last k, with the same tie rule as the ranks (formula for conditional formats and counts). */
export function bottomTest(rankCell: string, rankRange: string, k: number, ties: 'competition' | 'dense'): string {
  return ties === 'competition' ? `COUNTIF(${rankRange},">"&${rankCell})<${k}` : `MAX(${rankRange})-${rankCell}<${k}`;
}
