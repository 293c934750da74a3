/**
 * Generated layouts of the English workbooks (issue 15): stacked tables whose title lines
 * state the measure (Philippines), cumulative periods with footnote marks glued to labels
 * and a unit that differs by footnote (Kazakhstan). The real workbooks are pinned in
 * test/real/readings.test.ts; these keep the suite covering the layouts without ../shared.
 */
import { inspectText } from '../../../src/cli/inspect';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';
import { readSheet, readWorkbook } from '../../../src/core/layout';
import { summarize } from '../../../src/core/summarize';
import { planSummary } from '../../../src/core/summary';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { cumulativeMarks, englishStacked } from '../../support/fixtures';

async function gridsOf(buffer: Buffer): Promise<Grid[]> {
  return (await readWorkbookBytes(buffer, 'fixture.xlsx')).grids();
}

function footnoteLines(summary: ReturnType<typeof summarize>): string[] {
  const lines: string[] = [];
  for (const sheet of planSummary(summary).plan.sheets) {
    for (const row of sheet.cells) {
      const v = row?.[0]?.value;
      if (typeof v === 'string' && /^(?:注：|\u3000\u3000\d)/.test(v)) lines.push(v);
    }
  }
  return lines;
}

describe('stacked English tables: the title lines set the measure (Growth Rates, Implicit Price Index, Percent Share)', () => {
  test('each table has the measure and prices of its title, years as periods of one indicator, the country as total', async () => {
    const { buffer, truth } = await englishStacked();
    const [layout] = readWorkbook(await gridsOf(buffer));
    expect(layout.tables).toHaveLength(truth.tables.length);
    layout.tables.forEach((t, i) => {
      const want = truth.tables[i];
      expect([t.title, [...new Set(t.columns.map((c) => c.measure))], [...new Set(t.columns.map((c) => c.indicator.priceBasis))]]).toEqual([
        want.title,
        [want.measure],
        [want.priceBasis],
      ]);
      expect(t.shape).toBe('time-series');
      expect(t.columns.map((c) => c.period)).toEqual(want.periods);
      expect(new Set(t.columns.map((c) => c.indicator.name))).toEqual(new Set([truth.indicator]));
      expect(t.rows.find((r) => r.role === 'total')?.row).toBe(want.totalRow);
      expect(t.rows.filter((r) => r.role === 'peer').map((r) => r.row)).toEqual(want.peerRows);
    });
    // growth, shares and indices do not add up: the total of a growth table is the country's row of the levels
    expect(layout.tables[3].rows.find((r) => r.role === 'total')?.name).toBe(truth.country);
    expect(layout.tables[0].rows.filter((r) => r.role === 'peer').map((r) => r.name)).toEqual(truth.regions);
  });

  test('one summary line per region: the level at current prices, the growth published at constant prices; the island groups are no peers', async () => {
    const { buffer, truth } = await englishStacked();
    const grids = await gridsOf(buffer);
    const summary = summarize(readWorkbook(grids), grids);
    expect(summary.tables).toHaveLength(1);
    const [t] = summary.tables;
    const level = truth.tables[0];
    const real = truth.tables[3];
    const last = level.periods.length - 1;
    expect(t).toMatchObject({ indicator: truth.indicator, period: level.periods[last], peers: truth.regions.length, growthFrom: 'published', growthBasis: 'comparable' });
    expect(t.rows.map((r) => r.region)).toEqual(truth.regions);
    t.rows.forEach((r, k) => {
      expect(r.value).toBe(level.figures[k][last]);
      expect(r.growth).toBe(real.figures[k][real.periods.length - 1]);
    });
    expect(t.total).toMatchObject({ name: truth.country, value: level.figures[truth.regions.length][last] });
    expect(footnoteLines(summary)[0]).toBe('注：1. 增速按可比价计算。');
  });

  test('a total that does not add up (per capita) is taken by the country named in the title lines, and said to be in doubt', async () => {
    const { buffer, truth } = await englishStacked({ indicator: 'Per Capita Gross Regional Domestic Product' });
    const [layout] = readWorkbook(await gridsOf(buffer));
    layout.tables.forEach((t, i) => {
      const total = truth.tables[i].totalRow;
      expect(t.rows.find((r) => r.role === 'total')?.row).toBe(total);
      expect(t.doubts).toEqual([{ kind: 'total', cell: `B${total + 1}`, text: truth.country }]);
    });
  });

  test('fewer rows under the same total are a regrouping only when they add up to it (island groups), not development zones', async () => {
    const stack = (second: [string, number, number][]) =>
      gridFromValues('GRDP', [
        ['Table 1 Gross Regional Product'],
        ['At Current Prices'],
        [],
        [null, 2022, 2023],
        ['Alpha', 100, 110],
        ['Beta', 200, 210],
        ['Gamma', 300, 330],
        ['Arcadia', 600, 650],
        [],
        ['Source: Arcadia Statistics Office'],
        [],
        [],
        ['Table 2 Gross Regional Product'],
        ['At Current Prices'],
        [],
        [null, 2022, 2023],
        ...second,
        ['Arcadia', 600, 650],
        [],
        ['Source: Arcadia Statistics Office'],
      ]);
    const tablesOf = (g: Grid) => summarize(readWorkbook([g]), [g]).tables.map((t) => [t.range, t.peers]);
    expect(tablesOf(stack([['North', 300, 320], ['South', 300, 330]]))).toEqual([['A4:C8', 3]]);
    expect(tablesOf(stack([['Zone 1', 20, 25], ['Zone 2', 30, 31]]))).toEqual([['A4:C8', 3], ['A16:C19', 2]]);
  });

  test('without the growth tables, growth is computed from the current-price levels and said to be so', async () => {
    const { buffer } = await englishStacked();
    const grids = await gridsOf(buffer);
    const layouts = readWorkbook(grids).map((l) => ({ ...l, tables: l.tables.filter((t) => !t.columns.some((c) => c.measure === 'growth')) }));
    const summary = summarize(layouts, grids);
    expect(summary.tables).toHaveLength(1);
    expect(summary.tables[0]).toMatchObject({ growthFrom: 'computed', growthBasis: 'current', comparable: false });
    const lines = footnoteLines(summary);
    expect(lines[0]).toBe('注：1. 增速由现价绝对额计算，未剔除价格因素。');
    expect(lines.some((l) => l.includes('可比价'))).toBe(false);
  });
});

