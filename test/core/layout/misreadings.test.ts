/**
 * Layouts the real workbooks showed to be misread (issue 15), built here so the suite covers them
 * without ../shared: a balance beside its increment, development zones and 市辖区 among the counties,
 * item lists whose halves look like "其中" rows, later headings that look like a total, bilingual units,
 * continued yearbook tables.
 */
import { gridFromValues } from '../../../src/core/grid';
import type { Grid } from '../../../src/core/grid';
import { readSheet } from '../../../src/core/layout';
import type { IndicatorTable, TableRow } from '../../../src/core/layout';
import { summarize } from '../../../src/core/summarize';
import { planSummary } from '../../../src/core/summary';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { balanceSheet, countySheet } from '../../support/fixtures';

async function gridsOf(buffer: Buffer): Promise<Grid[]> {
  return (await readWorkbookBytes(buffer, 'fixture.xlsx')).grids();
}

function only(grid: Grid): IndicatorTable {
  const { tables } = readSheet(grid);
  expect(tables).toHaveLength(1);
  return tables[0];
}

const byName = (t: IndicatorTable, name: string): TableRow => {
  const r = t.rows.find((x) => x.name === name);
  if (!r) throw new Error(`no row ${name}: ${t.rows.map((x) => x.name).join(',')}`);
  return r;
};

describe('a balance beside its increment (3月末 | 比年初增减数 over a row of units)', () => {
  test('the unit row belongs to the header: B is the 3月末 balance, C the increment, both 亿元', async () => {
    const { buffer, truth } = await balanceSheet();
    const [grid] = await gridsOf(buffer);
    const t = only(grid);
    expect([t.headerTop, t.headerBottom]).toEqual([2, 3]);
    expect(t.columns.map((c) => [c.col, c.measure, c.unit, c.period])).toEqual([
      [1, 'value', '亿元', '3月末'],
      [2, 'increment', '亿元', null],
    ]);
    expect(t.columns.every((c) => c.indicator.name === truth.indicator)).toBe(true);
  });

  test('the summary shows the balances and ranks on them, never on the increment', async () => {
    const { buffer, truth } = await balanceSheet();
    const grids = await gridsOf(buffer);
    const [s] = summarize([readSheet(grids[0])], grids).tables;
    expect(s.rankBy).toBe('value');
    expect(s.total?.value).toBeCloseTo(truth.total.balance, 6);
    for (const r of truth.regions) {
      const row = s.rows.find((x) => x.row === r.row + 1)!;
      expect({ name: r.name, value: row.value, rank: row.rank }).toEqual({ name: r.name, value: r.balance, rank: r.rank });
    }
  });

  test.each([
    ['比上年末增减', 'increment'],
    ['比上月增减', 'increment'],
  ] as const)('%j over (亿元) is an increment', async (header, measure) => {
    const { buffer } = await balanceSheet({ incrementHeader: header });
    const [grid] = await gridsOf(buffer);
    expect(only(grid).columns[1].measure).toBe(measure);
  });
});

