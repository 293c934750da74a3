/**
 * 分析要点 in the summary plan: the analysis text (src/core/text) as a sheet after 位次表 and
 * before 审核结果, one paragraph a row in wrapped text across merged columns, each row high
 * enough for its lines, A4 portrait one page wide; on by default, left out with text: false;
 * a re-run replaces it. On the generated county workbook (figures known by hand) and on the
 * sample; test/real/analysisPrint.test.ts prints it with LibreOffice.
 */
import * as path from 'node:path';
import { prepareSheets } from '../../../src/core/check';
import type { BuildSummaryInput } from '../../../src/core/session';
import { buildSummary } from '../../../src/core/session';
import type { SheetPlan, SummaryPlanOptions } from '../../../src/core/summary';
import { ANALYSIS_REGIONS_MAX, lineCount, planSummary, readRegistry, splitGrids } from '../../../src/core/summary';
import { summarize } from '../../../src/core/summarize';
import { bigTableGrid } from '../../support/bigTable';
import { ANALYSIS_ROW_MAX, ANALYSIS_WIDTH, paragraphRows } from '../../../src/core/summary/analysisSheet';
import { lineHeight } from '../../../src/core/summary/measure';
import { analyse } from '../../../src/core/text';
import { readWorkbookFile } from '../../../src/workbook/read/file';
import { countyWorkbook, gridOfPlan } from './county';

const w = countyWorkbook();
const planOf = (options: SummaryPlanOptions = {}) => planSummary(w.summary(), options);
const analysisOf = (sheets: SheetPlan[]): SheetPlan | undefined => sheets.find((s) => s.role === 'analysis');
const column = (s: SheetPlan): string[] => s.cells.map((r) => String(r[0]?.value ?? ''));

const TOTAL = '全市：地区生产总值1000.00亿元，增长6.3%（按可比价计算）。一般公共预算收入50.00亿元，增长7.4%。规模以上工业企业利润总额3.00亿元，增长20.0%。';
const GDP = '地区生产总值：县市区中，增速最快的是北湖区（增长12.1%），最慢的是云溪县（下降2.3%）。8个县市区中，有5个增速高于全市，3个低于全市。云溪县下降2.3%。';
const CHENGDONG = '城东区：地区生产总值120.00亿元，增长9.7%，高于全市3.4个百分点，增速居全市并列第2位。';

