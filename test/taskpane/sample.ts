/**
 * The project's sample workbook (assets/sample/county-indicators-2025-03.xlsx) in the
 * strict fake Excel, behind a real AddinSession: what the task pane works on in the tests.
 */
import { AddinSession, MemoryStore } from '../../src/addin';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';
import type { ExcelHost, ExcelRun } from '../../src/workbook/excel';
import { ExcelWorkbook } from '../../src/workbook/excel';
import { readWorkbookFile } from '../../src/workbook/read/file';
import type { FakeExcel } from '../support/fakeExcel';
import { fakeFromGrids } from '../support/fakeExcel/fromGrid';

export const SAMPLE = 'assets/sample/county-indicators-2025-03.xlsx';

let cached: Promise<Grid[]> | null = null;

/** The sample's sheets as core grids, read once per test file. */
export function sampleGrids(): Promise<Grid[]> {
  cached ??= readWorkbookFile(SAMPLE).then((book) => book.grids());
  return cached;
}

/** The fake as the adapter's host. */
export function fakeHost(book: FakeExcel): ExcelHost {
  return { run: book.run.bind(book) as unknown as ExcelRun, isSetSupported: book.isSetSupported.bind(book) };
}

export interface Setup {
  fake: FakeExcel;
  workbook: ExcelWorkbook;
  store: MemoryStore;
  session: AddinSession;
}

/** A session over a fake Excel holding the grids (the sample by default). */
export async function setup(lang: Lang, options: { grids?: Grid[]; store?: MemoryStore; apiVersion?: string } = {}): Promise<Setup> {
  const grids = options.grids ?? (await sampleGrids());
  const fake = fakeFromGrids(grids, { apiVersion: options.apiVersion ?? '1.18' });
  const workbook = new ExcelWorkbook(fakeHost(fake));
  const store = options.store ?? new MemoryStore();
  const session = new AddinSession(workbook, store, lang);
  return { fake, workbook, store, session };
}

/** A blank workbook: one empty sheet. */
export function blankGrids(): Grid[] {
  return [{ name: 'Sheet1', rows: [], merges: [], rowCount: 0, colCount: 0 }];
}
