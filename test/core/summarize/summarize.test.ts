import { gridFromValues } from '../../../src/core/grid';
import type { Grid } from '../../../src/core/grid';
import { readSheet, readWorkbook, SheetCells } from '../../../src/core/layout';
import { summarize, summarizeTables } from '../../../src/core/summarize';
import type { SummarizeOptions, SummaryRow, SummaryTable } from '../../../src/core/summarize';
import { COUNTY_GROWTH, COUNTY_RANK, COUNTY_VALUE, SHAOYANG_COUNTIES, TOTAL_VALUE, countyLines, countySheet } from '../layout/sheets';
import type { V } from '../layout/sheets';

/** Summaries of one grid. */
function summaryOf(grid: Grid, options?: SummarizeOptions): SummaryTable[] {
  return summarize([readSheet(grid)], [grid], options).tables;
}

function only(grid: Grid, options?: SummarizeOptions): SummaryTable {
  const tables = summaryOf(grid, options);
  expect(tables).toHaveLength(1);
  return tables[0];
}

function byRegion(t: SummaryTable): Map<string, SummaryRow> {
  return new Map(t.rows.map((r) => [r.region, r]));
}

/**
 * 全市 and five counties; growth shown with one decimal ("0.0_ "):
 *   甲县 9.66 and 乙县 9.7 both show 9.7; 丁县 6.35 shows 6.4; the total 6.305 shows 6.3;
 *   戊县 has "—" for growth.
 */
function tieGrid(ranks: V[] = [2, 2, 1, 4, null]): Grid {
  const values: V[][] = [
    ['2025年1-3月各县市区地区生产总值', null, null, null],
    ['地区', '绝对额(亿元)', '增速(%)', '排名'],
    ['全市', 1000, 6.305, null],
    ['甲县', 300, 9.66, ranks[0]],
    ['乙县', 250, 9.7, ranks[1]],
    ['丙县', 200, 12.1, ranks[2]],
    ['丁县', 150, 6.35, ranks[3]],
    ['戊县', 100, '—', ranks[4]],
  ];
  const formats = values.map((_, i) => (i >= 2 ? [undefined, '0.00_ ', '0.0_ ', '0_ '] : []));
  return gridFromValues('地区生产总值', values, { formats, merges: ['A1:D1'] });
}

describe('summarize: ranks on the displayed growth', () => {
  test('9.66 and 9.7 both show 9.7 and share a rank (competition: 1, 2, 2, 4)', () => {
    const t = only(tieGrid());
    expect(t.rankBy).toBe('growth');
    expect(t.ties).toBe('competition');
    const r = byRegion(t);
    expect(r.get('甲县')).toMatchObject({ growth: 9.66, growthShown: 9.7, growthSource: 'published', rank: 2, tied: true });
    expect(r.get('乙县')).toMatchObject({ growth: 9.7, growthShown: 9.7, rank: 2, tied: true });
    expect(r.get('丙县')).toMatchObject({ rank: 1, tied: false });
    expect(r.get('丁县')).toMatchObject({ growthShown: 6.4, rank: 4, tied: false });
    expect(t.peers).toBe(4);
    expect(t.rows.map((x) => x.fromBottom)).toEqual([2, 2, 4, 1, null]);
  });

  test('dense ranking (中国式排名): 1, 2, 2, 3', () => {
    const t = only(tieGrid([2, 2, 1, 3, null]), { ties: 'dense' });
    expect(t.ties).toBe('dense');
    expect(t.rows.map((x) => [x.region, x.rank])).toEqual([
      ['甲县', 2],
      ['乙县', 2],
      ['丙县', 1],
      ['丁县', 3],
      ['戊县', null],
    ]);
    expect(t.rankMismatches).toEqual([]);
  });

  test('ascending ranks when lower is better', () => {
    const t = only(tieGrid(), { ascending: true });
    expect(t.rows.map((x) => x.rank)).toEqual([2, 2, 4, 1, null]);
  });

  test('the total and the region without a figure take no rank; "—" is listed in unranked', () => {
    const t = only(tieGrid());
    expect(t.rows.map((x) => x.region)).toEqual(['甲县', '乙县', '丙县', '丁县', '戊县']);
    expect(byRegion(t).get('戊县')).toMatchObject({ growth: null, growthShown: null, rank: null, tied: false, fromBottom: null });
    expect(t.unranked).toEqual([{ region: '戊县', row: 8, why: expect.any(String) }]);
    expect(t.total).toEqual({ name: '全市', row: 3, value: 1000, growth: 6.3 });
  });

  test('published ranks that agree are not reported; one that differs is', () => {
    expect(only(tieGrid()).rankMismatches).toEqual([]);
    const t = only(tieGrid([2, 3, 1, 4, null]));
    expect(t.rankMismatches).toEqual([{ region: '乙县', row: 5, published: 3, computed: 2 }]);
    expect(byRegion(t).get('乙县')?.publishedRank).toBe(3);
  });

  test('ranking by value (总量位次)', () => {
    const t = only(tieGrid(), { rankBy: 'value' });
    expect(t.rankBy).toBe('value');
    expect(t.rows.map((x) => [x.region, x.value, x.rank])).toEqual([
      ['甲县', 300, 1],
      ['乙县', 250, 2],
      ['丙县', 200, 3],
      ['丁县', 150, 4],
      ['戊县', 100, 5],
    ]);
    expect(t.peers).toBe(5);
    expect(t.unranked).toEqual([]);
  });
});

