/**
 * Half-up rounding as Excel displays numbers.
 *
 * The value is first reduced to 15 significant digits (what Excel stores and shows,
 * `Number(x.toPrecision(15))`), so float noise such as 1.005 = 1.00499999999999989…
 * or 8.25 − 0 = 8.2499999… never decides the rounding. The 15-digit decimal is then
 * rounded half away from zero with exact decimal (BigInt) arithmetic, and the result
 * is the double nearest to the rounded decimal: 8.25 → 8.3, 1.005 → 1.01,
 * −2.25 → −2.3, 0.1 + 0.2 → 0.3, never 0.30000000000000004.
 *
 * `decimals` may be negative (−1 rounds to tens). It is truncated to an integer and
 * clamped to [−400, 400]; a NaN `decimals` counts as 0. Nothing here throws.
 */

const MIN_DECIMALS = -400;
const MAX_DECIMALS = 400;

/** Normalises a `decimals` argument: integer, clamped, NaN → 0, ±Infinity → bounds. */
export function normalizeDecimals(decimals: number): number {
  if (Number.isNaN(decimals)) return 0;
  if (decimals === Infinity) return MAX_DECIMALS;
  if (decimals === -Infinity) return MIN_DECIMALS;
  return Math.min(MAX_DECIMALS, Math.max(MIN_DECIMALS, Math.trunc(decimals)));
}

/**
 * x rounded half-up to `decimals`, as a scaled integer N with x ≈ N / 10^decimals
 * (null when x is not finite). `decimals` must already be normalised.
 */
export function toScaled(x: number, decimals: number): bigint | null {
  if (!Number.isFinite(x)) return null;
  if (x === 0) return 0n;
  const negative = x < 0;
  // e.g. "1.00500000000000", "0.000123450000000000", "1.23450000000000e+21", "5.00000000000000e-7"
  const text = Math.abs(x).toPrecision(15);
  const [mantissa, expText] = text.split('e');
  const exp = expText === undefined ? 0 : Number(expText);
  const dot = mantissa.indexOf('.');
  let digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  // value = 0.<digits> × 10^point
  let point = (dot < 0 ? mantissa.length : dot) + exp;
  let lead = 0;
  while (lead < digits.length - 1 && digits[lead] === '0') lead++;
  digits = digits.slice(lead);
  point -= lead;
  // number of digits whose place is at least 10^-decimals
  const keep = point + decimals;
  let n: bigint;
  if (keep >= digits.length) {
    n = BigInt(digits) * 10n ** BigInt(keep - digits.length);
  } else if (keep < 0) {
    n = 0n;
  } else {
    n = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
    if (digits.charCodeAt(keep) >= 53 /* '5' */) n += 1n;
  }
  return negative ? -n : n;
}

/** The decimal text of N / 10^decimals, e.g. (83n, 1) → "8.3", (-5n, 2) → "-0.05", (7n, -1) → "70". */
export function scaledToString(n: bigint, decimals: number): string {
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  let text: string;
  if (decimals <= 0) {
    text = n === 0n ? '0' : digits + '0'.repeat(-decimals);
  } else {
    if (digits.length <= decimals) digits = '0'.repeat(decimals - digits.length + 1) + digits;
    text = digits.slice(0, digits.length - decimals) + '.' + digits.slice(digits.length - decimals);
  }
  return negative ? '-' + text : text;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The common case without BigInt: when x × 10^decimals stays below 10^15 every step is
 * exact. The 15-digit form of x, scaled and brought back to 15 digits, is the exact
 * decimal; k + 0.5 is exact in binary below 2^52, so the half-up decision is exact;
 * and integer / 10^d is the double nearest to the rounded decimal.
 * Returns null when the fast path does not apply.
 */
function fastRoundHalfUp(x: number, decimals: number): number | null {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) return null;
  const p = POW10[decimals];
  const ax = x < 0 ? -x : x;
  if (!(ax * p < 1e15)) return null;
  let scaled = ax * p;
  const frac = scaled - Math.floor(scaled);
  // Reducing x to 15 digits moves it by at most 5e-15 relative: only figures that close
  // to a half need the exact decimal form.
  if (Math.abs(frac - 0.5) <= 1e-13 * (scaled + 1)) scaled = Number((Number(ax.toPrecision(15)) * p).toPrecision(15));
  const r = Math.floor(scaled + 0.5);
  if (r === 0) return 0;
  const v = r / p;
  return x < 0 ? -v : v;
}

/**
 * x rounded half away from zero to `decimals` (default 0), as Excel shows it.
 * NaN and ±Infinity are returned unchanged; −0 and results that round to zero give 0.
 * (Within 1e-14 of ±Number.MAX_VALUE, where the 15-digit form overflows, x is returned.)
 */
export function roundHalfUp(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const fast = fastRoundHalfUp(x, decimals);
  if (fast !== null) return fast;
  const d = normalizeDecimals(decimals);
  const n = toScaled(x, d) as bigint;
  if (n === 0n) return 0;
  const r = Number(scaledToString(n, d));
  // only near Number.MAX_VALUE can the 15-digit form overflow: such x has no decimals to round
  return Number.isFinite(r) ? r : x;
}

/**
 * The text Excel shows for x with a fixed number of decimals ("0.0" format):
 * formatFixed(8.25, 1) → "8.3", formatFixed(-0.04, 1) → "0.0", formatFixed(2, 1) → "2.0".
 * Non-finite x gives "" (no figure). Digits are plain (no exponent, no grouping).
 */
export function formatFixed(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return '';
  const d = normalizeDecimals(decimals);
  return scaledToString(toScaled(x, d) as bigint, d);
}

/** Applies an optional `decimals` setting: x unchanged when decimals is undefined or null. */
export function applyDecimals(x: number, decimals?: number | null): number {
  return decimals === undefined || decimals === null ? x : roundHalfUp(x, decimals);
}

/** Option accepted by computations whose result may be wanted as displayed. */
export interface DecimalsOption {
  /** round the result half-up to this many decimals (default: no rounding) */
  decimals?: number | null;
}
