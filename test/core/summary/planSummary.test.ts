import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';
import type { HighlightKind, SheetPlan, SummaryPlanOptions } from '../../../src/core/summary';
import { HIGHLIGHT_STYLE, REGISTRY_SHEET, planSummary, readRegistry, summaryPeriod } from '../../../src/core/summary';
import { readXlsxFile } from '../../support/exceljs';
import { describeReal } from '../../support/realFixtures';
import {
  FIRST_ROW,
  GDP,
  GDP_COMPETITION,
  GDP_DENSE,
  GDP_GROWTH,
  GDP_POINTS,
  GDP_SHARE,
  LAST_ROW,
  PROFIT_GROWTH,
  PROFIT_RANK,
  RANKS_FIRST_ROW,
  REGIONS,
  REVENUE,
  REVENUE_GROWTH,
  REVENUE_RANK,
  TOTAL_ROW,
  cell,
  columnOf,
  countySheet,
  countyWorkbook,
  footnoteLines,
  formulaMismatches,
  gridOfPlan,
  highlightedRows,
  regionColumn,
  ranksColumn,
  subHeaders,
  ranksRowOf,
  rowOf,
  value,
  workbookOf,
} from './county';
import type { CountyFigures } from './county';

const w = countyWorkbook();
const plan = (options: SummaryPlanOptions = {}, ties: 'competition' | 'dense' = 'competition') => planSummary(w.summary({ ties }), options);
const main = (options: SummaryPlanOptions = {}, ties: 'competition' | 'dense' = 'competition'): SheetPlan => plan(options, ties).plan.sheets[0];

const GDP_NAME = '地区生产总值';
const REV_NAME = '一般公共预算收入';
const PROFIT_NAME = '规模以上工业企业利润总额';

/** Columns of the default sheet (no points/share): 地区 | GDP value growth rank | revenue ×3 | profit ×3 | counts ×3. */
const C = { gdpV: 1, gdpG: 2, gdpR: 3, revV: 4, revG: 5, revR: 6, proV: 7, proG: 8, proR: 9, top: 10, bottom: 11, below: 12 };
const LAST_COL = 12;

/** Counts over the three indicators (k = 3), worked out by hand from the ranks and growth:
 *  GDP top 城东 城西 北湖, bottom 云溪 白沙 清河, below 6.3: 云溪 清河 白沙;
 *  revenue top 新安 清河 城西, bottom 白沙 云溪 石门, below 7.4: 北湖 云溪 白沙 石门;
 *  profit (7 ranked) top 石门 白沙 清河, bottom 城东 城西 新安, below 20.0: none (北湖 扭亏为盈 is not a rate). */
const TOP3 = [1, 2, 1, 1, 0, 2, 1, 1];
const BOTTOM3 = [1, 1, 0, 1, 2, 1, 2, 1];
const BELOW = [0, 0, 1, 0, 2, 1, 2, 1];

describe('主要指标汇总表: layout', () => {
  const s = main();

  test('sheets, names and roles', () => {
    const r = plan();
    expect(r.plan.sheets.map((x) => [x.name, x.role])).toEqual([
      ['主要指标汇总表', 'summary'],
      ['位次表', 'ranks'],
      ['分析要点', 'analysis'],
    ]);
    expect(r.plan.mode).toBe('values');
    expect(r.indicators).toBe(3);
    expect(r.regions).toBe(8);
    expect(r.period).toBe('2025年1-3月');
    expect(summaryPeriod(w.summary())).toBe('2025年1-3月');
    expect(r.plan.remove).toEqual([]);
    expect(r.renamed).toEqual([]);
  });

  test('title in A1, period in row 2, unit line in row 3, each merged across the table', () => {
    expect(value(s, 0, 0)).toBe('各县市区主要指标汇总表');
    expect(value(s, 1, 0)).toBe('2025年1-3月');
    expect(value(s, 2, 0)).toBe('单位：绝对额见表头；增速、比重为%；增速差为个百分点');
    for (const row of [0, 1, 2]) expect(s.merges).toContainEqual({ top: row, left: 0, bottom: row, right: LAST_COL });
    expect(s.columns).toHaveLength(LAST_COL + 1);
  });

  test('地区 over rows 4–5; each indicator name merged over its columns, linked to its table', () => {
    expect(value(s, 3, 0)).toBe('地区');
    expect(s.merges).toContainEqual({ top: 3, left: 0, bottom: 4, right: 0 });
    expect(cell(s, 3, C.gdpV)).toEqual({ value: GDP_NAME, link: { sheet: '地区生产总值', cell: 'A3' } });
    expect(cell(s, 3, C.revV)).toEqual({ value: REV_NAME, link: { sheet: '一般公共预算收入', cell: 'A3' } });
    expect(cell(s, 3, C.proV)).toEqual({ value: PROFIT_NAME, link: { sheet: '利润总额', cell: 'A2' } });
    expect(s.merges).toContainEqual({ top: 3, left: C.gdpV, bottom: 3, right: C.gdpR });
    expect(s.merges).toContainEqual({ top: 3, left: C.revV, bottom: 3, right: C.revR });
    expect(s.merges).toContainEqual({ top: 3, left: C.proV, bottom: 3, right: C.proR });
    expect(value(s, 3, C.top)).toBe('位次统计（项）');
    expect(s.merges).toContainEqual({ top: 3, left: C.top, bottom: 3, right: C.below });
  });

  test('sub-headers: 绝对额(unit), 增速(%), 位次, then 前3位, 后3位, 低于全市', () => {
    expect(subHeaders(s)).toEqual([
      null,
      '绝对额(亿元)',
      '增速(%)',
      '位次',
      '绝对额(万元)',
      '增速(%)',
      '位次',
      '绝对额(万元)',
      '增速(%)',
      '位次',
      '前3位',
      '后3位',
      '低于全市',
    ]);
  });

  test('the total first (row 6) with its figures and no rank, then the regions in the source order', () => {
    expect(Array.from({ length: LAST_COL + 1 }, (_, c) => value(s, TOTAL_ROW, c) ?? null)).toEqual(['全市', 1000, 6.3, null, 500000, 7.4, null, 30000, 20, null, null, null, null]);
    expect(REGIONS.map((r) => value(s, rowOf(r), 0))).toEqual([...REGIONS]);
    expect(s.cells.length).toBeGreaterThan(LAST_ROW);
    expect(value(s, LAST_ROW + 1, 0)).toBeUndefined();
  });

  test('the total row is bold; the body has borders; the headers are bold on grey', () => {
    expect(s.formats).toContainEqual({ range: { top: TOTAL_ROW, left: 0, bottom: TOTAL_ROW, right: LAST_COL }, style: { bold: true } });
    expect(s.formats).toContainEqual({ range: { top: 3, left: 0, bottom: 4, right: LAST_COL }, style: expect.objectContaining({ bold: true, border: true, fill: '#F2F2F2' }) });
    expect(s.formats).toContainEqual({ range: { top: TOTAL_ROW, left: 0, bottom: LAST_ROW, right: LAST_COL }, style: expect.objectContaining({ border: true, font: '宋体' }) });
  });

  test('print: A4, one page wide and (this small table) one page tall, header rows repeated; freeze below the headers and right of 地区', () => {
    // the tables (分析要点 prints portrait, as many pages tall as its text: analysisSheet.test.ts)
    for (const sheet of plan().plan.sheets.filter((x) => x.role !== 'analysis')) {
      expect(sheet.print).toMatchObject({ paper: 'A4', fitToWidth: 1, fitToHeight: 1, titleRows: { first: 3, last: 4 } });
      expect(sheet.freeze).toEqual({ rows: 5, cols: 1 });
    }
    expect(s.print.footer).toBe('第 &P 页，共 &N 页');
  });
});

