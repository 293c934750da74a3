import fc from 'fast-check';
import { needsTextPrefix, toExcelInput } from '../../../src/workbook/excel/cellInput';

describe('text that Excel would read as something else gets the apostrophe', () => {
  it.each([
    ['=SUM(A1)', true],
    ['+5', true],
    ['-', true],
    ['-3.5', true],
    ['@home', true],
    ["'quoted", true],
    ['001', true],
    ['1,234.5', true],
    [' 12 ', true],
    ['12%', true],
    ['1e3', true],
    ['¥100', true],
    ['2025-03', true],
    ['2025/3/1', true],
    ['3/1', true],
    ['2025年3月', true],
    ['12:30', true],
    ['TRUE', true],
    ['false', true],
    ['#N/A', true],
    ['', false],
    ['邵阳市', false],
    // Chinese Excel may read it as a date; the prefix costs nothing on text.
    ['1-3月', true],
    ['2025年1-3月', false],
    ['3(并列)', false],
    ['C5', false],
    ['增速(%)', false],
    ['GDP', false],
  ])('%j -> %s', (s, prefixed) => {
    expect(needsTextPrefix(s)).toBe(prefixed);
    expect(toExcelInput(s)).toBe(prefixed ? `'${s}` : s);
  });

  it('numbers and booleans go as they are, null and non-finite numbers as empty', () => {
    expect(toExcelInput(12.5)).toBe(12.5);
    expect(toExcelInput(true)).toBe(true);
    expect(toExcelInput(null)).toBe('');
    expect(toExcelInput(Number.NaN)).toBe('');
  });

  it('every string that parses as a number is prefixed', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(needsTextPrefix(String(x))).toBe(true);
      }),
    );
  });
});
