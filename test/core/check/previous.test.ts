/**
 * Checks against last period's report: cumulative-decrease, month-mismatch,
 * growth-swing, rank-swing. Grids are built in memory like the bureaus' county
 * sheets (see test/core/layout/sheets.ts).
 */
import fc from 'fast-check';
import type { CheckResult, Finding, RuleId } from '../../../src/core/check';
import { checkWorkbook, DEFAULT_SETTINGS, prepareSheets, reportPeriod } from '../../../src/core/check';
import type { CheckContext } from '../../../src/core/check/context';
import { PREVIOUS_RULES } from '../../../src/core/check/rules/previous';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';
import { COUNTY_GROWTH, COUNTY_RANK, COUNTY_VALUE, SHAOYANG_COUNTIES, competition, countySheet } from '../layout/sheets';
import type { CountyLine, V } from '../layout/sheets';

const PREVIOUS_IDS: RuleId[] = ['cumulative-decrease', 'month-mismatch', 'growth-swing', 'rank-swing'];
const REGIONS = ['全市', ...SHAOYANG_COUNTIES];

/** A1 row of a county in countySheet (total first on row 5, 双清区 on row 6 …). */
function countyRow(name: string): number {
  return 6 + SHAOYANG_COUNTIES.indexOf(name as (typeof SHAOYANG_COUNTIES)[number]);
}

