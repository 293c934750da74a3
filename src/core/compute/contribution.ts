/**
 * 贡献率 and 拉动.
 *
 * 贡献率 (contribution rate, %) = increment of the part / increment of the total × 100;
 * 拉动 (pull, percentage points) = increment of the part / base of the total × 100
 *                                = 贡献率 × total growth / 100.
 * Contributions of all parts sum to 100; pulls sum to the total's growth.
 */
import { finiteOrNull, isFiniteNumber, neumaierSum } from './numbers';
import { applyDecimals, DecimalsOption } from './round';

/** part increment / total increment × 100; null when the total increment is 0 or a value is missing. */
export function contributionRate(
  partIncrement: number | null,
  totalIncrement: number | null,
  options: DecimalsOption = {},
): number | null {
  if (!isFiniteNumber(partIncrement) || !isFiniteNumber(totalIncrement) || totalIncrement === 0) return null;
  const value = (partIncrement / totalIncrement) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}

/**
 * part increment / total base × 100, in percentage points. Null when a value is
 * missing or the total's base is ≤ 0 (no growth rate to pull).
 */
export function pull(partIncrement: number | null, totalBase: number | null, options: DecimalsOption = {}): number | null {
  if (!isFiniteNumber(partIncrement) || !isFiniteNumber(totalBase) || totalBase <= 0) return null;
  const value = (partIncrement / totalBase) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}

export interface ContributionPart {
  id: string;
  current: number | null;
  base: number | null;
}

export interface PartContribution {
  id: string;
  /** current − base; null when either is missing */
  increment: number | null;
  /** 贡献率, % */
  contributionRate: number | null;
  /** 拉动, percentage points */
  pull: number | null;
}

export interface ContributionsResult {
  /** same order as the input parts */
  parts: PartContribution[];
  /** total.current − total.base (null when missing) */
  totalIncrement: number | null;
  /** total growth, % (null unless the total's base is > 0) */
  totalGrowth: number | null;
  /**
   * Σ contribution rates of the parts with an increment (unrounded): should be 100.
   * Computed as Σ increments / total increment × 100 with compensated summation.
   * Null when the total increment is missing or 0, or when no part has an increment.
   */
  contributionSum: number | null;
  /** Σ pulls of the parts with an increment (unrounded): should equal `totalGrowth`. Null when the total's base ≤ 0. */
  pullSum: number | null;
  /** Σ part increments (null when no part has one); compare with `totalIncrement` */
  incrementSum: number | null;
  /** ids of parts without an increment (left out of the sums) */
  missing: string[];
}

/**
 * Increment, contribution rate and pull of every part, plus the sums to check:
 * contributions should sum to 100 and pulls to the total's growth. The sums are
 * returned, not judged: tolerance is the caller's business (displayed precision).
 * `options.decimals` rounds each part's contribution rate and pull (the sums are
 * always computed from unrounded values).
 */
export function contributions(
  parts: ReadonlyArray<ContributionPart>,
  total: { current: number | null; base: number | null },
  options: DecimalsOption = {},
): ContributionsResult {
  const totalBase = finiteOrNull(total.base);
  const totalCurrent = finiteOrNull(total.current);
  const rawTotalIncrement = totalBase !== null && totalCurrent !== null ? totalCurrent - totalBase : null;
  const totalIncrement = finiteOrNull(rawTotalIncrement);
  const totalGrowth =
    totalIncrement !== null && totalBase !== null && totalBase > 0 ? finiteOrNull((totalIncrement / totalBase) * 100) : null;

  const increments: number[] = [];
  const missing: string[] = [];
  const out: PartContribution[] = parts.map((part) => {
    const c = finiteOrNull(part.current);
    const b = finiteOrNull(part.base);
    const increment = c !== null && b !== null ? finiteOrNull(c - b) : null;
    if (increment === null) missing.push(part.id);
    else increments.push(increment);
    return {
      id: part.id,
      increment,
      contributionRate: contributionRate(increment, totalIncrement, options),
      pull: pull(increment, totalBase, options),
    };
  });

  const incrementSum = increments.length > 0 ? finiteOrNull(neumaierSum(increments)) : null;
  const sumOver = (denominator: number | null): number | null =>
    incrementSum !== null && denominator !== null ? finiteOrNull((incrementSum / denominator) * 100) : null;
  return {
    parts: out,
    totalIncrement,
    totalGrowth,
    contributionSum: totalIncrement !== null && totalIncrement !== 0 ? sumOver(totalIncrement) : null,
    pullSum: totalBase !== null && totalBase > 0 ? sumOver(totalBase) : null,
    incrementSum,
    missing,
  };
}
