/**
 * Issue 15 on the published workbooks: footnotes say only what is known about prices,
 * growth compares like periods only, footnote marks leave the labels, and stacked
 * English tables are read with their measure, their periods and their national total.
 */
import type { Lang } from '../../src/core/i18n';
import type { SheetLayout } from '../../src/core/layout';
import { readWorkbook } from '../../src/core/layout';
import type { SummaryResult } from '../../src/core/summarize';
import { summarize } from '../../src/core/summarize';
import { planSummary } from '../../src/core/summary';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

async function read(file: string): Promise<{ layouts: SheetLayout[]; summary: SummaryResult }> {
  const grids = (await readWorkbookFile(file)).grids();
  const layouts = readWorkbook(grids);
  return { layouts, summary: summarize(layouts, grids) };
}

/** Every footnote line of every summary sheet (注：1. …, then the numbered lines). */
function footnotes(summary: SummaryResult, lang: Lang = 'zh-CN'): string[] {
  const lines: string[] = [];
  for (const sheet of planSummary(summary, { lang }).plan.sheets) {
    for (const row of sheet.cells) {
      const v = row?.[0]?.value;
      if (typeof v === 'string' && /^(?:注：|Notes: |\u3000\u3000\d|\s{7}\d)/.test(v)) lines.push(v);
    }
  }
  return lines;
}

const CURRENT_ZH = '增速由现价绝对额计算，未剔除价格因素。';
const CURRENT_EN = 'Growth computed from values at current prices (price changes not removed).';

describe.each([
  ['jiangsu-yearbook-2023-cities-gdp.xlsx'],
  ['sichuan-yearbook-cities-gdp.xlsx'],
  ['kazakhstan-grp-regions.xlsx'],
])('growth computed from current-price values', (name) => {
  describeReal(name, (file) => {
    test('is said to be computed at current prices, never 按可比价计算', async () => {
      const { summary } = await read(file);
      const computed = summary.tables.filter((t) => t.growthFrom === 'computed');
      expect(computed.length).toBeGreaterThan(0);
      for (const t of computed) {
        expect(t.comparable).toBe(false);
        expect(t.growthBasis).toBe('current');
      }
      const zh = footnotes(summary);
      expect(zh.some((l) => l.includes('可比价'))).toBe(false);
      expect(zh.some((l) => l.endsWith(`1. ${CURRENT_ZH}`))).toBe(true);
      const en = footnotes(summary, 'en-US');
      expect(en.some((l) => /comparable/i.test(l))).toBe(false);
      expect(en.some((l) => l.endsWith(`1. ${CURRENT_EN}`))).toBe(true);
    });
  });
});

describeReal('shandong-yearbook-2022-cities-gdp.xlsx', (file) => {
  test('growth from published indices (上年=100) keeps 按可比价计算', async () => {
    const { summary } = await read(file);
    expect(summary.tables.every((t) => t.growthFrom === 'published' && t.comparable)).toBe(true);
    expect(footnotes(summary)[0]).toBe('注：1. 增速按可比价计算。');
  });
});

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  test('published growth of 生产总值/增加值 keeps 可比价; nothing is claimed of the other indicators', async () => {
    const { summary } = await read(file);
    const gdp = summary.tables.find((t) => t.indicator === '地区生产总值')!;
    expect(gdp).toMatchObject({ growthFrom: 'published', comparable: true });
    const lines = footnotes(summary);
    expect(lines.some((l) => /地区生产总值.*增速按可比价计算/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('其余指标按现价'))).toBe(false);
  });
});