function lines(values: number[], growth: number[] = COUNTY_GROWTH, ranks: number[] = competition(growth)): CountyLine[] {
  return SHAOYANG_COUNTIES.map((name, i) => ({ name, value: values[i], growth: growth[i], rank: ranks[i] }));
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

/** A county sheet of one indicator for one period (values 万元 by default). */
function county(indicator: string, period: string, values: number[], options: { growth?: number[]; ranks?: number[]; unit?: string; rankHeader?: string; valueFormat?: string; total?: string; totalValue?: number; name?: string; lines?: CountyLine[] } = {}): Grid {
  const unit = options.unit ?? '万元';
  return countySheet({
    name: options.name ?? indicator,
    title: `${period}各县市区${indicator}`,
    period,
    lines: options.lines ?? lines(values, options.growth, options.ranks),
    total: { name: options.total ?? '全市', value: options.totalValue ?? sum(values), growth: 7.4, position: 'first' },
    headers: [`绝对额(${unit})`, '增速(%)', options.rankHeader ?? '排名'],
    ...(options.valueFormat ? { valueFormat: options.valueFormat } : {}),
  });
}

function check(current: Grid[], previous: Grid[], only: RuleId[] = PREVIOUS_IDS, settings: Parameters<typeof checkWorkbook>[1] = {}): { zh: CheckResult; en: CheckResult } {
  const zh = checkWorkbook({ grids: current }, { previous: { grids: previous }, only, lang: 'zh-CN', ...settings });
  const en = checkWorkbook({ grids: current }, { previous: { grids: previous }, only, lang: 'en-US', ...settings });
  return { zh, en };
}

function summaryOf(r: CheckResult, rule: RuleId): { items: number; fails: number } {
  const s = r.summary.find((x) => x.rule === rule);
  if (!s) throw new Error(`no summary for ${rule}`);
  return { items: s.items, fails: s.fails };
}

function only(r: CheckResult, rule: RuleId): Finding[] {
  return r.issues.filter((f) => f.rule === rule);
}

/** Values scaled down so that every county's cumulative grows from last period. */
const EARLIER = COUNTY_VALUE.map((v) => Math.round(v * 0.6));

describe('cumulative-decrease', () => {
  const rule: RuleId = 'cumulative-decrease';

  test('a county whose 1-3月 cumulative is below last report\'s 1-2月 is an error, on its cell, with last month\'s cell related', () => {
    const prev = [...EARLIER];
    prev[0] = 160000; // 双清区: 152,340 now
    const { zh, en } = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '2025年1-2月', prev)], [rule]);
    const f = only(zh, rule);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      sheet: '一般公共预算收入',
      cell: `B${countyRow('双清区')}`,
      rule,
      severity: 'error',
      expected: 160000,
      actual: 152340,
      related: { sheet: '一般公共预算收入', cell: `B${countyRow('双清区')}`, workbook: 'previous' },
    });
    expect(f[0].tolerance).toBeCloseTo(1, 6);
    expect(f[0].message).toBe('「一般公共预算收入」双清区 1-3月累计 152,340万元 小于上期 1-2月累计 160,000万元，减少 7660（容差 ±1），累计值不应减少');
    expect(only(en, rule)[0].message).toBe(
      '"一般公共预算收入": 双清区 cumulative 1-3月 is 152,340 万元, below last report\'s 1-2月 cumulative of 160,000 万元 (7660 less, tolerance ±1); a cumulative cannot fall',
    );
    // every region and the total compared once
    expect(summaryOf(zh, rule)).toEqual({ items: 13, fails: 1 });
  });

  test('the total row is matched by its key, and as the only total under another name (全市 / 邵阳市)', () => {
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE);
    const big = sum(COUNTY_VALUE) + 5000;
    const sameName = check([current], [county('一般公共预算收入', '2025年1-2月', EARLIER, { totalValue: big })], [rule]).zh;
    expect(only(sameName, rule).map((f) => [f.cell, f.expected, f.actual])).toEqual([['B5', big, sum(COUNTY_VALUE)]]);
    // 邵阳市 is read as the total when it is the sum of the counties
    const small = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE, { totalValue: 500000 });
    const otherName = check([small], [county('一般公共预算收入', '2025年1-2月', EARLIER, { total: '邵阳市' })], [rule]).zh;
    expect(only(otherName, rule).map((f) => [f.cell, f.expected, f.actual, f.related?.cell])).toEqual([['B5', sum(EARLIER), 500000, 'B5']]);
    // 邵阳市 (the total) is not 邵阳县 (a county): the county is compared with the county
    expect(summaryOf(otherName, rule).items).toBe(13);
  });

  test('a stock (存款余额) that falls is not a finding', () => {
    const prev = COUNTY_VALUE.map((v) => v * 2);
    const r = check([county('金融机构存款余额', '2025年1-3月', COUNTY_VALUE)], [county('金融机构存款余额', '2025年1-2月', prev)], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(0);
  });

  test('profits (利润总额), which may fall, are not a finding', () => {
    const prev = COUNTY_VALUE.map((v) => v * 2);
    const r = check([county('规模工业利润总额', '2025年1-3月', COUNTY_VALUE)], [county('规模工业利润总额', '2025年1-2月', prev)], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(0);
  });

  test('another year is not compared (2024年1-11月 against 2025年1-3月)', () => {
    const prev = COUNTY_VALUE.map((v) => v * 4);
    const r = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '2024年1-11月', prev)], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(0);
  });

  test('a previous report that is not earlier (the same period, a later one) gives no finding', () => {
    const bigger = COUNTY_VALUE.map((v) => v * 2);
    for (const period of ['2025年1-3月', '2025年1-4月', '1-3月']) {
      const r = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', period, bigger)]).zh;
      expect(r.issues).toEqual([]);
      for (const id of PREVIOUS_IDS) expect(summaryOf(r, id).items).toBe(0);
    }
  });

  test('a previous report without a year is taken to be of the same year', () => {
    const prev = [...EARLIER];
    prev[3] = 400000; // 邵东市: 301,245 now
    const r = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '1-2月', prev)], [rule]).zh;
    expect(only(r, rule).map((f) => f.cell)).toEqual([`B${countyRow('邵东市')}`]);
  });

  test('rounding: a fall within half a unit of both shown figures is not a finding; beyond it is', () => {
    const curValues = COUNTY_VALUE.map((v) => v / 1e4);
    curValues[0] = 15.2; // shown 15.2 (0.0)
    const prevWithin = curValues.map((v) => v * 0.6);
    prevWithin[0] = 15.23; // shown 15.23 (0.00): 15.2 ≥ 15.23 − 0.055
    const current = county('一般公共预算收入', '2025年1-3月', curValues, { unit: '亿元', valueFormat: '0.0' });
    const within = check([current], [county('一般公共预算收入', '2025年1-2月', prevWithin, { unit: '亿元', valueFormat: '0.00' })], [rule]).zh;
    expect(within.issues).toEqual([]);
    expect(summaryOf(within, rule).items).toBe(13);
    const prevBeyond = [...prevWithin];
    prevBeyond[0] = 15.26;
    const beyond = check([current], [county('一般公共预算收入', '2025年1-2月', prevBeyond, { unit: '亿元', valueFormat: '0.00' })], [rule]).zh;
    const f = only(beyond, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([[`B${countyRow('双清区')}`, 15.26, 15.2]]);
    expect(f[0].tolerance).toBeCloseTo(0.055, 9);
    expect(f[0].message).toBe('「一般公共预算收入」双清区 1-3月累计 15.2亿元 小于上期 1-2月累计 15.26亿元，减少 0.06（容差 ±0.055），累计值不应减少');
  });

  test('万元 against 亿元 are converted: a real fall is found, an equal figure is not', () => {
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE); // 万元
    const prev = EARLIER.map((v) => Math.round(v / 1000) / 10); // 亿元, one decimal
    prev[0] = 16.0; // 160,000 万元 > 152,340
    prev[1] = 9.8; // 98,000 万元 < 98,211: fine
    const { zh, en } = check([current], [county('一般公共预算收入', '2025年1-2月', prev, { unit: '亿元', valueFormat: '0.0' })], [rule]);
    const f = only(zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([[`B${countyRow('双清区')}`, 160000, 152340]]);
    expect(f[0].tolerance).toBeCloseTo(500.5, 6);
    expect(f[0].message).toBe('「一般公共预算收入」双清区 1-3月累计 152,340万元 小于上期 1-2月累计 160,000万元（上期表中为 16.0亿元），减少 7660（容差 ±501），累计值不应减少');
    expect(only(en, rule)[0].message).toBe(
      '"一般公共预算收入": 双清区 cumulative 1-3月 is 152,340 万元, below last report\'s 1-2月 cumulative of 160,000 万元 (16.0 亿元 there; 7660 less, tolerance ±501); a cumulative cannot fall',
    );
    // and the other way round: 亿元 now, 万元 last month
    const nowYi = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE.map((v) => v / 1e4), { unit: '亿元', valueFormat: '0.00' });
    const prevWan = [...EARLIER];
    prevWan[0] = 152400; // 15.24 亿元 > 15.23 (shown), beyond 0.005 + 0.00005
    const back = only(check([nowYi], [county('一般公共预算收入', '2025年1-2月', prevWan)], [rule]).zh, rule);
    expect(back.map((x) => [x.cell, x.expected, x.actual])).toEqual([[`B${countyRow('双清区')}`, 15.24, 15.23]]);
  });

  test('a region missing from last month (and one only last month) is skipped without a crash', () => {
    const prevLines = lines(EARLIER).filter((l) => l.name !== '武冈市');
    prevLines[0] = { ...prevLines[0], value: 999999 }; // 双清区 falls
    const previous = county('一般公共预算收入', '2025年1-2月', [], { lines: [...prevLines, { name: '开发区', value: 5, growth: 1, rank: 12 }] });
    const currentLines = lines(COUNTY_VALUE).filter((l) => l.name !== '新邵县');
    const r = check([county('一般公共预算收入', '2025年1-3月', [], { lines: currentLines, totalValue: 1000 })], [previous], [rule]).zh;
    expect(r.notes).toEqual([]);
    expect(only(r, rule).map((f) => f.cell)).toEqual(['B6']);
    // 12 peers now, of which 武冈市 has no match; 新邵县 is gone; the total is compared
    expect(summaryOf(r, rule).items).toBe(11);
  });

  test('without a previous report the rule runs within the workbook: one cumulative alone has nothing to compare with', () => {
    const r = checkWorkbook({ grids: [county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)] }, { only: [rule] });
    expect(r.summary).toEqual([expect.objectContaining({ rule, items: 0, fails: 0 })]);
    expect(r.issues).toEqual([]);
  });
});

