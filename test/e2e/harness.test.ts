/**
 * Smoke test of the end-to-end harness: the production build served on
 * 127.0.0.1, office.js answered by the stub (the strict fake Excel seeded with
 * the sample workbook), nothing leaving the machine. Asserts only what holds
 * for any version of the task pane; the real flows live in other test files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Grid } from '../../src/core/grid';
import type { OfficeSeed, ServedDir } from './support';
import {
  REPO_ROOT,
  buildSite,
  describeWithChromium,
  gridFromJson,
  gridToJson,
  launchBrowser,
  makeSeed,
  openPage,
  screenshot,
  seedFromXlsx,
  serveDir,
  stubCall,
} from './support';

const SAMPLE = path.join(REPO_ROOT, 'assets/sample/county-indicators-2025-03.xlsx');

test('grids survive JSON through gridToJson / gridFromJson', async () => {
  const grids = await seedFromXlsx(SAMPLE);
  expect(grids.length).toBeGreaterThan(0);
  const back = (JSON.parse(JSON.stringify(grids.map(gridToJson))) as ReturnType<typeof gridToJson>[]).map(gridFromJson);
  back.forEach((g, i) => {
    const orig = grids[i];
    expect(g.name).toBe(orig.name);
    expect([g.rowCount, g.colCount]).toEqual([orig.rowCount, orig.colCount]);
    expect(g.merges).toEqual(orig.merges);
    for (let r = 0; r < orig.rows.length; r++) {
      expect(r in g.rows).toBe(r in orig.rows);
      const row = orig.rows[r];
      for (let c = 0; row && c < row.length; c++) expect(g.rows[r]?.[c]).toEqual(row[c]);
    }
  });
});

describeWithChromium('e2e harness (production build, stub office.js, chromium)', () => {
  let site: string;
  let server: ServedDir;
  let browser: Browser;
  let grids: Grid[];
  let seed: OfficeSeed;

  beforeAll(async () => {
    const t0 = Date.now();
    [site, grids] = await Promise.all([buildSite(), seedFromXlsx(SAMPLE)]);
    console.info(`e2e harness: site built in ${((Date.now() - t0) / 1000).toFixed(1)} s at ${site}`);
    seed = makeSeed(grids, { language: 'zh-CN', settings: { 'e2e.seeded': true } });
    [server, browser] = await Promise.all([serveDir(site), launchBrowser()]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the build has the pages Office loads, and each loads office.js from the CDN', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = fs.readFileSync(path.join(site, page), 'utf8');
      expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    }
  });

  test('the server serves files with their types and nothing else', async () => {
    const ok = await fetch(`${server.origin}/taskpane.html`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/html/);
    for (const bad of ['/', '/assets/', '/nope.html', '/..%2Fpackage.json', '/%2e%2e/%2e%2e/etc/passwd']) {
      expect([bad, (await fetch(`${server.origin}${bad}`)).status]).toEqual([bad, 404]);
    }
    expect(server.requests).toContain('/taskpane.html');
  });

  test('taskpane.html runs against the stub office.js with the sample workbook', async () => {
    const before = server.requests.length;
    const opened = await openPage(browser, { origin: server.origin, page: 'taskpane.html', seed });
    const { page } = opened;
    try {
      // office.js came from the stub, and the page asked Office whether it is ready
      expect(opened.officeJs).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
      await page.waitForFunction(() => (window.__officeStub?.readyCalls ?? 0) > 0);
      // the page shows something once Office is ready, and not "office.js missing" or "no host"
      await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 0);
      await page.waitForLoadState('networkidle');
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).not.toMatch(/无法加载 Office\.js|Office\.js could not be loaded|未在 Office 中运行|Not running inside Office/);

      const snap = await stubCall(page, 'snapshot');
      expect(snap.sheets.map((s) => s.name)).toEqual(grids.map((g) => g.name));
      expect(snap.sheets.every((s) => s.visibility === 'Visible')).toBe(true);
      expect(snap.activeSheet).toBe(grids[0].name);
      expect(typeof snap.syncs).toBe('number');
      // the seeded workbook reads back through the stub's helpers
      const first = grids[0];
      const values = await stubCall(page, 'sheetValues', first.name, true);
      expect(values.length).toBeGreaterThan(0);
      const anchor = first.rows.flatMap((row, r) => (row ?? []).map((cell, c) => ({ r, c, cell }))).find((x) => x.cell && x.cell.value !== null);
      if (anchor) expect(values[anchor.r][anchor.c]).toEqual(anchor.cell?.value);
      expect(await stubCall(page, 'settings')).toMatchObject({ 'e2e.seeded': true });
      expect(await page.evaluate(() => Office.context.displayLanguage)).toBe('zh-CN');
      expect(await page.evaluate(() => Office.context.requirements.isSetSupported('ExcelApi', '1.18'))).toBe(true);
      expect(await page.evaluate(() => Office.context.requirements.isSetSupported('ExcelApi', '1.19'))).toBe(false);
      expect(await page.evaluate(() => typeof (Office as unknown as { addin?: unknown }).addin)).toBe('undefined');

      // nothing left 127.0.0.1 except the routed office.js; the page's files came from our server
      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
      expect(server.requests.slice(before)).toContain('/taskpane.html');
      expect(server.requests.slice(before).some((r) => /\.js(\?|$)/.test(r))).toBe(true);
      if (opened.consoleErrors.length) console.warn(`taskpane.html console errors:\n${opened.consoleErrors.join('\n')}`);
      await screenshot(page, 'harness-taskpane');
    } finally {
      await opened.close();
    }
  });

  test('commands.html loads with the stub office.js', async () => {
    const opened = await openPage(browser, { origin: server.origin, page: 'commands.html', seed });
    try {
      expect(opened.officeJs).toHaveLength(1);
      await opened.page.waitForFunction(() => (window.__officeStub?.readyCalls ?? 0) > 0);
      await opened.page.waitForLoadState('networkidle');
      expect(await opened.page.evaluate(() => typeof window.__officeStub?.actions)).toBe('object');
      expect(Array.isArray(await stubCall(opened.page, 'actionNames'))).toBe(true);
      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('a dark, English host with an older ExcelApi can be seeded', async () => {
    const opened = await openPage(browser, {
      origin: server.origin,
      page: 'taskpane.html',
      seed: makeSeed(grids.slice(0, 1), { language: 'en-US', theme: 'dark', apiVersion: '1.12' }),
    });
    try {
      const host = await opened.page.evaluate(() => ({
        lang: Office.context.displayLanguage,
        dark: (Office.context.officeTheme as unknown as { isDarkTheme: boolean }).isDarkTheme,
        bg: Office.context.officeTheme.bodyBackgroundColor,
        api112: Office.context.requirements.isSetSupported('ExcelApi', '1.12'),
        api113: Office.context.requirements.isSetSupported('ExcelApi', '1.13'),
        dialogApi: Office.context.requirements.isSetSupported('DialogApi', '1.1'),
        sharedRuntime: Office.context.requirements.isSetSupported('SharedRuntime', '1.1'),
      }));
      expect(host).toEqual({ lang: 'en-US', dark: true, bg: '#262626', api112: true, api113: false, dialogApi: true, sharedRuntime: false });
      expect((await stubCall(opened.page, 'snapshot')).sheets).toHaveLength(1);
      // settings round trip through saveAsync, dialogs are recorded
      await opened.page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            Office.context.document.settings.set('k', { a: 1 });
            Office.context.document.settings.saveAsync(() => resolve());
          }),
      );
      expect(await stubCall(opened.page, 'savedSettings')).toEqual({ k: { a: 1 } });
      await opened.page.evaluate(
        () => new Promise<void>((resolve) => Office.context.ui.displayDialogAsync(`${location.origin}/dialog.html`, { height: 50, width: 30 }, () => resolve())),
      );
      expect((await stubCall(opened.page, 'snapshot')).sheets[0].name).toBe(grids[0].name);
      expect(await opened.page.evaluate(() => window.__officeStub?.dialogs.map((d) => d.url.replace(location.origin, '')))).toEqual(['/dialog.html']);
      await screenshot(opened.page, 'harness-taskpane-dark-en');
    } finally {
      await opened.close();
    }
  });
});
