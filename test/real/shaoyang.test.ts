import type { Grid } from '../../src/core/grid';
import type { IndicatorTable, SheetLayout } from '../../src/core/layout';
import { readWorkbook } from '../../src/core/layout';
import type { SummaryResult } from '../../src/core/summarize';
import { summarize } from '../../src/core/summarize';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

const COUNTIES = ['双清', '大祥', '北塔', '新邵', '邵阳县', '隆回', '洞口', '绥宁', '新宁', '城步', '武冈', '邵东'];

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let grids: Grid[];
  let layouts: SheetLayout[];
  let competition: SummaryResult;
  let dense: SummaryResult;
  beforeAll(async () => {
    grids = (await readWorkbookFile(file)).grids();
    layouts = readWorkbook(grids);
    competition = summarize(layouts, grids);
    dense = summarize(layouts, grids, { ties: 'dense' });
  });

  const rankedSheets = (): { layout: SheetLayout; table: IndicatorTable }[] =>
    layouts.flatMap((l) => l.tables.filter((t) => t.columns.some((c) => c.measure === 'rank')).map((table) => ({ layout: l, table })));

  test('finds every county sheet that publishes a 排名 column (16 of them)', () => {
    expect(rankedSheets().map((x) => x.layout.sheet.trim())).toEqual([
      '23核算处1', '30工业处1', '工业处2', '33投资处1', '35投资处4', '36投资处5', '37投资处6', '38投资处7',
      '42贸外处1', '45贸外处4', '46贸外处5', '全体收入49', '城镇收入50', '农村收入51', '54综研室3', '55综研室4',
    ]);
  });

  test('each ranked sheet has the 全市 total, the 12 counties as peers, and value/growth/rank columns', () => {
    for (const { layout, table } of rankedSheets()) {
      const total = table.rows.filter((r) => r.role === 'total');
      expect({ sheet: layout.sheet, total: total.map((r) => r.name) }).toEqual({ sheet: layout.sheet, total: ['全市'] });
      const peers = table.rows.filter((r) => r.role === 'peer').map((r) => r.name);
      expect({ sheet: layout.sheet, peers: [...peers].sort() }).toEqual({ sheet: layout.sheet, peers: [...COUNTIES].sort() });
      const measures = table.columns.map((c) => c.measure);
      expect(measures).toContain('growth');
      expect(measures).toContain('rank');
      expect(table.shape).toBe('regions');
    }
  });

  test('the computed ranks equal the published ranks in every sheet (competition ties on one decimal)', () => {
    const ranked = competition.tables.filter((t) => t.rows.some((r) => r.publishedRank !== null));
    expect(ranked).toHaveLength(16);
    for (const t of ranked) {
      expect({ sheet: t.sheet, mismatches: t.rankMismatches }).toEqual({ sheet: t.sheet, mismatches: [] });
      expect(t.peers).toBe(12);
      expect(t.rankBy).toBe('growth');
    }
  });

  test('ties are taken on the displayed figure: 洞口 6.58 and 城步 6.61 both show 6.6 and share 3rd place', () => {
    const t = competition.tables.find((x) => x.sheet === '42贸外处1')!;
    const byName = new Map(t.rows.map((r) => [r.region, r]));
    expect(byName.get('洞口')).toMatchObject({ growthShown: 6.6, rank: 3, tied: true, publishedRank: 3 });
    expect(byName.get('城步')).toMatchObject({ growthShown: 6.6, rank: 3, tied: true, publishedRank: 3 });
    expect(byName.get('新邵')).toMatchObject({ rank: 5 });
    expect(byName.get('邵阳县')).toMatchObject({ growthShown: 4.2, rank: 12, fromBottom: 1 });
    // Dense ranking closes the gap after a tie.
    const d = dense.tables.find((x) => x.sheet === '42贸外处1')!;
    expect(d.rows.find((r) => r.region === '新邵')!.rank).toBe(4);
  });

  test('points against the total are taken from the displayed growth (全市 5.8)', () => {
    const t = competition.tables.find((x) => x.sheet === '42贸外处1')!;
    expect(t.total).toMatchObject({ name: '全市', growth: 5.8 });
    expect(t.rows.find((r) => r.region === '邵东')!.pointsVsTotal).toBe(1.1);
    expect(t.rows.find((r) => r.region === '北塔')!.pointsVsTotal).toBe(0);
  });

  test('units and periods come from the header text', () => {
    const t = layouts.find((l) => l.sheet === '23核算处1')!.tables[0];
    expect(t.range).toBe('A3:D17');
    expect(t.period).toBe('2025年1-3月');
    expect(t.columns.map((c) => [c.measure, c.unit])).toEqual([
      ['value', '万元'],
      ['growth', '%'],
      ['rank', null],
    ]);
    const income = layouts.find((l) => l.sheet === '全体收入49')!.tables[0];
    expect(income.columns[0].indicator.additive).toBe(false); // per-capita income does not add up
  });

  test('cells outside the table are reported, not read', () => {
    const l = layouts.find((x) => x.sheet === '54综研室3')!;
    expect(l.ignored.map((i) => i.cell)).toEqual(expect.arrayContaining(['E5:E17', 'B22:B24']));
    const trade = layouts.find((x) => x.sheet === '45贸外处4')!;
    expect(trade.ignored.map((i) => i.cell)).toEqual(expect.arrayContaining(['E18:E22', 'F18:F22']));
    // The five provincial regions under the counties are groups, not peers.
    expect(trade.tables[0].rows.filter((r) => r.role === 'subtotal').map((r) => r.name)).toEqual(['长株潭地区', '环长株潭城市群', '湘南地区', '大湘西地区', '洞庭湖地区']);
  });

  test('item sheets are read as item lists with their "其中" rows', () => {
    const fiscal = layouts.find((l) => l.sheet === '财政19')!.tables[0];
    expect(fiscal.shape).toBe('items');
    expect(fiscal.rows[0]).toMatchObject({ name: '地方一般公共预算收入', role: 'total' });
    const industry = layouts.find((l) => l.sheet === '工业7')!.tables[0];
    const exportRow = industry.rows.find((r) => r.name === '出口交货值')!;
    expect(exportRow.role).toBe('of-which');
    expect(industry.rows.find((r) => r.row === exportRow.parent)!.name).toBe('工业产品销售产值(现价)');
  });

  test('the table of contents is not taken for a table', () => {
    const toc = layouts.find((l) => l.sheet === '目录')!;
    expect(toc.tables).toHaveLength(0);
  });

  test('short and full county names share a key (邵东 / 邵东市)', () => {
    const deposits = layouts.find((l) => l.sheet === '52综研室1')!.tables[0];
    const gdp = layouts.find((l) => l.sheet === '23核算处1')!.tables[0];
    const depositKeys = new Set(deposits.rows.map((r) => r.key));
    expect(gdp.rows.filter((r) => r.role === 'peer' && depositKeys.has(r.key)).map((r) => r.name).sort()).toEqual(
      ['新邵', '邵阳县', '隆回', '洞口', '绥宁', '新宁', '城步', '武冈', '邵东'].sort(),
    );
  });
});
