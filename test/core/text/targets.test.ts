/**
 * 完成年度目标 and 序时进度 in the analysis, and the total's growth against the last report: the
 * figures as 主要指标汇总表 computes them (completion to one decimal, the gap from the displayed
 * completion), counts of regions ahead and behind that agree with them.
 */
import fc from 'fast-check';
import { roundHalfUp } from '../../../src/core/compute';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';
import { readWorkbook } from '../../../src/core/layout';
import { summarize } from '../../../src/core/summarize';
import { readTargets } from '../../../src/core/summary';
import { analyse } from '../../../src/core/text';
import { COUNTY_VALUE, SHAOYANG_COUNTIES, TOTAL_VALUE, competition, countySheet } from '../layout/sheets';

const GROWTH = [8.2, 7.5, 6.9, 10.3, 5.4, 9.1, 4.8, 6.1, 3.7, 7.8, 2.9, 8.8];

function figures(period: string, growth = GROWTH, total = 7.4): Grid {
  const ranks = competition(growth);
  return countySheet({
    name: '一般公共预算收入',
    title: `2025年${period}各县市区一般公共预算收入`,
    period: `2025年${period}`,
    lines: SHAOYANG_COUNTIES.map((n, i) => ({ name: n, value: COUNTY_VALUE[i], growth: growth[i], rank: ranks[i] })),
    total: { name: '全市', value: TOTAL_VALUE, growth: total, position: 'first' },
  });
}

/** Annual targets in 亿元 (the figures are in 万元). */
function targets(values: number[], total: number): Grid {
  return gridFromValues('2025年目标', [['2025年各县市区主要指标目标', null], ['地区', '一般公共预算收入(亿元)'], ['全市', total], ...SHAOYANG_COUNTIES.map((n, i) => [n, values[i]])], { merges: [] });
}

/** Each county's target so that 1-3月 completes `share` of it. */
const TARGET = COUNTY_VALUE.map((v, i) => roundHalfUp(v / 10000 / [0.3, 0.2, 0.25, 0.26, 0.22, 0.25, 0.31, 0.18, 0.24, 0.25, 0.19, 0.27][i], 2));

function run(period: string, targetValues = TARGET, total = 600) {
  const grids = [figures(period)];
  const t = targets(targetValues, total);
  return analyse(summarize(readWorkbook(grids), grids), { targets: readTargets(readWorkbook([t]), [t]), region: '双清' });
}

