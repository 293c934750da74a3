/**
 * Benchmark of the standalone page (issue 14): how long the page takes to open a large
 * workbook, and how much memory the browser needs for it.
 *
 *   npm run bench:page                       # the generated ~40 MB workbook and the real 邵阳 file
 *   npm run bench:page -- --site DIR         # use a site built before (npm run build:web → dist)
 *   npm run bench:page -- --fresh            # generate the big workbook again
 *   npm run bench:page -- --no-small --json  # the big one only, JSON as well
 *   npm run bench:page -- --file some.xlsx   # any other workbook, after the two
 *
 * Aim (issue 14): the page opens a generated 40 MB workbook in under 6 s and 600 MB of
 * browser memory. Before the reader was rewritten a 42 MB workbook (400,000 rows) took
 * about 24 s and 1.7 GB.
 *
 * The big workbook: a bureau's township-level tables (乡镇/街道, fictional CJK names), one
 * sheet per group of indicators, each indicator a group header merged over
 * 绝对额 | 增速(%) | 排名 under a title row, a 合计 row first; 绝对额 with one decimal and
 * format 0.0, 增速 as computed (full precision) with 0.0, 排名 the competition rank of the
 * shown growth (growth mostly 6% ± 6, 1 in 100 anywhere in -50% … +100%, 1 in 100 figures
 * not reported); names and headers as shared strings. Written with ExcelJS's streaming
 * writer into os.tmpdir() (deterministic, reused when present).
 *
 * Each workbook is measured in a fresh headless chromium (test/e2e/support: the production
 * web build served on 127.0.0.1, office.js answering "no host", so taskpane.html shows the
 * standalone page):
 *   - open: from setInputFiles (choosing the file) until the step headings (the file read:
 *     FileWorkbook.open), 共 N 张表 (the session's layout of every sheet: the sheets listed)
 *     and the sheet view's table are all on the page, as Playwright sees it; the page's own
 *     times of each (a MutationObserver: exact however long the main thread is busy) are
 *     reported beside it;
 *   - check: from clicking 检查数据 to the 检查结果 heading (and the page's own time);
 *   - memory: every 200 ms, the renderer processes' VmRSS and VmHWM (the kernel's high-water
 *     mark) from /proc, the PSS of all of chromium's processes, and JSHeapUsedSize /
 *     JSHeapTotalSize through CDP (Performance.getMetrics), up to the end of the open and
 *     over the whole run. CDP is answered by the renderer's main thread, so the heap is not
 *     sampled inside a long task: its peak is a lower bound; VmHWM is not. The aim's memory
 *     is the renderer's VmHWM at the end of the open (the page's process, its baseline of
 *     about 145 MB included);
 *   - where the main thread went: long tasks (PerformanceObserver), and the CDP metrics
 *     TaskDuration, LayoutDuration and RecalcStyleDuration per phase (ScriptDuration is left
 *     out: it misses the promise continuations where the work runs).
 * The same file is also read in Node (readWorkbookBytes + grids(), fflate as in the page) for
 * its cell count and a reader-only time to compare with. MB here is 2^20 bytes.
 */
import ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Configuration } from 'webpack';
import { readWorkbookBytes } from '../src/workbook/read';
import { launchBrowser, openPage } from '../test/e2e/support/browser';
import { runWebpack } from '../test/e2e/support/build';
import { serveDir } from '../test/e2e/support/server';
import { Rng, fixZipTimestamps, generateCountyNames, roundShown } from '../test/support/fixtures';

const GENERATOR_VERSION = 3;
const AIM_MS = 6_000;
const AIM_BYTES = 600 * 1024 * 1024;
const SAMPLE_EVERY_MS = 200;

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

