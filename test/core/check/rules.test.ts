/**
 * Each rule fires on what it must find, at the cell, and stays quiet on its traps
 * (per-capita values, subtotals, 其中 rows, comparable prices, 市本级, rounding).
 */
import fc from 'fast-check';
import type { CheckResult, Finding, RuleId } from '../../../src/core/check';
import { quickRanks } from '../../../src/core/check/rules/growth';
import { rank } from '../../../src/core/compute';
import { checkWorkbook, RULES } from '../../../src/core/check';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';
import type { CountyLine, V } from '../layout/sheets';
import { COUNTY_GROWTH, COUNTY_VALUE, TOTAL_VALUE, countyLines, countySheet } from '../layout/sheets';

function run(grids: Grid[], only?: RuleId[], settings = {}): CheckResult {
  return checkWorkbook({ grids }, { only, settings });
}
function findings(grids: Grid[], rule: RuleId, settings = {}): Finding[] {
  return run(grids, [rule], settings).issues;
}
function lines(change: (l: CountyLine[]) => void): CountyLine[] {
  const l = countyLines();
  change(l);
  return l;
}
const sumOf = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('the catalogue', () => {
  test('every rule has a stable kebab-case id, a kind, a severity and words in both languages', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(['hard', 'soft']).toContain(r.kind);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      for (const words of [r.title, r.test, ...Object.values(r.messages)]) {
        expect(words['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
        expect(words['en-US']).toMatch(/^[^\u4e00-\u9fff]*[A-Za-z]/);
      }
    }
    expect(ids).toEqual(expect.arrayContaining(['text-number', 'not-a-number', 'error-value', 'missing-value', 'total-mismatch', 'part-exceeds-total', 'share-out-of-range', 'shares-not-100', 'rank-mismatch', 'growth-mismatch', 'contribution-mismatch', 'growth-outlier', 'unit-scale', 'missing-region', 'duplicate-region', 'period-mismatch', 'figure-differs', 'stray-value']));
  });

  test('a clean county sheet passes every rule', () => {
    const r = run([countySheet()]);
    expect(r.issues).toEqual([]);
    for (const s of r.summary) expect(s.fails).toBe(0);
    expect(r.summary.find((s) => s.rule === 'total-mismatch')).toMatchObject({ items: 1, passes: 1 });
    expect(r.summary.find((s) => s.rule === 'rank-mismatch')).toMatchObject({ items: 12, passes: 12 });
  });
});

describe('cells', () => {
  test('text-stored numbers: one finding for the table, every cell listed, still used as numbers', () => {
    const l = lines((x) => {
      x[0].value = String(x[0].value);
      x[3].growth = '10.3';
    });
    const r = run([countySheet({ lines: l })]);
    const text = r.issues.filter((f) => f.rule === 'text-number');
    expect(text).toEqual([expect.objectContaining({ cell: 'B6:C9', cells: ['B6', 'C9'], severity: 'warning' })]);
    expect(r.issues.filter((f) => f.severity === 'error')).toEqual([]); // the total still adds up, the rank still agrees
  });

  test('not-a-number fires on notes in figure cells; outcome words and placeholders do not', () => {
    const l = lines((x) => {
      x[1].growth = '7.5注';
      x[2].growth = '扭亏为盈';
      x[2].rank = null;
      x[4].growth = '—';
      x[4].rank = null;
    });
    expect(findings([countySheet({ lines: l })], 'not-a-number')).toEqual([expect.objectContaining({ cell: 'C7', severity: 'error', message: '「一般公共预算收入」列中有文字 “7.5注”，不是数字' })]);
  });

  test('error values are errors, grouped per table', () => {
    const l = lines((x) => {
      x[1].growth = '#DIV/0!';
      x[5].growth = '#N/A';
    });
    expect(findings([countySheet({ lines: l })], 'error-value')).toEqual([expect.objectContaining({ cell: 'C7:C11', cells: ['C7', 'C11'], message: '「一般公共预算收入」有 2 个错误值（#DIV/0!、#N/A）' })]);
  });

  test('missing-value: a blank growth among filled ones; a placeholder is not missing, nor a rank left out for it', () => {
    const l = lines((x) => {
      x[2].growth = null;
      x[2].rank = null;
      x[6].growth = '…';
      x[6].rank = null;
    });
    const f = findings([countySheet({ lines: l })], 'missing-value');
    expect(f).toEqual([expect.objectContaining({ cell: 'C8', severity: 'error', message: '「一般公共预算收入」增速缺少 北塔区 的数据' })]);
  });

  test('stray-value: a number beside the table; an empty sheet form is questioned', () => {
    const g = countySheet({ extra: [[20, 1, 12.5]] });
    expect(findings([g], 'stray-value')).toEqual([expect.objectContaining({ cell: 'B21', severity: 'warning' })]);
    const form = countySheet({ name: '空表', lines: countyLines().map((x) => ({ ...x, value: null, growth: null, rank: null })), total: { name: '全市', value: null, growth: null, position: 'first' } });
    expect(findings([countySheet(), form], 'empty-table')).toEqual([expect.objectContaining({ sheet: '空表', cell: 'A5:A17' })]);
  });
});

