import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Grid } from '../../../src/core/grid';
import { checkWorkbook, prepareSheets } from '../../../src/core/check';
import type { Lang } from '../../../src/core/i18n';
import { summarize } from '../../../src/core/summarize';
import type { SummaryPlanOptions, WorkbookPlan } from '../../../src/core/summary';
import { planSummary, splitGrids } from '../../../src/core/summary';
import { ExcelWorkbook } from '../../../src/workbook/excel';
import type { ExcelHost, ExcelRun, ExcelWorkbookOptions } from '../../../src/workbook/excel';
import type { ReadBook } from '../../../src/workbook/read';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { readXlsxFile } from '../../support/exceljs';
import type { XlsxWorkbook } from '../../support/exceljs';
import { FakeExcel } from '../../support/fakeExcel';
import { fakeFromWorkbook } from '../../support/fakeExcel/fromXlsx';

export const SAMPLE = 'assets/sample/county-indicators-2025-03.xlsx';

/** The fake as the adapter's host (it implements the part of the Excel API the adapter uses). */
export function fakeHost(book: FakeExcel): ExcelHost {
  return { run: book.run.bind(book) as unknown as ExcelRun, isSetSupported: book.isSetSupported.bind(book) };
}

/** The adapter over a fake Excel. */
export function adapterOn(book: FakeExcel, options: ExcelWorkbookOptions = {}): ExcelWorkbook {
  return new ExcelWorkbook(fakeHost(book), options);
}

/** A workbook file twice: as the xlsx adapter holds it and as a fake Excel holding the same cells. */
export async function twoWays(file: string, apiVersion = '1.18'): Promise<{ xlsx: XlsxWorkbook; book: FakeExcel; bytes: Uint8Array; read: ReadBook }> {
  const xlsx = await readXlsxFile(file);
  const raw = new ExcelJS.Workbook();
  await raw.xlsx.readFile(file);
  const bytes = new Uint8Array(readFileSync(file));
  return { xlsx, book: fakeFromWorkbook(raw, { apiVersion }), bytes, read: await readWorkbookBytes(bytes, file) };
}

/** The summary plan of a workbook, as the CLI makes it (checks included). */
export function planOf(xlsx: { grids(): Grid[] }, options: SummaryPlanOptions = {}, lang: Lang = 'zh-CN'): WorkbookPlan {
  const split = splitGrids(xlsx.grids());
  const prepared = prepareSheets({ grids: split.grids });
  const result = summarize(
    prepared.map((p) => p.layout),
    prepared.map((p) => p.cells),
  );
  const findings = checkWorkbook(prepared, { lang });
  return planSummary(result, {
    lang,
    ...options,
    findings,
    sheetOrder: split.grids.map((g) => g.name),
    existing: split.existing,
    registry: split.registry,
  }).plan;
}
