/**
 * LibreOffice (headless) as a test oracle for the .xlsx files the project writes.
 *
 *   - `recalculate(xlsx)`  converts xlsx → xlsx with every formula recalculated and
 *                          returns the result loaded with ExcelJS (computed values in
 *                          `cell.result`; read them with `computed(cell)`, see there);
 *   - `renderPng(xlsx, outDir, baseName)`  converts to PDF, then each page to PNG
 *                          (`pdftoppm -png -r 70`), for looking at what a sheet shows;
 *   - `convert(file, format, outDir, { password })`  saves a workbook as .xls, .ods or
 *                          .xlsx (for the legacy readers' tests), password-protected when
 *                          a password is given (see there: a Basic macro in the profile).
 *
 * LibreOffice does NOT recalculate .xlsx files on load by default: it keeps the cached
 * `<v>` results (ExcelJS writes none or whatever `result` it was given). The private
 * user profile used here sets
 *   /org.openoffice.Office.Calc/Formula/Load  OOXMLRecalcMode = 0  (0 = always recalculate)
 *                                             ODFRecalcMode   = 0
 * in `<profile>/user/registrymodifications.xcu`, and soffice is started with
 * `-env:UserInstallation=file://<profile>` so the user's own profile is never touched.
 * The same file pins the locale (/org.openoffice.Setup/L10N ooSetupSystemLocale = zh-CN,
 * the users' locale): otherwise LibreOffice takes it from LANG, and under e.g. de_DE
 * VALUE("9.7") is #VALUE! and 9.7&"" is "9,7".
 *
 * Concurrency: one profile per process (jest workers are processes, so they never
 * share one: the directory name includes process.pid), created lazily and reused;
 * within a process, calls are queued because two soffice processes on one profile
 * would hand their work to each other through LibreOffice's single-instance pipe.
 */
import { execFile } from 'child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'fs/promises';
import os from 'os';
import path from 'path';
import { pathToFileURL } from 'url';
import ExcelJS from 'exceljs';

/** How long one soffice or pdftoppm run may take. */
export const SOFFICE_TIMEOUT_MS = 120_000;

/** The first executable among `names` on PATH, or null. */
function findOnPath(names: readonly string[]): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = path.join(dir, name);
      try {
        const st = statSync(candidate);
        if (st.isFile() && (st.mode & 0o111) !== 0) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** `soffice` (or `libreoffice`) on PATH; null when LibreOffice is not installed. */
export function sofficePath(): string | null {
  return findOnPath(['soffice', 'libreoffice']);
}

/** `pdftoppm` (poppler-utils) on PATH; null when absent. */
export function pdftoppmPath(): string | null {
  return findOnPath(['pdftoppm']);
}

// ---------------------------------------------------------------------------
// The private profile
// ---------------------------------------------------------------------------

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>zh-CN</value></prop></item>
</oor:items>
`;

interface Profile {
  /** parent of the profile, also HOME for soffice and the place for per-call work dirs */
  root: string;
  /** the -env:UserInstallation argument */
  installArg: string;
}

let profile: Profile | null = null;

/** The tail of this process's queue of conversions (see `serialized`). */
let queue: Promise<unknown> = Promise.resolve();

const PROFILE_PREFIX = 'indicator-tables-soffice-';

function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // best effort
  }
}

/**
 * Removes profiles of processes that no longer run. Jest does not always let the
 * 'exit' handler below run in its workers, so each process sweeps up after the earlier ones.
 */
function removeStaleProfiles(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const m = new RegExp(`^${PROFILE_PREFIX}(\\d+)$`).exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0); // still running: leave it alone
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') removeQuietly(path.join(os.tmpdir(), name));
    }
  }
}

/**
 * Deletes this process's profile (call it from afterAll). Later calls make a new one.
 * Waits for queued conversions first.
 */
export async function disposeSoffice(): Promise<void> {
  await queue.catch(() => undefined);
  if (profile) removeQuietly(profile.root);
}

function ensureProfile(): Profile {
  if (profile && existsSync(path.join(profile.root, 'profile', 'user', 'registrymodifications.xcu'))) return profile;
  const root = path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}`);
  if (!profile) {
    // a directory left by a killed process that had the same pid: start afresh
    rmSync(root, { recursive: true, force: true });
    removeStaleProfiles();
    process.once('exit', () => removeQuietly(root));
  }
  const userDir = path.join(root, 'profile', 'user');
  mkdirSync(userDir, { recursive: true });
  // LibreOffice fills in the rest of the profile on its first run and keeps these items.
  writeFileSync(path.join(userDir, 'registrymodifications.xcu'), RECALC_XCU, 'utf8');
  profile = { root, installArg: `-env:UserInstallation=${pathToFileURL(path.join(root, 'profile')).href}` };
  return profile;
}

