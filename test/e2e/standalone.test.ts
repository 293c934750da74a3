/**
 * The task pane outside Excel, in chromium: the production build served on 127.0.0.1,
 * office.js answering "no host" (a plain browser) or not loading at all (offline). A real
 * published workbook (or the project's sample when ../shared is absent) is chosen in the
 * file picker, checked and summarised in the page; the downloaded workbook is opened with
 * ExcelJS and compared with what the core writes in Node for the same file.
 */
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { prepareSheets } from '../../src/core/check';
import { buildSummary, defaultSettings, summaryInput } from '../../src/core/session';
import { splitGrids } from '../../src/core/summary';
import { writePlanCopy } from '../../src/cli/writeCopy';
import { readWorkbookBytes } from '../../src/workbook/read';
import { readXlsxBuffer, readXlsxFile } from '../support/exceljs';
import { realFixture } from '../support/realFixtures';
import type { ServedDir } from './support';
import { REPO_ROOT, buildSite, describeWithChromium, launchBrowser, openPage, screenshot, serveDir } from './support';

const SAMPLE = path.join(REPO_ROOT, 'assets/sample/county-indicators-2025-03.xlsx');
const REAL = realFixture('shaoyang-monthly-2025-03.xlsx');
const FILE = REAL ?? SAMPLE;
if (!REAL) console.warn('[e2e standalone] ../shared/fixtures/real is absent: using the project sample');

/** The summary sheets' values as the core writes them in Node for the same file and default settings. */
async function expectedSummary(file: string): Promise<Map<string, unknown[][]>> {
  const input = new Uint8Array(fs.readFileSync(file));
  const split = splitGrids((await readWorkbookBytes(input, file)).grids());
  const built = buildSummary(split, prepareSheets({ grids: split.grids }), summaryInput(defaultSettings(), 'zh-CN'));
  const again = await readXlsxBuffer(writePlanCopy(input, built.planned.plan));
  const names = built.planned.plan.sheets.filter((s) => !s.hidden).map((s) => s.name);
  return new Map(again.grids(names).map((g) => [g.name, g.rows.map((r) => (r ?? []).map((c) => c?.value ?? null))]));
}

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.getByLabel(/选择工作簿|Choose a workbook/).first().setInputFiles(file);
}

