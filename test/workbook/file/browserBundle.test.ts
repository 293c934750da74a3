/**
 * src/workbook/file must bundle for the browser (the standalone page loads it with import()):
 * webpack, target web, no ExcelJS and no Node
 * built-ins. The bundle is then run as a browser would run it, in a fresh JavaScript realm with
 * no `require`, `process` or `Buffer`: it opens the sample's bytes, marks a cell, writes a
 * summary plan and saves, and the saved bytes are read back here.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import * as zlib from 'node:zlib';
import webpack from 'webpack';
import { MARKS_SHEET, planMarks } from '../../../src/core/marks';
import { buildSummary, checkSession, defaultSettings, enabledSheets, prepareSession, summaryInput } from '../../../src/core/session';
import { splitGrids } from '../../../src/core/summary';
import { readXlsxBuffer } from '../../support/exceljs';
import { SAMPLE } from '../excel/support';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '../../..');

interface BundledFileWorkbook {
  fileName: string;
  listSheets(): Promise<{ name: string; hidden: boolean }[]>;
  readGrids(names?: string[]): Promise<unknown[]>;
  mark(marks: unknown[]): Promise<{ cells: number }>;
  writePlan(plan: unknown, options?: { activate?: boolean }): Promise<void>;
  goTo(sheet: string, cell: string): Promise<void>;
  toBytes(): Promise<Uint8Array>;
  downloadName(lang: string): string;
}
interface BundledLib {
  FileWorkbook: { open(data: Uint8Array, name: string, options?: { maxBytes?: number; onGoTo?: (s: string, c: string) => void }): Promise<BundledFileWorkbook> };
  MAX_FILE_BYTES: number;
}

let out: string;
let stats: webpack.StatsCompilation;
let bundle: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'file-workbook-bundle-'));
  const result = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: 'web',
        context: ROOT,
        entry: path.join(ROOT, 'src/workbook/file/index.ts'),
        output: { path: out, filename: 'fileWorkbook.js', library: { name: 'IndicatorTablesFile', type: 'umd' } },
        // No fallbacks: a Node built-in anywhere is a build error, not a polyfill.
        resolve: { extensions: ['.ts', '.js'], fallback: {} },
        module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ }] },
        devtool: false,
        performance: { hints: false },
        // One file for the bare realm below (no chunk loading there): the lazy imports (SheetJS for legacy files) are inlined.
        plugins: [new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 })],
      },
      (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s)),
    );
  });
  stats = result.toJson({ all: false, errors: true, warnings: true, modules: true, assets: true });
  bundle = fs.readFileSync(path.join(out, 'fileWorkbook.js'), 'utf8');
});

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test('bundles for target web with no errors and no Node built-ins; no ExcelJS (the page writes through the package writer)', () => {
  const problems = [...(stats.errors ?? []), ...(stats.warnings ?? [])].map((e) => e.message);
  expect(problems.filter((m) => /Can't resolve|Module not found|node:/.test(m))).toEqual([]);
  expect(stats.errors ?? []).toEqual([]);
  const names = (stats.modules ?? []).map((m) => String(m.name));
  expect(names.some((n) => /src\/workbook\/file\/FileWorkbook\.ts/.test(n))).toBe(true);
  expect(names.filter((n) => /node_modules\/(exceljs|jszip)\//.test(n))).toEqual([]);
  expect(names.filter((n) => /^(node:|fs$|path$|os$|stream$|buffer$|crypto$)/.test(n) || /src\/workbook\/read\/file\.ts/.test(n))).toEqual([]);
  const gzip = zlib.gzipSync(bundle, { level: 9 }).length;
  // Reported (see the report of this change); the bounds only catch a bundle gone wrong.
  console.log(`src/workbook/file bundle: ${(bundle.length / 1024).toFixed(0)} KiB minified, ${(gzip / 1024).toFixed(0)} KiB gzipped`);
  expect(gzip).toBeGreaterThan(50 * 1024);
  expect(gzip).toBeLessThan(1100 * 1024);
});

test('the bundle runs in a bare browser-like realm: open the sample, mark, write a summary, save', async () => {
  // A fresh realm with what a browser page has (and not require, process, Buffer, global).
  const context: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    TextDecoder,
    TextEncoder,
  };
  context.self = context;
  context.window = context;
  vm.createContext(context);
  vm.runInContext(bundle, context, { filename: 'fileWorkbook.js' });
  expect(vm.runInContext('typeof Buffer + typeof process + typeof require', context)).toBe('undefinedundefinedundefined');
  const lib = context.IndicatorTablesFile as BundledLib;
  expect(lib.MAX_FILE_BYTES).toBe(60 * 1024 * 1024);

  // The bytes as the page has them: a Uint8Array of the page's own realm.
  const raw = fs.readFileSync(SAMPLE);
  const bytes = vm.runInContext(`new Uint8Array(${raw.length})`, context) as Uint8Array;
  bytes.set(raw);
  const gone: [string, string][] = [];
  const file = await lib.FileWorkbook.open(bytes, '三月报表.xlsx', { onGoTo: (s, c) => gone.push([s, c]) });
  expect(file.downloadName('zh-CN')).toBe('三月报表-汇总.xlsx');
  const sheets = await file.listSheets();
  expect(sheets.map((s) => s.name)).toContain('固定资产投资');
  await file.goTo('固定资产投资', 'C10');
  expect(gone).toEqual([['固定资产投资', 'C10']]);

  // The core runs here (it is plain data in and out); the bundle reads, marks and writes.
  const grids = JSON.parse(JSON.stringify(await file.readGrids()));
  const settings = defaultSettings();
  const split = splitGrids(grids);
  const prepared = prepareSession(split, settings);
  const findings = checkSession(prepared, settings, 'zh-CN');
  const marks = planMarks(findings.issues, { lang: 'zh-CN' });
  const marked = await file.mark(JSON.parse(JSON.stringify(marks)));
  expect(marked.cells).toBe(marks.length);
  const built = buildSummary(split, enabledSheets(prepared, settings), summaryInput(settings, 'zh-CN'));
  await file.writePlan(JSON.parse(JSON.stringify(built.planned.plan)), { activate: true });
  const saved = await file.toBytes();
  expect(saved.length).toBeGreaterThan(10_000);

  const back = (await readXlsxBuffer(new Uint8Array(saved), 'saved.xlsx')).workbook;
  const names = back.worksheets.map((ws) => ws.name);
  expect(names).toEqual(expect.arrayContaining(['主要指标汇总表1', '位次表', '审核结果', MARKS_SHEET]));
  expect(back.worksheets[back.views[0].activeTab].name).toBe('主要指标汇总表1');
  const c10 = back.getWorksheet('固定资产投资')!.getCell('C10');
  expect(c10.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } });
  expect(typeof c10.note === 'string' ? c10.note : (c10.note?.texts ?? []).map((t) => t.text).join('')).toContain('公布位次为第11位');
});
