import { gridFromValues } from '../../../src/core/grid';
import type { Grid } from '../../../src/core/grid';
import { SheetCells, readWorkbook } from '../../../src/core/layout';
import type { TargetColumn, Targets } from '../../../src/core/summary';
import { HIGHLIGHT_STYLE, isTargetsSheet, planSummary, readTargets, targetsIn } from '../../../src/core/summary';
import { TOTAL_KEY } from '../../../src/core/summary/model';
import {
  FIRST_ROW,
  GDP,
  LAST_ROW,
  REGIONS,
  REVENUE,
  TOTAL_ROW,
  cell,
  columnOf,
  countySheet,
  countyWorkbook,
  footnoteLines,
  formulaMismatches,
  highlightedRows,
  regionColumn,
  rowOf,
  subHeaders,
  value,
  workbookOf,
} from './county';
import { excelRound } from './excelEval';

type V = number | string | null;

/** Annual targets: 地区生产总值 in 亿元 (the indicator's own unit), 一般公共预算收入 in 亿元 (the indicator is in 万元). */
const GDP_TARGET = [400, 410, 420, 430, 440, 450, 460, 470];
const REVENUE_TARGET = [24, 20, 25, 16, 15, 30, 40, 30];

function targetsGrid(headers: [string, string, string] = ['地区生产总值(亿元)', '一般公共预算收入(亿元)', '常住人口(万人)'], name = '2025年目标'): Grid {
  const values: V[][] = [
    ['2025年各县市区主要指标目标', null, null, null],
    ['地区', ...headers],
    ['全市', 4000, 200, 650],
    ...REGIONS.map((r, i): V[] => [r, GDP_TARGET[i], REVENUE_TARGET[i], 80]),
  ];
  return gridFromValues(name, values, { merges: ['A1:D1'] });
}

function targetsOf(grid: Grid): Targets {
  return readTargets(readWorkbook([grid]), [grid]);
}

describe('isTargetsSheet', () => {
  test('a sheet of annual targets: name or title says 目标/任务/target and it has only values or targets', () => {
    expect(isTargetsSheet(readWorkbook([targetsGrid()])[0])).toBe(true);
    expect(isTargetsSheet(readWorkbook([targetsGrid(undefined, '任务')])[0])).toBe(true);
    expect(isTargetsSheet(readWorkbook([targetsGrid(['地区生产总值目标(亿元)', '一般公共预算收入任务(亿元)', '增速目标(%)'], 'Sheet3')])[0])).toBe(true);
  });

  test('a figures sheet (growth and ranks) is not one, even when its title says 目标', () => {
    const w = countyWorkbook();
    for (const layout of w.layouts) expect(isTargetsSheet(layout)).toBe(false);
    const figures = countySheet('目标完成情况', '地区生产总值', '亿元', GDP);
    expect(isTargetsSheet(readWorkbook([figures])[0])).toBe(false);
  });

  test('values without 目标/任务 in the name or title are not targets', () => {
    const plain = gridFromValues('人口', [
      ['2025年各县市区常住人口', null],
      ['地区', '常住人口(万人)'],
      ['全市', 650],
      ...REGIONS.map((r): V[] => [r, 80]),
    ]);
    expect(isTargetsSheet(readWorkbook([plain])[0])).toBe(false);
  });
});

describe('readTargets', () => {
  test('one target column per value column, by indicator key, the total under TOTAL_KEY', () => {
    const t = targetsOf(targetsGrid());
    expect([...t.keys()]).toEqual(['地区生产总值', '一般公共预算收入', '常住人口']);
    const gdp = t.get('地区生产总值') as TargetColumn;
    expect(gdp).toMatchObject({ indicator: '地区生产总值', unit: '亿元', sheet: '2025年目标' });
    expect([...gdp.values]).toEqual([[TOTAL_KEY, 4000], ...REGIONS.map((r, i) => [r.slice(0, -1), GDP_TARGET[i]])]);
    expect(t.get('一般公共预算收入')?.values.get('白沙')).toBe(40);
    expect(t.get('常住人口')?.unit).toBe('万人');
  });

  test('目标/任务/年度目标 after the name are dropped; % targets (growth targets) are skipped', () => {
    const t = targetsOf(targetsGrid(['地区生产总值年度目标(亿元)', '一般公共预算收入任务(亿元)', '地区生产总值增速目标(%)'], '目标'));
    expect([...t.keys()]).toEqual(['地区生产总值', '一般公共预算收入']);
    expect(t.get('地区生产总值')?.indicator).toBe('地区生产总值');
    expect(t.get('一般公共预算收入')?.indicator).toBe('一般公共预算收入');
  });

  test('regions without a number are left out; SheetCells give the same targets as the grid', () => {
    const g = targetsGrid();
    const rows = g.rows.map((r) => (r ? [...r] : r));
    (rows[4] as unknown[])[1] = { value: '—', type: 'text' };
    const grid: Grid = { ...g, rows };
    const t = targetsOf(grid);
    expect(t.get('地区生产总值')?.values.has('城西')).toBe(false);
    expect(t.get('地区生产总值')?.values.get('城东')).toBe(400);
    const layouts = readWorkbook([grid]);
    expect(readTargets(layouts, [new SheetCells(grid)])).toEqual(readTargets(layouts, [grid]));
  });

  test('a layout whose grid is not given is skipped', () => {
    expect(readTargets(readWorkbook([targetsGrid()]), []).size).toBe(0);
  });
});