describe('主要指标汇总表: values', () => {
  test('values and growth as shown in the sources (9.66 shows 9.7; the text "8.5" is 8.5)', () => {
    const s = main();
    expect(regionColumn(s, C.gdpV)).toEqual(GDP.lines.map((l) => l[0]));
    expect(regionColumn(s, C.gdpG)).toEqual(GDP_GROWTH);
    expect(regionColumn(s, C.revV)).toEqual(REVENUE.lines.map((l) => l[0]));
    expect(regionColumn(s, C.revG)).toEqual(REVENUE_GROWTH);
  });

  test('competition ranks by default: 9.7 and 9.7 share 2, the next is 4', () => {
    const s = main();
    expect(regionColumn(s, C.gdpR)).toEqual(GDP_COMPETITION);
    expect(regionColumn(s, C.revR)).toEqual(REVENUE_RANK);
  });

  test("dense ranks with summarize's ties: 'dense': 1, 2, 2, 3", () => {
    const s = main({}, 'dense');
    expect(regionColumn(s, C.gdpR)).toEqual(GDP_DENSE);
    // ranks that differ from the published (competition) ones carry a note
    expect(cell(s, rowOf('石门市'), C.gdpR)?.note).toBe('原表公布位次为第4位');
    expect(cell(s, rowOf('北湖区'), C.gdpR)?.note).toBeUndefined();
    expect(cell(s, rowOf('石门市'), C.gdpR)?.value).toBe(3);
  });

  test('a computed growth; a turn from loss to profit shows 扭亏为盈 and takes no rank', () => {
    const s = main();
    expect(regionColumn(s, C.proG)).toEqual(PROFIT_GROWTH.map((g) => (g === null ? '扭亏为盈' : g)));
    expect(regionColumn(s, C.proR)).toEqual(PROFIT_RANK.map((r) => (r === null ? '' : r)));
    expect(value(s, rowOf('北湖区'), C.proV)).toBe(300);
    const en = main({ lang: 'en-US' });
    expect(value(en, rowOf('北湖区'), C.proG)).toBe('turned to profit');
  });

  test('count columns equal the counts by hand', () => {
    const s = main();
    expect(regionColumn(s, C.top)).toEqual(TOP3);
    expect(regionColumn(s, C.bottom)).toEqual(BOTTOM3);
    expect(regionColumn(s, C.below)).toEqual(BELOW);
    // the total has no counts
    expect(value(s, TOTAL_ROW, C.top)).toBeUndefined();
  });

  test('top: 2 changes the headers and the counts', () => {
    const s = main({ top: 2 });
    expect(subHeaders(s).slice(C.top)).toEqual(['前2位', '后2位', '低于全市']);
    // GDP top 2: 北湖 1, 城东 2, 城西 2 (ties count); revenue 新安 清河; profit 石门 白沙
    expect(regionColumn(s, C.top)).toEqual([1, 1, 1, 1, 0, 1, 1, 1]);
    // bottom 2: GDP 云溪 白沙; revenue 白沙 云溪; profit 城东 城西
    expect(regionColumn(s, C.bottom)).toEqual([1, 1, 0, 0, 2, 0, 2, 0]);
  });

  test('points: true and share: true add 与全市增速差 and 占全市比重 after the rank', () => {
    const s = main({ points: true, share: true });
    expect(subHeaders(s).slice(1, 6)).toEqual(['绝对额(亿元)', '增速(%)', '位次', '与全市增速差(个百分点)', '占全市比重(%)']);
    expect(s.merges).toContainEqual({ top: 3, left: 1, bottom: 3, right: 5 });
    const points = columnOf(s, GDP_NAME, '与全市增速差(个百分点)');
    const share = columnOf(s, GDP_NAME, '占全市比重(%)');
    expect(regionColumn(s, points)).toEqual(GDP_POINTS);
    (regionColumn(s, share) as number[]).forEach((v, i) => expect(v).toBeCloseTo(GDP_SHARE[i], 9));
    expect(value(s, TOTAL_ROW, share)).toBeCloseTo(100, 9);
    expect(value(s, TOTAL_ROW, points)).toBeUndefined();
    // revenue: points from 7.4
    const rp = columnOf(s, REV_NAME, '与全市增速差(个百分点)');
    expect(regionColumn(s, rp)).toEqual([0.8, 1.1, -0.5, 2.9, -2, 1.7, -2.6, -1.3]);
    // profit: no points for 扭亏为盈, a share all the same (300 / 30000)
    const pp = columnOf(s, PROFIT_NAME, '与全市增速差(个百分点)');
    const ps = columnOf(s, PROFIT_NAME, '占全市比重(%)');
    expect(value(s, rowOf('北湖区'), pp)).toBeUndefined();
    expect(value(s, rowOf('北湖区'), ps)).toBeCloseTo(1, 9);
    expect(value(s, rowOf('城东区'), pp)).toBe(0);
    // the count columns still at the end, with the same counts
    expect(subHeaders(s).slice(-3)).toEqual(['前3位', '后3位', '低于全市']);
    expect(regionColumn(s, s.cells[4].length - 3)).toEqual(TOP3);
    // the sub-header row is taller for the longer headers (与全市增速差(个百分点) takes three lines)
    const height = (x: SheetPlan) => x.rowHeights.find((h) => h.row === 4)?.height ?? 0;
    expect(height(s)).toBeGreaterThan(height(main()));
  });

  test('位次表: the ranks of every indicator and the counts over all of them', () => {
    const r = plan().plan.sheets[1];
    expect(value(r, 0, 0)).toBe('各县市区主要指标位次表');
    expect(r.cells[3].slice(1, 4).map((c) => c?.value)).toEqual([GDP_NAME, REV_NAME, PROFIT_NAME]);
    expect(cell(r, 3, 1)?.note).toBe('来源：地区生产总值!A3:D13');
    expect(ranksColumn(r, 1)).toEqual(GDP_COMPETITION);
    expect(ranksColumn(r, 2)).toEqual(REVENUE_RANK);
    expect(ranksColumn(r, 3)).toEqual(PROFIT_RANK.map((x) => (x === null ? '' : x)));
    expect(subHeaders(r).slice(4)).toEqual(['前3位', '后3位', '低于全市']);
    expect(ranksColumn(r, 4)).toEqual(TOP3);
    expect(ranksColumn(r, 5)).toEqual(BOTTOM3);
    expect(ranksColumn(r, 6)).toEqual(BELOW);
    // the total has no rank: no line for it (the regions start under the headers)
    expect(r.cells[RANKS_FIRST_ROW][0]?.value).toBe(REGIONS[0]);
    expect(r.cells.some((line) => line[0]?.value === '全市')).toBe(false);
  });
});