describe('development zones and 市辖区 are not peers of the 县市区', () => {
  test('市辖区 (its districts not listed) and a zone keep their figures but take no rank; the others rank 1..n', async () => {
    const { buffer, truth } = await balanceSheet({ zone: '安平经开区' });
    const grids = await gridsOf(buffer);
    const t = only(grids[0]);
    expect(byName(t, '市辖区')).toMatchObject({ role: 'peer', apart: 'districts' });
    expect(byName(t, '安平经开区')).toMatchObject({ role: 'peer', apart: 'zone', zone: true });
    const [s] = summarize([readSheet(grids[0])], grids).tables;
    expect(s.peers).toBe(9);
    expect(s.unranked.map((u) => [u.region, u.apart])).toEqual([
      ['市辖区', true],
      ['安平经开区', true],
    ]);
    const ranks = truth.regions.map((r) => [r.name, s.rows.find((x) => x.row === r.row + 1)!.rank]);
    expect(ranks).toEqual(truth.regions.map((r) => [r.name, r.rank]));
  });

  test('--zones-as-peers ranks them all; a 修正 override ranks one region or takes one out', async () => {
    const { buffer, truth } = await balanceSheet({ zone: '安平经开区' });
    const grids = await gridsOf(buffer);
    const all = summarize([readSheet(grids[0])], grids, { zonesAsPeers: true }).tables[0];
    expect(all.peers).toBe(11);
    expect(all.unranked).toEqual([]);
    const zoneRow = truth.regions.find((r) => r.apart === 'zone')!.row;
    const firstCounty = truth.regions.find((r) => !r.apart)!;
    const layout = readSheet(grids[0], { peers: { [zoneRow]: true, [firstCounty.row]: false } });
    const s = summarize([layout], grids).tables[0];
    expect(s.peers).toBe(9);
    expect(s.unranked.map((u) => u.region).sort()).toEqual(['市辖区', firstCounty.name].sort());
    expect(s.rows.find((r) => r.row === zoneRow + 1)!.rank).not.toBeNull();
  });

  test('a zone the sheet itself ranks stays a peer (the publisher ranked it)', async () => {
    const { buffer, truth } = await countySheet({ zones: ['安平经开区'], seed: 7 });
    const grids = await gridsOf(buffer);
    const layout = readSheet(grids[0]);
    const s = summarize([layout], grids).tables[0];
    expect(s.peers).toBe(truth.ranks.peers.length);
    expect(s.rankMismatches).toEqual([]);
  });

  test('the summary sheet lists them last with — for rank, footnotes why, and ranks the rest over one block (formulas)', async () => {
    const { buffer } = await balanceSheet({ zone: '安平经开区' });
    const grids = await gridsOf(buffer);
    const result = summarize([readSheet(grids[0])], grids);
    for (const mode of ['values', 'formulas'] as const) {
      const { plan } = planSummary(result, { lang: 'zh-CN', mode });
      const sheet = plan.sheets.find((p) => p.role === 'summary')!;
      const labels = sheet.cells.map((row) => row?.[0]?.value);
      const at = (name: string): number => labels.indexOf(name);
      expect(at('市辖区')).toBeGreaterThan(at('城步县'));
      expect(at('安平经开区')).toBeGreaterThan(at('城步县'));
      const texts = sheet.cells.flat().map((c) => (c && typeof c.value === 'string' ? c.value : ''));
      expect(texts.some((x) => /市辖区、安平经开区列出数据，不参与县市区排名/.test(x))).toBe(true);
      const row = sheet.cells[at('安平经开区')]!;
      expect(row.some((c) => c?.value === '—')).toBe(true);
      if (mode === 'formulas') {
        const formulas = sheet.cells.flat().map((c) => c?.formula ?? '').filter((f) => /RANK\(/.test(f));
        expect(formulas.length).toBe(9);
        // the range ends on the row above the first region set apart (A1 rows are 1-based: at() - 1 + 1)
        const last = at('市辖区');
        for (const f of formulas) expect(f).toMatch(new RegExp(`:[A-Z]+\\$${last},`));
      }
    }
  });
});

describe('item lists', () => {
  const retail = (): Grid =>
    gridFromValues(
      '贸易13',
      [
        ['社会消费品零售总额', null, null],
        [null, null, null],
        ['项  目', '1-3月', null],
        [null, '总额\n（亿元）', '增速\n（%）'],
        ['社会消费品零售总额(亿元)', 387.35, 5.8],
        ['   限额以上零售额', 178.71, 8.1],
        ['    其中：限额以上法人单位零售额', 148.09, 10.7],
        ['   限额以上法人：', null, null],
        ['     1、按地区分：城镇', 140.49, 10.55],
        ['                    其中：城区', 79.41, 10.71],
        ['                               乡村', 7.6, 14.6],
        ['     2、按行业分：', null, null],
        ['       批发和零售业', 136.02, 10.5],
      ],
      { merges: ['A1:C1', 'B3:C3', 'A3:A4'] },
    );

  test('乡村 under "其中：城区" is the other half of 城镇, not part of it (140.49 + 7.60 = 148.09)', () => {
    const t = only(retail());
    const town = t.rows.find((r) => /城镇/.test(r.name))!;
    expect(byName(t, '城区')).toMatchObject({ role: 'of-which', parent: town.row });
    expect(byName(t, '乡村')).toMatchObject({ role: 'item', level: town.level, parent: town.parent });
  });

  test('a whole that names both halves is their parent: 进出口 / 其中：出口 / 进口', () => {
    const t = only(
      gridFromValues('外贸15', [
        ['进出口', null, null],
        ['指标', '1-3月', '增速(%)'],
        ['进出口总额(亿元)', 30.1, 5.2],
        ['  其中：出口', 20.3, 6.1],
        ['        进口', 9.8, 3.3],
        ['外商直接投资(万美元)', 326.8, 12.1],
      ]),
    );
    const whole = t.rows.find((r) => /进出口/.test(r.name))!;
    expect(byName(t, '进口')).toMatchObject({ role: 'of-which', parent: whole.row });
  });

  test('"二、规模工业增加值" after "一、工业总产值" is a heading, not the total of a list of %, 人 and 亿元', () => {
    const t = only(
      gridFromValues('工业7', [
        ['规模工业增加值', null, null],
        [null, null, null],
        ['指标', '1-3月', null],
        [null, '绝对额（亿元）', '增速（%）'],
        ['一、工业总产值（现价）', null, null],
        ['1.规模工业总产值', null, 7.6],
        ['二、规模工业增加值', null, 8.8],
        ['  工业产品销售产值（现价）', 525.3, 8.1],
        ['规模工业经济效益指标（上月数据）', null, null],
        ['   亏损面（%）', 4.62, -6.48],
        ['   营业收入', 324.78, 11.8],
        ['   从业人员平均人数（人）', 184868, 0.58],
      ]),
    );
    expect(t.rows.filter((r) => r.role === 'total')).toEqual([]);
  });
});

describe('names and units of yearbook tables', () => {
  test('a bilingual header gives the Chinese unit (元, not yuan); an index (上年=100) has no unit', () => {
    const t = only(
      gridFromValues(
        '2-6',
        [
          ['2-6  各市地区生产总值', null, null],
          ['地   区', '人均地区生产总值(元)\nPer Capita GDP (yuan)', null],
          [null, 2022, '2022年为\n2021年%\n2021=100'],
          ['全    省', 86003, 103.9],
          ['济南市', 126000, 103.1],
          ['青岛市', 144000, 103.9],
          ['淄博市', 92000, 104.2],
        ],
        { merges: ['A1:C1', 'B2:C2', 'A2:A3'] },
      ),
    );
    expect(t.columns.map((c) => [c.measure, c.unit])).toEqual([
      ['value', '元'],
      ['index', null],
    ]);
  });

  test('the peer words and the yearbook number belong to the title, not the indicator: 2-7 各市(州)地区生产总值', () => {
    const t = only(
      gridFromValues('Sheet1', [
        ['2-7 各市(州)地区生产总值', null, null],
        ['单位:亿元', null, null],
        ['市(州)', '2021', '2022'],
        ['全省', 54087.98, 56749.81],
        ['成都市', 19962.31, 20817.5],
        ['自贡市', 1595.86, 1638.42],
        ['攀枝花市', 1133.02, 1220.52],
      ]),
    );
    expect(t.title).toBe('2-7 各市(州)地区生产总值');
    expect(new Set(t.columns.map((c) => c.indicator.name))).toEqual(new Set(['地区生产总值']));
  });

  test('a continued table ("2-12 续表 1 continued") carries the title of the table it continues', () => {
    const block = (title: string, indicator: string): (string | number | null)[][] => [
      [title, null, null],
      ['本表按当年价格计算,单位:亿元', null, null],
      ['地区', indicator, null],
      [null, '2021', '2022'],
      ['南京市', 1000.5, 1100.25],
      ['无锡市', 900.5, 950.75],
      ['徐州市', 800.5, 850.5],
      [null, null, null],
      [null, null, null],
    ];
    const grid = gridFromValues('Sheet1', [...block('2-12 分市地区生产总值', '地区生产总值'), ...block('2-12 续表 1 continued', '第一产业增加值')]);
    const { tables } = readSheet(grid);
    expect(tables.map((t) => t.title)).toEqual(['2-12 分市地区生产总值', '2-12 分市地区生产总值（续表1）']);
    expect(tables[1].columns[0].indicator.name).toBe('第一产业增加值');
  });
});