describe('targetsIn', () => {
  const column = (unit: string | null): TargetColumn => ({ indicator: '一般公共预算收入', unit, sheet: '目标', values: new Map([[TOTAL_KEY, 200], ['城东', 24], ['云溪', 1.5]]) });

  test('亿元 targets for a 万元 indicator are ×10,000, and back', () => {
    expect([...(targetsIn(column('亿元'), '万元') as Map<string, number>)]).toEqual([[TOTAL_KEY, 2000000], ['城东', 240000], ['云溪', 15000]]);
    const back = targetsIn(column('万元'), '亿元') as Map<string, number>;
    expect(back.get(TOTAL_KEY)).toBeCloseTo(0.02, 12);
    expect(back.get('城东')).toBeCloseTo(0.0024, 12);
    expect(targetsIn(column('亿元'), '元')?.get('城东')).toBe(2400000000);
  });

  test('the same unit, or a unit not known on either side, keeps the figures', () => {
    expect([...(targetsIn(column('亿元'), '亿元') as Map<string, number>)]).toEqual([...column('亿元').values]);
    expect(targetsIn(column(null), '万元')?.get('城东')).toBe(24);
    expect(targetsIn(column('亿元'), null)?.get('城东')).toBe(24);
  });

  test('units of different things cannot be converted', () => {
    expect(targetsIn(column('万人'), '万元')).toBeNull();
    expect(targetsIn(column('亿元'), '万美元')).toBeNull();
    expect(targetsIn(column('%'), '万元')).toBeNull();
  });
});

