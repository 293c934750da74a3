import fc from 'fast-check';
import { pointsDiff, pointsVsTotal } from '../../../src/core/compute/points';
import { roundHalfUp } from '../../../src/core/compute/round';

describe('pointsDiff', () => {
  it('works from the displayed figures', () => {
    // 6.35 shows 6.4, 6.305 shows 6.3: 0.1 points, not 0.045
    expect(pointsDiff(6.35, 6.305)).toBe(0.1);
    expect(pointsDiff(122.9, 120.3)).toBe(2.6);
    expect(pointsDiff(28.6, 21.9)).toBe(6.7);
    expect(pointsDiff(9.66, 9.7)).toBe(0);
    expect(pointsDiff(-2.25, 1)).toBe(-3.3);
    expect(pointsDiff(0.1 + 0.2, 0.1)).toBe(0.2);
    expect(pointsDiff(1000.1, 1000)).toBe(0.1);
  });

  it('uses the given precision', () => {
    expect(pointsDiff(31.254, 33.244, 2)).toBe(-1.99);
    expect(pointsDiff(31.254, 33.245, 2)).toBe(-2);
    expect(pointsDiff(6.35, 6.305, 2)).toBe(0.04); // 6.35 − 6.31
    expect(pointsDiff(6.35, 6.305, 0)).toBe(0);
    expect(pointsDiff(6.35, 6.305, null)).toBeCloseTo(0.045, 12);
  });

  it('has no result without both figures', () => {
    expect(pointsDiff(null, 1)).toBeNull();
    expect(pointsDiff(1, null)).toBeNull();
    expect(pointsDiff(NaN, 1)).toBeNull();
    expect(pointsDiff(1, Infinity)).toBeNull();
    expect(pointsDiff(1, Infinity, null)).toBeNull();
    expect(pointsDiff(Number.MAX_VALUE, -Number.MAX_VALUE, null)).toBeNull();
  });

  it('equals the rounded difference of the rounded figures, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: -100000, max: 100000 }), (a, b) => {
        // figures already shown with one decimal
        const x = a / 10;
        const y = b / 10;
        return pointsDiff(x, y) === roundHalfUp(x - y, 1) && pointsDiff(x, y) === (a - b) / 10;
      }),
    );
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), (x, y) => {
        const d1 = pointsDiff(x, y) as number;
        const d2 = pointsDiff(y, x) as number;
        return d1 === -d2 || (d1 === 0 && d2 === 0);
      }),
    );
  });
});

describe('pointsVsTotal', () => {
  it('is region − total', () => {
    expect(pointsVsTotal(8.4, 6.2)).toBe(2.2);
    expect(pointsVsTotal(5.05, 6.2)).toBe(-1.1); // 5.1 − 6.2
    expect(pointsVsTotal(5.055, 6.2, 2)).toBe(-1.14); // 5.06 − 6.20
    expect(pointsVsTotal(null, 6.2)).toBeNull();
  });
});
