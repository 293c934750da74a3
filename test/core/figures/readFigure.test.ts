import fc from 'fast-check';
import type { Cell } from '../../../src/core/grid/Grid.types';
import {
  isPlaceholder,
  parseNumberText,
  readFigure,
  serialText,
  shownValue,
} from '../../../src/core/figures';
import type { Figure, NumberFigure } from '../../../src/core/figures';

const numberCell = (value: number, format?: string): Cell => ({ value, type: 'number', format });
const textCell = (value: string): Cell => ({ value, type: 'text' });
const asNumber = (f: Figure): NumberFigure => {
  if (f.kind !== 'number') throw new Error(`expected a number figure, got ${JSON.stringify(f)}`);
  return f;
};

describe('parseNumberText', () => {
  test.each<[string, number, number, boolean]>([
    ['123.4', 123.4, 1, false],
    ['2016', 2016, 0, false],
    ['0.5', 0.5, 1, false],
    ['12.50', 12.5, 2, false],
    ['１２３．４', 123.4, 1, false],
    ['－５', -5, 0, false],
    ['＋５', 5, 0, false],
    ['+5.0', 5, 1, false],
    ['1,234.5', 1234.5, 1, false],
    ['1，234', 1234, 0, false],
    ['12,345,678.90', 12345678.9, 2, false],
    [' 12.3 ', 12.3, 1, false],
    ['1 234.5', 1234.5, 1, false],
    ['\u3000１２\u3000', 12, 0, false],
    ['\u00a012.3\u00a0', 12.3, 1, false],
    ['12\t', 12, 0, false],
    ["'12.50", 12.5, 2, false],
    ["' -3", -3, 0, false],
    ['−3.2', -3.2, 1, false], // U+2212
    ['–3.2', -3.2, 1, false], // en dash
    ['12.5%', 12.5, 1, true],
    ['12.5％', 12.5, 1, true],
    ['%12.5', 12.5, 1, true],
    ['-0.8%', -0.8, 1, true],
    ['12.5 %', 12.5, 1, true],
    ['(123.4)', -123.4, 1, false],
    ['（123.4）', -123.4, 1, false],
    ['(1,234)', -1234, 0, false],
    ['(12.5%)', -12.5, 1, true],
    ['(12.5)%', -12.5, 1, true],
    ['.5', 0.5, 1, false],
    ['5.', 5, 0, false],
    ['-0', 0, 0, false],
    ['-0.0', 0, 1, false],
    ['1.5E+3', 1500, 0, false],
    ['1e-7', 1e-7, 7, false],
    ['10819.14', 10819.14, 2, false],
    ['11894.00', 11894, 2, false],
    ['12345678901234567890', Number('12345678901234567890'), 0, false],
  ])('%j → %p (decimals %p, percent %p)', (s, value, decimals, percent) => {
    const r = parseNumberText(s);
    expect(r).not.toBeNull();
    expect(r!.value).toBe(value);
    expect(Object.is(r!.value, -0)).toBe(false);
    expect(r!.decimals).toBe(decimals);
    expect(r!.percent).toBe(percent);
  });

  test.each([
    '',
    ' ',
    '-',
    '—',
    '.',
    '%',
    '()',
    '2025-03',
    '2025.03.01',
    '1-3月',
    '10%以上',
    '12.5亿元',
    '2-12',
    '19901)',
    '(123.4',
    '123.4)',
    '(-5)',
    '-(5)',
    '--5',
    '+-5',
    '5-',
    '5–',
    '—5', // em dash is a placeholder mark, not a minus
    '0123',
    '00',
    '1,23',
    '12,5',
    '1,2345',
    ',123',
    '123,',
    '1,,234',
    '12.5%%',
    '%12.5%',
    '1.2.3',
    '1e',
    '1e+',
    'e5',
    '1e999',
    'abc',
    '12a',
    '第1',
    '1、2',
    '５月',
    '9‰',
    "12'",
    '1'.repeat(100),
  ])('%j → null', (s) => {
    expect(parseNumberText(s)).toBeNull();
  });

  test('round-trips String(n) for finite doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const r = parseNumberText(String(n));
        expect(r).not.toBeNull();
        expect(r!.value).toBe(n === 0 ? 0 : n);
        expect(r!.percent).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  test('round-trips toFixed(d) with d decimals written', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 6 }), (n, d) => {
        const text = n.toFixed(d);
        const r = parseNumberText(text);
        expect(r).not.toBeNull();
        expect(r!.value).toBe(Number(text) === 0 ? 0 : Number(text));
        expect(r!.decimals).toBe(d);
      }),
      { numRuns: 3000 },
    );
  });

  test('grouped and percent forms of integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const grouped = n.toLocaleString('en-US');
        expect(parseNumberText(grouped)?.value).toBe(n === 0 ? 0 : n);
        expect(parseNumberText(`${n}%`)).toEqual({ value: n === 0 ? 0 : n, decimals: 0, percent: true });
      }),
    );
  });

  test('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'binary' }), (s) => {
        const r = parseNumberText(s);
        if (r !== null) expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('isPlaceholder', () => {
  test.each([
    '—',
    '——',
    '-',
    '－',
    '--',
    '－－',
    '- -',
    '— —',
    '–',
    '―',
    '─',
    '…',
    '……',
    '⋯',
    '⋯⋯',
    '...',
    '..',
    '.',
    '．',
    '/',
    '／',
    'x',
    'X',
    '×',
    'ｘ',
    'Ｘ',
    '*',
    '＊',
    'N/A',
    'n/a',
    'n.a.',
    'na',
    'NA',
    '无',
    '空',
    '暂无',
    '不详',
    '  —  ',
    '\u3000…\u3000',
  ])('%j is a placeholder', (s) => {
    expect(isPlaceholder(s)).toBe(true);
  });

  test.each(['', '   ', '0', '0.0', '-5', '–5', '12.5', 'xx', 'abc', '合计', '无锡市', '-.', 'N/A1', '扭亏为盈', '—5'])(
    '%j is not a placeholder',
    (s) => {
      expect(isPlaceholder(s)).toBe(false);
    },
  );
});

describe('readFigure', () => {
  describe('number cells', () => {
    test('General: decimals null, value as stored', () => {
      expect(readFigure(numberCell(6.17000000000001))).toEqual({
        kind: 'number',
        value: 6.17000000000001,
        decimals: null,
        fromText: false,
        percent: false,
      });
      expect(asNumber(readFigure(numberCell(3, 'General'))).decimals).toBeNull();
    });

    test('decimals from the format', () => {
      expect(asNumber(readFigure(numberCell(6.17000000000001, '0.0_ '))).decimals).toBe(1);
      expect(asNumber(readFigure(numberCell(1234, '#,##0;-#,##0;-;@'))).decimals).toBe(0);
      expect(asNumber(readFigure(numberCell(-3.456, '0.00_);[Red](0.00)'))).decimals).toBe(2);
      expect(asNumber(readFigure(numberCell(12.5, '0.0"%"')))).toMatchObject({ value: 12.5, decimals: 1, percent: false });
    });

    test('percent format: value in percent units', () => {
      expect(readFigure(numberCell(0.1234, '0.0%'))).toEqual({
        kind: 'number',
        value: 12.34,
        decimals: 1,
        fromText: false,
        percent: true,
      });
      expect(asNumber(readFigure(numberCell(0.07, '0%'))).value).toBe(7);
      expect(asNumber(readFigure(numberCell(-0.0825, '0.00%'))).value).toBe(-8.25);
      expect(shownValue(asNumber(readFigure(numberCell(0.0825, '0.0%'))))).toBe(8.3);
    });

    test('date formats are not figures: text with the date', () => {
      expect(readFigure(numberCell(45747, 'yyyy-mm-dd'))).toEqual({ kind: 'text', text: '2025-03-31' });
      expect(readFigure(numberCell(45717, '[$-409]mmm-yy'))).toEqual({ kind: 'text', text: '2025-03-01' });
      expect(readFigure(numberCell(0.5, 'h:mm'))).toEqual({ kind: 'text', text: '12:00:00' });
    });

    test('-0 reads as 0; non-finite reads as #NUM!', () => {
      expect(Object.is(asNumber(readFigure(numberCell(-0, '0.0'))).value, 0)).toBe(true);
      expect(readFigure(numberCell(NaN))).toEqual({ kind: 'error', code: '#NUM!' });
      expect(readFigure(numberCell(Infinity))).toEqual({ kind: 'error', code: '#NUM!' });
    });

    test('a number in a text ("@") format is still a number', () => {
      expect(readFigure(numberCell(12, '@'))).toMatchObject({ kind: 'number', value: 12, decimals: null });
    });
  });

  describe('text cells', () => {
    test('whitespace only → empty', () => {
      expect(readFigure(textCell(''))).toEqual({ kind: 'empty' });
      expect(readFigure(textCell('  \u3000\u00a0\n'))).toEqual({ kind: 'empty' });
    });
    test('placeholders', () => {
      expect(readFigure(textCell(' — '))).toEqual({ kind: 'placeholder', text: '—' });
      expect(readFigure(textCell('…'))).toEqual({ kind: 'placeholder', text: '…' });
      expect(readFigure(textCell('/'))).toEqual({ kind: 'placeholder', text: '/' });
      expect(readFigure(textCell('-'))).toEqual({ kind: 'placeholder', text: '-' });
    });
    test('text-stored numbers', () => {
      expect(readFigure(textCell('10819.14'))).toEqual({
        kind: 'number',
        value: 10819.14,
        decimals: 2,
        fromText: true,
        percent: false,
      });
      expect(readFigure(textCell('12.5%'))).toEqual({ kind: 'number', value: 12.5, decimals: 1, fromText: true, percent: true });
      expect(readFigure(textCell('－５．０'))).toEqual({ kind: 'number', value: -5, decimals: 1, fromText: true, percent: false });
      expect(readFigure(textCell('2016'))).toMatchObject({ kind: 'number', value: 2016, decimals: 0 });
    });
    test('other text, trimmed', () => {
      expect(readFigure(textCell('  济 南 市 '))).toEqual({ kind: 'text', text: '济 南 市' });
      expect(readFigure(textCell('1-3月'))).toEqual({ kind: 'text', text: '1-3月' });
      expect(readFigure(textCell('19901)'))).toEqual({ kind: 'text', text: '19901)' });
      expect(readFigure(textCell('扭亏为盈'))).toEqual({ kind: 'text', text: '扭亏为盈' });
    });
  });

  test('errors, booleans, empty', () => {
    expect(readFigure({ value: '#DIV/0!', type: 'error' })).toEqual({ kind: 'error', code: '#DIV/0!' });
    expect(readFigure({ value: '#N/A', type: 'error' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(readFigure({ value: null, type: 'error' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(readFigure({ value: true, type: 'boolean' })).toEqual({ kind: 'text', text: 'TRUE' });
    expect(readFigure({ value: false, type: 'boolean' })).toEqual({ kind: 'text', text: 'FALSE' });
    expect(readFigure({ value: null, type: 'empty' })).toEqual({ kind: 'empty' });
    expect(readFigure(undefined)).toEqual({ kind: 'empty' });
    expect(readFigure(null)).toEqual({ kind: 'empty' });
  });

  test('the runtime value wins over a wrong type', () => {
    expect(readFigure({ value: '12.5', type: 'number' })).toMatchObject({ kind: 'number', value: 12.5, fromText: true });
    expect(readFigure({ value: 3, type: 'text' })).toMatchObject({ kind: 'number', value: 3, fromText: false });
  });

  test('never throws on arbitrary cells', () => {
    const value = fc.oneof(
      fc.double(),
      fc.string({ maxLength: 20, unit: 'binary' }),
      fc.constantFrom('—', '12.5%', '(1,234.5)', '１２３．４', '#DIV/0!', '', ' ', '2025-03'),
      fc.boolean(),
      fc.constant(null),
      fc.anything(),
    );
    const type = fc.constantFrom('number', 'text', 'boolean', 'error', 'empty', 'weird');
    const format = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('General', '0.0_ ', '0.0%', '@', 'yyyy-mm-dd', '#,##0;-#,##0;-;@', '[h]:mm'),
      fc.string({ maxLength: 20 }),
      fc.anything(),
    );
    fc.assert(
      fc.property(value, type, format, (v, t, f) => {
        const cell = { value: v, type: t, format: f } as unknown as Cell;
        const fig = readFigure(cell);
        expect(['number', 'placeholder', 'error', 'text', 'empty']).toContain(fig.kind);
        if (fig.kind === 'number') {
          expect(typeof fig.value).toBe('number');
          expect(Number.isFinite(fig.value)).toBe(true);
          expect(Number.isFinite(shownValue(fig))).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.anything(), (anything) => {
        readFigure(anything as Cell);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('shownValue', () => {
  const shown = (value: number, format?: string): number => shownValue(asNumber(readFigure(numberCell(value, format))));

  test('邵阳 2025-03 values with "0.0_ "', () => {
    expect(shown(6.17000000000001, '0.0_ ')).toBe(6.2);
    expect(shown(8.25, '0.0_ ')).toBe(8.3);
    expect(shown(4.91308168958393, '0.0_ ')).toBe(4.9);
    expect(shown(9.66, '0.0_ ')).toBe(9.7);
    expect(shown(9.7, '0.0_ ')).toBe(9.7);
    expect(shown(9.66, '0.0_ ')).toBe(shown(9.7, '0.0_ '));
  });

  test('other formats', () => {
    expect(shown(1.005, '0.00')).toBe(1.01);
    expect(shown(-2.25, '0.0')).toBe(-2.3);
    expect(shown(1234.5, '#,##0;-#,##0;-;@')).toBe(1235);
    expect(shown(0.12345, '0.00%')).toBe(12.35);
  });

  test('General strips float noise to 10 significant digits, keeps integers', () => {
    expect(shown(0.1 + 0.2)).toBe(0.3);
    expect(shown(6.17000000000001)).toBe(6.17);
    expect(shown(123456.789012)).toBe(123456.789);
    expect(shown(12345678901)).toBe(12345678901);
    expect(shown(-7)).toBe(-7);
  });

  test('text-stored numbers show as written', () => {
    expect(shownValue(asNumber(readFigure(textCell('11894.00'))))).toBe(11894);
    expect(shownValue(asNumber(readFigure(textCell('9.66'))))).toBe(9.66);
  });
});

describe('serialText', () => {
  test.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-02-29'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [45658, '2025-01-01'],
    [45747, '2025-03-31'],
    [45747.75, '2025-03-31 18:00:00'],
    [0.25, '06:00:00'],
    [0.9999999999, '1900-01-01'],
    [2958465, '9999-12-31'],
    [-1, '-1'],
    [3e6, '3000000'],
  ])('%p → %p', (serial, text) => {
    expect(serialText(serial)).toBe(text);
  });
});
