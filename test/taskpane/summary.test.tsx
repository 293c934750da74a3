/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
import './setup';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MemoryStore } from '../../src/addin';
import type { Rendered } from './harness';
import { LANGS, renderApp, saved } from './harness';

const summarySection = (zh: boolean): HTMLElement => screen.getByRole('region', { name: zh ? '3 汇总' : '3 Summary' });
const checked = (el: HTMLElement): boolean => (el as HTMLInputElement).checked;

describe.each(LANGS)('Summary step (%s)', (lang) => {
  const zh = lang === 'zh-CN';
  const SUMMARY = zh ? '主要指标汇总表' : 'Summary';
  const RANKS = zh ? '位次表' : 'Ranks';

  test('生成汇总表 writes the summary sheets; the success bar links to each of them', async () => {
    const r = await renderApp(lang);
    await r.user.click(screen.getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' }));
    const done = await screen.findByText(zh ? /^已生成「主要指标汇总表1」等 5 张工作表：8 个指标，12 个地区。$/ : /^Generated 5 sheets, starting with "Summary1": 8 indicators, 12 regions\.$/, undefined, { timeout: 5000 });
    const bar = done.closest('[role="status"]') as HTMLElement;
    expect(bar).not.toBeNull();
    const names = r.fake.sheets().map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining([`${SUMMARY}1`, `${SUMMARY}2`, RANKS, zh ? '分析要点' : 'Analysis', zh ? '审核结果' : 'Check results']));
    expect(r.fake.activeSheet).toBe(`${SUMMARY}1`);
    // the notes, with the counts of the checks
    expect(within(bar).getByText(zh ? '审核：错误1条，疑问5条，提示0条，详见「审核结果」。' : 'Checks: errors 1, warnings 5, notes 0; see "Check results".')).toBeTruthy();
    // a link per sheet; the link activates its sheet
    const link = within(bar).getByRole('button', { name: zh ? '打开「位次表」' : 'Open "Ranks"' });
    await r.user.click(link);
    await waitFor(() => expect(r.fake.activeSheet).toBe(RANKS));
    expect(r.fake.selection).toEqual({ sheet: RANKS, address: 'A1' });
    // lastRun saved
    expect(typeof saved(r).lastRun).toBe('string');
    r.unmount();
  });

  test('附「分析要点」表 (on by default) can be switched off: the sheets are written without it, and the choice is kept', async () => {
    const r = await renderApp(lang);
    const sec = summarySection(zh);
    const box = within(sec).getByRole('checkbox', { name: zh ? '附「分析要点」表（分析文字）' : 'Add the analysis sheet (the text)' });
    expect(checked(box)).toBe(true);
    await r.user.click(box);
    await waitFor(() => expect(saved(r).summary.textSheet).toBe(false));
    await r.user.click(within(sec).getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' }));
    await screen.findByText(zh ? /^已生成「主要指标汇总表1」等 4 张工作表/ : /^Generated 4 sheets, starting with "Summary1"/, undefined, { timeout: 5000 });
    const names = r.fake.sheets().map((x) => x.name);
    expect(names).toContain(RANKS);
    expect(names).not.toContain(zh ? '分析要点' : 'Analysis');
    r.unmount();
  });

  test('progress in words while it runs, the button disabled', async () => {
    const r = await renderApp(lang);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const write = r.workbook.writePlan.bind(r.workbook);
    jest.spyOn(r.workbook, 'writePlan').mockImplementation(async (plan, options) => {
      await gate;
      return write(plan, options);
    });
    const button = screen.getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' });
    await r.user.click(button);
    expect(await screen.findByText(zh ? '第 4/5 步：写入 Excel' : 'Step 4 of 5: Writing to Excel')).toBeTruthy();
    const status = screen.getByText(zh ? '第 4/5 步：写入 Excel' : 'Step 4 of 5: Writing to Excel');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(screen.getByRole('progressbar', { name: zh ? '正在生成汇总表' : 'Generating the summary' })).toBeTruthy();
    // busy, yet it keeps the keyboard focus (aria-disabled rather than disabled)
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await act(async () => release());
    await screen.findByText(zh ? /^已生成/ : /^Generated/);
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    r.unmount();
  });

  test('the options are saved in the workbook and a new pane on next month\'s file shows them', async () => {
    const r = await renderApp(lang);
    const sec = summarySection(zh);
    // defaults
    expect(checked(within(sec).getByRole('radio', { name: zh ? '全部指标' : 'All indicators' }))).toBe(true);
    expect(checked(within(sec).getByRole('radio', { name: zh ? '按增速排名' : 'Growth' }))).toBe(true);
    expect(checked(within(sec).getByRole('radio', { name: zh ? '1,2,2,4（竞争排名）' : '1,2,2,4 (competition)' }))).toBe(true);
    expect(checked(within(sec).getByRole('checkbox', { name: zh ? '开发区、市辖区也参与县市区排名' : 'Rank development zones and city districts among the counties' }))).toBe(false);
    expect((within(sec).getByRole('spinbutton', { name: zh ? '前k位/后k位的 k' : 'k of top k / bottom k' }) as HTMLInputElement).value).toBe('3');
    expect(checked(within(sec).getByRole('checkbox', { name: zh ? '前3位' : 'Top 3' }))).toBe(true);
    expect(checked(within(sec).getByRole('radio', { name: zh ? '写数值' : 'Values' }))).toBe(true);
    expect(within(sec).queryByRole('checkbox', { name: zh ? /目标任务表/ : /targets sheet/ })).toBeNull(); // the sample has no targets
    // the previous report is chosen here too (test/taskpane/previous.test.tsx); none by default
    expect(within(within(sec).getByRole('group', { name: zh ? '上期报表' : 'Previous report' })).getByText(zh ? /^未选择。/ : /^None chosen\./)).toBeTruthy();

    await chooseOptions(r, sec, zh);
    const summary = saved(r).summary;
    expect(summary).toMatchObject({
      indicators: ['地区生产总值', '规模工业增加值', '固定资产投资', '社会消费品零售总额', '地方一般公共预算收入', '城镇居民人均可支配收入', '金融机构本外币存款余额'],
      rankBy: 'value',
      ties: 'dense',
      zonesAsPeers: true,
      top: 5,
      mode: 'formulas',
      points: true,
      share: true,
      findingsSheet: false,
    });
    expect(summary.highlights).toMatchObject({ negative: false, top: true, tie: true });
    r.unmount();

    // next month: the same settings in a new workbook, a new session and pane
    const store = new MemoryStore(r.store.text);
    await renderApp(lang, { store });
    const next = summarySection(zh);
    expect(checked(within(next).getByRole('radio', { name: zh ? '选定的指标' : 'Chosen indicators' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: '进出口' }))).toBe(false);
    expect(checked(within(next).getByRole('checkbox', { name: '固定资产投资' }))).toBe(true);
    expect(checked(within(next).getByRole('radio', { name: zh ? '按总量排名' : 'Value' }))).toBe(true);
    expect(checked(within(next).getByRole('radio', { name: zh ? '1,2,2,3（密集排名）' : '1,2,2,3 (dense)' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '开发区、市辖区也参与县市区排名' : 'Rank development zones and city districts among the counties' }))).toBe(true);
    expect((within(next).getByRole('spinbutton', { name: zh ? '前k位/后k位的 k' : 'k of top k / bottom k' }) as HTMLInputElement).value).toBe('5');
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '前5位' : 'Top 5' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '负增长' : 'Negative growth' }))).toBe(false);
    expect(checked(within(next).getByRole('radio', { name: zh ? '写公式（引用原表单元格）' : 'Formulas (referring to the source cells)' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '与合计增速差' : 'Points above or below the total' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '占合计比重' : 'Share of the total' }))).toBe(true);
    expect(checked(within(next).getByRole('checkbox', { name: zh ? '附「审核结果」表' : 'Add the check results sheet' }))).toBe(false);
  });

  test('an error (protected workbook) is shown near the button, with what to do; the options stay', async () => {
    const r = await renderApp(lang);
    const sec = summarySection(zh);
    await r.user.click(within(sec).getByRole('radio', { name: zh ? '按总量排名' : 'Value' }));
    r.fake.protectedStructure = true;
    await r.user.click(within(sec).getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' }));
    const alert = await within(sec).findByRole('alert');
    expect(alert.textContent).toContain(zh ? '工作簿结构受保护' : 'The workbook structure is protected');
    expect(checked(within(sec).getByRole('radio', { name: zh ? '按总量排名' : 'Value' }))).toBe(true);
    r.unmount();
  });
});

