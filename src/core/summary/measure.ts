import type { CellStyle, PlanCell, PlanValue, Rect, SheetPlan } from './Plan.types';
import { cellStyleIds } from './styles';

/**
 * Sizes a sheet plan to its content as it will be rendered: column widths from the
 * widest text a column shows (numbers as their number format shows them), header rows
 * high enough for their wrapped lines, the page set up so the sheet prints on one page
 * when it can.
 *
 * Widths are in the plan's unit, characters of the default font (Calibri 11: 7 px).
 * At 10 pt a CJK character takes about 2 of them and a digit or Latin letter about 1.1
 * (LibreOffice's substitute fonts, DejaVu Sans and WenQuanYi, are a little wider than
 * 宋体 and Calibri, so the estimate errs on the wide side).
 */

/** A character that takes a full (double) width: CJK, fullwidth forms, CJK punctuation. */
export function isWide(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000;
}

const NARROW = 1.1;
const WIDE = 2;
/** space a cell keeps free beside its text (both sides together) */
const PAD = 1.4;

/** The width of `text` on one line, in width units, at `size` points. */
export function textUnits(text: string, size = 10, bold = false): number {
  let u = 0;
  for (const ch of text) u += isWide(ch) ? WIDE : ch === ' ' ? 0.6 : NARROW;
  return u * (size / 10) * (bold ? 1.08 : 1);
}

/** Closing marks a line may not start with, opening marks it may not end with (the usual CJK line-break rules). */
const NO_START = new Set([...')）]】」』%％、，。：；！？,.:;!?']);
const NO_END = new Set([...'(（[【「『']);

/**
 * Pieces a line may not break inside: a CJK character alone, a run of other characters,
 * a space; a closing mark stays with what precedes it and an opening mark with what follows.
 */
function tokens(line: string): string[] {
  const raw: string[] = [];
  let run = '';
  for (const ch of line) {
    if (isWide(ch) || ch === ' ') {
      if (run) raw.push(run);
      run = '';
      raw.push(ch);
    } else run += ch;
  }
  if (run) raw.push(run);
  const out: string[] = [];
  for (const tok of raw) {
    const prev = out[out.length - 1];
    if (prev !== undefined && prev !== ' ' && tok !== ' ' && (NO_START.has(tok[0]) || NO_END.has(prev[prev.length - 1]))) out[out.length - 1] = prev + tok;
    else out.push(tok);
  }
  return out;
}

/** How many lines `text` takes when wrapped in a cell `width` units wide (greedy, as the programs break). */
export function lineCount(text: string, width: number, size = 10, bold = false): number {
  const room = Math.max(1, width - PAD);
  let lines = 0;
  for (const para of text.split('\n')) {
    lines++;
    let used = 0;
    for (const tok of tokens(para)) {
      const w = textUnits(tok, size, bold);
      if (tok === ' ') {
        if (used > 0) used += w;
        continue;
      }
      if (used > 0 && used + w > room) {
        lines++;
        used = 0;
      }
      // a token wider than the cell is cut into as many lines as it needs
      if (w > room) {
        lines += Math.ceil(w / room) - 1;
        used = w % room;
      } else used += w;
    }
  }
  return lines;
}

/** The narrowest width at which `text` wraps into at most `lines` lines. */
export function widthFor(text: string, lines: number, size = 10, bold = false): number {
  const one = textUnits(text, size, bold) + PAD;
  if (lines <= 1) return one;
  let lo = Math.max(PAD + 1, one / lines);
  while (lo < one && lineCount(text, lo, size, bold) > lines) lo += 0.5;
  return Math.min(lo, one);
}

/** The sections of a number format (positive;negative;zero), split outside quoted literals. */
function sections(format: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of format) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** A section of a format as a template: the literal text before and after the digits, and how the digits are written. */
interface Template {
  before: string;
  after: string;
  /** null: the section writes no digits */
  decimals: number | null;
  comma: boolean;
}

