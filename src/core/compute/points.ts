/**
 * 个百分点: differences of two published rates or shares, computed from the figures
 * as displayed. Each rate is rounded half-up to `decimals` first, the difference is
 * taken exactly (decimal arithmetic, no float noise) and is itself a number with
 * `decimals` decimals: growth 6.35 (shows 6.4) vs total 6.305 (shows 6.3) → 0.1.
 */
import { isFiniteNumber } from './numbers';
import { normalizeDecimals, roundHalfUp, scaledToString, toScaled } from './round';

/**
 * rateA − rateB in percentage points, from the displayed values (default one decimal).
 * `decimals: null` means the rates are taken as stored (General format): plain
 * subtraction, no rounding. Null when either rate is null or not finite.
 */
export function pointsDiff(rateA: number | null, rateB: number | null, decimals: number | null = 1): number | null {
  if (!isFiniteNumber(rateA) || !isFiniteNumber(rateB)) return null;
  if (decimals === null) {
    const raw = rateA - rateB;
    return Number.isFinite(raw) ? raw : null;
  }
  const d = normalizeDecimals(decimals);
  const a = roundHalfUp(rateA, d);
  const b = roundHalfUp(rateB, d);
  // Both are d-decimal figures, so their difference is one too: rounding to d removes the float error.
  if (Math.abs(a) < 1e12 && Math.abs(b) < 1e12 && d <= 3) {
    const fast = roundHalfUp(a - b, d);
    return Number.isFinite(fast) ? fast : null;
  }
  const diff = (toScaled(rateA, d) as bigint) - (toScaled(rateB, d) as bigint);
  if (diff === 0n) return 0;
  const value = Number(scaledToString(diff, d));
  return Number.isFinite(value) ? value : null;
}

/**
 * "高于/低于全市 X 个百分点": a region's growth minus the total row's growth (not the
 * mean of the regions), from displayed values. Positive = above the total.
 */
export function pointsVsTotal(
  regionGrowth: number | null,
  totalGrowth: number | null,
  decimals: number | null = 1,
): number | null {
  return pointsDiff(regionGrowth, totalGrowth, decimals);
}
