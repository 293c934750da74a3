import type { Cell } from '../grid/Grid.types';
import type { Figure, NumberFigure } from './Figure.types';
import { formatInfo } from './formatInfo';
import { roundHalfUp, significant } from './rounding';

// ---------------------------------------------------------------------------
// Text-stored numbers
// ---------------------------------------------------------------------------

/** Longest text (after dropping spaces) still considered as a number. */
const MAX_NUMBER_CHARS = 64;
/** Scratch buffer of canonical ASCII codes; parseNumberText is not re-entrant-sensitive. */
const buf = new Uint16Array(MAX_NUMBER_CHARS);

const POW10: readonly number[] = (() => {
  const p: number[] = [];
  for (let i = 0, v = 1; i <= 22; i++, v *= 10) p.push(v);
  return p;
})();

const C_APOS = 39;
const C_PLUS = 43;
const C_MINUS = 45;
const C_COMMA = 44;
const C_POINT = 46;
const C_PCT = 37;
const C_OPEN = 40;
const C_CLOSE = 41;
const C_E = 101;

/**
 * Canonical ASCII code of one character of a written number, 0 for a space to drop,
 * -1 for a character that cannot be part of a number.
 */
function canon(c: number): number {
  if (c >= 48 && c <= 57) return c;
  if (c < 128) {
    switch (c) {
      case 32: // space, tab, line breaks
      case 9:
      case 10:
      case 13:
        return 0;
      case 43:
      case 45:
      case 44:
      case 46:
      case 37:
      case 40:
      case 41:
      case 39:
        return c;
      case 69:
      case 101:
        return C_E;
      default:
        return -1;
    }
  }
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 48; // full-width digits
  switch (c) {
    case 0x00a0: // NBSP
    case 0x3000: // ideographic space
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200a:
    case 0x200b:
    case 0x202f:
    case 0xfeff:
      return 0;
    case 0xff0d: // －
    case 0x2212: // − minus sign
    case 0x2013: // – en dash
    case 0x2010: // ‐ hyphen
    case 0x2011: // ‑ non-breaking hyphen
    case 0xfe63: // ﹣
      return C_MINUS;
    case 0xff0b: // ＋
      return C_PLUS;
    case 0xff0e: // ．
      return C_POINT;
    case 0xff0c: // ，
      return C_COMMA;
    case 0xff05: // ％
    case 0xfe6a: // ﹪
      return C_PCT;
    case 0xff08: // （
      return C_OPEN;
    case 0xff09: // ）
      return C_CLOSE;
    case 0x2018: // ‘ ’ pasted from a word processor instead of Excel's '
    case 0x2019:
      return C_APOS;
    default:
      return -1;
  }
}

