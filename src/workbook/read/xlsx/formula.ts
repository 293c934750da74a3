import { columnLetters } from '../../../core/grid';

/*
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40): a block of cells with the same formula stores
 * its text once, in the first cell; every other cell of the block holds only the group's index
 * and means that formula moved by its own offset. Excel, LibreOffice and most generators write
 * them for filled-down columns, so a reader that keeps only the first cell's text would see
 * `=SUM(B3:B14)` nowhere but in the first row.
 */

const MAX_ROW = 1048576;
const MAX_COL = 16384;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + ((letters.charCodeAt(i) | 32) - 96);
  return n;
}

function isNameChar(ch: number): boolean {
  return (
    (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || ch === 95 || ch === 46 || ch === 92 || ch > 127
  );
}

// A1 reference (cell), or a whole-column (A:C) / whole-row (3:5) range part, each part with optional $.
const REF = /(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})|(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})/y;

/**
 * The formula `text` (without "=") moved by `dr` rows and `dc` columns: relative references
 * shift, `$`-anchored parts stay; text in "quotes", sheet names in 'quotes', function names,
 * defined names and structured references are left alone. A reference moved off the sheet
 * becomes #REF!, as Excel shows it.
 */
export function shiftFormula(text: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return text;
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      // "string literal" with "" inside
      let j = i + 1;
      while (j < n) {
        if (text.charCodeAt(j) === 34) {
          if (text.charCodeAt(j + 1) === 34) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === 39) {
      // 'sheet name'! with '' inside
      let j = i + 1;
      while (j < n) {
        if (text.charCodeAt(j) === 39) {
          if (text.charCodeAt(j + 1) === 39) j += 2;
          else break;
        } else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === 91) {
      // [structured reference] or [external book]: copy to the matching bracket
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c === 91) depth++;
        else if (c === 93 && --depth === 0) break;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    if ((ch === 36 || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) && !isNameChar(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(text);
      if (m) {
        const end = REF.lastIndex;
        const next = end < n ? text.charCodeAt(end) : 0;
        // a function name (LOG10( ), a name that goes on (ABC1x), a sheet prefix (Q1!A1) or a number (1.5) is not a reference
        if (!isNameChar(next) && next !== 40 && next !== 33 && !(m[10] !== undefined && prev === 46)) {
          out += moved(m, dr, dc);
          i = end;
          continue;
        }
      }
      // copy the whole token (a name, a function, a number)
      let j = i + 1;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

function moved(m: RegExpExecArray, dr: number, dc: number): string {
  if (m[2] !== undefined) {
    const col = m[1] ? colNumber(m[2]) : colNumber(m[2]) + dc;
    const row = m[3] ? Number(m[4]) : Number(m[4]) + dr;
    if (colNumber(m[2]) > MAX_COL) return m[0]; // not a reference after all (e.g. a name like ABCD1 is excluded by the pattern already)
    if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return '#REF!';
    return `${m[1]}${columnLetters(col - 1)}${m[3]}${row}`;
  }
  if (m[6] !== undefined) {
    const a = m[5] ? colNumber(m[6]) : colNumber(m[6]) + dc;
    const b = m[7] ? colNumber(m[8]) : colNumber(m[8]) + dc;
    if (a < 1 || b < 1 || a > MAX_COL || b > MAX_COL) return '#REF!';
    return `${m[5]}${columnLetters(a - 1)}:${m[7]}${columnLetters(b - 1)}`;
  }
  const a = m[9] ? Number(m[10]) : Number(m[10]) + dr;
  const b = m[11] ? Number(m[12]) : Number(m[12]) + dr;
  if (a < 1 || b < 1 || a > MAX_ROW || b > MAX_ROW) return '#REF!';
  return `${m[9]}${a}:${m[11]}${b}`;
}