describe('summarize: points against the total and shares', () => {
  test('points vs the total come from displayed figures (6.35 → 6.4 minus 6.305 → 6.3 = 0.1)', () => {
    const r = byRegion(only(tieGrid()));
    expect(r.get('丁县')?.pointsVsTotal).toBe(0.1);
    expect(r.get('甲县')?.pointsVsTotal).toBe(3.4);
    expect(r.get('乙县')?.pointsVsTotal).toBe(3.4);
    expect(r.get('丙县')?.pointsVsTotal).toBe(5.8);
    expect(r.get('戊县')?.pointsVsTotal).toBeNull();
  });

  test('share of the total value, also for a region without growth', () => {
    const r = byRegion(only(tieGrid()));
    expect(r.get('甲县')?.share).toBeCloseTo(30, 10);
    expect(r.get('丁县')?.share).toBeCloseTo(15, 10);
    expect(r.get('戊县')?.share).toBeCloseTo(10, 10);
  });

  test('per-capita values are not shares of the total', () => {
    const values: V[][] = [
      ['城镇居民人均可支配收入', null, null],
      ['地区', '绝对额(元)', '增速(%)'],
      ['全市', 40000, 5.1],
      ['甲县', 42000, 5.5],
      ['乙县', 38000, 4.8],
    ];
    const t = only(gridFromValues('人均', values, { merges: ['A1:C1'] }));
    expect(t.rows.map((x) => x.share)).toEqual([null, null]);
    expect(t.rows.map((x) => x.rank)).toEqual([1, 2]);
  });
});

describe('summarize: where growth comes from', () => {
  test('values for two years and no growth column: growth computed (growthSource "computed")', () => {
    const values: V[][] = [
      ['各县市区地区生产总值', null, null],
      ['地区', '2024年', '2025年'],
      ['全市', 1000, 1100],
      ['甲县', 400, 450],
      ['乙县', 300, 320],
      ['丙县', 300, 330],
    ];
    const t = only(gridFromValues('两年', values, { merges: ['A1:C1'] }));
    expect(t.rankBy).toBe('growth');
    const r = byRegion(t);
    expect(r.get('甲县')).toMatchObject({ value: 450, growth: 12.5, growthShown: 12.5, growthSource: 'computed', rank: 1 });
    expect(r.get('乙县')).toMatchObject({ growthShown: 6.7, growthSource: 'computed', rank: 3 });
    expect(r.get('乙县')?.growth).toBeCloseTo(6.6667, 4);
    expect(r.get('丙县')).toMatchObject({ growth: 10, growthSource: 'computed', rank: 2 });
    expect(t.total).toEqual({ name: '全市', row: 3, value: 1100, growth: 10 });
    expect(r.get('甲县')?.pointsVsTotal).toBe(2.5);
    expect(t.period).toBe('2025');
  });

  test('an index column (上年=100) gives growth = index − 100 (growthSource "index")', () => {
    const grid = gridFromValues(
      '2-6',
      [
        ['2-6 各市地区生产总值', null, null],
        ['地区', '地区生产总值', null],
        [null, '2022年\n(亿元)', '2022年为\n2021年%\n2021=100'],
        ['全省', 1000, 105.2],
        ['甲市', 400, 106.1],
        ['乙市', 300, 103.4],
        ['丙市', 300, 104.8],
      ],
      {
        merges: ['A1:C1', 'A2:A3', 'B2:C2'],
        formats: [[], [], [], [undefined, '0_ ', '0.0_ '], [undefined, '0_ ', '0.0_ '], [undefined, '0_ ', '0.0_ '], [undefined, '0_ ', '0.0_ ']],
      },
    );
    const t = only(grid);
    expect(t.indicator).toBe('地区生产总值');
    expect(t.rankBy).toBe('growth');
    const r = byRegion(t);
    expect(r.get('甲市')).toMatchObject({ growthShown: 6.1, growthSource: 'index', rank: 1 });
    expect(r.get('甲市')?.growth).toBeCloseTo(6.1, 10);
    expect(r.get('乙市')).toMatchObject({ growthShown: 3.4, growthSource: 'index', rank: 3 });
    expect(r.get('丙市')).toMatchObject({ growthShown: 4.8, growthSource: 'index', rank: 2 });
    expect(t.total?.growth).toBe(5.2);
    expect(r.get('甲市')?.pointsVsTotal).toBe(0.9);
    expect(r.get('乙市')?.share).toBeCloseTo(30, 10);
  });

  test('no growth at all: ranked by value', () => {
    const values: V[][] = [
      ['各县市区常住人口', null],
      ['地区', '常住人口(万人)'],
      ['全市', 100],
      ['甲县', 60],
      ['乙县', 40],
    ];
    const t = only(gridFromValues('人口', values, { merges: ['A1:B1'] }));
    expect(t.rankBy).toBe('value');
    expect(t.rows.map((x) => [x.region, x.growthSource, x.rank])).toEqual([
      ['甲县', null, 1],
      ['乙县', null, 2],
    ]);
  });
});