describe('分析要点 on the county workbook', () => {
  const { plan } = planOf();
  const s = analysisOf(plan.sheets) as SheetPlan;

  test('after 位次表, listed in the registry with its title, so a re-run knows it', () => {
    expect(plan.sheets.map((x) => [x.name, x.role])).toEqual([
      ['主要指标汇总表', 'summary'],
      ['位次表', 'ranks'],
      ['分析要点', 'analysis'],
    ]);
    expect(readRegistry(gridOfPlan(plan.registry)).map((e) => [e.sheet, e.role, e.title])).toContainEqual(['分析要点', 'analysis', '主要指标分析要点']);
  });

  test('title, period, a heading for each section, one row for each paragraph (figures checked by hand)', () => {
    const rows = column(s);
    expect(rows.slice(0, 4)).toEqual(['主要指标分析要点', '2025年1-3月', '一、总体情况', TOTAL]);
    expect(rows[4]).toBe('二、分指标');
    expect(rows[5]).toBe(GDP);
    expect(rows[8]).toBe('三、分地区');
    expect(rows[9].startsWith(CHENGDONG)).toBe(true);
    expect(rows.slice(9).map((r) => r.split('：')[0])).toEqual(['城东区', '城西区', '北湖区', '新安县', '云溪县', '清河县', '白沙县', '石门市']);
    // and every row is a paragraph of the analysis as the text module writes it, in its order
    const a = analyse(w.summary());
    const paragraphs = rows.filter((_, i) => i > 1 && !/^[一二三四五六七八九十]、/.test(rows[i]));
    expect(paragraphs).toEqual(a.paragraphs.map((p) => `${p.title}：${p.sentences.map((x) => x.text).join('')}`));
  });

  test('one wide text column: every row merged across the columns, the text wrapped at the top, each row high enough for its lines', () => {
    expect(s.columns.reduce((a, b) => a + b, 0)).toBe(ANALYSIS_WIDTH);
    const last = s.columns.length - 1;
    expect(last).toBeGreaterThan(0);
    s.cells.forEach((_, r) => expect(s.merges).toContainEqual({ top: r, left: 0, bottom: r, right: last }));
    const rows = column(s);
    for (let r = 3; r < rows.length; r++) {
      if (rows[r] === '二、分指标' || rows[r] === '三、分地区') continue;
      const style = Object.assign({}, ...s.formats.filter((f) => f.range.top <= r && r <= f.range.bottom).map((f) => f.style));
      expect(style).toMatchObject({ wrap: true, vAlign: 'top', hAlign: 'left', size: 11, font: '宋体' });
      const height = s.rowHeights.find((h) => h.row === r)?.height ?? 0;
      const lines = lineCount(rows[r], ANALYSIS_WIDTH, 11);
      expect({ r, lines, height }).toEqual({ r, lines, height: lines * lineHeight(11) + 4 });
      expect(height).toBeLessThanOrEqual(409);
    }
    // the region paragraphs take more than one line
    expect(lineCount(rows[9], ANALYSIS_WIDTH, 11)).toBeGreaterThan(1);
  });

  test('printable: A4 portrait, one page wide, as many pages tall as needed, page numbers in the footer', () => {
    expect(s.print).toMatchObject({ paper: 'A4', orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, titleRows: null, footer: '第 &P 页，共 &N 页', centerHorizontally: true });
    expect(s.freeze).toBeNull();
  });

  test('en-US: the sheet, its title and headings in English', () => {
    const en = analysisOf(planOf({ lang: 'en-US' }).plan.sheets) as SheetPlan;
    expect(en.name).toBe('Analysis');
    const rows = column(en);
    expect(rows.slice(0, 3)).toEqual(['Analysis of the main indicators', '2025年1-3月', '1. Overall']);
    expect(rows[3]).toBe('全市: 地区生产总值 1000.00 亿元, up 6.3% (at comparable prices). 一般公共预算收入 50.00 亿元, up 7.4%. 规模以上工业企业利润总额 3.00 亿元, up 20.0%.');
    expect(rows).toContain('2. By indicator');
    expect(rows).toContain('3. By region');
    expect(en.print.footer).toBe('Page &P of &N');
  });

  test('text: false leaves the sheet out and changes no other sheet', () => {
    const off = planOf({ text: false }).plan;
    expect(off.sheets.map((x) => x.name)).toEqual(['主要指标汇总表', '位次表']);
    expect(off.sheets).toEqual(plan.sheets.filter((x) => x.role !== 'analysis'));
    expect(readRegistry(gridOfPlan(off.registry)).map((e) => e.sheet)).toEqual(['主要指标汇总表', '位次表']);
  });

  test('a re-run replaces it (same name, listed for removal, no 分析要点(2)); a user sheet of that name is kept', () => {
    const existing = [...w.grids.map((g) => ({ name: g.name, a1: null })), ...plan.sheets.map((x) => ({ name: x.name, a1: String(x.cells[0][0]?.value) }))];
    const again = planOf({ existing, registry: readRegistry(gridOfPlan(plan.registry)) });
    expect(again.plan.sheets.map((x) => x.name)).toEqual(['主要指标汇总表', '位次表', '分析要点']);
    expect(again.plan.remove).toContain('分析要点');
    expect(again.renamed).toEqual([]);
    const mine = planOf({ existing: [{ name: '分析要点', a1: '我写的分析' }], registry: [] });
    expect(mine.plan.remove).toEqual([]);
    expect(mine.renamed).toEqual([{ wanted: '分析要点', name: '分析要点(2)' }]);
  });

  test('the text covers the indicators picked, in their order', () => {
    const s2 = analysisOf(planOf({ indicators: ['一般公共预算收入', '地区生产总值'] }).plan.sheets) as SheetPlan;
    const rows = column(s2);
    expect(rows[3]).toBe('全市：一般公共预算收入50.00亿元，增长7.4%。地区生产总值1000.00亿元，增长6.3%（按可比价计算）。');
    expect(rows.join('')).not.toContain('利润总额');
  });

  test('an indicator with an error the checks found is left out, and the last row says so (with or without 审核结果)', () => {
    const error = { rule: 'sum-mismatch', severity: 'error' as const, sheet: '地区生产总值', cell: 'B6', message: '合计不等于各地区之和' };
    const issues = [error];
    for (const options of [{ findings: { issues, summary: [], notes: [] } }, { textFindings: issues }] as SummaryPlanOptions[]) {
      const r = planOf(options);
      const rows = column(analysisOf(r.plan.sheets) as SheetPlan);
      expect(rows.join('')).not.toContain('地区生产总值1000.00亿元');
      expect(rows[rows.length - 1]).toBe('「地区生产总值」（地区生产总值）有待更正的错误，未写入分析。');
      expect(rows[rows.length - 2]).toBe('');
      expect(r.plan.sheets.some((x) => x.role === 'findings')).toBe('findings' in options);
    }
  });
});

