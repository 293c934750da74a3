/**
 * Benchmark: how long reading a sheet's layout and computing ranks take next to
 * loading the workbook. Aim: layout + computations < 1/4 of load time.
 *
 *   npm run bench                       # both cases
 *   npm run bench -- --regions 300      # a smaller big case
 *   npm run bench -- --json             # machine-readable output as well
 *
 * Case 1 generates (with ExcelJS's streaming writer, into os.tmpdir(), reused when
 * present) ONE sheet of 2,850 county-level regions x 60 indicators, each indicator a
 * merged group header over 绝对额(万元) | 增速(%) | 排名, a period row merged on
 * top and a 全国 total row first. A child process (node --expose-gc) then measures:
 * ExcelJS load (readXlsxFile), grid conversion (.grids()), layout (readSheet) and
 * computations (summarize), sampling peak RSS and heap.
 *
 * Case 2 takes the built-in 12-county sample and reports per-sheet latency.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { readSheet, SheetCells } from '../src/core/layout';
import type { SheetLayout } from '../src/core/layout';
import { summarize } from '../src/core/summarize';
import { planSummary } from '../src/core/summary';
import { writePlanCopy } from '../src/cli/writeCopy';
import { checkWorkbook } from '../src/core/check';
import type { CheckResult } from '../src/core/check';
import type { SummaryResult } from '../src/core/summarize';
import { readXlsxFile } from '../test/support/exceljs';
import { readWorkbookFile } from '../src/workbook/read/file';
import { bigTableGrid } from '../test/support/bigTable';
import type { ExcelResult } from './excelAdapter';
import type { LoadFigures, ReaderResult, XmlFigures } from './reader';
import { measureLoad, measureProcesses, measureXml, reportReader } from './reader';
import { measureExcel, reportExcel } from './excelAdapter';
import type { WriterResult } from './writer';
import { measureWriter, reportWriter } from './writer';
import { SAMPLE_RELATIVE_PATH, buildSample } from '../scripts/make-sample';

const GENERATOR_VERSION = 3;

interface Args {
  regions: number;
  indicators: number;
  repeat: number;
  sampleRepeat: number;
  fresh: boolean;
  json: boolean;
  skipBig: boolean;
  skipSample: boolean;
  skipExcel: boolean;
  skipReader: boolean;
  skipWriter: boolean;
  measure: string | null;
  mode: 'big' | 'sample' | 'load-exceljs' | 'load-ours' | 'xml';
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    regions: 2850,
    indicators: 60,
    repeat: 3,
    sampleRepeat: 50,
    fresh: false,
    json: false,
    skipBig: false,
    skipSample: false,
    skipExcel: false,
    skipReader: false,
    skipWriter: false,
    measure: null,
    mode: 'big',
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = () => argv[++i];
    if (k === '--regions') a.regions = Number(next());
    else if (k === '--indicators') a.indicators = Number(next());
    else if (k === '--repeat') a.repeat = Math.max(1, Number(next()));
    else if (k === '--sample-repeat') a.sampleRepeat = Math.max(1, Number(next()));
    else if (k === '--fresh') a.fresh = true;
    else if (k === '--json') a.json = true;
    else if (k === '--no-big') a.skipBig = true;
    else if (k === '--no-sample') a.skipSample = true;
    else if (k === '--no-excel') a.skipExcel = true;
    else if (k === '--no-reader') a.skipReader = true;
    else if (k === '--no-writer') a.skipWriter = true;
    else if (k === '--measure') a.measure = next();
    else if (k === '--mode') {
      const m = next();
      a.mode = m === 'sample' || m === 'load-exceljs' || m === 'load-ours' || m === 'xml' ? m : 'big';
    }
    else if (k === '--help' || k === '-h') {
      console.log('usage: bench [--regions N] [--indicators M] [--repeat R] [--sample-repeat R] [--fresh] [--json] [--no-big] [--no-sample] [--no-excel] [--no-reader] [--no-writer]');
      process.exit(0);
    }
  }
  return a;
}

// ---------------------------------------------------------------------------
// The big workbook
// ---------------------------------------------------------------------------

export function bigWorkbookPath(regions: number, indicators: number): string {
  return path.join(os.tmpdir(), `indicator-tables-bench-${regions}x${indicators}-v${GENERATOR_VERSION}.xlsx`);
}

/** Write the big one-sheet workbook with the streaming writer (deterministic; the grid of test/support/bigTable). */
export async function writeBigWorkbook(file: string, regions: number, indicators: number, seed = 2850): Promise<void> {
  const grid = bigTableGrid(regions, indicators, seed);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  const when = new Date(Date.UTC(2025, 3, 15));
  wb.created = when;
  wb.modified = when;
  wb.creator = 'indicator-tables bench';
  const ws = wb.addWorksheet(grid.name);
  for (const m of grid.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (let r = 0; r < grid.rowCount; r++) {
    const row = ws.getRow(r + 1);
    (grid.rows[r] ?? []).forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      const target = row.getCell(c + 1);
      target.value = cell.value;
      if (cell.format) target.numFmt = cell.format;
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------------------
// Measuring (in a child process, so that peak RSS is the reader's own)
// ---------------------------------------------------------------------------

interface MemoryPeaks {
  rss: number;
  heapUsed: number;
}

class MemorySampler {
  peaks: MemoryPeaks = { rss: 0, heapUsed: 0 };
  private timer: NodeJS.Timeout;

  constructor(intervalMs = 5) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  /** the interval cannot fire inside synchronous phases: sample at their ends too */
  sample(): void {
    const m = process.memoryUsage();
    if (m.rss > this.peaks.rss) this.peaks.rss = m.rss;
    if (m.heapUsed > this.peaks.heapUsed) this.peaks.heapUsed = m.heapUsed;
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    this.sample();
    // the kernel's high-water mark also covers the synchronous phases
    const maxRss = process.resourceUsage().maxRSS * 1024;
    return { rss: Math.max(this.peaks.rss, maxRss), heapUsed: this.peaks.heapUsed };
  }
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

interface Stats {
  /** the first call (cold: JIT not warmed up), as a one-shot CLI run pays it */
  first: number;
  min: number;
  median: number;
  mean: number;
}

function stats(xs: number[]): Stats {
  const s = xs.slice().sort((a, b) => a - b);
  return { first: xs[0], min: s[0], median: s[Math.floor(s.length / 2)], mean: xs.reduce((a, b) => a + b, 0) / xs.length };
}

export interface BigResult {
  file: string;
  fileBytes: number;
  rows: number;
  cols: number;
  /** our reader: readWorkbookFile + grids() */
  readerMs: number;
  /** ExcelJS: readXlsxFile, and its conversion to grids */
  loadMs: number;
  gridMs: number;
  layoutMs: Stats;
  computeMs: Stats;
  /** checkWorkbook on sheets already prepared (figures read, layout found) */
  checkMs: Stats;
  /** planSummary: the summary sheets as a plan (values mode) */
  planMs: Stats;
  /** the copy with the summary sheets, as `summarize -o` writes it (writePlanCopy: the package writer) */
  writeMs: number;
  written: { sheets: number; cells: number; formulas: number; rules: number; bytes: number };
  peakRss: number;
  peakHeap: number;
  heapAfterLoad: number;
  gcExposed: boolean;
  found: { tables: number; bodyRows: number; columns: number; summaryTables: number; peersFirst: number | null; mismatches: number; findings: number; errors: number; checkedItems: number };
}

async function measureBig(file: string, repeat: number): Promise<BigResult> {
  const sampler = new MemorySampler();
  gc();
  // the grids as the command line reads them (our reader); ExcelJS is loaded below as the reference (the reader before issue 14)
  let t = process.hrtime.bigint();
  const book = await readWorkbookFile(file);
  const grids = book.grids();
  const readerMs = ms(t);
  sampler.sample();
  gc();
  t = process.hrtime.bigint();
  const xw = await readXlsxFile(file);
  const loadMs = ms(t);
  sampler.sample();
  gc();
  const heapAfterLoad = process.memoryUsage().heapUsed;
  t = process.hrtime.bigint();
  xw.grids();
  const gridMs = ms(t);
  sampler.sample();
  const grid = grids[0];

  const layoutTimes: number[] = [];
  let layout: SheetLayout | null = null;
  let cells: SheetCells | null = null;
  for (let i = 0; i < repeat; i++) {
    gc();
    t = process.hrtime.bigint();
    // the figures read once here are reused by summarize and the checks
    cells = new SheetCells(grid);
    layout = readSheet(grid, {}, cells);
    layoutTimes.push(ms(t));
    sampler.sample();
  }
  const computeTimes: number[] = [];
  let summary: SummaryResult | null = null;
  for (let i = 0; i < repeat; i++) {
    gc();
    t = process.hrtime.bigint();
    summary = summarize([layout!], [cells!]);
    computeTimes.push(ms(t));
    sampler.sample();
  }
  const prepared = { grid, cells: cells!, layout: layout! };
  const checkTimes: number[] = [];
  let checked: CheckResult | null = null;
  for (let i = 0; i < repeat; i++) {
    gc();
    t = process.hrtime.bigint();
    checked = checkWorkbook([prepared]);
    checkTimes.push(ms(t));
    sampler.sample();
  }
  // the summary sheets: plan, write into the loaded workbook, save
  const planTimes: number[] = [];
  let planned: ReturnType<typeof planSummary> | null = null;
  for (let i = 0; i < repeat; i++) {
    gc();
    t = process.hrtime.bigint();
    planned = planSummary(summary!, { mode: 'values', findings: checked, sheetOrder: [grid.name], existing: [{ name: grid.name, a1: null }] });
    planTimes.push(ms(t));
    sampler.sample();
  }
  const plan = planned!.plan;
  gc();
  t = process.hrtime.bigint();
  const saved = writePlanCopy(new Uint8Array(fs.readFileSync(file)), plan);
  const writeMs = ms(t);
  sampler.sample();
  const cellsWritten = [...plan.sheets, plan.registry].reduce((n, sh) => n + sh.cells.reduce((m, row) => m + row.filter((c) => c !== null).length, 0), 0);
  const formulasPlanned = plan.sheets.reduce((n, sh) => n + sh.cells.reduce((m, row) => m + row.filter((c) => c?.formula).length, 0), 0);
  const rules = plan.sheets.reduce((n, sh) => n + sh.highlights.length, 0);
  const peaks = sampler.stop();
  const tables = layout!.tables;
  return {
    file,
    fileBytes: fs.statSync(file).size,
    rows: grid.rowCount,
    cols: grid.colCount,
    readerMs,
    loadMs,
    gridMs,
    layoutMs: stats(layoutTimes),
    computeMs: stats(computeTimes),
    checkMs: stats(checkTimes),
    planMs: stats(planTimes),
    writeMs,
    written: { sheets: plan.sheets.length, cells: cellsWritten, formulas: formulasPlanned, rules, bytes: saved.length },
    peakRss: peaks.rss,
    peakHeap: peaks.heapUsed,
    heapAfterLoad,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    found: {
      tables: tables.length,
      bodyRows: tables.reduce((n, x) => n + x.rows.length, 0),
      columns: tables.reduce((n, x) => n + x.columns.length, 0),
      summaryTables: summary!.tables.length,
      peersFirst: summary!.tables[0]?.peers ?? null,
      mismatches: summary!.tables.reduce((n, x) => n + x.rankMismatches.length, 0),
      findings: checked!.issues.length,
      errors: checked!.issues.filter((x) => x.severity === 'error').length,
      checkedItems: checked!.summary.reduce((n, x) => n + x.items, 0),
    },
  };
}

export interface SampleResult {
  file: string;
  fileBytes: number;
  loadMs: number;
  gridMs: number;
  sheets: { sheet: string; cells: number; layoutUs: number; computeUs: number; tables: number }[];
  firstCallMs: number;
}

async function measureSample(file: string, repeat: number): Promise<SampleResult> {
  let t = process.hrtime.bigint();
  const xw = await readXlsxFile(file);
  const loadMs = ms(t);
  t = process.hrtime.bigint();
  const grids = xw.grids();
  const gridMs = ms(t);
  // the first (cold) pass over the whole workbook, as the CLI does it once
  t = process.hrtime.bigint();
  const cold = grids.map((g) => readSheet(g));
  summarize(cold, grids);
  const firstCallMs = ms(t);
  const sheets: SampleResult['sheets'] = [];
  for (const g of grids) {
    let layout = readSheet(g);
    let t0 = process.hrtime.bigint();
    for (let i = 0; i < repeat; i++) layout = readSheet(g);
    const layoutUs = (ms(t0) * 1000) / repeat;
    summarize([layout], [g]);
    t0 = process.hrtime.bigint();
    for (let i = 0; i < repeat; i++) summarize([layout], [g]);
    const computeUs = (ms(t0) * 1000) / repeat;
    let cells = 0;
    for (const row of g.rows) if (row) for (const c of row) if (c && c.type !== 'empty') cells++;
    sheets.push({ sheet: g.name, cells, layoutUs, computeUs, tables: layout.tables.length });
  }
  return { file, fileBytes: fs.statSync(file).size, loadMs, gridMs, sheets, firstCallMs };
}

function runChild<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, args, { execArgv: ['--expose-gc'], stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    let result: T | null = null;
    child.on('message', (m) => (result = m as T));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 && result ? resolve(result) : reject(new Error(`measurement child exited with ${code}`))));
  });
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const fmtMs = (n: number) => (n >= 100 ? `${Math.round(n).toLocaleString('en-US')} ms` : `${n.toFixed(1)} ms`);

function table(rows: string[][], leftLast = false): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, w: number, right: boolean) => {
    const len = [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    return right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len);
  };
  const last = rows[0].length - 1;
  return rows.map((r) => '  ' + r.map((s, c) => pad(s, widths[c], c > 0 && !(c === last && leftLast))).join('   ').trimEnd()).join('\n');
}