describe('完成年度目标 against 序时进度', () => {
  test('the total: completion and its gap to 序时进度 (1-3月: 25.0%), cited as computed from the value cell', () => {
    const a = run('1-3月');
    const total = a.paragraphs.find((p) => p.kind === 'total')!.sentences[0];
    const done = roundHalfUp((TOTAL_VALUE / 10000 / 600) * 100, 1);
    expect(total.text).toBe(`一般公共预算收入${(TOTAL_VALUE / 10000).toFixed(2)}亿元，增长7.4%，完成年度目标的${done.toFixed(1)}%，落后序时进度${(25 - done).toFixed(1)}个百分点。`);
    expect(total.figures.filter((f) => f.computed)).toEqual([
      { text: done.toFixed(1), value: done, sheet: '一般公共预算收入', cell: 'B5', computed: 'completion' },
      { text: (25 - done).toFixed(1), value: roundHalfUp(done - 25, 1), sheet: '一般公共预算收入', cell: 'B5', computed: 'progress-gap' },
    ]);
  });

  test('each region: its completion; the indicator: how many are ahead and behind', () => {
    const a = run('1-3月');
    const shuangqing = a.paragraphs.find((p) => p.kind === 'region' && p.title === '双清区')!;
    expect(shuangqing.sentences[0].text).toContain('完成年度目标的30.0%，超序时进度5.0个百分点');
    const daxiang = a.paragraphs.find((p) => p.kind === 'region' && p.title === '大祥区')!;
    expect(daxiang.sentences[0].text).toContain('完成年度目标的20.0%，落后序时进度5.0个百分点');
    const beita = a.paragraphs.find((p) => p.kind === 'region' && p.title === '北塔区')!;
    expect(beita.sentences[0].text).toContain('完成年度目标的25.0%，与序时进度持平');
    const indicator = a.paragraphs.find((p) => p.kind === 'indicator')!;
    // 0.3 0.2 0.25 0.26 0.22 0.25 0.31 0.18 0.24 0.25 0.19 0.27: 4 ahead, 5 behind, 3 on it
    expect(indicator.sentences.map((s) => s.text)).toContain('12个县市区中，有4个超序时进度，5个落后序时进度，3个与序时进度持平。');
  });

  test('at mid-year: 时间过半、任务过半 for a completion of 50% and more', () => {
    const a = run('1-6月', TARGET.map((t) => roundHalfUp(t / 2, 2)));
    const shuangqing = a.paragraphs.find((p) => p.kind === 'region' && p.title === '双清区')!;
    expect(shuangqing.sentences[0].text).toContain('完成年度目标的60.0%，超序时进度10.0个百分点，实现“时间过半、任务过半”');
    const daxiang = a.paragraphs.find((p) => p.kind === 'region' && p.title === '大祥区')!;
    expect(daxiang.sentences[0].text).toBe('一般公共预算收入9.82亿元，增长7.5%，高于全市0.1个百分点，增速居全市第6位，完成年度目标的40.0%，落后序时进度10.0个百分点。');
  });

  test('no targets, or a target the tables cannot use: nothing said about them', () => {
    const grids = [figures('1-3月')];
    const plain = analyse(summarize(readWorkbook(grids), grids));
    expect(JSON.stringify(plain)).not.toMatch(/目标|序时/);
    const other = gridFromValues('目标', [['地区', '税收收入(亿元)'], ['全市', 400], ...SHAOYANG_COUNTIES.map((n) => [n, 30])], { merges: [] });
    const a = analyse(summarize(readWorkbook(grids), grids), { targets: readTargets(readWorkbook([other]), [other]) });
    expect(JSON.stringify(a)).not.toMatch(/目标|序时/);
  });

  test('every completion said is the value over its target as the summary table rounds it; the counts agree (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 10, max: 2000 }), { minLength: 12, maxLength: 12 }), fc.integer({ min: 1, max: 12 }), (tenths, month) => {
        const targetValues = tenths.map((x) => x / 10);
        const a = run(month === 1 ? '1月' : `1-${month}月`, targetValues);
        const progress = roundHalfUp((month / 12) * 100, 1);
        let ahead = 0;
        let behind = 0;
        for (const [i, name] of SHAOYANG_COUNTIES.entries()) {
          const p = a.paragraphs.find((x) => x.kind === 'region' && x.title === name)!;
          const done = roundHalfUp(((COUNTY_VALUE[i] / 10000) / targetValues[i]) * 100, 1);
          const cited = p.sentences.flatMap((s) => s.figures).find((f) => f.computed === 'completion')!;
          expect(cited.value).toBe(done);
          expect(p.sentences[0].text).toContain(`完成年度目标的${done.toFixed(1)}%`);
          const gap = roundHalfUp(done - progress, 1);
          if (gap > 0) ahead++;
          else if (gap < 0) behind++;
        }
        const indicator = a.paragraphs.find((p) => p.kind === 'indicator')!;
        expect(indicator.sentences.some((s) => s.text.startsWith(`12个县市区中，有${ahead}个超序时进度，${behind}个落后序时进度`))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});

describe('the total\'s growth against the last report', () => {
  const previous = (growth: number) => {
    const grids = [figures('1-2月', GROWTH, growth)];
    return { result: summarize(readWorkbook(grids), grids), label: '1-2月' };
  };

  test.each([
    [7.4, 6.0, '增速比1-2月提高1.4个百分点'],
    [7.4, 8.0, '增速比1-2月回落0.6个百分点'],
    [7.4, 7.4, '增速与1-2月持平'],
  ])('total growth %s against %s: %s', (now, before, words) => {
    const grids = [figures('1-3月', GROWTH, now)];
    const a = analyse(summarize(readWorkbook(grids), grids), { previous: previous(before) });
    const s = a.paragraphs.find((p) => p.kind === 'total')!.sentences[0];
    expect(s.text).toBe(`一般公共预算收入${(TOTAL_VALUE / 10000).toFixed(2)}亿元，增长${now.toFixed(1)}%，${words}。`);
    const change = s.figures.find((f) => f.computed === 'rate-change');
    if (now === before) expect(change).toBeUndefined();
    else expect(change).toEqual({ text: Math.abs(now - before).toFixed(1), value: roundHalfUp(now - before, 1), sheet: '一般公共预算收入', cell: 'C5', computed: 'rate-change' });
  });

  test('a decline both times: 降幅收窄', () => {
    const grids = [figures('1-3月', GROWTH, -2.0)];
    const a = analyse(summarize(readWorkbook(grids), grids), { previous: previous(-3.2) });
    expect(a.paragraphs.find((p) => p.kind === 'total')!.sentences[0].text).toContain('下降2.0%，降幅比1-2月收窄1.2个百分点。');
  });
});
