import fc from 'fast-check';
import { formatInfo } from '../../../src/core/figures';
import type { FormatInfo } from '../../../src/core/figures';

const num = (decimals: number | null, percent = false): FormatInfo => ({ decimals, percent, text: false, date: false });
const GENERAL = num(null);
const DATE: FormatInfo = { decimals: null, percent: false, text: false, date: true };
const TEXT: FormatInfo = { decimals: null, percent: false, text: true, date: false };

describe('formatInfo', () => {
  describe('codes seen in bureau files', () => {
    const cases: Array<[string | undefined, FormatInfo]> = [
      [undefined, GENERAL],
      ['', GENERAL],
      ['General', GENERAL],
      ['general', GENERAL],
      ['G/通用格式', GENERAL],
      ['0', num(0)],
      ['0.0', num(1)],
      ['0.00', num(2)],
      ['0.0000', num(4)],
      ['0.0_ ', num(1)],
      ['0.00_ ', num(2)],
      ['0_ ', num(0)],
      ['0.000_ ', num(3)],
      ['0_);[Red](0)', num(0)],
      ['0.00_);[Red](0.00)', num(2)],
      ['#,##0.0', num(1)],
      ['#,##0;-#,##0;-;@', num(0)],
      ['#,##0.0;-#,##0.0;-;@', num(1)],
      ['#0.00 ;-#0.00 ', num(2)],
      ['#0.0 ;-#0.0 ', num(1)],
      ['0.0%', num(1, true)],
      ['0%', num(0, true)],
      ['0.00%', num(2, true)],
      ['@', TEXT],
      ['yyyy-mm-dd', DATE],
      ['[$-409]mmm-yy', DATE],
      ['yyyy"年"m"月"', DATE],
      ['m/d/yy', DATE],
      ['h:mm AM/PM', DATE],
      ['[h]:mm:ss', DATE],
      ['mm:ss.0', DATE],
      ['"¥"#,##0.00', num(2)],
      ['0.0"%"', num(1)],
      ['0.0\\%', num(1)],
      ['0.0"万元"', num(1)],
      ['0.0\\ ', num(1)],
      ['0.0_x', num(1)],
      ['* #,##0.0', num(1)],
      ['_-* #,##0.00_-;-* #,##0.00_-;_-* "-"??_-;_-@_-', num(2)],
      ['[Red]0.0', num(1)],
      ['[Blue][>=100]0;[Red][<100]0.0', num(0)],
      ['[DBNum1]0.0', num(1)],
      ['0.00E+00', num(2)],
      ['##0.0E-0', num(1)],
      ['0.E+00', num(0)],
      ['# ?/?', GENERAL],
      ['"合计"General', GENERAL],
    ];
    test.each(cases)('%j', (code, expected) => {
      expect(formatInfo(code)).toEqual(expected);
    });
  });

  test('a literal "d" or "y" in quotes or escaped is not a date', () => {
    expect(formatInfo('0.0" days"').date).toBe(false);
    expect(formatInfo('0.0\\d').date).toBe(false);
    expect(formatInfo('[Red]0.0').date).toBe(false);
  });

  test('only the positive section decides', () => {
    expect(formatInfo('0.0;-0.000')).toEqual(num(1));
    expect(formatInfo('0;0.0%')).toEqual(num(0));
  });

  test('memoised: the same object for the same code', () => {
    const a = formatInfo('0.0_ ');
    const b = formatInfo('0.0_ ');
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
  });

  test('non-string input reads as General', () => {
    expect(formatInfo(42 as unknown as string)).toEqual(GENERAL);
    expect(formatInfo(null as unknown as string)).toEqual(GENERAL);
  });

  test('never throws and keeps its invariants on arbitrary codes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (code) => {
        const info = formatInfo(code);
        if (info.decimals !== null) expect(Number.isInteger(info.decimals) && info.decimals >= 0).toBe(true);
        if (info.date) expect(info.percent || info.text).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test('decimals equal the zeros written after the point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.constantFrom('', '_ ', '%', '_);[Red](0)'), (d, tail) => {
        const code = (d === 0 ? '0' : `0.${'0'.repeat(d)}`) + tail;
        const info = formatInfo(code);
        expect(info.decimals).toBe(d);
        expect(info.percent).toBe(tail === '%');
      }),
    );
  });
});
