/**
 * The checks against a realistic county report (test/support/plant.ts): the
 * clean copy gives no finding at all; each kind of error planted alone is found
 * at its cell, and nothing else fails at error severity but what follows from it
 * necessarily; with every kind planted at once, each is still found. Messages are
 * written in both languages.
 */
import type { CheckResult, Finding, RuleId } from '../../../src/core/check';
import { checkWorkbook, RULE_IDS } from '../../../src/core/check';
import type { Lang } from '../../../src/core/i18n';
import { address, parseAddress, parseRange, type Grid } from '../../../src/core/grid';
import { readXlsxBuffer } from '../../support/exceljs';
import { buildCountySheet, newWorkbook, workbookBuffer } from '../../support/fixtures';
import { buildCountyReport, countyReport, PLANT_KINDS, SHEET, type CountyReportTruth, type PlantKind, type Planted } from '../../support/plant';

const SEED = 1;

interface Checked {
  grids: Grid[];
  truth: CountyReportTruth;
  result: CheckResult;
  en: CheckResult;
}

async function report(seed: number, plant?: PlantKind[] | 'all'): Promise<Checked> {
  const { buffer, truth } = await countyReport({ seed, plant });
  const grids = (await readXlsxBuffer(buffer, 'report.xlsx')).grids();
  return { grids, truth, result: checkWorkbook({ grids }), en: checkWorkbook({ grids }, { lang: 'en-US' }) };
}

/** Does the finding cover the cell: its cell, one of its cells, or a range holding it? */
function covers(f: Finding, sheet: string, cell: string): boolean {
  if (f.sheet !== sheet) return false;
  if (f.cell === cell || f.cells?.includes(cell)) return true;
  if (!f.cell.includes(':')) return false;
  const area = parseRange(f.cell);
  const a = parseAddress(cell);
  return a.row >= area.top && a.row <= area.bottom && a.col >= area.left && a.col <= area.right;
}

