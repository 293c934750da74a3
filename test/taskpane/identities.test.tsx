/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
//
// 自定义平衡关系 in the check step: the standard identities in words, the bureau's own added by
// indicator name (the workbook's names offered), validated, kept in the workbook's settings, checked,
// and removed.
import './setup';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { Rendered } from './harness';
import { LANGS, renderApp, saved } from './harness';

/** 检查数据, then the findings' region. */
async function runCheck(r: Rendered, zh: boolean): Promise<HTMLElement> {
  await r.user.click(screen.getByRole('button', { name: zh ? '检查数据' : 'Check figures' }));
  const heading = await screen.findByRole('heading', { level: 3, name: zh ? '检查结果' : 'Findings' });
  return screen.getByRole('region', { name: heading.textContent ?? '' });
}

const results = (zh: boolean): HTMLElement => screen.getByRole('region', { name: zh ? '检查结果' : 'Findings' });

/** Open 自定义平衡关系; its panel. */
async function openEditor(r: Rendered, zh: boolean): Promise<HTMLElement> {
  const toggle = screen.getByRole('button', { name: zh ? /^自定义平衡关系/ : /^Custom identities/ });
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  await r.user.click(toggle);
  expect(toggle.getAttribute('aria-expanded')).toBe('true');
  // the panel is loaded when first opened
  await screen.findByRole('region', { name: zh ? '标准关系' : 'Standard identities' });
  return document.getElementById(toggle.getAttribute('aria-controls')!)!;
}

const TAXES = { name: '税收只有两项', whole: '^税收收入', parts: ['^增值税', '^企业所得税'], kind: 'sum' };

