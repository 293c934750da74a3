import { gridFromValues } from '../../../src/core/grid';
import { readSheet } from '../../../src/core/layout';
import { normalizeHeaderTexts, plainTitle, titleMeasure } from '../../../src/core/layout/stacked';

describe('stacked tables: what the title lines say', () => {
  test.each([
    [['Table 1.3 Gross Regional Domestic Product', 'Annual 2001 to 2023', 'Growth Rates, at Current Prices'], 'growth'],
    [['Growth Rates, At Constant 2018 Prices'], 'growth'],
    [['Percent Share, At Current Prices'], 'share'],
    [['Implicit Price Index'], 'level-index'],
    [['Table 2.5 Per Capita Index With Reference To The National Average'], 'level-index'],
    [['2025年1-3月各县市区规模工业增加值增速'], 'growth'],
    [['三次产业构成'], 'share'],
  ])('%j → %s', (lines, measure) => {
    expect(titleMeasure(lines)?.measure).toBe(measure);
  });

  test.each([[['Table 1.1 Gross Regional Domestic Product', 'At Current Prices', 'Unit: In Percent']], [['地区生产总值']], [['Contribution to growth']]])('no measure in %j', (lines) => {
    expect(titleMeasure(lines)).toBeNull();
  });

  test('header texts: a frequency is no name, a span of consecutive years over growth is the later year', () => {
    expect(normalizeHeaderTexts(['Annual', '2000'])).toEqual(['', '2000']);
    expect(normalizeHeaderTexts(['', '2000 - 2001'])).toEqual(['', '2001']);
    expect(normalizeHeaderTexts(['2016-2022'])).toEqual(['2016-2022']);
    expect(normalizeHeaderTexts(['年度', '2022'])).toEqual(['', '2022']);
  });

  test('English titles lose their table number and row description', () => {
    expect(plainTitle('Table 3.1 Gross Value Added in Agriculture, Forestry, and Fishing, by Region')).toBe('Gross Value Added in Agriculture, Forestry, and Fishing');
    expect(plainTitle('Table 1.12 Gross Regional Domestic Product')).toBe('Gross Regional Domestic Product');
    expect(plainTitle('分市地区生产总值')).toBe('分市地区生产总值');
  });
});

describe('the total named in the title lines', () => {
  const sheet = (title: string) =>
    gridFromValues('S', [
      [title],
      ['Unit: In Percent'],
      [],
      [null, 2021, 2022, 2023],
      ['Alpha', 5.1, 6.2, 4.3],
      ['Beta', 3.2, 2.1, 6.5],
      ['Gamma', 4.4, 3.3, 2.2],
      ['Arcadia', 4.0, 4.1, 4.2],
    ]);

  test('the country of the title is the total, in doubt', () => {
    const [t] = readSheet(sheet('Growth Rates of Arcadia by Region')).tables;
    expect(t.rows.find((r) => r.role === 'total')?.name).toBe('Arcadia');
    expect(t.doubts).toEqual([{ kind: 'total', cell: 'A8', text: 'Arcadia' }]);
  });

  test('a title that lists several of the rows names no whole', () => {
    const [t] = readSheet(sheet('Growth Rates of Alpha, Beta and Arcadia')).tables;
    expect(t.rows.some((r) => r.role === 'total')).toBe(false);
    expect(t.doubts).toBeUndefined();
  });
});
