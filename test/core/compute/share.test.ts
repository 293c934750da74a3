import { share, shareChange } from '../../../src/core/compute/share';

describe('share', () => {
  it('is part / total × 100', () => {
    expect(share(25, 200)).toBe(12.5);
    expect(share(1, 3)).toBeCloseTo(33.333333333, 8);
    expect(share(1, 3, { decimals: 1 })).toBe(33.3);
    expect(share(2, 3, { decimals: 2 })).toBe(66.67);
    expect(share(0, 5)).toBe(0);
    expect(share(-5, 100)).toBe(-5);
    expect(share(150, 100)).toBe(150);
  });

  it('has no result for a total ≤ 0 or missing figures', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(1, -10)).toBeNull();
    expect(share(null, 10)).toBeNull();
    expect(share(1, null)).toBeNull();
    expect(share(NaN, 10)).toBeNull();
    expect(share(1, Infinity)).toBeNull();
    expect(share(1e308, 1e-10)).toBeNull();
  });
});

describe('shareChange', () => {
  it('compares displayed shares in points', () => {
    // 非税收入占比 31.25% → 33.24% (shown with two decimals): −1.99 points
    expect(shareChange(3125, 10000, 3324, 10000, 2)).toBe(-1.99);
    // shares 12.35 (shows 12.4) and 12.249 (shows 12.2): 0.2 points
    expect(shareChange(1235, 10000, 12249, 100000)).toBe(0.2);
    expect(shareChange(1, 4, 1, 5)).toBe(5);
  });

  it('has no result when a share is missing', () => {
    expect(shareChange(1, 0, 1, 5)).toBeNull();
    expect(shareChange(1, 4, null, 5)).toBeNull();
  });
});
