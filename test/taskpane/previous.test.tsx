/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// the reader's Node paths need Node's export conditions, not the browser's.
import './setup';
import { readFileSync } from 'node:fs';
import { screen, waitFor, within } from '@testing-library/react';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { LANGS, renderApp } from './harness';
import { SAMPLE } from './sample';

/** Last month's report: the sample with every "1-3月" of its text read as "1-2月" (the package's XML edited). */
function lastMonth(): File {
  const parts = unzipSync(new Uint8Array(readFileSync(SAMPLE)));
  for (const [name, data] of Object.entries(parts)) {
    // "1-3" and "月" may sit in two runs of rich text: <t>1-3</t></r><r>…<t>月</t>
    if (name.endsWith('.xml')) parts[name] = strToU8(strFromU8(data).replace(/([>年])1-3(?=[<月])/g, '$11-2'));
  }
  return new File([zipSync(parts)], 'county-indicators-2025-02.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

describe.each(LANGS)('the previous report in the pane (%s)', (lang) => {
  const zh = lang === 'zh-CN';

  test('chosen in the Check step: read in the browser, named with its period, used by the checks, shown in the Summary step, and forgotten on request', async () => {
    const r = await renderApp(lang);
    const check = screen.getByRole('region', { name: zh ? '2 检查' : '2 Check' });
    const picker = within(check).getByRole('group', { name: zh ? '上期报表' : 'Previous report' });
    expect(within(picker).getByText(zh ? /^未选择。/ : /^None chosen\./)).toBeTruthy();

    // without it, the note says where to choose one (not --previous)
    await r.user.click(within(check).getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
    await within(check).findByText(zh ? /可在上方“上期报表”处选择上月的工作簿/ : /choose last month's workbook under "Previous report" above/);
    expect(within(check).queryByText(/--previous/)).toBeNull();

    const input = within(picker).getByLabelText(zh ? '上期报表文件' : 'Previous report file') as HTMLInputElement;
    expect(input.accept).toBe('.xlsx,.xlsm,.xltx,.xls,.et,.ods,.xlsb');
    await r.user.upload(input, lastMonth());
    await within(picker).findByText(zh ? '已选择：county-indicators-2025-02.xlsx（2025年1-2月）' : 'Chosen: county-indicators-2025-02.xlsx (2025年1-2月)');
    expect(r.session.previous?.sheets.length).toBeGreaterThan(5);

    // the checks now run against it: no note about a missing previous report
    await r.user.click(within(check).getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
    await waitFor(() => expect(within(check).queryByText(zh ? /未选择上期报表/ : /No previous report chosen/)).toBeNull());
    expect(r.session.findings?.notes.some((n) => /上期|previous/i.test(n))).toBe(false);

    // the Summary step shows the same choice, and the summary gets its rank changes
    const summary = screen.getByRole('region', { name: zh ? '3 汇总' : '3 Summary' });
    expect(within(summary).getByText(zh ? '已选择：county-indicators-2025-02.xlsx（2025年1-2月）' : 'Chosen: county-indicators-2025-02.xlsx (2025年1-2月)')).toBeTruthy();
    await r.user.click(within(summary).getByRole('button', { name: zh ? '生成汇总表' : 'Generate summary' }));
    await within(summary).findByText(zh ? /^已生成/ : /^Generated/, undefined, { timeout: 5000 });
    const first = r.fake.sheets().find((s) => /1$/.test(s.name))!;
    const texts: string[] = [];
    for (let row = 0; row < 8; row++) for (let col = 0; col < 40; col++) texts.push(String(first.cell(row, col).value ?? ''));
    expect(texts.some((t) => /位次变化|Rank change/.test(t))).toBe(true);

    // forgotten
    await r.user.click(within(picker).getByRole('button', { name: zh ? '不用上期报表' : 'Do without it' }));
    expect(r.session.previous).toBeNull();
    expect(within(picker).getByText(zh ? /^未选择。/ : /^None chosen\./)).toBeTruthy();
    r.unmount();
  });

  test('a file that cannot be read is said so, in the picker, and nothing is chosen', async () => {
    const r = await renderApp(lang);
    const check = screen.getByRole('region', { name: zh ? '2 检查' : '2 Check' });
    const picker = within(check).getByRole('group', { name: zh ? '上期报表' : 'Previous report' });
    const input = within(picker).getByLabelText(zh ? '上期报表文件' : 'Previous report file') as HTMLInputElement;
    await r.user.upload(input, new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'broken.xlsx'));
    const alert = await within(picker).findByRole('alert');
    expect(alert.textContent).toMatch(zh ? /broken\.xlsx|无法|损坏/ : /broken\.xlsx|cannot|damaged/i);
    expect(r.session.previous).toBeNull();
    r.unmount();
  });
});
