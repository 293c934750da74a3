import { roundHalfUp as computeRoundHalfUp } from '../compute/round';

/**
 * Rounding as Excel displays numbers.
 *
 * Excel keeps 15 significant decimal digits: before a number format shows a value,
 * the double is converted to a 15-significant-digit decimal, and that decimal is
 * rounded half away from zero ("四舍五入"). So 1.005 shows 1.01 with "0.00" although
 * the double is 1.00499999999999989…, and 6.17000000000001 shows 6.2 with "0.0".
 *
 * All functions here work on the decimal digits (from `toExponential(14)`) and build
 * the result from an exact integer and an exact power of ten, so the result is always
 * the double nearest to the rounded decimal: `roundHalfUp(x, d) === Number(decimalString)`,
 * with no float noise (no 0.30000000000000004).
 *
 * Conventions: non-finite inputs are returned unchanged; a zero result is +0, never -0;
 * `decimals` is truncated to an integer and may be negative (-1 rounds to tens).
 */

/** Exact powers of ten: 10^0 … 10^22 are exactly representable as doubles. */
const POW10: readonly number[] = (() => {
  const p: number[] = [];
  for (let i = 0, v = 1; i <= 22; i++, v *= 10) p.push(v);
  return p;
})();

const MAX_SAFE_15 = 1e15;

/** m × 10^(−decimals), m a non-negative integer below 10^15, correctly rounded. */
function scaled(m: number, decimals: number, negative: boolean): number {
  if (m === 0) return 0;
  let v: number;
  if (decimals >= 0 && decimals <= 22) v = m / POW10[decimals];
  else if (decimals < 0 && decimals >= -22) v = m * POW10[-decimals];
  else v = Number(`${m}e${-decimals}`);
  return negative ? -v : v;
}

/**
 * Shared core of the two rounding modes. `even` selects banker's rounding for exact
 * ties of the 15-digit decimal; otherwise ties go away from zero.
 */
function roundDecimal(x: number, decimals: number, even: boolean): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  let d = Math.trunc(decimals);
  if (Number.isNaN(d)) return significant(x, 15);
  if (d > 400) d = 400;
  if (d < -400) d = -400;
  // Fast path: an integer below 10^15 is its own 15-digit decimal.
  if (d >= 0 && Number.isInteger(x) && x < MAX_SAFE_15 && x > -MAX_SAFE_15) return x;

  // "d.dddddddddddddde±n" (15 significant digits, half away from zero).
  const s = x.toExponential(14);
  const negative = s.charCodeAt(0) === 45; // '-'
  const start = negative ? 1 : 0;
  // exponent: after 'e' at start + 16
  let p = start + 17;
  const expNegative = s.charCodeAt(p) === 45;
  p++;
  let e = 0;
  for (; p < s.length; p++) e = e * 10 + (s.charCodeAt(p) - 48);
  if (expNegative) e = -e;

  // number of leading significant digits kept
  const keep = e + d + 1;
  if (keep >= 15) return significant(x, 15);
  if (keep < 0) return 0;

  // digit i (0-based) of the mantissa lives at s[start] for i = 0, s[start + 1 + i] after.
  let m = 0;
  for (let i = 0; i < keep; i++) {
    const pos = i === 0 ? start : start + 1 + i;
    m = m * 10 + (s.charCodeAt(pos) - 48);
  }
  const nextPos = keep === 0 ? start : start + 1 + keep;
  const next = s.charCodeAt(nextPos) - 48;
  let up = next > 5 || (next === 5 && !even);
  if (next === 5 && even) {
    // a tie only when every later digit of the 15 is zero
    let tail = false;
    for (let i = keep + 1; i < 15; i++) {
      if (s.charCodeAt(start + 1 + i) !== 48) {
        tail = true;
        break;
      }
    }
    up = tail || m % 2 === 1;
  }
  if (up) m += 1;
  const r = scaled(m, d, negative);
  // rounding up next to the largest double (beyond Excel's range) would overflow
  return Number.isFinite(r) ? r : x;
}

/**
 * Round as Excel shows a number with `decimals` places: 15 significant digits first,
 * then half away from zero. 1.005 → 1.01, 8.25 → 8.3, -2.25 → -2.3,
 * 6.17000000000001 → 6.2, 4.91308 → 4.9.
 * One implementation serves the whole core: the computations' (with its fast path).
 */
export function roundHalfUp(x: number, decimals: number): number {
  return computeRoundHalfUp(x, decimals);
}

/**
 * Banker's rounding (half to even) on the same 15-digit decimal: 8.25 → 8.2,
 * 8.35 → 8.4, -2.25 → -2.2, 1.005 → 1.00 (the decimal 1.00500000000000 is a tie).
 * Some offices ask for it as a setting ("四舍六入五成双").
 */
export function roundHalfEven(x: number, decimals: number): number {
  return roundDecimal(x, decimals, true);
}

/**
 * The double nearest to `x` written with `digits` significant digits (1–100,
 * default 15, what Excel keeps). Strips binary noise such as 0.1 + 0.2 →
 * 0.30000000000000004 → 0.3, but a value whose noise sits inside the 15 digits
 * is left alone: 6.17000000000001 has exactly 15 significant digits and stays
 * 6.17000000000001 (use roundHalfUp with the format's decimals to see 6.2).
 * Non-finite values are returned unchanged; -0 becomes 0; a value next to the
 * largest double that would round to Infinity is returned unchanged.
 */
export function significant(x: number, digits = 15): number {
  if (!Number.isFinite(x)) return x;
  if (x === 0) return 0;
  let n = Math.trunc(digits);
  if (!(n >= 1)) n = 1;
  else if (n > 100) n = 100;
  if (n >= 15 && Number.isInteger(x) && x < MAX_SAFE_15 && x > -MAX_SAFE_15) return x;
  const v = Number(x.toPrecision(n));
  if (!Number.isFinite(v)) return x; // rounding up next to the largest double
  return v === 0 ? 0 : v;
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * Digits after the decimal point in a written number: "12.50" → 2, "1,234.5%" → 1,
 * "１２．５" → 1, "12" → 0, "1.5e-3" → 4 (the exponent shifts the point), "1.5e3" → 0.
 * For text that is not a plain number, the digits after the first point that is
 * followed by a digit are counted ("增长12.5%" → 1); no point → 0.
 */
export function decimalsWritten(text: string): number {
  if (typeof text !== 'string') return 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 0xff0e) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      let frac = j - i - 1;
      // an exponent right after the digits: e±k
      if (j < n && (text.charCodeAt(j) | 32) === 101) {
        let k = j + 1;
        let neg = false;
        const sc = text.charCodeAt(k);
        if (sc === 43 || sc === 45) {
          neg = sc === 45;
          k++;
        }
        let exp = 0;
        let any = false;
        while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) {
          exp = exp * 10 + (text.charCodeAt(k) - 48);
          any = true;
          k++;
        }
        if (any) frac = Math.max(0, frac + (neg ? exp : -exp));
      }
      return frac;
    }
  }
  // no point: an integer, possibly with a negative exponent ("1e-7" → 7)
  const m = EXP_NEG.exec(text);
  return m ? Number(m[1]) : 0;
}

const EXP_NEG = /\d[eE]-(\d+)/;