describe('formulas', () => {
  test('values mode has no formulas; formulas mode gives every computed cell one', () => {
    const values = plan({ points: true, share: true });
    expect(values.plan.mode).toBe('values');
    for (const s of values.plan.sheets) for (const line of s.cells) for (const c of line) expect(c?.formula).toBeUndefined();
    const f = plan({ mode: 'formulas', points: true, share: true });
    expect(f.plan.mode).toBe('formulas');
    const s = f.plan.sheets[0];
    for (const r of REGIONS) for (let c = 1; c < s.cells[4].length; c++) if (value(s, rowOf(r), c) !== undefined && !(r === '北湖区' && c === columnOf(s, PROFIT_NAME, '增速(%)'))) expect(cell(s, rowOf(r), c)?.formula).toMatch(/^=/);
    // the same values in both modes
    expect(f.plan.sheets.map((x) => x.cells.map((l) => l.map((c) => c?.value)))).toEqual(values.plan.sheets.map((x) => x.cells.map((l) => l.map((c) => c?.value))));
  });

  test('value and growth formulas refer to the source cells, the sheet name quoted', () => {
    const s = plan({ mode: 'formulas' }).plan.sheets[0];
    // GDP: total in source row 5, 城东 in row 6
    expect(cell(s, TOTAL_ROW, C.gdpV)?.formula).toBe("=ROUND('地区生产总值'!B5,2)");
    expect(cell(s, TOTAL_ROW, C.gdpG)?.formula).toBe("=ROUND('地区生产总值'!C5,1)");
    expect(cell(s, rowOf('城东区'), C.gdpG)?.formula).toBe("=ROUND('地区生产总值'!C6,1)");
    expect(cell(s, rowOf('石门市'), C.gdpG)?.formula).toBe("=ROUND('地区生产总值'!C13,1)");
    expect(cell(s, rowOf('城东区'), C.gdpV)?.formula).toBe("=ROUND('地区生产总值'!B6,2)");
    expect(cell(s, rowOf('城东区'), C.revV)?.formula).toBe("=ROUND('一般公共预算收入'!B6,0)");
    // a number stored as text is read with VALUE()
    expect(cell(s, rowOf('城西区'), C.revG)?.formula).toBe("=ROUND(VALUE('一般公共预算收入'!C7),1)");
    expect(cell(s, rowOf('城东区'), C.revG)?.formula).toBe("=ROUND('一般公共预算收入'!C6,1)");
    // computed growth: (now − before) / before × 100 from the source row (城东 in row 4 of 利润总额)
    expect(cell(s, rowOf('城东区'), C.proG)?.formula).toBe("=ROUND(('利润总额'!B4-'利润总额'!C4)/'利润总额'!C4*100,1)");
    // the outcome word is text, with no formula
    expect(cell(s, rowOf('北湖区'), C.proG)).toEqual({ value: '扭亏为盈' });
  });

  test('a quote in a sheet name is doubled', () => {
    const q = countyWorkbook("GDP '25");
    const s = planSummary(q.summary(), { mode: 'formulas' }).plan.sheets[0];
    expect(cell(s, rowOf('城东区'), C.gdpG)?.formula).toBe("=ROUND('GDP ''25'!C6,1)");
    expect(cell(s, 3, C.gdpV)?.link).toEqual({ sheet: "GDP '25", cell: 'A3' });
  });

  test('rank formulas: RANK for competition, SUMPRODUCT/COUNTIF for dense, over the region rows only', () => {
    const comp = plan({ mode: 'formulas' }).plan.sheets[0];
    expect(cell(comp, rowOf('城东区'), C.gdpR)?.formula).toBe('=IF(ISNUMBER(C7),RANK(C7,C$7:C$14,0),"")');
    expect(cell(comp, rowOf('石门市'), C.revR)?.formula).toBe('=IF(ISNUMBER(F14),RANK(F14,F$7:F$14,0),"")');
    const dense = plan({ mode: 'formulas' }, 'dense').plan.sheets[0];
    const f = cell(dense, rowOf('城东区'), C.gdpR)?.formula as string;
    expect(f).toBe('=IF(ISNUMBER(C7),SUMPRODUCT(ISNUMBER(C$7:C$14)*(C$7:C$14>C7)/COUNTIF(C$7:C$14,C$7:C$14&""))+1,"")');
    expect(f).not.toContain('RANK(');
    for (const s of [comp, dense]) for (const r of REGIONS) expect(cell(s, rowOf(r), C.gdpR)?.formula).toContain(`C${rowOf(r) + 1}`);
  });

  test('points, share and count formulas', () => {
    const s = plan({ mode: 'formulas', points: true, share: true }).plan.sheets[0];
    expect(cell(s, rowOf('城东区'), 4)?.formula).toBe('=ROUND(C7-C$6,1)');
    expect(cell(s, rowOf('城东区'), 5)?.formula).toBe("='地区生产总值'!B6/'地区生产总值'!B5*100");
    const top = s.cells[4].length - 3;
    expect(cell(s, rowOf('城东区'), top)?.formula).toBe('=IF(ISNUMBER(D7),--(D7<=3),0)+IF(ISNUMBER(I7),--(I7<=3),0)+IF(ISNUMBER(N7),--(N7<=3),0)');
  });

  test.each([
    ['competition', {}],
    ['dense', {}],
    ['competition', { points: true, share: true }],
    ['dense', { points: true, share: true, top: 2 }],
    ['competition', { perSheet: 1 }],
    ['dense', { perSheet: 2, lang: 'en-US' }],
  ] as const)('every formula gives the value beside it (%s, %j)', (ties, options) => {
    const r = plan({ ...options, mode: 'formulas' }, ties);
    const { checked, bad } = formulaMismatches(r.plan, w.grids);
    expect(checked).toBeGreaterThan(80);
    expect(bad).toEqual([]);
  });

  test('the formula check itself catches a reference to another row and a dense rank written as RANK', () => {
    const r = plan({ mode: 'formulas' }, 'dense');
    const sheet = r.plan.sheets[0];
    const growth = cell(sheet, rowOf('城东区'), C.gdpG);
    const rank = cell(sheet, rowOf('石门市'), C.gdpR);
    if (!growth || !rank) throw new Error('cells missing');
    growth.formula = "=ROUND('地区生产总值'!C8,1)";
    rank.formula = '=IF(ISNUMBER(C14),RANK(C14,C$7:C$14,0),"")';
    const { bad } = formulaMismatches(r.plan, w.grids);
    expect(bad.map((b) => [b.row, b.col, b.got])).toEqual([
      [rowOf('城东区'), C.gdpG, 12.1],
      [rowOf('石门市'), C.gdpR, 4],
    ]);
  });

  test('formulas to a sheet whose name has a quote give the values too', () => {
    const q = countyWorkbook("GDP '25");
    const r = planSummary(q.summary(), { mode: 'formulas', points: true, share: true });
    expect(formulaMismatches(r.plan, q.grids).bad).toEqual([]);
  });

  test('位次表 formulas refer to the rank cells of the summary sheet', () => {
    const r = plan({ mode: 'formulas' }).plan.sheets[1];
    expect(cell(r, ranksRowOf('城东区'), 1)?.formula).toBe(`=IF(ISNUMBER('主要指标汇总表'!D7),'主要指标汇总表'!D7,"")`);
    expect(cell(r, ranksRowOf('城东区'), 2)?.formula).toBe(`=IF(ISNUMBER('主要指标汇总表'!G7),'主要指标汇总表'!G7,"")`);
    expect(cell(r, ranksRowOf('城东区'), 4)?.formula).toBe('=COUNTIF(B6:D6,"<="&3)');
  });
});