// ---------------------------------------------------------------- month = difference of cumulatives

/** A sheet with "本月 | 累计" under one period (2025年3月), in 万元. */
function monthSheet(period: string, month: V[], cumulative: V[], options: { indicator?: string; unit?: string; formats?: [string, string] } = {}): Grid {
  const indicator = options.indicator ?? '社会消费品零售总额';
  const unit = options.unit ?? '万元';
  const [mf, cf] = options.formats ?? ['0_ ', '0_ '];
  const values: V[][] = [
    [`${period}各县市区${indicator}`, null, null],
    [null, null, null],
    ['地  区', period, null],
    [null, `本月(${unit})`, `累计(${unit})`],
    ...REGIONS.map((n, i) => [n, month[i], cumulative[i]]),
  ];
  const formats = values.map((_, r) => (r >= 4 ? [undefined, mf, cf] : []));
  return gridFromValues(indicator, values, { formats, merges: ['A1:C1', 'A3:A4', 'B3:C3'] });
}

/** Regions down, cumulative periods and the month across (a time series): 1-2月 | 1-3月 | 3月. */
function seriesSheet(columns: { header: string; values: V[] }[], options: { indicator?: string; title?: string } = {}): Grid {
  const indicator = options.indicator ?? '社会消费品零售总额';
  const values: V[][] = [
    [options.title ?? `2025年1-3月各县市区${indicator}`, ...columns.map(() => null)],
    ['单位：万元', ...columns.map(() => null)],
    ['地  区', ...columns.map((c) => c.header)],
    ...REGIONS.map((n, i) => [n, ...columns.map((c) => c.values[i])]),
  ];
  return gridFromValues(indicator, values, { merges: [`A1:${String.fromCharCode(65 + columns.length)}1`] });
}

