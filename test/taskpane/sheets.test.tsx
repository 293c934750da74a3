/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
import './setup';
import { act, screen, within } from '@testing-library/react';
import type { Grid } from '../../src/core/grid';
import { gridFromValues } from '../../src/core/grid';
import { LANGS, renderApp, saved } from './harness';
import { sampleGrids } from './sample';

/** The list item of a sheet in step 1. */
const sheetItem = (sheet: string): HTMLElement => screen.getByRole('listitem', { name: sheet });

describe.each(LANGS)('Sheets step (%s)', (lang) => {
  const zh = lang === 'zh-CN';

  test('lists the tables: sheet, indicator, period, regions and shape, a switch per sheet', async () => {
    const r = await renderApp(lang);
    expect(screen.getByText(zh ? '共 9 张表，9 个工作表' : '9 tables on 9 sheets')).toBeTruthy();
    const item = sheetItem('固定资产投资');
    const line = within(item).getByTitle('固定资产投资 A3:C17');
    expect(line.textContent).toBe(zh ? '固定资产投资 · 2025年1-3月 · 地区数 12 · 分地区表' : '固定资产投资 · 2025年1-3月 · 12 regions · regions layout');
    // the items table has no region count
    expect(within(sheetItem('一般公共预算收入')).getByTitle('一般公共预算收入 A3:C29').textContent).toBe(
      zh ? '一般公共预算收入 · 1-3月 · 分项目表' : '一般公共预算收入 · 1-3月 · items layout',
    );
    const sw = screen.getByRole('switch', { name: zh ? '使用工作表「固定资产投资」' : 'Use sheet "固定资产投资"' }) as HTMLInputElement;
    expect(sw.checked).toBe(true);
    expect(screen.getAllByRole('switch')).toHaveLength(9);
    // a long sheet name truncates and keeps the full name as a tooltip
    expect(within(item).getByText('固定资产投资', { selector: 'strong' }).getAttribute('title')).toBe('固定资产投资');
    r.unmount();
  });

  test('switching a sheet off saves skipSheets; on again removes it', async () => {
    const r = await renderApp(lang);
    const sw = screen.getByRole('switch', { name: new RegExp('进出口') }) as HTMLInputElement;
    await r.user.click(sw);
    expect(sw.checked).toBe(false);
    expect(saved(r).skipSheets).toEqual(['进出口']);
    expect(r.session.indicatorNames).not.toContain('进出口');
    await r.user.click(sw);
    expect(sw.checked).toBe(true);
    expect(saved(r).skipSheets).toEqual([]);
    r.unmount();
  });

  test('the fix panel changes the total row: the line and the saved corrections follow', async () => {
    const r = await renderApp(lang);
    const item = sheetItem('地区生产总值');
    const fix = within(item).getByRole('button', { name: zh ? '修正「地区生产总值」A3:D17 的识别结果' : 'Fix how "地区生产总值" A3:D17 was read' });
    expect(fix.getAttribute('aria-expanded')).toBe('false');
    await r.user.click(fix);
    expect(fix.getAttribute('aria-expanded')).toBe('true');
    const total = within(item).getByRole('combobox', { name: zh ? '合计行' : 'Total row' }) as HTMLSelectElement;
    expect(total.selectedOptions[0].textContent).toBe(zh ? '第5行 全市' : 'Row 5: 全市');
    await r.user.selectOptions(total, zh ? '无合计行' : 'No total row');
    // 全市 is now one of the regions: 13
    expect(within(item).getByTitle('地区生产总值 A3:D17').textContent).toContain(zh ? '地区数 13' : '13 regions');
    expect(within(item).getByText(zh ? '已修正' : 'Corrected')).toBeTruthy();
    expect(saved(r).overrides['地区生产总值']).toEqual({ totalRow: null });
    // back to 全市
    await r.user.selectOptions(total, zh ? '第5行 全市' : 'Row 5: 全市');
    expect(within(item).getByTitle('地区生产总值 A3:D17').textContent).toContain(zh ? '地区数 12' : '12 regions');
    expect(saved(r).overrides['地区生产总值']).toEqual({ totalRow: 4 });
    // undo every correction
    await r.user.click(within(item).getByRole('button', { name: zh ? '撤销对「地区生产总值」的全部修正' : 'Undo every correction of "地区生产总值"' }));
    expect(saved(r).overrides).toEqual({});
    expect(within(item).queryByText(zh ? '已修正' : 'Corrected')).toBeNull();
    r.unmount();
  });

  test('the fix panel takes a region out of the ranking and gives it back; a column takes a period', async () => {
    const r = await renderApp(lang);
    const item = sheetItem('地区生产总值');
    await r.user.click(within(item).getByRole('button', { name: /地区生产总值/ }));
    const group = within(item).getByRole('group', { name: zh ? '参与排名的地区' : 'Regions that take a rank' });
    const boxes = within(group).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes).toHaveLength(12);
    expect(boxes.every((b) => b.checked)).toBe(true);
    const row = r.session.tables.find((tb) => tb.sheet === '地区生产总值')!.rows.find((x) => x.ranked)!;
    await r.user.click(within(group).getByRole('checkbox', { name: row.name }));
    expect(saved(r).overrides['地区生产总值']).toEqual({ peers: { [row.row]: false } });
    expect(within(item).getByTitle('地区生产总值 A3:D17').textContent).toContain(zh ? '地区数 11' : '11 regions');
    const out = within(group).getByRole('checkbox', { name: row.name + (zh ? '（已设为不参与）' : ' (taken out)') }) as HTMLInputElement;
    expect(out.checked).toBe(false);
    await r.user.click(out);
    expect(saved(r).overrides).toEqual({});
    expect(within(item).getByTitle('地区生产总值 A3:D17').textContent).toContain(zh ? '地区数 12' : '12 regions');

    const colB = within(item).getByRole('group', { name: /^(B列|Column B)/ });
    const period = within(colB).getByRole('textbox', { name: zh ? '时期' : 'Period' }) as HTMLInputElement;
    expect(period.value).toBe('2025年1-3月');
    await r.user.clear(period);
    await r.user.type(period, '2025年1-2月{Enter}');
    expect(saved(r).overrides['地区生产总值'].columns?.['1']).toEqual({ period: '2025年1-2月' });
    expect(r.session.tables.find((tb) => tb.sheet === '地区生产总值')?.columns[0].period).toBe('2025年1-2月');
    r.unmount();
  });

  test('the fix panel corrects a column: measure, unit, additive, comparable prices', async () => {
    const r = await renderApp(lang);
    const item = sheetItem('进出口');
    await r.user.click(within(item).getByRole('button', { name: /进出口/ }));
    const colB = within(item).getByRole('group', { name: zh ? 'B列 · 2025年1-3月 / 绝对值（万元）' : 'Column B · 2025年1-3月 / 绝对值（万元）' });
    const unit = within(colB).getByRole('textbox', { name: zh ? '单位' : 'Unit' }) as HTMLInputElement;
    expect(unit.value).toBe('万元');
    await r.user.clear(unit);
    await r.user.type(unit, '亿元{Enter}');
    expect(saved(r).overrides['进出口'].columns?.['1']).toEqual({ unit: '亿元' });
    expect((within(colB).getByRole('textbox', { name: zh ? '单位' : 'Unit' }) as HTMLInputElement).value).toBe('亿元');

    const colC = within(item).getByRole('group', { name: /^(C列|Column C)/ });
    const comparable = within(colC).getByRole('checkbox', { name: zh ? '可比价' : 'Comparable prices' }) as HTMLInputElement;
    expect(comparable.checked).toBe(false);
    await r.user.click(comparable);
    expect(comparable.checked).toBe(true);
    expect(saved(r).overrides['进出口'].columns?.['2']).toEqual({ priceBasis: 'comparable' });

    const additive = within(colB).getByRole('checkbox', { name: zh ? '可加总' : 'Additive' }) as HTMLInputElement;
    expect(additive.checked).toBe(true);
    await r.user.click(additive);
    expect(saved(r).overrides['进出口'].columns?.['1']).toEqual({ unit: '亿元', additive: false });

    const measure = within(colC).getByRole('combobox', { name: zh ? '数据类型' : 'Measure' }) as HTMLSelectElement;
    expect(measure.value).toBe('growth');
    await r.user.selectOptions(measure, 'index');
    expect(saved(r).overrides['进出口'].columns?.['2']).toEqual({ priceBasis: 'comparable', measure: 'index' });
    expect(r.session.tables.find((tb) => tb.sheet === '进出口')?.columns[1].measure).toBe('index');
    r.unmount();
  });
});