/** Change every option of the summary step, as a user would. */
async function chooseOptions(r: Rendered, sec: HTMLElement, zh: boolean): Promise<void> {
  const { user } = r;
  await user.click(within(sec).getByRole('radio', { name: zh ? '选定的指标' : 'Chosen indicators' }));
  await user.click(within(sec).getByRole('checkbox', { name: '进出口' }));
  await user.click(within(sec).getByRole('radio', { name: zh ? '按总量排名' : 'Value' }));
  await user.click(within(sec).getByRole('radio', { name: zh ? '1,2,2,3（密集排名）' : '1,2,2,3 (dense)' }));
  await user.click(within(sec).getByRole('checkbox', { name: zh ? '开发区、市辖区也参与县市区排名' : 'Rank development zones and city districts among the counties' }));
  const k = within(sec).getByRole('spinbutton', { name: zh ? '前k位/后k位的 k' : 'k of top k / bottom k' });
  fireEvent.change(k, { target: { value: '5' } });
  fireEvent.blur(k);
  await waitFor(() => expect(saved(r).summary.top).toBe(5));
  await user.click(within(sec).getByRole('checkbox', { name: zh ? '负增长' : 'Negative growth' }));
  await user.click(within(sec).getByRole('radio', { name: zh ? '写公式（引用原表单元格）' : 'Formulas (referring to the source cells)' }));
  await user.click(within(sec).getByRole('checkbox', { name: zh ? '与合计增速差' : 'Points above or below the total' }));
  await user.click(within(sec).getByRole('checkbox', { name: zh ? '占合计比重' : 'Share of the total' }));
  await user.click(within(sec).getByRole('checkbox', { name: zh ? '附「审核结果」表' : 'Add the check results sheet' }));
}