function machine(): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU${cpus.length === 1 ? '' : 's'} (${cpus[0]?.model.trim() ?? '?'}), ${mb(os.totalmem())} RAM`;
}

function reportBig(r: BigResult, args: Args, generatedMs: number | null): void {
  const load = r.loadMs + r.gridMs;
  const work = r.layoutMs.median + r.computeMs.median;
  const ratio = work / load;
  const coldRatio = (r.layoutMs.first + r.computeMs.first) / load;
  console.log(`\ncase 1: one sheet, ${args.regions.toLocaleString('en-US')} regions x ${args.indicators} indicators (${r.rows} rows x ${r.cols} columns)`);
  console.log(`  file: ${r.file} (${mb(r.fileBytes)}${generatedMs !== null ? `, generated in ${fmtMs(generatedMs)}` : ', reused'})`);
  console.log(
    table([
      ['phase', 'time', 'note'],
      ['our reader (readWorkbookFile + grids)', fmtMs(r.readerMs), `${((r.readerMs / load) * 100).toFixed(0)}% of ExcelJS's load total (issue 14: aim ≤ 25%)`],
      ['ExcelJS load (readXlsxFile)', fmtMs(r.loadMs), 'the reference: the reader before issue 14 (tests only now)'],
      ['grid conversion (.grids())', fmtMs(r.gridMs), ''],
      ['load total (ExcelJS)', fmtMs(load), ''],
      ['layout (readSheet)', fmtMs(r.layoutMs.median), `median of ${args.repeat}; first call ${fmtMs(r.layoutMs.first)}, min ${fmtMs(r.layoutMs.min)}`],
      ['computations (summarize)', fmtMs(r.computeMs.median), `median of ${args.repeat}; first call ${fmtMs(r.computeMs.first)}, min ${fmtMs(r.computeMs.min)}`],
      ['checks (checkWorkbook)', fmtMs(r.checkMs.median), `median of ${args.repeat}; first call ${fmtMs(r.checkMs.first)}; aim ≤ layout: ${r.checkMs.median <= r.layoutMs.median ? 'met' : 'NOT met'}`],
      ['summary plan (planSummary)', fmtMs(r.planMs.median), `median of ${args.repeat}; ${r.written.sheets} sheets, ${r.written.cells.toLocaleString('en-US')} cells, ${r.written.rules} highlight rules`],
      ['write the copy (writePlanCopy)', fmtMs(r.writeMs), `the package writer, as summarize -o: ${mb(r.written.bytes)} with the source sheet, once`],
      ['(layout+computations)/load', ratio.toFixed(3), `aim < 0.25: ${ratio < 0.25 ? 'met' : 'NOT met'} (medians)`],
      ['  same, first calls', coldRatio.toFixed(3), ''],
      ['  vs ExcelJS load only', (work / r.loadMs).toFixed(3), ''],
      ['  vs our reader', (work / r.readerMs).toFixed(3), 'reading is no longer the larger part'],
      ['peak RSS', mb(r.peakRss), 'kernel high-water mark'],
      ['peak heap used', mb(r.peakHeap), `sampled every 5 ms and after each phase${r.gcExposed ? '' : ' (no --expose-gc)'}`],
      ['heap after load (after gc)', mb(r.heapAfterLoad), 'our grids and the ExcelJS workbook held'],
    ], true),
  );
  const f = r.found;
  console.log(
    `  layout found ${f.tables} table(s), ${f.bodyRows} body rows, ${f.columns} columns; summarize gave ${f.summaryTables} table(s), ${f.peersFirst ?? '-'} peers in the first, ${f.mismatches} rank mismatches`,
  );
  console.log(`  checks looked at ${f.checkedItems.toLocaleString('en-US')} items and gave ${f.findings} finding(s), ${f.errors} error(s)`);
  if (f.summaryTables !== args.indicators || f.peersFirst !== args.regions || f.mismatches !== 0)
    console.log(`  WARNING: expected ${args.indicators} summary tables of ${args.regions} peers and no rank mismatches`);
}