describe('分析要点 of a table of more regions than ANALYSIS_REGIONS_MAX', () => {
  test('no paragraph for each region (the other sections as ever), and the last row says why', () => {
    const grid = bigTableGrid(ANALYSIS_REGIONS_MAX + 1, 6, 7);
    const sheets = prepareSheets({ grids: [grid] });
    const result = summarize(
      sheets.map((p) => p.layout),
      sheets.map((p) => p.cells),
    );
    const rows = column(analysisOf(planSummary(result).plan.sheets) as SheetPlan);
    expect(rows.filter((r) => /^[一二三四]、/.test(r))).toEqual(['一、总体情况', '二、分指标']);
    expect(rows[rows.length - 1]).toBe(`共${ANALYSIS_REGIONS_MAX + 1}个地区，多于${ANALYSIS_REGIONS_MAX}个，未逐一写出分地区段落；可在任务窗格或用 indicator-tables text 命令按地区查看。`);
    const fewer = bigTableGrid(ANALYSIS_REGIONS_MAX, 6, 7);
    const few = prepareSheets({ grids: [fewer] });
    const all = column(analysisOf(planSummary(summarize(few.map((p) => p.layout), few.map((p) => p.cells))).plan.sheets) as SheetPlan);
    expect(all.filter((r) => /^[一二三四]、/.test(r))).toEqual(['一、总体情况', '二、分指标', '三、分地区']);
  });
});

describe('a paragraph taller than a row can be', () => {
  const sentence = (i: number) => `第${i}项指标增长${i}.0%，高于全市${i}.0个百分点，增速居全市第${i}位，较上月前移${i}位。`;

  test('goes on several rows, cut at the ends of sentences, each under the highest row', () => {
    const sentences = Array.from({ length: 60 }, (_, i) => sentence(i + 1));
    const rows = paragraphRows('城东区', sentences, 'zh-CN');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0].startsWith('城东区：第1项指标')).toBe(true);
    expect(rows.join('')).toBe(`城东区：${sentences.join('')}`);
    for (const r of rows) {
      expect(lineCount(r, ANALYSIS_WIDTH, 11) * lineHeight(11) + 4).toBeLessThanOrEqual(ANALYSIS_ROW_MAX);
      // each row ends a sentence
      expect(r.endsWith('。')).toBe(true);
    }
    // as few rows as that allows: two rows together would be too high
    for (let i = 1; i < rows.length; i++) expect(lineCount(rows[i - 1] + rows[i], ANALYSIS_WIDTH, 11) * lineHeight(11) + 4).toBeGreaterThan(ANALYSIS_ROW_MAX);
  });

  test('a sentence too tall by itself (a list of 300 regions) is cut after a list mark, every row under the highest', () => {
    const names = Array.from({ length: 300 }, (_, i) => `第${i + 1}县`);
    const long = `${names.join('、')}分别下降${names.map((_, i) => `${(i % 50) + 0.5}%`).join('、')}。`;
    const rows = paragraphRows('进出口', [sentence(1), long, sentence(2)], 'zh-CN');
    expect(rows.join('')).toBe(`进出口：${sentence(1)}${long}${sentence(2)}`);
    expect(rows.length).toBeGreaterThan(2);
    for (const r of rows) expect(lineCount(r, ANALYSIS_WIDTH, 11) * lineHeight(11) + 4).toBeLessThanOrEqual(ANALYSIS_ROW_MAX);
    // cut only where a reader pauses: after 、 or at a sentence's end
    for (const r of rows.slice(0, -1)) expect(r).toMatch(/[、。]$/);
    // English: the rows read as the paragraph with spaces between them
    const en = Array.from({ length: 300 }, (_, i) => `Region ${i + 1} (down ${i}.5%)`).join(', ') + ' fell.';
    const enRows = paragraphRows('Exports', ['Up 5.9%.', en], 'en-US');
    expect(enRows.length).toBeGreaterThan(1);
    expect(enRows.join(' ')).toBe(`Exports: Up 5.9%. ${en}`);
  });

  test('a short one stays on one row; English sentences are joined with a space', () => {
    expect(paragraphRows('城东区', [sentence(1), sentence(2)], 'zh-CN')).toEqual([`城东区：${sentence(1)}${sentence(2)}`]);
    expect(paragraphRows('North', ['Up 5.9%.', 'Down 3.2%.'], 'en-US')).toEqual(['North: Up 5.9%. Down 3.2%.']);
  });
});

