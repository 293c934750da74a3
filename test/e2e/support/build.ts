/**
 * Builds for the end-to-end tests, in Node: the production web add-in (the
 * project's webpack.config.js, output redirected to a temp dir) and the stub
 * office.js (officeStub.entry.ts with the fake Excel).
 *
 * Each build happens once per process: the result lives in a temp dir named
 * after the process id and a fingerprint of its inputs, so every test file a
 * jest worker runs reuses it (jest gives each test file fresh modules, so a
 * module-level cache alone would build again per file). Dirs of processes that
 * are gone are removed on the next build.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import type webpackDefault from 'webpack';
import type { Configuration, MultiStats, Stats } from 'webpack';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

// webpack, its config and plugins are loaded by Node itself, not through jest's
// module registry: one webpack instance for the config's plugins and the
// compiler, and no per-test-file reloading of webpack and TypeScript.
const nodeRequire = createRequire(path.join(REPO_ROOT, 'package.json'));

const PREFIX = 'indicator-tables-e2e-';
const DONE = '.complete';

type WebpackFn = typeof webpackDefault;
type Config = Configuration;
type ConfigModule = ((env: Record<string, unknown>, argv: Record<string, unknown>) => Config | Config[] | Promise<Config | Config[]>) & {
  PAGES?: Record<string, { filename?: string }>;
};

function webpackFn(): WebpackFn {
  return nodeRequire('webpack') as WebpackFn;
}

/** The project's webpack.config.js, freshly loaded (another engineer may be editing it). */
function loadConfigModule(): ConfigModule {
  const file = path.join(REPO_ROOT, 'webpack.config.js');
  delete nodeRequire.cache[nodeRequire.resolve(file)];
  return nodeRequire(file) as ConfigModule;
}

/** Run webpack; resolve when the output is written, reject with the errors' text. */
export function runWebpack(config: Config | Config[]): Promise<Stats | MultiStats> {
  const webpack = webpackFn();
  return new Promise((resolve, reject) => {
    const compiler = Array.isArray(config) ? webpack(config) : webpack(config);
    compiler.run((err, stats) => {
      compiler.close((closeErr) => {
        if (err || !stats) return reject(err ?? closeErr ?? new Error('webpack produced no stats'));
        if (stats.hasErrors()) {
          const text = stats.toString({ all: false, errors: true, errorDetails: true, moduleTrace: true, colors: false });
          return reject(new Error(`webpack build failed:\n${text}`));
        }
        if (closeErr) return reject(closeErr);
        resolve(stats);
      });
    });
  });
}

// ---- per-process build dirs -------------------------------------------------------

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Remove build dirs of processes that are gone, and this process's older builds of `kind`. */
function sweep(kind: string, keep: string): void {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    const m = new RegExp(`^${PREFIX}([a-z]+)-(\\d+)-[0-9a-f]+$`).exec(name);
    if (!m || name === keep) continue;
    const pid = Number(m[2]);
    if ((pid === process.pid && m[1] === kind) || (pid !== process.pid && !alive(pid))) {
      fs.rmSync(path.join(tmp, name), { recursive: true, force: true });
    }
  }
}

/** Sizes and times of the files under `paths` (relative to the repo root), hashed. */
function fingerprint(paths: string[]): string {
  const hash = crypto.createHash('sha1');
  const visit = (abs: string): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (name !== 'node_modules' && !name.startsWith('.')) visit(path.join(abs, name));
    } else {
      hash.update(`${path.relative(REPO_ROOT, abs)}\0${st.size}\0${st.mtimeMs}\n`);
    }
  };
  for (const p of paths) visit(path.join(REPO_ROOT, p));
  return hash.digest('hex').slice(0, 12);
}

const pending = new Map<string, Promise<string>>();

/** A dir holding the output of `build(dir)`, built once per process and input fingerprint. */
function cachedBuild(kind: string, inputs: string[], build: (dir: string) => Promise<void>): Promise<string> {
  const name = `${PREFIX}${kind}-${process.pid}-${fingerprint(inputs)}`;
  const dir = path.join(os.tmpdir(), name);
  const key = dir;
  const known = pending.get(key);
  if (known) return known;
  const p = (async () => {
    sweep(kind, name);
    if (fs.existsSync(path.join(dir, DONE))) return dir;
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    await build(dir);
    fs.writeFileSync(path.join(dir, DONE), new Date().toISOString());
    return dir;
  })();
  p.catch(() => pending.delete(key));
  pending.set(key, p);
  return p;
}

// ---- the web add-in -----------------------------------------------------------------

const SITE_INPUTS = ['src', 'assets', 'webpack.config.js', 'tsconfig.json', 'tsconfig.web.json', 'package.json', 'manifest.xml'];

/**
 * Build the production web add-in (webpack.config.js called with ({}, { mode: 'production' }))
 * into a temp dir and return that dir. Rejects with webpack's error text.
 */
export function buildSite(): Promise<string> {
  return cachedBuild('site', SITE_INPUTS, async (dir) => {
    const mod = loadConfigModule();
    const made = await mod({}, { mode: 'production' });
    const configs = Array.isArray(made) ? made : [made];
    for (const c of configs) c.output = { ...(c.output ?? {}), path: dir };
    await runWebpack(Array.isArray(made) ? configs : configs[0]);
  });
}

/**
 * The HTML pages the build makes: the file names in webpack.config.js's PAGES
 * export when there is one, else the .html files at the top of the built dir.
 */
export function sitePages(siteDir?: string): string[] {
  const pages = loadConfigModule().PAGES;
  if (pages) return Object.values(pages).map((p) => p.filename ?? '').filter((f) => f !== '');
  if (!siteDir) return [];
  return fs.readdirSync(siteDir).filter((f) => f.endsWith('.html')).sort();
}

// ---- the stub office.js ---------------------------------------------------------------

const STUB_INPUTS = ['test/e2e/support', 'test/support/fakeExcel', 'src/core/grid'];
const STUB_FILE = 'office.js';

let stubScript: Promise<string> | undefined;

/** The stub office.js (officeStub.entry.ts and the fake Excel) as one browser script. */
export function officeStubScript(): Promise<string> {
  stubScript ??= cachedBuild('stub', STUB_INPUTS, async (dir) => {
    await runWebpack({
      mode: 'development',
      devtool: false,
      target: 'web',
      context: REPO_ROOT,
      entry: path.join(__dirname, 'officeStub.entry.ts'),
      output: { path: dir, filename: STUB_FILE, iife: true },
      resolve: { extensions: ['.ts', '.js'], fallback: {} },
      module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ }] },
      performance: { hints: false },
    });
  }).then((dir) => fs.readFileSync(path.join(dir, STUB_FILE), 'utf8'));
  stubScript.catch(() => {
    stubScript = undefined;
  });
  return stubScript;
}