const CUM2 = COUNTY_VALUE.map((v) => Math.round(v * 0.6));
const CUM3 = COUNTY_VALUE;
const MONTH3 = CUM3.map((v, i) => v - CUM2[i]);
const withTotal = (xs: number[]): number[] => [sum(xs), ...xs];

describe('month-mismatch', () => {
  const rule: RuleId = 'month-mismatch';

  test('本月 against this 累计 less last report\'s 1-2月: a wrong month is an error, related to last month\'s cell', () => {
    const month = withTotal(MONTH3);
    month[1] += 100; // 双清区
    const { zh, en } = check([monthSheet('2025年3月', month, withTotal(CUM3))], [county('社会消费品零售总额', '2025年1-2月', CUM2, { name: '上月' })], [rule]);
    const f = only(zh, rule);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      sheet: '社会消费品零售总额',
      cell: 'B6',
      severity: 'error',
      expected: MONTH3[0],
      actual: MONTH3[0] + 100,
      related: { sheet: '上月', cell: 'B6', workbook: 'previous' },
    });
    expect(f[0].tolerance).toBeCloseTo(1.5, 6);
    expect(f[0].message).toBe(`「社会消费品零售总额」双清区 3月 ${'61,036'}万元，而 1-3月累计 152,340 减 1-2月累计 91,404（上期报表）为 60,936，相差 100（容差 ±1.5）`);
    expect(only(en, rule)[0].message).toBe('"社会消费品零售总额": 双清区 month 3 is 61,036 万元 but cumulative 1-3月 (152,340) less 1-2月 (91,404, last report) is 60,936, 100 apart (tolerance ±1.5)');
    expect(summaryOf(zh, rule)).toEqual({ items: 13, fails: 1 });
  });

  test('本月 and 累计 without a period in the sheet take the report period (here from the settings)', () => {
    const month = withTotal(MONTH3);
    month[2] -= 300; // 大祥区
    const current = monthSheet('', month, withTotal(CUM3));
    const previous = county('社会消费品零售总额', '2025年1-2月', CUM2);
    const f = only(check([current], [previous], [rule], { settings: { period: '2025年1-3月' } }).zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['B7', MONTH3[1], MONTH3[1] - 300]]);
    expect(f[0].message).toContain('大祥区 3月');
  });

  test('the earlier cumulative from a column of the same table (1-2月 | 1-3月 | 3月)', () => {
    const month = withTotal(MONTH3);
    month[5] = 0; // 新邵县
    const sheet = seriesSheet([
      { header: '1-2月', values: withTotal(CUM2) },
      { header: '1-3月', values: withTotal(CUM3) },
      { header: '3月', values: month },
    ]);
    // last report is another indicator: only the table is used
    const { zh, en } = check([sheet], [county('一般公共预算收入', '2025年1-2月', CUM2)], [rule]);
    const f = only(zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['D9', MONTH3[4], 0]]);
    expect(f[0].related).toEqual({ sheet: '社会消费品零售总额', cell: 'B9' });
    expect(f[0].message).toContain('（本表）');
    expect(only(en, rule)[0].message).toContain('this table');
    expect(summaryOf(zh, rule)).toEqual({ items: 13, fails: 1 });
  });

  test('rounding: three figures in 亿元 with half a unit each', () => {
    const cum3 = withTotal(CUM3.map((v) => v / 1e4)); // 15.234 …, shown 0.00
    const cum2 = CUM2.map((v) => v / 1e4);
    const month = cum3.map((v, i) => (i === 0 ? v - sum(cum2) : v - cum2[i - 1]));
    // 双清区: 15.23 − 9.14 = 6.09 shown; a month shown 6.1 (0.0) is within 0.05 + 0.005 + 0.005
    month[1] = 6.1;
    month[2] = 3.9; // 大祥区: 9.82 − 5.89 = 3.93; 3.9 is within 0.06 too
    month[3] = 3.4; // 北塔区: 8.77 − 5.26 = 3.51; 3.4 is 0.11 off
    const { zh } = check(
      [monthSheet('2025年3月', month, cum3, { unit: '亿元', formats: ['0.0', '0.00'] })],
      [county('社会消费品零售总额', '2025年1-2月', cum2, { unit: '亿元', valueFormat: '0.00' })],
      [rule],
    );
    const f = only(zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['B8', 3.51, 3.4]]);
    expect(f[0].tolerance).toBeCloseTo(0.06, 9);
  });

  test('万元 month against 亿元 cumulatives last month', () => {
    const month = withTotal(MONTH3);
    const prev = CUM2.map((v) => Math.round(v / 100) / 100); // 亿元, 0.00
    month[0] = sum(CUM3) - Math.round(sum(prev) * 100) * 100; // the total as shown
    month[1] = 60936; // 双清区: 152,340 − 9.14亿 = 60,940 ± 0.5+0.5+50
    month[2] = 30000; // 大祥区: far off
    const f = only(
      check([monthSheet('2025年3月', month, withTotal(CUM3))], [county('社会消费品零售总额', '2025年1-2月', prev, { unit: '亿元', valueFormat: '0.00' })], [rule]).zh,
      rule,
    );
    expect(f.map((x) => x.cell)).toEqual(['B7']);
    const daxiang = f[0];
    expect(daxiang.expected).toBe(98211 - 58900);
    expect(daxiang.tolerance).toBeCloseTo(51, 6);
  });

  test('February is never derived from January: a 1-2月 report with 本月 checks nothing', () => {
    const janFeb = withTotal(CUM2);
    const wrongMonth = janFeb.map((v) => v - 12345);
    const jan = withTotal(CUM2.map((v) => Math.round(v / 2)));
    const r = check([monthSheet('2025年2月', wrongMonth, janFeb)], [monthSheet('2025年1月', jan, jan)], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(0);
    // nor from a 1-1月 column of the same table
    const series = seriesSheet(
      [
        { header: '1-1月', values: jan },
        { header: '1-2月', values: janFeb },
        { header: '2月', values: wrongMonth },
      ],
      { title: '2025年1-2月各县市区社会消费品零售总额' },
    );
    const r2 = check([series], [county('社会消费品零售总额', '2025年1月', CUM2)], [rule]).zh;
    expect(r2.issues).toEqual([]);
    expect(summaryOf(r2, rule).items).toBe(0);
  });

  test('a stock (余额) month column is not a difference of cumulatives', () => {
    const month = withTotal(MONTH3).map((v) => v + 1000);
    const r = check([monthSheet('2025年3月', month, withTotal(CUM3), { indicator: '各项贷款余额' })], [county('各项贷款余额', '2025年1-2月', CUM2)], [rule]).zh;
    expect(r.issues).toEqual([]);
  });

  test('last report of another year or not earlier gives no earlier cumulative', () => {
    const month = withTotal(MONTH3).map((v) => v + 1000);
    for (const period of ['2024年1-2月', '2025年1-3月', '2025年1-4月']) {
      const r = check([monthSheet('2025年3月', month, withTotal(CUM3))], [county('社会消费品零售总额', period, CUM2)], [rule]).zh;
      expect(r.issues).toEqual([]);
    }
  });

  test('a region missing from last month is skipped', () => {
    const month = withTotal(MONTH3);
    month[12] += 500; // 武冈市, absent last month
    const prevLines = lines(CUM2).filter((l) => l.name !== '武冈市');
    const r = check([monthSheet('2025年3月', month, withTotal(CUM3))], [county('社会消费品零售总额', '2025年1-2月', [], { lines: prevLines, totalValue: sum(CUM2) })], [rule]).zh;
    expect(r.notes).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(12);
  });
});