function isD(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * A number stored or typed as text, read as the statistician means it.
 *
 * Accepted: ASCII or full-width digits, point and signs (１２３．４, －５, ＋５);
 * spaces anywhere (incl. U+3000, NBSP, thin spaces); a leading apostrophe;
 * thousands separators , or ， in groups of three ("1,234.5", "1，234");
 * minus written as -, －, − (U+2212), – (en dash), ‐; a leading or trailing % / ％
 * (percent = true, the value stays as written: "12.5%" → 12.5); accounting
 * negatives "(123.4)" (also "(12.5%)"); an exponent ("1.5E+3").
 *
 * Rejected (null): anything else, e.g. dates and periods ("2025-03", "1-3月"),
 * words or units ("10%以上", "12.5亿元"), codes ("2-12", "0123": a leading zero
 * followed by more integer digits is an identifier), footnote marks ("19901)"),
 * badly grouped separators ("1,23", "12,5"), lone signs or points ("-", "."), values
 * beyond the double range. Years such as "2016" are numbers (the layout decides
 * that a header year is a period).
 *
 * `decimals` is the number of digits written after the point (minus the exponent).
 * -0 is returned as 0.
 */
export function parseNumberText(s: string): { value: number; decimals: number; percent: boolean } | null {
  if (typeof s !== 'string') return null;
  const len = s.length;
  if (len === 0) return null;

  // 1. canonical ASCII into buf, spaces dropped
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = canon(s.charCodeAt(i));
    if (c < 0) return null;
    if (c === 0) continue;
    if (n === MAX_NUMBER_CHARS) return null;
    buf[n++] = c;
  }
  if (n === 0) return null;

  // 2. grammar
  let p = 0;
  if (buf[0] === C_APOS) p = 1;
  let percent = false;
  if (p < n && buf[p] === C_PCT) {
    percent = true;
    p++;
  }
  let paren = false;
  let negative = false;
  if (p < n) {
    const c = buf[p];
    if (c === C_OPEN) {
      paren = true;
      negative = true;
      p++;
    } else if (c === C_MINUS || c === C_PLUS) {
      negative = c === C_MINUS;
      p++;
    }
  }

  // integer part with optional groups of three
  const intStart = p;
  let intDigits = 0;
  let group = 0;
  let groups = 0; // separators seen
  let firstDigit = -1;
  while (p < n) {
    const c = buf[p];
    if (isD(c)) {
      if (firstDigit < 0) firstDigit = c;
      intDigits++;
      group++;
      p++;
    } else if (c === C_COMMA) {
      if (groups === 0 ? group < 1 || group > 3 : group !== 3) return null;
      groups++;
      group = 0;
      p++;
      if (p >= n || !isD(buf[p])) return null;
    } else break;
  }
  if (groups > 0 && group !== 3) return null;
  if (firstDigit === 48 && intDigits > 1) return null; // "0123", "00": identifiers
  const intEnd = p;

  // fraction
  let fracStart = p;
  let fracDigits = 0;
  if (p < n && buf[p] === C_POINT) {
    p++;
    fracStart = p;
    while (p < n && isD(buf[p])) {
      fracDigits++;
      p++;
    }
  }
  const fracEnd = p;
  if (intDigits + fracDigits === 0) return null;

  // exponent
  let exp = 0;
  if (p < n && buf[p] === C_E) {
    p++;
    let expNeg = false;
    if (p < n && (buf[p] === C_PLUS || buf[p] === C_MINUS)) {
      expNeg = buf[p] === C_MINUS;
      p++;
    }
    let expDigits = 0;
    while (p < n && isD(buf[p])) {
      if (exp < 100000) exp = exp * 10 + (buf[p] - 48);
      expDigits++;
      p++;
    }
    if (expDigits === 0) return null;
    if (expNeg) exp = -exp;
  }

  // closing: [%] ) [%]  or  [%]
  if (paren) {
    if (p < n && buf[p] === C_PCT && !percent) {
      percent = true;
      p++;
    }
    if (p >= n || buf[p] !== C_CLOSE) return null;
    p++;
  }
  if (p < n && buf[p] === C_PCT && !percent) {
    percent = true;
    p++;
  }
  if (p !== n) return null;

  // 3. value: exact integer of the digits and one correctly rounded scaling when
  // possible (≤ 15 significant digits, power of ten ≤ 22), else the JS parser.
  let m = 0;
  let sig = 0;
  for (let k = intStart; k < intEnd; k++) {
    const c = buf[k];
    if (c === C_COMMA) continue;
    if (sig > 0 || c !== 48) sig++;
    m = m * 10 + (c - 48);
  }
  for (let k = fracStart; k < fracEnd; k++) {
    const c = buf[k];
    if (sig > 0 || c !== 48) sig++;
    m = m * 10 + (c - 48);
  }
  const scale = fracDigits - exp;
  let value: number;
  if (sig <= 15 && scale >= -22 && scale <= 22) {
    value = scale >= 0 ? m / POW10[scale] : m * POW10[-scale];
  } else {
    let t = '';
    for (let k = intStart; k < intEnd; k++) if (buf[k] !== C_COMMA) t += String.fromCharCode(buf[k]);
    if (t === '') t = '0';
    if (fracDigits > 0) {
      t += '.';
      for (let k = fracStart; k < fracEnd; k++) t += String.fromCharCode(buf[k]);
    }
    value = Number(`${t}e${exp}`);
  }
  if (!Number.isFinite(value)) return null;
  if (value === 0) value = 0;
  else if (negative) value = -value;
  const decimals = scale > 0 ? scale : 0;
  return { value, decimals, percent };
}

