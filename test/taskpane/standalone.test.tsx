/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
//
// The task pane in a plain browser (src/taskpane/standalone): the sample workbook is chosen
// in the file picker (or dropped), read by FileWorkbook, and the same three steps run on it,
// with the read-only sheet view and the download of the new workbook.
import './setup';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import { MemoryStore } from '../../src/addin';
import type { Grid } from '../../src/core/grid';
import type { Lang } from '../../src/core/i18n';
import { t } from '../../src/core/i18n';
import { defaultSettings } from '../../src/core/session';
import { FileWorkbook } from '../../src/workbook/file';
import { WorkbookReadError } from '../../src/workbook/WorkbookPort';
import type { FileWorkbookLike, OpenFile, StandaloneAppProps } from '../../src/taskpane/standalone';
import {
  COL_WINDOW,
  GridView,
  LocalSettingsStore,
  ROW_WINDOW,
  STANDALONE_SETTINGS_KEY,
  StandaloneApp,
  cellText,
  downloadBytes,
} from '../../src/taskpane/standalone';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { LANGS } from './harness';
import { SAMPLE } from './sample';

const SAMPLE_NAME = 'county-indicators-2025-03.xlsx';
const sampleBytes = fs.readFileSync(SAMPLE);
const sampleFile = (name = SAMPLE_NAME): File => new File([sampleBytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
/** A legacy .xls: an OLE2 compound file header and nothing a reader could use. */
const xlsFile = (): File => new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1024).fill(0)])], '旧报表.xls');

/** The real FileWorkbook, as the page's default opener uses it (without the lazy import). */
const realOpen: OpenFile = (data, name, onGoTo) => FileWorkbook.open(data, name, { onGoTo });

interface Opened {
  user: ReturnType<typeof userEvent.setup>;
  unmount: () => void;
  container: HTMLElement;
  openFile: jest.Mock<ReturnType<OpenFile>, Parameters<OpenFile>>;
  workbooks: FileWorkbookLike[];
}

/** The standalone page with an opener that records the workbooks it opened. */
function renderPage(lang: Lang, props: Partial<StandaloneAppProps> = {}, user = userEvent.setup()): Opened {
  const workbooks: FileWorkbookLike[] = [];
  const inner = props.openFile ?? realOpen;
  const openFile = jest.fn<ReturnType<OpenFile>, Parameters<OpenFile>>(async (data, name, onGoTo) => {
    const wb = await inner(data, name, onGoTo);
    workbooks.push(wb);
    return wb;
  });
  const r = render(<StandaloneApp lang={lang} theme="light" store={new MemoryStore()} {...props} openFile={openFile} />);
  return { user, unmount: r.unmount, container: r.container, openFile, workbooks };
}

const pickerOf = (zh: boolean): HTMLInputElement => screen.getByLabelText(zh ? '选择工作簿' : 'Choose a workbook');
const tablesRead = (zh: boolean): Promise<HTMLElement> => screen.findByText(zh ? /^共 \d+ 张表，\d+ 个工作表$/ : /^\d+ tables on \d+ sheets$/, undefined, { timeout: 10_000 });

/** Choose the sample in the picker; resolves when step 1 lists its tables. */
async function openSample(lang: Lang, props: Partial<StandaloneAppProps> = {}): Promise<Opened> {
  const zh = lang === 'zh-CN';
  const r = renderPage(lang, props);
  await r.user.upload(pickerOf(zh), sampleFile());
  await tablesRead(zh);
  return r;
}

