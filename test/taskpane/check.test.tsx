/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
import './setup';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Finding } from '../../src/core/check';
import { MARK_FILL } from '../../src/core/marks';
import { CheckStep, GROUP_LIMIT } from '../../src/taskpane/CheckStep';
import type { Rendered } from './harness';
import { LANGS, renderApp, saved } from './harness';
import { setup } from './sample';

const RANK_MESSAGE = /固定资产投资.*安平县.*11/;

/** 检查数据, then the findings' region. */
async function runCheck(r: Rendered, zh: boolean): Promise<HTMLElement> {
  await r.user.click(screen.getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
  const heading = await screen.findByRole('heading', { level: 3, name: zh ? '检查结果' : 'Findings' });
  return screen.getByRole('region', { name: heading.textContent ?? '' });
}

const group = (results: HTMLElement, name: RegExp): HTMLElement => within(results).getByRole('region', { name });

describe.each(LANGS)('Check step (%s)', (lang) => {
  const zh = lang === 'zh-CN';
  const ERRORS = zh ? /^错误（\d+）$/ : /^Errors \(\d+\)$/;
  const WARNINGS = zh ? /^疑问（\d+）$/ : /^Warnings \(\d+\)$/;

  test('检查数据 lists the findings by severity and sheet; the planted wrong rank is an error at C10; focus moves to the results', async () => {
    const r = await renderApp(lang);
    const results = await runCheck(r, zh);
    expect(document.activeElement).toBe(within(results).getByRole('heading', { level: 3 }));
    expect(within(results).getByText(zh ? '错误 1 · 疑问 5 · 提示 0 · 已确认 0' : 'Errors 1 · Warnings 5 · Notes 0 · Confirmed 0')).toBeTruthy();
    const levels = within(results)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(levels).toEqual(zh ? ['错误（1）', '疑问（5）'] : ['Errors (1)', 'Warnings (5)']);
    const errors = group(results, ERRORS);
    expect(within(errors).getByRole('heading', { level: 5 }).textContent).toBe(zh ? '工作表「固定资产投资」' : 'Sheet "固定资产投资"');
    const row = within(errors).getByRole('button', { name: /C10/ });
    expect(row.textContent).toMatch(RANK_MESSAGE);
    expect(row.textContent).toContain(zh ? '位次' : 'ank');
    // the warnings: sheets as subheadings, in order
    const warnings = group(results, WARNINGS);
    expect(
      within(warnings)
        .getAllByRole('heading', { level: 5 })
        .map((h) => h.textContent),
    ).toEqual(zh ? ['工作表「地区生产总值」', '工作表「社会消费品零售总额」', '工作表「进出口」'] : ['Sheet "地区生产总值"', 'Sheet "社会消费品零售总额"', 'Sheet "进出口"']);
    r.unmount();
  });

  test('clicking a finding selects its cell in Excel', async () => {
    const r = await renderApp(lang);
    const results = await runCheck(r, zh);
    expect(r.fake.activeSheet).not.toBe('固定资产投资');
    await r.user.click(within(group(results, ERRORS)).getByRole('button', { name: /C10/ }));
    await waitFor(() => expect(r.fake.selection).toEqual({ sheet: '固定资产投资', address: 'C10' }));
    expect(r.fake.activeSheet).toBe('固定资产投资');
    r.unmount();
  });

  test('a soft finding is confirmed with an explanation (kept in the workbook), and withdrawn', async () => {
    const r = await renderApp(lang);
    const results = await runCheck(r, zh);
    const warnings = group(results, WARNINGS);
    // hard findings cannot be confirmed
    expect(within(group(results, ERRORS)).queryByRole('button', { name: zh ? /确认/ : /Confirm/ })).toBeNull();
    const confirm = within(warnings).getByRole('button', { name: zh ? '确认 C10 的疑问并填写说明' : 'Confirm the warning at C10 with an explanation' });
    await r.user.click(confirm);
    const note = within(warnings).getByRole('textbox', { name: zh ? /确认说明/ : /Explanation/ }) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    expect(note.required).toBe(true);
    expect(note.maxLength).toBe(200);
    // empty: not saved, told why
    await r.user.click(within(warnings).getByRole('button', { name: zh ? '保存' : 'Save' }));
    expect(within(warnings).getByText(zh ? '请填写确认说明。' : 'Write an explanation.')).toBeTruthy();
    expect(r.store.text).toBeNull();
    const text = zh ? '新安新建外贸企业投产' : 'new exporter in 新安';
    await r.user.type(note, text);
    await r.user.click(within(warnings).getByRole('button', { name: zh ? '保存' : 'Save' }));
    expect(await within(warnings).findByText(zh ? `已确认：${text}` : `Confirmed: ${text}`)).toBeTruthy();
    expect(document.activeElement).toBe(within(warnings).getByRole('button', { name: /^C10 · / }));
    expect(saved(r).accepted).toHaveLength(1);
    expect(saved(r).accepted[0]).toMatchObject({ note: text, sheet: '进出口', cell: 'C10' });
    expect(within(results).getByText(zh ? '错误 1 · 疑问 4 · 提示 0 · 已确认 1' : 'Errors 1 · Warnings 4 · Notes 0 · Confirmed 1')).toBeTruthy();
    // checking again keeps the confirmation
    await runCheck(r, zh);
    expect(screen.getByText(zh ? `已确认：${text}` : `Confirmed: ${text}`)).toBeTruthy();
    // withdraw
    await r.user.click(screen.getByRole('button', { name: zh ? '撤销确认（C10）' : 'Withdraw the confirmation at C10' }));
    await waitFor(() => expect(saved(r).accepted).toEqual([]));
    expect(screen.queryByText(zh ? `已确认：${text}` : `Confirmed: ${text}`)).toBeNull();
    r.unmount();
  });

  test('标记到单元格 fills the cells of the findings; 清除标记 restores them', async () => {
    const r = await renderApp(lang);
    await runCheck(r, zh);
    const fill = (): unknown => r.fake.sheet('固定资产投资')?.cell(9, 2).fill;
    const before = JSON.stringify(fill());
    await r.user.click(screen.getByRole('button', { name: zh ? '标记到单元格' : 'Mark on cells' }));
    const marked = await screen.findByText(zh ? /^已标记 \d+ 个单元格。$/ : /^Marked \d+ cells\.$/);
    expect(marked.closest('[role="status"]')).not.toBeNull();
    expect(r.fake.sheet('固定资产投资')?.cell(9, 2).fill.color).toBe(MARK_FILL.error);
    await r.user.click(screen.getByRole('button', { name: zh ? '清除标记' : 'Clear marks' }));
    expect(await screen.findByText(zh ? /^已清除 \d+ 个单元格的标记。$/ : /^Removed the marks from \d+ cells\.$/)).toBeTruthy();
    expect(JSON.stringify(fill())).toBe(before);
    r.unmount();
  });

  test('清除标记 tells about cells changed after marking (kept)', async () => {
    const r = await renderApp(lang);
    await runCheck(r, zh);
    await r.user.click(screen.getByRole('button', { name: zh ? '标记到单元格' : 'Mark on cells' }));
    await screen.findByText(zh ? /^已标记/ : /^Marked/);
    r.fake.sheet('固定资产投资')?.setCell(9, 2, { fill: { color: '#00B050', pattern: 'Solid' } });
    await r.user.click(screen.getByRole('button', { name: zh ? '清除标记' : 'Clear marks' }));
    expect(await screen.findByText(zh ? '另有 1 个单元格在标记后被修改，已保留。' : '1 more cells were changed after marking and were left as they are.')).toBeTruthy();
    expect(r.fake.sheet('固定资产投资')?.cell(9, 2).fill.color).toBe('#00B050');
    r.unmount();
  });

  test('Excel in cell-edit mode: the error says what to do, the findings shown stay', async () => {
    const r = await renderApp(lang);
    const results = await runCheck(r, zh);
    r.fake.editing = true;
    await r.user.click(screen.getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(zh ? 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。' : 'Excel is editing a cell: press Enter or Esc to finish, then try again.');
    // nothing lost
    expect(within(group(results, ERRORS)).getByRole('button', { name: /C10/ }).textContent).toMatch(RANK_MESSAGE);
    expect(within(results).getAllByRole('heading', { level: 4 })).toHaveLength(2);
    // the error is dismissed; after Enter in Excel, the check runs again
    await r.user.click(within(alert).getByRole('button', { name: zh ? '关闭提示' : 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
    r.fake.editing = false;
    await runCheck(r, zh);
    expect(screen.queryByRole('alert')).toBeNull();
    r.unmount();
  });
});

test('long lists: at most 200 findings per severity, then 显示全部', async () => {
  const s = await setup('zh-CN');
  const issues: Finding[] = Array.from({ length: GROUP_LIMIT + 50 }, (_, i) => ({
    sheet: i < 120 ? '表一' : '表二',
    cell: `B${i + 1}`,
    rule: 'growth-outlier',
    severity: 'warning',
    message: `第${i + 1}条`,
  }));
  s.session.findings = { issues, summary: [], notes: [] };
  const user = userEvent.setup();
  render(
    <FluentProvider theme={webLightTheme}>
      <CheckStep session={s.session} lang="zh-CN" onChanged={() => undefined} headingId="h" />
    </FluentProvider>,
  );
  const warnings = screen.getByRole('region', { name: '疑问（250）' });
  const rows = (): number => warnings.querySelectorAll('li > button').length;
  expect(rows()).toBe(GROUP_LIMIT);
  await user.click(within(warnings).getByRole('button', { name: '显示全部（250）' }));
  expect(rows()).toBe(250);
  expect(within(warnings).queryByRole('button', { name: /显示全部/ })).toBeNull();
});
