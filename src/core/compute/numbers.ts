/**
 * Small numeric helpers shared by the computations. Headless, standard library only.
 */

/** A usable figure: a finite number (null, undefined, NaN and ±Infinity are "no figure"). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** The value when it is a finite number, otherwise null. */
export function finiteOrNull(x: number | null | undefined): number | null {
  return isFiniteNumber(x) ? x : null;
}

/**
 * Sum with Neumaier's compensated summation (much less cancellation error than a
 * plain loop). Non-finite items are the caller's business: the sum of a list
 * holding NaN or Infinity is not finite.
 */
export function neumaierSum(values: Iterable<number>): number {
  let sum = 0;
  let c = 0;
  for (const v of values) {
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  return sum + c;
}
