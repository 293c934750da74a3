import fc from 'fast-check';
import { contributionRate, contributions, pull } from '../../../src/core/compute/contribution';

describe('contributionRate and pull', () => {
  it('computes 贡献率 and 拉动', () => {
    expect(contributionRate(30, 120)).toBe(25);
    expect(contributionRate(-30, 120)).toBe(-25);
    expect(contributionRate(1, 3, { decimals: 1 })).toBe(33.3);
    expect(pull(30, 1000)).toBe(3);
    expect(pull(1, 3, { decimals: 2 })).toBe(33.33);
  });

  it('has no result for a zero total increment or a base ≤ 0', () => {
    expect(contributionRate(5, 0)).toBeNull();
    expect(contributionRate(null, 10)).toBeNull();
    expect(contributionRate(NaN, 10)).toBeNull();
    expect(contributionRate(1e308, 1e-308)).toBeNull();
    expect(pull(5, 0)).toBeNull();
    expect(pull(5, -100)).toBeNull();
    expect(pull(5, null)).toBeNull();
  });
});

describe('contributions', () => {
  it('gives every part and the sums to check', () => {
    // total 1000 → 1120 (+12%); industry +90, services +40, agriculture −10
    const r = contributions(
      [
        { id: 'industry', current: 590, base: 500 },
        { id: 'services', current: 440, base: 400 },
        { id: 'agriculture', current: 90, base: 100 },
      ],
      { current: 1120, base: 1000 },
    );
    expect(r.totalIncrement).toBe(120);
    expect(r.totalGrowth).toBe(12);
    expect(r.parts).toEqual([
      { id: 'industry', increment: 90, contributionRate: 75, pull: 9 },
      { id: 'services', increment: 40, contributionRate: (40 / 120) * 100, pull: 4 },
      { id: 'agriculture', increment: -10, contributionRate: (-10 / 120) * 100, pull: -1 },
    ]);
    expect(r.contributionSum).toBe(100);
    expect(r.pullSum).toBe(12);
    expect(r.incrementSum).toBe(120);
    expect(r.missing).toEqual([]);
    // 拉动 = 贡献率 × total growth / 100
    for (const p of r.parts) expect(p.pull).toBeCloseTo(((p.contributionRate as number) * 12) / 100, 12);
  });

  it('reports sums that do not close', () => {
    const r = contributions(
      [
        { id: 'a', current: 60, base: 50 },
        { id: 'b', current: null, base: 40 },
      ],
      { current: 120, base: 100 },
      { decimals: 1 },
    );
    expect(r.parts[0]).toEqual({ id: 'a', increment: 10, contributionRate: 50, pull: 10 });
    expect(r.parts[1]).toEqual({ id: 'b', increment: null, contributionRate: null, pull: null });
    expect(r.missing).toEqual(['b']);
    expect(r.contributionSum).toBe(50);
    expect(r.pullSum).toBe(10);
    expect(r.totalGrowth).toBe(20);
  });

  it('has no sums when the total does not allow them', () => {
    const flat = contributions([{ id: 'a', current: 5, base: 5 }], { current: 10, base: 10 });
    expect(flat.contributionSum).toBeNull();
    expect(flat.pullSum).toBe(0);
    expect(flat.parts[0].contributionRate).toBeNull();
    const loss = contributions([{ id: 'a', current: 5, base: -5 }], { current: 5, base: -5 });
    expect(loss.totalGrowth).toBeNull();
    expect(loss.pullSum).toBeNull();
    expect(loss.contributionSum).toBe(100);
    const none = contributions([], { current: null, base: 5 });
    expect(none).toEqual({
      parts: [],
      totalIncrement: null,
      totalGrowth: null,
      contributionSum: null,
      pullSum: null,
      incrementSum: null,
      missing: [],
    });
  });

  it('contributions sum to 100 when increments add up to the total increment', () => {
    const part = fc.record({ current: fc.integer({ min: -1e9, max: 1e9 }), base: fc.integer({ min: -1e9, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), (raw) => {
        const parts = raw.map((p, i) => ({ id: `p${i}`, ...p }));
        const total = { current: raw.reduce((s, p) => s + p.current, 0), base: raw.reduce((s, p) => s + p.base, 0) };
        const r = contributions(parts, total);
        if (total.current === total.base) return r.contributionSum === null;
        // the sum of the returned per-part rates, too
        const sumOfRates = r.parts.reduce((s, p) => s + (p.contributionRate as number), 0);
        const spread = raw.reduce((s, p) => s + Math.abs(p.current - p.base), 0) / Math.abs(total.current - total.base);
        return (
          Math.abs((r.contributionSum as number) - 100) <= 100 * 1e-9 &&
          Math.abs(sumOfRates - 100) <= 100 * 1e-13 * Math.max(1, spread * parts.length)
        );
      }),
    );
  });

  it('pulls sum to total growth', () => {
    const part = fc.record({ current: fc.integer({ min: 0, max: 1e9 }), base: fc.integer({ min: 1, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), (raw) => {
        const parts = raw.map((p, i) => ({ id: `p${i}`, ...p }));
        const total = { current: raw.reduce((s, p) => s + p.current, 0), base: raw.reduce((s, p) => s + p.base, 0) };
        const r = contributions(parts, total);
        const g = r.totalGrowth as number;
        return Math.abs((r.pullSum as number) - g) <= 1e-9 * Math.max(1, Math.abs(g));
      }),
    );
  });
});