// ---------------------------------------------------------------- growth and ranks

describe('growth-swing', () => {
  const rule: RuleId = 'growth-swing';

  test('growth that moved more than 20 points is a warning with both growths and the change', () => {
    const prevGrowth = [...COUNTY_GROWTH];
    prevGrowth[0] = 30.5; // 双清区: 8.2 now, down 22.3
    prevGrowth[1] = 27.5; // 大祥区: 7.5 now, down exactly 20.0: not more than 20
    prevGrowth[2] = -14.0; // 北塔区: 6.9 now, up 20.9
    const { zh, en } = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '2025年1-2月', EARLIER, { growth: prevGrowth })], [rule]);
    const f = only(zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual, x.severity])).toEqual([
      ['C6', 30.5, 8.2, 'warning'],
      ['C8', -14, 6.9, 'warning'],
    ]);
    expect(f[0].related).toEqual({ sheet: '一般公共预算收入', cell: 'C6', workbook: 'previous' });
    expect(f[0].tolerance).toBe(20);
    expect(f[0].message).toBe('「一般公共预算收入」双清区 增速 8.2%，上期（1-2月）为 30.5%，回落 22.3 个百分点，变动超过 20 个百分点');
    expect(f[1].message).toBe('「一般公共预算收入」北塔区 增速 6.9%，上期（1-2月）为 -14.0%，提高 20.9 个百分点，变动超过 20 个百分点');
    expect(only(en, rule)[0].message).toBe('"一般公共预算收入": 双清区 grew 8.2%, against 30.5% in last report (1-2月): down 22.3 points, more than 20');
    // 12 counties and the total
    expect(summaryOf(zh, rule)).toEqual({ items: 13, fails: 2 });
  });

  test('the threshold is a setting', () => {
    const prevGrowth = COUNTY_GROWTH.map((g, i) => (i === 4 ? g + 10.5 : g));
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE);
    const previous = county('一般公共预算收入', '2025年1-2月', EARLIER, { growth: prevGrowth });
    expect(only(check([current], [previous], [rule]).zh, rule)).toEqual([]);
    const r = check([current], [previous], [rule], { settings: { growthSwing: 10 } }).zh;
    expect(only(r, rule).map((x) => x.cell)).toEqual(['C10']);
  });

  test('growth moving across the year end is compared, with the year in the message', () => {
    const prevGrowth = COUNTY_GROWTH.map((g, i) => (i === 0 ? 40 : g));
    const r = check([county('一般公共预算收入', '2025年1-2月', COUNTY_VALUE)], [county('一般公共预算收入', '2024年1-12月', EARLIER, { growth: prevGrowth })], [rule]).zh;
    expect(only(r, rule).map((x) => x.message)).toEqual(['「一般公共预算收入」双清区 增速 8.2%，上期（2024年1-12月）为 40.0%，回落 31.8 个百分点，变动超过 20 个百分点']);
  });

  test('no finding against a previous report that is not earlier, nor for a region missing last month', () => {
    const prevGrowth = COUNTY_GROWTH.map((g) => g + 50);
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE);
    expect(check([current], [county('一般公共预算收入', '2025年1-3月', EARLIER, { growth: prevGrowth })], [rule]).zh.issues).toEqual([]);
    const prevLines = lines(EARLIER, COUNTY_GROWTH).filter((l) => l.name !== '双清区');
    const currentGrowth = COUNTY_GROWTH.map((g, i) => (i === 0 ? 60 : g));
    const r = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE, { growth: currentGrowth })], [county('一般公共预算收入', '2025年1-2月', [], { lines: prevLines })], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(12);
  });
});