describe('number formats and highlights', () => {
  const s = main();

  test('number formats per column over the body: value as the source shows, growth 0.0 (negative in red), rank 0, counts 0', () => {
    const body = (c: number) => ({ top: TOTAL_ROW, left: c, bottom: LAST_ROW, right: c });
    expect(s.formats).toContainEqual({ range: body(C.gdpV), style: { numberFormat: '0.00' } });
    expect(s.formats).toContainEqual({ range: body(C.revV), style: { numberFormat: '0' } });
    for (const c of [C.gdpG, C.revG, C.proG]) expect(s.formats).toContainEqual({ range: body(c), style: { numberFormat: '0.0;[Red]-0.0' } });
    // with the negative mark off, plain 0.0
    for (const c of [C.gdpG, C.revG, C.proG]) expect(main({ highlights: { negative: false } }).formats).toContainEqual({ range: body(c), style: { numberFormat: '0.0' } });
    for (const c of [C.gdpR, C.revR, C.proR]) expect(s.formats).toContainEqual({ range: body(c), style: { numberFormat: '0', hAlign: 'center' } });
    expect(s.formats).toContainEqual({ range: { top: FIRST_ROW, left: C.top, bottom: LAST_ROW, right: C.below }, style: { numberFormat: '0', hAlign: 'center' } });
  });

  test('kinds present, one rule per indicator column range, in priority order; ties as rules only with formulas', () => {
    expect(s.highlights.map((h) => h.kind)).toEqual(['top', 'top', 'top', 'bottom', 'bottom', 'bottom', 'below-total', 'below-total', 'below-total']);
    const f = main({ mode: 'formulas' });
    expect(f.highlights.map((h) => h.kind)).toEqual([...s.highlights.map((h) => h.kind), 'tie', 'tie', 'tie']);
    const of = (kind: HighlightKind, x = s) => x.highlights.filter((h) => h.kind === kind).map((h) => h.range);
    const span = (l: number, r: number, top = FIRST_ROW) => ({ top, left: l, bottom: LAST_ROW, right: r });
    expect(of('top')).toEqual([span(C.gdpG, C.gdpR), span(C.revG, C.revR), span(C.proG, C.proR)]);
    expect(of('bottom')).toEqual([span(C.gdpG, C.gdpR), span(C.revG, C.revR), span(C.proG, C.proR)]);
    expect(of('below-total')).toEqual([span(C.gdpG, C.gdpG), span(C.revG, C.revG), span(C.proG, C.proG)]);
    expect(of('tie', f)).toEqual([span(C.gdpR, C.gdpR), span(C.revR, C.revR), span(C.proR, C.proR)]);
  });

  // LibreOffice (and some other programs) apply only the first conditional format that matches a
  // cell, so a tie mark or a red growth given by a rule vanished under a top or bottom highlight.
  // What is known when the sheet is written goes into the cells' own number formats.
  test('values: tied rank cells carry 0"(并列)" in their own format, only they; negative growth is red by its number format', () => {
    const tieFormats = (x: SheetPlan) => x.formats.filter((f) => f.style.numberFormat === '0"(并列)"').map((f) => f.range);
    const one = (r: number, c: number) => ({ top: r, left: c, bottom: r, right: c });
    expect(tieFormats(s)).toEqual([one(rowOf('城东区'), C.gdpR), one(rowOf('城西区'), C.gdpR)]);
    // the tie format comes after the column's rank format, so it wins
    const at = (x: SheetPlan, r: number, c: number) => x.formats.filter((f) => f.range.top <= r && r <= f.range.bottom && f.range.left <= c && c <= f.range.right && f.style.numberFormat).pop()?.style.numberFormat;
    expect(at(s, rowOf('城东区'), C.gdpR)).toBe('0"(并列)"');
    expect(at(s, rowOf('北湖区'), C.gdpR)).toBe('0');
    expect(at(s, rowOf('云溪县'), C.gdpG)).toBe('0.0;[Red]-0.0');
    // 位次表 too
    const ranks = plan().plan.sheets[1];
    expect(tieFormats(ranks)).toEqual([one(ranksRowOf('城东区'), 1), one(ranksRowOf('城西区'), 1)]);
    expect(plan({ highlights: { tie: false } }).plan.sheets.flatMap(tieFormats)).toEqual([]);
    expect(plan({ mode: 'formulas' }).plan.sheets.flatMap(tieFormats)).toEqual([]);
    // en-US
    expect(main({ lang: 'en-US' }).formats.filter((f) => f.style.numberFormat === '0" (tied)"')).toHaveLength(2);
  });

  test('rule formulas as documented (written for the top-left cell)', () => {
    const f = main({ mode: 'formulas' });
    const gdp = (kind: HighlightKind) => f.highlights.find((h) => h.kind === kind)?.formula;
    expect(gdp('top')).toBe('=AND(ISNUMBER($D7),$D7<=3)');
    expect(gdp('bottom')).toBe('=AND(ISNUMBER($D7),COUNTIF($D$7:$D$14,">"&$D7)<3)');
    expect(gdp('below-total')).toBe('=AND(ISNUMBER(C7),ISNUMBER(C$6),C7<C$6)');
    expect(gdp('negative')).toBeUndefined();
    expect(gdp('tie')).toBe('=AND(ISNUMBER(D7),COUNTIF(D$7:D$14,D7)>1)');
    const dense = main({}, 'dense').highlights.find((h) => h.kind === 'bottom')?.formula;
    expect(dense).toBe('=AND(ISNUMBER($D7),MAX($D$7:$D$14)-$D7<3)');
  });

  test('each rule marks exactly the cells it should', () => {
    const p = plan({ mode: 'formulas' });
    const sheet = p.plan.sheets[0];
    const marked = (kind: HighlightKind, n: number) => [...highlightedRows(p.plan, w.grids, sheet, sheet.highlights.filter((h) => h.kind === kind)[n]).values()];
    const rows = (...names: (typeof REGIONS)[number][]) => names.map(rowOf).sort((a, b) => a - b);
    expect(marked('top', 0)).toEqual([rows('城东区', '城西区', '北湖区'), rows('城东区', '城西区', '北湖区')]);
    expect(marked('top', 1)[0]).toEqual(rows('城西区', '新安县', '清河县'));
    expect(marked('bottom', 0)[0]).toEqual(rows('云溪县', '清河县', '白沙县'));
    expect(marked('bottom', 2)[0]).toEqual(rows('城东区', '城西区', '新安县'));
    expect(marked('below-total', 0)).toEqual([rows('云溪县', '清河县', '白沙县')]);
    expect(marked('below-total', 1)).toEqual([rows('北湖区', '云溪县', '白沙县', '石门市')]);
    expect(marked('below-total', 2)).toEqual([[]]);
    expect(marked('tie', 0)).toEqual([rows('城东区', '城西区')]);
    expect(marked('tie', 1)).toEqual([[]]);
  });

  test('dense: the top rule and the counts take the four regions ranked 1–3', () => {
    const p = plan({}, 'dense');
    const sheet = p.plan.sheets[0];
    const rule = sheet.highlights.find((h) => h.kind === 'top');
    expect(rule).toBeDefined();
    const marked = highlightedRows(p.plan, w.grids, sheet, rule as SheetPlan['highlights'][number]);
    expect(marked.get(C.gdpR)).toEqual(['城东区', '城西区', '北湖区', '石门市'].map((r) => rowOf(r as (typeof REGIONS)[number])));
  });

  test.each(['top', 'bottom', 'below-total', 'tie'] as const)('switching %s off removes exactly its rules, on both sheets', (kind) => {
    const on = plan({ mode: 'formulas' });
    const off = plan({ mode: 'formulas', highlights: { [kind]: false } });
    on.plan.sheets.forEach((sheet, i) => {
      expect(off.plan.sheets[i].highlights).toEqual(sheet.highlights.filter((h) => h.kind !== kind));
      expect(off.plan.sheets[i].cells.slice(0, LAST_ROW + 1)).toEqual(sheet.cells.slice(0, LAST_ROW + 1));
    });
    expect(on.plan.sheets[0].highlights.some((h) => h.kind === kind)).toBe(true);
  });

  test('all highlights off: no rules and no 标注 line', () => {
    const off = plan({ highlights: { top: false, bottom: false, 'below-total': false, negative: false, tie: false, 'behind-progress': false } });
    for (const sheet of off.plan.sheets) {
      expect(sheet.highlights).toEqual([]);
      expect(footnoteLines(sheet).some((l) => l.includes('标注'))).toBe(false);
    }
  });

  test('default styles keep their meaning in black and white', () => {
    expect(HIGHLIGHT_STYLE.top.bold).toBe(true);
    expect(HIGHLIGHT_STYLE.bottom.italic).toBe(true);
    expect(HIGHLIGHT_STYLE['below-total'].underline).toBe(true);
    expect(HIGHLIGHT_STYLE.negative.color).toBe('#FF0000');
    for (const h of main({ mode: 'formulas' }).highlights) {
      if (h.kind === 'tie') expect(h.style).toEqual({ numberFormat: '0"(并列)"' });
      else expect(h.style).toEqual(HIGHLIGHT_STYLE[h.kind]);
    }
    // no two kinds rely on colour alone
    expect(HIGHLIGHT_STYLE.top.italic).toBeFalsy();
    expect(HIGHLIGHT_STYLE.bottom.bold).toBeFalsy();
    expect(main({ lang: 'en-US', mode: 'formulas' }).highlights.find((h) => h.kind === 'tie')?.style).toEqual({ numberFormat: '0" (tied)"' });
  });
});

