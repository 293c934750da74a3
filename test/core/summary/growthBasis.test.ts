/**
 * The price-basis footnote says only what is known (issue 15): 按可比价 where growth is published
 * at comparable prices, 由现价绝对额计算 where the tool computed it from current-price values,
 * 由两期绝对额计算 where the values' prices are not known, 按现价 where the sheet says so.
 */
import { gridFromValues } from '../../../src/core/grid';
import type { Lang } from '../../../src/core/i18n';
import { planSummary } from '../../../src/core/summary';
import { GDP, GDP_COMPETITION, REGIONS, countySheet, footnoteLines, profitSheet, workbookOf } from './county';

const firstLines = (grids: Parameters<typeof workbookOf>[0], lang: Lang = 'zh-CN', n = 1): string[] =>
  footnoteLines(planSummary(workbookOf(grids).summary(), { lang }).plan.sheets[0]).slice(0, n);

/** 本期 | 上年同期 of an indicator in tonnes: growth is computed, at prices nobody states. */
function tonnesSheet(): ReturnType<typeof gridFromValues> {
  const now = [300, 310, 320, 330, 340, 350, 360, 370];
  const values = [
    ['2025年1-3月各县市区货物运输量', null, null],
    ['地区', '本期(万吨)', '上年同期(万吨)'],
    ['全市', now.reduce((a, b) => a + b, 0), now.reduce((a, b) => a + b - 20, 0)],
    ...REGIONS.map((r, i) => [r, now[i], now[i] - 20]),
  ];
  return gridFromValues('货运量', values, { merges: ['A1:C1'] });
}

/** 绝对额 | 增速 published, with a note that the table is at current prices. */
function currentPricesSheet(): ReturnType<typeof gridFromValues> {
  const g = countySheet('社零', '社会消费品零售总额', '万元', GDP);
  return gridFromValues('社零', [...g.rows.map((row) => (row ?? []).map((c) => c?.value ?? null)), [], ['注：本表按现价计算。']], { merges: ['A1:D1', 'A3:A4', 'B3:D3'] });
}

describe('the price basis in the footnote', () => {
  test('computed from current-price values (万元): said to be computed, at current prices', () => {
    expect(firstLines([profitSheet()])).toEqual(['注：1. 增速由现价绝对额计算，未剔除价格因素。']);
    expect(firstLines([profitSheet()], 'en-US')).toEqual(['Notes: 1. Growth computed from values at current prices (price changes not removed).']);
  });

  test('computed from values of no stated prices (万吨): said to be computed, nothing about prices', () => {
    expect(firstLines([tonnesSheet()])).toEqual(['注：1. 增速由两期绝对额计算。']);
    expect(firstLines([tonnesSheet()], 'en-US')).toEqual(['Notes: 1. Growth computed from the values of the two periods.']);
  });

  test('published at current prices by the sheet: 增速按现价计算', () => {
    expect(firstLines([currentPricesSheet()])).toEqual(['注：1. 增速按现价计算。']);
  });

  test('several kinds: each names its indicators', () => {
    const gdp = countySheet('地区生产总值', '地区生产总值', '亿元', GDP, { ranks: GDP_COMPETITION, valueFormat: '0.00_ ' });
    expect(firstLines([gdp, profitSheet(), tonnesSheet()], 'zh-CN', 3)).toEqual([
      '注：1. 地区生产总值增速按可比价计算。',
      '　　2. 规模以上工业企业利润总额增速由现价绝对额计算，未剔除价格因素。',
      '　　3. 货物运输量增速由两期绝对额计算。',
    ]);
  });
});
