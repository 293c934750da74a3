import { isPeriodOnly, parsePeriod } from '../../../src/core/layout/period';

describe('parsePeriod', () => {
  test.each([
    ['2025年1-3月', { label: '2025年1-3月', year: 2025, startMonth: 1, endMonth: 3, kind: 'cumulative' }],
    ['1-3月', { label: '1-3月', year: null, startMonth: 1, endMonth: 3, kind: 'cumulative' }],
    ['1-2月', { label: '1-2月', year: null, startMonth: 1, endMonth: 2, kind: 'cumulative' }],
    ['2025年1—6月', { label: '2025年1—6月', year: 2025, startMonth: 1, endMonth: 6, kind: 'cumulative' }],
    ['1-3月累计', { label: '1-3月', year: null, startMonth: 1, endMonth: 3, kind: 'cumulative' }],
    ['3月末', { label: '3月末', year: null, startMonth: 3, endMonth: 3, kind: 'month-end' }],
    ['2025年3月', { label: '2025年3月', year: 2025, startMonth: 3, endMonth: 3, kind: 'month' }],
    ['2022', { label: '2022', year: 2022, startMonth: null, endMonth: null, kind: 'year' }],
    ['2023年', { label: '2023', year: 2023, startMonth: null, endMonth: null, kind: 'year' }],
    ['上半年', { label: '上半年', year: null, startMonth: 1, endMonth: 6, kind: 'half' }],
    ['第一季度', { label: '第一季度', year: null, startMonth: 1, endMonth: 3, kind: 'quarter' }],
    ['2024年第三季度', { label: '2024年第三季度', year: 2024, startMonth: 7, endMonth: 9, kind: 'quarter' }],
    ['全年', { label: '全年', year: null, startMonth: 1, endMonth: 12, kind: 'year' }],
    ['9 months of 2010', { label: '9 months of 2010', year: 2010, startMonth: 1, endMonth: 9, kind: 'cumulative' }],
    ['19901)', { label: '1990', year: 1990, startMonth: null, endMonth: null, kind: 'year' }],
  ] as const)('%j', (text, expected) => {
    expect(parsePeriod(text)).toEqual(expected);
  });

  test('finds the period inside a title', () => {
    expect(parsePeriod('2025年1-3月各县市区一般公共预算收入')?.label).toBe('2025年1-3月');
    expect(parsePeriod('17-2 各市主要经济指标（2022年）')?.year).toBe(2022);
    expect(parsePeriod('2022年为\n2021年%\n2021=100')?.year).toBe(2022);
  });

  test('no period → null', () => {
    expect(parsePeriod('')).toBeNull();
    expect(parsePeriod('地区')).toBeNull();
    expect(parsePeriod('绝对额(万元)')).toBeNull();
    expect(parsePeriod('13月')).toBeNull();
  });
});

describe('isPeriodOnly: a header cell that is nothing but a period', () => {
  test.each(['2025年1-3月', '1-3月', '3月末', '2022', '2022年', '19901)', '1-3月累计', '上半年', '9 months of 2010'])('%j is only a period', (t) => {
    expect(isPeriodOnly(t)).toBe(true);
  });

  test.each(['地区', '绝对额(万元)', '增速(%)', '2022年为2021年%', '2025年1-3月各县市区地区生产总值', ''])('%j is not only a period', (t) => {
    expect(isPeriodOnly(t)).toBe(false);
  });
});