describe('rank-swing', () => {
  const rule: RuleId = 'rank-swing';
  // 城步 (2.9, last now) was first last month: every other county moves one place down.
  const prevGrowth = COUNTY_GROWTH.map((g, i) => (SHAOYANG_COUNTIES[i] === '城步苗族自治县' ? 12 : g));

  test('a rank that moved more than 5 places is an info finding; 位次变化 = previous − current', () => {
    const { zh, en } = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '2025年1-2月', EARLIER, { growth: prevGrowth })], [rule]);
    const f = only(zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual, x.severity])).toEqual([[`D${countyRow('城步苗族自治县')}`, 1, 12, 'info']]);
    expect(f[0].related).toEqual({ sheet: '一般公共预算收入', cell: `D${countyRow('城步苗族自治县')}`, workbook: 'previous' });
    expect(f[0].message).toBe('「一般公共预算收入」城步苗族自治县 位次由上期（1-2月）第1位后移至第12位（位次变化 -11），变动超过 5 位');
    expect(only(en, rule)[0].message).toBe('"一般公共预算收入": 城步苗族自治县 moved down from rank 1 in last report (1-2月) to 12 (change -11), more than 5 places');
    // 12 peers; the total takes no rank
    expect(summaryOf(zh, rule)).toEqual({ items: 12, fails: 1 });
  });

  test('moving up is 前移 with a positive change', () => {
    const f = only(check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE, { growth: prevGrowth })], [county('一般公共预算收入', '2025年1-2月', EARLIER)], [rule]).zh, rule);
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([[`D${countyRow('城步苗族自治县')}`, 12, 1]]);
    expect(f[0].message).toContain('第12位前移至第1位（位次变化 +11）');
  });

  test('a move of exactly the threshold is not a finding; the threshold is a setting', () => {
    const ranks = [...COUNTY_RANK];
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE);
    // published ranks last month: 双清 (4th now) was 9th, a move of 5
    ranks[0] = 9;
    const previous = county('一般公共预算收入', '2025年1-2月', EARLIER, { ranks });
    expect(only(check([current], [previous], [rule]).zh, rule)).toEqual([]);
    expect(only(check([current], [previous], [rule], { settings: { rankSwing: 4 } }).zh, rule).map((x) => x.cell)).toEqual(['D6']);
  });

  test('增速位次 now and 排名 last month are the same rank; 总量位次 is not 增速位次', () => {
    // The reader takes "增速位次" for the indicator's name (it is not one of its measure words): corrected as a user would.
    const named = { 一般公共预算收入: { columns: { 3: { name: '一般公共预算收入' } } } };
    const run = (current: Grid, previous: Grid): CheckResult =>
      checkWorkbook({ grids: [current], overrides: named }, { previous: { grids: [previous], overrides: named }, only: [rule] });
    const previous = county('一般公共预算收入', '2025年1-2月', EARLIER, { growth: prevGrowth });
    const current = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE, { rankHeader: '增速位次' });
    expect(only(run(current, previous), rule).map((x) => x.cell)).toEqual([`D${countyRow('城步苗族自治县')}`]);
    const byGrowth = county('一般公共预算收入', '2025年1-2月', EARLIER, { growth: prevGrowth, rankHeader: '增速位次' });
    const byValue = county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE, { ranks: competition(COUNTY_VALUE), rankHeader: '总量位次' });
    const r = run(byValue, byGrowth);
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(0);
  });

  test('no rank last month for a region, or no rank column: nothing to compare', () => {
    const prevLines = lines(EARLIER, prevGrowth).map((l) => (l.name === '城步苗族自治县' ? { ...l, rank: '—' } : l));
    const r = check([county('一般公共预算收入', '2025年1-3月', COUNTY_VALUE)], [county('一般公共预算收入', '2025年1-2月', [], { lines: prevLines })], [rule]).zh;
    expect(r.issues).toEqual([]);
    expect(summaryOf(r, rule).items).toBe(11);
  });
});

