import type { Cell, Grid, MergedArea } from '../../../core/grid';
import { isErrorCode, parseRange } from '../../../core/grid';
import { decodeXstring, localName, nameEnd, tagEnd, textContent } from '../../ooxml/xml';
import { shiftFormula } from './formula';
import { elementText, itemText } from './sharedStrings';
import type { CellFormats } from './styles';

/**
 * One worksheet part read into a core grid, as its text inflates: a purpose-built scanner
 * over the decoded text rather than a general XML parser (measured: BENCHMARKS.md, issue 14).
 * Only whole elements are taken: a cell cut by the end of a chunk waits for the next one.
 *
 * What it keeps follows the grid's conventions (Grid.types.ts, and what the readers before
 * it gave): a cell that holds a value or a formula is present; an empty string is present
 * and empty; a styled cell without a value is absent; a merged area keeps only its top-left
 * cell; rowCount/colCount reach the last cell present or merge. Cells and rows written
 * without `r` attributes (allowed; some generators do) take the next position.
 */

export interface SheetContext {
  strings: readonly string[];
  formats: CellFormats;
  date1904: boolean;
  /** the part, for messages */
  part: string;
}

/** A cell or value the file cannot mean (a shared string that is not in the table…). */
export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetError';
  }
}

/** The rows of a sheet (Excel 2007 and later). */
const MAX_ROWS = 1048576;
/** The longest text held over between chunks (see push). */
export const MAX_HELD = 4 * 1024 * 1024;

/** Days between the 1900 and 1904 date systems' day 0. */
const DAYS_1904 = 1462;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** An ISO 8601 date-time (`t="d"` cells) as a 1900-system serial, or null. */
export function isoToSerial(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text.trim());
  if (!m) {
    const t = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(text.trim());
    if (!t) return null;
    return (Number(t[1]) * 3600 + Number(t[2]) * 60 + Number(t[3] ?? 0) + Number(t[4] ?? 0)) / 86400;
  }
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  let serial = (ms - EPOCH_1900) / 86_400_000;
  // Excel's serials count a 29 February 1900 that never was: days before 1 March 1900 are one less.
  if (serial < 61) serial -= 1;
  return serial;
}

function cellRef(s: string, from: number, to: number): number {
  // "AB12" → row * 2^14 + col (0-based); -1 when it is not a reference
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i) | 32;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  if (i === from || col > 16384) return -1;
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const ch = s.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    row = row * 10 + (ch - 48);
  }
  if (i === digits || row < 1 || row > 1048576) return -1;
  return (row - 1) * 16384 + (col - 1);
}

/**
 * A cell object with all its properties at once: an object literal keeps them in the object
 * itself, where adding `format` afterwards would give every formatted cell a separate
 * property store (about a third more memory for a sheet of numbers).
 */
function makeCell(value: Cell['value'], type: Cell['type'], format: string | undefined, formula: string | undefined): Cell {
  if (format === undefined) return formula === undefined ? { value, type } : { value, type, formula };
  return formula === undefined ? { value, type, format } : { value, type, format, formula };
}

/** t="…" as a small number: 0 n (or absent), 115 s, 98 b, 101 e, 100 d, 105 inlineStr, 1 str, -1 unknown. */
function typeCode(s: string, from: number, to: number): number {
  const len = to - from;
  const c = s.charCodeAt(from);
  if (len === 1) return c === 110 ? 0 : c === 115 || c === 98 || c === 101 || c === 100 ? c : -1;
  if (len === 3 && s.startsWith('str', from)) return 1;
  if (len === 9 && s.startsWith('inlineStr', from)) return 105;
  return -1;
}

interface Shared {
  row: number;
  col: number;
  text: string;
}

