/**
 * Case 5 of the bench (issue 14): reading a workbook file, side by side with its peers, in
 * one run.
 *
 * 1. Loading the big table into grids, each way in a fresh child process (so that peak RSS
 *    is the reader's own): ExcelJS (`readXlsxFile` + `.grids()`, the reader before) and ours
 *    (`readWorkbookFile` + `.grids()`). Aim: ours at most 25% of ExcelJS's time.
 * 2. The XML approach, on the same sheet part: inflating and decoding alone, saxes (a streaming
 *    XML parser, events only, no cells built) and our scanner building the whole grid.
 * 3. The whole command, `indicator-tables summarize FILE --json > /dev/null`, against a script
 *    that only loads the file with openpyxl and ranks every indicator
 *    (bench/openpyxl_rank.py, read-only mode, as a Python user would for speed; the default
 *    mode for reference): wall time and peak RSS of each process, median of `repeat` runs.
 *    Aims: at most 0.75x the openpyxl script's wall time; peak RSS under 250 MB. When no
 *    Python with openpyxl is found, the bench says so and skips the peer.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { OpcPackage } from '../src/workbook/ooxml/package';
import { nodeInflateRaw, readWorkbookFile } from '../src/workbook/read/file';
import { XlsxBook } from '../src/workbook/read/xlsx/XlsxBook';
import { readXlsxFile } from '../test/support/exceljs';

export interface LoadFigures {
  ms: number;
  peakRss: number;
  cells: number;
}

export interface XmlFigures {
  sheetChars: number;
  inflateDecodeMs: number;
  saxesMs: number;
  scannerMs: number;
}

export interface ProcessFigures {
  label: string;
  wallMs: number[];
  peakRss: number[];
  note: string;
}

export interface ReaderResult {
  file: string;
  exceljs: LoadFigures;
  ours: LoadFigures;
  xml: XmlFigures;
  processes: ProcessFigures[];
  python: string | null;
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function countCells(grids: { rows: ReadonlyArray<ReadonlyArray<unknown> | undefined> }[]): number {
  let n = 0;
  for (const g of grids) for (const row of g.rows) if (row) for (const c of row) if (c) n++;
  return n;
}

/** In a child process: load the file one way and report time and peak RSS. */
export async function measureLoad(file: string, how: 'exceljs' | 'ours'): Promise<LoadFigures> {
  const t = process.hrtime.bigint();
  const grids = how === 'exceljs' ? (await readXlsxFile(file)).grids() : (await readWorkbookFile(file)).grids();
  const elapsed = ms(t);
  return { ms: elapsed, peakRss: process.resourceUsage().maxRSS * 1024, cells: countCells(grids) };
}

/** In a child process: the XML approaches on the first worksheet part. */
export async function measureXml(file: string, repeat: number): Promise<XmlFigures> {
  const bytes = fs.readFileSync(file);
  const part = 'xl/worksheets/sheet1.xml';
  const best = (f: () => void): number => {
    let min = Infinity;
    for (let i = 0; i < repeat; i++) {
      const t = process.hrtime.bigint();
      f();
      min = Math.min(min, ms(t));
    }
    return min;
  };
  const pkg = new OpcPackage(bytes, { inflateRaw: nodeInflateRaw });
  let sheetChars = 0;
  const inflateDecodeMs = best(() => {
    sheetChars = 0;
    pkg.streamText(part, (s) => (sheetChars += s.length));
  });
  const saxesMs = best(() => {
    const parser = new SaxesParser({ xmlns: false, position: false });
    let inV = false;
    let v = '';
    let cells = 0;
    parser.on('opentag', (tag) => {
      if (tag.name === 'c') cells++;
      else if (tag.name === 'v') {
        inV = true;
        v = '';
      }
    });
    parser.on('text', (text) => {
      if (inV) v += text;
    });
    parser.on('closetag', (tag) => {
      if (tag.name === 'v') inV = false;
    });
    pkg.streamText(part, (s) => parser.write(s));
    parser.close();
    if (cells === 0 || v === undefined) throw new Error('saxes saw no cells');
  });
  const scannerMs = best(() => {
    // the whole book as the CLI reads it (one sheet here), fresh each time
    XlsxBook.fromPackage(new OpcPackage(bytes, { inflateRaw: nodeInflateRaw }), file).grids();
  });
  return { sheetChars, inflateDecodeMs, saxesMs, scannerMs };
}

