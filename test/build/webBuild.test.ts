// Builds the web part (webpack.config.js, production mode) into a temporary folder and
// checks what Office will load: the three pages, Office.js from Microsoft's CDN before
// each page's own bundle, the Content-Security-Policy, hashed file names, the copied
// manifest and icons, and the task pane's initial JavaScript size (as
// scripts/bundle-size.js measures it).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const load = createRequire(__filename);

interface Page {
  script: string;
  template: string;
  filename: string;
}

interface WebpackConfigModule {
  (env: unknown, argv: { mode: string }): { output: { path: string } } & Record<string, unknown>;
  PAGES: Record<string, Page>;
  CSP: string;
}

interface PageSize {
  page: string;
  html: string;
  files: Array<{ file: string; raw: number; gzip: number }>;
  raw: number;
  gzip: number;
}

interface BundleSizeModule {
  TASKPANE_GZIP_LIMIT: number;
  scriptSources(html: string): string[];
  initialScripts(html: string): string[];
  measurePages(distDir: string, pages: Record<string, { filename: string }>): PageSize[];
  markdownTable(results: PageSize[]): string;
}

interface WebpackStats {
  hasErrors(): boolean;
  toString(options: unknown): string;
}

type Webpack = (config: unknown, callback: (error: Error | null, stats?: WebpackStats) => void) => { close(cb: () => void): void };

const webpackConfig = load(path.join(ROOT, 'webpack.config.js')) as WebpackConfigModule;
const bundleSize = load(path.join(ROOT, 'scripts', 'bundle-size.js')) as BundleSizeModule;
const { PAGES, CSP } = webpackConfig;

/** Runs webpack in production mode with its output in `outDir`. */
function build(outDir: string): Promise<WebpackStats> {
  const webpack = load('webpack') as Webpack;
  const config = webpackConfig({}, { mode: 'production' });
  config.output = { ...config.output, path: outDir };
  return new Promise((resolve, reject) => {
    const compiler = webpack(config, (error, stats) => {
      compiler.close(() => {
        if (error !== null) reject(error);
        else if (stats === undefined) reject(new Error('webpack returned no stats'));
        else resolve(stats);
      });
    });
  });
}

/** The content of the <meta http-equiv="Content-Security-Policy"> tags (quoted or not, as the minifier left them). */
function cspMetas(html: string): string[] {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  return metas
    .filter((tag) => /http-equiv\s*=\s*["']?Content-Security-Policy["'\s>/]/i.test(tag))
    .map((tag) => {
      const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      return (content?.[1] ?? content?.[2] ?? content?.[3] ?? '').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    });
}

jest.setTimeout(240_000);

describe('the production web build', () => {
  let outDir: string;
  let stats: WebpackStats;
  const html: Record<string, string> = {};

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicator-tables-web-'));
    stats = await build(outDir);
    for (const [name, page] of Object.entries(PAGES)) {
      const file = path.join(outDir, page.filename);
      if (fs.existsSync(file)) html[name] = fs.readFileSync(file, 'utf8');
    }
  });

  afterAll(() => {
    if (outDir !== undefined) fs.rmSync(outDir, { recursive: true, force: true });
  });

  test('compiles without errors', () => {
    expect(stats.hasErrors() ? stats.toString({ all: false, errors: true, errorDetails: true }) : '').toBe('');
  });

  test('writes the three pages', () => {
    expect(Object.keys(PAGES).sort()).toEqual(['commands', 'dialog', 'taskpane']);
    expect(Object.keys(html).sort()).toEqual(['commands', 'dialog', 'taskpane']);
  });

  test('each page loads Office.js from the CDN, then its own hashed bundle', () => {
    for (const [name, page] of Object.entries(html)) {
      const sources = bundleSize.scriptSources(page);
      expect({ name, first: sources[0] }).toEqual({ name, first: OFFICE_JS });
      const own = bundleSize.initialScripts(page);
      expect(own.length).toBeGreaterThan(0);
      expect(sources.slice(1)).toEqual(own);
      for (const file of own) {
        expect(file).toMatch(/^[\w.-]+\.[0-9a-f]{8}\.js$/);
        expect(fs.existsSync(path.join(outDir, file))).toBe(true);
        // Source maps are separate files.
        expect(fs.existsSync(path.join(outDir, `${file}.map`))).toBe(true);
      }
      // A page gets only its own chunk.
      expect({ name, own: own.some((f) => f.startsWith(`${name}.`)) }).toEqual({ name, own: true });
      for (const other of Object.keys(PAGES).filter((n) => n !== name)) {
        expect(own.some((f) => f.startsWith(`${other}.`))).toBe(false);
      }
    }
  });

  test('each page carries the Content-Security-Policy before any script', () => {
    for (const [name, page] of Object.entries(html)) {
      expect({ name, csp: cspMetas(page) }).toEqual({ name, csp: [CSP] });
      expect(page.search(/<meta\b[^>]*Content-Security-Policy/i)).toBeLessThan(page.indexOf('<script'));
    }
  });

  test('every JavaScript file carries an 8-hex content hash', () => {
    const scripts = fs.readdirSync(outDir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    for (const file of scripts) expect(file).toMatch(/\.[0-9a-f]{8}\.js$/);
  });

  test('copies the manifest and the icons', () => {
    expect(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    for (const size of [16, 32, 64, 80]) {
      const built = path.join(outDir, 'assets', `icon-${size}.png`);
      expect(fs.readFileSync(built).equals(fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`)))).toBe(true);
    }
  });

  test(`keeps the task pane's initial JavaScript under ${bundleSize.TASKPANE_GZIP_LIMIT} bytes gzipped`, () => {
    const results = bundleSize.measurePages(outDir, PAGES);
    const taskpane = results.find((r) => r.page === 'taskpane');
    expect(taskpane).toBeDefined();
    expect(taskpane?.files.length).toBeGreaterThan(0);
    console.log(`initial JavaScript of the production build:\n${bundleSize.markdownTable(results)}`);
    expect(taskpane?.gzip).toBeLessThan(bundleSize.TASKPANE_GZIP_LIMIT);
  });
});