// ---------------------------------------------------------------------------
// Placeholders
// ---------------------------------------------------------------------------

/**
 * What bureaus print for "no figure" (not applicable, not available, confidential,
 * too small to show). Matched after dropping all spaces, case-insensitively:
 * - any run of dashes: - － — – ― ─ ‐ ‑ ﹣ (so "-", "--", "- -", "—", "——", "－－");
 * - any run of dots and ellipses: . ． … ⋯ (so ".", "..", "...", "…", "……", "⋯⋯");
 * - slashes: / ／ \ ＼ (also doubled);
 * - x X × ｘ Ｘ (not applicable), * ＊ (confidential, 保密);
 * - N/A, NA, n.a., n/a, nil;
 * - 无, 空, 暂无, 不详.
 * A lone "0" is a number, never a placeholder.
 */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  '/',
  '//',
  '／',
  '\\',
  '＼',
  'x',
  '×',
  'ｘ',
  '*',
  '**',
  '＊',
  'n/a',
  'na',
  'n.a.',
  'n.a',
  'nil',
  '无',
  '空',
  '暂无',
  '不详',
]);

function isDashChar(c: number): boolean {
  return (
    c === 45 || c === 0xff0d || c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2500 ||
    c === 0x2010 || c === 0x2011 || c === 0xfe63 || c === 0x2212
  );
}
function isDotChar(c: number): boolean {
  return c === 46 || c === 0xff0e || c === 0x2026 || c === 0x22ef;
}
function isSpaceChar(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0xfeff;
}

const MAX_PLACEHOLDER_CHARS = 16;

export function isPlaceholder(s: string): boolean {
  if (typeof s !== 'string') return false;
  const len = s.length;
  if (len === 0) return false;
  let dashes = 0;
  let dots = 0;
  let others = 0;
  let spaces = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (isSpaceChar(c)) spaces++;
    else if (isDashChar(c)) dashes++;
    else if (isDotChar(c)) dots++;
    else others++;
  }
  const visible = len - spaces;
  if (visible === 0 || visible > MAX_PLACEHOLDER_CHARS) return false;
  if (others === 0) return dashes === 0 || dots === 0; // only dashes, or only dots
  if (visible > 4) return false;
  let t = spaces > 0 ? '' : s;
  if (spaces > 0) {
    for (let i = 0; i < len; i++) if (!isSpaceChar(s.charCodeAt(i))) t += s[i];
  }
  return PLACEHOLDER_WORDS.has(t.toLowerCase());
}

// ---------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------

const EMPTY: Figure = Object.freeze({ kind: 'empty' }) as Figure;
const TRUE_TEXT: Figure = Object.freeze({ kind: 'text', text: 'TRUE' }) as Figure;
const FALSE_TEXT: Figure = Object.freeze({ kind: 'text', text: 'FALSE' }) as Figure;

/** Latest serial Excel shows as a date (9999-12-31). */
const MAX_DATE_SERIAL = 2958465;

function pad2(v: number): string {
  return v < 10 ? `0${v}` : String(v);
}