/** A Python 3 that imports openpyxl (Debian's python3-openpyxl lives in /usr/bin/python3), or null. */
export function findPython(): string | null {
  const candidates = [process.env.INDICATOR_TABLES_PYTHON, '/usr/bin/python3', 'python3', 'python'].filter((x): x is string => !!x);
  for (const py of candidates) {
    try {
      execFileSync(py, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return py;
    } catch {
      // not this one
    }
  }
  return null;
}

/** Run a command with stdout to /dev/null; its wall time, and its peak RSS as it reports it on stderr ("maxrss KB"). */
export function timed(cmd: string, args: string[]): Promise<{ wallMs: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const wallMs = ms(t);
      const m = /maxrss (\d+)/.exec(err);
      if (code !== 0 || !m) return reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}: ${err.slice(0, 500)}`));
      resolve({ wallMs, peakRss: Number(m[1]) * 1024 });
    });
  });
}

/** The CLI as a user runs it, reporting its own peak RSS at exit. */
function cliArgs(root: string, file: string): string[] {
  const bin = path.join(root, 'bin', 'indicator-tables.js');
  const report = "process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'));";
  return ['-e', `${report}process.argv.splice(1,0,${JSON.stringify(bin)});require(${JSON.stringify(bin)})`, 'summarize', file, '--json'];
}

function pythonArgs(root: string, file: string, readOnly: boolean): string[] {
  const script = path.join(root, 'bench', 'openpyxl_rank.py');
  const wrapper = [
    'import resource, runpy, sys',
    `sys.argv = [${JSON.stringify(script)}, ${JSON.stringify(file)}${readOnly ? ", '--read-only'" : ''}]`,
    'try:',
    `    runpy.run_path(${JSON.stringify(script)}, run_name='__main__')`,
    'finally:',
    "    sys.stderr.write('maxrss %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
  ].join('\n');
  return ['-c', wrapper];
}

export async function measureProcesses(root: string, file: string, repeat: number): Promise<{ processes: ProcessFigures[]; python: string | null }> {
  const python = findPython();
  const runs: { label: string; cmd: string; args: string[]; note: string }[] = [
    { label: 'indicator-tables summarize --json', cmd: process.execPath, args: cliArgs(root, file), note: 'lib/ (npm run build:cli), output to /dev/null' },
  ];
  if (python) {
    runs.push({ label: 'openpyxl load + rank (read-only)', cmd: python, args: pythonArgs(root, file, true), note: 'bench/openpyxl_rank.py --read-only: the peer' });
    runs.push({ label: 'openpyxl load + rank (default)', cmd: python, args: pythonArgs(root, file, false), note: 'bench/openpyxl_rank.py, for reference' });
  }
  const out: ProcessFigures[] = runs.map((r) => ({ label: r.label, wallMs: [], peakRss: [], note: r.note }));
  // interleaved, so that a busy moment of the machine falls on each of them alike
  for (let i = 0; i < repeat; i++) {
    for (let k = 0; k < runs.length; k++) {
      const r = await timed(runs[k].cmd, runs[k].args);
      out[k].wallMs.push(r.wallMs);
      out[k].peakRss.push(r.peakRss);
    }
  }
  return { processes: out, python };
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const fmtMs = (n: number): string => (n >= 100 ? `${Math.round(n).toLocaleString('en-US')} ms` : `${n.toFixed(1)} ms`);

export function reportReader(r: ReaderResult): void {
  console.log(`\ncase 5: reading a workbook file (issue 14) — ${r.file}`);
  const ratio = r.ours.ms / r.exceljs.ms;
  const rows = [
    ['load into grids', 'time', 'peak RSS', 'cells'],
    ['ExcelJS (readXlsxFile + grids)', fmtMs(r.exceljs.ms), mb(r.exceljs.peakRss), r.exceljs.cells.toLocaleString('en-US')],
    ['ours (readWorkbookFile + grids)', fmtMs(r.ours.ms), mb(r.ours.peakRss), r.ours.cells.toLocaleString('en-US')],
  ];
  for (const row of rows) console.log(`  ${row[0].padEnd(34)}${row[1].padStart(10)}${row[2].padStart(12)}${row[3].padStart(10)}`);
  console.log(`  ours / ExcelJS: ${ratio.toFixed(3)}  (aim ≤ 0.25: ${ratio <= 0.25 ? 'met' : 'NOT met'})`);
  console.log(
    `  XML approach on the sheet part (${(r.xml.sheetChars / 1e6).toFixed(1)} M chars, best of runs): inflate+decode ${fmtMs(r.xml.inflateDecodeMs)}, ` +
      `saxes events only ${fmtMs(r.xml.saxesMs)}, our scanner building the grid (whole book) ${fmtMs(r.xml.scannerMs)}`,
  );
  console.log('  whole command, median wall time and peak RSS per process:');
  for (const p of r.processes) {
    console.log(`  ${p.label.padEnd(38)}${fmtMs(median(p.wallMs)).padStart(10)}${mb(median(p.peakRss)).padStart(12)}   ${p.note}`);
  }
  const cli = r.processes[0];
  const peer = r.processes.find((p) => p.label.includes('read-only'));
  if (peer) {
    const x = median(cli.wallMs) / median(peer.wallMs);
    console.log(`  summarize --json / openpyxl read-only: ${x.toFixed(2)}x  (aim ≤ 0.75: ${x <= 0.75 ? 'met' : 'NOT met'})`);
  } else {
    console.log('  openpyxl peer skipped: no Python 3 with openpyxl found (apt-get install python3-openpyxl, or set INDICATOR_TABLES_PYTHON)');
  }
  const rss = median(cli.peakRss);
  console.log(`  summarize --json peak RSS ${mb(rss)}  (aim < 250 MB: ${rss < 250 * 1024 * 1024 ? 'met' : 'NOT met'})`);
}
