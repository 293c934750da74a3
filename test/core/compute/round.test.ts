import fc from 'fast-check';
import { applyDecimals, formatFixed, normalizeDecimals, roundHalfUp, scaledToString, toScaled } from '../../../src/core/compute/round';

describe('roundHalfUp', () => {
  it('rounds half away from zero as Excel displays', () => {
    expect(roundHalfUp(8.25, 1)).toBe(8.3);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp(-2.25, 1)).toBe(-2.3);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(0.125, 2)).toBe(0.13);
    expect(roundHalfUp(6.35, 1)).toBe(6.4);
    expect(roundHalfUp(6.305, 1)).toBe(6.3);
    expect(roundHalfUp(1.45, 1)).toBe(1.5);
    expect(roundHalfUp(2.675, 2)).toBe(2.68);
  });

  it('leaves no float noise', () => {
    expect(roundHalfUp(0.1 + 0.2, 1)).toBe(0.3);
    expect(roundHalfUp(0.1 + 0.2, 2)).toBe(0.3);
    expect(roundHalfUp(1.1 * 3, 2)).toBe(3.3);
    expect(roundHalfUp(122.9 - 94.3, 1)).toBe(28.6);
    expect(String(roundHalfUp(12.3456789, 3))).toBe('12.346');
  });

  it('handles zero, negative zero, tiny and huge values', () => {
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 1), 0)).toBe(true);
    expect(roundHalfUp(0.05, 1)).toBe(0.1);
    expect(roundHalfUp(0.049, 1)).toBe(0);
    expect(roundHalfUp(5e-7, 6)).toBe(0.000001);
    expect(roundHalfUp(4e-7, 6)).toBe(0);
    expect(roundHalfUp(1e-300, 2)).toBe(0);
    expect(roundHalfUp(1.23456e21, 1)).toBe(1.23456e21);
    expect(roundHalfUp(Number.MAX_VALUE, 2)).toBe(Number.MAX_VALUE);
    expect(roundHalfUp(123.456)).toBe(123);
  });

  it('supports negative decimals (tens, hundreds)', () => {
    expect(roundHalfUp(1250, -2)).toBe(1300);
    expect(roundHalfUp(-1249, -2)).toBe(-1200);
    expect(roundHalfUp(45, -1)).toBe(50);
    expect(roundHalfUp(4, -1)).toBe(0);
    expect(roundHalfUp(5, -1)).toBe(10);
  });

  it('passes non-finite values through and never throws on odd decimals', () => {
    expect(roundHalfUp(NaN, 1)).toBeNaN();
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
    expect(roundHalfUp(-Infinity, 1)).toBe(-Infinity);
    expect(roundHalfUp(8.25, NaN)).toBe(8);
    expect(roundHalfUp(8.25, 1.9)).toBe(8.3);
    expect(roundHalfUp(8.25, Infinity)).toBe(8.25);
    expect(roundHalfUp(8.25, -Infinity)).toBe(0);
    expect(normalizeDecimals(1e9)).toBe(400);
  });

  it('error is at most half a unit (up to the 15-digit reduction)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (x, d) => {
        const r = roundHalfUp(x, d);
        const half = 0.5 * 10 ** -d;
        const slack = Math.abs(x) * 1e-14 + 1e-300;
        return Math.abs(r - x) <= half + slack;
      }),
    );
  });

  it('is idempotent and agrees with its text form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const r = roundHalfUp(x, d);
        return roundHalfUp(r, d) === r && Number(formatFixed(x, d)) === r;
      }),
    );
  });

  it('rounds exact halves away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), (k, d) => {
        const sign = k < 0 ? -1n : 1n;
        const half = Number(scaledToString(BigInt(k) * 10n + 5n * sign, d + 1)); // k ± 0.5 units of 10^-d
        const expected = Number(scaledToString(BigInt(k) + sign, d));
        return roundHalfUp(half, d) === expected;
      }),
    );
  });
});

describe('formatFixed / toScaled / scaledToString', () => {
  it('formats like a "0.0" number format', () => {
    expect(formatFixed(8.25, 1)).toBe('8.3');
    expect(formatFixed(2, 1)).toBe('2.0');
    expect(formatFixed(-0.04, 1)).toBe('0.0');
    expect(formatFixed(-0.05, 1)).toBe('-0.1');
    expect(formatFixed(0.005, 2)).toBe('0.01');
    expect(formatFixed(1234.5, 0)).toBe('1235');
    expect(formatFixed(1234.5, -2)).toBe('1200');
    expect(formatFixed(NaN, 1)).toBe('');
  });

  it('converts to and from scaled integers', () => {
    expect(toScaled(8.25, 1)).toBe(83n);
    expect(toScaled(-2.25, 1)).toBe(-23n);
    expect(toScaled(0, 3)).toBe(0n);
    expect(toScaled(Infinity, 1)).toBeNull();
    expect(scaledToString(-5n, 2)).toBe('-0.05');
    expect(scaledToString(7n, -1)).toBe('70');
    expect(scaledToString(0n, 2)).toBe('0.00');
  });

  it('applies an optional decimals setting', () => {
    expect(applyDecimals(8.25)).toBe(8.25);
    expect(applyDecimals(8.25, null)).toBe(8.25);
    expect(applyDecimals(8.25, 1)).toBe(8.3);
  });
});
