/**
 * Case 7 of the bench (issue 16): writing the copy, side by side with a peer, in one run.
 *
 * `indicator-tables summarize FILE -o OUT` on the 2,850 x 60 table (read, check, summarise,
 * plan, and write the copy with the package writer) against bench/openpyxl_summary.py, which
 * loads the workbook with openpyxl (default mode: only that can save), ranks every indicator,
 * adds a summary sheet and a rank sheet and saves. Each a fresh process, interleaved, median of
 * `repeat` runs, with the process's own peak RSS. Aims: at most 0.4x the openpyxl script's wall
 * time; peak RSS under 300 MB. Then the same command on the built-in sample and the real 邵阳
 * report (when ../shared is there): "well under a second". Without Python and openpyxl the peer
 * is skipped with a message.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ProcessFigures } from './reader';
import { run } from '../src/cli/main';
import { findPython, timed } from './reader';

export interface WriterResult {
  file: string;
  processes: ProcessFigures[];
  small: { label: string; file: string; wallMs: number[]; peakRss: number[]; inProcessMs: number[] }[];
  python: string | null;
}

const REPORT_RSS = "process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'));";

function cliWriteArgs(root: string, file: string, out: string): string[] {
  const bin = path.join(root, 'bin', 'indicator-tables.js');
  return ['-e', `${REPORT_RSS}process.argv.splice(1,0,${JSON.stringify(bin)});require(${JSON.stringify(bin)})`, 'summarize', file, '-o', out, '--force'];
}

function pythonWriteArgs(root: string, file: string, out: string): string[] {
  const script = path.join(root, 'bench', 'openpyxl_summary.py');
  const wrapper = [
    'import resource, runpy, sys',
    `sys.argv = [${JSON.stringify(script)}, ${JSON.stringify(file)}, ${JSON.stringify(out)}]`,
    'try:',
    `    runpy.run_path(${JSON.stringify(script)}, run_name='__main__')`,
    'finally:',
    "    sys.stderr.write('maxrss %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)",
  ].join('\n');
  return ['-c', wrapper];
}

export async function measureWriter(root: string, file: string, smallFiles: { label: string; file: string }[], repeat: number): Promise<WriterResult> {
  const python = findPython();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicator-bench-write-'));
  try {
    const runs: { label: string; cmd: string; args: string[]; note: string }[] = [
      { label: 'indicator-tables summarize -o', cmd: process.execPath, args: cliWriteArgs(root, file, path.join(dir, 'ours.xlsx')), note: 'lib/ (npm run build:cli), the package writer' },
    ];
    if (python) {
      runs.push({ label: 'openpyxl load + rank + 2 sheets + save', cmd: python, args: pythonWriteArgs(root, file, path.join(dir, 'openpyxl.xlsx')), note: 'bench/openpyxl_summary.py: the peer' });
    }
    const processes: ProcessFigures[] = runs.map((r) => ({ label: r.label, wallMs: [], peakRss: [], note: r.note }));
    for (let i = 0; i < repeat; i++) {
      for (let k = 0; k < runs.length; k++) {
        const r = await timed(runs[k].cmd, runs[k].args);
        processes[k].wallMs.push(r.wallMs);
        processes[k].peakRss.push(r.peakRss);
      }
    }
    const small: WriterResult['small'] = [];
    for (const s of smallFiles) {
      const row = { ...s, wallMs: [] as number[], peakRss: [] as number[], inProcessMs: [] as number[] };
      for (let i = 0; i < Math.max(3, repeat); i++) {
        const r = await timed(process.execPath, cliWriteArgs(root, s.file, path.join(dir, 'small.xlsx')));
        row.wallMs.push(r.wallMs);
        row.peakRss.push(r.peakRss);
      }
      // the command itself, in this process (Node started, modules loaded): read, check, plan, write
      const quiet = { out: () => undefined, err: () => undefined };
      for (let i = 0; i < 6; i++) {
        const t = process.hrtime.bigint();
        const code = await run(['summarize', s.file, '-o', path.join(dir, 'small-in.xlsx'), '--force'], quiet);
        if (code !== 0) throw new Error(`summarize -o ${s.file} exited with ${code}`);
        if (i > 0) row.inProcessMs.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      small.push(row);
    }
    return { file, processes, small, python };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]): number => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const fmtMs = (n: number): string => (n >= 100 ? `${Math.round(n).toLocaleString('en-US')} ms` : `${n.toFixed(1)} ms`);

export function reportWriter(r: WriterResult): void {
  console.log(`\ncase 7: writing the copy (issue 16) — ${r.file}`);
  console.log('  whole command, median wall time and peak RSS per process:');
  for (const p of r.processes) console.log(`  ${p.label.padEnd(40)}${fmtMs(median(p.wallMs)).padStart(10)}${mb(median(p.peakRss)).padStart(12)}   ${p.note}`);
  const ours = r.processes[0];
  const peer = r.processes[1];
  if (peer) {
    const x = median(ours.wallMs) / median(peer.wallMs);
    console.log(`  summarize -o / openpyxl: ${x.toFixed(2)}x  (aim ≤ 0.4: ${x <= 0.4 ? 'met' : 'NOT met'})`);
  } else {
    console.log('  openpyxl peer skipped: no Python 3 with openpyxl found (apt-get install python3-openpyxl, or set INDICATOR_TABLES_PYTHON)');
  }
  const rss = median(ours.peakRss);
  console.log(`  summarize -o peak RSS ${mb(rss)}  (aim < 300 MB: ${rss < 300 * 1024 * 1024 ? 'met' : 'NOT met'})`);
  for (const s of r.small) {
    console.log(`  ${`summarize -o on ${s.label}`.padEnd(40)}${fmtMs(median(s.wallMs)).padStart(10)}${mb(median(s.peakRss)).padStart(12)}   whole process (Node start included)`);
    console.log(`  ${'  the command in a running process'.padEnd(40)}${fmtMs(median(s.inProcessMs)).padStart(10)}${''.padStart(12)}   read, check, plan and write, median of 5 after one warm-up`);
  }
}