const show = (fs: Finding[]): string[] => fs.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}: ${f.message}`);

function expectMessages(result: CheckResult, lang: Lang): void {
  for (const f of result.issues) {
    expect(f.message.trim()).not.toBe('');
    // every parameter filled in
    expect(f.message).not.toMatch(/\{\w+\}/);
    if (lang === 'en-US') expect(f.message).toMatch(/[A-Za-z]/);
    else expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

function expectFound(result: CheckResult, p: Planted): void {
  const hits = result.issues.filter((f) => f.rule === p.rule && covers(f, p.sheet, p.cell));
  expect({ planted: `${p.sheet}!${p.cell} ${p.rule}`, found: show(hits) }).toEqual({ planted: `${p.sheet}!${p.cell} ${p.rule}`, found: [expect.any(String)] });
}

describe('the clean report', () => {
  let clean: Checked;
  beforeAll(async () => {
    clean = await report(SEED);
  });

  test('is the report described in plant.ts', () => {
    expect(clean.grids.map((g) => g.name)).toEqual(['目录', SHEET.items, SHEET.gdp, SHEET.industry, SHEET.investment, SHEET.retail, SHEET.income, SHEET.gdpShare]);
    expect(clean.truth.planted).toEqual([]);
  });

  test('gives no finding of any severity', () => {
    expect(show(clean.result.issues)).toEqual([]);
    expect(clean.result.summary.every((s) => s.fails === 0 && s.findings === 0)).toBe(true);
  });

  test('is checked: the rules looked at its figures', () => {
    const looked = new Map(clean.result.summary.map((s) => [s.rule, s.items]));
    const expected: RuleId[] = [
      'text-number',
      'not-a-number',
      'error-value',
      'missing-value',
      'total-mismatch',
      'part-exceeds-total',
      'unit-scale',
      'share-out-of-range',
      'shares-not-100',
      'share-mismatch',
      'points-mismatch',
      'rank-mismatch',
      'growth-mismatch',
      'growth-outlier',
      'missing-region',
      'duplicate-region',
      'period-mismatch',
      'figure-differs',
    ];
    for (const rule of expected) expect({ rule, items: (looked.get(rule) ?? 0) > 0 }).toEqual({ rule, items: true });
  });

  test.each([2, 3, 7, 11, 25])('gives no finding with seed %i either', async (seed) => {
    const other = await report(seed);
    expect(show(other.result.issues)).toEqual([]);
  });
});

describe.each(PLANT_KINDS.map((k) => [k]))('planted %s alone', (kind) => {
  let c: Checked;
  let p: Planted;
  beforeAll(async () => {
    c = await report(SEED, [kind]);
    expect(c.truth.planted).toHaveLength(1);
    p = c.truth.planted[0];
  });

  test('is found at its cell, once', () => {
    expect(p.rule).toBe(kind);
    expectFound(c.result, p);
    expect(show(c.result.issues.filter((f) => f.rule === kind && !covers(f, p.sheet, p.cell)))).toEqual([]);
    const summary = c.result.summary.find((s) => s.rule === kind)!;
    expect(summary.fails).toBeGreaterThanOrEqual(1);
    expect(summary.findings).toBeGreaterThanOrEqual(1);
  });

  test('its declared consequences, and only they, are found too, at the planted cell', () => {
    for (const rule of p.also) expectFound(c.result, { ...p, rule: rule as PlantKind });
    // no other rule speaks of the planted cell: an empty list of consequences is a claim too
    const others = new Set(c.result.issues.filter((f) => f.rule !== kind && covers(f, p.sheet, p.cell)).map((f) => f.rule));
    expect({ planted: `${p.sheet}!${p.cell} ${kind}`, also: [...others].sort() }).toEqual({ planted: `${p.sheet}!${p.cell} ${kind}`, also: [...p.also].sort() });
  });

  if (kind === 'figure-differs') {
    test('points to the same figure in the other sheet', () => {
      const f = c.result.issues.find((x) => x.rule === kind)!;
      expect(f.related).toEqual(p.related);
    });
  }

  // unit-scale: part-exceeds-total once also reported the county ×10⁴ against 全市 (fixed in sums.ts).
  test('nothing else fails', () => {
    const allowed = new Set<RuleId>([kind, ...p.also]);
    expect(show(c.result.issues.filter((f) => !allowed.has(f.rule)))).toEqual([]);
  });

  test('messages are written in Chinese and in English', () => {
    expectMessages(c.result, 'zh-CN');
    expectMessages(c.en, 'en-US');
    expect(c.en.issues.map((f) => [f.sheet, f.cell, f.rule, f.severity])).toEqual(c.result.issues.map((f) => [f.sheet, f.cell, f.rule, f.severity]));
    const zh = c.result.issues.find((f) => f.rule === kind)!;
    const en = c.en.issues.find((f) => f.rule === kind)!;
    expect(en.message).not.toBe(zh.message);
  });
});

describe('every kind planted at once', () => {
  let c: Checked;
  beforeAll(async () => {
    c = await report(SEED, 'all');
  });

  test('plants every kind, each at its own cell', () => {
    expect(c.truth.planted.map((p) => p.rule).sort()).toEqual([...PLANT_KINDS].sort());
    const cells = c.truth.planted.map((p) => `${p.sheet}!${p.cell}`);
    expect(new Set(cells).size).toBe(cells.length);
  });

  test.each(PLANT_KINDS.map((k) => [k]))('%s is found at its cell', (kind) => {
    const p = c.truth.planted.find((x) => x.rule === kind)!;
    expectFound(c.result, p);
    const en = c.en.issues.find((f) => f.rule === kind && covers(f, p.sheet, p.cell))!;
    expect(en.message.trim()).not.toBe('');
  });

  test('every finding comes from a plant or its consequences, at the planted cell', () => {
    const explained = (f: Finding): boolean => c.truth.planted.some((p) => (p.rule === f.rule || p.also.includes(f.rule)) && covers(f, p.sheet, p.cell));
    expect(show(c.result.issues.filter((f) => !explained(f)))).toEqual([]);
    for (const f of c.result.issues) expect(RULE_IDS).toContain(f.rule);
  });

  test('messages are written in Chinese and in English', () => {
    expectMessages(c.result, 'zh-CN');
    expectMessages(c.en, 'en-US');
  });
});

test.each([2, 5, 8])('every kind planted at once is found with seed %i too', async (seed) => {
  const c = await report(seed, 'all');
  expect(c.truth.planted).toHaveLength(PLANT_KINDS.length);
  for (const p of c.truth.planted) expectFound(c.result, p);
});

describe('reader limits met by planted errors (src/core/layout, not the rules)', () => {
  /*
   * A growth written "6.2注" on a sheet of growth figures only, with its rank left
   * blank, leaves a row with no number at all: the reader ends the table above
   * it and reads the rest as a second table (or as figures without a header), so
   * not-a-number is not reported at the cell and the counties below disappear
   * (missing-region, stray-value instead). Found with the 规模工业增加值 sheet of
   * the report; reproduced here on one sheet.
   */
  test.failing('a text growth on a growth-only sheet is reported by not-a-number at its cell', async () => {
    const wb = newWorkbook();
    const t = buildCountySheet(wb, { seed: 3, value: false, rank: false, period: '2025年1-3月' });
    const row = t.regions.filter((r) => r.role === 'peer')[4].row;
    wb.worksheets[0].getCell(row + 1, t.ranks.growthCol + 1).value = '6.2注';
    const grids = (await readXlsxBuffer(await workbookBuffer(wb))).grids();
    const result = checkWorkbook({ grids });
    expect(result.issues.filter((f) => f.rule === 'not-a-number').map((f) => f.cell)).toEqual([`B${row + 1}`]);
    expect(show(result.issues.filter((f) => f.rule !== 'not-a-number'))).toEqual([]);
  });

  /*
   * The "#…" lines under 补充资料 of the finance items sheet are parts of
   * 一、税收收入 (fixture truth), but the reader makes them children of the last
   * numbered line, 二、非税收入: part-exceeds-total finds the planted
   * "#房地产业税收" but compares it with 二、非税收入.
   */
  test.failing('part-exceeds-total compares "#房地产业税收" with 一、税收收入', async () => {
    const c = await report(SEED, ['part-exceeds-total']);
    const p = c.truth.planted[0];
    const f = c.result.issues.find((x) => x.rule === 'part-exceeds-total')!;
    expect(f.related).toEqual(p.related);
  });
});

describe('points against the total', () => {
  // The 与全市增速差 column of 地区生产总值构成 was once named as its own indicator, so points-mismatch
  // found no growth to compare it with and never checked it.
  test('points-mismatch finds a 与全市增速差 figure 1.0 off the growth', async () => {
    const { workbook, truth } = buildCountyReport({ seed: SEED });
    const t = truth.county[SHEET.gdpShare];
    const pointsCol = t.table.columns.find((col) => col.measure === 'points')!.col;
    const row = t.regions.filter((r) => r.role === 'peer')[3].row;
    const cell = workbook.getWorksheet(SHEET.gdpShare)!.getCell(row + 1, pointsCol + 1);
    cell.value = Number(((cell.value as number) + 1).toFixed(1));
    const grids = (await readXlsxBuffer(await workbookBuffer(workbook))).grids();
    const result = checkWorkbook({ grids });
    expect(show(result.issues)).toEqual([expect.stringContaining(`${SHEET.gdpShare}!${address(row, pointsCol)} points-mismatch error`)]);
  });
});
