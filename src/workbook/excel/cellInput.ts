import type { PlanValue } from '../../core/summary/Plan.types';

/**
 * Excel reads a string written to `values` or `formulas` the way it reads typing:
 * "=x" becomes a formula, "001" the number 1, "2025-03" a date, "TRUE" a boolean,
 * "12%" 0.12. Plan strings are always text, so those get Excel's text prefix, the
 * apostrophe, which is not part of the value (the cell reads back without it).
 */
const NUMBER_LIKE = /^[\s]*[-+(]?[$¥￥€£]?[\s]*(\d[\d,]*\.?\d*|\.\d+)([eE][-+]?\d+)?\s*%?\)?[\s]*$/;
const DATE_LIKE = /^\s*\d{1,4}\s*[-/.年]\s*\d{1,2}\s*月?(\s*[-/.]?\s*\d{1,4}\s*日?)?\s*$|^\s*\d{1,2}:\d{2}(:\d{2})?\s*([ap]m?)?\s*$/i;
const SPECIAL = /^\s*(true|false|#n\/a|#div\/0!|#value!|#ref!|#name\?|#num!|#null!)\s*$/i;

export function needsTextPrefix(s: string): boolean {
  if (s === '') return false;
  const first = s[0];
  if (first === '=' || first === '+' || first === '-' || first === '@' || first === "'") return true;
  return NUMBER_LIKE.test(s) || DATE_LIKE.test(s) || SPECIAL.test(s);
}

/** A plan value as Excel input: numbers and booleans as they are, text kept text, null as ''. */
export function toExcelInput(v: PlanValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string') return needsTextPrefix(v) ? `'${v}` : v;
  if (typeof v === 'number' && !Number.isFinite(v)) return '';
  return v;
}
