import type { CheckResult, Finding } from '../../../src/core/check';
import { checkWorkbook } from '../../../src/core/check';
import type { SheetPlan } from '../../../src/core/summary';
import { planSummary } from '../../../src/core/summary';
import { buildFindingsSheet, sortFindings } from '../../../src/core/summary/findingsSheet';
import { countyWorkbook } from './county';

const ORDER = ['地区生产总值', '一般公共预算收入', '利润总额'];

/** Findings in no particular order: errors, warnings and a note over three sheets and one the order does not know. */
const ISSUES: Finding[] = [
  { sheet: '利润总额', cell: 'C5', rule: 'growth-outlier', severity: 'warning', message: '增速 85.2% 异常' },
  { sheet: '地区生产总值', cell: 'D9', rule: 'rank-mismatch', severity: 'error', message: '位次应为5', expected: 5, actual: 4 },
  { sheet: '一般公共预算收入', cell: 'C7', rule: 'text-number', severity: 'info', message: '文本型数字' },
  { sheet: '地区生产总值', cell: 'B12:B14', rule: 'total-mismatch', severity: 'error', message: '合计不符', expected: 1000, actual: 999.5 },
  { sheet: '利润总额', cell: 'AA3', rule: 'stray-value', severity: 'warning', message: '表外数字' },
  { sheet: '外部表', cell: 'A1', rule: 'period-mismatch', severity: 'error', message: '时期不一致', expected: '2025年1-3月', actual: '2025年1-2月' },
  { sheet: '利润总额', cell: 'B3', rule: 'stray-value', severity: 'warning', message: '表外数字' },
  { sheet: '地区生产总值', cell: 'C9', rule: 'growth-mismatch', severity: 'error', message: '增速不符' },
  { sheet: '地区生产总值', cell: 'A10', rule: 'missing-value', severity: 'error', message: '缺数' },
];

const RESULT: CheckResult = { issues: ISSUES, summary: [], notes: [] };

/** The sorted order, by hand: errors (sheet order, then row, then column; the unknown sheet last), warnings, the note. */
const SORTED: [string, string][] = [
  ['地区生产总值', 'C9'],
  ['地区生产总值', 'D9'],
  ['地区生产总值', 'A10'],
  ['地区生产总值', 'B12:B14'],
  ['外部表', 'A1'],
  ['利润总额', 'B3'],
  ['利润总额', 'AA3'],
  ['利润总额', 'C5'],
  ['一般公共预算收入', 'C7'],
];

const HEAD = 3;
const rowsOf = (plan: SheetPlan) => plan.cells.slice(HEAD + 1);

describe('sortFindings', () => {
  test('error → warning → info, then the workbook sheet order, then row and column (AA after B, 10 after 9)', () => {
    expect(sortFindings(ISSUES, ORDER).map((f) => [f.sheet, f.cell])).toEqual(SORTED);
  });

  test('the input is not changed', () => {
    const copy = [...ISSUES];
    sortFindings(ISSUES, ORDER);
    expect(ISSUES).toEqual(copy);
  });

  test('the sheet order decides between sheets of the same severity', () => {
    const two: Finding[] = [
      { sheet: 'A', cell: 'A1', rule: 'stray-value', severity: 'warning', message: '' },
      { sheet: 'B', cell: 'A1', rule: 'stray-value', severity: 'warning', message: '' },
    ];
    expect(sortFindings(two, ['B', 'A']).map((f) => f.sheet)).toEqual(['B', 'A']);
    expect(sortFindings(two, ['A', 'B']).map((f) => f.sheet)).toEqual(['A', 'B']);
  });
});

