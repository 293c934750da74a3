/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// ExcelJS (which reads the sample) needs Node's export conditions, not the browser's.
//
// Step 4, 分析文字, over a real session on the sample in the fake Excel: the sections, copying,
// the region of the key points, a figure going to its cell, the indicators left out.
import './setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { prepareSheets } from '../../src/core/check';
import type { Grid } from '../../src/core/grid';
import { cellAt, gridFromValues } from '../../src/core/grid';
import { buildAnalysis } from '../../src/core/session';
import { splitGrids } from '../../src/core/summary';
import { analysisText } from '../../src/core/text';
import { copyToClipboard } from '../../src/taskpane/TextStep';
import type { Rendered } from './harness';
import { LANGS, renderApp } from './harness';
import { sampleGrids } from './sample';

const TOTAL = {
  'zh-CN':
    '全市：地区生产总值537.69亿元，增长6.1%（按可比价计算）。规模工业增加值增长8.7%（按可比价计算）。社会消费品零售总额833.58亿元，增长6.0%。地方一般公共预算收入580.10亿元，下降1.4%。进出口924.32亿元，增长43.6%。城镇居民人均可支配收入42961元，增长5.5%。金融机构本外币存款余额1289.05亿元，增长10.0%。',
  'en-US':
    '全市: 地区生产总值 537.69 亿元, up 6.1% (at comparable prices). 规模工业增加值 up 8.7% (at comparable prices). 社会消费品零售总额 833.58 亿元, up 6.0%. 地方一般公共预算收入 580.10 亿元, down 1.4%. 进出口 924.32 亿元, up 43.6%. 城镇居民人均可支配收入 42961 元, up 5.5%. 金融机构本外币存款余额 1289.05 亿元, up 10.0%.',
} as const;

const KEY_POINTS = {
  'zh-CN': {
    石门: '地方一般公共预算收入增速居全市第2位；地区生产总值、进出口两项指标增速居全市第5位；金融机构本外币存款余额增速居全市第6位；社会消费品零售总额增速居全市并列第8位；规模工业增加值增速居全市第10位；城镇居民人均可支配收入增速居全市末位。七项指标中，有4项增速高于全市，3项低于全市。',
    城东: /^规模工业增加值、金融机构本外币存款余额两项指标增速居全市第1位；/,
  },
  'en-US': {
    石门: /^地方一般公共预算收入: growth 2nd of 12 in 全市; /,
    城东: /^规模工业增加值 and 金融机构本外币存款余额: growth 1st of 12 in 全市; /,
  },
} as const;

const section = (zh: boolean): HTMLElement => screen.getByRole('region', { name: zh ? '4 分析文字' : '4 Analysis text' });
/** A paragraph of the text: the group named by its title, inside the group of its kind. */
const paragraph = (zh: boolean, kind: string, title: string): HTMLElement => within(within(section(zh)).getByRole('group', { name: kind })).getByRole('group', { name: title });
const bodyOf = (p: HTMLElement): string => p.querySelector('p')?.textContent ?? '';

/** 写出分析文字, resolving once the text is there. */
async function writeText(r: Rendered, zh: boolean): Promise<HTMLElement> {
  await r.user.click(within(section(zh)).getByRole('button', { name: zh ? '写出分析文字' : 'Write the text' }));
  await within(section(zh)).findByRole('heading', { level: 3, name: zh ? '总体情况' : 'Overall' }, { timeout: 10_000 });
  return section(zh);
}