function reportSample(r: SampleResult, repeat: number): void {
  console.log(`\ncase 2: the built-in sample, ${r.sheets.length} sheets (${r.file}, ${(r.fileBytes / 1024).toFixed(1)} KB)`);
  console.log(`  ExcelJS load ${fmtMs(r.loadMs)}, grid conversion ${fmtMs(r.gridMs)}, first (cold) layout+summarize of the whole workbook ${fmtMs(r.firstCallMs)}`);
  const rows = [['sheet', 'cells', 'tables', 'layout', 'summarize']];
  for (const s of r.sheets) rows.push([s.sheet, String(s.cells), String(s.tables), `${s.layoutUs.toFixed(0)} µs`, `${s.computeUs.toFixed(0)} µs`]);
  const sumL = r.sheets.reduce((a, s) => a + s.layoutUs, 0);
  const sumC = r.sheets.reduce((a, s) => a + s.computeUs, 0);
  rows.push(['all sheets', String(r.sheets.reduce((a, s) => a + s.cells, 0)), '', `${(sumL / 1000).toFixed(2)} ms`, `${(sumC / 1000).toFixed(2)} ms`]);
  console.log(table(rows));
  console.log(`  per-sheet figures: mean of ${repeat} warm runs; (layout+computations)/load = ${((sumL + sumC) / 1000 / (r.loadMs + r.gridMs)).toFixed(3)}`);
}