// ---------------------------------------------------------------- robustness

const CELL: fc.Arbitrary<V> = fc.oneof(
  { arbitrary: fc.integer({ min: -1000, max: 400000 }), weight: 6 },
  { arbitrary: fc.double({ min: -100, max: 1e6, noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.constantFrom<V>(null, '—', '-', '…', '扭亏为盈', '#DIV/0!', '12.5', ''), weight: 1 },
);
const PERIODS = ['2025年1-2月', '2025年1-3月', '2025年3月', '2025年2月', '1-3月', '2024年1-12月', '2025年3月末', '上半年', '2025', ''];
const HEADERS = ['绝对额(万元)', '绝对额(亿元)', '增速(%)', '排名', '本月', '累计', '1-2月', '1-3月', '3月', '2月', '余额', '增速位次', '比上年增长(%)', ''];
const INDICATORS = ['一般公共预算收入', '社会消费品零售总额', '金融机构存款余额', '规模工业利润总额', ''];

interface RandomSheet {
  indicator: string;
  period: string;
  headers: string[];
  regions: string[];
  cells: V[][];
  merge: boolean;
}

/** Mostly the usual header (绝对额 | 增速 | 排名) and the same indicator on both sides, so that figures do get compared. */
const sheetArb = (indicator: string, usual: string[]): fc.Arbitrary<RandomSheet> =>
  fc.record({
    indicator: fc.oneof({ arbitrary: fc.constant(indicator), weight: 4 }, { arbitrary: fc.constantFrom(...INDICATORS), weight: 1 }),
    period: fc.oneof({ arbitrary: fc.constantFrom(...usual), weight: 3 }, { arbitrary: fc.constantFrom(...PERIODS), weight: 1 }),
    headers: fc.oneof(
      { arbitrary: fc.constant<string[]>(['绝对额(万元)', '增速(%)', '排名']), weight: 2 },
      { arbitrary: fc.constant<string[]>(['本月', '累计']), weight: 1 },
      { arbitrary: fc.array(fc.constantFrom(...HEADERS), { minLength: 1, maxLength: 4 }), weight: 2 },
    ),
    regions: fc.subarray(REGIONS, { minLength: 3, maxLength: 8 }),
    cells: fc.array(fc.array(CELL, { minLength: 4, maxLength: 4 }), { minLength: 8, maxLength: 8 }),
    merge: fc.boolean(),
  });

const pairArb = fc
  .constantFrom(...INDICATORS)
  .chain((indicator) => fc.tuple(fc.array(sheetArb(indicator, ['2025年1-3月', '2025年3月', '1-3月']), { minLength: 1, maxLength: 2 }), fc.array(sheetArb(indicator, ['2025年1-2月', '2025年2月', '1-2月']), { minLength: 1, maxLength: 2 })));

function randomSheet(s: RandomSheet): Grid {
  const width = s.headers.length + 1;
  const values: V[][] = [
    [`${s.period}各县市区${s.indicator}`, ...Array<V>(width - 1).fill(null)],
    Array<V>(width).fill(null),
    ['地  区', s.period, ...Array<V>(width - 2).fill(null)],
    [null, ...s.headers],
    ...s.regions.map((r, i) => [r, ...s.cells[i].slice(0, width - 1).map((v, c) => (/排名|位次/.test(s.headers[c]) && typeof v === 'number' ? (Math.abs(Math.round(v)) % s.regions.length) + 1 : v))]),
  ];
  const last = String.fromCharCode(64 + width);
  const merges = s.merge && width > 2 ? [`A1:${last}1`, 'A3:A4', `B3:${last}3`] : [];
  return gridFromValues(s.indicator || 'Sheet1', values, { merges });
}

describe('robustness', () => {
  test('random pairs of small county grids never make these rules throw', () => {
    fc.assert(
      fc.property(pairArb, ([now, before]) => {
        const grids = now.map(randomSheet);
        const prevGrids = before.map(randomSheet);
        const sheets = prepareSheets({ grids });
        const previous = prepareSheets({ grids: prevGrids });
        const ctx: CheckContext = { sheets, previous, settings: DEFAULT_SETTINGS, lang: 'zh-CN', period: reportPeriod(sheets) };
        for (const rule of PREVIOUS_RULES) {
          const out = {
            items: () => undefined,
            fail: (d: { sheet: string; cell: string; related?: { workbook?: string } }) => {
              expect(d.cell).toMatch(/^[A-Z]+\d+$/);
              expect(grids.map((g) => g.name)).toContain(d.sheet);
              expect(d.related).toBeDefined();
            },
          };
          expect(() => rule.run(ctx, out)).not.toThrow();
        }
        const r = checkWorkbook({ grids }, { previous: { grids: prevGrids }, only: PREVIOUS_IDS, lang: 'en-US' });
        expect(r.notes.filter((n) => /could not finish/.test(n))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