describe.each(LANGS)('Analysis text step (%s)', (lang) => {
  const zh = lang === 'zh-CN';
  const KINDS = zh ? ['总体情况', '分指标', '分地区'] : ['Overall', 'By indicator', 'By region'];

  test('writes the sections of the sample; the total reads as the command line writes it; the planted error is left out and said', async () => {
    const r = await renderApp(lang);
    const sec = await writeText(r, zh);
    for (const kind of KINDS) expect(within(sec).getByRole('heading', { level: 3, name: kind })).toBeTruthy();
    // no key points until a region is chosen
    expect(within(sec).queryByRole('heading', { level: 3, name: zh ? '要点' : 'Key points' })).toBeNull();
    const total = paragraph(zh, KINDS[0], '全市');
    expect(`全市${zh ? '：' : ': '}${bodyOf(total)}`).toBe(TOTAL[lang]);
    // a paragraph per region, in the order of the sheets
    const regions = within(within(sec).getByRole('group', { name: KINDS[2] })).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(regions).toEqual(['城东', '城西', '北湖', '新安', '安平县', '云溪', '清河', '白沙', '梅岭', '凤鸣', '青山', '石门']);
    // 固定资产投资 has the planted wrong rank (C10): left out, with the reason
    const leftOut = within(sec).getByRole('group', { name: zh ? '未写入的指标' : 'Indicators left out' });
    expect(within(leftOut).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      zh ? '「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。' : '"固定资产投资" (固定资产投资) has errors to correct and is left out.',
    ]);
    expect(within(sec).queryAllByRole('button', { name: /「固定资产投资」|on "固定资产投资"/ })).toEqual([]);
    // the same text as the command line's path over the same sheets
    const sheets = prepareSheets({ grids: splitGrids(await sampleGrids()).grids });
    expect(r.session.text?.analysis).toEqual(buildAnalysis(sheets, { lang, top: 3 }).analysis);
    r.unmount();
  });

  test('复制 puts a section on the clipboard and says so; 复制全部 the whole text', async () => {
    const r = await renderApp(lang);
    const sec = await writeText(r, zh);
    const total = paragraph(zh, KINDS[0], '全市');
    await r.user.click(within(total).getByRole('button', { name: zh ? '复制「全市」一段' : 'Copy the paragraph "全市"' }));
    expect(await navigator.clipboard.readText()).toBe(TOTAL[lang]);
    // the confirmation: the button and the status line
    expect(within(total).getByRole('button', { name: zh ? '已复制「全市」一段' : 'Copied the paragraph "全市"' }).textContent).toBe(zh ? '已复制' : 'Copied');
    expect(within(sec).getByRole('status').textContent).toBe(zh ? '已复制「全市」。' : 'Copied "全市".');

    await r.user.click(within(sec).getByRole('button', { name: zh ? '复制全部' : 'Copy all' }));
    const all = await navigator.clipboard.readText();
    expect(all).toBe(analysisText(r.session.text!.analysis));
    expect(all.split('\n').slice(0, 2)).toEqual([zh ? '总体情况' : 'Overall', TOTAL[lang]]);
    expect(within(sec).getByRole('button', { name: zh ? '已复制' : 'Copied' })).toBeTruthy();
    // the section's button is back to 复制
    expect(within(total).getByRole('button', { name: zh ? '复制「全市」一段' : 'Copy the paragraph "全市"' }).textContent).toBe(zh ? '复制' : 'Copy');
    r.unmount();
  });

  test('the region picker writes the key points of the region chosen, without reading the workbook again', async () => {
    const r = await renderApp(lang);
    const sec = await writeText(r, zh);
    const picker = within(sec).getByRole('combobox', { name: zh ? '要点（领导简报）的地区' : 'Region of the key points (leadership summary)' });
    r.fake.resetStats();
    await r.user.click(picker);
    await r.user.click(screen.getByRole('option', { name: '石门' }));
    const KEY = zh ? '要点' : 'Key points';
    await within(sec).findByRole('heading', { level: 3, name: KEY });
    const shimen = bodyOf(paragraph(zh, KEY, '石门'));
    if (typeof KEY_POINTS[lang].石门 === 'string') expect(shimen).toBe(KEY_POINTS[lang].石门);
    else expect(shimen).toMatch(KEY_POINTS[lang].石门);

    await r.user.click(picker);
    await r.user.click(screen.getByRole('option', { name: '城东' }));
    await waitFor(() => expect(bodyOf(paragraph(zh, KEY, '城东'))).toMatch(KEY_POINTS[lang].城东));
    expect(within(within(sec).getByRole('group', { name: KEY })).queryByRole('group', { name: '石门' })).toBeNull();
    expect(r.fake.stats.syncs).toBe(0);

    // none: the key points go
    await r.user.click(picker);
    await r.user.click(screen.getByRole('option', { name: zh ? '不写要点' : 'No key points' }));
    await waitFor(() => expect(within(sec).queryByRole('heading', { level: 3, name: KEY })).toBeNull());
    r.unmount();
  });

  test('a figure is a button: choosing it (click, or Enter from the keyboard) selects its source cell in Excel', async () => {
    const r = await renderApp(lang);
    await writeText(r, zh);
    const total = paragraph(zh, KINDS[0], '全市');
    const level = within(total).getByRole('button', { name: zh ? '537.69，转到「地区生产总值」B5' : '537.69, go to B5 on "地区生产总值"' });
    expect(level.textContent).toBe('537.69');
    expect(level.tabIndex).toBe(0);
    r.fake.resetStats();
    await r.user.click(level);
    await waitFor(() => expect(r.fake.selection).toEqual({ sheet: '地区生产总值', address: 'B5' }));
    expect(r.fake.activeSheet).toBe('地区生产总值');
    expect(r.fake.stats.syncs).toBe(1);

    // a region's figure on another sheet, from the keyboard
    const growth = within(paragraph(zh, KINDS[2], '石门')).getByRole('button', { name: zh ? '4.7，转到「城镇居民人均可支配收入」C17' : '4.7, go to C17 on "城镇居民人均可支配收入"' });
    growth.focus();
    await r.user.keyboard('{Enter}');
    await waitFor(() => expect(r.fake.selection).toEqual({ sheet: '城镇居民人均可支配收入', address: 'C17' }));
    expect(r.fake.activeSheet).toBe('城镇居民人均可支配收入');
    // the cells hold the figures the text says (537.69亿元 of 万元 cells; growth shown with one decimal)
    const gdp = Number(r.fake.sheet('地区生产总值')!.cell(4, 1).value);
    const income = Number(r.fake.sheet('城镇居民人均可支配收入')!.cell(16, 2).value);
    expect([(gdp / 10000).toFixed(2), income.toFixed(1)]).toEqual(['537.69', '4.7']);
    r.unmount();
  });

  test('a figure on a sheet hidden since: the step says the sheet is hidden, nothing fails', async () => {
    const r = await renderApp(lang);
    const sec = await writeText(r, zh);
    r.fake.sheet('地区生产总值')!.visibility = 'Hidden';
    const active = r.fake.activeSheet;
    fireEvent.click(within(paragraph(zh, KINDS[0], '全市')).getByRole('button', { name: zh ? '6.1，转到「地区生产总值」C5' : '6.1, go to C5 on "地区生产总值"' }));
    const said = await within(sec).findByText(
      zh
        ? '工作表「地区生产总值」已隐藏，无法选中其中的单元格 C5。如需查看，请先取消隐藏该工作表（右键单击工作表标签 > 取消隐藏）。'
        : 'Sheet "地区生产总值" is hidden, so its cell C5 cannot be selected. To see it, unhide the sheet first (right-click a sheet tab > Unhide).',
    );
    expect(said.closest('[role="status"]')).not.toBeNull();
    expect(within(sec).queryByRole('alert')).toBeNull();
    expect(r.fake.activeSheet).toBe(active);
    r.unmount();
  });
});