/** The literal text of a piece of a format section: quoted text, _x as a space, \x as x, colours dropped. */
function literal(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      out += body.slice(i + 1, end < 0 ? body.length : end);
      i = end < 0 ? body.length : end + 1;
    } else if (ch === '_' || ch === '\\') {
      out += ch === '_' ? ' ' : (body[i + 1] ?? '');
      i += 2;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function template(code: string): Template {
  const body = code.replace(/\[[^\]]*\]/g, '');
  // where the digits go, found outside the quoted literals
  const digits = /[0#][0#,]*(\.[0#]+)?/.exec(body.replace(/"[^"]*"/g, (q) => 'x'.repeat(q.length)));
  if (!digits) return { before: literal(body), after: '', decimals: null, comma: false };
  return {
    before: literal(body.slice(0, digits.index)),
    after: literal(body.slice(digits.index + digits[0].length)),
    decimals: digits[1] ? digits[1].length - 1 : 0,
    comma: digits[0].includes(','),
  };
}

/** Parsed formats: a summary applies a handful of formats to hundreds of thousands of cells. */
const FORMATS = new Map<string, { templates: Template[]; count: number }>();

function parsed(format: string): { templates: Template[]; count: number } {
  let p = FORMATS.get(format);
  if (!p) {
    const parts = sections(format);
    p = { templates: parts.map(template), count: parts.length };
    if (FORMATS.size > 256) FORMATS.clear();
    FORMATS.set(format, p);
  }
  return p;
}

/** The text a number shows under an Excel number format (the subset the summaries use: 0, 0.0, #,##0, literals, colours). */
export function shownText(value: PlanValue, format: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (!format || format === 'General') return String(Number(value.toPrecision(10)));
  const { templates, count } = parsed(format);
  // the section that applies (positive;negative;zero), and whether it writes the sign itself
  const k = value < 0 && count > 1 ? 1 : value === 0 && count > 2 ? 2 : 0;
  const t = templates[k];
  const n = k > 0 ? Math.abs(value) : value;
  if (t.decimals === null) return t.before;
  let num = n.toFixed(t.decimals);
  if (t.comma) num = num.replace(/^(-?\d+)/, (i) => i.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  return t.before + num + t.after;
}

/** The style each cell ends up with (later formats win, property by property), as an accessor. `only`: the rows wanted. */
function effectiveStyles(plan: SheetPlan, rows: number, cols: number, only?: ReadonlySet<number>): (r: number, c: number) => CellStyle {
  const { styles, ids } = cellStyleIds(plan.formats, rows, cols, only);
  return (r, c) => (r < rows && c < cols ? styles[ids[r * cols + c]] : styles[0]);
}

/** A CJK header and its trailing unit in parentheses (绝对额 + (亿元), 增速 + (%)), or null. */
export function unitSplit(text: string): [string, string] | null {
  const m = /^([^\n]*[\u2e80-\u9fff])\s*([(（][^()（）\n]*[)）])$/.exec(text);
  return m ? [m[1], m[2]] : null;
}

/** Line height in points for text of `size` points (with the spacing the programs add). */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.35);
}

export interface FitOptions {
  /** rows to size from: headers and body (0-based, inclusive); titles and footnotes are left out */
  top: number;
  bottom: number;
  /** rows that are headers: their text wraps, and their heights are set here */
  headerRows: number[];
  /** the least width of each column */
  min: number[];
  /** the most lines a header cell one row high may take (default 2; 3 for a long text) */
  headerLines?: (text: string) => number;
}

