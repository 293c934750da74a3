/**
 * Excel on the web refuses a request or a response over 5 MB, and a read of more
 * than about 5 million cells comes back empty. Reads and writes are cut into row
 * blocks sized by estimated bytes, and blocks are grouped into syncs that stay
 * under the budget.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** what one sync may carry, with room for the protocol's own overhead */
export const SYNC_BUDGET = 4 * 1024 * 1024;
/** cells per read, far below Excel's limit */
export const MAX_CELLS_PER_BLOCK = 250_000;
/** estimated bytes per cell for a read of values, valueTypes, numberFormat and formulas */
export const READ_BYTES_PER_CELL = 96;
/** what every queued operation costs besides its data */
export const OP_BYTES = 64;

export interface RowBlock {
  /** 0-based offset inside the range */
  start: number;
  count: number;
}

/** Split `rows` rows of `cols` columns into blocks of at most `budget` estimated bytes. */
export function rowBlocks(rows: number, cols: number, bytesPerCell: number, budget = SYNC_BUDGET): RowBlock[] {
  if (rows <= 0 || cols <= 0) return [];
  const perRow = Math.max(1, cols * Math.max(1, bytesPerCell));
  const byBytes = Math.floor(budget / perRow);
  const byCells = Math.floor(MAX_CELLS_PER_BLOCK / cols);
  const size = Math.max(1, Math.min(byBytes, byCells, rows));
  const out: RowBlock[] = [];
  for (let start = 0; start < rows; start += size) out.push({ start, count: Math.min(size, rows - start) });
  return out;
}

/** The JSON size of a value, as it travels in a request or a response. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  if (s === undefined) return 0;
  // CJK characters travel as three UTF-8 bytes.
  let extra = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) extra += 2;
  return s.length + extra;
}