interface Args {
  sheets: number;
  regions: number;
  indicators: number;
  fresh: boolean;
  site: string | null;
  big: boolean;
  small: boolean;
  files: string[];
  json: boolean;
  /** only generate the big workbook (and say what it holds) */
  generateOnly: boolean;
  /** give up waiting for a step after this long */
  timeoutMs: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { sheets: 6, regions: 15_000, indicators: 15, fresh: false, site: null, big: true, small: true, files: [], json: false, generateOnly: false, timeoutMs: 600_000 };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${k} needs a value`);
      return v;
    };
    if (k === '--sheets') a.sheets = Math.max(1, Number(next()));
    else if (k === '--regions') a.regions = Math.max(10, Number(next()));
    else if (k === '--indicators') a.indicators = Math.max(1, Number(next()));
    else if (k === '--fresh') a.fresh = true;
    else if (k === '--site') a.site = path.resolve(next());
    else if (k === '--no-big') a.big = false;
    else if (k === '--no-small') a.small = false;
    else if (k === '--file') a.files.push(path.resolve(next()));
    else if (k === '--json') a.json = true;
    else if (k === '--generate') a.generateOnly = true;
    else if (k === '--timeout') a.timeoutMs = Number(next()) * 1000;
    else if (k === '--help' || k === '-h') {
      console.log('usage: bench:page [--sheets N] [--regions N] [--indicators N] [--fresh] [--site DIR] [--no-big] [--no-small] [--file F]... [--json] [--generate] [--timeout SECONDS]');
      process.exit(0);
    } else throw new Error(`unknown argument ${k}`);
  }
  return a;
}

function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'webpack.config.js'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

// ---------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------

const mb = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const secs = (ms: number | null): string => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);
const count = (n: number): string => n.toLocaleString('en-US');

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  const line = (r: string[]): string => `  ${r.map((s, c) => pad(s, widths[c])).join('  ')}`;
  return [line(rows[0]), `  ${widths.map((w) => '-'.repeat(w)).join('  ')}`, ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// The big workbook
// ---------------------------------------------------------------------------

interface WorkbookMeta {
  sheets: { name: string; rows: number; cols: number; cells: number }[];
  cells: number;
}

/**
 * The sheets: a group of 15 indicators each, [name, unit]. Every name is its own indicator
 * (the checks' indicatorKey ignores brackets and 规模以上/规上, so no two may differ only by
 * those): the same indicator on several sheets with other figures would make figure-differs
 * compare them, a heavier case than a bureau's usual workbook.
 */
const SHEET_GROUPS: [string, [string, string][]][] = [
  ['工业和能源', [
    ['规模以上工业增加值', '万元'], ['规模以上工业总产值', '万元'], ['规模以上工业营业收入', '万元'], ['规模以上工业利润总额', '万元'],
    ['规模以上工业出口交货值', '万元'], ['高技术制造业增加值', '万元'], ['装备制造业增加值', '万元'], ['六大高耗能行业增加值', '万元'],
    ['新产品产值', '万元'], ['全社会用电量', '万千瓦时'], ['工业用电量', '万千瓦时'], ['发电量', '万千瓦时'],
    ['综合能源消费量', '吨标准煤'], ['原煤产量', '吨'], ['水泥产量', '吨'],
  ]],
  ['投资和建筑', [
    ['固定资产投资', '万元'], ['工业投资', '万元'], ['制造业投资', '万元'], ['技改投资', '万元'],
    ['基础设施投资', '万元'], ['民间投资', '万元'], ['房地产开发投资', '万元'], ['商品房销售面积', '万平方米'],
    ['商品房销售额', '万元'], ['建筑业总产值', '万元'], ['建筑业企业签订合同额', '万元'], ['新开工项目计划总投资', '万元'],
    ['亿元以上项目完成投资', '万元'], ['交通运输投资', '万元'], ['生态环保投资', '万元'],
  ]],
  ['消费和外贸', [
    ['社会消费品零售总额', '万元'], ['限额以上消费品零售额', '万元'], ['城镇消费品零售额', '万元'], ['乡村消费品零售额', '万元'],
    ['餐饮收入', '万元'], ['商品零售额', '万元'], ['网络零售额', '万元'], ['进出口总额', '万元'],
    ['出口总额', '万元'], ['进口总额', '万元'], ['实际使用外资', '万美元'], ['接待游客人次', '万人次'],
    ['旅游总收入', '万元'], ['服务业营业收入', '万元'], ['住宿业营业额', '万元'],
  ]],
  ['财政和金融', [
    ['一般公共预算收入', '万元'], ['税收收入', '万元'], ['非税收入', '万元'], ['一般公共预算支出', '万元'],
    ['民生支出', '万元'], ['增值税', '万元'], ['企业所得税', '万元'], ['个人所得税', '万元'],
    ['金融机构本外币存款余额', '万元'], ['住户存款余额', '万元'], ['金融机构本外币贷款余额', '万元'], ['制造业贷款余额', '万元'],
    ['普惠小微贷款余额', '万元'], ['政府性基金收入', '万元'], ['保险保费收入', '万元'],
  ]],
  ['农业和收入', [
    ['农林牧渔业总产值', '万元'], ['农业产值', '万元'], ['林业产值', '万元'], ['牧业产值', '万元'],
    ['渔业产值', '万元'], ['粮食产量', '吨'], ['生猪出栏', '头'], ['蔬菜产量', '吨'],
    ['水果产量', '吨'], ['全体居民人均可支配收入', '元'], ['城镇居民人均可支配收入', '元'], ['农村居民人均可支配收入', '元'],
    ['全体居民人均消费支出', '元'], ['城镇居民人均消费支出', '元'], ['农村居民人均消费支出', '元'],
  ]],
  ['交通和邮电', [
    ['货物运输量', '万吨'], ['旅客运输量', '万人'], ['货物周转量', '万吨公里'], ['旅客周转量', '万人公里'],
    ['港口货物吞吐量', '万吨'], ['邮政业务总量', '万元'], ['快递业务量', '万件'], ['电信业务总量', '万元'],
    ['移动电话用户', '万户'], ['宽带接入用户', '万户'], ['新能源汽车保有量', '辆'], ['民用汽车保有量', '辆'],
    ['公交客运量', '万人次'], ['航空旅客吞吐量', '万人次'], ['铁路货运量', '万吨'],
  ]],
];

/** The name and indicators of sheet s (0-based); past the groups, numbered batches of them. */
function sheetGroup(s: number, indicators: number): { group: string; inds: [string, string][] } {
  const [group, list] = SHEET_GROUPS[s % SHEET_GROUPS.length];
  const round = Math.floor(s / SHEET_GROUPS.length);
  const inds: [string, string][] = [];
  for (let k = 0; k < indicators; k++) {
    const [name, unit] = list[k % list.length];
    const batch = round * Math.ceil(indicators / list.length) + Math.floor(k / list.length);
    inds.push([batch === 0 ? name : `第${batch + 1}批${name}`, unit]);
  }
  return { group: round === 0 ? group : `${group}${round + 1}`, inds };
}

const TOWN_FIRST = '东西南北上下前后新老大小高长青白金石龙凤桃梅兴永宁太福德文武华江河湖山川溪林阳明城丰和乐康泰嘉宜盛昌隆源海天水月星岭峰沙田';
const TOWN_SECOND = '坪塘湾滩浦桥口门关谷峰岗台洲港原庄堡寨营屯坝岩岭冈陵亭铺集店场坊市渡溪泉埠';

export function bigWorkbookPath(a: Pick<Args, 'sheets' | 'regions' | 'indicators'>): string {
  return path.join(os.tmpdir(), `indicator-tables-page-bench-${a.sheets}x${a.regions}x${a.indicators}-v${GENERATOR_VERSION}.xlsx`);
}

/** n unique township names (县 + 镇/乡/街道), deterministic. */
function townshipNames(n: number, seed: number): string[] {
  const rng = new Rng(seed).fork('townships');
  const counties = generateCountyNames(Math.min(4_000, Math.ceil(n / 12) + 1), seed);
  const out: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < n; i++) {
    const county = counties[i % counties.length].full;
    const u = rng.next();
    const kind = u < 0.55 ? '镇' : u < 0.8 ? '乡' : '街道';
    const name = `${county}${rng.pick([...TOWN_FIRST])}${rng.pick([...TOWN_SECOND])}${kind}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * A growth rate in %: mostly around 6% (sd `spread`), 1 in 100 anywhere from -50% to +100%
 * (a plant opened or closed), so that about 0.6% of them pass the checks' ±30%.
 */
function growthDraw(rng: Rng, spread: number): number {
  if (rng.chance(0.01)) return rng.between(-50, 100);
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return 6 + spread * z;
}

/** Competition ranks (1, 2, 2, 4), descending, of the present values; NaN stays unranked (0). */
function ranks(values: Float64Array): Int32Array {
  const order = Array.from(values.keys()).filter((i) => !Number.isNaN(values[i]));
  order.sort((x, y) => values[y] - values[x]);
  const out = new Int32Array(values.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    out[i] = k > 0 && values[order[k - 1]] === values[i] ? out[order[k - 1]] : k + 1;
  }
  return out;
}

/** Write the big workbook with ExcelJS's streaming writer; returns what it holds. */
export async function writeBigWorkbook(file: string, a: Pick<Args, 'sheets' | 'regions' | 'indicators'>, seed = 14): Promise<WorkbookMeta> {
  const rng = new Rng(seed);
  const names = townshipNames(a.regions, seed);
  const tmp = `${file}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: true });
  const when = new Date(Date.UTC(2025, 3, 15));
  wb.created = when;
  wb.modified = when;
  wb.creator = 'indicator-tables page bench';
  const meta: WorkbookMeta = { sheets: [], cells: 0 };
  const lastCol = 1 + 3 * a.indicators; // 1-based
  for (let s = 0; s < a.sheets; s++) {
    const { group, inds: sheetInds } = sheetGroup(s, a.indicators);
    const name = `${s + 1}.${group}`;
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
    ws.getColumn(1).width = 22;
    let cells = 0;
    // figures column-wise first, so that the ranks and the total row are known
    const value: Float64Array[] = [];
    const growth: Float64Array[] = [];
    const rank: Int32Array[] = [];
    const total: { value: number; growth: number }[] = [];
    for (const [, unit] of sheetInds) {
      const perCapita = unit === '元';
      const v = new Float64Array(a.regions);
      const g = new Float64Array(a.regions);
      const shown = new Float64Array(a.regions);
      let sumV = 0;
      let sumPrev = 0;
      for (let i = 0; i < a.regions; i++) {
        if (rng.chance(0.01)) {
          v[i] = g[i] = shown[i] = NaN; // not reported
          continue;
        }
        const cur = perCapita ? Math.round(rng.between(12_000, 65_000)) : Math.round(Math.exp(rng.between(Math.log(50), Math.log(600_000))) * 10) / 10;
        const prev = perCapita ? Math.round(cur / (1 + growthDraw(rng, 3) / 100)) : Math.round((cur / (1 + growthDraw(rng, 6) / 100)) * 10) / 10;
        v[i] = cur;
        g[i] = (cur / prev - 1) * 100;
        shown[i] = roundShown(g[i], 1);
        sumV += cur;
        sumPrev += prev;
      }
      value.push(v);
      growth.push(g);
      rank.push(ranks(shown));
      total.push({ value: perCapita ? Math.round(sumV / a.regions) : Math.round(sumV * 10) / 10, growth: (sumV / sumPrev - 1) * 100 });
    }

    // merges first: the streaming writer cannot reach rows already committed
    ws.mergeCells(1, 1, 1, Math.min(lastCol, 13));
    ws.mergeCells(2, 1, 3, 1);
    for (let k = 0; k < a.indicators; k++) ws.mergeCells(2, 2 + 3 * k, 2, 4 + 3 * k);
    const title = ws.getRow(1);
    title.getCell(1).value = `全国部分乡镇（街道）主要经济指标（${group}，2025年1-3月）`;
    title.commit();
    const head1 = ws.getRow(2);
    const head2 = ws.getRow(3);
    head1.getCell(1).value = '地  区';
    sheetInds.forEach(([ind, unit], k) => {
      const c = 2 + 3 * k;
      head1.getCell(c).value = ind;
      head2.getCell(c).value = `绝对额(${unit})`;
      head2.getCell(c + 1).value = '增速(%)';
      head2.getCell(c + 2).value = '排名';
    });
    head1.commit();
    head2.commit();
    cells += 2 + 1 + 4 * a.indicators;
    const totalRow = ws.getRow(4);
    totalRow.getCell(1).value = '合计';
    sheetInds.forEach((_, k) => {
      const c = 2 + 3 * k;
      totalRow.getCell(c).value = total[k].value;
      totalRow.getCell(c).numFmt = '0.0';
      totalRow.getCell(c + 1).value = total[k].growth;
      totalRow.getCell(c + 1).numFmt = '0.0';
      cells += 2;
    });
    totalRow.commit();
    cells++;
    for (let i = 0; i < a.regions; i++) {
      const row = ws.getRow(5 + i);
      row.getCell(1).value = names[i];
      cells++;
      for (let k = 0; k < a.indicators; k++) {
        if (Number.isNaN(value[k][i])) continue;
        const c = 2 + 3 * k;
        const vc = row.getCell(c);
        vc.value = value[k][i];
        vc.numFmt = '0.0';
        const gc = row.getCell(c + 1);
        gc.value = growth[k][i];
        gc.numFmt = '0.0';
        row.getCell(c + 2).value = rank[k][i];
        cells += 3;
      }
      row.commit();
    }
    ws.commit();
    meta.sheets.push({ name, rows: 4 + a.regions, cols: lastCol, cells });
    meta.cells += cells;
  }
  await wb.commit();
  // the same bytes on every run: the zip entries' times fixed
  fs.writeFileSync(tmp, fixZipTimestamps(fs.readFileSync(tmp)));
  fs.renameSync(tmp, file);
  fs.writeFileSync(`${file}.json`, JSON.stringify(meta));
  return meta;
}

/** The parts of a zip package and their unpacked sizes, from its central directory. */
function zipParts(bytes: Uint8Array): { name: string; packed: number; unpacked: number }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip package');
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: { name: string; packed: number; unpacked: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error('damaged zip directory');
    const nameLength = view.getUint16(p + 28, true);
    out.push({
      name: Buffer.from(bytes.subarray(p + 46, p + 46 + nameLength)).toString('utf8'),
      packed: view.getUint32(p + 20, true),
      unpacked: view.getUint32(p + 24, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

interface FileFacts {
  label: string;
  file: string;
  bytes: number;
  unpacked: number;
  /** the largest parts: name, unpacked bytes */
  largest: [string, number][];
  sheets: number;
  /** non-empty cells the reader finds */
  cells: number;
  rows: number;
  /** readWorkbookBytes + grids() in Node, fflate as in the page */
  nodeReadMs: number;
}

async function factsOf(label: string, file: string): Promise<FileFacts> {
  const bytes = fs.readFileSync(file);
  const parts = zipParts(bytes);
  const t = performance.now();
  const book = await readWorkbookBytes(bytes, path.basename(file), { maxUnpackedBytes: Infinity });
  const grids = book.grids();
  const nodeReadMs = performance.now() - t;
  let cells = 0;
  let rows = 0;
  for (const g of grids) {
    rows += g.rowCount;
    for (const row of g.rows) if (row) for (const c of row) if (c && c.value !== null) cells++;
  }
  return {
    label,
    file,
    bytes: bytes.length,
    unpacked: parts.reduce((s, x) => s + x.unpacked, 0),
    largest: parts
      .slice()
      .sort((x, y) => y.unpacked - x.unpacked)
      .slice(0, 3)
      .map((x) => [x.name, x.unpacked]),
    sheets: grids.length,
    cells,
    rows,
    nodeReadMs,
  };
}

// ---------------------------------------------------------------------------
// The renderer's memory, from /proc
// ---------------------------------------------------------------------------

/** pid → parent pid of every process we may read. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'latin1');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** The processes under `root` (chromium's, when root is this process: the harness launches it as our child). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const todo = [...(children.get(root) ?? [])];
  while (todo.length) {
    const pid = todo.pop() as number;
    out.push(pid);
    todo.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS / VmHWM of a process in bytes, or null when it is gone. */
function status(pid: number): { rss: number; hwm: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
    const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Proportional set size (shared pages split between their processes) in bytes, or 0. */
function pss(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'latin1'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function isRenderer(pid: number): boolean {
  try {
    // chromium rewrites its title: the arguments may be one string joined by spaces
    return /(^|[\0 ])--type=renderer([\0 ]|$)/.test(fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1'));
  } catch {
    return false;
  }
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

interface MemoryPeaks {
  /** the largest renderer's VmHWM at the end (the kernel's high-water mark) */
  rendererHwm: number;
  /** the largest renderer VmRSS sampled */
  rendererRss: number;
  /** all of chromium's processes' PSS added up (shared pages counted once), largest sampled */
  browserRss: number;
  heapUsed: number;
  heapTotal: number;
  heapSamples: number;
  procSamples: number;
  /** the longest wait for a CDP answer (the renderer's main thread busy) */
  longestCdpWaitMs: number;
  renderers: number;
}

/**
 * Samples every SAMPLE_EVERY_MS: /proc for chromium's processes (independent of the page),
 * CDP Performance.getMetrics for the JS heap (answered between the page's tasks only; one
 * request at a time).
 */
class Sampler {
  private readonly peaks: MemoryPeaks = {
    rendererHwm: 0,
    rendererRss: 0,
    browserRss: 0,
    heapUsed: 0,
    heapTotal: 0,
    heapSamples: 0,
    procSamples: 0,
    longestCdpWaitMs: 0,
    renderers: 0,
  };
  private readonly renderers = new Map<number, boolean>();
  private timer: NodeJS.Timeout | undefined;
  private asked: number | null = null;

  constructor(private readonly cdp: CDPSession) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), SAMPLE_EVERY_MS);
  }

  private tick(): void {
    this.sampleProc();
    if (this.asked !== null) {
      this.peaks.longestCdpWaitMs = Math.max(this.peaks.longestCdpWaitMs, performance.now() - this.asked);
      return;
    }
    const asked = (this.asked = performance.now());
    metrics(this.cdp)
      .then((m) => {
        this.peaks.heapSamples++;
        this.peaks.heapUsed = Math.max(this.peaks.heapUsed, m.JSHeapUsedSize ?? 0);
        this.peaks.heapTotal = Math.max(this.peaks.heapTotal, m.JSHeapTotalSize ?? 0);
      })
      .catch(() => undefined)
      .finally(() => {
        this.peaks.longestCdpWaitMs = Math.max(this.peaks.longestCdpWaitMs, performance.now() - asked);
        this.asked = null;
      });
  }

  private sampleProc(): void {
    let total = 0;
    for (const pid of descendants(process.pid)) {
      const st = status(pid);
      if (!st) continue;
      total += pss(pid);
      let renderer = this.renderers.get(pid);
      if (renderer === undefined) this.renderers.set(pid, (renderer = isRenderer(pid)));
      if (renderer) {
        this.peaks.rendererRss = Math.max(this.peaks.rendererRss, st.rss);
        this.peaks.rendererHwm = Math.max(this.peaks.rendererHwm, st.hwm);
      }
    }
    this.peaks.browserRss = Math.max(this.peaks.browserRss, total);
    this.peaks.procSamples++;
  }

  /** The renderers' RSS now (the largest), e.g. before the file is chosen. */
  rendererRssNow(): number {
    let max = 0;
    for (const [pid, renderer] of this.renderers) if (renderer) max = Math.max(max, status(pid)?.rss ?? 0);
    return max;
  }

  /** The peaks so far (a sample taken now; VmHWM covers what the samples missed). */
  snapshot(): MemoryPeaks {
    this.sampleProc();
    this.peaks.renderers = [...this.renderers.values()].filter(Boolean).length;
    return { ...this.peaks };
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    return this.snapshot();
  }
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

interface PhaseTimes {
  /** LayoutDuration, RecalcStyleDuration, TaskDuration (CDP metrics, ms) over the phase */
  layout: number;
  style: number;
  task: number;
}

interface PageResult {
  outcome: 'opened' | 'error' | 'crashed' | 'timeout';
  detail: string | null;
  /** ms from choosing the file */
  headingMs: number | null;
  listedMs: number | null;
  gridMs: number | null;
  openMs: number | null;
  /** 共 N 张表，M 个工作表 (or the message that none was found) */
  listedText: string | null;
  /** ms from clicking 检查数据 to the 检查结果 heading */
  checkMs: number | null;
  findingsShown: number | null;
  openPhase: PhaseTimes | null;
  checkPhase: PhaseTimes | null;
  /** the page's own times (see PageMarks), ms from the change event */
  marks: PageMarks;
  /** main-thread tasks over 200 ms: [start from choosing the file, duration] in ms */
  longTasks: [number, number][];
  /** over the whole run (open and check) */
  memory: MemoryPeaks;
  /** up to the end of the open (the sheets listed and the sheet view drawn) */
  openMemory: MemoryPeaks | null;
  rendererBefore: number;
  heapBefore: number;
  /** JSHeapUsedSize after a forced GC at the end (what the page keeps) */
  heapRetained: number | null;
  pageErrors: string[];
}

function phase(a: Metrics, b: Metrics): PhaseTimes {
  const d = (k: string): number => ((b[k] ?? 0) - (a[k] ?? 0)) * 1000;
  return { layout: d('LayoutDuration'), style: d('RecalcStyleDuration'), task: d('TaskDuration') };
}

/** What the page records for the bench (performance.now() of the page). */
interface PageMarks {
  /** the file input's change event (the file chosen) */
  change?: number;
  /** the step headings in the DOM (FileWorkbook.open done, the steps rendered) */
  heading?: number;
  /** 共 N 张表 (or: none found) in the DOM: the session's layout done and rendered */
  listed?: number;
  /** the sheet view's table in the DOM */
  table?: number;
  /** an error message (role=alert) in the DOM */
  alert?: number;
  /** a click on 检查数据 */
  checkClick?: number;
  /** the 检查结果 heading in the DOM */
  results?: number;
}

type BenchWindow = Window & { __longTasks?: [number, number][]; __marks?: PageMarks };

/**
 * Long tasks, and when each step's result enters the DOM: a MutationObserver's callback runs
 * in the same task as the change, so these times hold however long the main thread is busy
 * (Playwright's own waits only see the page between tasks).
 */
function instrumentPage(): void {
  const w = window as BenchWindow;
  const marks: PageMarks = (w.__marks = {});
  const mark = (k: keyof PageMarks): void => {
    if (marks[k] === undefined) marks[k] = performance.now();
  };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks?.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: false });
  document.addEventListener('change', (e) => (e.target as HTMLElement | null)?.matches?.('input[type=file]') && mark('change'), true);
  document.addEventListener('click', (e) => (e.target as HTMLElement | null)?.closest?.('button')?.textContent?.trim() === '检查数据' && mark('checkClick'), true);
  new MutationObserver(() => {
    if (marks.heading === undefined && Array.from(document.querySelectorAll('h2')).some((h) => /工作表/.test(h.textContent ?? ''))) mark('heading');
    if (marks.table === undefined && document.querySelector('table')) mark('table');
    if (marks.alert === undefined && document.querySelector('[role=alert]')) mark('alert');
    if (marks.heading !== undefined && (marks.listed === undefined || marks.results === undefined)) {
      const text = document.body.textContent ?? '';
      if (marks.listed === undefined && /共 \d+ 张表|没有找到指标表/.test(text)) mark('listed');
      if (marks.results === undefined && Array.from(document.querySelectorAll('h3')).some((h) => /检查结果/.test(h.textContent ?? ''))) mark('results');
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** Wait for `what`, unless the page crashes first. */
function unlessCrash<T>(page: Page, what: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onCrash = (): void => reject(new Error('the page crashed (renderer out of memory?)'));
    page.once('crash', onCrash);
    what.then(resolve, reject).finally(() => page.off('crash', onCrash));
  });
}

async function measurePage(browser: Browser, origin: string, file: string, timeoutMs: number): Promise<PageResult> {
  const opened = await openPage(browser, { origin, office: 'no-host', viewport: { width: 1280, height: 900 } });
  const { page } = opened;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sampler = new Sampler(cdp);
  const result: PageResult = {
    outcome: 'timeout',
    detail: null,
    headingMs: null,
    listedMs: null,
    gridMs: null,
    openMs: null,
    listedText: null,
    checkMs: null,
    findingsShown: null,
    openPhase: null,
    checkPhase: null,
    marks: {},
    longTasks: [],
    memory: sampler.stop(),
    openMemory: null,
    rendererBefore: 0,
    heapBefore: 0,
    heapRetained: null,
    pageErrors: opened.pageErrors,
  };
  try {
    await page.getByLabel(/选择工作簿|Choose a workbook/).first().waitFor({ timeout: 30_000 });
    await page.evaluate(instrumentPage);
    await cdp.send('HeapProfiler.collectGarbage');
    const before = await metrics(cdp);
    result.heapBefore = before.JSHeapUsedSize ?? 0;
    sampler.start();
    result.rendererBefore = sampler.rendererRssNow();

    const pageT0 = await page.evaluate(() => performance.now());
    const t0 = performance.now();
    const since = (): number => performance.now() - t0;
    await page.getByLabel(/选择工作簿|Choose a workbook/).first().setInputFiles(file);

    const heading = page.getByRole('heading', { level: 2, name: /工作表/ });
    const alert = page.getByRole('alert');
    await unlessCrash(page, heading.or(alert).first().waitFor({ timeout: timeoutMs }));
    if ((await heading.count()) === 0) {
      result.outcome = 'error';
      result.detail = (await alert.first().innerText()).replace(/\s+/g, ' ');
      return result;
    }
    result.headingMs = since();
    const listed = page.getByText(/共 \d+ 张表|没有找到指标表/);
    const grid = page.locator('table').first();
    await unlessCrash(
      page,
      Promise.all([
        listed.first().waitFor({ timeout: timeoutMs }).then(() => (result.listedMs = since())),
        grid.waitFor({ timeout: timeoutMs }).then(() => (result.gridMs = since())),
      ]),
    );
    result.openMs = Math.max(result.headingMs, result.listedMs ?? 0, result.gridMs ?? 0);
    result.listedText = (await listed.first().innerText()).trim();
    result.openMemory = sampler.snapshot();
    const afterOpen = await metrics(cdp);
    result.openPhase = phase(before, afterOpen);
    result.outcome = 'opened';

    const t1 = performance.now();
    await page.getByRole('button', { name: '检查数据', exact: true }).click({ timeout: timeoutMs });
    await unlessCrash(page, page.getByRole('heading', { name: /检查结果/ }).waitFor({ timeout: timeoutMs }));
    result.checkMs = performance.now() - t1;
    const afterCheck = await metrics(cdp);
    result.checkPhase = phase(afterOpen, afterCheck);
    result.findingsShown = await page.locator('button', { hasText: /^[A-Z]+\d+/ }).count();

    result.marks = await page.evaluate(() => (window as BenchWindow).__marks ?? {});
    result.longTasks = (await page.evaluate(() => (window as BenchWindow).__longTasks ?? []))
      .filter(([, d]) => d >= 200)
      .map(([s, d]) => [Math.round(s - pageT0), Math.round(d)]);
    await cdp.send('HeapProfiler.collectGarbage');
    result.heapRetained = (await metrics(cdp)).JSHeapUsedSize ?? null;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    result.outcome = /crash/.test(message) ? 'crashed' : result.outcome === 'opened' ? 'opened' : 'timeout';
    result.detail = message;
  } finally {
    result.memory = sampler.stop();
    await opened.close().catch(() => undefined);
  }
  return result;
}

// ---------------------------------------------------------------------------
// The site
// ---------------------------------------------------------------------------

type ConfigModule = (env: Record<string, unknown>, argv: Record<string, unknown>) => Configuration | Configuration[] | Promise<Configuration | Configuration[]>;

/**
 * The production web build (the project's webpack.config.js) into `dir`. Not the harness's
 * buildSite(): compiled into dist-bench, its idea of the repository root is dist-bench.
 */
async function buildSiteInto(root: string, dir: string): Promise<void> {
  const nodeRequire = createRequire(path.join(root, 'package.json'));
  const made = await (nodeRequire(path.join(root, 'webpack.config.js')) as ConfigModule)({}, { mode: 'production' });
  const configs = Array.isArray(made) ? made : [made];
  for (const c of configs) c.output = { ...(c.output ?? {}), path: dir };
  await runWebpack(Array.isArray(made) ? configs : configs[0]);
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

interface Measured {
  facts: FileFacts;
  page: PageResult;
}

function machine(): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${os.platform()} ${os.arch()}, ${cpus.length} CPU${cpus.length === 1 ? '' : 's'}, ${mb(os.totalmem())} RAM, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`;
}

function since(marks: PageMarks, from: keyof PageMarks, to: keyof PageMarks): number | null {
  const a = marks[from];
  const b = marks[to];
  return a === undefined || b === undefined ? null : b - a;
}

function report(all: Measured[], big: string | null): void {
  const rows: string[][] = [
    ['', ...all.map((m) => m.facts.label)],
    ['file size', ...all.map((m) => mb(m.facts.bytes))],
    ['sheets / rows', ...all.map((m) => `${m.facts.sheets} / ${count(m.facts.rows)}`)],
    ['cells (non-empty)', ...all.map((m) => count(m.facts.cells))],
    ['unpacked size', ...all.map((m) => mb(m.facts.unpacked))],
    ['read in Node (reader + grids)', ...all.map((m) => secs(m.facts.nodeReadMs))],
    ['page: outcome', ...all.map((m) => m.page.outcome)],
    ['OPEN: file chosen → sheets listed and shown', ...all.map((m) => secs(m.page.openMs))],
    ['  in the page: change → step headings (read)', ...all.map((m) => secs(since(m.page.marks, 'change', 'heading')))],
    ['  in the page: headings → 共 N 张表 (layout)', ...all.map((m) => secs(since(m.page.marks, 'heading', 'listed')))],
    ['  in the page: change → sheet view table', ...all.map((m) => secs(since(m.page.marks, 'change', 'table')))],
    ['CHECK: 检查数据 → 检查结果', ...all.map((m) => secs(m.page.checkMs))],
    ['  in the page: click → 检查结果', ...all.map((m) => secs(since(m.page.marks, 'checkClick', 'results')))],
    ['renderer RSS before the file', ...all.map((m) => mb(m.page.rendererBefore))],
    ['JS heap before the file (after GC)', ...all.map((m) => mb(m.page.heapBefore))],
    ['open: peak renderer RSS (VmHWM)', ...all.map((m) => (m.page.openMemory ? mb(m.page.openMemory.rendererHwm) : '—'))],
    ['open: peak JS heap used (sampled)', ...all.map((m) => (m.page.openMemory ? mb(m.page.openMemory.heapUsed) : '—'))],
    ['open: peak all chromium (PSS, sampled)', ...all.map((m) => (m.page.openMemory ? mb(m.page.openMemory.browserRss) : '—'))],
    ['open+check: peak renderer RSS (VmHWM)', ...all.map((m) => mb(m.page.memory.rendererHwm))],
    ['open+check: peak renderer RSS (sampled)', ...all.map((m) => mb(m.page.memory.rendererRss))],
    ['open+check: peak JS heap used (sampled)', ...all.map((m) => mb(m.page.memory.heapUsed))],
    ['open+check: peak JS heap total (sampled)', ...all.map((m) => mb(m.page.memory.heapTotal))],
    ['open+check: peak all chromium (PSS)', ...all.map((m) => mb(m.page.memory.browserRss))],
    ['JS heap kept at the end (after GC)', ...all.map((m) => (m.page.heapRetained === null ? '—' : mb(m.page.heapRetained)))],
    ['longest CDP wait (main thread busy)', ...all.map((m) => secs(m.page.memory.longestCdpWaitMs))],
  ];
  console.log(`\n${table(rows)}`);
  for (const m of all) {
    const p = m.page;
    console.log(`\n${m.facts.label}: ${m.facts.file}`);
    console.log(`  largest parts: ${m.facts.largest.map(([n, s]) => `${n} ${mb(s)}`).join(', ')}`);
    if (p.detail) console.log(`  ${p.outcome}: ${p.detail}`);
    if (p.listedText) console.log(`  listed: ${p.listedText}; findings shown after 检查数据: ${p.findingsShown ?? '—'}`);
    const ph = (name: string, x: PhaseTimes | null): string => (x ? `${name} ${secs(x.task)} (style and layout ${secs(x.style + x.layout)})` : `${name} —`);
    console.log(`  main thread busy (CDP TaskDuration): ${ph('open', p.openPhase)}; ${ph('check', p.checkPhase)}`);
    if (p.longTasks.length) console.log(`  long tasks ≥ 200 ms [start, duration] from choosing the file: ${p.longTasks.map(([s, d]) => `[${secs(s)}, ${secs(d)}]`).join(' ')}`);
    console.log(`  samples: ${p.memory.procSamples} of /proc, ${p.memory.heapSamples} of the JS heap; ${p.memory.renderers} renderer process(es)`);
    if (p.pageErrors.length) console.log(`  page errors: ${p.pageErrors.map((e) => e.split('\n')[0]).join(' | ')}`);
  }
  const b = all.find((m) => m.facts.file === big);
  if (b) {
    const p = b.page;
    const timeOk = p.openMs !== null && p.openMs < AIM_MS;
    const openHwm = p.openMemory?.rendererHwm ?? Infinity;
    const memOk = p.outcome === 'opened' && openHwm < AIM_BYTES;
    console.log(`\naim (issue 14) for ${b.facts.label} (${mb(b.facts.bytes)}):`);
    console.log(`  opens in under 6 s: ${timeOk ? 'met' : 'NOT met'} (${secs(p.openMs)} from choosing the file to the sheets listed and shown)`);
    console.log(
      `  opens in under 600 MB of browser memory: ${memOk ? 'met' : 'NOT met'} (renderer peak ${p.openMemory ? mb(openHwm) : '—'} VmHWM while opening; ${mb(p.memory.rendererHwm)} with 检查数据; JS heap peak sampled ${p.openMemory ? mb(p.openMemory.heapUsed) : '—'} while opening)`,
    );
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = repoRoot();
  console.log(`indicator-tables standalone page benchmark — ${machine()}`);

  const files: { label: string; file: string }[] = [];
  let big: string | null = null;
  if (args.big) {
    big = bigWorkbookPath(args);
    if (args.fresh || !fs.existsSync(big) || !fs.existsSync(`${big}.json`)) {
      const t = performance.now();
      process.stdout.write(`generating ${big} …`);
      await writeBigWorkbook(big, args);
      console.log(` ${secs(performance.now() - t)}`);
    } else console.log(`reusing ${big}`);
    files.push({ label: `generated (${args.sheets}×${count(args.regions)}×${args.indicators})`, file: big });
  }
  if (args.small) {
    const real = path.resolve(root, '../shared/fixtures/real/shaoyang-monthly-2025-03.xlsx');
    const sample = path.join(root, 'assets/sample/county-indicators-2025-03.xlsx');
    if (fs.existsSync(real)) files.push({ label: '邵阳 2025-03 (real)', file: real });
    else {
      console.log(`${real} is absent: using the project's sample instead`);
      files.push({ label: 'sample', file: sample });
    }
  }
  for (const f of args.files) files.push({ label: path.basename(f), file: f });

  const facts: FileFacts[] = [];
  for (const f of files) {
    const x = await factsOf(f.label, f.file);
    console.log(`${f.label}: ${mb(x.bytes)}, ${x.sheets} sheets, ${count(x.cells)} cells, unpacked ${mb(x.unpacked)}; Node reads it in ${secs(x.nodeReadMs)}`);
    facts.push(x);
  }
  if (args.generateOnly) return;
  // what Node held for those facts is not the browser's: let it go before the browser starts
  (globalThis as { gc?: () => void }).gc?.();

  let siteDir = args.site;
  let built: string | null = null;
  if (!siteDir) {
    built = siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicator-tables-page-bench-site-'));
    const t = performance.now();
    process.stdout.write('building the site (webpack, production) …');
    await buildSiteInto(root, siteDir);
    console.log(` ${secs(performance.now() - t)}`);
  }
  if (!fs.existsSync(path.join(siteDir, 'taskpane.html'))) throw new Error(`${siteDir} has no taskpane.html`);
  const server = await serveDir(siteDir);
  const all: Measured[] = [];
  try {
    for (const f of facts) {
      // a fresh browser per file: the renderer's high-water mark is this file's
      const browser = await launchBrowser();
      try {
        process.stdout.write(`measuring ${f.label} in chromium …`);
        const page = await measurePage(browser, server.origin, f.file, args.timeoutMs);
        console.log(` ${page.outcome}${page.openMs !== null ? `, open ${secs(page.openMs)}` : ''}${page.checkMs !== null ? `, check ${secs(page.checkMs)}` : ''}`);
        all.push({ facts: f, page });
      } finally {
        await browser.close();
      }
    }
  } finally {
    await server.close();
    if (built) fs.rmSync(built, { recursive: true, force: true });
  }
  report(all, big);
  if (args.json) console.log(`\n${JSON.stringify(all, null, 2)}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
