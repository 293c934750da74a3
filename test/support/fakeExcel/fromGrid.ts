import type { Grid } from '../../../src/core/grid';
import { FakeExcel } from './FakeExcel';
import type { FakeExcelOptions } from './FakeExcel';

/** A fake Excel holding core grids: values, number formats and merged areas (browser-safe). */
export function fakeFromGrids(grids: Grid[], opts: FakeExcelOptions = {}): FakeExcel {
  const book = new FakeExcel(opts);
  for (const grid of grids) {
    const sheet = book.addSheet(grid.name);
    sheet.setValues(
      0,
      0,
      Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: grid.colCount }, (_, c) => grid.rows[r]?.[c]?.value ?? null)),
    );
    grid.rows.forEach((row, r) => row?.forEach((cell, c) => cell?.format && sheet.setCell(r, c, { numberFormat: cell.format })));
    for (const m of grid.merges) sheet.addMerge(m);
  }
  return book;
}
