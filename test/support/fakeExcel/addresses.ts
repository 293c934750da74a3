/**
 * A1 addresses as Excel reads and writes them: sheet prefixes (quoted when the
 * name needs it), whole columns ("A:C"), whole rows ("3:5"), "$" anchors on input.
 */
import { columnLetters } from '../../../src/core/grid';
import { fail } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** 0-based inclusive rectangle. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}

export function rectCols(r: Rect): number {
  return r.right - r.left + 1;
}

export function rectArea(r: Rect): number {
  return rectRows(r) * rectCols(r);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** a lies inside b */
export function contains(b: Rect, a: Rect): boolean {
  return a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function isFullRows(r: Rect): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}

export function isFullCols(r: Rect): boolean {
  return r.left === 0 && r.right === MAX_COLS - 1;
}

/** Check that a rectangle lies in Excel's grid and has at least one cell. */
export function checkRect(r: Rect): Rect {
  const ok =
    Number.isInteger(r.top) &&
    Number.isInteger(r.left) &&
    Number.isInteger(r.bottom) &&
    Number.isInteger(r.right) &&
    r.top >= 0 &&
    r.left >= 0 &&
    r.bottom >= r.top &&
    r.right >= r.left &&
    r.bottom < MAX_ROWS &&
    r.right < MAX_COLS;
  if (!ok) fail('InvalidArgument', `The range is outside the grid or empty: ${JSON.stringify(r)}`);
  return r;
}

function colIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

function rowOf(digits: string, ref: string): number {
  const n = Number(digits);
  if (!Number.isInteger(n) || n < 1 || n > MAX_ROWS) fail('InvalidArgument', `Invalid row in address '${ref}'`);
  return n - 1;
}

function colOf(letters: string, ref: string): number {
  const c = colIndex(letters);
  if (c < 0 || c >= MAX_COLS) fail('InvalidArgument', `Invalid column in address '${ref}'`);
  return c;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** Parse one rectangle without a sheet prefix: "B3", "$A$1:$C$3", "A:C", "3:5". */
export function parseRef(ref: string): Rect {
  const text = ref.trim();
  const parts = text.split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) fail('InvalidArgument', `Invalid address '${ref}'`);
    const row = rowOf(m[2], ref);
    const col = colOf(m[1], ref);
    return { top: row, left: col, bottom: row, right: col };
  }
  if (parts.length !== 2) fail('InvalidArgument', `Invalid address '${ref}'`);
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = rowOf(ca[2], ref);
    const r2 = rowOf(cb[2], ref);
    const c1 = colOf(ca[1], ref);
    const c2 = colOf(cb[1], ref);
    return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  }
  const ka = COL.exec(a);
  const kb = COL.exec(b);
  if (ka && kb) {
    const c1 = colOf(ka[1], ref);
    const c2 = colOf(kb[1], ref);
    return { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  }
  const ra = ROW.exec(a);
  const rb = ROW.exec(b);
  if (ra && rb) {
    const r1 = rowOf(ra[1], ref);
    const r2 = rowOf(rb[1], ref);
    return { top: Math.min(r1, r2), left: 0, bottom: Math.max(r1, r2), right: MAX_COLS - 1 };
  }
  return fail('InvalidArgument', `Invalid address '${ref}'`);
}

/** A1 text of a rectangle as Excel returns it: "B2", "A1:C3", "A:C", "3:5" (no "$"). */
export function formatRect(r: Rect): string {
  if (isFullCols(r)) return `${r.top + 1}:${r.bottom + 1}`;
  if (isFullRows(r)) return `${columnLetters(r.left)}:${columnLetters(r.right)}`;
  const a = `${columnLetters(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${columnLetters(r.right)}${r.bottom + 1}`;
}

/** "B2" key of a cell (notes, comments, snapshots). */
export function cellKey(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * Does a sheet name need quotes in a reference? Excel leaves names of letters,
 * digits, "_" and "." alone unless they start with a digit or look like a cell
 * (A1, R1C1) reference.
 */
export function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return true;
  return false;
}

export function quoteSheetIfNeeded(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheetIfNeeded(sheet)}!${formatRect(r)}`;
}

/** Split "Sheet1!A1", "'My sheet'!A1" or "A1" into sheet name (unquoted) and reference. */
export function splitSheet(address: string): { sheet: string | null; ref: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (;;) {
      if (i >= text.length) fail('InvalidArgument', `Invalid address '${address}'`);
      const ch = text[i];
      if (ch === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (text[i + 1] !== '!') fail('InvalidArgument', `Invalid address '${address}'`);
    return { sheet: name, ref: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: text };
  const name = text.slice(0, bang);
  if (name === '' || (sheetNeedsQuotes(name) && /[\s'!,]/.test(name))) {
    fail('InvalidArgument', `Invalid address '${address}': the sheet name must be quoted`);
  }
  return { sheet: name, ref: text.slice(bang + 1) };
}

/** Split a comma-separated list of areas, leaving commas inside quoted sheet names alone. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      cur += ch;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Excel compares sheet names without case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
