/**
 * Chromium (Debian's, through playwright-core) for the end-to-end tests: launch,
 * open a page of the served add-in with the stub office.js, screenshots.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, officeStubScript } from './build';
import type { OfficeSeed, OfficeStubApi } from './officeStub.types';

const nodeRequire = createRequire(path.join(REPO_ROOT, 'package.json'));

/** Where Office add-ins load office.js from (the pages' script tag). */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** The chromium executable exists and is executable. */
export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(chromiumPath(), fs.constants.X_OK);
    return fs.statSync(chromiumPath()).isFile();
  } catch {
    return false;
  }
}

/**
 * describe() for tests that need chromium. Without it: on CI (process.env.CI set)
 * a failing test says so; locally the tests are skipped with a warning.
 */
export function describeWithChromium(name: string, fn: () => void): void {
  if (chromiumAvailable()) {
    describe(name, fn);
    return;
  }
  const why = `chromium not found at ${chromiumPath()} (install Debian's chromium package or set CHROMIUM_PATH)`;
  if (process.env.CI) {
    describe(name, () => {
      test('chromium is available', () => {
        throw new Error(`${why}: the end-to-end tests cannot run on CI without it`);
      });
    });
    return;
  }
  console.warn(`Skipping "${name}": ${why}.`);
  describe.skip(name, fn);
}

/** Launch headless chromium (executable from chromiumPath()). */
export function launchBrowser(): Promise<Browser> {
  const { chromium } = nodeRequire('playwright-core') as typeof import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS] });
}

export interface OpenPageOptions {
  /** the served add-in, 'http://127.0.0.1:<port>' (serveDir().origin) */
  origin: string;
  /** the page to open, relative to origin (default 'taskpane.html'; a query is allowed) */
  page?: string;
  /** the workbook and host behind the stub office.js (default: one empty sheet) */
  seed?: OfficeSeed;
  /** default { width: 320, height: 900 } (a task pane) */
  viewport?: { width: number; height: number };
  /** what goto waits for (default 'load') */
  waitUntil?: 'load' | 'domcontentloaded' | 'networkidle';
  /**
   * what answers office.js: 'excel' (default) the stub backed by the fake Excel; 'no-host'
   * an Office.js as in a plain browser (onReady gives no host); 'blocked' nothing (the
   * request fails, as on an offline machine; it is still listed in officeJs)
   */
  office?: 'excel' | 'no-host' | 'blocked';
  /** the browser's language (navigator.language), default 'zh-CN' */
  locale?: string;
}

/** Office.js as a plain browser tab sees it: ready at once, with no host. */
const NO_HOST_OFFICE_JS = `window.Office = {
  HostType: { Excel: 'Excel' },
  context: { displayLanguage: undefined, requirements: { isSetSupported: function () { return false; } } },
  onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); }
};`;

export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** requests to anything but origin and office.js, all aborted */
  blocked: string[];
  /** office.js requests answered with the stub */
  officeJs: string[];
  /** console.error messages (text and source location) */
  consoleErrors: string[];
  /** uncaught exceptions and unhandled rejections in the page */
  pageErrors: string[];
  close(): Promise<void>;
}

/**
 * A fresh browser context and page on `origin + page`: office.js answered with the
 * stub, every other request outside origin aborted (and listed in `blocked`), the
 * seed set as window.__OFFICE_SEED__ before any script runs, console errors and
 * page errors collected.
 */
export async function openPage(browser: Browser, options: OpenPageOptions): Promise<OpenedPage> {
  const origin = new URL(options.origin).origin;
  const office = options.office ?? 'excel';
  const stub = office === 'excel' ? await officeStubScript() : NO_HOST_OFFICE_JS;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 320, height: 900 }, serviceWorkers: 'block', locale: options.locale ?? 'zh-CN', acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  const opened: Omit<OpenedPage, 'page'> = {
    context,
    blocked: [],
    officeJs: [],
    consoleErrors: [],
    pageErrors: [],
    close: () => context.close(),
  };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    const { origin: o, pathname } = new URL(url);
    if (o === origin) return route.continue();
    if (`${o}${pathname}` === OFFICE_JS_URL) {
      opened.officeJs.push(url);
      if (office === 'blocked') return route.abort('internetdisconnected');
      return route.fulfill({ status: 200, contentType: 'application/javascript; charset=utf-8', body: stub });
    }
    opened.blocked.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: `window.__OFFICE_SEED__ = ${JSON.stringify(options.seed ?? { grids: [] })};` });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    opened.consoleErrors.push(loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
  });
  page.on('pageerror', (e) => opened.pageErrors.push(e.stack || e.message));
  await page.goto(`${origin}/${(options.page ?? 'taskpane.html').replace(/^\//, '')}`, { waitUntil: options.waitUntil ?? 'load' });
  return { page, ...opened };
}

type StubMethod = { [K in keyof OfficeStubApi]: OfficeStubApi[K] extends (...args: never[]) => unknown ? K : never }[keyof OfficeStubApi];
type StubFn<K extends StubMethod> = OfficeStubApi[K] extends (...args: infer A) => infer R ? { args: A; result: Awaited<R> } : never;

/** Call a method of window.__officeStub in the page: `await stubCall(page, 'sheetValues', '汇总')`. */
export async function stubCall<K extends StubMethod>(page: Page, method: K, ...args: StubFn<K>['args']): Promise<StubFn<K>['result']> {
  await page.waitForFunction(() => window.__officeStub !== undefined);
  return page.evaluate(
    ({ m, a }) => {
      const api = window.__officeStub as unknown as Record<string, (...x: unknown[]) => unknown>;
      return api[m](...a);
    },
    { m: method as string, a: args as unknown[] },
  ) as Promise<StubFn<K>['result']>;
}

/** Save a PNG of the page to test-artifacts/e2e/<name>.png (from the repo root); returns its path. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  const file = path.join(REPO_ROOT, 'test-artifacts', 'e2e', `${name.replace(/[^\w.\-\u4e00-\u9fff]+/g, '_')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
  return file;
}
