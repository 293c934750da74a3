import fc from 'fast-check';
import { completionWords, countWords, growthWords, levelWords, listWords, outcomeWords, pointsWords, rankChangeWords, rankWords, rateChangeWords, shown } from '../../../src/core/text';

describe('growthWords: 增长 / 下降 / 持平', () => {
  test.each([
    [5.9, 1, '增长5.9%', 'up 5.9%'],
    [-3.2, 1, '下降3.2%', 'down 3.2%'],
    [0, 1, '持平', 'unchanged'],
    [-0.04, 1, '持平', 'unchanged'], // shown as -0.0
    [0.04, 1, '持平', 'unchanged'],
    [12, 0, '增长12%', 'up 12%'],
    [150, 1, '增长150.0%', 'up 150.0%'],
  ] as const)('%d with %d decimals', (g, d, zh, en) => {
    expect(growthWords(g, d, 'zh-CN')).toBe(zh);
    expect(growthWords(g, d, 'en-US')).toBe(en);
  });

  test('growth of 100% and more in 倍 when the setting says so (150% = 增长1.5倍); below 100% always in %', () => {
    expect(growthWords(150, 1, 'zh-CN', 'times')).toBe('增长1.5倍');
    expect(growthWords(291.6, 1, 'zh-CN', 'times')).toBe('增长2.9倍');
    expect(growthWords(99.9, 1, 'zh-CN', 'times')).toBe('增长99.9%');
    expect(growthWords(-60, 1, 'zh-CN', 'times')).toBe('下降60.0%');
  });

  test('never a sign in the words, never 增长 for a fall (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -99.9, max: 500, noNaN: true }), fc.integer({ min: 0, max: 2 }), (g, d) => {
        const zh = growthWords(g, d, 'zh-CN');
        expect(zh).not.toMatch(/[-+]/);
        const s = Number(shown(g, d));
        if (s < 0) expect(zh).toMatch(/^下降/);
        else if (s > 0) expect(zh).toMatch(/^增长/);
        else expect(zh).toBe('持平');
        // the number is the figure as shown, without its sign
        if (s !== 0) expect(zh).toContain(`${shown(Math.abs(g), d)}%`);
      }),
    );
  });
});

test('outcomes of a loss are said without a percentage', () => {
  expect(outcomeWords('turned-profit', 'zh-CN')).toBe('扭亏为盈');
  expect(outcomeWords('turned-loss', 'zh-CN')).toBe('由盈转亏');
  expect(outcomeWords('loss-narrowed', 'zh-CN')).toBe('减亏');
  expect(outcomeWords('loss-widened', 'zh-CN')).toBe('增亏');
  expect(outcomeWords('loss-narrowed', 'en-US')).toBe('loss narrowed');
});

test('differences of rates in 个百分点, never %', () => {
  expect(pointsWords(0.9, 1, '全市', 'zh-CN')).toBe('高于全市0.9个百分点');
  expect(pointsWords(-1.2, 1, '全省', 'zh-CN')).toBe('低于全省1.2个百分点');
  expect(pointsWords(0, 1, '全市', 'zh-CN')).toBe('与全市持平');
  expect(pointsWords(-0.04, 1, '全市', 'zh-CN')).toBe('与全市持平');
  expect(pointsWords(0.9, 1, 'the city', 'en-US')).toBe('0.9 points above the city');
  expect(pointsWords(1, 0, 'the city', 'en-US')).toBe('1 point above the city');
});

describe('rankWords: 居全市第N位, 并列, 末位 / 倒数第2位 (a setting)', () => {
  const r = (rank: number, fromBottom: number, tied = false, peers = 12) => ({ rank, fromBottom, tied, peers });
  test.each([
    [r(3, 10), '居全市第3位'],
    [r(3, 9, true), '居全市并列第3位'],
    [r(12, 1), '居全市末位'],
    [r(11, 2), '居全市倒数第2位'],
    [r(11, 1, true), '居全市并列第11位'], // a tie at the bottom is said as a tie
    [r(2, 1, false, 2), '居全市第2位'], // two peers: no "last of two"
  ])('%o', (x, zh) => {
    expect(rankWords(x, '全市', 'zh-CN')).toBe(zh);
  });
  test('plainly, when the setting says so; in English', () => {
    expect(rankWords(r(12, 1), '全市', 'zh-CN', 'plain')).toBe('居全市第12位');
    expect(rankWords(r(3, 10), 'the city', 'en-US')).toBe('3rd of 12 in the city');
    expect(rankWords(r(1, 12, true), 'the city', 'en-US')).toBe('joint 1st of 12 in the city');
    expect(rankWords(r(12, 1), 'the city', 'en-US')).toBe('last of 12 in the city');
    expect(rankWords(r(22, 1, false, 30), 'x', 'en-US', 'plain')).toBe('22nd of 30 in x');
    expect(rankWords(r(13, 1, false, 30), 'x', 'en-US', 'plain')).toBe('13th of 30 in x');
  });
});

test('rank changes: previous − current, 前移 / 后移 / 持平', () => {
  expect(rankChangeWords(2, '1-2月', 'zh-CN')).toBe('较1-2月前移2位');
  expect(rankChangeWords(-1, '1-2月', 'zh-CN')).toBe('较1-2月后移1位');
  expect(rankChangeWords(0, '1-2月', 'zh-CN')).toBe('位次与1-2月持平');
  expect(rankChangeWords(-1, 'February', 'en-US')).toBe('1 place down on February');
});