describeWithChromium('the standalone page in chromium (no Excel)', () => {
  let server: ServedDir;
  let browser: Browser;

  beforeAll(async () => {
    const site = await buildSite();
    [server, browser] = await Promise.all([serveDir(site), launchBrowser()]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const office of ['no-host', 'blocked'] as const) {
    test(`office.js ${office === 'blocked' ? 'cannot load (offline)' : 'gives no host'}: pick a workbook, check, summarise, download`, async () => {
      const opened = await openPage(browser, { origin: server.origin, office, viewport: { width: 1100, height: 900 } });
      const { page } = opened;
      try {
        await chooseFile(page, FILE);
        await page.getByRole('heading', { level: 2, name: /工作表/ }).waitFor({ timeout: 30_000 });
        await page.getByRole('button', { name: '检查数据', exact: true }).click();
        await page.getByRole('heading', { name: /检查结果/ }).waitFor();
        const findings = page.locator('button', { hasText: /^[A-Z]+\d+/ });
        if ((await findings.count()) > 0) {
          // a finding shows its cell in the read-only grid
          const first = findings.first();
          const cell = /^([A-Z]+\d+)/.exec((await first.innerText()).trim())?.[1];
          await first.click();
          // its cell is outlined in the sheet view, or, on a hidden sheet (邵阳's first error is on the hidden
          // chart sheet 81图5), the pane says the sheet is hidden
          if (cell) await page.locator('[aria-current="true"], [aria-current="location"]').or(page.getByText(/是隐藏的/)).first().waitFor();
        }
        await screenshot(page, `standalone-${office}-checked`);

        await page.getByRole('button', { name: '生成汇总表', exact: true }).click();
        const downloadButton = page.getByRole('button', { name: /下载汇总工作簿/ });
        // the package writer runs in the page: give a busy machine time, waiting for the state
        await downloadButton.waitFor({ timeout: 240_000 });
        const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
        expect(download.suggestedFilename()).toBe(`${path.basename(FILE, '.xlsx')}-汇总.xlsx`);
        const saved = path.join(REPO_ROOT, 'test-artifacts', 'e2e', `standalone-${office}.xlsx`);
        fs.mkdirSync(path.dirname(saved), { recursive: true });
        await download.saveAs(saved);
        await screenshot(page, `standalone-${office}-done`);

        // the download: the user's sheets unchanged, the summary sheets with the core's figures, highlights as rules
        const original = await readXlsxFile(FILE);
        const got = await readXlsxFile(saved);
        const expected = await expectedSummary(FILE);
        const userNames = original.grids().map((g) => g.name);
        const gotNames = got.workbook.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
        expect(gotNames).toEqual([...userNames.filter((n) => original.workbook.getWorksheet(n)?.state === 'visible'), ...expected.keys()]);
        for (const name of userNames) {
          expect([name, got.grids([name])[0].rows.map((r) => (r ?? []).map((c) => c?.value ?? null))]).toEqual([
            name,
            original.grids([name])[0].rows.map((r) => (r ?? []).map((c) => c?.value ?? null)),
          ]);
        }
        for (const [name, values] of expected) {
          expect([name, got.grids([name])[0].rows.map((r) => (r ?? []).map((c) => c?.value ?? null))]).toEqual([name, values]);
        }
        const raw = new ExcelJS.Workbook();
        await raw.xlsx.readFile(saved);
        const main = raw.worksheets.find((ws) => ws.name.startsWith('主要指标汇总表'))!;
        expect((main as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings.length).toBeGreaterThan(0);

        // nothing left the machine: only our own files, and office.js from the CDN (answered or blocked)
        expect(opened.blocked).toEqual([]);
        expect(opened.officeJs).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
        expect(opened.pageErrors).toEqual([]);
      } finally {
        await opened.close();
      }
    }, 360_000);
  }

  test('taskpane.html?sample (what npm start prints) opens the built-in sample at once; 分析文字 links its figures to the sheet view', async () => {
    const opened = await openPage(browser, { origin: server.origin, office: 'no-host', page: 'taskpane.html?sample' });
    try {
      await opened.page.getByText('固定资产投资').first().waitFor({ timeout: 30_000 });
      await opened.page.getByRole('button', { name: '检查数据', exact: true }).click();
      await opened.page.getByRole('button', { name: /安平县 公布位次为第11位/ }).waitFor();

      // 4 分析文字: the text of the sample; a figure chosen shows its cell in the sheet view, on its sheet
      const text = opened.page.getByRole('region', { name: '4 分析文字' });
      await text.getByRole('button', { name: '写出分析文字', exact: true }).click();
      const total = text.getByRole('group', { name: '全市', exact: true });
      await total.waitFor({ timeout: 30_000 });
      expect(await total.locator('p').innerText()).toMatch(/^地区生产总值537\.69亿元，增长6\.1%（按可比价计算）。/);
      await text.getByRole('group', { name: '石门', exact: true }).getByRole('button', { name: '4.7，转到「城镇居民人均可支配收入」C17' }).click();
      const cell = opened.page.locator('td[aria-current="true"]');
      await cell.and(opened.page.locator('[data-cell="C17"]')).waitFor();
      expect(await cell.innerText()).toBe('4.7');
      expect(await opened.page.getByRole('combobox', { name: '工作表' }).inputValue()).toBe('城镇居民人均可支配收入');
      // in view in the sheet view, and focused
      expect(await cell.evaluate((el) => el === document.activeElement)).toBe(true);
      await screenshot(opened.page, 'standalone-text-figure');
      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('上期报表: last month\'s workbook is read in the page (its own lazy chunk, nothing fetched elsewhere), named with its period, and the checks run against it', async () => {
    // last month: the sample with its 1-3月 read as 1-2月 ("1-3" and "月" may sit in two runs of rich text)
    const parts = unzipSync(new Uint8Array(fs.readFileSync(SAMPLE)));
    for (const [name, data] of Object.entries(parts)) {
      if (name.endsWith('.xml')) parts[name] = strToU8(strFromU8(data).replace(/([>年])1-3(?=[<月])/g, '$11-2'));
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'indicator-previous-'));
    const previous = path.join(dir, 'county-indicators-2025-02.xlsx');
    fs.writeFileSync(previous, zipSync(parts));
    const opened = await openPage(browser, { origin: server.origin, office: 'no-host', page: 'taskpane.html?sample' });
    const { page } = opened;
    try {
      await page.getByText('固定资产投资').first().waitFor({ timeout: 30_000 });
      await page.getByLabel('上期报表文件').first().setInputFiles(previous);
      await page.getByText('已选择：county-indicators-2025-02.xlsx（2025年1-2月）').first().waitFor({ timeout: 30_000 });
      await page.getByRole('button', { name: '检查数据', exact: true }).click();
      await page.getByRole('button', { name: /安平县 公布位次为第11位/ }).waitFor();
      expect(await page.getByText(/未选择上期报表/).count()).toBe(0);
      expect(opened.blocked).toEqual([]);
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a legacy .xls (and the same file named .et) is read and checked; generating converts it to .xlsx with the summary; a damaged one gets its cause', async () => {
    const opened = await openPage(browser, { origin: server.origin, office: 'no-host' });
    const { page } = opened;
    try {
      const dir = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
      fs.mkdirSync(dir, { recursive: true });
      // The sample as Excel 97-2003 (BIFF8), written by SheetJS.
      const XLSX = await import('@e965/xlsx');
      const biff8 = XLSX.write(XLSX.read(fs.readFileSync(SAMPLE), { type: 'buffer', cellNF: true }), { bookType: 'biff8', type: 'buffer' }) as Buffer;
      for (const name of ['旧报表.xls', '旧报表.et']) {
        const file = path.join(dir, name);
        fs.writeFileSync(file, biff8);
        await chooseFile(page, file);
        await page.getByRole('heading', { level: 2, name: /工作表/ }).waitFor({ timeout: 60_000 });
        await page.getByText(name).first().waitFor();
        await page.getByRole('button', { name: '检查数据', exact: true }).click();
        await page.getByRole('button', { name: /安平县 公布位次为第11位/ }).waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: '生成汇总表', exact: true }).click();
        // converted to .xlsx (its values, number formats, merges, widths) with the summary added
        const downloadButton = page.getByRole('button', { name: /下载汇总工作簿/ });
        await downloadButton.waitFor({ timeout: 120_000 });
        const [download] = await Promise.all([page.waitForEvent('download'), downloadButton.click()]);
        expect(download.suggestedFilename()).toBe('旧报表-汇总.xlsx');
        const saved = path.join(dir, `converted-${path.extname(name).slice(1)}.xlsx`);
        await download.saveAs(saved);
        const names = (await readXlsxFile(saved)).workbook.worksheets.map((ws) => ws.name);
        expect(names).toEqual(expect.arrayContaining(['固定资产投资', '主要指标汇总表1', '审核结果']));
        await screenshot(page, `standalone-${path.extname(name).slice(1)}`);
        await page.getByRole('button', { name: /换一个文件/ }).click();
      }
      // An Excel 97-2003 header with nothing behind it: damaged, with the reader's cause; the picker stays usable.
      const broken = path.join(dir, '坏报表.xls');
      fs.writeFileSync(broken, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]));
      await chooseFile(page, broken);
      await page.getByText(/已损坏或不是 Excel 工作簿.*原因/).waitFor({ timeout: 60_000 });
      await chooseFile(page, SAMPLE);
      await page.getByRole('heading', { level: 2, name: /工作表/ }).waitFor({ timeout: 30_000 });
      expect(opened.pageErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  }, 360_000);
});
