import type { FormatInfo } from './Figure.types';

/**
 * What an Excel number-format code (en-US notation, as stored in the workbook) shows.
 *
 * Only the first (positive) section is read: "#,##0;-#,##0;-;@" → 0 decimals,
 * "0.00_);[Red](0.00)" → 2. Inside that section:
 * - digit placeholders 0 # ? after the first decimal point count as decimals; the
 *   digits of an exponent ("0.00E+00") do not;
 * - an unquoted, unescaped % makes it a percent format ("0.0%"); a quoted or escaped
 *   one is a literal ('0.0"%"', "0.0\%") and does not scale;
 * - "…" literals, \x escapes, _x padding, *x fill and [..] blocks (colours, conditions,
 *   locales such as [$-409], [DBNum1]) are skipped; [h] [mm] [ss] are elapsed time;
 * - date/time tokens y m d h s (and AM/PM, e outside E+/E-) make it a date format;
 * - "@" with no digit placeholder is the text format;
 * - "General" (also the Chinese UI name "G/通用格式"), an empty code or undefined → General
 *   (decimals null). A fraction format ("# ?/?") also has decimals null: it is not a
 *   fixed number of decimals.
 * Not modelled: trailing-comma scaling ("0.0,," shows thousands/millions) and
 * conditional sections other than the first.
 *
 * Results are memoised per code (a Map) and shared, frozen objects: do not mutate.
 */

const GENERAL: FormatInfo = Object.freeze({ decimals: null, percent: false, text: false, date: false });
const TEXT: FormatInfo = Object.freeze({ decimals: null, percent: false, text: true, date: false });
const DATE: FormatInfo = Object.freeze({ decimals: null, percent: false, text: false, date: true });

const cache = new Map<string, FormatInfo>();
/** Workbooks use a few dozen codes; the cap only guards against unbounded input. */
const CACHE_LIMIT = 4096;

export function formatInfo(format: string | undefined): FormatInfo {
  if (typeof format !== 'string' || format.length === 0) return GENERAL;
  let info = cache.get(format);
  if (info === undefined) {
    info = parseFormat(format);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(format, info);
  }
  return info;
}

function isGeneralAt(code: string, i: number): boolean {
  return code.length - i >= 7 && code.slice(i, i + 7).toLowerCase() === 'general';
}

/** [h], [hh], [m], [mm], [s], [ss] … (elapsed time); content between brackets. */
function isElapsed(code: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = code.charCodeAt(from) | 32;
  if (first !== 104 && first !== 109 && first !== 115) return false; // h m s
  for (let k = from + 1; k < to; k++) if ((code.charCodeAt(k) | 32) !== first) return false;
  return true;
}

function parseFormat(code: string): FormatInfo {
  const trimmed = code.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'general' || trimmed === 'G/通用格式') return GENERAL;

  const n = code.length;
  let digits = 0;
  let decimals = 0;
  let point = false;
  let exponent = false;
  let percent = false;
  let at = false;
  let date = false;
  let general = false;
  let slash = false;

  let i = 0;
  scan: while (i < n) {
    const c = code.charCodeAt(i);
    switch (c) {
      case 59: // ; end of the positive section
        break scan;
      case 34: {
        // "literal"
        const close = code.indexOf('"', i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      case 92: // \x
      case 95: // _x
      case 42: // *x
        i += 2;
        continue;
      case 91: {
        // [ … ]
        const close = code.indexOf(']', i + 1);
        const end = close < 0 ? n : close;
        if (isElapsed(code, i + 1, end)) date = true;
        i = end + 1;
        continue;
      }
      case 48: // 0
      case 35: // #
      case 63: // ?
        digits++;
        if (point && !exponent) decimals++;
        break;
      case 46: // .
        point = true;
        break;
      case 37: // %
        percent = true;
        break;
      case 64: // @
        at = true;
        break;
      case 47: // /
        slash = true;
        break;
      case 69: // E
      case 101: {
        // e
        const next = code.charCodeAt(i + 1);
        if (next === 43 || next === 45) {
          exponent = true;
          i += 2;
          continue;
        }
        date = true; // e: year (era) in date formats
        break;
      }
      case 71: // G
      case 103:
        if (isGeneralAt(code, i)) {
          general = true;
          i += 7;
          continue;
        }
        break;
      case 65: // A (AM/PM, A/P)
      case 97:
        if (code.slice(i, i + 5).toUpperCase() === 'AM/PM' || code.slice(i, i + 3).toUpperCase() === 'A/P') date = true;
        break;
      case 121: // y
      case 89:
      case 109: // m
      case 77:
      case 100: // d
      case 68:
      case 104: // h
      case 72:
      case 115: // s
      case 83:
        date = true;
        break;
      default:
        break;
    }
    i++;
  }

  if (date) return DATE;
  if (at && digits === 0 && !general) return TEXT;
  if (general || (slash && digits > 0)) {
    return percent ? Object.freeze({ decimals: null, percent: true, text: false, date: false }) : GENERAL;
  }
  return Object.freeze({ decimals: point ? decimals : 0, percent, text: false, date: false });
}