describe('footnotes', () => {
  test('the lines under the table, numbered, merged across it', () => {
    const s = main();
    const lines = footnoteLines(s);
    expect(lines).toEqual([
      '注：1. 地区生产总值增速按可比价计算。',
      '　　2. 规模以上工业企业利润总额增速由现价绝对额计算，未剔除价格因素。',
      '　　3. 位次为在8个县市区中的排名（规模以上工业企业利润总额为在7个县市区中的排名），按增速从高到低排列。',
      '　　4. 排位按公布的小数位数比较，相同者并列，并列占位（如1、2、2、4）。',
      '　　5. 位次统计为本表3项指标中位居前3位、后3位和增速低于全市的项数。',
      '　　6. 因四舍五入，分项之和与合计可能略有差异。',
      '　　7. 标注：加粗浅蓝底为前3位、斜体浅橙底为后3位、下划线为增速低于全市、红色数字为负增长、“并列”为并列位次。',
    ]);
    const first = s.cells.findIndex((l) => l[0]?.value === lines[0]);
    expect(first).toBeGreaterThan(LAST_ROW + 1);
    for (let i = 0; i < lines.length; i++) expect(s.merges).toContainEqual({ top: first + i, left: 0, bottom: first + i, right: LAST_COL });
  });

  test('dense ties: 并列不占位 (1、2、2、3); the recomputed ranks are noted', () => {
    const lines = footnoteLines(main({}, 'dense'));
    expect(lines).toContainEqual('　　4. 排位按公布的小数位数比较，相同者并列，并列不占位（如1、2、2、3）。');
    expect(lines.some((l) => l.includes('并列占位（如1、2、2、4）'))).toBe(false);
    expect(lines).toContainEqual('　　5. 位次按各表数据重新计算，与原表公布位次不同之处见单元格批注。');
  });

  test('可比价 for every indicator when all are 生产总值/增加值', () => {
    const gdpOnly = workbookOf([countySheet('地区生产总值', '地区生产总值', '亿元', GDP, { valueFormat: '0.00_ ' })]);
    const lines = footnoteLines(planSummary(gdpOnly.summary()).plan.sheets[0]);
    expect(lines[0]).toBe('注：1. 增速按可比价计算。');
    expect(lines[1]).toBe('　　2. 位次为在8个县市区中的排名，按增速从高到低排列。');
    const noGdp = workbookOf([countySheet('一般公共预算收入', '一般公共预算收入', '万元', REVENUE)]);
    expect(footnoteLines(planSummary(noGdp.summary()).plan.sheets[0]).some((l) => l.includes('可比价'))).toBe(false);
  });

  test('the number of peers follows the sheets: 6 regions give 6', () => {
    const six: CountyFigures = { total: REVENUE.total, lines: REVENUE.lines.slice(0, 6) };
    const s = planSummary(workbookOf([countySheet('收入', '一般公共预算收入', '万元', six)]).summary()).plan.sheets[0];
    expect(footnoteLines(s)).toContainEqual(expect.stringContaining('位次为在6个县市区中的排名'));
  });

  test('en-US text', () => {
    const lines = footnoteLines(main({ lang: 'en-US' }));
    expect(lines).toEqual([
      'Notes: 1. Growth of 地区生产总值 at comparable prices.',
      '       2. Growth of 规模以上工业企业利润总额 computed from values at current prices (price changes not removed).',
      '       3. Ranks are among 8 counties and districts (规模以上工业企业利润总额: among 7), by growth from highest.',
      '       4. Figures are compared as shown; equal figures share a rank, and the next rank is skipped (1, 2, 2, 4).',
      '       5. Rank counts: of the 3 indicators in this table, how many are in the top 3, the bottom 3, and below 全市 growth.',
      '       6. Parts may not add up to the total because of rounding.',
      '       7. Marked: bold on light blue: top 3, italic on light orange: bottom 3, underlined: growth below 全市, red: negative growth, "tied" marks shared ranks.',
    ]);
    const s = main({ lang: 'en-US' });
    expect(value(s, 0, 0)).toBe('Main indicators by counties and districts');
    expect(subHeaders(s).slice(1, 4)).toEqual(['Value (亿元)', 'Growth (%)', 'Rank']);
    expect(plan({ lang: 'en-US' }).plan.sheets.map((x) => x.name)).toEqual(['Summary', 'Ranks', 'Analysis']);
  });

  test('a highlight switched off leaves the 标注 line', () => {
    const lines = footnoteLines(main({ highlights: { tie: false, negative: false } }));
    expect(lines[lines.length - 1]).toBe('　　7. 标注：加粗浅蓝底为前3位、斜体浅橙底为后3位、下划线为增速低于全市。');
  });

  test('位次表 footnotes: peers, ties, counts and marks; no rounding line', () => {
    const lines = footnoteLines(plan().plan.sheets[1]);
    expect(lines.some((l) => l.includes('四舍五入'))).toBe(false);
    expect(lines).toContainEqual(expect.stringContaining('位次为在8个县市区中的排名'));
    expect(lines).toContainEqual(expect.stringContaining('并列占位（如1、2、2、4）'));
    expect(lines[lines.length - 1]).toContain('标注：加粗浅蓝底为前3位、斜体浅橙底为后3位、“并列”为并列位次。');
  });

  // Was a bug, fixed (src/core/summary/planSummary.ts, the 位次表 footnotes): footnotes() numbers
  // the lines, then planSummary drops the rounding line with .filter(), so the
  // numbers jump: "… 4. 位次统计…" is followed by "6. 标注…" (en-US: 5 then 7 in
  // the dense case, where 位次按各表数据重新计算 adds a line).
  test('位次表 footnotes are numbered 1, 2, 3… without a gap', () => {
    for (const ties of ['competition', 'dense'] as const) {
      const lines = footnoteLines(plan({}, ties).plan.sheets[1]);
      expect(lines.map((l) => Number(/(\d+)\. /.exec(l)?.[1]))).toEqual(lines.map((_, i) => i + 1));
    }
  });
});

