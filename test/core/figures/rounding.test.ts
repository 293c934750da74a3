import fc from 'fast-check';
import { decimalsWritten, roundHalfEven, roundHalfUp, significant } from '../../../src/core/figures';

describe('roundHalfUp (as Excel displays)', () => {
  test.each<[number, number, number]>([
    // the 15-digit decimal decides, not the binary double
    [1.005, 2, 1.01],
    [8.25, 1, 8.3],
    [8.35, 1, 8.4],
    [2.675, 2, 2.68],
    [1.45, 1, 1.5],
    [0.285, 2, 0.29],
    // half away from zero
    [-2.25, 1, -2.3],
    [-1.005, 2, -1.01],
    [-0.5, 0, -1],
    [0.5, 0, 1],
    [2.5, 0, 3],
    // 邵阳 2025-03 values
    [6.17000000000001, 1, 6.2],
    [4.91308168958393, 1, 4.9],
    [9.66, 1, 9.7],
    [9.7, 1, 9.7],
    // carries
    [9.96, 1, 10],
    [-9.95, 1, -10],
    [99.995, 2, 100],
    [0.095, 1, 0.1],
    // small magnitudes
    [0.004, 2, 0],
    [0.005, 2, 0.01],
    [0.0049, 2, 0],
    [1e-30, 2, 0],
    [0.000123456, 5, 0.00012],
    // no float noise in the result
    [0.1 + 0.2, 1, 0.3],
    [0.1 + 0.2, 20, 0.3],
    [1.1 * 1.1, 2, 1.21],
    [123.456, 2, 123.46],
    // integers and big numbers
    [42, 1, 42],
    [1234567890123456, 0, 1234567890123460],
    [12345.678, -2, 12300],
    [15, -1, 20],
    [1.5e300, 2, 1.5e300],
  ])('roundHalfUp(%p, %p) = %p', (x, d, expected) => {
    expect(roundHalfUp(x, d)).toBe(expected);
  });

  test('1.0049999999999999 is the double 1.005', () => {
    expect(1.0049999999999999).toBe(1.005);
  });

  test('zero results are +0, never -0', () => {
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-1e-20, 3), 0)).toBe(true);
  });

  test('non-finite values pass through', () => {
    expect(roundHalfUp(NaN, 1)).toBeNaN();
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
    expect(roundHalfUp(-Infinity, 1)).toBe(-Infinity);
  });

  test('non-integer decimals are truncated', () => {
    expect(roundHalfUp(1.26, 1.9)).toBe(1.3);
  });

  test('result equals Number(decimal string) for half cases', () => {
    for (let i = 0; i < 2000; i++) {
      const text = `${Math.floor(i / 10)}.${i % 10}5`;
      const x = Number(text);
      const up = Math.floor(i / 10) + ((i % 10) + 1) / 10;
      expect(roundHalfUp(x, 1)).toBe(Number(up.toFixed(1)));
    }
  });
});

describe('roundHalfEven (banker\'s)', () => {
  test.each<[number, number, number]>([
    [8.25, 1, 8.2],
    [8.35, 1, 8.4],
    [8.251, 1, 8.3],
    [-2.25, 1, -2.2],
    [-2.35, 1, -2.4],
    [2.5, 0, 2],
    [3.5, 0, 4],
    [1.005, 2, 1],
    [1.015, 2, 1.02],
    [0.05, 1, 0],
    [0.15, 1, 0.2],
    [6.17000000000001, 1, 6.2],
    [9.66, 1, 9.7],
    [0.1 + 0.2, 1, 0.3],
    [0.005, 2, 0],
    [0.0051, 2, 0.01],
  ])('roundHalfEven(%p, %p) = %p', (x, d, expected) => {
    expect(roundHalfEven(x, d)).toBe(expected);
  });

  test('agrees with roundHalfUp away from ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const up = roundHalfUp(x, d);
        const even = roundHalfEven(x, d);
        expect(Math.abs(up - even)).toBeLessThanOrEqual(10 ** -d * 1.000001);
      }),
    );
  });
});

