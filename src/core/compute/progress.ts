/**
 * 任务进度 (completion of the annual target) against 序时进度 (time progress).
 * "时间过半、任务过半": at mid-year (month 6) the completion is at least 50%.
 */
import { isFiniteNumber } from './numbers';
import { applyDecimals, DecimalsOption } from './round';
import { pointsDiff } from './points';

/**
 * cumulative / annualTarget × 100 ("完成市任务的35.6%"). Null when a value is missing
 * or not finite, or the target ≤ 0. `options.decimals` rounds half-up.
 */
export function targetProgress(
  cumulative: number | null,
  annualTarget: number | null,
  options: DecimalsOption = {},
): number | null {
  if (!isFiniteNumber(cumulative) || !isFiniteNumber(annualTarget) || annualTarget <= 0) return null;
  const value = (cumulative / annualTarget) * 100;
  return Number.isFinite(value) ? applyDecimals(value, options.decimals) : null;
}

/** The period reached: the end of month `month` (1–12, 0 = nothing elapsed) or day `day` of the year. */
export type ElapsedPeriod =
  | { month: number; year?: number }
  | { day: number; daysInYear?: number; year?: number };

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

function daysInYearOf(period: { year?: number; daysInYear?: number }): number | null {
  if (period.daysInYear !== undefined) {
    return period.daysInYear === 365 || period.daysInYear === 366 ? period.daysInYear : null;
  }
  if (period.year !== undefined) return Number.isInteger(period.year) ? (isLeapYear(period.year) ? 366 : 365) : null;
  return 365;
}

/**
 * 序时进度 in percent.
 * - `{ month }` with basis 'months' (default): month / 12 × 100 (6 → 50).
 * - `{ month, year? }` with basis 'days': days elapsed at the end of that month /
 *   days in the year (366 when `year` is a leap year, 365 otherwise or without a year).
 * - `{ day, daysInYear?, year? }`: day / days in the year, whatever the basis; the
 *   days in the year are `daysInYear` (365 or 366), else from `year`, else 365.
 * Null for a month outside 0–12 or not an integer, a day outside 0–days in year or
 * not an integer, a `daysInYear` other than 365/366, or a non-integer year.
 */
export function timeProgress(period: ElapsedPeriod, basis: 'months' | 'days' = 'months'): number | null {
  if ('day' in period) {
    const days = daysInYearOf(period);
    const day = period.day;
    if (days === null || !Number.isInteger(day) || day < 0 || day > days) return null;
    return (day / days) * 100;
  }
  const month = period.month;
  if (!Number.isInteger(month) || month < 0 || month > 12) return null;
  if (basis !== 'days') return (month / 12) * 100;
  const days = daysInYearOf(period);
  if (days === null) return null;
  const elapsed = DAYS_BEFORE_MONTH[month] + (days === 366 && month >= 2 ? 1 : 0);
  return (elapsed / days) * 100;
}

export interface ProgressGap {
  /** progress − time progress in percentage points, from displayed values */
  points: number;
  /** true when the displayed progress is below the displayed time progress (落后于序时进度) */
  behind: boolean;
}

/**
 * Completion against time progress in points, both taken as displayed with
 * `decimals` (default 1, half-up). Null when either is missing.
 * e.g. 45.0 against 50.0 → { points: −5, behind: true }.
 */
export function progressGap(
  progress: number | null,
  timeProgressValue: number | null,
  decimals: number | null = 1,
): ProgressGap | null {
  const points = pointsDiff(progress, timeProgressValue, decimals);
  if (points === null) return null;
  return { points, behind: points < 0 };
}

/**
 * "时间过半、任务过半": the completion, as displayed with `decimals` (default 1),
 * is at least 50%. Null when the progress is missing.
 */
export function halfTimeHalfTask(progress: number | null, decimals: number | null = 1): boolean | null {
  if (!isFiniteNumber(progress)) return null;
  return applyDecimals(progress, decimals) >= 50;
}
