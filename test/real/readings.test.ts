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

describeReal('kazakhstan-grp-regions.xlsx', (file) => {
  test('growth compares like periods only: 2023 against 2022, never against 9 months of 2023', async () => {
    const { summary } = await read(file);
    const recent = summary.tables.find((t) => t.sheet === '2008-2023')!;
    expect(recent.indicator).toBe('Gross regional product');
    expect(recent.period).toBe('2023');
    // 120561096.4 / 103765518.2 (2022), not / 75546820.3 (9 months of 2023, which gave 59.6)
    expect(recent.total).toMatchObject({ name: 'Republic of Kazakhstan', growth: 16.2 });
    expect(recent.rows.find((r) => r.region === 'Almaty city')!.growthShown).toBe(29.6);
    // the 2023 column's mark 2) points to "preliminary data": the summary keeps it as a note
    expect(recent.sourceNotes).toEqual(['2) preliminary data']);
    expect(footnotes(summary)).toContain('　　4. Gross regional product：原表注“preliminary data”。');
    // one indicator: "9 months of 2019**" is a period, not an indicator, and the sheets 1990-1997 and
    // 1998-2007 are the history of the series that 2008-2023 continues, not indicators of their own
    expect(summary.tables.map((t) => [t.sheet, t.indicator])).toEqual([['2008-2023', 'Gross regional product']]);
  });

  test('footnote marks leave names, periods and titles and stay as notes', async () => {
    const { layouts } = await read(file);
    const [early, , recent] = layouts.map((l) => l.tables[0]);
    const astana = early.rows.find((r) => r.label === 'Astana city2)')!;
    expect(astana.name).toBe('Astana city');
    expect(astana.notes).toEqual([{ mark: '2)', note: '2) from 1990-1996, the city of Astana was part of the Akmola region' }]);
    expect(recent.title).toBe('Gross regional product');
    expect(recent.notes).toEqual([{ mark: '1)', note: '1) quarterly calculations of GRP have been producing only from 2008' }]);
    const periods = recent.columns.map((c) => c.period);
    expect(periods).toContain('9 months of 2019');
    expect(periods).toContain('2023');
    expect(recent.columns.every((c) => c.indicator.name === 'Gross regional product')).toBe(true);
    const nine = recent.columns.find((c) => c.period === '9 months of 2019')!;
    expect(nine.notes).toEqual([{ mark: '**', note: null }]);
    expect(recent.columns.find((c) => c.period === '2023')!.notes).toEqual([{ mark: '2)', note: '2) preliminary data' }]);
    for (const l of layouts) for (const t of l.tables) for (const r of t.rows) expect(r.name).not.toMatch(/\d\)$|\*$/);
  });

  test('1990–1992 in roubles by footnote 1): those columns are in doubt, not read as tenge silently', async () => {
    const { layouts } = await read(file);
    const early = layouts[0].tables[0];
    const note = '1) 1990-1992 -mln. rubles';
    expect(early.columns.filter((c) => c.otherUnit === note).map((c) => c.period)).toEqual(['1990', '1991', '1992']);
    expect(early.columns.filter((c) => c.otherUnit === undefined).map((c) => c.period)).toEqual(['1993', '1994', '1995', '1996', '1997']);
    expect(early.doubts).toEqual([{ kind: 'unit', cell: 'B3:D20', text: note }]);
  });
});

describeReal('philippines-grdp-regions-2000-2023.xlsx', (file) => {
  const measures = (t: SheetLayout['tables'][number]): string[] => [...new Set(t.columns.map((c) => `${c.measure}:${c.indicator.priceBasis ?? '-'}`))];

  test('the title lines set the measure and price basis of each stacked table; years are periods of one indicator', async () => {
    const { layouts } = await read(file);
    const grdp = layouts.find((l) => l.sheet === 'GRDP')!.tables;
    expect(grdp).toHaveLength(14);
    expect(grdp.slice(0, 7).map(measures)).toEqual([
      ['value:current'],
      ['value:comparable'],
      ['growth:current'],
      ['growth:comparable'],
      ['level-index:-'],
      ['share:current'],
      ['share:comparable'],
    ]);
    for (const t of grdp) {
      expect(t.shape).toBe('time-series');
      expect(new Set(t.columns.map((c) => c.indicator.name))).toEqual(new Set(['Gross Regional Domestic Product']));
      expect(t.rows.find((r) => r.role === 'total')?.name).toBe('Philippines');
      expect(t.rows.some((r) => r.role === 'peer' && r.name === 'Philippines')).toBe(false);
    }
    // growth rates over "2000 - 2001" … "2022 - 2023" are the growth of 2001 … 2023
    expect(grdp[3].columns.map((c) => c.period)).toEqual(Array.from({ length: 23 }, (_, i) => String(2001 + i)));
    expect(grdp[0].columns.map((c) => c.period)).toEqual(Array.from({ length: 24 }, (_, i) => String(2000 + i)));
    expect(grdp[0].columns.find((c) => c.col === 2)!.indicator.name).not.toMatch(/Annual/);
    // "Unit: In Percent" is %
    expect(grdp.slice(2, 7).map((t) => t.unit)).toEqual(['%', '%', null, '%', '%']);
    expect(grdp[3].columns.every((c) => c.unit === '%')).toBe(true);
    expect(grdp.slice(0, 7).every((t) => t.rows.filter((r) => r.role === 'peer').length === 17)).toBe(true);
    expect(grdp.slice(7).every((t) => t.rows.filter((r) => r.role === 'peer').length === 3)).toBe(true);
    const aff = layouts.find((l) => l.sheet === 'AFF')!.tables[0];
    expect(aff.columns[0].indicator.name).toBe('Gross Value Added in Agriculture, Forestry, and Fishing');
  });

  test('one summary per indicator: the level at current prices with the growth published at constant prices, ranked among 17 regions', async () => {
    const { summary } = await read(file);
    expect(summary.tables).toHaveLength(20);
    expect(new Set(summary.tables.map((t) => t.sheet)).size).toBe(20);
    for (const t of summary.tables) {
      expect(t).toMatchObject({ period: '2023', peers: 17, growthFrom: 'published', growthBasis: 'comparable', comparable: true });
      expect(t.total?.name).toBe('Philippines');
    }
    const grdp = summary.tables.find((t) => t.sheet === 'GRDP')!;
    expect(grdp.total?.growth).toBe(5.5); // Table 1.4, Y132: 5.5458…
    const ncr = grdp.rows.find((r) => r.region === 'National Capital Region')!;
    expect(ncr.valueShown).toBeCloseTo(7572347073, -1); // Table 1.1, Z12, at current prices
    expect(ncr.growth).toBeCloseTo(4.881484756031369, 10); // Table 1.4, Y114, at constant 2018 prices
    expect(ncr.source.growth).toBeNull(); // on another row than the level: no formula refers to it
    const plan = planSummary(summary).plan.sheets;
    expect(plan.length).toBeLessThanOrEqual(6);
    expect(footnotes(summary)[0]).toBe('注：1. 增速按可比价计算。');
  });
});