export class SheetReader {
  private rows: (Cell | undefined)[][] = [];
  private merges: MergedArea[] = [];
  private rowCount = 0;
  private colCount = 0;
  private row = -1;
  private col = -1;
  private inData = false;
  private carry = '';
  private shared = new Map<string, Shared>();

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
  ) {}

  /** Take the next piece of the part's text. */
  push(chunk: string): void {
    const s = this.carry.length ? this.carry + chunk : chunk;
    const pos = this.scan(s);
    this.carry = pos < s.length ? s.slice(pos) : '';
    // What is held over is one element cut by the end of a chunk: a cell is at most a few
    // hundred kilobytes (32,767 characters of text, a formula). Past the cap it is markup left
    // open (an unclosed comment or quote), which would otherwise be scanned again with every
    // chunk, quadratic in the part's size.
    if (this.carry.length > MAX_HELD) throw new SheetError(`${this.ctx.part}: an element longer than ${MAX_HELD / 1048576} MB (markup left open?)`);
  }

  /** The grid, once the whole part was pushed. */
  finish(): Grid {
    if (this.carry.trim().length) {
      // markup cut short: the part ended inside an element
      const head = this.carry.trim().slice(0, 40);
      if (head.startsWith('<')) throw new SheetError(`${this.ctx.part} ends inside an element (${head}…)`);
    }
    const rows = this.rows;
    for (const m of this.merges) {
      // only the rows that hold cells: a merge down a whole column costs what the sheet holds, not a million rows
      for (let r = m.top, last = Math.min(m.bottom, rows.length - 1); r <= last; r++) {
        const cells = rows[r];
        if (!cells) continue;
        for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < cells.length; c++) cells[c] = undefined;
      }
      if (m.bottom + 1 > this.rowCount) this.rowCount = m.bottom + 1;
      if (m.right + 1 > this.colCount) this.colCount = m.right + 1;
    }
    return { name: this.name, rows, merges: this.merges, rowCount: this.rowCount, colCount: this.colCount };
  }

  /** Scan whole elements from the start of `s`; returns where the first incomplete one starts. */
  private scan(s: string): number {
    const n = s.length;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) return n;
      if (lt + 1 >= n) return lt;
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 47) {
        // end tag
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return lt;
        const local = localName(s.slice(lt + 2, gt).trim());
        if (local === 'row') this.col = -1;
        else if (local === 'sheetData') this.inData = false;
        pos = gt + 1;
        continue;
      }
      if (c1 === 33 || c1 === 63) {
        const close = s.startsWith('<![CDATA[', lt) ? ']]>' : c1 === 63 ? '?>' : s.startsWith('<!--', lt) ? '-->' : '>';
        const end = s.indexOf(close, lt + 2);
        if (end < 0) return lt;
        pos = end + close.length;
        continue;
      }
      const ne = nameEnd(s, lt, n);
      if (ne >= n) return lt;
      const gt = tagEnd(s, ne);
      if (gt < 0) return lt;
      const selfClosing = s.charCodeAt(gt - 1) === 47;
      // the local name, without allocating for the usual one-letter 'c'
      let ln = lt + 1;
      for (let k = lt + 1; k < ne; k++) if (s.charCodeAt(k) === 58) ln = k + 1;
      const len = ne - ln;
      if (this.inData && len === 1 && s.charCodeAt(ln) === 99) {
        // <c …/> or <c …>…</c>
        if (selfClosing) {
          this.place(s, ne, gt - 1);
          pos = gt + 1;
          continue;
        }
        const closeTag = ne - lt === 2 ? '</c>' : `</${s.slice(lt + 1, ne)}>`;
        const close = s.indexOf(closeTag, gt + 1);
        if (close < 0) return lt;
        this.cell(s, ne, gt, close);
        pos = close + closeTag.length;
        continue;
      }
      const local = s.slice(ln, ne);
      if (this.inData && local === 'row') {
        this.startRow(s, ne, selfClosing ? gt - 1 : gt);
        if (selfClosing) this.col = -1;
      } else if (local === 'sheetData') {
        this.inData = !selfClosing;
      } else if (local === 'mergeCell') {
        const ref = attr(s, ne, gt, 'ref');
        if (ref) this.merge(ref);
      }
      pos = gt + 1;
    }
  }

  private startRow(s: string, from: number, to: number): void {
    const r = attr(s, from, to, 'r');
    const n = r === undefined ? NaN : Number(r);
    // a row number past the sheet's last row is no reference (as for cells): the next row
    this.row = Number.isInteger(n) && n >= 1 && n <= MAX_ROWS ? n - 1 : this.row + 1;
    this.col = -1;
  }

  private merge(ref: string): void {
    try {
      const m = parseRange(ref);
      if (m.top >= 0 && m.left >= 0 && (m.bottom > m.top || m.right > m.left)) this.merges.push(m);
    } catch {
      // a mergeCell that is no range: Excel drops it too
    }
  }

  /** Move to a cell's own reference `r` (between `from` and `to` in `s`); the next column when it is no reference. */
  private position(s: string, from: number, to: number): void {
    const at = cellRef(s, from, to);
    if (at < 0) return this.next();
    this.row = Math.floor(at / 16384);
    this.col = at % 16384;
  }

  /** A cell without `r`: the next column of the current row. */
  private next(): void {
    if (this.row < 0) this.row = 0;
    this.col++;
  }

  /** A self-closing cell: no value, only a position. */
  private place(s: string, from: number, to: number): void {
    const r = attr(s, from, to, 'r');
    if (r === undefined) this.next();
    else this.position(r, 0, r.length);
  }

  private cell(s: string, from: number, gt: number, close: number): void {
    // attributes r, s, t, parsed in place (this runs once per cell: no substrings for r and s)
    let refFrom = -1;
    let refTo = -1;
    let style = 0;
    let type = 0; // 0 n, else the first char code of t (s, b, e, d, i for inlineStr; 'str' is 1)
    for (let i = from; i < gt; ) {
      const ch = s.charCodeAt(i);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) {
        i++;
        continue;
      }
      const eq = s.indexOf('=', i);
      if (eq < 0 || eq > gt) break;
      let q = eq + 1;
      while (q < gt && s.charCodeAt(q) !== 34 && s.charCodeAt(q) !== 39) q++;
      const end = s.indexOf(s.charCodeAt(q) === 34 ? '"' : "'", q + 1);
      if (end < 0 || end > gt) break;
      let attrNameEnd = eq;
      while (attrNameEnd > i && (s.charCodeAt(attrNameEnd - 1) === 32 || s.charCodeAt(attrNameEnd - 1) === 9)) attrNameEnd--;
      if (attrNameEnd - i === 1) {
        const a = s.charCodeAt(i);
        if (a === 114) {
          refFrom = q + 1;
          refTo = end;
        } else if (a === 115) {
          let n = 0;
          for (let k = q + 1; k < end; k++) {
            const d = s.charCodeAt(k) - 48;
            if (d < 0 || d > 9) break;
            n = n * 10 + d;
          }
          style = n;
        } else if (a === 116) {
          type = typeCode(s, q + 1, end);
        }
      }
      i = end + 1;
    }
    if (refFrom >= 0) this.position(s, refFrom, refTo);
    else this.next();
    const row = this.row;
    const col = this.col;

    // children: <v>, <f>, <is>
    let v: string | undefined;
    let formula: string | undefined;
    let inline: string | undefined;
    let pos = gt + 1;
    if (s.charCodeAt(pos) === 60 && s.charCodeAt(pos + 1) === 118 && s.charCodeAt(pos + 2) === 62) {
      // the usual <v>…</v> and nothing else
      const end = s.indexOf('</v>', pos + 3);
      if (end >= 0 && end + 4 === close) {
        v = s.slice(pos + 3, end);
        pos = close;
      }
    }
    while (pos < close) {
      const lt = s.indexOf('<', pos);
      if (lt < 0 || lt >= close) break;
      if (s.charCodeAt(lt + 1) === 47 || s.charCodeAt(lt + 1) === 33 || s.charCodeAt(lt + 1) === 63) {
        const end = s.indexOf('>', lt);
        pos = end < 0 ? close : end + 1;
        continue;
      }
      const ne = nameEnd(s, lt, close);
      const qname = s.slice(lt + 1, ne);
      const local = localName(qname);
      const tgt = tagEnd(s, ne);
      if (tgt < 0 || tgt > close) break;
      const selfClosing = s.charCodeAt(tgt - 1) === 47;
      let after = tgt + 1;
      let inner: string | undefined;
      if (!selfClosing) {
        const endTag = `</${qname}>`;
        const end = s.indexOf(endTag, tgt + 1);
        if (end < 0 || end > close) break;
        inner = s.slice(tgt + 1, end);
        after = end + endTag.length;
      }
      if (local === 'v') {
        v = inner ?? '';
      } else if (local === 'f') {
        formula = this.formula(s, ne, selfClosing ? tgt - 1 : tgt, inner, row, col);
      } else if (local === 'is') {
        inline = inner === undefined ? '' : itemText(inner, 0, inner.length);
      }
      pos = after;
    }
    const ref = (): string => (refFrom >= 0 ? s.slice(refFrom, refTo) : `R${row + 1}C${col + 1}`);

    let value: Cell['value'] = null;
    let kind: Cell['type'] | null = null;
    switch (type) {
      case 0: {
        if (v === undefined || v.length === 0) break;
        const num = Number(v);
        if (!Number.isFinite(num) && v.trim() !== 'NaN') throw new SheetError(`${this.ctx.part}: cell ${ref()} holds "${v.slice(0, 20)}", not a number`);
        value = this.ctx.date1904 && this.ctx.formats.dates[style] ? num + DAYS_1904 : num;
        kind = 'number';
        break;
      }
      case 115: {
        if (v === undefined || v.length === 0) break;
        const text = this.ctx.strings[Number(v)];
        if (text === undefined) throw new SheetError(`${this.ctx.part}: cell ${ref()} refers to shared string ${v.trim()}, which the table does not have`);
        [value, kind] = text === '' ? [null, 'empty'] : [text, 'text'];
        break;
      }
      case 105: {
        const text = inline ?? (v !== undefined ? elementText(v, 0, v.length) : undefined);
        if (text === undefined) break;
        [value, kind] = text === '' ? [null, 'empty'] : [text, 'text'];
        break;
      }
      case 1: {
        if (v === undefined) break;
        const text = elementText(v, 0, v.length);
        [value, kind] = text === '' ? [null, 'empty'] : [text, 'text'];
        break;
      }
      case 98:
        if (v === undefined || v.length === 0) break;
        value = v.trim() === '1' || v.trim().toLowerCase() === 'true';
        kind = 'boolean';
        break;
      case 101: {
        if (v === undefined) break;
        const code = textContent(v).trim();
        value = isErrorCode(code) ? code : code || '#N/A';
        kind = 'error';
        break;
      }
      case 100: {
        if (v === undefined || v.length === 0) break;
        const serial = isoToSerial(textContent(v));
        [value, kind] = serial === null ? [textContent(v), 'text'] : [serial, 'number'];
        break;
      }
      default:
        throw new SheetError(`${this.ctx.part}: cell ${ref()} has an unknown type (t attribute)`);
    }
    if (kind === null) {
      if (formula === undefined) return;
      kind = 'empty';
    }
    const cell = makeCell(value, kind, this.ctx.formats.formats[style], formula);
    let cells = this.rows[row];
    if (cells === undefined) cells = this.rows[row] = [];
    cells[col] = cell;
    if (row + 1 > this.rowCount) this.rowCount = row + 1;
    if (col + 1 > this.colCount) this.colCount = col + 1;
  }

  /** A cell's formula text: its own, or its shared group's moved to this cell. */
  private formula(s: string, from: number, to: number, inner: string | undefined, row: number, col: number): string | undefined {
    const t = attr(s, from, to, 't');
    const text = inner === undefined ? '' : decodeXstring(textContent(inner));
    if (t !== 'shared') return inner === undefined ? undefined : text;
    const si = attr(s, from, to, 'si');
    if (si === undefined) return text || undefined;
    if (text !== '') {
      // the group's first cell (it carries `ref` and the text); some writers repeat the text in every cell
      if (!this.shared.has(si) || attr(s, from, to, 'ref') !== undefined) this.shared.set(si, { row, col, text });
      return text;
    }
    const master = this.shared.get(si);
    if (!master) return undefined;
    return shiftFormula(master.text, row - master.row, col - master.col);
  }
}

/** An attribute's value in a start tag between `from` and `to` (unprefixed name), entities decoded. */
function attr(s: string, from: number, to: number, name: string): string | undefined {
  let i = from;
  for (;;) {
    const at = s.indexOf(name, i);
    if (at < 0 || at >= to) return undefined;
    const before = s.charCodeAt(at - 1);
    let eq = at + name.length;
    while (s.charCodeAt(eq) === 32) eq++;
    if ((before === 32 || before === 9 || before === 10 || before === 13) && s.charCodeAt(eq) === 61) {
      let q = eq + 1;
      while (s.charCodeAt(q) === 32) q++;
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) return undefined;
      const end = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (end < 0 || end > to) return undefined;
      return textContent(s.slice(q + 1, end));
    }
    i = at + name.length;
  }
}