describe('分析要点 of the sample (assets/sample), as the command line and the add-in build it', () => {
  const SAMPLE = path.resolve(__dirname, '../../../assets/sample/county-indicators-2025-03.xlsx');
  const INPUT: BuildSummaryInput = { lang: 'zh-CN', mode: 'values', top: 3, points: false, share: false, perSheet: 6, highlights: {}, check: true, summarize: {} };
  let build: (o?: Partial<BuildSummaryInput>) => ReturnType<typeof buildSummary>;
  beforeAll(async () => {
    const split = splitGrids((await readWorkbookFile(SAMPLE)).grids());
    const sheets = prepareSheets({ grids: split.grids });
    build = (o = {}) => buildSummary(split, sheets, { ...INPUT, ...o });
  });

  test('between 位次表 and 审核结果; the planted error keeps 固定资产投资 out, and the text says so', () => {
    const { plan } = build().planned;
    expect(plan.sheets.map((x) => x.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果']);
    const rows = column(analysisOf(plan.sheets) as SheetPlan);
    expect(rows.slice(0, 3)).toEqual(['主要指标分析要点', '2025年1-3月', '一、总体情况']);
    expect(rows[3].startsWith('全市：地区生产总值537.69亿元，增长6.1%（按可比价计算）。规模工业增加值增长8.7%（按可比价计算）。社会消费品零售总额833.58亿元，增长6.0%。')).toBe(true);
    expect(rows).toContain('城镇居民人均可支配收入：县市区中，增速最快的是白沙县（增长6.3%），最慢的是石门市（增长4.7%）。12个县市区中，有4个增速高于全市，7个低于全市，1个与全市持平。');
    expect(rows.find((r) => r.startsWith('新安：'))).toContain('地方一般公共预算收入20.12亿元，增长21.1%，高于全市22.5个百分点，增速居全市第1位。');
    // 3 headings, the total, 7 indicators (固定资产投资 left out), 12 regions, a blank row, the left-out line
    expect(rows.length).toBe(2 + 3 + 1 + 7 + 12 + 2);
    expect(rows.join('')).not.toContain('固定资产投资：');
    expect(rows[rows.length - 1]).toBe('「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。');
  });

  test('check off: no 审核结果, and the text still leaves out the indicator with an error', () => {
    const { plan } = build({ check: false }).planned;
    expect(plan.sheets.map((x) => x.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点']);
    const rows = column(analysisOf(plan.sheets) as SheetPlan);
    expect(rows[rows.length - 1]).toBe('「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。');
  });

  test('text off: no 分析要点; the other sheets as before', () => {
    const on = build().planned.plan;
    const off = build({ text: false }).planned.plan;
    expect(off.sheets.map((x) => x.name)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '审核结果']);
    expect(off.sheets).toEqual(on.sheets.filter((x) => x.role !== 'analysis'));
  });
});
