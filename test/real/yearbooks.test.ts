import type { SheetLayout } from '../../src/core/layout';
import { readWorkbook } from '../../src/core/layout';
import { summarize } from '../../src/core/summarize';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

async function read(file: string): Promise<{ layouts: SheetLayout[]; grids: ReturnType<Awaited<ReturnType<typeof readWorkbookFile>>['grids']> }> {
  const grids = (await readWorkbookFile(file)).grids();
  return { layouts: readWorkbook(grids), grids };
}

describeReal('zhejiang-yearbook-2012-cities.xlsx', (file) => {
  test('subtotals 浙东北/浙西南 with their members, 其中：义乌市 belongs to 金华, #工业 is part of 第二产业', async () => {
    const { layouts } = await read(file);
    const t = layouts[0].tables[0];
    expect(layouts[0].tables).toHaveLength(1);
    expect(t.shape).toBe('regions');
    expect(t.period).toBe('2012');
    const name = (row: number): string => t.rows.find((r) => r.row === row)!.name;
    const sub = t.rows.filter((r) => r.role === 'subtotal');
    expect(sub.map((r) => [r.name, r.members.map(name)])).toEqual([
      ['浙东北', ['杭州市', '宁波市', '嘉兴市', '湖州市', '绍兴市', '舟山市']],
      ['浙西南', ['温州市', '金华市', '衢州市', '台州市', '丽水市']],
    ]);
    const yiwu = t.rows.find((r) => r.name === '义乌市')!;
    expect(yiwu.role).toBe('of-which');
    expect(name(yiwu.parent!)).toBe('金华市');
    expect(t.rows.filter((r) => r.role === 'peer')).toHaveLength(11);
    expect(t.rows.some((r) => r.role === 'total')).toBe(false);
    const gdp = t.columns.find((c) => c.indicator.name === '生产总值')!;
    expect(gdp.unit).toBe('亿元');
    const industry = t.columns.find((c) => c.indicator.name === '工业')!;
    expect(industry.partOf).toBe(5); // column F, 第二产业
    expect(t.columns.find((c) => c.indicator.name === '人均生产总值')!.indicator.additive).toBe(false);
    expect(t.columns.some((c) => c.col === 1)).toBe(false); // B is part of the merged label
  });
});

describeReal('zhejiang-yearbook-2022-cities.xlsx', (file) => {
  test('11 cities, no total, units per indicator', async () => {
    const { layouts } = await read(file);
    const t = layouts[0].tables[0];
    expect(t.rows.filter((r) => r.role === 'peer')).toHaveLength(11);
    expect(t.columns.find((c) => c.indicator.name === '年末常住人口')!.unit).toBe('万人');
    expect(t.columns.find((c) => c.indicator.name === '一般公共预算收入')!.unit).toBe('亿元');
  });
});

describeReal('jiangsu-yearbook-2023-cities-gdp.xlsx', (file) => {
  test('six stacked time series, numbers stored as text, 苏南/苏中/苏北 groups with their cities', async () => {
    const { layouts, grids } = await read(file);
    const tables = layouts[0].tables;
    expect(tables.map((t) => [t.shape, t.columns[0].indicator.name, t.period, t.unit])).toEqual([
      ['time-series', '地区生产总值', '2016–2022', '亿元'],
      ['time-series', '第一产业增加值', '2016–2022', '亿元'],
      ['time-series', '第二产业增加值', '2016–2022', '亿元'],
      ['time-series', '第三产业增加值', '2016–2022', '亿元'],
      ['time-series', '全部工业增加值', '2016–2022', '亿元'],
      ['time-series', '人均地区生产总值', '2016–2022', '元'],
    ]);
    for (const t of tables) {
      expect(t.rows.filter((r) => r.role === 'peer')).toHaveLength(13);
      const sub = t.rows.filter((r) => r.role === 'subtotal');
      expect(sub.map((r) => [r.name, r.members.length])).toEqual([
        ['苏南', 5],
        ['苏中', 3],
        ['苏北', 5],
      ]);
      expect(t.priceBasis).toBe('current');
    }
    expect(layouts[0].ignored).toEqual([]);
    // Growth is computed from the two latest years when none is published.
    const s = summarize(layouts, grids);
    const gdp = s.tables[0];
    expect(gdp.period).toBe('2022');
    const nanjing = gdp.rows.find((r) => r.region === '南京市')!;
    expect(nanjing.growthSource).toBe('computed');
    expect(nanjing.growthShown).toBe(3.8); // 16907.85 / 16290.13
  });
});

