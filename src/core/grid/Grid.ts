import type { Cell, Grid, MergedArea } from './Grid.types';

export type { Cell, CellType, Grid, MergedArea } from './Grid.types';

export const EMPTY_CELL: Cell = Object.freeze({ value: null, type: 'empty' }) as Cell;

export function cellAt(grid: Grid, row: number, col: number): Cell {
  return grid.rows[row]?.[col] ?? EMPTY_CELL;
}

/** Column letters for a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based cell. */
export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A1 range of 0-based inclusive bounds ("B3" when it is one cell). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const a = address(top, left);
  return top === bottom && left === right ? a : `${a}:${address(bottom, right)}`;
}

/** Parse "B12" into 0-based { row, col }. */
export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`not an A1 address: ${a1}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Parse "A1:C3" (or "B2") into a 0-based merged-area-like rectangle. */
export function parseRange(ref: string): MergedArea {
  const [a, b] = ref.split(':');
  const p = parseAddress(a);
  const q = b ? parseAddress(b) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/**
 * For every cell inside a merged area, the top-left cell of that area.
 * Returned as a map keyed by row * colCount + col for the non-anchor cells only.
 */
export function mergeAnchors(grid: Grid): Map<number, { row: number; col: number }> {
  const anchors = new Map<number, { row: number; col: number }>();
  const width = Math.max(grid.colCount, 1);
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        anchors.set(r * width + c, { row: m.top, col: m.left });
      }
    }
  }
  return anchors;
}

/** Build a grid from plain values (tests, samples). Strings that start with "#" and end with "!" or "?" are errors. */
export function gridFromValues(
  name: string,
  values: ReadonlyArray<ReadonlyArray<unknown>>,
  options: { formats?: ReadonlyArray<ReadonlyArray<string | undefined>>; merges?: string[] } = {},
): Grid {
  const rows: Cell[][] = [];
  let colCount = 0;
  values.forEach((row, r) => {
    const out: Cell[] = [];
    row.forEach((v, c) => {
      const format = options.formats?.[r]?.[c];
      out[c] = toCell(v, format);
    });
    colCount = Math.max(colCount, row.length);
    rows[r] = out;
  });
  return {
    name,
    rows,
    merges: (options.merges ?? []).map(parseRange),
    rowCount: values.length,
    colCount,
  };
}

const ERROR_CODES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CALC!', '#GETTING_DATA']);

function toCell(v: unknown, format: string | undefined): Cell {
  const withFormat = (c: Cell): Cell => (format ? { ...c, format } : c);
  if (v === null || v === undefined || v === '') return withFormat({ value: null, type: 'empty' });
  if (typeof v === 'number') return withFormat({ value: v, type: 'number' });
  if (typeof v === 'boolean') return withFormat({ value: v, type: 'boolean' });
  const s = String(v);
  if (ERROR_CODES.has(s)) return withFormat({ value: s, type: 'error' });
  return withFormat({ value: s, type: 'text' });
}

export function isErrorCode(s: string): boolean {
  return ERROR_CODES.has(s);
}
