/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
import './setup';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { screen, within } from '@testing-library/react';
import { themeFrom } from '../../src/taskpane/theme';
import { LANGS, renderApp } from './harness';
import { blankGrids } from './sample';

describe.each(LANGS)('The pane (%s)', (lang) => {
  const zh = lang === 'zh-CN';
  const STEPS = zh ? ['1 工作表', '2 检查', '3 汇总', '4 分析文字'] : ['1 Sheets', '2 Check', '3 Summary', '4 Analysis text'];

  test('an h1, then the four steps in order, each a region named by its h2; lang and dir set', async () => {
    const r = await renderApp(lang);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(zh ? '指标表助手' : 'Indicator tables');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(STEPS);
    for (const name of STEPS) {
      const heading = screen.getByRole('heading', { level: 2, name });
      expect(screen.getByRole('region', { name }).firstElementChild).toBe(heading);
    }
    const provider = r.container.querySelector('.fui-FluentProvider') as HTMLElement;
    expect(provider.getAttribute('lang')).toBe(lang);
    expect(provider.getAttribute('dir')).toBe('ltr');
    r.unmount();
  });

  test('focus order follows the flow: Sheets, then Check, then Summary, then the text', async () => {
    const r = await renderApp(lang);
    const reread = screen.getByRole('button', { name: zh ? '重新读取' : 'Read again' });
    const firstSwitch = screen.getAllByRole('switch')[0];
    const check = screen.getByRole('button', { name: zh ? '检查数据' : 'Check figures' });
    const mark = screen.getByRole('button', { name: zh ? '标记到单元格' : 'Mark on cells' });
    const generate = screen.getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' });
    const text = screen.getByRole('button', { name: zh ? '写出分析文字' : 'Write the text' });
    const follows = (a: Element, b: Element): boolean => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(reread, firstSwitch) && follows(firstSwitch, check) && follows(check, mark) && follows(mark, generate) && follows(generate, text)).toBe(true);
    // and with the keyboard: Tab from the top reaches them in that order
    const seen: Element[] = [];
    for (let i = 0; i < 80 && document.activeElement !== generate; i++) {
      await r.user.tab();
      if (document.activeElement) seen.push(document.activeElement);
    }
    const at = (el: Element): number => seen.indexOf(el);
    expect(at(reread)).toBeGreaterThanOrEqual(0);
    expect(at(reread)).toBeLessThan(at(firstSwitch));
    expect(at(firstSwitch)).toBeLessThan(at(check));
    expect(at(check)).toBeLessThan(at(mark));
    expect(at(mark)).toBeLessThan(at(generate));
    r.unmount();
  });

  test('a blank workbook: a warning says no table was found and what to do', async () => {
    const r = await renderApp(lang, { grids: blankGrids(), waitForRead: false });
    const warning = await screen.findByText(zh ? /^没有找到指标表。/ : /^No indicator tables were found\./);
    expect(warning.closest('[role="status"]')).not.toBeNull();
    expect(warning.textContent).toContain(zh ? '重新读取' : 'Read again');
    expect(screen.queryAllByRole('switch')).toHaveLength(0);
    r.unmount();
  });

  test('the first read fails (cell-edit mode): the error says what to do; after Enter, reading again works; a failed re-read keeps the list', async () => {
    const onReadError = jest.fn();
    const r = await renderApp(lang, { waitForRead: false, onReadError, before: (s) => (s.fake.editing = true) });
    const sheets = screen.getByRole('region', { name: STEPS[0] });
    const alert = await within(sheets).findByRole('alert');
    expect(alert.textContent).toContain(zh ? 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。' : 'Excel is editing a cell: press Enter or Esc to finish, then try again.');
    expect(onReadError).toHaveBeenCalledTimes(1);
    // not "no table found": nothing was read
    expect(within(sheets).queryByText(zh ? /^没有找到指标表/ : /^No indicator tables/)).toBeNull();
    r.fake.editing = false;
    await r.user.click(within(sheets).getByRole('button', { name: zh ? '重新读取' : 'Read again' }));
    await within(sheets).findByText(zh ? /共 9 张表/ : /9 tables on/);
    expect(within(sheets).queryByRole('alert')).toBeNull();
    // a re-read that fails leaves the tables read before
    r.fake.editing = true;
    await r.user.click(within(sheets).getByRole('button', { name: zh ? '重新读取' : 'Read again' }));
    await within(sheets).findByRole('alert');
    expect(within(sheets).getAllByRole('switch')).toHaveLength(9);
    expect(onReadError).toHaveBeenCalledTimes(2);
    r.unmount();
  });
});

describe.each(LANGS)('An Excel too old (%s)', (lang) => {
  test('ExcelApi below 1.7: the error names what is missing and what to do', async () => {
    const zh = lang === 'zh-CN';
    const r = await renderApp(lang, { apiVersion: '1.6', waitForRead: false });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      zh ? '此版本的 Excel 不支持所需功能（Excel JavaScript API，需要 ExcelApi 1.7）。请更新 Office 或使用网页版 Excel。' : 'This Excel lacks a needed feature (Excel JavaScript API, ExcelApi 1.7). Update Office or use Excel on the web.',
    );
    r.unmount();
  });
});

describe('theme', () => {
  test('dark when Office\'s body background is dark, else light', () => {
    expect(themeFrom({ bodyBackgroundColor: '#262626' })).toBe('dark');
    expect(themeFrom({ bodyBackgroundColor: '#FFFFFF' })).toBe('light');
    expect(themeFrom({ bodyBackgroundColor: '#E6E6E6' })).toBe('light');
    expect(themeFrom({ bodyBackgroundColor: '#6B6B6B' })).toBe('dark');
    expect(themeFrom({ isDarkTheme: true })).toBe('dark');
    expect(themeFrom(undefined)).toBe('light');
  });

  test('the App takes the dark Fluent theme', async () => {
    const r = await renderApp('zh-CN', { theme: 'dark' });
    const css = Array.from(document.querySelectorAll('style'))
      .map((s) => s.textContent ?? '')
      .join('\n');
    const rules = Array.from(document.styleSheets)
      .flatMap((sheet) => Array.from(sheet.cssRules).map((rule) => rule.cssText))
      .join('\n');
    const all = `${css}\n${rules}`;
    expect(all.match(/--colorNeutralBackground1:\s*[^;]*;/g)).toEqual([`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`]);
    expect(webDarkTheme.colorNeutralBackground1).not.toBe(webLightTheme.colorNeutralBackground1);
    r.unmount();
  });
});