describeReal('shandong-yearbook-2022-cities-gdp.xlsx', (file) => {
  test('indicator groups with values and indices (上年=100); the index is at comparable prices', async () => {
    const { layouts, grids } = await read(file);
    const t = layouts[0].tables[0];
    expect(t.rows.find((r) => r.role === 'total')!.name).toBe('全省');
    expect(t.rows.filter((r) => r.role === 'peer').map((r) => r.name)).toContain('济南市');
    expect(t.rows.filter((r) => r.role === 'peer')).toHaveLength(16);
    const gdpIndex = t.columns.find((c) => c.indicator.name === '地区生产总值' && c.measure === 'index' && c.period === '2022')!;
    expect(gdpIndex.indicator.priceBasis).toBe('comparable');
    const gdpValue = t.columns.find((c) => c.indicator.name === '地区生产总值' && c.measure === 'value' && c.period === '2022')!;
    expect(gdpValue.indicator.priceBasis).toBe('current');
    expect(gdpValue.unit).toBe('亿元');
    const s = summarize(layouts, grids).tables.find((x) => x.indicator === '地区生产总值')!;
    expect(s.total).toMatchObject({ name: '全省', growth: 3.9 });
    const jinan = s.rows.find((r) => r.region === '济南市')!;
    expect(jinan).toMatchObject({ growthSource: 'index', growthShown: 3.1 });
  });
});

describeReal('sichuan-yearbook-cities-gdp.xlsx', (file) => {
  test('a time series of 21 cities with 全省 and names broken over lines', async () => {
    const { layouts } = await read(file);
    const t = layouts[0].tables[0];
    expect(t.shape).toBe('time-series');
    expect(t.rows.find((r) => r.role === 'total')!.name).toBe('全省');
    const peers = t.rows.filter((r) => r.role === 'peer');
    expect(peers).toHaveLength(21);
    expect(peers.map((r) => r.name)).toContain('阿坝藏族羌族自治州');
    expect(peers.find((r) => r.name === '阿坝藏族羌族自治州')!.key).toBe('阿坝');
    expect(t.footnotes.join(' ')).toContain('当年价格');
  });
});

describeReal('kazakhstan-grp-regions.xlsx', (file) => {
  test('English sheets: the total is found by its SUM, regions are peers', async () => {
    const { layouts } = await read(file);
    for (const l of layouts) {
      expect(l.tables.length).toBeGreaterThanOrEqual(1);
      const t = l.tables[0];
      expect(t.rows.find((r) => r.role === 'total')!.name).toBe('Republic of Kazakhstan');
      expect(t.rows.filter((r) => r.role === 'peer').length).toBeGreaterThanOrEqual(16);
    }
  });
});

describeReal('philippines-grdp-regions-2000-2023.xlsx', (file) => {
  test('many stacked tables, each with its own title; the national row is the total', async () => {
    const { layouts } = await read(file);
    const tables = layouts[0].tables;
    expect(tables.length).toBeGreaterThanOrEqual(10);
    const first = tables[0];
    expect(first.title).toMatch(/^Table 1\.1/);
    expect(first.rows.find((r) => r.role === 'total')?.name).toBe('Philippines');
    expect(first.rows.filter((r) => r.role === 'peer')).toHaveLength(17);
  });
});
