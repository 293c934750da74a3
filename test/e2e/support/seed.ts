/**
 * Seeds for the stub office.js, made in Node.
 */
import type { Grid } from '../../../src/core/grid';
import { readXlsxFile } from '../../support/exceljs';
import { gridToJson } from './grids';
import type { OfficeSeed } from './officeStub.types';

/** The sheets of an .xlsx file as core grids (as the CLI reads them). */
export async function seedFromXlsx(file: string): Promise<Grid[]> {
  const book = await readXlsxFile(file);
  return book.grids();
}

/** A seed for openPage from grids and options (grids go through gridToJson). */
export function makeSeed(grids: Grid[], options: Omit<OfficeSeed, 'grids'> = {}): OfficeSeed {
  return { ...options, grids: grids.map(gridToJson) };
}
