/** 两年平均增长 (geometric two-year average growth, %). */
import { isFiniteNumber } from './numbers';
import { applyDecimals, DecimalsOption } from './round';

/**
 * (√(X_t / X_{t−2}) − 1) × 100 from the level now and two years ago: 100 → 121 gives 10.
 * Null when either value is missing, not finite, or ≤ 0.
 * `options.decimals` rounds half-up (default: not rounded).
 */
export function twoYearAverageGrowth(
  current: number | null,
  twoYearsAgo: number | null,
  options: DecimalsOption = {},
): number | null {
  if (!isFiniteNumber(current) || !isFiniteNumber(twoYearsAgo) || current <= 0 || twoYearsAgo <= 0) return null;
  const value = (Math.sqrt(current / twoYearsAgo) - 1) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}

/**
 * (√((1 + r1/100)(1 + r2/100)) − 1) × 100 from two published growth rates (last
 * year's and this year's): how bureaus derive it when the levels are not
 * comparable (可比价). 10 and 10 give 10; −5 and 5 give −0.0627…
 * Null when a rate is missing or not finite, or either rate is ≤ −100 (a level
 * ≤ 0, the same cases where the levels version has no result).
 */
export function twoYearAverageFromRates(
  rate1: number | null,
  rate2: number | null,
  options: DecimalsOption = {},
): number | null {
  if (!isFiniteNumber(rate1) || !isFiniteNumber(rate2)) return null;
  const f1 = 1 + rate1 / 100;
  const f2 = 1 + rate2 / 100;
  if (!(f1 > 0 && f2 > 0)) return null;
  const product = f1 * f2;
  if (!Number.isFinite(product)) return null;
  const value = (Math.sqrt(product) - 1) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}