/** 检查数据, then the findings' region. */
async function runCheck(r: Opened, zh: boolean): Promise<HTMLElement> {
  await r.user.click(screen.getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
  const heading = await screen.findByRole('heading', { level: 3, name: zh ? '检查结果' : 'Findings' }, { timeout: 10_000 });
  return screen.getByRole('region', { name: heading.textContent ?? '' });
}

/** The cell the sheet view outlines (aria-current). */
const currentCell = (): HTMLElement | null => document.querySelector('td[aria-current="true"]');
const sheetSelect = (zh: boolean): HTMLSelectElement => screen.getByRole('combobox', { name: zh ? '工作表' : 'Sheet' }) as HTMLSelectElement;

/** Reads a Blob (jsdom has FileReader, not Blob.arrayBuffer everywhere). */
function blobBytes(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

interface Downloads {
  blobs: Blob[];
  clicks: { download: string; href: string }[];
  revoked: string[];
  restore: () => void;
}

/** Object URLs and <a download> clicks captured (jsdom has neither object URLs nor downloads). */
function captureDownloads(): Downloads {
  const d: Downloads = { blobs: [], clicks: [], revoked: [], restore: () => undefined };
  const url = URL as unknown as { createObjectURL?: (b: Blob) => string; revokeObjectURL?: (u: string) => void };
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = (b: Blob) => {
    d.blobs.push(b);
    return `blob:test/${d.blobs.length}`;
  };
  url.revokeObjectURL = (u: string) => void d.revoked.push(u);
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    d.clicks.push({ download: this.download, href: this.getAttribute('href') ?? '' });
  });
  d.restore = () => {
    url.createObjectURL = saved.create;
    url.revokeObjectURL = saved.revoke;
    click.mockRestore();
  };
  return d;
}

