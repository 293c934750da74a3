/**
 * The task pane and the ribbon command in a real browser: the production build served
 * on 127.0.0.1, office.js answered by the stub (the strict fake Excel holding the
 * sample county report), Debian's chromium driven by playwright-core.
 *
 * The figures written in the browser are compared with what the same session writes
 * in Node into another fake, and the planted wrong rank is followed from the finding
 * to its cell.
 */
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AddinSession, MemoryStore } from '../../src/addin';
import type { Grid } from '../../src/core/grid';
import { SETTINGS_KEY } from '../../src/core/session';
import { fakeFromGrids } from '../support/fakeExcel/fromGrid';
import { adapterOn } from '../workbook/excel/support';
import type { OfficeSeed, ServedDir } from './support';
import { REPO_ROOT, buildSite, describeWithChromium, launchBrowser, makeSeed, openPage, screenshot, seedFromXlsx, serveDir, stubCall } from './support';

const SAMPLE = path.join(REPO_ROOT, 'assets/sample/county-indicators-2025-03.xlsx');
const SUMMARY_SHEETS = ['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果'];

/** What the session writes in Node for the same workbook: the reference for the browser. */
async function expectedSheets(grids: Grid[], lang: 'zh-CN' | 'en-US', settings: string | null = null): Promise<Record<string, unknown[][]>> {
  const book = fakeFromGrids(grids, { apiVersion: '1.18' });
  const session = new AddinSession(adapterOn(book), new MemoryStore(settings), lang);
  const outcome = await session.generate();
  const out: Record<string, unknown[][]> = {};
  for (const name of outcome.sheets) {
    const sheet = book.sheet(name)!;
    // as the stub's sheetValues reads it: the used range (values and formats) from its top-left cell
    const b = sheet.usedBounds(false)!;
    out[name] = Array.from({ length: b.bottom - b.top + 1 }, (_, r) => Array.from({ length: b.right - b.left + 1 }, (_, c) => sheet.view(b.top + r, b.left + c).value));
  }
  return out;
}

async function visibleSheets(page: Page): Promise<string[]> {
  return (await stubCall(page, 'snapshot')).sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
}