describe.each(LANGS)('自定义平衡关系 (%s)', (lang) => {
  const zh = lang === 'zh-CN';
  const box = (panel: HTMLElement, name: string): HTMLInputElement => within(panel).getByRole('combobox', { name: new RegExp(`^${name}`) }) as HTMLInputElement;
  const add = (panel: HTMLElement): HTMLElement => within(panel).getByRole('button', { name: zh ? '加入' : 'Add' });

  test('the standard identities in words; an identity added by name (a name picked from the workbook) is saved, checked and found by its name; removed, it is gone', async () => {
    const r = await renderApp(lang);
    const before = await runCheck(r, zh);
    expect(within(before).getByText(zh ? /^错误 1 · / : /^Errors 1 · /)).toBeTruthy();
    const panel = await openEditor(r, zh);
    const standard = within(panel).getByRole('region', { name: zh ? '标准关系' : 'Standard identities' });
    expect(within(standard).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      zh ? ['地区生产总值 = 第一产业 + 第二产业 + 第三产业', '工业 ≤ 第二产业'] : ['GDP = primary + secondary + tertiary industry', 'industry ≤ secondary industry'],
    );
    const own = within(panel).getByRole('region', { name: zh ? '本局的关系（0）' : 'Your own (0)' });
    expect(own.textContent).toContain(zh ? '还没有加入自己的关系。' : 'None added yet.');

    await r.user.type(within(panel).getByRole('textbox', { name: zh ? '名称' : 'Name' }), '税收只有两项');
    // the whole: typed in part, then picked among the workbook's names (一、税收收入 is offered as 税收收入)
    await r.user.type(box(panel, zh ? '总量指标' : 'Whole'), '税收');
    const offered = screen.getAllByRole('option').map((o) => o.textContent);
    expect(offered).toEqual(['税收收入', '非税收入', '工业税收', '制造业税收', '房地产业税收']);
    await r.user.click(screen.getByRole('option', { name: '税收收入' }));
    expect(box(panel, zh ? '总量指标' : 'Whole').value).toBe('税收收入');
    // the parts: one typed freely, one picked
    await r.user.type(box(panel, zh ? '分项指标 1' : 'Part 1'), '增值税');
    await r.user.type(box(panel, zh ? '分项指标 2' : 'Part 2'), '企业所得');
    await r.user.click(screen.getByRole('option', { name: '企业所得税' }));
    const saves = r.store.saves;
    await r.user.click(add(panel));

    await waitFor(() => expect(saved(r).identities).toEqual([TAXES]));
    expect(r.store.saves).toBe(saves + 1);
    // the findings shown are checked again: 增值税 + 企业所得税 is not all the tax
    await waitFor(() => expect(within(results(zh)).getByText(zh ? /^错误 2 · / : /^Errors 2 · /)).toBeTruthy());
    const finding = within(results(zh)).getByRole('button', { name: zh ? /^B6.*核算关系不成立/ : /^B6.*Accounting identity broken/ });
    expect(finding.textContent).toContain(zh ? '（税收只有两项，容差' : '(税收只有两项, tolerance');
    expect(within(panel).getByRole('status').textContent).toBe(zh ? '已加入「税收只有两项」。 检查结果已按新的关系更新。' : 'Added "税收只有两项". The findings are updated.');
    const ownNow = within(panel).getByRole('region', { name: zh ? '本局的关系（1）' : 'Your own (1)' });
    expect(within(ownNow).getByRole('listitem').textContent).toMatch(/^税收只有两项 \(税收收入 = 增值税 \+ 企业所得税\)/);
    // the form is empty again for the next one
    expect(box(panel, zh ? '总量指标' : 'Whole').value).toBe('');
    expect((within(panel).getByRole('textbox', { name: zh ? '名称' : 'Name' }) as HTMLInputElement).value).toBe('');

    await r.user.click(within(ownNow).getByRole('button', { name: zh ? '删除「税收只有两项」' : 'Remove "税收只有两项"' }));
    await waitFor(() => expect(saved(r).identities).toEqual([]));
    await waitFor(() => expect(within(results(zh)).getByText(zh ? /^错误 1 · / : /^Errors 1 · /)).toBeTruthy());
    expect(within(results(zh)).queryByText(/税收只有两项/)).toBeNull();
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: zh ? '本局的关系（0）' : 'Your own (0)' }));
    r.unmount();
  });

  test('what is missing or wrong is said at its field, and nothing is saved; a name already taken is refused', async () => {
    const r = await renderApp(lang);
    const panel = await openEditor(r, zh);
    const saves = r.store.saves;
    await r.user.click(add(panel));
    expect(within(panel).getByText(zh ? '请填写总量指标（各分项加总得到的指标）' : 'Name the whole (the indicator the parts add up to)')).toBeTruthy();
    expect(within(panel).getByText(zh ? '请至少填写一个分项指标' : 'Name at least one part')).toBeTruthy();
    expect(box(panel, zh ? '总量指标' : 'Whole').getAttribute('aria-invalid')).toBe('true');
    expect(r.store.saves).toBe(saves);

    // typing in the field takes its message away
    await r.user.type(box(panel, zh ? '总量指标' : 'Whole'), '第二产业');
    expect(within(panel).queryByText(zh ? '请填写总量指标（各分项加总得到的指标）' : 'Name the whole (the indicator the parts add up to)')).toBeNull();
    await r.user.type(box(panel, zh ? '分项指标 1' : 'Part 1'), '第二产业');
    await r.user.click(add(panel));
    expect(within(panel).getByText(zh ? '分项「第二产业」与总量指标相同' : 'The part "第二产业" is the whole itself')).toBeTruthy();
    expect(r.store.saves).toBe(saves);

    // a standard identity's name is taken: 工业 ≤ 第二产业 again
    await r.user.clear(box(panel, zh ? '分项指标 1' : 'Part 1'));
    await r.user.type(box(panel, zh ? '分项指标 1' : 'Part 1'), '工业');
    await r.user.click(within(panel).getByRole('radio', { name: zh ? '各分项都不大于总量' : 'No part is more than the whole' }));
    if (zh) {
      await r.user.click(add(panel));
      expect(within(panel).getByText('已有名为「工业 ≤ 第二产业」的核算关系，请换一个名称')).toBeTruthy();
      expect(r.store.saves).toBe(saves);
    }
    // with a name of its own it is added, and that name is then taken
    await r.user.type(within(panel).getByRole('textbox', { name: zh ? '名称' : 'Name' }), '二产');
    await r.user.click(add(panel));
    await waitFor(() => expect(saved(r).identities).toEqual([{ name: '二产', whole: '^第二产业', parts: ['^工业'], kind: 'part' }]));
    await r.user.type(within(panel).getByRole('textbox', { name: zh ? '名称' : 'Name' }), '二产');
    await r.user.type(box(panel, zh ? '总量指标' : 'Whole'), '第三产业');
    await r.user.type(box(panel, zh ? '分项指标 1' : 'Part 1'), '金融业');
    await r.user.click(add(panel));
    expect(within(panel).getByText(zh ? '已有名为「二产」的核算关系，请换一个名称' : 'There is already an identity named "二产"; choose another name')).toBeTruthy();
    expect(saved(r).identities).toHaveLength(1);
    r.unmount();
  });

  test('an identity added before any check is used by 检查数据; a part can be added and taken out', async () => {
    const r = await renderApp(lang);
    const panel = await openEditor(r, zh);
    // text from an input method (no key counts as typing, as with Chinese) opens the list too
    const whole = box(panel, zh ? '总量指标' : 'Whole');
    act(() => whole.focus()); // not a click: that opens the list by itself
    await r.user.paste('税收');
    expect(whole.getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByRole('listbox')).getAllByRole('option').map((o) => o.textContent)).toEqual(['税收收入', '非税收入', '工业税收', '制造业税收', '房地产业税收']);
    await r.user.clear(whole);
    await r.user.type(whole, '一、税收收入');
    await r.user.click(within(panel).getByRole('button', { name: zh ? '再加一个分项' : 'Another part' }));
    await r.user.type(box(panel, zh ? '分项指标 1' : 'Part 1'), '增值税');
    await r.user.type(box(panel, zh ? '分项指标 3' : 'Part 3'), '企业所得税');
    await r.user.click(within(panel).getByRole('button', { name: zh ? '去掉分项指标 2' : 'Remove part 2' }));
    expect(within(panel).queryByRole('combobox', { name: /3$/ })).toBeNull();
    expect(box(panel, zh ? '分项指标 2' : 'Part 2').value).toBe('企业所得税');
    await r.user.click(add(panel));
    // no name: called by its relation
    await waitFor(() => expect(saved(r).identities).toEqual([{ name: '税收收入 = 增值税 + 企业所得税', whole: '^税收收入', parts: ['^增值税', '^企业所得税'], kind: 'sum' }]));
    expect(within(panel).getByRole('status').textContent).toBe(zh ? '已加入「税收收入 = 增值税 + 企业所得税」。' : 'Added "税收收入 = 增值税 + 企业所得税".');
    const found = await runCheck(r, zh);
    expect(within(found).getByRole('button', { name: zh ? /^B6.*核算关系不成立/ : /^B6.*Accounting identity broken/ }).textContent).toContain(zh ? '（税收收入 = 增值税 + 企业所得税，容差' : '(税收收入 = 增值税 + 企业所得税, tolerance');
    r.unmount();
  });
});