beforeEach(() => {
  window.localStorage.clear();
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe.each(LANGS)('The standalone page (%s)', (lang) => {
  const zh = lang === 'zh-CN';

  test('before a file: a heading, what the page does, a labelled file picker for workbooks inside a drop zone', () => {
    const r = renderPage(lang);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zh ? '指标表助手' : 'Indicator tables');
    expect(
      screen.getByText(
        zh
          ? '在浏览器中打开工作簿（.xlsx，也可以是 .xls、.et、.ods），检查数据并生成汇总表；文件不会离开本机。'
          : 'Open a workbook in the browser (.xlsx, or .xls, .et, .ods) to check its figures and generate the summary; the file never leaves this computer.',
      ),
    ).toBeTruthy();
    const input = pickerOf(zh);
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.xlsx,.xlsm,.xls,.et,.ods,.xlsb');
    expect(input.disabled).toBe(false);
    // the label is visible text, the input takes the keyboard focus
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(zh ? '选择工作簿' : 'Choose a workbook');
    input.focus();
    expect(document.activeElement).toBe(input);
    const zone = screen.getByRole('group', { name: zh ? '也可以把工作簿文件拖放到这里。' : 'Or drop a workbook file here.' });
    expect(zone.contains(input)).toBe(true);
    // no step yet
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(r.openFile).not.toHaveBeenCalled();
    r.unmount();
  });

  test('the whole job: choose the sample, check, see the finding in the sheet view, generate, download', async () => {
    const downloads = captureDownloads();
    try {
      const r = await openSample(lang);
      expect(r.openFile).toHaveBeenCalledTimes(1);
      expect(r.openFile.mock.calls[0][1]).toBe(SAMPLE_NAME);
      // the file's line, focused, and the way back
      const line = screen.getByText(zh ? `工作簿：${SAMPLE_NAME}` : `Workbook: ${SAMPLE_NAME}`);
      expect(document.activeElement).toBe(line);
      expect(screen.getByRole('button', { name: zh ? '换一个文件' : 'Open another file' })).toBeTruthy();
      // the same four steps as in Excel
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
        zh ? ['1 工作表', '2 检查', '3 汇总', '4 分析文字'] : ['1 Sheets', '2 Check', '3 Summary', '4 Analysis text'],
      );
      expect(screen.getByText(zh ? '共 9 张表，9 个工作表' : '9 tables on 9 sheets')).toBeTruthy();
      expect(screen.getByRole('switch', { name: zh ? '使用工作表「固定资产投资」' : 'Use sheet "固定资产投资"' })).toBeTruthy();

      // 检查数据: the planted wrong rank
      const results = await runCheck(r, zh);
      const errors = within(results).getByRole('region', { name: zh ? /^错误（\d+）$/ : /^Errors \(\d+\)$/ });
      const row = within(errors).getByRole('button', { name: /C10/ });
      expect(row.textContent).toMatch(/固定资产投资.*安平县.*11/);
      // choosing it shows the cell in the sheet view: its sheet, outlined, focused
      await r.user.click(row);
      await waitFor(() => expect(currentCell()?.getAttribute('data-cell')).toBe('C10'));
      expect(sheetSelect(zh).value).toBe('固定资产投资');
      const cell = currentCell() as HTMLElement;
      expect(document.activeElement).toBe(cell);
      expect(cell.textContent).toBe('11');
      const table = cell.closest('table') as HTMLTableElement;
      expect(table.getAttribute('aria-label')).toBe(zh ? '工作表「固定资产投资」的内容' : 'Cells of sheet "固定资产投资"');
      expect(within(table).getAllByRole('columnheader')[2].textContent).toBe('C');
      expect((cell.parentElement as HTMLTableRowElement).querySelector('th')?.textContent).toBe('10');

      // 生成汇总表 writes into the file's workbook; the download button follows
      await r.user.click(screen.getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' }));
      const download = await screen.findByRole('button', { name: zh ? '下载汇总工作簿' : 'Download the workbook' }, { timeout: 15_000 });
      expect(
        screen.getByText(
          zh ? '原文件不会被修改：下载的是一个新工作簿（原有的工作表加上汇总表）。' : 'The original file is not changed: the download is a new workbook (your sheets plus the summary).',
        ),
      ).toBeTruthy();
      const summary1 = zh ? '主要指标汇总表1' : 'Summary1';
      // the new sheets can be looked at in the page
      await r.user.click(screen.getByRole('button', { name: zh ? `查看「${summary1}」` : `View "${summary1}"` }));
      await waitFor(() => expect(sheetSelect(zh).value).toBe(summary1));
      expect(Array.from(sheetSelect(zh).options, (o) => o.value)).toEqual(expect.arrayContaining(['固定资产投资', summary1]));

      await r.user.click(download);
      const name = zh ? 'county-indicators-2025-03-汇总.xlsx' : 'county-indicators-2025-03-summary.xlsx';
      expect(await screen.findByText(zh ? `已开始下载「${name}」。` : `Downloading "${name}".`)).toBeTruthy();
      expect(downloads.clicks).toEqual([{ download: name, href: 'blob:test/1' }]);
      expect(downloads.blobs).toHaveLength(1);
      expect(downloads.blobs[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      // the download is the sample plus the summary sheets
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await blobBytes(downloads.blobs[0])) as unknown as ExcelJS.Buffer);
      const names = book.worksheets.map((ws) => ws.name);
      expect(names).toEqual(expect.arrayContaining(['固定资产投资', summary1, zh ? '审核结果' : 'Check results']));
      // the original bytes were not touched
      expect(Buffer.compare(sampleBytes, fs.readFileSync(SAMPLE))).toBe(0);
      r.unmount();
    } finally {
      downloads.restore();
    }
  });

  test('分析文字 on the file: the text of the sample, and a figure chosen shows its cell in the sheet view', async () => {
    const r = await openSample(lang);
    const sec = screen.getByRole('region', { name: zh ? '4 分析文字' : '4 Analysis text' });
    expect(within(sec).getByText(zh ? /点一个数字即可在右侧查看它所在的单元格/ : /choose one to see its cell in the sheet view/)).toBeTruthy();
    await r.user.click(within(sec).getByRole('button', { name: zh ? '写出分析文字' : 'Write the text' }));
    const overall = within(sec).getByRole('group', { name: zh ? '总体情况' : 'Overall' });
    const total = await within(overall).findByRole('group', { name: '全市' }, { timeout: 10_000 });
    expect(total.querySelector('p')?.textContent).toMatch(zh ? /^地区生产总值537\.69亿元，增长6\.1%（按可比价计算）。/ : /^地区生产总值 537\.69 亿元, up 6\.1% \(at comparable prices\)\./);
    // a figure of a region on another sheet than the one shown
    const region = within(within(sec).getByRole('group', { name: zh ? '分地区' : 'By region' })).getByRole('group', { name: '石门' });
    const figure = within(region).getByRole('button', { name: zh ? '4.7，转到「城镇居民人均可支配收入」C17' : '4.7, go to C17 on "城镇居民人均可支配收入"' });
    await r.user.click(figure);
    await waitFor(() => expect(currentCell()?.getAttribute('data-cell')).toBe('C17'));
    expect(sheetSelect(zh).value).toBe('城镇居民人均可支配收入');
    const cell = currentCell() as HTMLElement;
    expect(cell.textContent).toBe('4.7');
    expect((cell.parentElement as HTMLTableRowElement).querySelector('th')?.textContent).toBe('17');
    expect(document.activeElement).toBe(cell);
    r.unmount();
  });

  test('标记到单元格 marks the cells in the workbook in memory, and says they go with the download', async () => {
    const r = await openSample(lang);
    await runCheck(r, zh);
    await r.user.click(screen.getByRole('button', { name: zh ? '标记到单元格' : 'Mark on cells' }));
    const marked = await screen.findByText(zh ? /^已标记 \d+ 个单元格。$/ : /^Marked \d+ cells\.$/);
    const bar = marked.closest('[role="status"]') as HTMLElement;
    expect(within(bar).getByText(zh ? '标记会随下载的工作簿一起保存。' : 'The marks are saved with the downloaded workbook.')).toBeTruthy();
    r.unmount();
  });

  test('a damaged .xls gets the core\'s message with its name and the cause; the picker stays usable', async () => {
    // the picker's accept is a hint: a user can still pick "all files"
    const r = renderPage(lang, {}, userEvent.setup({ applyAccept: false }));
    await r.user.upload(pickerOf(zh), xlsFile());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t(lang, 'error.corrupt', { file: '旧报表.xls' }));
    expect(alert.textContent).toContain(zh ? '（原因：' : '(cause: ');
    expect(pickerOf(zh).disabled).toBe(false);
    // dismissed; then the right file works
    await r.user.click(within(alert).getByRole('button', { name: zh ? '关闭提示' : 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await r.user.upload(pickerOf(zh), sampleFile());
    await tablesRead(zh);
    r.unmount();
  });

  test('a file dropped on the drop zone is opened; the drag is announced', async () => {
    const r = renderPage(lang);
    const zone = screen.getByRole('group', { name: zh ? '也可以把工作簿文件拖放到这里。' : 'Or drop a workbook file here.' });
    const file = sampleFile();
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'], files: [] } });
    fireEvent.dragOver(zone, { dataTransfer: { types: ['Files'], files: [] } });
    expect(screen.getByText(zh ? '松开鼠标即可打开文件。' : 'Release to open the file.').closest('[aria-live="polite"]')).not.toBeNull();
    const drop = fireEvent.drop(zone, { dataTransfer: { types: ['Files'], files: [file] } });
    expect(drop).toBe(false); // default prevented: the browser does not open the file itself
    expect(screen.queryByText(zh ? '松开鼠标即可打开文件。' : 'Release to open the file.')).toBeNull();
    await tablesRead(zh);
    expect(r.openFile.mock.calls[0][1]).toBe(SAMPLE_NAME);
    r.unmount();
  });

  test('while the file is read: a spinner "正在读取…"', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const r = renderPage(lang, {
      openFile: async (data, name, onGoTo) => {
        await gate;
        return realOpen(data, name, onGoTo);
      },
    });
    await r.user.upload(pickerOf(zh), sampleFile());
    expect(await screen.findByText(zh ? '正在读取…' : 'Reading…')).toBeTruthy();
    release();
    await tablesRead(zh);
    expect(screen.queryByText(zh ? '正在读取…' : 'Reading…')).toBeNull();
    r.unmount();
  });

  test('too large: refused before it is read, politely, with what to do; the picker stays usable', async () => {
    const r = renderPage(lang, { maxBytes: 10 * 1024 * 1024 });
    const huge = sampleFile('全年报表.xlsx');
    Object.defineProperty(huge, 'size', { value: 80 * 1024 * 1024 });
    const read = jest.fn();
    Object.defineProperty(huge, 'arrayBuffer', { value: read });
    const readAsArrayBuffer = jest.spyOn(FileReader.prototype, 'readAsArrayBuffer');
    await r.user.upload(pickerOf(zh), huge);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(t(lang, 'error.too-large', { file: '全年报表.xlsx' }));
    expect(alert.textContent).toContain(zh ? '在浏览器中最多可以打开 10 MB 的工作簿' : 'The browser opens workbooks of up to 10 MB');
    expect(r.openFile).not.toHaveBeenCalled();
    expect(read).not.toHaveBeenCalled();
    expect(readAsArrayBuffer).not.toHaveBeenCalled();
    await r.user.upload(pickerOf(zh), sampleFile());
    await tablesRead(zh);
    r.unmount();
  });

  test('encrypted, corrupt, out of memory and anything else: clear messages', async () => {
    const failures: [unknown, string][] = [
      [new WorkbookReadError('encrypted', 'a.xlsx'), t(lang, 'error.encrypted', { file: 'a.xlsx' })],
      [new WorkbookReadError('corrupt', 'a.xlsx', 'bad zip'), t(lang, 'error.corrupt', { file: 'a.xlsx' })],
      [new WorkbookReadError('too-large', 'a.xlsx'), t(lang, 'error.too-large', { file: 'a.xlsx' })],
      [new RangeError('Array buffer allocation failed'), t(lang, 'error.too-large', { file: 'a.xlsx' })],
      [new Error('boom'), zh ? '无法打开文件「a.xlsx」：boom' : 'Cannot open the file "a.xlsx": boom'],
    ];
    for (const [error, message] of failures) {
      const r = renderPage(lang, {
        openFile: async () => {
          throw error;
        },
      });
      await r.user.upload(pickerOf(zh), sampleFile('a.xlsx'));
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain(message);
      if (message === t(lang, 'error.too-large', { file: 'a.xlsx' })) expect(alert.textContent).toContain(zh ? '最多可以打开 60 MB' : 'up to 60 MB');
      expect(pickerOf(zh).disabled).toBe(false);
      r.unmount();
    }
  });

  test('换一个文件 goes back to the picker, focused; the next file opens with the settings of the last', async () => {
    const store = new MemoryStore();
    const r = await openSample(lang, { store });
    await r.user.click(screen.getByRole('switch', { name: zh ? '使用工作表「进出口」' : 'Use sheet "进出口"' }));
    await waitFor(() => expect(store.text).toContain('进出口'));
    await r.user.click(screen.getByRole('button', { name: zh ? '换一个文件' : 'Open another file' }));
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(document.activeElement).toBe(pickerOf(zh));
    await r.user.upload(pickerOf(zh), sampleFile('四月.xlsx'));
    await tablesRead(zh);
    expect(screen.getByText(zh ? '工作簿：四月.xlsx' : 'Workbook: 四月.xlsx')).toBeTruthy();
    expect((screen.getByRole('switch', { name: zh ? '使用工作表「进出口」' : 'Use sheet "进出口"' }) as HTMLInputElement).checked).toBe(false);
    r.unmount();
  });
});

describe('The standalone page: settings in localStorage', () => {
  test('seeded from localStorage and written back on save', async () => {
    window.localStorage.setItem(STANDALONE_SETTINGS_KEY, JSON.stringify({ version: 1, skipSheets: ['进出口'], summary: { top: 5 } }));
    const r = await openSample('zh-CN', { store: undefined });
    const exports = screen.getByRole('switch', { name: '使用工作表「进出口」' }) as HTMLInputElement;
    expect(exports.checked).toBe(false);
    await r.user.click(exports);
    await waitFor(() => expect(JSON.parse(window.localStorage.getItem(STANDALONE_SETTINGS_KEY) ?? '{}').skipSheets).toEqual([]));
    expect(JSON.parse(window.localStorage.getItem(STANDALONE_SETTINGS_KEY) ?? '{}').summary.top).toBe(5);
    r.unmount();
  });

  test('自定义平衡关系: kept in this browser (read from localStorage, written back), and checked on the file', async () => {
    const seeded = { name: '收入 = 税收 + 非税', whole: '^地方一般公共预算收入', parts: ['^税收收入', '^非税收入'], kind: 'sum' };
    window.localStorage.setItem(STANDALONE_SETTINGS_KEY, JSON.stringify({ version: 1, identities: [seeded] }));
    const r = await openSample('zh-CN', { store: undefined });
    await r.user.click(screen.getByRole('button', { name: /^自定义平衡关系/ }));
    expect(await screen.findByText(/保存在本浏览器中，下次打开仍然有效/)).toBeTruthy();
    const own = screen.getByRole('region', { name: '本局的关系（1）' });
    expect(within(own).getByRole('listitem').textContent).toMatch(/^收入 = 税收 \+ 非税 \(地方一般公共预算收入 = 税收收入 \+ 非税收入\)/);
    // it holds in the sample: no finding of it
    const clean = await runCheck(r, true);
    expect(within(clean).queryByText(/核算关系不成立/)).toBeNull();
    await r.user.type(screen.getByRole('combobox', { name: /^总量指标/ }), '税收收入');
    await r.user.type(screen.getByRole('combobox', { name: /^分项指标 1/ }), '增值税');
    await r.user.click(screen.getByRole('button', { name: '加入' }));
    const stored = (): unknown => JSON.parse(window.localStorage.getItem(STANDALONE_SETTINGS_KEY) ?? '{}').identities;
    await waitFor(() => expect(stored()).toEqual([seeded, { name: '税收收入 = 增值税', whole: '^税收收入', parts: ['^增值税'], kind: 'sum' }]));
    // the findings shown are checked again, on the file in the page
    const found = await screen.findByRole('button', { name: /^B6.*核算关系不成立/ });
    expect(found.textContent).toContain('「税收收入」为 3,117,060，但 增值税 1,141,607 = 1,141,607（税收收入 = 增值税，容差 1）');
    r.unmount();
  });

  test('a storage that throws (or none) is tolerated: the settings stay in memory', async () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const store = new LocalSettingsStore(throwing);
    expect(store.load()).toBeNull();
    const settings = { ...defaultSettings(), skipSheets: ['x'] };
    await expect(store.save(settings)).resolves.toBeUndefined();
    expect(JSON.parse(store.text ?? '{}').skipSheets).toEqual(['x']);
    const none = new LocalSettingsStore(null);
    await none.save(settings);
    expect(none.load()?.skipSheets).toEqual(['x']);
  });
});

describe('The sheet view', () => {
  const big: Grid = {
    name: 'Big',
    rows: Array.from({ length: 1000 }, (_, r) => Array.from({ length: 60 }, (_, c) => ({ value: r * 100 + c, type: 'number' as const }))),
    merges: [],
    rowCount: 1000,
    colCount: 60,
  };
  const small: Grid = {
    name: '表1',
    rows: [
      [{ value: '地区生产总值', type: 'text' }],
      [{ value: '地区', type: 'text' }, { value: '总量', type: 'text' }, { value: '增速', type: 'text' }],
      [{ value: '甲县', type: 'text' }, { value: 1234567.5, type: 'number', format: '#,##0.0' }, { value: 0.0525, type: 'number', format: '0.0%' }],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    rowCount: 3,
    colCount: 3,
  };
  const workbook = {
    listSheets: async () => [small, big].map((g) => ({ name: g.name, usedRange: null, hidden: false })).concat([{ name: 'hidden', usedRange: null, hidden: true }]),
    readGrids: async (names?: string[]) => [small, big].filter((g) => !names || names.includes(g.name)),
  };
  const view = (target: Parameters<typeof GridView>[0]['target'], lang: Lang = 'zh-CN') => (
    <FluentProvider theme={webLightTheme}>
      <GridView workbook={workbook} lang={lang} version={0} target={target} />
    </FluentProvider>
  );

  test('column letters, row numbers, merged cells as colSpan, what the cells show; hidden sheets left out', async () => {
    const r = render(view(null));
    const table = await screen.findByRole('table', { name: '工作表「表1」的内容' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['A', 'B', 'C']);
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['1', '2', '3']);
    const title = within(table).getByText('地区生产总值');
    expect(title.getAttribute('colspan')).toBe('3');
    expect(within(table).getByText('1,234,567.5')).toBeTruthy();
    expect(within(table).getByText('5.3%')).toBeTruthy();
    expect(Array.from((screen.getByRole('combobox', { name: '工作表' }) as HTMLSelectElement).options, (o) => o.value)).toEqual(['表1', 'Big']);
    expect(screen.queryByText(/仅显示部分/)).toBeNull();
    // collapsible
    const toggle = screen.getByRole('button', { name: '查看工作表' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('table')).toBeNull();
    r.unmount();
  });

  test(`a big sheet: at most ${ROW_WINDOW} rows × ${COL_WINDOW} columns around the cell, "仅显示部分", the cell outlined and focused`, async () => {
    const r = render(view({ sheet: 'Big', cell: 'AZ900', seq: 1 }));
    await waitFor(() => expect(currentCell()?.getAttribute('data-cell')).toBe('AZ900'));
    const cell = currentCell() as HTMLElement;
    expect(document.activeElement).toBe(cell);
    expect(cell.textContent).toBe(String(899 * 100 + 51));
    const table = cell.closest('table') as HTMLTableElement;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(ROW_WINDOW);
    expect(table.querySelectorAll('thead th')).toHaveLength(COL_WINDOW);
    expect(screen.getByText(/^仅显示部分：第 800–999 行、U–BH 列（共 1000 行、60 列）。$/)).toBeTruthy();
    // the rest is reached with buttons
    fireEvent.click(screen.getByRole('button', { name: '上面的行' }));
    expect(screen.getByText(/^仅显示部分：第 600–799 行/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '下面的行' })).not.toBeNull();
    r.rerender(view({ sheet: '表1', cell: 'B1', seq: 2 }));
    // inside a merged area: its top-left cell is the one outlined
    await waitFor(() => expect(currentCell()?.getAttribute('data-cell')).toBe('A1'));
    expect(screen.queryByText(/仅显示部分/)).toBeNull();
    r.unmount();
  });

  test('English words', async () => {
    const r = render(view({ sheet: 'Big', cell: 'A1', seq: 1 }, 'en-US'));
    await waitFor(() => expect(currentCell()?.getAttribute('data-cell')).toBe('A1'));
    expect(screen.getByRole('button', { name: 'View a sheet' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Sheet' })).toBeTruthy();
    expect(screen.getByText('Only part is shown: rows 1–200, columns A–AN (of 1000 rows and 60 columns).')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rows below' })).toBeTruthy();
    r.unmount();
  });
});

describe('What a cell shows', () => {
  test.each([
    [{ value: 12.345, type: 'number', format: '0.0' }, '12.3'],
    [{ value: 0.1 + 0.2, type: 'number' }, '0.3'],
    [{ value: 1234567, type: 'number', format: '#,##0' }, '1,234,567'],
    [{ value: -0.0525, type: 'number', format: '0.00%' }, '-5.25%'],
    [{ value: 45747, type: 'number', format: 'yyyy-mm-dd' }, '2025-03-31'],
    [{ value: '安平县', type: 'text' }, '安平县'],
    [{ value: true, type: 'boolean' }, 'TRUE'],
    [{ value: '#DIV/0!', type: 'error' }, '#DIV/0!'],
    [{ value: null, type: 'empty' }, ''],
  ] as const)('%j → %s', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('Downloading', () => {
  test('a Blob, an object URL, an <a download> click; the URL is revoked later', () => {
    jest.useFakeTimers();
    const downloads = captureDownloads();
    try {
      downloadBytes(new Uint8Array([1, 2, 3]), '报表-汇总.xlsx', 5000);
      expect(downloads.clicks).toEqual([{ download: '报表-汇总.xlsx', href: 'blob:test/1' }]);
      expect(document.querySelector('a[download]')).toBeNull();
      expect(downloads.revoked).toEqual([]);
      act(() => void jest.advanceTimersByTime(5000));
      expect(downloads.revoked).toEqual(['blob:test/1']);
    } finally {
      downloads.restore();
      jest.useRealTimers();
    }
  });
});