/** Column widths that show every cell's text uncut, and header row heights for the wrapped headers. */
export function fitColumns(plan: SheetPlan, o: FitOptions): void {
  const cols = Math.max(o.min.length, ...plan.cells.map((r) => r.length));
  const rows = plan.cells.length;
  const styleAt = effectiveStyles(plan, rows, cols);
  const widths = Array.from({ length: cols }, (_, c) => o.min[c] ?? 8);
  // cells by number (row × columns + column): a string per cell of a big sheet costs more than its measuring
  const at = (r: number, c: number): number => r * cols + c;
  const mergeAt = new Map<number, Rect>();
  for (const m of plan.merges) mergeAt.set(at(m.top, m.left), m);
  const covered = new Set<number>();
  for (const m of plan.merges) for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(at(r, c));
  const headers = new Set(o.headerRows);
  const maxLines = o.headerLines ?? ((t: string) => (textUnits(t) > 18 ? 3 : 2));
  const wide: { m: Rect; need: number; one: number }[] = [];
  const texts: { r: number; c: number; m: Rect | null; text: string; size: number; bold: boolean; wrap: boolean }[] = [];
  const units: { r: number; c: number; size: number; bold: boolean; unit: [string, string] }[] = [];

  for (let r = o.top; r <= Math.min(o.bottom, rows - 1); r++) {
    plan.cells[r].forEach((cell, c) => {
      if (!cell || covered.has(at(r, c))) return;
      const st = styleAt(r, c);
      const text = shownText(cell.value, st.numberFormat);
      if (!text) return;
      const size = st.size ?? 10;
      const bold = !!st.bold;
      const m = mergeAt.get(at(r, c)) ?? null;
      // a linked cell does not wrap in LibreOffice: it needs its width on one line
      const wrap = !!st.wrap && !cell.link;
      // kept for the header heights below (body rows need only their widths)
      if (headers.has(r)) texts.push({ r, c, m, text, size, bold, wrap });
      if (m && m.right > m.left) {
        const lines = wrap ? (m.bottom > m.top ? m.bottom - m.top + 2 : maxLines(text)) : 1;
        wide.push({ m, need: widthFor(text, lines, size, bold), one: widthFor(text, 1, size, bold) });
        return;
      }
      const lines = !wrap ? 1 : m && m.bottom > m.top ? 2 * (m.bottom - m.top + 1) : headers.has(r) ? maxLines(text) : 1;
      const unit = headers.has(r) && wrap && (!m || m.left === m.right) ? unitSplit(text) : null;
      // 绝对额(亿元): the name and the unit each on a line of its own when they do not fit on one
      widths[c] = Math.max(widths[c], unit ? Math.min(widthFor(text, 1, size, bold), Math.max(widthFor(unit[0], lines - 1, size, bold), widthFor(unit[1], 1, size, bold))) : widthFor(text, lines, size, bold));
      if (unit) units.push({ r, c, size, bold, unit });
    });
  }
  // merged cells across columns: widen their columns evenly when the columns are too narrow together
  for (const { m, one, need: least } of wide) {
    const span = widths.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0);
    // one line when that takes little more room than the columns have
    const need = one <= span * 1.25 ? one : least;
    if (span < need) for (let c = m.left; c <= m.right; c++) widths[c] += (need - span) / (m.right - m.left + 1);
  }
  plan.columns = widths.map((w) => Math.ceil(w * 2) / 2);
  // a break of our own before the unit: the programs' own breaks differ with their fonts,
  // and may leave the closing parenthesis alone on a line (绝对额(亿元 / ))
  for (const u of units) {
    const cell = plan.cells[u.r][u.c] as PlanCell;
    if (lineCount(String(cell.value), plan.columns[u.c], u.size, u.bold) > 1) {
      cell.value = `${u.unit[0]}\n${u.unit[1]}`;
      const t = texts.find((x) => x.r === u.r && x.c === u.c);
      if (t) t.text = String(cell.value);
    }
  }

  // header heights: each header row as high as its tallest single-row cell; a cell over rows adds to its last row
  const heights = new Map<number, number>();
  for (const t of texts) {
    if (!headers.has(t.r)) continue;
    const width = t.m ? plan.columns.slice(t.m.left, t.m.right + 1).reduce((a, b) => a + b, 0) : plan.columns[t.c];
    const lines = t.wrap ? lineCount(t.text, width, t.size, t.bold) : 1;
    const need = lines * lineHeight(t.size) + 6;
    if (!t.m || t.m.bottom === t.m.top) heights.set(t.r, Math.max(heights.get(t.r) ?? 0, need));
  }
  for (const t of texts) {
    if (!headers.has(t.r) || !t.m || t.m.bottom === t.m.top) continue;
    const width = plan.columns.slice(t.m.left, t.m.right + 1).reduce((a, b) => a + b, 0);
    const need = lineCount(t.text, width, t.size, t.bold) * lineHeight(t.size) + 6;
    let have = 0;
    for (let r = t.m.top; r <= t.m.bottom; r++) have += heights.get(r) ?? DEFAULT_ROW;
    if (have < need) heights.set(t.m.bottom, (heights.get(t.m.bottom) ?? DEFAULT_ROW) + need - have);
  }
  plan.rowHeights = plan.rowHeights.filter((h) => !heights.has(h.row));
  for (const [row, height] of [...heights].sort((a, b) => a[0] - b[0])) plan.rowHeights.push({ row, height });
}