// ---------------------------------------------------------------------------
// Running the programs
// ---------------------------------------------------------------------------

/** Runs `task` after every earlier queued task has settled. */
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

interface RunResult {
  stdout: string;
  stderr: string;
}

/** Kills leftover processes whose command line mentions `marker` (our own profile path). */
function killByMarker(marker: string): void {
  if (process.platform !== 'linux') return;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(marker)) process.kill(pid, 'SIGKILL');
    } catch {
      // gone or not ours
    }
  }
}

function run(program: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string, what: string, marker?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { env, cwd, timeout: SOFFICE_TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error) {
          // soffice is a script that starts oosplash, which starts soffice.bin: a timeout
          // kills only the first, so also kill whatever still runs on our profile.
          if (marker) killByMarker(marker);
          const killed = (error as { killed?: boolean }).killed;
          const reason = killed ? `timed out after ${SOFFICE_TIMEOUT_MS / 1000} s` : `failed (${error.message.split('\n')[0]})`;
          reject(new Error(`${what}: ${path.basename(program)} ${reason}\n  command: ${program} ${args.join(' ')}\n  stdout: ${stdout.trim()}\n  stderr: ${stderr.trim()}`));
          return;
        }
        resolve({ stdout, stderr });
      },
    );
  });
}

/** The file types soffice writes here, with their LibreOffice export filter names. */
const FILTERS = {
  xlsx: 'Calc MS Excel 2007 XML',
  xls: 'MS Excel 97',
  ods: 'calc8',
  pdf: 'calc_pdf_Export',
} as const;

type Target = keyof typeof FILTERS;

function sofficeOrThrow(): string {
  const soffice = sofficePath();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui');
  return soffice;
}

function sofficeEnv(p: Profile, workDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: p.root, TMPDIR: workDir };
  delete env.DISPLAY;
  return env;
}