describe('planSummary with targets', () => {
  const w = countyWorkbook();
  const grid = targetsGrid();
  const targets = targetsOf(grid);
  const res = planSummary(w.summary(), { targets, mode: 'formulas' });
  const sheet = res.plan.sheets[0];
  const col = (ind: string, head: string) => columnOf(sheet, ind, head);

  /** completion and the gap to 序时进度 (3 months: 25.0) by hand */
  const GDP_DONE = [30, 26.8, 35.7, 30.2, 20.5, 31.1, 21.7, 34];
  const GDP_BEHIND = [5, 1.8, 10.7, 5.2, -4.5, 6.1, -3.3, 9];
  const REVENUE_DONE = [25, 25, 28, 25, 20, 26.7, 22.5, 26.7];
  const REVENUE_BEHIND = [0, 0, 3, 0, -5, 1.7, -2.5, 1.7];

  test('targets used and not; the period gives 3 months', () => {
    expect(res.targetsUsed).toEqual(['地区生产总值', '一般公共预算收入']);
    expect(res.targetsUnconvertible).toEqual([]);
    expect(res.period).toBe('2025年1-3月');
  });

  test('target, completion and gap columns after rank, in the indicator unit', () => {
    expect(subHeaders(sheet).slice(1, 7)).toEqual(['绝对额(亿元)', '增速(%)', '位次', '年度目标(亿元)', '完成目标(%)', '与序时进度差(个百分点)']);
    expect(subHeaders(sheet).slice(7, 13)).toEqual(['绝对额(万元)', '增速(%)', '位次', '年度目标(万元)', '完成目标(%)', '与序时进度差(个百分点)']);
    // 利润总额 has no targets: value, growth, rank only
    expect(subHeaders(sheet).slice(13, 16)).toEqual(['绝对额(万元)', '增速(%)', '位次']);
    expect(sheet.merges).toContainEqual({ top: 3, left: 1, bottom: 3, right: 6 });
  });

  test('targets in the indicator unit (亿元 → 万元 ×10,000)', () => {
    expect(regionColumn(sheet, col('地区生产总值', '年度目标(亿元)'))).toEqual(GDP_TARGET);
    const rev = regionColumn(sheet, col('一般公共预算收入', '年度目标(万元)')) as number[];
    rev.forEach((v, i) => expect(v).toBeCloseTo(REVENUE_TARGET[i] * 10000, 6));
    expect(value(sheet, TOTAL_ROW, col('一般公共预算收入', '年度目标(万元)'))).toBeCloseTo(2000000, 6);
  });

  test('completion = value / target × 100 to one decimal; gap = completion − 25.0 in points', () => {
    expect(regionColumn(sheet, col('地区生产总值', '完成目标(%)'))).toEqual(GDP_DONE);
    expect(regionColumn(sheet, col('地区生产总值', '与序时进度差(个百分点)'))).toEqual(GDP_BEHIND);
    expect(regionColumn(sheet, col('一般公共预算收入', '完成目标(%)'))).toEqual(REVENUE_DONE);
    expect(regionColumn(sheet, col('一般公共预算收入', '与序时进度差(个百分点)'))).toEqual(REVENUE_BEHIND);
    // the same by formula from the figures
    GDP.lines.forEach((l, i) => expect(GDP_DONE[i]).toBe(excelRound(((l[0] as number) / GDP_TARGET[i]) * 100, 1)));
    REVENUE.lines.forEach((l, i) => expect(REVENUE_DONE[i]).toBe(excelRound(((l[0] as number) / (REVENUE_TARGET[i] * 10000)) * 100, 1)));
    // the total too
    expect(value(sheet, TOTAL_ROW, col('地区生产总值', '完成目标(%)'))).toBe(25);
    expect(value(sheet, TOTAL_ROW, col('地区生产总值', '与序时进度差(个百分点)'))).toBe(0);
  });

  test('formulas: completion from the source value and the target cell; the gap from the completion cell', () => {
    const done = col('地区生产总值', '完成目标(%)');
    const target = col('地区生产总值', '年度目标(亿元)');
    expect(cell(sheet, FIRST_ROW, done)?.formula).toBe("=ROUND('地区生产总值'!B6/E7*100,1)");
    expect(cell(sheet, FIRST_ROW, done + 1)?.formula).toBe('=ROUND(F7-25,1)');
    expect(target).toBe(4);
    const { checked, bad } = formulaMismatches(res.plan, [...w.grids, grid]);
    expect(checked).toBeGreaterThan(100);
    expect(bad).toEqual([]);
  });

  test('number formats: completion and gap one decimal', () => {
    for (const head of ['完成目标(%)', '与序时进度差(个百分点)']) {
      const c = col('地区生产总值', head);
      expect(sheet.formats).toContainEqual({ range: { top: TOTAL_ROW, left: c, bottom: LAST_ROW, right: c }, style: { numberFormat: '0.0' } });
    }
    const t = col('一般公共预算收入', '年度目标(万元)');
    expect(sheet.formats).toContainEqual({ range: { top: TOTAL_ROW, left: t, bottom: LAST_ROW, right: t }, style: { numberFormat: '0' } });
  });

  test('behind-progress: one rule per indicator over completion and gap, true where the gap is negative, first in priority', () => {
    const rules = sheet.highlights.filter((h) => h.kind === 'behind-progress');
    expect(rules).toHaveLength(2);
    expect(sheet.highlights.slice(0, 2)).toEqual(rules);
    const done = col('地区生产总值', '完成目标(%)');
    expect(rules[0]).toEqual({
      kind: 'behind-progress',
      range: { top: TOTAL_ROW, left: done, bottom: LAST_ROW, right: done + 1 },
      formula: '=AND(ISNUMBER($G6),$G6<0)',
      style: HIGHLIGHT_STYLE['behind-progress'],
    });
    expect(HIGHLIGHT_STYLE['behind-progress']).toMatchObject({ bold: true });
    const behind = [rowOf('云溪县'), rowOf('白沙县')];
    for (const rule of rules) {
      const marked = highlightedRows(res.plan, w.grids, sheet, rule);
      expect([...marked.values()]).toEqual([behind, behind]);
    }
  });

  test('footnotes: 序时进度 and the mark; switching behind-progress off removes both rules and the mark only', () => {
    const lines = footnoteLines(sheet);
    expect(lines).toContainEqual(expect.stringContaining('序时进度为25.0%（3个月/12个月）。'));
    expect(lines.some((l) => l.includes('加粗浅红底为落后于序时进度'))).toBe(true);
    const off = planSummary(w.summary(), { targets, mode: 'formulas', highlights: { 'behind-progress': false } }).plan.sheets[0];
    expect(off.highlights).toEqual(sheet.highlights.filter((h) => h.kind !== 'behind-progress'));
    expect(footnoteLines(off).some((l) => l.includes('落后于序时进度'))).toBe(false);
    expect(footnoteLines(off).some((l) => l.includes('序时进度为25.0%'))).toBe(true);
  });

  test('time progress follows the period: 1-5月 gives 41.7 and gaps against it', () => {
    const may = workbookOf([countySheet('地区生产总值', '地区生产总值', '亿元', GDP, { period: '2025年1-5月', valueFormat: '0.00_ ' })]);
    const r = planSummary(may.summary(), { targets, mode: 'formulas' });
    const s = r.plan.sheets[0];
    const done = columnOf(s, '地区生产总值', '完成目标(%)');
    expect(regionColumn(s, done + 1)).toEqual(GDP_DONE.map((d) => excelRound(d - 41.7, 1)));
    expect(cell(s, FIRST_ROW, done + 1)?.formula).toBe(`=ROUND(F7-41.7,1)`);
    expect(footnoteLines(s)).toContainEqual(expect.stringContaining('序时进度为41.7%（5个月/12个月）。'));
    expect(formulaMismatches(r.plan, [...may.grids, grid]).bad).toEqual([]);
  });

  test('targets in units that cannot be converted are reported and not shown', () => {
    const wrong: Targets = new Map([['一般公共预算收入', { indicator: '一般公共预算收入', unit: '万人', sheet: '目标', values: new Map([['城东', 1]]) }]]);
    const r = planSummary(w.summary(), { targets: wrong });
    expect(r.targetsUsed).toEqual([]);
    expect(r.targetsUnconvertible).toEqual(['一般公共预算收入']);
    const s = r.plan.sheets[0];
    expect(subHeaders(s).includes('完成目标(%)')).toBe(false);
    expect(s.highlights.some((h) => h.kind === 'behind-progress')).toBe(false);
    expect(footnoteLines(s).some((l) => l.includes('序时进度'))).toBe(false);
  });

  test('without targets: no target columns and no 序时进度 line', () => {
    const s = planSummary(w.summary(), {}).plan.sheets[0];
    expect(subHeaders(s).includes('年度目标(亿元)')).toBe(false);
    expect(footnoteLines(s).some((l) => l.includes('序时进度'))).toBe(false);
  });

  // Was a bug, fixed (src/core/summary/planSummary.ts, the targets loop; mainSheet.ts columnsOf adds
  // target columns only `if (ind.targets && hasValue)`): an indicator that has only a
  // growth column (规模以上工业增加值) takes its target anyway: it is listed in
  // targetsUsed, no target column is drawn, yet the footnotes state 序时进度 and the
  // legend explains a 加粗浅红底 mark that no rule applies.
  test('a growth-only indicator with a target: no 序时进度 note or legend for columns that are not there', () => {
    const growthOnly = gridFromValues(
      '工业',
      [
        ['2025年1-3月各县市区规模以上工业增加值', null],
        ['地区', '增速(%)'],
        ['全市', 6.0],
        ...REGIONS.map((r, i): V[] => [r, 5 + i * 0.3]),
      ],
      { merges: ['A1:B1'], formats: Array.from({ length: 11 }, (_, r) => (r >= 2 ? [undefined, '0.0'] : [])) },
    );
    const t = targetsOf(targetsGrid(['规模以上工业增加值(亿元)', '一般公共预算收入(亿元)', '常住人口(万人)']));
    const r = planSummary(workbookOf([growthOnly]).summary(), { targets: t });
    const s = r.plan.sheets[0];
    expect(subHeaders(s).includes('完成目标(%)')).toBe(false);
    expect(s.highlights.some((h) => h.kind === 'behind-progress')).toBe(false);
    expect(footnoteLines(s).some((l) => l.includes('落后于序时进度'))).toBe(false);
    expect(footnoteLines(s).some((l) => l.includes('序时进度为'))).toBe(false);
    expect(r.targetsUsed).toEqual([]);
  });
});