describe('significant', () => {
  test('strips binary noise beyond 15 digits', () => {
    expect(significant(0.1 + 0.2)).toBe(0.3);
    expect(significant(1.1 * 1.1)).toBe(1.21);
    expect(significant(0.1234 * 100)).toBe(12.34);
  });
  test('6.17000000000001 has 15 significant digits and stays', () => {
    expect(significant(6.17000000000001)).toBe(6.17000000000001);
    expect(significant(6.17000000000001, 14)).toBe(6.17);
  });
  test('other digit counts', () => {
    expect(significant(123456.789012, 10)).toBe(123456.789);
    expect(significant(2 / 3, 3)).toBe(0.667);
    expect(significant(1234, 2)).toBe(1200);
  });
  test('edge inputs', () => {
    expect(Object.is(significant(-0), 0)).toBe(true);
    expect(significant(NaN)).toBeNaN();
    expect(significant(Infinity)).toBe(Infinity);
    expect(significant(1.23456, 0)).toBe(1); // clamped to 1 digit
    expect(significant(1.23456, 500)).toBe(1.23456);
  });
});

describe('decimalsWritten', () => {
  test.each<[string, number]>([
    ['12.50', 2],
    ['12', 0],
    ['-3.2', 1],
    ['1,234.5', 1],
    ['12.5%', 1],
    ['１２．５', 1],
    ['.25', 2],
    ['5.', 0],
    ['1.5e-3', 4],
    ['1.5e3', 0],
    ['1.25E+1', 1],
    ['1e-7', 7],
    ['增长12.5%', 1],
    ['', 0],
    ['abc', 0],
  ])('%j → %p', (text, expected) => {
    expect(decimalsWritten(text)).toBe(expected);
  });
});

describe('properties', () => {
  const finite = fc.double({ min: -1e12, max: 1e12, noNaN: true });
  const decimals = fc.integer({ min: 0, max: 8 });

  test('roundHalfUp(x, d) has at most d decimals', () => {
    fc.assert(
      fc.property(finite, decimals, (x, d) => {
        expect(decimalsWritten(String(roundHalfUp(x, d)))).toBeLessThanOrEqual(d);
      }),
      { numRuns: 5000 },
    );
  });

  test('|roundHalfUp(x, d) − x| ≤ ½·10^−d (plus the 15-digit conversion)', () => {
    fc.assert(
      fc.property(finite, decimals, (x, d) => {
        const r = roundHalfUp(x, d);
        expect(Math.abs(r - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-14 + 1e-300);
      }),
      { numRuns: 5000 },
    );
  });

  test('roundHalfUp is monotone non-decreasing', () => {
    fc.assert(
      fc.property(finite, finite, decimals, (a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(roundHalfUp(lo, d)).toBeLessThanOrEqual(roundHalfUp(hi, d));
      }),
      { numRuns: 5000 },
    );
  });

  test('roundHalfUp is monotone on neighbouring doubles around ties', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 4 }), (k, d) => {
        const tie = (k + 0.5) / 10 ** d;
        const xs = [tie - 1e-9, tie - Number.EPSILON * Math.abs(tie), tie, tie + Number.EPSILON * Math.abs(tie), tie + 1e-9];
        for (let i = 1; i < xs.length; i++) expect(roundHalfUp(xs[i - 1], d)).toBeLessThanOrEqual(roundHalfUp(xs[i], d));
      }),
    );
  });

  test('result is the double of its own decimal string (no float noise)', () => {
    fc.assert(
      fc.property(finite, decimals, (x, d) => {
        const r = roundHalfUp(x, d);
        expect(Number(r.toFixed(d))).toBe(r);
      }),
      { numRuns: 5000 },
    );
  });

  test('idempotent, and agrees with toFixed on exact decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 5 }), decimals, (m, scale, d) => {
        const x = Number(`${m}e-${scale}`);
        const r = roundHalfUp(x, d);
        expect(roundHalfUp(r, d)).toBe(r);
        if (scale <= d) expect(r).toBe(x); // nothing to round
      }),
    );
  });

  test('significant(x) is idempotent and within 15 digits of x', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = significant(x);
        expect(significant(s)).toBe(s);
        if (x !== 0) expect(Math.abs(s - x) / Math.abs(x)).toBeLessThanOrEqual(1e-14);
      }),
    );
  });
});