/** Converts `input` (in `workDir`) with soffice; returns the path of the output file. */
async function sofficeConvert(input: string, workDir: string, target: Target, p: Profile): Promise<string> {
  const soffice = sofficeOrThrow();
  const outDir = path.join(workDir, 'out');
  await mkdir(outDir, { recursive: true });
  const args = [p.installArg, '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck', '--convert-to', `${target}:${FILTERS[target]}`, '--outdir', outDir, input];
  const what = `soffice --convert-to ${target}`;
  const { stdout, stderr } = await run(soffice, args, sofficeEnv(p, workDir), workDir, what, p.installArg);
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${target}`);
  if (!existsSync(output)) {
    // soffice exits 0 even when it could not load or convert the file
    throw new Error(`${what}: no output file ${output}\n  stdout: ${stdout.trim()}\n  stderr: ${stderr.trim()}`);
  }
  return output;
}

/**
 * The Basic module that saves a document with a password: `--convert-to` has no way to pass
 * one (its filter options go to the filter, the password belongs to the media descriptor).
 */
const PASSWORD_MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub SaveWithPassword(inUrl As String, outUrl As String, filterName As String, pw As String)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, loadArgs())
  Dim storeArgs(2) As New com.sun.star.beans.PropertyValue
  storeArgs(0).Name = &quot;FilterName&quot;
  storeArgs(0).Value = filterName
  storeArgs(1).Name = &quot;Password&quot;
  storeArgs(1).Value = pw
  storeArgs(2).Name = &quot;Overwrite&quot;
  storeArgs(2).Value = True
  doc.storeToURL(outUrl, storeArgs())
  doc.close(True)
End Sub
</script:module>
`;

/**
 * Puts PASSWORD_MODULE in the profile's own Basic library (Standard.Module1). LibreOffice
 * fills a new profile's user/basic from its templates on the first start, overwriting what
 * is there, so the profile is started once first (--terminate_after_init) when it is new.
 */
async function installPasswordMacro(p: Profile, workDir: string): Promise<void> {
  const module = path.join(p.root, 'profile', 'user', 'basic', 'Standard', 'Module1.xba');
  if (existsSync(module) && readFileSync(module, 'utf8') === PASSWORD_MODULE) return;
  if (!existsSync(path.join(p.root, 'profile', 'user', 'basic', 'Standard', 'script.xlb'))) {
    const args = [p.installArg, '--headless', '--invisible', '--nologo', '--nodefault', '--norestore', '--nolockcheck', '--terminate_after_init'];
    await run(sofficeOrThrow(), args, sofficeEnv(p, workDir), workDir, 'soffice --terminate_after_init', p.installArg);
  }
  await mkdir(path.dirname(module), { recursive: true });
  await writeFile(module, PASSWORD_MODULE, 'utf8');
}

/** Saves `input` (in `workDir`) as `target` protected by `password`; returns the output path. */
async function sofficeSaveWithPassword(input: string, workDir: string, target: Exclude<Target, 'pdf'>, password: string, p: Profile): Promise<string> {
  if (/["\r\n]/.test(password)) throw new Error('the password may not contain quotes or line breaks (it is passed in a macro URL)');
  await installPasswordMacro(p, workDir);
  const outDir = path.join(workDir, 'out');
  await mkdir(outDir, { recursive: true });
  const output = path.join(outDir, `${path.basename(input, path.extname(input))}.${target}`);
  const quote = (s: string) => `"${s}"`;
  const call = `macro:///Standard.Module1.SaveWithPassword(${[pathToFileURL(input).href, pathToFileURL(output).href, FILTERS[target], password].map(quote).join(',')})`;
  const args = [p.installArg, '--headless', '--invisible', '--nologo', '--norestore', '--nolockcheck', call];
  const what = `soffice ${target} with a password`;
  const { stdout, stderr } = await run(sofficeOrThrow(), args, sofficeEnv(p, workDir), workDir, what, p.installArg);
  if (!existsSync(output)) throw new Error(`${what}: no output file ${output}\n  stdout: ${stdout.trim()}\n  stderr: ${stderr.trim()}`);
  return output;
}

async function withWorkDir<T>(task: (workDir: string, p: Profile) => Promise<T>): Promise<T> {
  return serialized(async () => {
    const p = ensureProfile();
    const workDir = await mkdtemp(path.join(p.root, 'job-'));
    try {
      return await task(workDir, p);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  });
}

// ---------------------------------------------------------------------------
// API
// ---------------------------------------------------------------------------

/**
 * Opens `xlsx` in LibreOffice, recalculates every formula, saves it as .xlsx and
 * returns that file loaded with ExcelJS: formula cells carry LibreOffice's results.
 */
export async function recalculate(xlsx: Buffer): Promise<ExcelJS.Workbook> {
  const converted = await withWorkDir(async (workDir, p) => {
    const input = path.join(workDir, 'book.xlsx');
    await writeFile(input, xlsx);
    const output = await sofficeConvert(input, workDir, 'xlsx', p);
    return readFileSync(output);
  });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(converted as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A computed value as `computed()` returns it. */
export type Computed = number | string | boolean | { error: string } | null;

/**
 * The value a cell shows after `recalculate()`: the formula's result for formula cells,
 * else the cell's value (null when empty).
 *
 * Use this rather than `cell.value.result`: ExcelJS's `cell.value` getter drops falsy
 * results, so a formula giving 0 or FALSE would read as "no result". `cell.result` keeps
 * them; a formula cell without any result is one whose result is "" (LibreOffice writes
 * `t="str"` with an empty `<v></v>`, which ExcelJS reads as nothing), so it gives "".
 * LibreOffice can compute a negative zero (ROUND(-0.04,1) is written as "-0"); Excel
 * has none, so -0 is returned as 0.
 */
export function computed(cell: ExcelJS.Cell): Computed {
  const noNegativeZero = (x: unknown) => (typeof x === 'number' && Object.is(x, -0) ? 0 : x);
  if (cell.type === ExcelJS.ValueType.Formula) {
    const r: unknown = cell.result;
    if (r === undefined || r === null) return '';
    if (r instanceof Date) throw new Error(`${cell.address}: a date result (the cell has a date format); read it as a number instead`);
    return noNegativeZero(r) as Computed;
  }
  const v: unknown = cell.value;
  if (v === undefined || v === null) return null;
  if (typeof v === 'object' && 'richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
  return noNegativeZero(v) as Computed;
}

/**
 * Converts `xlsx` to PDF (recalculated, every visible sheet) as `<outDir>/<baseName>.pdf`
 * and each page to `<outDir>/<baseName>-<page>.png` at 70 dpi. Earlier PNGs with the
 * same base name are removed first. Returns the paths, pages in order.
 */
export async function renderPng(xlsx: Uint8Array, outDir: string, baseName: string): Promise<{ pdf: string; pngs: string[] }> {
  const pdftoppm = pdftoppmPath();
  if (!pdftoppm) throw new Error('pdftoppm is not installed: apt-get install poppler-utils');
  await mkdir(outDir, { recursive: true });
  const pdf = path.join(path.resolve(outDir), `${baseName}.pdf`);
  await withWorkDir(async (workDir, p) => {
    const input = path.join(workDir, 'book.xlsx');
    await writeFile(input, xlsx);
    const output = await sofficeConvert(input, workDir, 'pdf', p);
    await copyFile(output, pdf);
  });

  const pagePattern = new RegExp(`^${baseName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`);
  const old = (await readdir(outDir)).filter((f) => pagePattern.test(f));
  await Promise.all(old.map((f) => rm(path.join(outDir, f), { force: true })));
  await run(pdftoppm, ['-png', '-r', '70', pdf, path.join(path.resolve(outDir), baseName)], process.env, outDir, 'pdftoppm');
  const pngs = (await readdir(outDir))
    .map((f) => ({ f, m: pagePattern.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .sort((a, b) => Number(a.m[1]) - Number(b.m[1]))
    .map((x) => path.join(path.resolve(outDir), x.f));
  if (pngs.length === 0) throw new Error(`pdftoppm wrote no page images for ${pdf}`);
  return { pdf, pngs };
}

/** `pdftotext` (poppler-utils) on PATH; null when absent. */
export function pdftotextPath(): string | null {
  return findOnPath(['pdftotext']);
}

/**
 * Converts `xlsx` to PDF (recalculated, every visible sheet, each as its page setup says)
 * as `<outDir>/<baseName>.pdf`; returns the path.
 */
export async function renderPdf(xlsx: Uint8Array, outDir: string, baseName: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const pdf = path.join(path.resolve(outDir), `${baseName}.pdf`);
  await withWorkDir(async (workDir, p) => {
    const input = path.join(workDir, 'book.xlsx');
    await writeFile(input, xlsx);
    await copyFile(await sofficeConvert(input, workDir, 'pdf', p), pdf);
  });
  return pdf;
}

/** The text of each page of a PDF, in order (pdftotext -layout; pages end with a form feed). */
export async function pdfPageTexts(pdf: string): Promise<string[]> {
  const pdftotext = pdftotextPath();
  if (!pdftotext) throw new Error('pdftotext is not installed: apt-get install poppler-utils');
  const { stdout } = await run(pdftotext, ['-layout', '-enc', 'UTF-8', pdf, '-'], process.env, path.dirname(pdf), 'pdftotext');
  const pages = stdout.split('\f');
  // the text ends with a form feed after the last page
  if (pages.length && pages[pages.length - 1].trim() === '') pages.pop();
  return pages;
}

/** A page of a PDF as pdftotext -bbox sees it: its size and its words, in points from the top left. */
export interface PdfPage {
  width: number;
  height: number;
  words: { text: string; xMin: number; xMax: number; yMin: number; yMax: number }[];
}

/** The pages of a PDF with the box of every word (pdftotext -bbox), to tell what lies off the page. */
export async function pdfPageBoxes(pdf: string): Promise<PdfPage[]> {
  const pdftotext = pdftotextPath();
  if (!pdftotext) throw new Error('pdftotext is not installed: apt-get install poppler-utils');
  const { stdout } = await run(pdftotext, ['-bbox', '-enc', 'UTF-8', pdf, '-'], process.env, path.dirname(pdf), 'pdftotext');
  const pages: PdfPage[] = [];
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const m of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else pages[pages.length - 1]?.words.push({ text: unescape(m[7]), xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
  }
  return pages;
}

/** What `convert()` writes. */
export type ConvertFormat = 'xls' | 'ods' | 'xlsx';

/**
 * Saves the workbook `file` as `format` in `outDir` (created when missing), named like the
 * input with the new extension; returns the path. With `password`, the file is saved
 * encrypted (LibreOffice's own export: RC4 CryptoAPI for .xls, AES for .ods and .xlsx) through
 * a Basic macro in this process's profile. Queued like every other soffice call.
 */
export async function convert(file: string, format: ConvertFormat, outDir: string, options: { password?: string } = {}): Promise<string> {
  const dest = path.join(path.resolve(outDir), `${path.basename(file, path.extname(file))}.${format}`);
  await withWorkDir(async (workDir, p) => {
    const input = path.join(workDir, path.basename(file));
    await copyFile(file, input);
    const output =
      options.password === undefined ? await sofficeConvert(input, workDir, format, p) : await sofficeSaveWithPassword(input, workDir, format, options.password, p);
    await mkdir(path.dirname(dest), { recursive: true });
    await copyFile(output, dest);
  });
  return dest;
}

/**
 * `describe` for tests that need LibreOffice: when soffice is absent they are skipped with a
 * visible warning naming `what`, except under CI (CI installs libreoffice-calc-nogui), where
 * they run and fail.
 */
export function describeWithSoffice(what: string): jest.Describe {
  if (sofficePath()) return describe;
  console.warn(
    process.env.CI
      ? `LibreOffice (soffice) is absent under CI: ${what} fail (CI installs libreoffice-calc-nogui).`
      : `LibreOffice (soffice) is absent: ${what} are skipped (apt-get install libreoffice-calc-nogui).`,
  );
  return process.env.CI ? describe : describe.skip;
}
