import fc from 'fast-check';
import { twoYearAverageFromRates, twoYearAverageGrowth } from '../../../src/core/compute/average';

describe('twoYearAverageGrowth', () => {
  it('is geometric', () => {
    expect(twoYearAverageGrowth(121, 100)).toBeCloseTo(10, 12);
    expect(twoYearAverageGrowth(121, 100, { decimals: 1 })).toBe(10);
    expect(twoYearAverageGrowth(81, 100)).toBeCloseTo(-10, 12);
    expect(twoYearAverageGrowth(100, 100)).toBe(0);
    expect(twoYearAverageGrowth(110, 100, { decimals: 2 })).toBe(4.88);
  });

  it('has no result for levels ≤ 0 or missing', () => {
    expect(twoYearAverageGrowth(0, 100)).toBeNull();
    expect(twoYearAverageGrowth(100, 0)).toBeNull();
    expect(twoYearAverageGrowth(-5, 100)).toBeNull();
    expect(twoYearAverageGrowth(null, 100)).toBeNull();
    expect(twoYearAverageGrowth(100, NaN)).toBeNull();
    expect(twoYearAverageGrowth(Infinity, 100)).toBeNull();
    expect(twoYearAverageGrowth(1e308, 1e-308)).toBeNull();
  });
});

describe('twoYearAverageFromRates', () => {
  it('derives the average from two published rates', () => {
    expect(twoYearAverageFromRates(10, 10)).toBeCloseTo(10, 12);
    expect(twoYearAverageFromRates(2.3, 12.7, { decimals: 1 })).toBe(7.4);
    expect(twoYearAverageFromRates(-5, 5)).toBeCloseTo((Math.sqrt(0.95 * 1.05) - 1) * 100, 12);
    expect(twoYearAverageFromRates(0, 21)).toBeCloseTo(10, 12);
  });

  it('has no result for a rate ≤ −100 or missing', () => {
    expect(twoYearAverageFromRates(-100, 10)).toBeNull();
    expect(twoYearAverageFromRates(-150, -150)).toBeNull();
    expect(twoYearAverageFromRates(null, 10)).toBeNull();
    expect(twoYearAverageFromRates(10, NaN)).toBeNull();
    expect(twoYearAverageFromRates(1e308, 1e308)).toBeNull();
  });

  it('agrees with the levels version', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: -90, max: 300, noNaN: true }),
        fc.double({ min: -90, max: 300, noNaN: true }),
        (x0, r1, r2) => {
          const x2 = x0 * (1 + r1 / 100) * (1 + r2 / 100);
          const a = twoYearAverageGrowth(x2, x0) as number;
          const b = twoYearAverageFromRates(r1, r2) as number;
          return Math.abs(a - b) <= 1e-9;
        },
      ),
    );
  });
});