describe('summarize: the 邵阳 county sheet', () => {
  const grid = countySheet();
  const t = only(grid);

  test('indicator, period, unit, total and 12 peers in sheet order', () => {
    expect(t.sheet).toBe('一般公共预算收入');
    expect(t.range).toBe('A3:D17');
    expect(t.period).toBe('2025年1-3月');
    expect(t.unit).toBe('万元');
    expect(t.peers).toBe(12);
    expect(t.total).toEqual({ name: '全市', row: 5, value: TOTAL_VALUE, growth: 7.4 });
    expect(t.rows.map((r) => r.region)).toEqual([...SHAOYANG_COUNTIES]);
    expect(t.rows.map((r) => r.row)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  test('computed ranks equal the published ones; values and growth as written', () => {
    expect(t.rows.map((r) => r.rank)).toEqual(COUNTY_RANK);
    expect(t.rows.map((r) => r.publishedRank)).toEqual(COUNTY_RANK);
    expect(t.rankMismatches).toEqual([]);
    expect(t.unranked).toEqual([]);
    expect(t.rows.map((r) => r.value)).toEqual(COUNTY_VALUE);
    expect(t.rows.map((r) => r.growthShown)).toEqual(COUNTY_GROWTH);
    expect(byRegion(t).get('邵东市')).toMatchObject({ key: '邵东', rank: 1, fromBottom: 12, pointsVsTotal: 2.9 });
  });

  test('shares of the total add up to 100', () => {
    const sum = t.rows.reduce((a, r) => a + (r.share ?? 0), 0);
    expect(sum).toBeCloseTo(100, 9);
  });

  test('items sheets and tables without peers are not summarized; unknown sheets are skipped', () => {
    const items = gridFromValues(
      '财政',
      [
        ['一般公共预算收入', null, null],
        ['项目', '绝对额(万元)', '增长(%)'],
        ['一般公共预算收入', 520000, 8.5],
        ['一、税收收入', 360000, 9.2],
        ['二、非税收入', 160000, 6.8],
      ],
      { merges: ['A1:C1'] },
    );
    expect(summaryOf(items)).toEqual([]);
    expect(summarize([readSheet(grid)], [], {}).tables).toEqual([]);
  });
});

describe('summarize on figures already read', () => {
  test('SheetCells in place of grids give the same result', () => {
    const grids = [countySheet(), countySheet({ name: '另一张', lines: countyLines().map((l, i) => ({ ...l, growth: i % 3 ? l.growth : '—' })) })];
    const layouts = readWorkbook(grids);
    const cells = grids.map((g) => new SheetCells(g));
    expect(summarize(layouts, cells)).toEqual(summarize(layouts, grids));
    expect(summarize(layouts, cells, { ties: 'dense', rankBy: 'value' })).toEqual(summarize(layouts, grids, { ties: 'dense', rankBy: 'value' }));
  });
});

describe('summarizeTables', () => {
  test('the same tables as summarize, one at a time', () => {
    const grids = [countySheet(), tieGrid()];
    const layouts = readWorkbook(grids);
    const all = summarize(layouts, grids);
    expect(all.tables.length).toBeGreaterThan(1);
    const lazy = summarizeTables(layouts, grids);
    const first = lazy.next();
    expect(first.value).toEqual(all.tables[0]);
    expect([first.value, ...lazy]).toEqual(all.tables);
  });

  test('only when asked for: a sheet dropped after the first table is never summarised', () => {
    const grids = [countySheet(), tieGrid()];
    const layouts = readWorkbook(grids);
    const fromFirstSheet = summarize(layouts.slice(0, 1), grids).tables;
    const lazy = summarizeTables(layouts, grids);
    const first = lazy.next().value;
    layouts.length = 1;
    expect([first, ...lazy]).toEqual(fromFirstSheet);
  });
});
