import { finiteOrNull, isFiniteNumber, neumaierSum } from '../../../src/core/compute/numbers';

describe('numbers', () => {
  it('recognises usable figures', () => {
    expect(isFiniteNumber(1)).toBe(true);
    expect(isFiniteNumber(-0)).toBe(true);
    expect(isFiniteNumber(NaN)).toBe(false);
    expect(isFiniteNumber(Infinity)).toBe(false);
    expect(isFiniteNumber(null)).toBe(false);
    expect(isFiniteNumber('1')).toBe(false);
    expect(finiteOrNull(2)).toBe(2);
    expect(finiteOrNull(NaN)).toBeNull();
    expect(finiteOrNull(undefined)).toBeNull();
  });

  it('sums with compensation', () => {
    expect(neumaierSum([])).toBe(0);
    expect(neumaierSum([1, 1e100, 1, -1e100])).toBe(2);
    expect(neumaierSum([0.1, 0.2, 0.3])).toBe(0.6);
  });
});
