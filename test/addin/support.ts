import type { Grid } from '../../src/core/grid';
import { AddinSession, MemoryStore } from '../../src/addin';
import type { Lang } from '../../src/core/i18n';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { FakeExcel } from '../support/fakeExcel';
import { fakeFromGrids } from '../support/fakeExcel/fromGrid';
import { adapterOn, SAMPLE } from '../workbook/excel/support';

let sampleGrids: Promise<Grid[]> | null = null;

/** The project's sample county report as grids (read once per test file). */
export function sampleGridsOnce(): Promise<Grid[]> {
  sampleGrids ??= readWorkbookFile(SAMPLE).then((wb) => wb.grids());
  return sampleGrids;
}

/** A fake Excel holding the sample, and a session over it with settings kept in memory. */
export async function sampleSession(lang: Lang = 'zh-CN', store = new MemoryStore(), apiVersion = '1.18'): Promise<{ book: FakeExcel; store: MemoryStore; session: AddinSession }> {
  const book = fakeFromGrids(await sampleGridsOnce(), { apiVersion });
  return { book, store, session: new AddinSession(adapterOn(book), store, lang) };
}