describe('reading again', () => {
  test('"重新读取" reads the workbook again', async () => {
    const r = await renderApp('zh-CN');
    await addSheet(r.fake, '进出口', '进出口（复制）');
    expect(screen.queryByRole('switch', { name: /进出口（复制）/ })).toBeNull();
    await r.user.click(screen.getByRole('button', { name: '重新读取' }));
    expect(await screen.findByRole('switch', { name: '使用工作表「进出口（复制）」' })).toBeTruthy();
    expect(screen.getByText('共 10 张表，10 个工作表')).toBeTruthy();
    r.unmount();
  });

  test('the workbook is read again 800 ms after it last changed (subscribe), once for a burst of changes', async () => {
    jest.useFakeTimers({ advanceTimers: true });
    try {
      let fire: () => void = () => undefined;
      const off = jest.fn();
      const subscribe = jest.fn((cb: () => void) => {
        fire = cb;
        return off;
      });
      const r = await renderApp('en-US', { subscribe });
      expect(subscribe).toHaveBeenCalledTimes(1);
      await addSheet(r.fake, '进出口', 'Copy');
      const read = jest.spyOn(r.session, 'read');
      act(() => {
        fire();
        jest.advanceTimersByTime(500);
        fire();
        jest.advanceTimersByTime(500);
        fire();
      });
      expect(read).not.toHaveBeenCalled();
      await act(async () => {
        jest.advanceTimersByTime(800);
      });
      expect(read).toHaveBeenCalledTimes(1);
      expect(await screen.findByRole('switch', { name: 'Use sheet "Copy"' })).toBeTruthy();
      r.unmount();
      expect(off).toHaveBeenCalledTimes(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe.each(LANGS)('Sheets step: readings in doubt (%s)', (lang) => {
  test('a footnote that puts columns in another unit is shown on the table line', async () => {
    const grid = gridFromValues('GRP', [
      ['Gross regional product'],
      [null, null, null, 'mln.tenge'],
      [null, '19901)', '19911)', 1992],
      ['Republic of Arcadia', 300, 330, 900],
      ['Akmola', 100, 110, 300],
      ['Aktobe', 120, 130, 350],
      ['Atyrau', 80, 90, 250],
      [],
      ['1) 1990-1991 -mln. rubles'],
    ]);
    const r = await renderApp(lang, { grids: [grid] });
    const note = within(sheetItem('GRP')).getByRole('note');
    expect(note.textContent).toBe(
      lang === 'zh-CN'
        ? '存疑：B3:C7 单位可能与表头不同（1) 1990-1991 -mln. rubles），请核对，必要时修正'
        : 'In doubt: B3:C7 may be in another unit than the header says (1) 1990-1991 -mln. rubles); check it, and fix it if need be',
    );
    r.unmount();
  });
});

/** Copy a sheet of the sample into the fake under another name (the user added a sheet). */
async function addSheet(fake: import('../support/fakeExcel').FakeExcel, from: string, name: string): Promise<void> {
  const grid = (await sampleGrids()).find((g: Grid) => g.name === from);
  if (!grid) throw new Error(from);
  const sheet = fake.addSheet(name);
  sheet.setValues(
    0,
    0,
    Array.from({ length: grid.rowCount }, (_, r) => Array.from({ length: grid.colCount }, (_, c) => grid.rows[r]?.[c]?.value ?? null)),
  );
  for (const m of grid.merges) sheet.addMerge(m);
}