describe('Analysis text step with a sheet of targets', () => {
  test('a computed figure (完成年度目标的25.0%) says so and goes to the cell it is computed from', async () => {
    const grids = await sampleGrids();
    const gdp = grids.find((g) => g.name === '地区生产总值')!;
    const lines: [string, number][] = [];
    for (let row = 4; row < gdp.rowCount; row++) {
      const [name, value] = [cellAt(gdp, row, 0).value, cellAt(gdp, row, 1).value];
      if (typeof name === 'string' && typeof value === 'number') lines.push([name, value]);
    }
    const targets = gridFromValues('目标任务', [['2025年各县市区年度目标任务'], ['地区', '地区生产总值（亿元）'], ...lines.map(([n, v]) => [n, Math.round((v * 4) / 100) / 100])]);
    const r = await renderApp('zh-CN', { grids: [...grids, targets] });
    await writeText(r, true);
    const total = paragraph(true, '总体情况', '全市');
    expect(bodyOf(total)).toMatch(/^地区生产总值537\.69亿元，增长6\.1%（按可比价计算），完成年度目标的25\.0%，与序时进度持平。/);
    await r.user.click(within(total).getByRole('button', { name: '25.0（由「地区生产总值」B5 算得），转到该单元格' }));
    await waitFor(() => expect(r.fake.selection).toEqual({ sheet: '地区生产总值', address: 'B5' }));
    r.unmount();
  });
});

