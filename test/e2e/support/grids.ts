/**
 * Core grids as JSON, for seeding the stub office.js in the page (browser-safe:
 * the stub bundle imports this file).
 *
 * A Grid is plain data (no Map, no class instance), but `rows` is sparse: missing
 * rows and cells are holes, which JSON turns into `null`. `gridFromJson` turns
 * them back into holes so the grid reads exactly as the one that was sent.
 */
import type { Cell, Grid, MergedArea } from '../../../src/core/grid';

/** A grid as it travels through JSON: holes are `null`. */
export interface GridJson {
  name: string;
  rows: ((Cell | null)[] | null)[];
  merges: MergedArea[];
  rowCount: number;
  colCount: number;
}

function cellToJson(cell: Cell): Cell {
  const out: Cell = { value: cell.value, type: cell.type };
  if (cell.format !== undefined) out.format = cell.format;
  if (cell.formula !== undefined) out.formula = cell.formula;
  if (typeof out.value === 'number' && !Number.isFinite(out.value)) throw new Error(`grid cell value ${out.value} does not survive JSON`);
  return out;
}

/** A JSON-safe copy of a grid (holes become null, cells are copied). */
export function gridToJson(grid: Grid): GridJson {
  const rows: GridJson['rows'] = [];
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row) {
      rows.push(null);
      continue;
    }
    const out: (Cell | null)[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      out.push(cell ? cellToJson(cell) : null);
    }
    rows.push(out);
  }
  return {
    name: grid.name,
    rows,
    merges: grid.merges.map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right })),
    rowCount: grid.rowCount,
    colCount: grid.colCount,
  };
}

/** The grid back from JSON (null rows and cells become holes again). */
export function gridFromJson(json: GridJson | Grid): Grid {
  const rows: ((Cell | undefined)[] | undefined)[] = [];
  json.rows.forEach((row, r) => {
    if (!row) return;
    const out: (Cell | undefined)[] = [];
    row.forEach((cell, c) => {
      if (cell) out[c] = { ...cell };
    });
    out.length = row.length;
    rows[r] = out;
  });
  rows.length = json.rows.length;
  return { name: json.name, rows, merges: json.merges.map((m) => ({ ...m })), rowCount: json.rowCount, colCount: json.colCount };
}
