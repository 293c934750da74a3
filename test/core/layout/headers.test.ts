import { cleanIndicatorName, isAdditive, measureOf, priceBasisIn, unitIn, unitLine } from '../../../src/core/layout/headers';

describe('measureOf: the measure a header names', () => {
  test.each([
    ['绝对额(万元)', 'value'],
    ['绝对额（亿元）', 'value'],
    ['本月', 'value'],
    ['累计', 'value'],
    ['增速(%)', 'growth'],
    ['增速（%）', 'growth'],
    ['增长（%）', 'growth'],
    ['增减(%)', 'growth'],
    ['累计比上年同期(%)', 'growth'],
    ['比上年增长\n(%)', 'growth'],
    ['排名', 'rank'],
    ['位次', 'rank'],
    ['增速\n排名', 'rank'],
    ['同比增减\n百分点（个）', 'points'],
    ['比年初增减数', 'increment'],
    ['比年初增减额', 'increment'],
    ['上年同期比年初增减额', 'prior'],
    ['上年同期', 'prior'],
    ['2022年为\n2021年%\n2021=100', 'index'],
    ['占全市比重(%)', 'share'],
    ['完成目标(%)', 'progress'],
    ['目标任务', 'target'],
  ] as const)('%j → %s', (header, measure) => {
    expect(measureOf(header)).toBe(measure);
  });

  test('blank or unknown header text names no measure', () => {
    expect(measureOf('')).toBeNull();
    expect(measureOf('   ')).toBeNull();
    expect(measureOf('地区')).toBeNull();
  });

  test('a price index is a value, not a 上年=100 index', () => {
    expect(measureOf('居民消费价格指数')).not.toBe('index');
  });
});

describe('unitIn: the unit stated in a header', () => {
  test.each([
    ['绝对额(万元)', '万元'],
    ['绝对额（万元）', '万元'],
    ['生产总值\n(亿元)', '亿元'],
    ['增速(%)', '%'],
    ['增速（%）', '%'],
    ['同比增减\n百分点（个）', '个百分点'],
    ['人均可支配收入(元)', '元'],
    ['一、地区生产总值（GDP）', null],
    ['地区', null],
    ['2022年为\n2021年%\n2021=100', null],
  ] as const)('%j → %j', (header, unit) => {
    expect(unitIn(header)).toBe(unit);
  });
});

describe('unitLine: a line that states the unit of the whole table', () => {
  test('单位：亿元 and variants', () => {
    expect(unitLine('单位：亿元')).toBe('亿元');
    expect(unitLine('单位:万元')).toBe('万元');
    expect(unitLine('本表按当年价格计算,单位:亿元')).toBe('亿元');
  });

  test('a title is not a unit line', () => {
    expect(unitLine('2025年1-3月各县市区地区生产总值')).toBeNull();
    expect(unitLine('')).toBeNull();
  });
});

describe('priceBasisIn: price basis from a footnote or title', () => {
  test('value at current prices, index at comparable prices, in one sentence', () => {
    expect(priceBasisIn('注:本表绝对额按当年价格计算,指数按可比价格计算。')).toEqual({ value: 'current', index: 'comparable' });
  });

  test('"增速按可比价计算" puts only growth and indices at comparable prices', () => {
    expect(priceBasisIn('注：增速按可比价计算')).toEqual({ index: 'comparable' });
  });

  test('one basis for everything', () => {
    expect(priceBasisIn('按不变价计算')).toEqual({ all: 'comparable' });
    expect(priceBasisIn('本表按当年价格计算')).toEqual({ all: 'current' });
  });

  test('nothing about prices → null', () => {
    expect(priceBasisIn('注：位次为在12个县市区中的排名')).toBeNull();
    expect(priceBasisIn('')).toBeNull();
  });
});

describe('isAdditive: only additive values may be summed into totals', () => {
  test('totals of flows add up', () => {
    expect(isAdditive('地区生产总值', 'value', '亿元')).toBe(true);
    expect(isAdditive('一般公共预算收入', 'value', '万元')).toBe(true);
    expect(isAdditive('金融机构贷款余额', 'increment', '亿元')).toBe(true);
    expect(isAdditive('地区生产总值', 'prior', '亿元')).toBe(true);
  });

  test('per-capita values, averages, rates and indices do not', () => {
    expect(isAdditive('人均地区生产总值', 'value', '元')).toBe(false);
    expect(isAdditive('城镇居民人均可支配收入', 'value', '元')).toBe(false);
    expect(isAdditive('在岗职工平均工资', 'value', '元')).toBe(false);
    expect(isAdditive('城镇化率', 'value', null)).toBe(false);
    expect(isAdditive('居民消费价格指数', 'value', null)).toBe(false);
    expect(isAdditive('亏损面', 'value', '%')).toBe(false);
  });

  test('growth, ranks, shares and points never add', () => {
    expect(isAdditive('地区生产总值', 'growth', '%')).toBe(false);
    expect(isAdditive('地区生产总值', 'rank', null)).toBe(false);
    expect(isAdditive('地区生产总值', 'share', '%')).toBe(false);
    expect(isAdditive('地区生产总值', 'points', '个百分点')).toBe(false);
    expect(isAdditive('地区生产总值', 'index', null)).toBe(false);
  });
});

describe('cleanIndicatorName', () => {
  test('drops units, numbering, line breaks and yearbook table numbers', () => {
    expect(cleanIndicatorName('一、地区生产总值（GDP）')).toBe('地区生产总值(GDP)');
    expect(cleanIndicatorName('生产总值\n(亿元)')).toBe('生产总值');
    expect(cleanIndicatorName('17-2 各市主要经济指标')).toBe('各市主要经济指标');
    expect(cleanIndicatorName('（三）规模工业增加值')).toBe('规模工业增加值');
    expect(cleanIndicatorName('1.社会消费品零售总额(亿元)')).toBe('社会消费品零售总额');
  });

  test('a bilingual header keeps the Chinese line', () => {
    expect(cleanIndicatorName('地区生产总值\nGross Regional Product')).toBe('地区生产总值');
  });
});