describe('Analysis text step with the previous report', () => {
  test('the rank changes against it are written', async () => {
    const r = await renderApp('zh-CN');
    const grids = await sampleGrids();
    const last: Grid[] = JSON.parse(JSON.stringify(grids, (_k, v: unknown) => (typeof v === 'string' ? v.replace(/1-3月/g, '1-2月') : v)));
    r.session.setPrevious('county-indicators-2025-02.xlsx', last);
    await writeText(r, true);
    expect(bodyOf(paragraph(true, '分地区', '石门'))).toMatch(/^地区生产总值133\.81亿元，增长6\.4%，高于全市0\.3个百分点，增速居全市第5位，位次与2025年1-2月持平。/);
    r.unmount();
  });
});

describe('copying where the Clipboard API is missing or refused', () => {
  /** document.execCommand('copy') as a browser does it: the selected text of the focused field. */
  function execCopy(result = true): { copied: string[]; restore: () => void } {
    const copied: string[] = [];
    const doc = document as unknown as { execCommand?: (cmd: string) => boolean };
    const saved = doc.execCommand;
    doc.execCommand = (cmd: string) => {
      const el = document.activeElement as HTMLTextAreaElement | null;
      if (cmd === 'copy' && el?.tagName === 'TEXTAREA') copied.push(el.value.slice(el.selectionStart, el.selectionEnd));
      return result;
    };
    return { copied, restore: () => (doc.execCommand = saved) };
  }

  /** navigator.clipboard as `value` (undefined: none, as in an older webview) while `fn` runs. */
  async function withClipboard(value: unknown, fn: () => Promise<void>): Promise<void> {
    const own = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value, configurable: true });
    try {
      await fn();
    } finally {
      if (own) Object.defineProperty(navigator, 'clipboard', own);
      else delete (navigator as unknown as { clipboard?: unknown }).clipboard;
    }
  }

  test('no navigator.clipboard: the text is selected in a field and copied with the copy command; the field goes, the focus comes back', async () => {
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    const exec = execCopy();
    try {
      await withClipboard(undefined, async () => {
        expect(navigator.clipboard).toBeUndefined();
        await expect(copyToClipboard('全市：地区生产总值537.69亿元。')).resolves.toBe(true);
      });
      expect(exec.copied).toEqual(['全市：地区生产总值537.69亿元。']);
      expect(document.querySelector('textarea')).toBeNull();
      expect(document.activeElement).toBe(button);
    } finally {
      exec.restore();
      button.remove();
    }
  });

  test('writeText refused (a frame without clipboard-write): the copy command instead; both refused: false', async () => {
    await withClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }, async () => {
      const exec = execCopy();
      try {
        await expect(copyToClipboard('要点')).resolves.toBe(true);
        expect(exec.copied).toEqual(['要点']);
      } finally {
        exec.restore();
      }
      const refused = execCopy(false);
      try {
        await expect(copyToClipboard('要点')).resolves.toBe(false);
      } finally {
        refused.restore();
      }
    });
  });

  test('in the step, a copy that cannot be done says how to copy by hand, and does not say 已复制', async () => {
    const r = await renderApp('zh-CN');
    const sec = await writeText(r, true);
    jest.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    const exec = execCopy(false);
    try {
      await r.user.click(within(paragraph(true, '总体情况', '全市')).getByRole('button', { name: '复制「全市」一段' }));
      await within(sec).findByText('无法写入剪贴板。请选中文字后按 Ctrl+C 复制。');
      expect(within(sec).queryByText('已复制')).toBeNull();
      expect(within(sec).getAllByRole('status').map((x) => x.textContent)).not.toContain('已复制「全市」。');
    } finally {
      exec.restore();
      r.unmount();
    }
  });
});
