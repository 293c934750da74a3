/**
 * 当月 from 累计, and cumulatives that fall.
 *
 * Month m = cumulative(1–m) − cumulative(1–(m−1)). January and February are
 * released together as 1-2月: a series that has month 2 but no month 1 holds the
 * Jan–Feb total at month 2, so February alone (and January alone) cannot be derived.
 */
import { finiteOrNull, isFiniteNumber } from './numbers';
import { applyDecimals, DecimalsOption } from './round';

export interface CumulativePoint {
  /** 1–12: the cumulative runs from January to the end of this month */
  month: number;
  /** cumulative value (null / NaN / ±Infinity = no figure) */
  value: number | null;
}

/**
 * Why a month has no value:
 * - `jan-feb-combined`: month 2 when only 1-2月 is published (see `combined`);
 * - `missing`: the cumulative for this month is absent or null;
 * - `missing-previous`: the cumulative for the month before is absent or null;
 * - `duplicate`: the month appears more than once in the series (all its values are
 *   disregarded, and the next month reads `missing-previous`).
 */
export type MonthValueReason = 'jan-feb-combined' | 'missing' | 'missing-previous' | 'duplicate';

export interface MonthValue {
  month: number;
  value: number | null;
  reason?: MonthValueReason;
}

/** A value covering several months, i.e. 1-2月. */
export interface CombinedMonths {
  fromMonth: number;
  toMonth: number;
  value: number | null;
}

export interface MonthFromCumulativeResult {
  /** one entry per month from the first to the last valid month of the series, ascending */
  months: MonthValue[];
  /** the 1-2月 entry when January is not published separately (empty otherwise) */
  combined: CombinedMonths[];
  /** entries whose month is not an integer 1–12 (ignored) */
  invalidMonths: number[];
}

/**
 * Monthly values from a cumulative series (any order). Month 1 equals its cumulative;
 * month m > 1 is cum(m) − cum(m−1). Months absent between the first and last month
 * of the series appear with `reason: 'missing'`. When the series has month 2 and no
 * month 1 entry, month 2 is `{ value: null, reason: 'jan-feb-combined' }` and
 * `combined` holds `{ fromMonth: 1, toMonth: 2, value: cum(2) }`. A month 1 entry
 * with a null value is a missing January, not a combined release.
 * `options.decimals` rounds the differences half-up (default: not rounded).
 */
export function monthFromCumulative(
  series: ReadonlyArray<CumulativePoint>,
  options: DecimalsOption = {},
): MonthFromCumulativeResult {
  const invalidMonths: number[] = [];
  const count = new Map<number, number>();
  const cum = new Map<number, number | null>();
  for (const point of series) {
    const m = point.month;
    if (!Number.isInteger(m) || m < 1 || m > 12) {
      invalidMonths.push(m);
      continue;
    }
    count.set(m, (count.get(m) ?? 0) + 1);
    cum.set(m, finiteOrNull(point.value));
  }
  const present = [...count.keys()].sort((a, b) => a - b);
  if (present.length === 0) return { months: [], combined: [], invalidMonths };

  const usable = (m: number): number | null => (count.get(m) === 1 ? (cum.get(m) ?? null) : null);
  const janFebCombined = !count.has(1) && count.has(2);
  const months: MonthValue[] = [];
  const combined: CombinedMonths[] = [];
  for (let m = present[0]; m <= present[present.length - 1]; m++) {
    const n = count.get(m) ?? 0;
    if (n === 0) {
      months.push({ month: m, value: null, reason: 'missing' });
      continue;
    }
    if (n > 1) {
      months.push({ month: m, value: null, reason: 'duplicate' });
      continue;
    }
    const current = usable(m);
    if (m === 2 && janFebCombined) {
      combined.push({ fromMonth: 1, toMonth: 2, value: current });
      months.push({ month: 2, value: null, reason: 'jan-feb-combined' });
      continue;
    }
    if (current === null) {
      months.push({ month: m, value: null, reason: 'missing' });
      continue;
    }
    if (m === 1) {
      months.push({ month: 1, value: applyDecimals(current, options.decimals) });
      continue;
    }
    const previous = usable(m - 1);
    const value = previous === null ? null : finiteOrNull(current - previous);
    months.push(
      value === null
        ? { month: m, value: null, reason: 'missing-previous' }
        : { month: m, value: applyDecimals(value, options.decimals) },
    );
  }
  return { months, combined, invalidMonths };
}

export interface CumulativeDecrease {
  month: number;
  /** the latest earlier month with a figure (usually month − 1) */
  previousMonth: number;
  previous: number;
  current: number;
  /** previous − current (> 0) */
  decrease: number;
}

/**
 * Months where a non-negative flow's cumulative falls below the latest earlier
 * cumulative with a figure (gaps are skipped: a cumulative never falls, across any
 * span). Points without a figure or with a non-integer month are ignored; when a
 * month appears twice, every value is compared in month order (ties: input order).
 * A fall of at most `tolerance` (default 0, e.g. ½ unit of the last shown digit) is
 * not reported.
 */
export function cumulativeDecreases(
  series: ReadonlyArray<CumulativePoint>,
  options: { tolerance?: number } = {},
): CumulativeDecrease[] {
  const tolerance = isFiniteNumber(options.tolerance) && options.tolerance > 0 ? options.tolerance : 0;
  const points = series
    .map((p, i) => ({ month: p.month, value: finiteOrNull(p.value), i }))
    .filter((p): p is { month: number; value: number; i: number } => p.value !== null && Number.isInteger(p.month))
    .sort((a, b) => a.month - b.month || a.i - b.i);
  const out: CumulativeDecrease[] = [];
  for (let k = 1; k < points.length; k++) {
    const prev = points[k - 1];
    const cur = points[k];
    const decrease = prev.value - cur.value;
    if (decrease > tolerance) {
      out.push({ month: cur.month, previousMonth: prev.month, previous: prev.value, current: cur.value, decrease });
    }
  }
  return out;
}