function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'assets'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

async function samplePath(): Promise<string> {
  const committed = path.join(repoRoot(), SAMPLE_RELATIVE_PATH);
  if (fs.existsSync(committed)) return committed;
  const file = path.join(os.tmpdir(), 'indicator-tables-bench-sample.xlsx');
  const { workbook } = buildSample();
  await workbook.xlsx.writeFile(file);
  return file;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.measure) {
    const result =
      args.mode === 'sample'
        ? await measureSample(args.measure, args.sampleRepeat)
        : args.mode === 'load-exceljs' || args.mode === 'load-ours'
          ? await measureLoad(args.measure, args.mode === 'load-ours' ? 'ours' : 'exceljs')
          : args.mode === 'xml'
            ? await measureXml(args.measure, args.repeat)
            : await measureBig(args.measure, args.repeat);
    if (process.send) process.send(result);
    else console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(`indicator-tables benchmark — ${machine()}`);
  const out: { big?: BigResult; sample?: SampleResult; excel?: ExcelResult; reader?: ReaderResult; writer?: WriterResult } = {};
  if (!args.skipBig) {
    const file = bigWorkbookPath(args.regions, args.indicators);
    let generatedMs: number | null = null;
    if (args.fresh || !fs.existsSync(file)) {
      const t = process.hrtime.bigint();
      await writeBigWorkbook(file, args.regions, args.indicators);
      generatedMs = ms(t);
    }
    out.big = await runChild<BigResult>(['--measure', file, '--mode', 'big', '--repeat', String(args.repeat)]);
    reportBig(out.big, args, generatedMs);
  }
  if (!args.skipSample) {
    const file = await samplePath();
    out.sample = await runChild<SampleResult>(['--measure', file, '--mode', 'sample', '--sample-repeat', String(args.sampleRepeat)]);
    reportSample(out.sample, args.sampleRepeat);
  }
  if (!args.skipExcel) {
    out.excel = await measureExcel(args.regions, args.indicators);
    reportExcel(out.excel);
  }
  if (!args.skipReader) {
    const file = bigWorkbookPath(args.regions, args.indicators);
    if (!fs.existsSync(file)) await writeBigWorkbook(file, args.regions, args.indicators);
    const exceljs = await runChild<LoadFigures>(['--measure', file, '--mode', 'load-exceljs']);
    const ours = await runChild<LoadFigures>(['--measure', file, '--mode', 'load-ours']);
    const xml = await runChild<XmlFigures>(['--measure', file, '--mode', 'xml', '--repeat', String(args.repeat)]);
    const { processes, python } = await measureProcesses(repoRoot(), file, args.repeat);
    out.reader = { file, exceljs, ours, xml, processes, python };
    reportReader(out.reader);
  }
  if (!args.skipWriter) {
    const file = bigWorkbookPath(args.regions, args.indicators);
    if (!fs.existsSync(file)) await writeBigWorkbook(file, args.regions, args.indicators);
    const small = [{ label: 'the sample', file: await samplePath() }];
    const shaoyang = path.resolve(repoRoot(), '../shared/fixtures/real/shaoyang-monthly-2025-03.xlsx');
    if (fs.existsSync(shaoyang)) small.push({ label: 'the 邵阳 report', file: shaoyang });
    else console.log(`\n(the 邵阳 report is not at ${shaoyang}: case 7 times the sample only)`);
    out.writer = await measureWriter(repoRoot(), file, small, args.repeat);
    reportWriter(out.writer);
  }
  if (args.json) console.log(`\n${JSON.stringify(out, null, 2)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
