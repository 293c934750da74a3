/**
 * Case 3 of the bench: the Office.js adapter against the strict fake Excel, on the
 * big table. No Excel runs here, so times are the adapter's and the fake's own work;
 * what carries over to real Excel are the counts: syncs (round trips), operations,
 * and bytes per request and response (Excel on the web refuses more than 5 MB).
 */
import { checkWorkbook, prepareSheets } from '../src/core/check';
import type { Grid } from '../src/core/grid';
import { planMarks } from '../src/core/marks';
import { summarize } from '../src/core/summarize';
import { planSummary, splitGrids } from '../src/core/summary';
import type { ExcelRun } from '../src/workbook/excel';
import { ExcelWorkbook } from '../src/workbook/excel';
import { bigTableGrid } from '../test/support/bigTable';
import { FakeExcel } from '../test/support/fakeExcel';
import { fakeFromGrids } from '../test/support/fakeExcel/fromGrid';

export interface SyncFigures {
  ops: number;
  formatOps: number;
  loads: number;
  requestBytes: number;
  responseBytes: number;
}

export interface StepFigures {
  step: string;
  ms: number;
  syncs: SyncFigures[];
}

export interface ExcelResult {
  regions: number;
  indicators: number;
  cells: number;
  steps: StepFigures[];
}

async function step(book: FakeExcel, name: string, what: () => Promise<unknown>): Promise<StepFigures> {
  book.resetStats();
  const t = process.hrtime.bigint();
  await what();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  return {
    step: name,
    ms,
    syncs: book.stats.log.map((s) => ({ ops: s.ops, formatOps: s.formatOps, loads: s.loads, requestBytes: s.requestBytes, responseBytes: s.responseBytes })),
  };
}

export async function measureExcel(regions: number, indicators: number): Promise<ExcelResult> {
  const grid = bigTableGrid(regions, indicators);
  const book = fakeFromGrids([grid]);
  const adapter = new ExcelWorkbook({ run: book.run.bind(book) as unknown as ExcelRun, isSetSupported: book.isSetSupported.bind(book) });
  const steps: StepFigures[] = [];
  let grids: Grid[] = [];
  steps.push(await step(book, 'list sheets', () => adapter.listSheets()));
  steps.push(await step(book, 'read the sheet', async () => (grids = await adapter.readGrids([grid.name]))));
  const prepared = prepareSheets({ grids });
  const result = summarize(
    prepared.map((p) => p.layout),
    prepared.map((p) => p.cells),
  );
  const findings = checkWorkbook(prepared, { lang: 'zh-CN' });
  for (const mode of ['values', 'formulas'] as const) {
    // a re-run replaces the add-in's sheets: what they are comes from the registry in the workbook
    const split = splitGrids(await adapter.readGrids());
    const { plan } = planSummary(result, { mode, findings, sheetOrder: [grid.name], existing: split.existing, registry: split.registry });
    steps.push(await step(book, `write the summary (${mode})`, () => adapter.writePlan(plan)));
  }
  // marks: the checker's findings, plus every 50th growth cell as if it were flagged
  const marks = planMarks(findings.issues, { lang: 'zh-CN' });
  for (let r = 5; r < grid.rowCount; r += 50) {
    marks.push({ sheet: grid.name, cell: `C${r + 1}`, severity: 'warning', fill: '#FFF2CC', note: `【审核】第${r + 1}行增速待核实` });
  }
  steps.push(await step(book, `mark ${marks.length} cells`, () => adapter.mark(marks)));
  steps.push(await step(book, `unmark ${marks.length} cells`, () => adapter.unmark()));
  return { regions, indicators, cells: grid.rowCount * grid.colCount, steps };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

export function reportExcel(r: ExcelResult): void {
  console.log(
    `\ncase 3: the Office.js adapter against the strict fake Excel, ${r.regions.toLocaleString('en-US')} regions x ${r.indicators} indicators (${r.cells.toLocaleString('en-US')} cells)`,
  );
  const rows = [['step', 'syncs', 'ops', 'format ops', 'loads', 'largest request', 'largest response', 'per sync (request/response)', 'time']];
  for (const s of r.steps) {
    const sum = (k: keyof SyncFigures) => s.syncs.reduce((n, x) => n + x[k], 0);
    rows.push([
      s.step,
      String(s.syncs.length),
      String(sum('ops')),
      String(sum('formatOps')),
      String(sum('loads')),
      mb(Math.max(0, ...s.syncs.map((x) => x.requestBytes))),
      mb(Math.max(0, ...s.syncs.map((x) => x.responseBytes))),
      s.syncs.map((x) => `${(x.requestBytes / 1024 / 1024).toFixed(2)}/${(x.responseBytes / 1024 / 1024).toFixed(2)}`).join(' '),
      `${Math.round(s.ms)} ms`,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const row of rows) console.log('  ' + row.map((cell, c) => (c === 0 || c === 7 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ').trimEnd());
  console.log('  (per sync: MB of request / MB of response; the limit on Excel on the web is 5 MB each)');
}
