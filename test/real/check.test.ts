/**
 * The checker on the published workbooks: the reader's subtotals, "其中" rows and
 * per-capita indicators give no errors; what a statistician would want to know
 * is reported, at its cell.
 */
import type { CheckResult, Finding } from '../../src/core/check';
import { checkWorkbook } from '../../src/core/check';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

async function check(file: string): Promise<CheckResult> {
  return checkWorkbook({ grids: (await readWorkbookFile(file)).grids() });
}

const at = (r: CheckResult, rule: string): Finding[] => r.issues.filter((f) => f.rule === rule);
const where = (fs: Finding[]): string[] => fs.map((f) => `${f.sheet.trim()}!${f.cell}`);

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let r: CheckResult;
  beforeAll(async () => {
    r = await check(file);
  });

  test('one error, on the hidden chart sheet (2022 1-3月 below 1-2月); sums, ranks, per-capita sheets, 其中 rows and the provincial region groups under the counties all pass', () => {
    expect(r.issues.filter((f) => f.severity === 'error').map((f) => [f.rule, f.sheet, f.cell, f.related?.cell])).toEqual([['cumulative-decrease', '81图5公共财政收入', 'C12', 'C11']]);
    const sum = (rule: string) => r.summary.find((s) => s.rule === rule);
    expect(sum('rank-mismatch')).toMatchObject({ items: 192, fails: 0 });
    expect(sum('total-mismatch')?.items).toBeGreaterThanOrEqual(10);
    expect(sum('part-exceeds-total')?.items).toBeGreaterThan(100);
  });

  test('the empty form 30工业处2 (regions listed, no figures) is questioned', () => {
    expect(at(r, 'empty-table')).toEqual([expect.objectContaining({ sheet: '30工业处2', cell: 'A5:A17', severity: 'warning' })]);
  });

  test('two sheets labelled 1-2月 in the 1-3月 report are questioned at their period cell', () => {
    expect(where(at(r, 'period-mismatch'))).toEqual(['工业处2!B3', '31工业处3!B3']);
    expect(at(r, 'period-mismatch')[0].message).toBe('本表时期为「1-2月」，报告期为「2025年1-3月」');
  });

  test('全市 above the sum of the counties (进出口, 出口, 财政) is a note, not an error', () => {
    expect(where(at(r, 'city-remainder'))).toEqual(['45贸外处4!B5', '46贸外处5!B5', '54综研室3!B5', '55综研室4!B5']);
    expect(at(r, 'city-remainder').every((f) => f.severity === 'info')).toBe(true);
  });

  test('市辖区 standing for the three districts is a note', () => {
    const f = at(r, 'missing-region');
    expect(where(f)).toEqual(['52综研室1!A6', '53综研室2!A6']);
    expect(f.every((x) => x.severity === 'info' && x.message.includes('双清、大祥、北塔') && x.message.includes('市辖区'))).toBe(true);
  });

  test('figures outside the tables: the headerless columns beside the region groups, the numbers under the 财政 footnotes', () => {
    expect(where(at(r, 'stray-value'))).toEqual([
      '43贸外处2!C19:C23',
      '45贸外处4!E18:E22',
      '45贸外处4!F18:F22',
      '54综研室3!B22:B24',
      '54综研室3!E5:E17',
      '55综研室4!B22:B24',
    ]);
  });

  test('unusual growth: judged against the peers, so county investment swings are not news while -100% and +291.6% are', () => {
    const big = at(r, 'growth-outlier');
    expect(big.find((f) => f.sheet === '35投资处4' && f.cell === 'B6')).toMatchObject({ severity: 'warning', actual: 291.6, message: '「基础设施建设投资」双清 增速 291.6%，为上年同期的 3.9 倍' });
    expect(big.find((f) => f.sheet === '38投资处7' && f.cell === 'B8')).toMatchObject({ severity: 'warning', actual: -100 });
    expect(big.find((f) => f.sheet === '38投资处7' && f.cell === 'B15')).toMatchObject({ severity: 'warning', actual: -100 });
    expect(big.find((f) => f.sheet === '工业8' && f.cell === 'B5')).toMatchObject({ severity: 'info', actual: -73.8 });
    // swings of 30–60% among county investment figures that swing as much: not reported (76 findings with a fixed ±30%)
    expect(big.find((f) => f.sheet === '36投资处5' && f.cell === 'B16')).toBeUndefined(); // 武冈 34.7
    expect(big.find((f) => f.sheet === '35投资处4' && f.cell === 'B12')).toBeUndefined(); // 洞口 57.4
    expect(big.length).toBeLessThanOrEqual(30);
    expect(big.every((f) => f.expected === undefined)).toBe(true);
  });
});

describeReal('shandong-yearbook-2022-cities-gdp.xlsx', (file) => {
  test('GDP components: 16 cities do not add up to 全省: warnings (accounted at each level), no errors', async () => {
    const r = await check(file);
    expect(r.issues.filter((f) => f.severity === 'error')).toEqual([]);
    expect(where(at(r, 'total-mismatch'))).toEqual(['Sheet1!G11', 'Sheet1!K11', 'Sheet1!U11']);
    expect(at(r, 'total-mismatch')[0]).toMatchObject({ severity: 'warning', actual: 6029.03, expected: 6032.1 });
  });
});

describeReal('sichuan-yearbook-cities-gdp.xlsx', (file) => {
  test('text-stored numbers are one finding per table and still used: the sums are checked on them', async () => {
    const r = await check(file);
    const text = at(r, 'text-number');
    expect(text).toHaveLength(1);
    expect(text[0]).toMatchObject({ cell: 'C6:M27', severity: 'warning' });
    expect(text[0].cells).toHaveLength(242);
    expect(r.summary.find((s) => s.rule === 'total-mismatch')?.items).toBeGreaterThanOrEqual(11);
    expect(r.issues.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describeReal('zhejiang-yearbook-2012-cities.xlsx', (file) => {
  test('subtotals 浙东北/浙西南, 其中：义乌市 and per-capita columns give no finding at all', async () => {
    const r = await check(file);
    expect(r.issues).toEqual([]);
    expect(r.summary.find((s) => s.rule === 'total-mismatch')?.items).toBeGreaterThan(10);
  });
});

for (const name of ['jiangsu-yearbook-2023-cities-gdp.xlsx', 'kazakhstan-grp-regions.xlsx', 'philippines-grdp-regions-2000-2023.xlsx', 'zhejiang-yearbook-2022-cities.xlsx']) {
  describeReal(name, (file) => {
    test('no error-severity finding and no rule failing internally', async () => {
      const r = await check(file);
      expect(r.issues.filter((f) => f.severity === 'error')).toEqual([]);
      expect(r.notes.filter((n) => n.includes('未能完成'))).toEqual([]);
    });
  });
}