/**
 * Heights for rows of wrapped text across merged cells (the title, the footnotes): as many
 * lines as the text takes in the merged width, never lower than the row's height now.
 */
export function fitRows(plan: SheetPlan, rows: number[]): void {
  const rowSet = new Set(rows);
  const styleAt = effectiveStyles(plan, plan.cells.length, Math.max(plan.columns.length, ...rows.map((r) => plan.cells[r]?.length ?? 0)), rowSet);
  for (const r of rowSet) {
    const line = plan.cells[r] ?? [];
    let need = 0;
    line.forEach((cell, c) => {
      if (!cell) return;
      const st = styleAt(r, c);
      const text = shownText(cell.value, st.numberFormat);
      if (!text) return;
      const m = plan.merges.find((x) => x.top === r && x.left === c);
      const width = plan.columns.slice(c, (m?.right ?? c) + 1).reduce((a, b) => a + b, 0);
      const size = st.size ?? 10;
      const lines = st.wrap ? lineCount(text, width, size, !!st.bold) : 1;
      need = Math.max(need, lines * lineHeight(size) + 4);
    });
    if (!need) continue;
    const own = plan.rowHeights.find((h) => h.row === r);
    if (own) own.height = Math.max(own.height, need);
    else plan.rowHeights.push({ row: r, height: need });
  }
}

/** Height of a row with no height of its own (10 pt text). */
export const DEFAULT_ROW = 15;

/** A column `width` units wide, in points. */
export function columnPoints(width: number): number {
  return (width * 7 + 5) * 0.75;
}

const A4 = { w: 595, h: 842 };

/**
 * Page setup from the sheet's size: the orientation that prints it largest, on one
 * page when it fits there at a readable scale (at least `least`, or nearly the scale its
 * width needs anyway), else one page wide and as many tall as needed (the header rows
 * repeat). Call it when every row, footnotes included, is in.
 */
export function fitPage(plan: SheetPlan, least = 0.6): void {
  const p = plan.print;
  const width = plan.columns.reduce((a, w) => a + columnPoints(w), 0);
  const own = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  let height = 0;
  for (let r = 0; r < plan.cells.length; r++) height += own.get(r) ?? DEFAULT_ROW;
  const m = p.margins;
  const room = (o: 'landscape' | 'portrait') => {
    const [w, h] = o === 'landscape' ? [A4.h, A4.w] : [A4.w, A4.h];
    return { w: w - (m.left + m.right) * 72, h: h - (m.top + m.bottom) * 72 };
  };
  const scale = (o: 'landscape' | 'portrait') => Math.min(1, room(o).w / width, room(o).h / height);
  const portrait = scale('portrait');
  const landscape = scale('landscape');
  const best = Math.max(portrait, landscape);
  // the scale one page wide already asks for (a wide table): one page tall costs little below it
  const wideScale = Math.min(1, room('landscape').w / width);
  if (best >= Math.min(least, 0.9 * wideScale)) {
    // as large as possible; portrait when both print at full size
    p.orientation = portrait >= landscape ? 'portrait' : 'landscape';
    p.fitToHeight = 1;
  } else {
    p.orientation = width > room('portrait').w ? 'landscape' : 'portrait';
    p.fitToHeight = 0;
  }
  p.fitToWidth = 1;
}
