/**
 * Issue 17: one figure of the real 邵阳 report (and of Zhejiang 2022) changed in memory, and the check
 * that must find it: an accounting identity, the same figure in two sheets, a part above its whole.
 * The unchanged workbooks give none of these findings.
 */
import type { CheckResult } from '../../src/core/check';
import { checkWorkbook } from '../../src/core/check';
import type { Cell, Grid } from '../../src/core/grid';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { describeReal } from '../support/realFixtures';

const RULES = ['identity-mismatch', 'figure-differs', 'part-exceeds-total'] as const;

function check(grids: Grid[]): CheckResult {
  return checkWorkbook({ grids }, { only: [...RULES] });
}

/** A copy of the grids with one number changed (0-based row and column). */
function withFigure(grids: Grid[], sheet: string, row: number, col: number, value: number): Grid[] {
  return grids.map((g) => {
    if (g.name.trim() !== sheet) return g;
    const rows = g.rows.map((r) => (r ? [...r] : r)) as (Cell | undefined)[][];
    const before = rows[row][col] as Cell;
    expect(before.type).toBe('number');
    rows[row][col] = { ...before, value };
    return { ...g, rows };
  });
}

const found = (r: CheckResult): string[] => r.issues.map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = (await readWorkbookFile(file)).grids();
  });

  test('the published report: the identities, the figures repeated across sheets and the parts all hold', () => {
    const r = check(grids);
    expect(found(r)).toEqual([]);
    const items = (id: string): number => r.summary.find((s) => s.rule === id)!.items;
    expect(items('identity-mismatch')).toBeGreaterThanOrEqual(2); // 核算5: GDP = 一+二+三 (value and … )
    expect(items('figure-differs')).toBeGreaterThanOrEqual(2); // 核算5's GDP and its growth against 23核算处1's 全市
    expect(items('part-exceeds-total')).toBeGreaterThan(100);
  });

  test('第二产业 changed: 第一 + 第二 + 第三产业 no longer equals 地区生产总值', () => {
    const r = check(withFigure(grids, '核算5', 19, 1, 179.97));
    expect(found(r)).toEqual(['identity-mismatch 核算5!B5']);
    expect(r.issues[0].cells).toEqual(['B5', 'B19', 'B20', 'B21']);
    expect(r.issues[0]).toMatchObject({ actual: 663.61, expected: 673.6, severity: 'error' }); // 59.60 + 179.97 + 434.03
  });

  test('核算5 GDP (亿元) changed: it no longer equals the 全市 GDP of 23核算处1 (万元), nor its industries', () => {
    const r = check(withFigure(grids, '核算5', 4, 1, 670.5));
    expect(found(r).sort()).toEqual(['figure-differs 核算5!B5', 'identity-mismatch 核算5!B5']);
    const same = r.issues.find((f) => f.rule === 'figure-differs')!;
    expect(same.related).toEqual({ sheet: '23核算处1', cell: 'B5' });
    expect(same.expected).toBeCloseTo(663.6061, 6);
  });

  test('23核算处1 全市 changed: the counterpart in 核算5 reports it', () => {
    const r = check(withFigure(grids, '23核算处1', 4, 1, 6736061));
    expect(found(r)).toContain('figure-differs 核算5!B5');
  });

  test('a spending item of 财政20 raised above 一般公共预算支出合计', () => {
    const r = check(withFigure(grids, '财政20', 8, 1, 2000000));
    expect(found(r)).toEqual(['part-exceeds-total 财政20!B9']);
    expect(r.issues[0].related).toEqual({ sheet: '财政20', cell: 'B5' });
  });
});

describeReal('zhejiang-yearbook-2022-cities.xlsx', (file) => {
  let grids: Grid[];
  let layout: { gdp: number; secondary: number; industry: number; row: number };
  beforeAll(async () => {
    grids = (await readWorkbookFile(file)).grids();
    const { readSheet } = await import('../../src/core/layout');
    const t = readSheet(grids[0]).tables[0];
    const col = (re: RegExp): number => t.columns.find((c) => re.test(c.indicator.name) && c.measure === 'value')!.col;
    layout = { gdp: col(/^地区生产总值|^生产总值/), secondary: col(/^第二产业/), industry: col(/^工业/), row: t.rows.find((r) => r.role === 'peer')!.row };
  });

  test('the published table holds: GDP = 一+二+三 and 工业 ≤ 第二产业 for every city', () => {
    const r = check(grids);
    expect(r.issues.filter((f) => f.rule === 'identity-mismatch')).toEqual([]);
    expect(r.summary.find((s) => s.rule === 'identity-mismatch')!.items).toBe(22);
  });

  test('第二产业 lowered below 工业: both identities break, at the city', () => {
    const cells = grids[0].rows[layout.row]!;
    const industry = cells[layout.industry]!.value as number;
    const r = check(withFigure(grids, grids[0].name.trim(), layout.row, layout.secondary, Math.round(industry * 0.9)));
    const ids = r.issues.filter((f) => f.rule === 'identity-mismatch');
    expect(ids.map((f) => f.message)).toEqual([expect.stringContaining('地区生产总值 = 第一产业 + 第二产业 + 第三产业'), expect.stringContaining('工业 ≤ 第二产业')]);
  });
});
