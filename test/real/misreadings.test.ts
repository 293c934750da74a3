/**
 * The misreadings issue 15 found on the published workbooks, pinned on the workbooks themselves
 * (the same layouts, built, are in test/core/layout/misreadings.test.ts).
 */
import type { Grid } from '../../src/core/grid';
import type { IndicatorTable, SheetLayout } from '../../src/core/layout';
import { readWorkbook } from '../../src/core/layout';
import { summarize } from '../../src/core/summarize';
import { planSummary } from '../../src/core/summary';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

async function read(file: string): Promise<{ layouts: SheetLayout[]; grids: Grid[] }> {
  const grids = (await readWorkbookFile(file)).grids();
  return { layouts: readWorkbook(grids), grids };
}

function tableOf(layouts: SheetLayout[], sheet: string): IndicatorTable {
  const l = layouts.find((x) => x.sheet.trim() === sheet);
  if (!l || l.tables.length !== 1) throw new Error(`${sheet}: ${l ? l.tables.length : 'no'} tables`);
  return l.tables[0];
}

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let layouts: SheetLayout[];
  let grids: Grid[];
  beforeAll(async () => ({ layouts, grids } = await read(file)));

  test.each([
    ['52综研室1', '金融机构本外币存款余额', 5084.58, 266.0],
    ['53综研室2', '金融机构本外币贷款余额', 3275.79, 177.9],
  ])('%s: 3月末 is the balance of %s (全市 %d), 比年初增减数 its increment (%d), and the ranks are on the balance', (sheet, indicator, balance, increment) => {
    const t = tableOf(layouts, sheet);
    expect(t.columns.map((c) => [c.indicator.name, c.measure, c.unit, c.period])).toEqual([
      [indicator, 'value', '亿元', '3月末'],
      [indicator, 'increment', '亿元', null],
    ]);
    const s = summarize(layouts, grids).tables.find((x) => x.sheet === sheet)!;
    expect(s.rankBy).toBe('value');
    expect(s.total?.value).toBeCloseTo(balance, 2);
    const inc = grids.find((g) => g.name === sheet)!.rows[4]![2]!.value as number;
    expect(inc).toBeCloseTo(increment, 2);
    // 市辖区 stands for 双清, 大祥, 北塔: listed, not ranked among the 9 counties and cities
    expect(s.peers).toBe(9);
    expect(s.unranked).toEqual([expect.objectContaining({ region: '市辖区', apart: true })]);
    const byRank = s.rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(byRank[0].region).toBe('邵东市');
  });

  test('主要指标汇总表 shows the balances, not the increments, with 总量 ranks', () => {
    const result = summarize(layouts, grids);
    const { plan } = planSummary(result, { lang: 'zh-CN' });
    const values = plan.sheets.filter((p) => p.role === 'summary').flatMap((p) => p.cells.flat().map((c) => c?.value));
    const near = (x: number): boolean => values.some((v) => typeof v === 'number' && Math.abs(v - x) < 0.005);
    expect(near(5084.58)).toBe(true);
    expect(near(3275.79)).toBe(true);
    expect(near(266.0)).toBe(false);
    expect(near(177.9)).toBe(false);
  });

  test('43贸外处2: 邵阳经开区 is listed but not ranked; the ranks are among the 12 县市区 and the footnote says so', () => {
    const t = tableOf(layouts, '43贸外处2');
    expect(t.rows.find((r) => r.name === '邵阳经开区')).toMatchObject({ role: 'peer', zone: true, apart: 'zone' });
    const result = summarize(layouts, grids);
    const s = result.tables.find((x) => x.sheet.trim() === '43贸外处2')!;
    expect(s.peers).toBe(12);
    expect(s.rows.find((r) => r.region === '邵阳经开区')).toMatchObject({ rank: null, apart: true, value: 162 });
    expect(s.rows.filter((r) => r.rank === 1).map((r) => r.region)).toEqual(['城步']);
    const { plan } = planSummary(result, { lang: 'zh-CN' });
    const texts = plan.sheets.flatMap((p) => p.cells.flat().map((c) => (typeof c?.value === 'string' ? c.value : '')));
    expect(texts.some((x) => /位次为在12个县市区中的排名/.test(x))).toBe(true);
    expect(texts.some((x) => /邵阳经开区.*列出数据，不参与县市区排名/.test(x))).toBe(true);
    expect(texts.some((x) => /在13个县市区中/.test(x))).toBe(false);
  });

  test('--zones-as-peers puts 邵阳经开区 back among the peers (13)', () => {
    const s = summarize(layouts, grids, { zonesAsPeers: true }).tables.find((x) => x.sheet.trim() === '43贸外处2')!;
    expect(s.peers).toBe(13);
    expect(s.rows.find((r) => r.region === '邵阳经开区')!.rank).toBe(1);
  });

  test('贸易13: 乡村 is the peer of 城镇 (140.49 + 7.60 = 148.09), 城区 part of 城镇', () => {
    const t = tableOf(layouts, '贸易13');
    const town = t.rows.find((r) => /城镇/.test(r.name))!;
    expect(t.rows.find((r) => r.name === '城区')).toMatchObject({ role: 'of-which', parent: town.row });
    expect(t.rows.find((r) => r.name === '乡村')).toMatchObject({ role: 'item', parent: town.parent, level: town.level });
  });

  test('工业7: no total ("二、规模工业增加值" heads a list mixing %, 人 and 亿元)', () => {
    const t = tableOf(layouts, '工业7');
    expect(t.rows.filter((r) => r.role === 'total')).toEqual([]);
    expect(t.rows.find((r) => r.name === '二、规模工业增加值')?.role).toBe('item');
  });
});

describeReal('shandong-yearbook-2022-cities-gdp.xlsx', (file) => {
  test('per-capita GDP is in 元 (the Chinese unit of a bilingual header), its 上年=100 index has no unit', async () => {
    const { layouts } = await read(file);
    const cols = layouts[0].tables[0].columns.filter((c) => c.indicator.name === '人均地区生产总值');
    expect(cols.map((c) => [c.measure, c.unit])).toEqual([
      ['value', '元'],
      ['index', null],
      ['value', '元'],
      ['index', null],
    ]);
    expect(layouts[0].tables[0].columns.filter((c) => c.measure === 'index').every((c) => c.unit === null)).toBe(true);
  });
});

describeReal('sichuan-yearbook-cities-gdp.xlsx', (file) => {
  test('the indicator is 地区生产总值; 各市(州) and the number 2-7 stay in the title', async () => {
    const { layouts } = await read(file);
    const t = layouts[0].tables[0];
    expect(t.title).toBe('2-7 各市(州)地区生产总值');
    expect([...new Set(t.columns.map((c) => c.indicator.name))]).toEqual(['地区生产总值']);
  });
});

describeReal('jiangsu-yearbook-2023-cities-gdp.xlsx', (file) => {
  test('continued tables carry the title of 2-12 (续表1 … 续表5), each with its own indicator', async () => {
    const { layouts } = await read(file);
    const tables = layouts[0].tables;
    expect(tables.map((t) => t.title)).toEqual([
      '2-12 分市地区生产总值',
      ...[1, 2, 3, 4, 5].map((n) => `2-12 分市地区生产总值（续表${n}）`),
    ]);
    expect(tables.map((t) => t.columns[0].indicator.name)).toEqual(['地区生产总值', '第一产业增加值', '第二产业增加值', '第三产业增加值', '全部工业增加值', '人均地区生产总值']);
  });
});
