import fc from 'fast-check';
import { countWords, growthWords, levelWords, listWords, outcomeWords, pointsWords, rankChangeWords, rankWords, shown } from '../../../src/core/text';

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
