/** 比重 (share of a total, %) and its change in percentage points. */
import { isFiniteNumber } from './numbers';
import { applyDecimals, DecimalsOption } from './round';
import { pointsDiff } from './points';

/**
 * part / total × 100. Null when either is missing or not finite, or total ≤ 0.
 * A negative part (e.g. a loss) gives a negative share; a part larger than its total
 * gives more than 100 (the checks report it, the computation does not hide it).
 * `options.decimals` rounds half-up (default: not rounded).
 */
export function share(part: number | null, total: number | null, options: DecimalsOption = {}): number | null {
  if (!isFiniteNumber(part) || !isFiniteNumber(total) || total <= 0) return null;
  const value = (part / total) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}

/**
 * Change of a share in percentage points ("比重较去年同期下降1.99个百分点"): share now
 * minus share before, each rounded to `decimals` (default 1) as displayed, then
 * subtracted (see {@link pointsDiff}). Null when either share is null.
 */
export function shareChange(
  partNow: number | null,
  totalNow: number | null,
  partBefore: number | null,
  totalBefore: number | null,
  decimals: number | null = 1,
): number | null {
  return pointsDiff(share(partNow, totalNow), share(partBefore, totalBefore), decimals);
}