test('counts in Chinese numerals up to ten (两项 … 十项), digits above', () => {
  const noun = { 'zh-CN': '项指标', 'en-US': ['indicator', 'indicators'] as [string, string] };
  expect(countWords(2, noun, 'zh-CN')).toBe('两项指标');
  expect(countWords(3, noun, 'zh-CN')).toBe('三项指标');
  expect(countWords(10, noun, 'zh-CN')).toBe('十项指标');
  expect(countWords(11, noun, 'zh-CN')).toBe('11项指标');
  expect(countWords(1, noun, 'en-US')).toBe('one indicator');
  expect(countWords(12, noun, 'en-US')).toBe('12 indicators');
});

test('lists and levels as the cells show them', () => {
  expect(listWords(['甲', '乙', '丙'], 'zh-CN')).toBe('甲、乙、丙');
  expect(listWords(['A', 'B', 'C'], 'en-US')).toBe('A, B and C');
  expect(levelWords(1974.61, 2, '亿元', 'zh-CN')).toBe('1974.61亿元');
  expect(levelWords(1974.6, 2, '亿元', 'zh-CN')).toBe('1974.60亿元');
  expect(levelWords(52340, 0, '元', 'en-US')).toBe('52340 元');
  expect(shown(-0.0001, 1)).toBe('0.0');
  expect(shown(12.5, null)).toBe('12.5');
});

describe('completionWords: 完成年度目标的X%，超 / 落后序时进度Y个百分点', () => {
  test('ahead, behind, on time progress; the completion to one decimal', () => {
    expect(completionWords(76.3, 1.3, 'zh-CN')).toBe('完成年度目标的76.3%，超序时进度1.3个百分点');
    expect(completionWords(22.9, -2.1, 'zh-CN')).toBe('完成年度目标的22.9%，落后序时进度2.1个百分点');
    expect(completionWords(25, 0, 'zh-CN')).toBe('完成年度目标的25.0%，与序时进度持平');
    expect(completionWords(25, -0.04, 'zh-CN')).toBe('完成年度目标的25.0%，与序时进度持平');
    expect(completionWords(31.25, null, 'zh-CN')).toBe('完成年度目标的31.3%');
    expect(completionWords(22.9, -2.1, 'en-US')).toBe('22.9% of the annual target done, 2.1 points behind time progress');
    expect(completionWords(76.3, 1.3, 'en-US')).toBe('76.3% of the annual target done, 1.3 points ahead of time progress');
  });

  test('时间过半、任务过半 at mid-year only, and only at 50% and more as displayed', () => {
    expect(completionWords(50.2, 0.2, 'zh-CN', true)).toBe('完成年度目标的50.2%，超序时进度0.2个百分点，实现“时间过半、任务过半”');
    expect(completionWords(49.96, 0, 'zh-CN', true)).toBe('完成年度目标的50.0%，与序时进度持平，实现“时间过半、任务过半”');
    expect(completionWords(49.9, -0.1, 'zh-CN', true)).toBe('完成年度目标的49.9%，落后序时进度0.1个百分点');
    expect(completionWords(60, 35, 'zh-CN', false)).not.toContain('过半');
  });
});

describe('rateChangeWords: 提高 / 回落 个百分点; a decline 收窄 / 扩大; 由负转正', () => {
  test('each case in points, never in %', () => {
    expect(rateChangeWords(7.4, 6.0, 1, '1-2月', 'zh-CN')).toBe('增速比1-2月提高1.4个百分点');
    expect(rateChangeWords(5.5, 6.0, 1, '1-2月', 'zh-CN')).toBe('增速比1-2月回落0.5个百分点');
    expect(rateChangeWords(-2.0, -3.2, 1, '1-2月', 'zh-CN')).toBe('降幅比1-2月收窄1.2个百分点');
    expect(rateChangeWords(-4.0, -3.2, 1, '1-2月', 'zh-CN')).toBe('降幅比1-2月扩大0.8个百分点');
    expect(rateChangeWords(2.0, -3.2, 1, '1-2月', 'zh-CN')).toBe('增速由负转正，比1-2月提高5.2个百分点');
    expect(rateChangeWords(-1.0, 3.2, 1, '1-2月', 'zh-CN')).toBe('增速由正转负，比1-2月回落4.2个百分点');
    expect(rateChangeWords(6.04, 5.96, 1, '1-2月', 'zh-CN')).toBe('增速与1-2月持平');
    expect(rateChangeWords(5.5, 6.0, 1, 'Jan-Feb', 'en-US')).toBe('growth 0.5 points lower than in Jan-Feb');
    expect(rateChangeWords(-2.0, -3.2, 1, 'Jan-Feb', 'en-US')).toBe('the decline 1.2 points narrower than in Jan-Feb');
  });

  test('the points are the difference of the rates as displayed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -500, max: 500 }), (a, b) => {
        const words = rateChangeWords(a / 10, b / 10, 1, '上月', 'zh-CN');
        expect(words).not.toMatch(/%|-/);
        const n = words.match(/([\d.]+)个百分点/);
        if (a === b) expect(words).toBe('增速与上月持平');
        else expect(Number(n?.[1])).toBeCloseTo(Math.abs(a - b) / 10, 6);
      }),
    );
  });
});