describe('sums', () => {
  test('total-mismatch: parts above the total, with tolerance from the shown digits', () => {
    const g = countySheet({ total: { name: '全市', value: TOTAL_VALUE - 50, growth: 7.4, position: 'first' } });
    const f = findings([g], 'total-mismatch');
    expect(f).toEqual([expect.objectContaining({ cell: 'B5', expected: TOTAL_VALUE, actual: TOTAL_VALUE - 50, tolerance: 6.5 })]);
    expect(f[0].message).toBe(`「一般公共预算收入」全市 ${(TOTAL_VALUE - 50).toLocaleString('en-US')}，而 12 个地区之和为 ${TOTAL_VALUE.toLocaleString('en-US')}，相差 50（容差 ±6.5）`);
  });

  test('a total that differs only by rounding is not an error', () => {
    // values in 亿元 with two decimals: 12 counties and the total may each be off by half a unit (0.005),
    // so a 合计 0.05 below the sum of the shown parts is rounding (tolerance 13 × 0.005 = 0.065) and 0.07 is not.
    // (Below the sum: a total above it may hold 市本级 and is left to city-remainder.)
    const l = countyLines().map((x) => ({ ...x, value: Number(((x.value as number) / 10000 + 0.004).toFixed(4)) }));
    const sum = sumOf(l.map((x) => Number((x.value as number).toFixed(2))));
    const at = (total: number) => countySheet({ lines: l, valueFormat: '0.00', total: { name: '合计', value: Number(total.toFixed(2)), growth: 7.4, position: 'first' } });
    expect(findings([at(sum - 0.05)], 'total-mismatch')).toEqual([]);
    expect(findings([at(sum - 0.07)], 'total-mismatch')).toEqual([expect.objectContaining({ cell: 'B5', tolerance: 0.065 })]);
  });

  test('city-remainder: 全市 above the sum of its counties is a note (市本级); 合计 must add up', () => {
    const g = countySheet({ total: { name: '全市', value: TOTAL_VALUE + 90000, growth: 7.4, position: 'first' } });
    expect(findings([g], 'total-mismatch')).toEqual([]);
    expect(findings([g], 'city-remainder')).toEqual([expect.objectContaining({ cell: 'B5', severity: 'info' })]);
    const sum = countySheet({ total: { name: '合计', value: TOTAL_VALUE + 90000, growth: 7.4, position: 'last' } });
    expect(findings([sum], 'total-mismatch')).toEqual([expect.objectContaining({ cell: 'B17' })]);
  });

  test('per-capita values and averages are not summed', () => {
    const g = countySheet({ title: '城镇居民人均可支配收入', headers: ['绝对额(元)', '增长(%)', '排名'], total: { name: '全市', value: 45678, growth: 5.1, position: 'first' } });
    expect(run([g]).issues.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('subtotals add up to their members, not into the total; a wrong subtotal is found', () => {
    const l = countyLines();
    const districts = l.slice(0, 3);
    const sub = sumOf(districts.map((d) => d.value as number));
    const withSub: CountyLine[] = [{ name: '市辖区', value: sub, growth: 7.9, rank: null }, ...l];
    expect(findings([countySheet({ lines: withSub })], 'total-mismatch')).toEqual([]);
    const wrong: CountyLine[] = [{ name: '市辖区', value: sub + 1000, growth: 7.9, rank: null }, ...l];
    expect(findings([countySheet({ lines: wrong })], 'total-mismatch')).toEqual([expect.objectContaining({ cell: 'B6', expected: sub, message: expect.stringContaining('小计 市辖区') })]);
  });

  test('part-exceeds-total: a region above the total; a 其中 row is a part of its parent only', () => {
    const l = lines((x) => {
      x[0].value = TOTAL_VALUE + 10;
    });
    const g = countySheet({ lines: l, total: { name: '全市', value: TOTAL_VALUE + 10 + sumOf(COUNTY_VALUE.slice(1)), growth: 7.4, position: 'first' } });
    expect(findings([g], 'part-exceeds-total')).toEqual([]);
    const over = countySheet({ lines: l, total: { name: '全市', value: TOTAL_VALUE, growth: 7.4, position: 'first' } });
    expect(findings([over], 'part-exceeds-total')).toEqual([expect.objectContaining({ cell: 'B6', related: { sheet: '一般公共预算收入', cell: 'B5' } })]);
    const items = gridFromValues('财政', [
      ['一般公共预算收入', null, null],
      ['项目', '绝对额(万元)', '增长(%)'],
      ['地方一般公共预算收入', 1000, 5.2],
      ['一、税收收入', 700, 4.1],
      ['  其中：增值税', 800, 3.2],
      ['二、非税收入', 300, 8.0],
    ]);
    expect(findings([items], 'part-exceeds-total')).toEqual([expect.objectContaining({ cell: 'B5', expected: 700, actual: 800 })]);
    expect(findings([items], 'total-mismatch')).toEqual([]);
  });

  test('numbered items add up to their parent', () => {
    const items = gridFromValues('财政', [
      ['一般公共预算收入', null, null],
      ['项目', '绝对额(万元)', '增长(%)'],
      ['地方一般公共预算收入', 1000, 5.2],
      ['一、税收收入', 650, 4.1],
      ['二、非税收入', 300, 8.0],
    ]);
    expect(findings([items], 'total-mismatch')).toEqual([expect.objectContaining({ cell: 'B3', expected: 950, actual: 1000 })]);
  });

  test('unit-scale: one county in 元 among 万元; the total not flagged twice', () => {
    const l = lines((x) => {
      x[4].value = (x[4].value as number) * 10000;
    });
    const r = run([countySheet({ lines: l, total: { name: '全市', value: TOTAL_VALUE, growth: 7.4, position: 'first' } })]);
    expect(r.issues.filter((f) => f.rule === 'unit-scale')).toEqual([expect.objectContaining({ cell: 'B10', severity: 'error' })]);
    expect(r.issues.filter((f) => f.rule === 'total-mismatch' || f.rule === 'part-exceeds-total')).toEqual([]);
    // natural spread (one county 8× the smallest) is not a slip
    expect(findings([countySheet()], 'unit-scale')).toEqual([]);
  });

  test('unit-scale against the previous report: one county ×10 while the others barely moved', () => {
    const prev = countySheet({ period: '2025年1-2月', lines: countyLines().map((x) => ({ ...x, value: Math.round((x.value as number) * 0.7) })) });
    const l = lines((x) => {
      x[4].value = (x[4].value as number) * 10;
    });
    const cur = countySheet({ lines: l, total: { name: '全市', value: sumOf(l.map((x) => x.value as number)), growth: 7.4, position: 'first' } });
    const r = checkWorkbook({ grids: [cur] }, { previous: { grids: [prev] }, only: ['unit-scale'] });
    expect(r.issues).toEqual([expect.objectContaining({ cell: 'B10', actual: 1209870, expected: 84691, related: { sheet: '一般公共预算收入', cell: 'B10', workbook: 'previous' } })]);
    expect(r.issues[0].message).toBe('「一般公共预算收入」新邵县 1,209,870 约为上期 84,691 的 10 倍，而其他地区变化不大，疑为单位错误');
    // without the slip: nothing
    expect(checkWorkbook({ grids: [countySheet()] }, { previous: { grids: [prev] }, only: ['unit-scale'] }).issues).toEqual([]);
  });
});

/** 地区 | 绝对额 | 增速 | 占全市比重(%) | 与全市增速差(百分点) | 贡献率(%) | 拉动(百分点) */
function sharesSheet(change?: (rows: V[][]) => void): Grid {
  const values = [300, 200, 500];
  const prior = [280, 190, 450];
  const total = sumOf(values);
  const totalPrior = sumOf(prior);
  const g = (v: number, p: number): number => Number((((v - p) / p) * 100).toFixed(1));
  const G = g(total, totalPrior);
  const body: V[][] = [['全市', total, G, 100, null, 100, G]];
  ['城东区', '城西区', '新安县'].forEach((name, i) => {
    const gi = g(values[i], prior[i]);
    body.push([
      name,
      values[i],
      gi,
      Number(((values[i] / total) * 100).toFixed(1)),
      Number((gi - G).toFixed(1)),
      Number((((values[i] - prior[i]) / (total - totalPrior)) * 100).toFixed(1)),
      Number((((values[i] - prior[i]) / totalPrior) * 100).toFixed(1)),
    ]);
  });
  change?.(body);
  const fmt = [undefined, '0', '0.0', '0.0', '0.0', '0.0', '0.0'];
  return gridFromValues(
    '结构',
    [['社会消费品零售总额', null, null, null, null, null, null], ['地区', '绝对额(万元)', '增速(%)', '占全市比重(%)', '与全市增速差(百分点)', '贡献率(%)', '拉动(百分点)'], ...body],
    { formats: [[], [], ...body.map(() => fmt)] },
  );
}

describe('shares, points, contributions', () => {
  test('a consistent sheet passes', () => {
    expect(run([sharesSheet()], ['share-out-of-range', 'shares-not-100', 'share-mismatch', 'points-mismatch', 'contribution-mismatch']).issues).toEqual([]);
  });
  test('share-out-of-range and shares-not-100', () => {
    const g = sharesSheet((b) => {
      b[1][3] = 120;
    });
    const r = run([g], ['share-out-of-range', 'shares-not-100']);
    expect(r.issues.map((f) => [f.rule, f.cell])).toEqual([
      ['share-out-of-range', 'D4'],
      ['shares-not-100', 'D4:D6'],
    ]);
  });
  test('share-mismatch: a share that does not follow from the values', () => {
    const g = sharesSheet((b) => {
      b[2][3] = 25.0;
    });
    expect(findings([g], 'share-mismatch')).toEqual([expect.objectContaining({ cell: 'D5', expected: 20, actual: 25 })]);
  });
  test('points-mismatch: points against 全市 that do not follow from the growth', () => {
    const g = sharesSheet((b) => {
      b[3][4] = 3.0;
    });
    expect(findings([g], 'points-mismatch')).toEqual([expect.objectContaining({ cell: 'E6', actual: 3 })]);
  });
  test('contribution-mismatch: contributions not summing to 100, pulls not to the total growth', () => {
    const g = sharesSheet((b) => {
      b[1][5] = 40;
      b[1][6] = 9.9;
    });
    expect(findings([g], 'contribution-mismatch').map((f) => f.cell)).toEqual(['F4:F6', 'G4:G6']);
  });
});

describe('growth and ranks', () => {
  test('rank-mismatch: the published rank against the displayed growth, ties included', () => {
    const l = lines((x) => {
      x[0].rank = 2;
    });
    const f = findings([countySheet({ lines: l })], 'rank-mismatch');
    expect(f).toEqual([expect.objectContaining({ cell: 'D6', actual: 2, expected: 4, message: '「一般公共预算收入」双清区 公布位次为第2位，按增速 8.2% 应为第4位' })]);
    // 9.66 and 9.7 are both shown 9.7: they share a rank
    const tie = lines((x) => {
      x[5].growth = 9.66;
      x[8].growth = 9.7;
      const shown = x.map((l) => Math.round((l.growth as number) * 10) / 10);
      x.forEach((l, i) => (l.rank = 1 + shown.filter((g) => g > shown[i]).length));
    });
    expect([tie[5].rank, tie[8].rank]).toEqual([2, 2]);
    expect(findings([countySheet({ lines: tie })], 'rank-mismatch')).toEqual([]);
  });

  test('rank-mismatch recognises value ranks, ascending ranks and dense ties', () => {
    const byValue = lines((x) => x.forEach((l, i) => (l.rank = 1 + COUNTY_VALUE.filter((v) => v > COUNTY_VALUE[i]).length)));
    expect(findings([countySheet({ lines: byValue })], 'rank-mismatch')).toEqual([]);
    const dense = lines((x) => {
      x.forEach((l) => (l.growth = Math.round(l.growth as number)));
      const g = x.map((l) => l.growth as number);
      const distinct = [...new Set(g)].sort((a, b) => b - a);
      x.forEach((l) => (l.rank = distinct.indexOf(l.growth as number) + 1));
    });
    expect(findings([countySheet({ lines: dense })], 'rank-mismatch')).toEqual([]);
  });

  test('a rank column that follows nothing is one warning, not twelve errors', () => {
    const l = lines((x) => x.forEach((line, i) => (line.rank = ((i * 5) % 12) + 1)));
    const f = findings([countySheet({ lines: l })], 'rank-mismatch');
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
  });

  function priorSheet(title: string, growth: (v: number, p: number) => number, footnote?: string): Grid {
    const rows: V[][] = [
      [title, null, null, null],
      ['地区', '本期(万元)', '上年同期(万元)', '增长(%)'],
    ];
    const values = [5000, 3000, 2000];
    const prior = [4500, 2900, 2100];
    rows.push(['全市', sumOf(values), sumOf(prior), growth(sumOf(values), sumOf(prior))]);
    ['城东区', '城西区', '新安县'].forEach((n, i) => rows.push([n, values[i], prior[i], growth(values[i], prior[i])]));
    if (footnote) rows.push([footnote, null, null, null]);
    return gridFromValues('收入', rows, { formats: rows.map((_, r) => (r >= 2 ? [undefined, '0', '0', '0.0'] : [])) });
  }

  test('growth-mismatch: nominal growth against its values is a soft question', () => {
    const right = (v: number, p: number): number => Number((((v - p) / p) * 100).toFixed(1));
    expect(findings([priorSheet('税收收入', right)], 'growth-mismatch')).toEqual([]);
    const wrong = (v: number, p: number): number => right(v, p) + (v === 3000 ? 2 : 0);
    expect(findings([priorSheet('税收收入', wrong)], 'growth-mismatch')).toEqual([expect.objectContaining({ cell: 'D5', severity: 'warning', expected: 3.4 })]);
  });

  test('growth-mismatch: the rounding of the shown values counts, not only that of the growth', () => {
    // 1.23 against 1.00 (亿元, two decimals) gives 23.0%, but the unrounded values may be 1.2349 and 0.9951
    // (24.1%): 100 × (0.005 / 1.00 + 1.23 × 0.005 / 1.00²) + 0.05 = 1.165 points of slack.
    const sheet = (published: number): Grid =>
      gridFromValues(
        '收入',
        [
          ['税收收入', null, null, null],
          ['地区', '本期(亿元)', '上年同期(亿元)', '增长(%)'],
          ['全市', 3.67, 3.0, 22.3],
          ['城东区', 1.23, 1.0, published],
          ['城西区', 1.22, 1.0, 22.0],
          ['新安县', 1.22, 1.0, 22.0],
        ],
        { formats: Array.from({ length: 6 }, (_, r) => (r >= 2 ? [undefined, '0.00', '0.00', '0.0'] : [])) },
      );
    expect(findings([sheet(23.8)], 'growth-mismatch')).toEqual([]);
    expect(findings([sheet(24.4)], 'growth-mismatch')).toEqual([expect.objectContaining({ cell: 'D4', expected: 23, tolerance: 1.165 })]);
  });

  test('growth at comparable prices is never recomputed (GDP, value added, a footnote)', () => {
    const off = (v: number, p: number): number => Number((((v - p) / p) * 100 + 3).toFixed(1));
    expect(findings([priorSheet('地区生产总值', off)], 'growth-mismatch')).toEqual([]);
    expect(findings([priorSheet('规模工业增加值', off)], 'growth-mismatch')).toEqual([]);
    expect(findings([priorSheet('工业投资', off, '注：增速按可比口径计算。')], 'growth-mismatch')).toEqual([]);
  });

  test('growth-outlier: far from the peers, with how far and how unusual; no "expected" growth', () => {
    const l = lines((x) => {
      x[2].growth = 45.2;
      x[2].rank = 1;
      x.forEach((line, i) => i !== 2 && typeof line.rank === 'number' && (line.rank = 1 + COUNTY_GROWTH.filter((g, j) => j !== 2 && g > COUNTY_GROWTH[i]).length + 1));
    });
    const f = findings([countySheet({ lines: l })], 'growth-outlier');
    // median of the 12 (45.2 among them) = (7.5 + 7.8) / 2 = 7.65; MAD = 1.9, × 1.4826 = 2.817; 37.55 / 2.817 = 13.3
    expect(f).toEqual([
      expect.objectContaining({ cell: 'C8', actual: 45.2, severity: 'warning', message: '「一般公共预算收入」北塔区 增速 45.2%，与同级地区中位数 7.7% 相差 37.6 个百分点，是其通常离散程度的 13.3 倍' }),
    ]);
    expect(f[0].expected).toBeUndefined();
    const far = lines((x) => {
      x[2].growth = -24.0;
    });
    expect(findings([countySheet({ lines: far })], 'growth-outlier')).toEqual([expect.objectContaining({ cell: 'C8', message: expect.stringContaining('与同级地区中位数') })]);
    expect(findings([countySheet({ lines: far })], 'growth-outlier', { peerDeviationPoints: 40 })).toEqual([]);
  });

  test('growth-outlier: in a year of swings a 55% is not news, while -100% and +291.6% still are', () => {
    const swings = [-42.5, 38.1, 12.4, -25.3, 55.0, 61.2, -8.7, 27.9, -35.6, 44.8, 19.3, -51.1];
    const l = lines((x) => x.forEach((line, i) => (line.growth = swings[i])));
    expect(findings([countySheet({ lines: l })], 'growth-outlier')).toEqual([]);
    // the fixed threshold would have called 7 of them big swings
    expect(swings.filter((g) => Math.abs(g) > 30)).toHaveLength(7);
    const odd = lines((x) => {
      x.forEach((line, i) => (line.growth = swings[i]));
      x[0].growth = 291.6;
      x[1].growth = -100;
    });
    const f = findings([countySheet({ lines: odd })], 'growth-outlier');
    expect(f.map((x) => [x.cell, x.actual, x.message])).toEqual([
      ['C6', 291.6, '「一般公共预算收入」双清区 增速 291.6%，为上年同期的 3.9 倍'],
      ['C7', -100, '「一般公共预算收入」大祥区 增速 -100.0%：本期为零还是未填报？'],
    ]);
    // the extreme threshold is a setting; above it, 291.6% is still far from the swings of its peers
    const higher = findings([countySheet({ lines: odd })], 'growth-outlier', { growthExtreme: 300 });
    expect(higher.map((x) => [x.cell, /与同级地区中位数/.test(x.message)])).toEqual([
      ['C6', true],
      ['C7', false],
    ]);
  });

  test('growth-outlier: a total has no peers: the fixed threshold (a setting) judges it', () => {
    const grid = countySheet({ total: { name: '全市', value: TOTAL_VALUE, growth: 35.0, position: 'first' } });
    expect(findings([grid], 'growth-outlier')).toEqual([expect.objectContaining({ cell: 'C5', actual: 35, message: expect.stringContaining('绝对值超过 30%') })]);
    expect(findings([grid], 'growth-outlier', { growthOutlier: 40 })).toEqual([]);
  });

  test('growth-outlier: a line of an item list is judged against the other lines, 30 points away and beyond ±30%, as a note', () => {
    const NORMAL = [3.2, 5.5, 2.1, 4.4, 6.0, 1.7];
    const list = (odd: number, others: number[] = NORMAL): Grid =>
      gridFromValues('财政', [
        ['一般公共预算收入', null, null],
        ['项目', '1-3月(万元)', '增长(%)'],
        ['一般公共预算收入', 100000, 4.1],
        ['  增值税', 30000, others[0]],
        ['  企业所得税', 12000, others[1]],
        ['  个人所得税', 4000, others[2]],
        ['  资源税', 1500, odd],
        ['  城市维护建设税', 5000, others[3]],
        ['  房产税', 3000, others[4]],
        ['  印花税', 2000, others[5]],
      ]);
    expect(findings([list(73.2)], 'growth-outlier')).toEqual([expect.objectContaining({ cell: 'C7', severity: 'info', message: expect.stringContaining('与同表各项中位数') })]);
    // 28.9: 24.5 points from the median 4.4, within ±30%
    expect(findings([list(28.9)], 'growth-outlier')).toEqual([]);
    // 45.0 beyond 30%, but only 24 points from lines that all grew about 21%
    expect(findings([list(45.0, [20, 22, 25, 18, 21, 19])], 'growth-outlier')).toEqual([]);
    // 25.0 is 35 points from lines that all fell about 10%, yet within ±30%
    expect(findings([list(25.0, [-8, -12, -10, -9, -11, -7])], 'growth-outlier')).toEqual([]);
  });
});

describe('across sheets', () => {
  const other = (name: string, l = countyLines(), period = '2025年1-3月'): Grid => countySheet({ name, title: `2025年各县市区${name}`, lines: l, period });

  test('missing-region: a county left out of one sheet; duplicate-region: one listed twice', () => {
    const short = countyLines().filter((x) => x.name !== '隆回县');
    const total = { name: '全市', value: sumOf(short.map((x) => x.value as number)), growth: 7.4, position: 'first' as const };
    const dropped = countySheet({ name: '税收', lines: short.map((x, i) => ({ ...x, rank: i + 1 })), total });
    const grids = [other('一'), other('二'), dropped];
    expect(findings(grids, 'missing-region')).toEqual([expect.objectContaining({ sheet: '税收', message: '本表缺少 1 个地区：隆回县（其他 2 张同类表都有）' })]);
    expect(findings(grids, 'missing-region', { expectedRegions: ['双清', '大祥', '北塔', '邵东', '新邵', '邵阳县', '隆回', '洞口', '绥宁', '新宁', '城步', '武冈'] })).toHaveLength(1);
    const twice = [...countyLines(), { ...countyLines()[3], name: '邵东' }];
    expect(findings([countySheet({ lines: twice })], 'duplicate-region')).toEqual([expect.objectContaining({ cell: 'A18', cells: ['A9', 'A18'] })]);
    // 邵阳县 and a 邵阳市 row are two places
    const city = [...countyLines(), { name: '邵阳市', value: 1, growth: 1, rank: null }];
    expect(findings([countySheet({ lines: city })], 'duplicate-region')).toEqual([]);
  });

  test('period-mismatch: the sheet labelled 1-2月 in a 1-3月 report', () => {
    const f = findings([other('一'), other('二'), other('三', countyLines(), '2025年1-2月')], 'period-mismatch');
    expect(f).toEqual([expect.objectContaining({ sheet: '三', cell: 'B3', actual: '2025年1-2月', expected: '2025年1-3月' })]);
  });

  test('figure-differs: the same indicator, region and period written differently in two sheets (万元 vs 亿元 converted)', () => {
    const a = countySheet({ name: '甲', title: '一般公共预算收入' });
    const b = countySheet({ name: '乙', title: '一般公共预算收入', headers: ['绝对额(亿元)', '增速(%)', '排名'], valueFormat: '0.00', lines: countyLines().map((x) => ({ ...x, value: (x.value as number) / 10000 })), total: { name: '全市', value: TOTAL_VALUE / 10000, growth: 7.4, position: 'first' } });
    expect(findings([a, b], 'figure-differs')).toEqual([]);
    const c = countySheet({ name: '丙', title: '一般公共预算收入', lines: lines((x) => (x[1].growth = 7.9)) });
    expect(findings([a, c], 'figure-differs')).toEqual([expect.objectContaining({ sheet: '丙', cell: 'C7', actual: 7.9, expected: 7.5, related: { sheet: '甲', cell: 'C7' } })]);
  });
});

describe('settings', () => {
  test('a rule switched off does not run; a severity can be changed', () => {
    const l = lines((x) => {
      x[0].rank = 2;
    });
    const r = checkWorkbook({ grids: [countySheet({ lines: l })] }, { settings: { rules: { 'rank-mismatch': { severity: 'warning' }, 'growth-outlier': { enabled: false } } } });
    expect(r.issues).toEqual([expect.objectContaining({ rule: 'rank-mismatch', severity: 'warning' })]);
    expect(r.summary.find((s) => s.rule === 'growth-outlier')).toBeUndefined();
  });
  test('a previous report that is not earlier gives a note', () => {
    const later = countySheet({ period: '2025年1-4月' });
    const r = checkWorkbook({ grids: [countySheet()] }, { previous: { grids: [later] } });
    expect(r.notes).toContain('上期报表的时期（2025年1-4月）不早于本期（2025年1-3月），未做累计值和当月值核对。');
    const ok = checkWorkbook({ grids: [countySheet()] }, { previous: { grids: [countySheet({ period: '2025年1-2月' })] } });
    expect(ok.notes).toEqual([]);
  });
  test('messages in English', () => {
    const l = lines((x) => {
      x[0].rank = 2;
    });
    const r = checkWorkbook({ grids: [countySheet({ lines: l })] }, { lang: 'en-US', only: ['rank-mismatch'] });
    expect(r.issues[0].message).toBe('"一般公共预算收入": 双清区 is ranked 2 but its growth 8.2% ranks 4');
  });
});

describe('quickRanks', () => {
  test('equals compute rank() for competition and dense, both orders, with ties and missing values', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: -20, max: 20 }).map((x) => x / 2), { nil: null }), { maxLength: 40 }), (values) => {
        const items = values.map((value, i) => ({ id: String(i), value }));
        for (const order of ['desc', 'asc'] as const) {
          for (const ties of ['competition', 'dense'] as const) {
            expect(quickRanks(items, order, ties)).toEqual(rank(items, { order, ties }).entries.map((e) => e.rank));
          }
        }
      }),
    );
  });
});
