/**
 * Issue 17, part 3: cumulatives within one workbook, without --previous. A table with 1-2月 beside 1-3月
 * (and the month 3月), and a chart-data table of cumulative periods down its lines (邵阳 81图5: 1-2月
 * 5,381.6, then 1-3月 1,055.5). Balances and rates are not flows and are never compared.
 */
import { checkWorkbook } from '../../../src/core/check';
import type { Finding, RuleId } from '../../../src/core/check';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';

const findings = (grids: Grid[], rule: RuleId): Finding[] => checkWorkbook({ grids }, { only: [rule] }).issues;
const items = (grids: Grid[], rule: RuleId): number => checkWorkbook({ grids }, { only: [rule] }).summary.find((s) => s.rule === rule)!.items;

/** 固定资产投资 by county: 1-2月 | 1-3月 | 3月 (万元). */
function sideBySide(name: string, change?: { row: number; col: number; value: number }): Grid {
  const rows: (string | number | null)[][] = [
    [`2025年${name}`, null, null, null],
    ['地区', '1-2月(万元)', '1-3月(万元)', '3月(万元)'],
    ['全市', 300, 460, 160],
    ['东平区', 100, 150, 50],
    ['西岭县', 120, 190, 70],
    ['南湖县', 80, 120, 40],
  ];
  if (change) rows[change.row][change.col] = change.value;
  return gridFromValues(name, rows, { formats: rows.map((_, r) => (r >= 2 ? [undefined, '0', '0', '0'] : [])) });
}

describe('cumulatives side by side in one table', () => {
  test('a clean table gives nothing, and is compared (no --previous needed)', () => {
    expect(findings([sideBySide('固定资产投资')], 'cumulative-decrease')).toEqual([]);
    expect(items([sideBySide('固定资产投资')], 'cumulative-decrease')).toBe(4);
    expect(findings([sideBySide('固定资产投资')], 'month-mismatch')).toEqual([]);
    expect(items([sideBySide('固定资产投资')], 'month-mismatch')).toBe(4);
  });

  test("a county's 1-3月 below its 1-2月 is an error at the 1-3月 cell, pointing at the 1-2月 beside it", () => {
    const f = findings([sideBySide('固定资产投资', { row: 4, col: 2, value: 110 })], 'cumulative-decrease');
    expect(f).toEqual([
      expect.objectContaining({
        cell: 'C5',
        severity: 'error',
        actual: 110,
        expected: 120,
        related: { sheet: '固定资产投资', cell: 'B5' },
        message: '「固定资产投资」西岭县 1-3月累计 110万元 小于本表 1-2月累计 120万元，减少 10（容差 ±1），累计值不应减少',
      }),
    ]);
  });

  test('3月 must equal 1-3月 less 1-2月 of the same table', () => {
    const f = findings([sideBySide('固定资产投资', { row: 3, col: 3, value: 55 })], 'month-mismatch');
    expect(f).toEqual([expect.objectContaining({ cell: 'D4', actual: 55, expected: 50 })]);
  });

  test('balances are stocks: a 3月末 below the 2月末 is no finding', () => {
    const g = gridFromValues('存款', [
      ['金融机构存款余额(亿元)', null, null],
      ['地区', '2月末', '3月末'],
      ['全市', 5100, 5084],
      ['东平区', 1200, 1190],
      ['西岭县', 900, 910],
    ]);
    expect(findings([g], 'cumulative-decrease')).toEqual([]);
  });
});

describe('cumulative periods down a table (chart data)', () => {
  const chart = (march: number): Grid =>
    gridFromValues(
      '81图5',
      [
        ['湖南省一般公共预算收入及增速', null, null, null],
        ['年份', null, '绝对额', '增速'],
        ['2021年', '1-10月', 4087.8, 14.7],
        [null, '1-11月', 4564.5, 12.8],
        [null, '1-12月', 4867.3, 11.0],
        ['2022年', '1-2月', 538.2, 8.8],
        [null, '1-3月', march, 8.3],
        [null, '1-4月', 1511.4, 5.1],
      ],
      { merges: ['A1:D1'], formats: Array.from({ length: 8 }, (_, r) => (r >= 2 ? [undefined, undefined, '0.0', '0.0'] : [])) },
    );

  test('within a year each cumulative is at least the one before; a new year starts again', () => {
    expect(findings([chart(1055.5)], 'cumulative-decrease')).toEqual([]);
    expect(items([chart(1055.5)], 'cumulative-decrease')).toBe(4); // 1-10→1-11→1-12, 1-2→1-3→1-4; 1-12月 → 1-2月 is a new year
  });

  test('a year that starts later in the year (2021 ends at 1-3月, 2022 begins at 1-4月) is not compared across years', () => {
    const g = gridFromValues('图6', [
      ['一般公共预算收入', null, null, null],
      ['年份', null, '绝对额', '增速'],
      ['2021年', '1-2月', 700.5, 8.0],
      [null, '1-3月', 1100.2, 7.5],
      ['2022年', '1-4月', 900.4, 5.1],
      [null, '1-5月', 1200.8, 4.0],
    ]);
    expect(findings([g], 'cumulative-decrease')).toEqual([]);
    expect(items([g], 'cumulative-decrease')).toBe(2);
  });

  test('1-3月 2022 below 1-2月 2022 is found, with the year', () => {
    expect(findings([chart(455.5)], 'cumulative-decrease')).toEqual([
      expect.objectContaining({ cell: 'C7', actual: 455.5, expected: 538.2, related: { sheet: '81图5', cell: 'C6' }, message: expect.stringContaining('2022年1-3月累计 455.5 小于本表 2022年1-2月累计 538.2') }),
    ]);
  });
});