/** Civil date of a day count since 1970-01-01 (proleptic Gregorian). */
function civil(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/**
 * An Excel serial (1900 date system, with Excel's fictitious 1900-02-29 = 60) as
 * "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss" or, below 1, "hh:mm:ss". Serials Excel cannot
 * show as dates (negative, beyond 9999-12-31) are written as the plain number.
 */
export function serialText(serial: number): string {
  if (!(serial >= 0 && serial < MAX_DATE_SERIAL + 1)) return String(serial);
  let day = Math.floor(serial);
  let secs = Math.round((serial - day) * 86400);
  if (secs >= 86400) {
    day += 1;
    secs -= 86400;
  }
  const time = `${pad2(Math.floor(secs / 3600))}:${pad2(Math.floor((secs % 3600) / 60))}:${pad2(secs % 60)}`;
  if (day === 0) return time;
  let date: string;
  if (day === 60) date = '1900-02-29';
  else date = civil(day < 60 ? day - 25568 : day - 25569);
  return secs === 0 ? date : `${date} ${time}`;
}

function numberFigure(value: number, format: string | undefined): Figure {
  if (!Number.isFinite(value)) return { kind: 'error', code: '#NUM!' };
  const info = formatInfo(format);
  if (info.date) return { kind: 'text', text: serialText(value) };
  if (info.percent) {
    const pct = value * 100;
    if (!Number.isFinite(pct)) return { kind: 'error', code: '#NUM!' };
    return { kind: 'number', value: significant(pct, 15), decimals: info.decimals, fromText: false, percent: true };
  }
  return { kind: 'number', value: value === 0 ? 0 : value, decimals: info.decimals, fromText: false, percent: false };
}

function textFigure(s: string): Figure {
  const t = s.trim();
  if (t.length === 0) return EMPTY;
  if (isPlaceholder(t)) return { kind: 'placeholder', text: t };
  const num = parseNumberText(t);
  if (num !== null) {
    return { kind: 'number', value: num.value, decimals: num.decimals, fromText: true, percent: num.percent };
  }
  return { kind: 'text', text: t };
}

/**
 * A cell read as a statistician reads it. Never throws.
 *
 * - number: decimals from the cell's number format (null for General); a percent
 *   format gives the value in percent units (0.1234 with "0.0%" → 12.34, decimals 1;
 *   the ×100 is cleaned to 15 significant digits). A number in a date/time format is
 *   not a figure: kind 'text' with the date written "yyyy-mm-dd" (see serialText).
 *   NaN or ±Infinity (impossible in a workbook), or a percent beyond the double
 *   range, → error "#NUM!". A number in a text ("@") format is still a number,
 *   with decimals null.
 * - text: trimmed; blank → empty; a placeholder ("—", "…", "/" …) → placeholder;
 *   a text-stored number → number with fromText true and the decimals as written;
 *   otherwise text.
 * - error → error with the code as stored ("#DIV/0!"; "#N/A" when the code is missing).
 * - boolean → text "TRUE" / "FALSE". Empty, null or undefined → empty.
 * The runtime value decides when it disagrees with `type` (a string in a 'number'
 * cell is read as text).
 */
export function readFigure(cell: Cell | null | undefined): Figure {
  if (cell === null || typeof cell !== 'object') return EMPTY;
  const value: unknown = cell.value;
  if (cell.type === 'error') {
    const code = typeof value === 'string' ? value.trim() : '';
    return { kind: 'error', code: code.length > 0 ? code : '#N/A' };
  }
  switch (typeof value) {
    case 'number':
      return numberFigure(value, typeof cell.format === 'string' ? cell.format : undefined);
    case 'string':
      return textFigure(value);
    case 'boolean':
      return value ? TRUE_TEXT : FALSE_TEXT;
    default:
      return EMPTY;
  }
}

/**
 * The number the reader sees: roundHalfUp(value, decimals) when the precision is
 * known; for General (decimals null) integers below 10^15 as they are and other
 * values cut to 10 significant digits (what General shows in a normal column).
 * 9.66 and 9.7 with one decimal both show 9.7.
 */
export function shownValue(f: NumberFigure): number {
  const v = f.value;
  if (f.decimals !== null) return roundHalfUp(v, f.decimals);
  if (Number.isInteger(v) && v < 1e15 && v > -1e15) return v === 0 ? 0 : v;
  return significant(v, 10);
}
