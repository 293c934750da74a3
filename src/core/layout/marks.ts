import { rangeAddress } from '../grid';
import type { Doubt, IndicatorTable, MarkNote } from './Layout.types';
import { displayName, regionKey } from './regions';
import { halfWidth } from './text';

/**
 * Footnote marks glued to labels, headers and titles ("Astana city2)", "20232)",
 * "9 months of 2019**", "Gross regional product1)", "地区生产总值①", "GDP¹"): the
 * mark is not part of the name; it points to a footnote under the table.
 */
const TRAILING_MARK = /(?:(?<=[^\s\d(（])|(?<=(?:19|20)\d{2}))\s?(\d{1,2}[)）])$|(\*{1,3}|[①-⑳]+|[¹²³⁴-⁹]+)$/u;

export interface Marked {
  /** the text without its marks */
  text: string;
  /** the marks as written, in reading order ("1)", "**", "①") */
  marks: string[];
}

/** An unmatched closing parenthesis: "city2)" has none open, "城镇(1)" has one. */
function opensParen(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  return depth > 0;
}

/** Split the footnote marks off the end of a label. A label that would be left empty keeps its text. */
export function splitMarks(raw: string): Marked {
  const marks: string[] = [];
  let s = raw.replace(/\s+$/, '');
  for (;;) {
    const m = TRAILING_MARK.exec(s);
    if (!m) break;
    const mark = m[1] ?? m[2];
    const rest = s.slice(0, m.index).replace(/\s+$/, '');
    if (!/\S/.test(rest)) break;
    if (m[1] && opensParen(rest)) break;
    marks.unshift(halfWidth(mark).replace('）', ')'));
    s = rest;
  }
  return marks.length ? { text: s, marks } : { text: raw, marks };
}

/** The footnote a mark points to: the note that starts with the mark ("1) 1990-1992 -mln. rubles", "** preliminary"). */
export function noteFor(mark: string, notes: string[]): string | null {
  const m = halfWidth(mark);
  for (const n of notes) {
    const s = halfWidth(n).trim();
    if (s.startsWith(m) && !(m === '*' && s.startsWith('**')) && !(m === '**' && s.startsWith('***'))) return n;
    // "注：1) …", "Note 1) …"
    if (/^(?:注|notes?)\s*[:：.]?\s*/i.test(s) && s.replace(/^(?:注|notes?)\s*[:：.]?\s*/i, '').startsWith(m)) return n;
  }
  return null;
}

/** Words naming a currency or a scale in a footnote ("mln. rubles", "万元"), to tell that a unit differs. */
const UNIT_WORDS = /(?:mln\.?|million|thousand|billion|bn\.?)?\s*(?:rubles?|roubles?|tenge|yuan|pesos?|dollars?|usd|euros?)|[万亿千百]?元|万美元/i;

/**
 * Does the note state a unit other than `unit` ("1) 1990-1992 -mln. rubles" under a table
 * in mln.tenge)? Then the columns it marks are in another unit.
 */
export function noteNamesOtherUnit(note: string, unit: string | null): boolean {
  const m = UNIT_WORDS.exec(note);
  if (!m) return false;
  const norm = (x: string): string => x.toLowerCase().replace(/[\s.]/g, '').replace(/million/, 'mln').replace(/roubles?|rubles?/, 'ruble').replace(/s$/, '');
  return !unit || norm(m[0]) !== norm(unit);
}

/** Header texts of one column without their marks, and the marks found (in order, once each). */
export function stripHeaderMarks(texts: string[]): { texts: string[]; marks: string[] } {
  const marks: string[] = [];
  const out = texts.map((t) => {
    const m = splitMarks(t);
    for (const k of m.marks) if (!marks.includes(k)) marks.push(k);
    return m.text;
  });
  return { texts: out, marks };
}

/** Rows whose label carries a mark get the name and key of the label without it. */
export function unmarkRows(rows: { label: string; name: string; key: string; notes?: MarkNote[] }[]): void {
  for (const r of rows) {
    const m = splitMarks(r.label);
    if (!m.marks.length) continue;
    r.name = displayName(m.text);
    r.key = regionKey(m.text);
    r.notes = m.marks.map((mark) => ({ mark, note: null }));
  }
}

function resolve(list: MarkNote[] | undefined, footnotes: string[]): void {
  for (const n of list ?? []) n.note = noteFor(n.mark, footnotes);
}

/**
 * Point every mark of the table (title, headers, labels) at its footnote, and say where a
 * footnote puts figures in another unit than the table's: those columns get `otherUnit`
 * and a doubt, so they are neither read as the table's unit silently nor compared with the others.
 */
export function attachNotes(table: IndicatorTable, titleMarks: string[], columnMarks: Map<number, string[]>): void {
  const doubts: Doubt[] = [];
  if (titleMarks.length) {
    table.notes = titleMarks.map((mark) => ({ mark, note: null }));
    resolve(table.notes, table.footnotes);
  }
  const runs: { first: number; last: number; text: string }[] = [];
  for (const c of table.columns) {
    const marks = columnMarks.get(c.col);
    if (!marks?.length) continue;
    c.notes = marks.map((mark) => ({ mark, note: null }));
    resolve(c.notes, table.footnotes);
    for (const n of c.notes) {
      if (n.note && (c.measure === 'value' || c.measure === 'prior') && noteNamesOtherUnit(n.note, c.unit ?? table.unit)) {
        c.otherUnit = n.note;
        // Neighbouring columns under one note make one doubt (B3:D20).
        const last = runs[runs.length - 1];
        if (last && last.text === n.note && last.last === c.col - 1) last.last = c.col;
        else runs.push({ first: c.col, last: c.col, text: n.note });
      }
    }
  }
  for (const r of runs) doubts.push({ kind: 'unit', cell: rangeAddress(table.top, r.first, table.bottom, r.last), text: r.text });
  for (const r of table.rows) resolve(r.notes, table.footnotes);
  if (doubts.length) table.doubts = [...(table.doubts ?? []), ...doubts];
}