describe('审核结果 sheet', () => {
  const plan = buildFindingsSheet('审核结果', RESULT, ORDER, '2025年1-3月', 'zh-CN');

  test('title, period and the count line over the table width', () => {
    expect(plan.role).toBe('findings');
    expect(plan.cells[0][0]?.value).toBe('数据审核结果');
    expect(plan.cells[1][0]?.value).toBe('2025年1-3月');
    expect(plan.cells[2][0]?.value).toBe('共审核3个工作表，发现9条：错误5条，疑问3条，提示1条。');
    for (const row of [0, 1, 2]) expect(plan.merges).toContainEqual({ top: row, left: 0, bottom: row, right: 7 });
  });

  test('headers and one row per finding, in the sorted order, numbered from 1', () => {
    expect(plan.cells[HEAD].map((c) => c?.value)).toEqual(['序号', '级别', '工作表', '单元格', '审核规则', '说明', '应为', '实为']);
    const rows = rowsOf(plan);
    expect(rows).toHaveLength(ISSUES.length);
    expect(rows.map((r) => [r[2]?.value, r[3]?.value])).toEqual(SORTED);
    expect(rows.map((r) => r[0]?.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(rows.map((r) => r[1]?.value)).toEqual(['错误', '错误', '错误', '错误', '错误', '疑问', '疑问', '疑问', '提示']);
  });

  test('the cell column links to the finding cell (the first cell of a range) on its sheet', () => {
    const rows = rowsOf(plan);
    expect(rows.map((r) => r[3]?.link)).toEqual(SORTED.map(([sheet, cell]) => ({ sheet, cell: cell.split(':')[0] })));
    expect(rows[3][3]).toEqual({ value: 'B12:B14', link: { sheet: '地区生产总值', cell: 'B12' } });
    // only the cell column links
    for (const r of rows) for (const c of [0, 1, 2, 4, 5, 6, 7]) expect(r[c]?.link).toBeUndefined();
  });

  test('rule titles in Chinese; message, expected and actual as given', () => {
    const rows = rowsOf(plan);
    expect(rows.map((r) => r[4]?.value)).toEqual([
      '增速与绝对额不符',
      '位次与公布数不符',
      '数据缺失',
      '合计不等于分项之和',
      '时期不一致',
      '表外数字',
      '表外数字',
      '增速异常',
      '文本型数字',
    ]);
    expect(rows[1].slice(5).map((c) => c?.value)).toEqual(['位次应为5', 5, 4]);
    expect(rows[4].slice(5).map((c) => c?.value)).toEqual(['时期不一致', '2025年1-3月', '2025年1-2月']);
    // no expected/actual: the cells stay empty
    expect(rows[0][6] ?? null).toBeNull();
    expect(rows[0][7] ?? null).toBeNull();
  });

  test('rule titles and words in English', () => {
    const en = buildFindingsSheet('Check results', RESULT, ORDER, null, 'en-US');
    expect(en.cells[0][0]?.value).toBe('Results of the figure checks');
    expect(en.cells[1]).toEqual([]);
    expect(en.cells[2][0]?.value).toBe('Sheets checked: 3. Findings: 9 (errors: 5, warnings: 3, notes: 1).');
    expect(en.cells[HEAD][0]?.value).toBe('No.');
    const rows = rowsOf(en);
    expect(rows.map((r) => r[1]?.value)).toEqual(['Error', 'Error', 'Error', 'Error', 'Error', 'Warning', 'Warning', 'Warning', 'Note']);
    expect(rows.map((r) => r[4]?.value)).toEqual([
      'Growth disagrees with the values',
      'Rank disagrees with the figures',
      'Missing figure',
      'Total is not the sum of its parts',
      'Different period',
      'Stray figure',
      'Stray figure',
      'Unusual growth',
      'Number stored as text',
    ]);
  });

  test('severity blocks are filled: errors light red and bold, warnings light yellow, notes not', () => {
    expect(plan.formats).toContainEqual({ range: { top: 4, left: 1, bottom: 8, right: 1 }, style: { fill: '#F8CBAD', bold: true } });
    expect(plan.formats).toContainEqual({ range: { top: 9, left: 1, bottom: 11, right: 1 }, style: { fill: '#FFF2CC', bold: false } });
    expect(plan.formats.filter((f) => f.range.top === 12 && f.range.left === 1 && f.range.right === 1)).toEqual([]);
  });

  test('header rows repeat when printed; the header stays in view', () => {
    expect(plan.freeze).toEqual({ rows: HEAD + 1, cols: 0 });
    expect(plan.print).toMatchObject({ paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: { first: HEAD, last: HEAD } });
    expect(plan.columns).toHaveLength(8);
  });

  test('no findings: 未发现问题。 and no rows under the headers', () => {
    const none = buildFindingsSheet('审核结果', { issues: [], summary: [], notes: [] }, ORDER, '2025年1-3月', 'zh-CN');
    expect(none.cells[2][0]?.value).toBe('未发现问题。');
    expect(none.cells).toHaveLength(HEAD + 1);
    const en = buildFindingsSheet('Check results', { issues: [], summary: [], notes: [] }, ORDER, null, 'en-US');
    expect(en.cells[2][0]?.value).toBe('No findings.');
  });
});

describe('审核结果 from planSummary and the checker', () => {
  const w = countyWorkbook();
  const findings = checkWorkbook({ grids: w.grids, layouts: w.layouts });
  const order = w.grids.map((g) => g.name);

  test('the checker finds something in the county workbook (the text-stored 8.5)', () => {
    expect(findings.issues.some((f) => f.rule === 'text-number' && f.sheet === '一般公共预算收入')).toBe(true);
  });

  test('the sheet comes after 位次表 and 分析要点, is listed in the registry, and holds every finding sorted with links', () => {
    const { plan } = planSummary(w.summary(), { findings, sheetOrder: order });
    expect(plan.sheets.map((s) => [s.name, s.role])).toEqual([
      ['主要指标汇总表', 'summary'],
      ['位次表', 'ranks'],
      ['分析要点', 'analysis'],
      ['审核结果', 'findings'],
    ]);
    const sheet = plan.sheets[3];
    expect(plan.registry.cells[4].map((c) => c?.value)).toEqual(['审核结果', 'findings', '数据审核结果']);
    expect(sheet.cells[1][0]?.value).toBe('2025年1-3月');
    const count = { error: 0, warning: 0, info: 0 };
    for (const f of findings.issues) count[f.severity]++;
    expect(sheet.cells[2][0]?.value).toBe(`共审核3个工作表，发现${findings.issues.length}条：错误${count.error}条，疑问${count.warning}条，提示${count.info}条。`);
    const sorted = sortFindings(findings.issues, order);
    const rows = rowsOf(sheet);
    expect(rows.map((r) => r[3]?.link)).toEqual(sorted.map((f) => ({ sheet: f.sheet, cell: f.cell.split(':')[0] })));
    expect(rows.map((r) => r[5]?.value)).toEqual(sorted.map((f) => f.message));
  });

  test('no findings option: no 审核结果 sheet; empty findings: the sheet says 未发现问题。', () => {
    expect(planSummary(w.summary(), {}).plan.sheets.map((s) => s.role)).toEqual(['summary', 'ranks', 'analysis']);
    const { plan } = planSummary(w.summary(), { findings: { issues: [], summary: [], notes: [] }, sheetOrder: order });
    expect(plan.sheets[3].cells[2][0]?.value).toBe('未发现问题。');
  });
});