describeWithChromium('the task pane in chromium against the fake Excel', () => {
  let server: ServedDir;
  let browser: Browser;
  let grids: Grid[];
  let seed: OfficeSeed;

  beforeAll(async () => {
    const [site, g] = await Promise.all([buildSite(), seedFromXlsx(SAMPLE)]);
    grids = g;
    seed = makeSeed(grids, { language: 'zh-CN', apiVersion: '1.18' });
    [server, browser] = await Promise.all([serveDir(site), launchBrowser()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('检查数据 → a finding selects its cell → 标记/清除 → 生成汇总表 writes the expected sheets in few syncs', async () => {
    const opened = await openPage(browser, { origin: server.origin, seed });
    const { page } = opened;
    try {
      // 1. the tables found
      await page.getByRole('heading', { level: 2, name: /工作表/ }).waitFor();
      await page.getByText('固定资产投资').first().waitFor();
      await screenshot(page, 'taskpane-1-sheets');
      await screenshot(page, 'taskpane-1-sheets-view', false);

      // 2. check: the planted wrong rank, under 错误; clicking it selects 固定资产投资!C10
      await page.getByRole('button', { name: '检查数据', exact: true }).click();
      const wrong = page.getByRole('button', { name: /安平县 公布位次为第11位/ });
      await wrong.waitFor();
      await screenshot(page, 'taskpane-2-findings');
      await wrong.scrollIntoViewIfNeeded();
      await screenshot(page, 'taskpane-2-findings-view', false);
      await wrong.click();
      await page.waitForFunction(() => window.__officeStub?.snapshot().selection?.address === 'C10');
      const snap = await stubCall(page, 'snapshot');
      expect(snap.selection).toEqual({ sheet: '固定资产投资', address: 'C10' });
      expect(snap.activeSheet).toBe('固定资产投资');

      // marks on the source cells, then taken off again
      await page.getByRole('button', { name: '标记到单元格' }).click();
      await page.getByText(/已标记 \d+ 个单元格/).waitFor();
      expect((await stubCall(page, 'fills', '固定资产投资')).C10).toBe('#F8CBAD');
      expect((await stubCall(page, 'notes', '固定资产投资')).C10).toContain('公布位次为第11位');
      await page.getByRole('button', { name: '清除标记' }).click();
      await page.getByText(/已清除 \d+ 个单元格的标记/).waitFor();
      expect((await stubCall(page, 'fills', '固定资产投资')).C10).toBeUndefined();

      // 3. the summary
      await stubCall(page, 'resetStats');
      await page.getByRole('button', { name: '生成汇总表', exact: true }).click();
      const link = page.getByRole('link', { name: /主要指标汇总表1/ }).or(page.getByRole('button', { name: /主要指标汇总表1/ }));
      await link.first().waitFor({ timeout: 30_000 });
      await screenshot(page, 'taskpane-3-summary');
      await link.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'taskpane-3-summary-view', false);
      const stats = await stubCall(page, 'stats');
      // read (3) and write (2): a bounded number of round trips whatever the sheet size
      expect(stats.syncs).toBeLessThanOrEqual(6);
      expect(await visibleSheets(page)).toEqual([...grids.map((g) => g.name), ...SUMMARY_SHEETS]);
      expect((await stubCall(page, 'snapshot')).activeSheet).toBe('主要指标汇总表1');

      // the figures are those the core computes (the same session in Node)
      const expected = await expectedSheets(grids, 'zh-CN');
      for (const name of SUMMARY_SHEETS) expect([name, await stubCall(page, 'sheetValues', name)]).toEqual([name, expected[name]]);
      const main = await stubCall(page, 'sheetValues', '主要指标汇总表1');
      expect(main.flat()).toEqual(expect.arrayContaining(['全市', '安平县', '城东']));
      const rules = await stubCall(page, 'conditionalFormats', '主要指标汇总表1');
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.some((r) => r.format.fill)).toBe(true);

      // the choices are in the workbook for next month and for 一键汇总
      const saved = (await stubCall(page, 'savedSettings')) ?? {};
      expect(JSON.parse(String(saved[SETTINGS_KEY])).lastRun).toEqual(expect.any(String));

      // the link opens the sheet
      await page.evaluate(() => {
        (window.__officeStub!.fake as { activeSheet: string }).activeSheet = '目录';
      });
      await link.first().click();
      await page.waitForFunction(() => window.__officeStub?.snapshot().activeSheet === '主要指标汇总表1');

      // 4. 分析文字: the text; a figure chosen selects its source cell in one round trip
      const text = page.getByRole('region', { name: '4 分析文字' });
      await text.getByRole('button', { name: '写出分析文字', exact: true }).click();
      const total = text.getByRole('group', { name: '全市', exact: true });
      await total.waitFor({ timeout: 30_000 });
      expect(await total.locator('p').innerText()).toMatch(/^地区生产总值537\.69亿元，增长6\.1%（按可比价计算）。/);
      await stubCall(page, 'resetStats');
      await total.getByRole('button', { name: '537.69，转到「地区生产总值」B5' }).click();
      await page.waitForFunction(() => window.__officeStub?.snapshot().selection?.address === 'B5');
      expect((await stubCall(page, 'snapshot')).selection).toEqual({ sheet: '地区生产总值', address: 'B5' });
      expect((await stubCall(page, 'snapshot')).activeSheet).toBe('地区生产总值');
      expect((await stubCall(page, 'stats')).syncs).toBe(1);
      await total.scrollIntoViewIfNeeded();
      await screenshot(page, 'taskpane-4-text-view', false);

      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('自定义平衡关系: the panel is loaded when opened, an indicator picked from the list, the identity kept in the workbook and found by 检查数据', async () => {
    const opened = await openPage(browser, { origin: server.origin, seed });
    const { page } = opened;
    try {
      await page.getByText('固定资产投资').first().waitFor();
      await page.getByRole('button', { name: /^自定义平衡关系/ }).click();
      await page.getByRole('heading', { name: '标准关系' }).waitFor();
      await page.getByRole('textbox', { name: '名称' }).fill('税收只有两项');
      await page.getByRole('combobox', { name: /^总量指标/ }).pressSequentially('税收');
      await page.getByRole('option', { name: '税收收入', exact: true }).click();
      await page.getByRole('combobox', { name: /^分项指标 1/ }).fill('增值税');
      await page.getByRole('combobox', { name: /^分项指标 2/ }).fill('企业所得税');
      await page.getByRole('button', { name: '加入', exact: true }).click();
      await page.getByText('已加入「税收只有两项」。').waitFor();
      await page.getByRole('heading', { name: '本局的关系（1）' }).scrollIntoViewIfNeeded();
      await screenshot(page, 'taskpane-identities', false);
      // a pane 320 px wide: nothing wider than it
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
      const saved = (await stubCall(page, 'savedSettings')) ?? {};
      expect(JSON.parse(String(saved[SETTINGS_KEY])).identities).toEqual([{ name: '税收只有两项', whole: '^税收收入', parts: ['^增值税', '^企业所得税'], kind: 'sum' }]);
      await page.getByRole('button', { name: '检查数据', exact: true }).click();
      await page.getByRole('button', { name: /「税收收入」为 3,117,060，但 增值税 1,141,607 \+ 企业所得税 253,017 = 1,394,624（税收只有两项/ }).waitFor();
      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('English host: the same flow in en-US words', async () => {
    const opened = await openPage(browser, { origin: server.origin, seed: makeSeed(grids, { language: 'en-US', theme: 'dark' }) });
    const { page } = opened;
    try {
      await page.getByRole('button', { name: 'Check figures', exact: true }).click();
      await page.getByRole('button', { name: /Rank disagrees with the figures/ }).first().waitFor();
      await page.getByRole('button', { name: 'Generate summary', exact: true }).click();
      await page.getByRole('link', { name: /Summary1/ }).or(page.getByRole('button', { name: /Summary1/ })).first().waitFor({ timeout: 30_000 });
      expect(await visibleSheets(page)).toEqual([...grids.map((g) => g.name), 'Summary1', 'Summary2', 'Ranks', 'Analysis', 'Check results']);
      await screenshot(page, 'taskpane-en-dark');
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('a cell in edit mode: the message says what to do, and nothing is lost', async () => {
    const opened = await openPage(browser, { origin: server.origin, seed });
    const { page } = opened;
    try {
      await page.getByRole('button', { name: '检查数据', exact: true }).click();
      await page.getByRole('button', { name: /安平县 公布位次为第11位/ }).waitFor();
      await page.evaluate(() => {
        (window.__officeStub!.fake as { editing: boolean }).editing = true;
      });
      await page.getByRole('button', { name: '生成汇总表', exact: true }).click();
      await page.getByText('Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。').waitFor();
      // the findings are still shown, and the workbook is as it was
      expect(await page.getByRole('button', { name: /安平县 公布位次为第11位/ }).count()).toBe(1);
      expect(await visibleSheets(page)).toEqual(grids.map((g) => g.name));
      await screenshot(page, 'taskpane-error-editing');
    } finally {
      await opened.close();
    }
  });

  test('一键汇总 on the ribbon: with saved settings it writes the summary and reports the errors in a dialog; without, it asks for the pane', async () => {
    // the settings the pane saved: rank by value, dense ties
    const settings = JSON.stringify({ version: 1, summary: { rankBy: 'value', ties: 'dense' } });
    const withSettings = await openPage(browser, { origin: server.origin, page: 'commands.html', seed: makeSeed(grids, { language: 'zh-CN', settings: { [SETTINGS_KEY]: settings } }) });
    try {
      const page = withSettings.page;
      await page.waitForFunction(() => (window.__officeStub?.actionNames() ?? []).includes('generateSummary'));
      const done = stubCall(page, 'invokeAction', 'generateSummary', 60_000);
      // the sample has an error in its figures: a dialog says so; closing it completes the command
      await page.waitForFunction(() => (window.__officeStub?.dialogs.length ?? 0) > 0, undefined, { timeout: 60_000 });
      const url = new URL((await page.evaluate(() => window.__officeStub!.dialogs[0].url)) as string);
      expect(url.pathname).toBe('/dialog.html');
      expect(url.searchParams.get('title')).toBe('汇总表已生成，请先核对');
      expect(url.searchParams.get('text')).toContain('审核发现错误1条');
      await stubCall(page, 'dialogMessage', 0, 'close');
      expect(await done).toEqual({ completed: true });
      expect(await visibleSheets(page)).toEqual([...grids.map((g) => g.name), ...SUMMARY_SHEETS]);
      expect((await stubCall(page, 'snapshot')).activeSheet).toBe('主要指标汇总表1');
      const expected = await expectedSheets(grids, 'zh-CN', settings);
      expect(await stubCall(page, 'sheetValues', '位次表')).toEqual(expected['位次表']);

      // the dialog page itself shows the words and closes with 确定
      const dialog = await openPage(browser, { origin: server.origin, page: `dialog.html${url.search}`, seed });
      try {
        await dialog.page.getByText('审核发现错误1条', { exact: false }).waitFor();
        await screenshot(dialog.page, 'ribbon-dialog', false);
        await dialog.page.getByRole('button', { name: '确定' }).click();
        await dialog.page.waitForFunction(() => (window.__officeStub?.parentMessages ?? []).includes('close'));
      } finally {
        await dialog.close();
      }
    } finally {
      await withSettings.close();
    }

    const fresh = await openPage(browser, { origin: server.origin, page: 'commands.html', seed });
    try {
      const page = fresh.page;
      await page.waitForFunction(() => (window.__officeStub?.actionNames() ?? []).includes('generateSummary'));
      const done = stubCall(page, 'invokeAction', 'generateSummary', 30_000);
      await page.waitForFunction(() => (window.__officeStub?.dialogs.length ?? 0) > 0);
      const url = new URL((await page.evaluate(() => window.__officeStub!.dialogs[0].url)) as string);
      expect(url.searchParams.get('title')).toBe('请先打开任务窗格');
      await stubCall(page, 'dialogEvent', 0, 12006);
      expect(await done).toEqual({ completed: true });
      expect(await visibleSheets(page)).toEqual(grids.map((g) => g.name));
    } finally {
      await fresh.close();
    }
  });
});