describe('footnotes of a summary without growth (ranked by value)', () => {
  const population = () =>
    workbookOf([
      gridFromValues(
        '人口',
        [['2025年各县市区常住人口', null], ['地区', '常住人口(万人)'], ['全市', 650], ...REGIONS.map((r, i) => [r, 80 + i])],
        { merges: ['A1:B1'] },
      ),
    ]);

  test('总量位次, no growth columns, no below-total or negative rules, no 低于全市 column', () => {
    const s = planSummary(population().summary()).plan.sheets[0];
    expect(subHeaders(s)).toEqual([null, '绝对额(万人)', '总量位次', '前3位', '后3位']);
    expect(regionColumn(s, 2)).toEqual([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(s.highlights.map((h) => h.kind)).toEqual(['top', 'bottom']);
    expect(s.formats.some((f) => f.style.numberFormat?.includes('[Red]'))).toBe(false);
    expect(footnoteLines(s)[0]).toBe('注：1. 位次为在8个县市区中的排名；常住人口按总量排位。');
  });

  // Was a bug, fixed (src/core/summary/footnotes.ts, the 标注 marks and foot.counts): the legend is
  // built from the highlight switches, not from the rules the sheet has, so a sheet
  // without growth explains 下划线为增速低于全市 and 红色数字为负增长 though no such
  // rule exists, and the counts line speaks of 增速低于全市 though there is no such
  // column. (The same for behind-progress is guarded by `f.progress`.)
  test('the legend and the counts line name only marks and columns the sheet has', () => {
    const s = planSummary(population().summary()).plan.sheets[0];
    const lines = footnoteLines(s);
    expect(lines.some((l) => l.includes('下划线为增速低于全市'))).toBe(false);
    expect(lines.some((l) => l.includes('红色数字为负增长'))).toBe(false);
    expect(lines.some((l) => l.includes('增速低于全市的项数'))).toBe(false);
  });
});

describe('splitting and picking indicators', () => {
  const NAMES = ['地区生产总值', '规模以上工业增加值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '税收收入', '进出口总额', '城乡居民储蓄存款余额'];
  /** eight indicators, each with distinct growth (the order turns with the sheet) */
  const eight = workbookOf(
    NAMES.map((name, j) => {
      const lines = REVENUE.lines.map((l, i): [number, number] => [l[0] as number, Number((3 + ((i + j) % 8) * 1.1).toFixed(1))]);
      return countySheet(`表${j + 1}`, name, '万元', { total: REVENUE.total, lines });
    }),
  );

  test('8 indicators, perSheet 3: 主要指标汇总表1…3 of 3, 3 and 2 indicators, then 位次表', () => {
    const r = planSummary(eight.summary(), { perSheet: 3, mode: 'formulas' });
    expect(r.indicators).toBe(8);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '主要指标汇总表3', '位次表', '分析要点']);
    const names = (s: SheetPlan) => (s.cells[3] ?? []).map((c) => c?.value).filter((v) => typeof v === 'string' && NAMES.includes(v));
    expect(r.plan.sheets.slice(0, 3).map(names)).toEqual([NAMES.slice(0, 3), NAMES.slice(3, 6), NAMES.slice(6)]);
    expect(r.plan.sheets.slice(0, 3).map((s) => value(s, 0, 0))).toEqual(['各县市区主要指标汇总表（1）', '各县市区主要指标汇总表（2）', '各县市区主要指标汇总表（3）']);
    // counts on each sheet are over its own indicators
    expect(footnoteLines(r.plan.sheets[2])).toContainEqual(expect.stringContaining('位次统计为本表2项指标中'));
    // 位次表 has all 8 and refers to the sheet each indicator went to
    const ranks = r.plan.sheets[3];
    expect(ranks.cells[3].slice(1, 9).map((c) => c?.value)).toEqual(NAMES);
    expect(cell(ranks, RANKS_FIRST_ROW, 4)?.formula).toBe(`=IF(ISNUMBER('主要指标汇总表2'!D7),'主要指标汇总表2'!D7,"")`);
    expect(cell(ranks, RANKS_FIRST_ROW, 8)?.formula).toBe(`=IF(ISNUMBER('主要指标汇总表3'!G7),'主要指标汇总表3'!G7,"")`);
    expect(formulaMismatches(r.plan, eight.grids).bad).toEqual([]);
    // the registry lists every sheet
    expect(readRegistry(gridOfPlan(r.plan.registry)).map((e) => e.sheet)).toEqual(r.plan.sheets.map((s) => s.name));
  });

  test('the default is 6 per sheet; one sheet keeps the plain name', () => {
    expect(planSummary(eight.summary()).plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点']);
    expect(planSummary(eight.summary(), { perSheet: 8 }).plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表', '位次表', '分析要点']);
    // 0 is taken as 1: eight summary sheets, 位次表, 分析要点
    expect(planSummary(eight.summary(), { perSheet: 0 }).plan.sheets).toHaveLength(10);
  });

  test('indicators picks and orders by name; a part of a name matches every indicator holding it; unknown ones are reported', () => {
    const r = plan({ indicators: [REV_NAME, GDP_NAME] });
    expect(r.plan.sheets[0].cells[3].map((c) => c?.value).filter((v) => v === GDP_NAME || v === REV_NAME || v === PROFIT_NAME)).toEqual([REV_NAME, GDP_NAME]);
    expect(r.indicators).toBe(2);
    const part = plan({ indicators: ['利润', '不存在的指标'] });
    expect(part.plan.sheets[0].cells[3][1]?.value).toBe(PROFIT_NAME);
    expect(part.indicators).toBe(1);
    expect(part.unknownIndicators).toEqual(['不存在的指标']);
    const both = planSummary(eight.summary(), { indicators: ['收入'] });
    expect(both.plan.sheets[0].cells[3].map((c) => c?.value).filter((v) => typeof v === 'string' && NAMES.includes(v))).toEqual(['一般公共预算收入', '税收收入']);
  });

  test('nothing picked: no sheets', () => {
    const r = plan({ indicators: ['不存在的指标'] });
    expect(r.plan.sheets).toEqual([]);
    expect(r.indicators).toBe(0);
  });
});

describe('idempotence and placing names', () => {
  const existingOf = (sheets: SheetPlan[], grids: Grid[]) => [
    ...grids.map((g) => ({ name: g.name, a1: String(g.rows[0]?.[0]?.value ?? '') })),
    ...sheets.map((s) => ({ name: s.name, a1: String(s.cells[0][0]?.value) })),
  ];

  test('the same input gives deep-equal plans', () => {
    expect(plan({ points: true, share: true, mode: 'formulas' })).toEqual(plan({ points: true, share: true, mode: 'formulas' }));
    expect(plan({ perSheet: 2 }, 'dense')).toEqual(plan({ perSheet: 2 }, 'dense'));
  });

  test('a second run over the first one keeps the names and removes the old sheets', () => {
    const first = plan({ mode: 'formulas' });
    const registry = readRegistry(gridOfPlan(first.plan.registry));
    expect(registry.map((e) => [e.sheet, e.role, e.title])).toEqual([
      ['主要指标汇总表', 'summary', '各县市区主要指标汇总表'],
      ['位次表', 'ranks', '各县市区主要指标位次表'],
      ['分析要点', 'analysis', '主要指标分析要点'],
    ]);
    const second = plan({ mode: 'formulas', existing: existingOf(first.plan.sheets, w.grids), registry });
    expect(second.plan.sheets.map((s) => s.name)).toEqual(first.plan.sheets.map((s) => s.name));
    expect(second.plan.remove).toEqual(['主要指标汇总表', '位次表', '分析要点']);
    expect(second.renamed).toEqual([]);
    expect(second.plan.sheets).toEqual(first.plan.sheets);
    expect(second.plan.registry).toEqual(first.plan.registry);
  });

  test('a user sheet named 主要指标汇总表 (not in the registry) stays; ours becomes 主要指标汇总表(2)', () => {
    const existing = [...existingOf([], w.grids), { name: '主要指标汇总表', a1: '我的汇总' }];
    const r = plan({ mode: 'formulas', existing, registry: [] });
    expect(r.plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表(2)', '位次表', '分析要点']);
    expect(r.plan.remove).toEqual([]);
    expect(r.renamed).toEqual([{ wanted: '主要指标汇总表', name: '主要指标汇总表(2)' }]);
    expect(cell(r.plan.sheets[1], RANKS_FIRST_ROW, 1)?.formula).toBe(`=IF(ISNUMBER('主要指标汇总表(2)'!D7),'主要指标汇总表(2)'!D7,"")`);
    expect(formulaMismatches(r.plan, w.grids).bad).toEqual([]);
    expect(readRegistry(gridOfPlan(r.plan.registry)).map((e) => e.sheet)).toEqual(['主要指标汇总表(2)', '位次表', '分析要点']);
  });

  test('a sheet the registry lists whose A1 no longer holds our title is the user sheet: kept, not removed', () => {
    const first = plan();
    const registry = readRegistry(gridOfPlan(first.plan.registry));
    const existing = [
      ...existingOf([], w.grids),
      { name: '主要指标汇总表', a1: '用户改写的表' },
      { name: '位次表', a1: '各县市区主要指标位次表' },
    ];
    const r = plan({ existing, registry });
    expect(r.plan.remove).toEqual(['位次表']);
    expect(r.plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表(2)', '位次表', '分析要点']);
    // the run after that finds its own 主要指标汇总表(2) and reuses the name
    const again = plan({
      existing: [...existing.filter((e) => e.name !== '位次表'), ...r.plan.sheets.map((s) => ({ name: s.name, a1: String(s.cells[0][0]?.value) }))],
      registry: readRegistry(gridOfPlan(r.plan.registry)),
    });
    expect(again.plan.sheets.map((s) => s.name)).toEqual(['主要指标汇总表(2)', '位次表', '分析要点']);
    expect(again.plan.remove).toEqual(['主要指标汇总表(2)', '位次表', '分析要点']);
  });

  test('names clash without case (en-US): a user sheet "summary" makes ours "Summary(2)"', () => {
    const r = plan({ lang: 'en-US', existing: [{ name: 'summary', a1: null }] });
    expect(r.plan.sheets.map((s) => s.name)).toEqual(['Summary(2)', 'Ranks', 'Analysis']);
  });

  test('the registry sheet is very hidden and its name is never used for a summary sheet', () => {
    const r = plan();
    expect(r.plan.registry).toMatchObject({ name: REGISTRY_SHEET, role: 'registry', hidden: true });
    for (const s of r.plan.sheets) expect(s.hidden).toBeFalsy();
  });
});

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let grids: Grid[] = [];
  beforeAll(async () => {
    grids = (await readXlsxFile(file)).grids();
  });

  test.each(['competition', 'dense'] as const)('every formula of the plan gives its value (%s)', (ties) => {
    const real = workbookOf(grids);
    const r = planSummary(real.summary({ ties }), { mode: 'formulas', points: true, share: true });
    expect(r.indicators).toBeGreaterThan(5);
    expect(r.period).toBe('2025年1-3月');
    const { checked, bad } = formulaMismatches(r.plan, grids);
    expect(checked).toBeGreaterThan(500);
    expect(bad).toEqual([]);
  });

  test('top and tie marks agree with the rank cells on every summary sheet', () => {
    const real = workbookOf(grids);
    const r = planSummary(real.summary(), { mode: 'formulas' });
    for (const sheet of r.plan.sheets.filter((s) => s.role === 'summary')) {
      for (const rule of sheet.highlights.filter((h) => h.kind === 'top' || h.kind === 'tie')) {
        const rankCol = rule.range.right;
        const ranks = new Map<number, unknown>();
        for (let row = rule.range.top; row <= rule.range.bottom; row++) ranks.set(row, value(sheet, row, rankCol));
        const all = [...ranks.values()];
        const want = [...ranks].filter(([, v]) => typeof v === 'number' && (rule.kind === 'top' ? v <= 3 : all.filter((x) => x === v).length > 1)).map(([row]) => row);
        for (const rows of highlightedRows(r.plan, grids, sheet, rule).values()) expect(rows).toEqual(want);
      }
    }
  });
});
