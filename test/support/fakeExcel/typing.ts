/**
 * What Excel (en-US) makes of a value written through `values` or `formulas`:
 * the same as typing it into the cell.
 */
import { fail } from './errors';

export type CellType = 'Empty' | 'Double' | 'String' | 'Boolean' | 'Error';
export type Scalar = number | string | boolean | null;

export const ERROR_CODES: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#FIELD!',
  '#UNKNOWN!',
]);

export type Typed =
  | { kind: 'clear' }
  | { kind: 'constant'; value: number | string | boolean; type: CellType; numberFormat?: string }
  | { kind: 'formula'; formula: string };

/** The type Excel gives a constant or a computed value. */
export function typeOfValue(v: Scalar | undefined): CellType {
  if (v === null || v === undefined || v === '') return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return ERROR_CODES.has(v) ? 'Error' : 'String';
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial of a calendar date, or null when it is no date. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - EXCEL_EPOCH) / 86_400_000);
}

function parseDate(s: string): { serial: number; format: string } | null {
  let m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), 1);
    return serial === null ? null : { serial, format: 'mmm-yy' };
  }
  m = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[3]), Number(m[4]));
    return serial === null ? null : { serial, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    return serial === null ? null : { serial, format: 'm/d/yyyy' };
  }
  m = /^(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (m) {
    const serial = dateSerial(new Date().getFullYear(), Number(m[1]), Number(m[2]));
    return serial === null ? null : { serial, format: 'd-mmm' };
  }
  return null;
}

const NUMBER = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d*)?(?:[eE]([+-]?\d+))?(%)?$/;

/** A number typed as text ("12", " 1,234.5 ", "1e3", "-3.5", "12%", "(5)"), or null. */
export function parseNumberText(text: string): { value: number; format?: string } | null {
  let s = text.trim();
  let negate = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    s = paren[1].trim();
    if (/^[+-]/.test(s)) return null;
    negate = true;
  }
  const m = NUMBER.exec(s);
  if (!m) return null;
  const [, sign, intPart, frac, exp, pct] = m;
  const fracDigits = frac ? frac.slice(1) : '';
  if (!intPart && !fracDigits) return null;
  const grouped = intPart !== undefined && intPart.includes(',');
  let value = Number(`${(intPart ?? '0').replace(/,/g, '')}.${fracDigits || '0'}e${exp ?? '0'}`);
  if (!Number.isFinite(value)) return null;
  if (pct) value /= 100;
  if (sign === '-') value = -value;
  if (negate) value = -value;
  let format: string | undefined;
  if (pct) format = fracDigits ? '0.00%' : '0%';
  else if (exp !== undefined) format = '0.00E+00';
  else if (grouped) format = fracDigits ? '#,##0.00' : '#,##0';
  return { value, format };
}

/** Minimal formula sanity: something after "=", balanced quotes and parentheses. */
export function checkFormula(formula: string): void {
  if (formula.length < 2) fail('InvalidArgument', `Invalid formula '${formula}'`);
  let depth = 0;
  let inString = false;
  let inSheet = false;
  for (const ch of formula.slice(1)) {
    if (inString) {
      if (ch === '"') inString = false;
      continue;
    }
    if (inSheet) {
      if (ch === "'") inSheet = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === "'") inSheet = true;
    else if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth < 0) break;
    }
  }
  if (inString || inSheet || depth !== 0) fail('InvalidArgument', `Invalid formula '${formula}'`);
}

/**
 * Type a value into a cell whose number format is `numberFormat`.
 * `null` never reaches here (null leaves a cell unchanged).
 */
export function typeInto(input: number | string | boolean, numberFormat: string): Typed {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) fail('InvalidArgument', `Invalid number ${input}`);
    return { kind: 'constant', value: input, type: 'Double' };
  }
  if (typeof input === 'boolean') return { kind: 'constant', value: input, type: 'Boolean' };
  if (typeof input !== 'string') return fail('InvalidArgument', `Invalid cell value ${JSON.stringify(input)}`);
  if (input === '') return { kind: 'clear' };
  if (numberFormat === '@') return { kind: 'constant', value: input, type: 'String' };
  if (input.startsWith("'")) {
    const text = input.slice(1);
    return text === '' ? { kind: 'clear' } : { kind: 'constant', value: text, type: 'String' };
  }
  if (input.startsWith('=')) {
    checkFormula(input);
    return { kind: 'formula', formula: input };
  }
  const num = parseNumberText(input);
  if (num) return { kind: 'constant', value: num.value, type: 'Double', numberFormat: num.format };
  if ((input.startsWith('+') || input.startsWith('-')) && input.length > 1) {
    const formula = `=${input}`;
    checkFormula(formula);
    return { kind: 'formula', formula };
  }
  const upper = input.trim().toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'constant', value: upper === 'TRUE', type: 'Boolean' };
  if (ERROR_CODES.has(upper)) return { kind: 'constant', value: upper, type: 'Error' };
  const date = parseDate(input.trim());
  if (date) return { kind: 'constant', value: date.serial, type: 'Double', numberFormat: date.format };
  return { kind: 'constant', value: input, type: 'String' };
}