describe('cumulative periods and footnote marks (1 quarter, 1 half-year, 9 months, year; "20232)", "Capital city3)")', () => {
  test('marks leave titles, periods and names and stay as notes; one indicator over the periods', async () => {
    const { buffer, truth } = await cumulativeMarks();
    const layouts = readWorkbook(await gridsOf(buffer));
    const t = layouts.find((l) => l.sheet === truth.recent.sheet)!.tables[0];
    expect(t.title).toBe(truth.recent.title);
    expect(t.notes).toEqual([{ mark: '1)', note: truth.recent.titleNote }]);
    expect(t.columns.map((c) => c.period)).toEqual(truth.recent.periods);
    expect(new Set(t.columns.map((c) => c.indicator.name))).toEqual(new Set([truth.recent.title]));
    expect(t.columns[14].notes).toEqual([{ mark: '**', note: null }]);
    expect(t.columns[15].notes).toEqual([{ mark: '2)', note: truth.recent.notes[1] }]);
    expect(t.rows.filter((r) => r.role === 'peer').map((r) => r.name)).toEqual(truth.recent.regions);
    const marked = t.rows.find((r) => r.label === truth.recent.marked.label)!;
    expect(marked).toMatchObject({ name: truth.recent.marked.name, notes: [{ mark: '3)', note: truth.recent.marked.note }] });
  });

  test('growth compares the year with the year before, never with 9 months of the same year', async () => {
    const { buffer, truth } = await cumulativeMarks();
    const grids = await gridsOf(buffer);
    const summary = summarize(readWorkbook(grids), grids);
    // the sheet 1990-1994 is the history of the same series: not summarized beside 2023
    expect(summary.tables.map((x) => x.sheet)).toEqual([truth.recent.sheet]);
    const t = summary.tables[0];
    expect(t.period).toBe('2023');
    const { y2022, y2023 } = truth.recent.annual;
    const growthOf = (i: number): number => Math.round((y2023[i] / y2022[i] - 1) * 1000) / 10;
    expect(t.total?.growth).toBe(growthOf(0));
    expect(t.total?.growth).not.toBe(Math.round((y2023[0] / truth.recent.nineMonths2023[0] - 1) * 1000) / 10);
    truth.recent.regions.forEach((name, i) => expect(t.rows.find((r) => r.region === name)!.growthShown).toBe(growthOf(i + 1)));
    expect(footnoteLines(summary)[0]).toBe('注：1. 增速由现价绝对额计算，未剔除价格因素。');
    // the mark 2) on 2023 points to "preliminary data": the summary's footnotes say so
    expect(t.sourceNotes).toEqual([truth.recent.notes[1]]);
    expect(footnoteLines(summary)).toContainEqual(expect.stringMatching(/Gross regional product：原表注“preliminary data”。$/));
  });

  test('a footnote that puts some columns in another unit flags them, and growth is not computed across it', async () => {
    const { buffer, truth } = await cumulativeMarks();
    const grids = await gridsOf(buffer);
    const layouts = readWorkbook(grids);
    const t = layouts.find((l) => l.sheet === truth.early.sheet)!.tables[0];
    expect(t.columns.filter((c) => c.otherUnit).map((c) => c.period)).toEqual(truth.early.otherUnitPeriods);
    expect(t.doubts).toEqual([{ kind: 'unit', cell: truth.early.range, text: truth.early.note }]);
    // with only 1991 (roubles) and 1992 (tenge) as years, no growth is computed between them
    const cut = layouts.map((l) => (l.sheet !== truth.early.sheet ? { ...l, tables: [] } : { ...l, tables: [{ ...t, columns: t.columns.filter((c) => c.period === '1991' || c.period === '1992') }] }));
    const s = summarize(cut, grids).tables[0];
    expect(s.growthFrom).toBeNull();
    expect(s.rows.every((r) => r.growth === null)).toBe(true);
  });

  test('inspect says where a unit is in doubt and what each mark points to (zh-CN, en-US)', async () => {
    const { buffer, truth } = await cumulativeMarks();
    const layouts = readWorkbook(await gridsOf(buffer));
    const zh = inspectText(layouts, 'zh-CN');
    expect(zh).toContain(`    存疑：${truth.early.range} 单位可能与表头不同（${truth.early.note}），请核对或在「修正」中更正`);
    expect(zh).toContain('B  Gross regional product · 绝对额 (mln.tenge) · 1990 [注1), 单位存疑]');
    expect(zh).toContain(`    注3)所指：Capital city：${truth.recent.marked.note}`);
    const en = inspectText(layouts, 'en-US');
    expect(en).toContain(`    In doubt: ${truth.early.range} may be in another unit than the header says (${truth.early.note}); confirm or correct it under Fix`);
    expect(en).toContain(`    Note 3) marks: Capital city: ${truth.recent.marked.note}`);
  });

  test('a header of cumulative periods with only one or two years as numbers is a header, not a row of data', () => {
    const grid = gridFromValues('GRP', [
      ['Gross regional product1)'],
      [null, null, null, null, null, null, null, null, 'mln.tenge'],
      [null, '1 quarter of 2022', '1 half-year of 2022', '9 months of 2022', 2022, '1 quarter of 2023', '1 half-year of 2023', '9 months of 2023**', '20232)'],
      ['Republic of Arcadia', 30, 62, 95, 130, 33, 70, 105, 150],
      ['Akmola', 10, 21, 32, 45, 11, 23, 35, 50],
      ['Aktobe', 12, 25, 38, 50, 13, 28, 42, 60],
      ['Atyrau', 8, 16, 25, 35, 9, 19, 28, 40],
      [],
      ['1) quarterly calculations of GRP are made only from 2008'],
      ['2) preliminary data'],
    ]);
    const { tables } = readSheet(grid);
    expect(tables).toHaveLength(1);
    const [t] = tables;
    expect([t.headerTop, t.headerBottom, t.title]).toEqual([2, 2, 'Gross regional product']);
    expect(t.columns.map((c) => c.period)).toEqual(['1 quarter of 2022', '1 half-year of 2022', '9 months of 2022', '2022', '1 quarter of 2023', '1 half-year of 2023', '9 months of 2023', '2023']);
    expect(t.rows.find((r) => r.role === 'total')?.name).toBe('Republic of Arcadia');
  });
});
