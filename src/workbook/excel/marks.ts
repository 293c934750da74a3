/// <reference types="office-js" />
import type { Grid } from '../../core/grid';
import type { CellMark, CellNow, MarkRecord, NoteKind } from '../../core/marks';
import { MARKS_SHEET, markRows, readMarkRecords, recordOf, restoreOf } from '../../core/marks';
import { quoteSheet } from '../../core/summary';
import { Batch } from './batch';
import { OP_BYTES, jsonBytes } from './blocks';
import type { Capabilities } from './capabilities';
import { ExcelAdapterError } from './errors';
import type { MarkResult, Notice, UnmarkResult } from '../WorkbookPort';
import { pushNotice } from './notices';
import { toCell } from './read';

export type { MarkResult, UnmarkResult } from '../WorkbookPort';

/**
 * Marks on the user's own cells: a fill and a note per finding, recorded in a very
 * hidden sheet with what each cell had before, so that unmarking restores exactly
 * that. These are the only writes the add-in makes to the user's sheets.
 */

type NoteProxy = Excel.Note | Excel.Comment;

interface Probe {
  sheet: string;
  cell: string;
  fill: Excel.RangeFill;
  /** the cell's note or comment: an OrNullObject proxy (notes) or an item of the comments (null: none) */
  note: NoteProxy | null;
}

/** Whether a probed note exists (a comment found by location always does). */
function exists(note: NoteProxy | null): note is NoteProxy {
  return note !== null && !(note as Excel.Note).isNullObject;
}

const cellKey = (sheet: string, cell: string) => `${sheet.toLowerCase()}\u0000${cell.toUpperCase()}`;

/**
 * Threaded comments by cell. The API has no null-safe lookup by cell, so the comments
 * are listed and located (two syncs, only on Excel without notes and only when the
 * workbook has comments).
 */
export async function commentsByCell(context: Excel.RequestContext): Promise<Map<string, Excel.Comment>> {
  const comments = context.workbook.comments;
  comments.load('items/content');
  await context.sync();
  const located = comments.items.map((c) => {
    const where = c.getLocation();
    where.load('address');
    return { c, where };
  });
  const out = new Map<string, Excel.Comment>();
  if (!located.length) return out;
  await context.sync();
  for (const { c, where } of located) {
    const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]+)\$?(\d+)/.exec(where.address);
    if (!m) continue;
    const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    out.set(cellKey(sheet, `${m[3]}${m[4]}`), c);
  }
  return out;
}

function noteKind(caps: Capabilities): NoteKind {
  return caps.notes ? 'note' : caps.comments ? 'comment' : 'none';
}

/** Queue reads of a cell's fill and note. */
function probe(ws: Excel.Worksheet, sheet: string, cell: string, caps: Capabilities, kind: NoteKind, comments: Map<string, Excel.Comment>): Probe {
  const fill = ws.getRange(cell).format.fill;
  fill.load(caps.fillPattern ? 'color,pattern' : 'color');
  let note: NoteProxy | null = null;
  if (kind === 'note') {
    note = ws.notes.getItemOrNullObject(cell);
    note.load('content');
  } else if (kind === 'comment') {
    note = comments.get(cellKey(sheet, cell)) ?? null;
  }
  return { sheet, cell, fill, note };
}

function nowOf(p: Probe, caps: Capabilities): CellNow {
  const color = p.fill.color;
  // Excel reports "no fill" as white; the pattern (1.9) tells them apart.
  const none = caps.fillPattern ? p.fill.pattern === 'None' : !color || color.toUpperCase() === '#FFFFFF';
  return {
    fill: none || !color ? null : color.toUpperCase(),
    note: exists(p.note) ? p.note.content : null,
  };
}

/** Open the named sheets as null-safe proxies with their protection loaded. */
function sheetsOf(context: Excel.RequestContext, names: Iterable<string>): Map<string, Excel.Worksheet> {
  const out = new Map<string, Excel.Worksheet>();
  for (const name of names) {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.protection.load('protected');
    out.set(name, ws);
  }
  return out;
}

/** Address lists for getRanges, each short enough for one call. */
function addressLists(cells: string[], max = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of cells) {
    if (cur && cur.length + c.length + 1 > max) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

/** Set (or clear) the fill of many cells of a sheet, in as few calls as the API set allows. */
async function fillCells(batch: Batch, ws: Excel.Worksheet, cells: string[], color: string | null, caps: Capabilities): Promise<void> {
  if (caps.rangeAreas) {
    for (const list of addressLists(cells)) {
      const fill = ws.getRanges(list).format.fill;
      if (color === null) fill.clear();
      else fill.color = color;
      await batch.room(2 * OP_BYTES + list.length);
    }
    return;
  }
  for (const cell of cells) {
    const fill = ws.getRange(cell).format.fill;
    if (color === null) fill.clear();
    else fill.color = color;
    await batch.ops(2);
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/** The records left by the last marking, or null when there is no marks sheet. */
export async function readRecords(context: Excel.RequestContext): Promise<MarkRecord[] | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,valueTypes,rowIndex,columnIndex,rowCount,columnCount');
  await context.sync();
  if (ws.isNullObject) return null;
  if (used.isNullObject) return [];
  const rows: Grid['rows'][number][] = [];
  for (let r = 0; r < used.rowCount; r++) {
    rows[used.rowIndex + r] = used.values[r].map((v, c) => toCell(v as string, used.valueTypes[r][c], 'General', undefined));
  }
  const grid: Grid = { name: MARKS_SHEET, rows, merges: [], rowCount: used.rowIndex + used.rowCount, colCount: used.columnIndex + used.columnCount };
  return readMarkRecords(grid);
}


/** Mark cells; earlier marks must have been removed (see ExcelWorkbook.mark). */
export async function markCells(
  context: Excel.RequestContext,
  marks: CellMark[],
  caps: Capabilities,
  notices: Notice[],
  budget?: number,
): Promise<MarkResult> {
  const kind = noteKind(caps);
  const comments = kind === 'comment' && marks.some((m) => m.note) ? await commentsByCell(context) : new Map<string, Excel.Comment>();
  const sheets = sheetsOf(context, new Set(marks.map((m) => m.sheet)));
  const probes = marks.map((m) => probe(sheets.get(m.sheet) as Excel.Worksheet, m.sheet, m.cell, caps, kind, comments));
  const structure = context.workbook.protection;
  structure.load('protected');
  await context.sync();
  for (const [name, ws] of sheets) {
    if (ws.isNullObject) throw new ExcelAdapterError('sheet-gone', { sheet: name });
    if (ws.protection.protected) throw new ExcelAdapterError('protected-sheet', { sheet: name });
  }
  if (structure.protected) throw new ExcelAdapterError('protected-workbook');
  if (kind === 'comment' && marks.some((m) => m.note)) pushNotice(notices, { key: 'mark.comments', params: {} });
  if (kind === 'none' && marks.some((m) => m.note)) pushNotice(notices, { key: 'mark.no-notes', params: {} });

  const records = marks.map((m, i) => recordOf(m, nowOf(probes[i], caps), kind));
  const batch = new Batch(context, caps, budget, true);
  for (const [key, group] of groupBy(records, (r) => `${r.sheet}\u0000${r.fill}`)) {
    const sheet = key.split('\u0000')[0];
    await fillCells(batch, sheets.get(sheet) as Excel.Worksheet, group.map((r) => r.cell), group[0].fill, caps);
  }
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.noteKind === 'none') continue;
    const existing = probes[i].note;
    if (exists(existing)) existing.content = r.note;
    else if (r.noteKind === 'note') (sheets.get(r.sheet) as Excel.Worksheet).notes.add(r.cell, r.note);
    else context.workbook.comments.add(`${quoteSheet(r.sheet)}!${r.cell}`, r.note);
    await batch.room(OP_BYTES + jsonBytes(r.note));
  }

  // The record of what changed, in the add-in's very hidden sheet.
  const book = context.workbook.worksheets.add(MARKS_SHEET);
  // Text format first, then the strings as they are: a record stays text even when it looks like a number, a date or a formula.
  const rows = markRows(records);
  const width = rows[0].length;
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || bytes + jsonBytes(rows[end]) <= batch.blockBudget)) bytes += jsonBytes(rows[end++]);
    await batch.room(bytes + OP_BYTES);
    const target = book.getRangeByIndexes(start, 0, end - start, width);
    target.numberFormat = '@' as unknown as string[][];
    target.values = rows.slice(start, end);
    start = end;
  }
  book.visibility = 'VeryHidden';
  await batch.finish();
  return { cells: records.length, sheets: sheets.size, syncs: 1 + batch.syncs };
}


/** Take the marks off again, restoring fills and notes that are still the marks'. */
export async function unmarkCells(
  context: Excel.RequestContext,
  caps: Capabilities,
  budget?: number,
  /** the records, when the caller has already read them */
  known?: MarkRecord[] | null,
): Promise<UnmarkResult> {
  const records = known !== undefined ? known : await readRecords(context);
  let syncs = known !== undefined ? 0 : 1;
  if (records === null) return { cells: 0, kept: 0, gone: [], syncs };
  const comments = records.some((r) => r.noteKind === 'comment') ? await commentsByCell(context) : new Map<string, Excel.Comment>();
  const sheets = sheetsOf(context, new Set(records.map((r) => r.sheet)));
  const probes = records.map((r) => probe(sheets.get(r.sheet) as Excel.Worksheet, r.sheet, r.cell, caps, r.noteKind, comments));
  const structure = context.workbook.protection;
  structure.load('protected');
  await context.sync();
  syncs++;
  const gone = [...sheets].filter(([, ws]) => ws.isNullObject).map(([name]) => name);
  for (const [name, ws] of sheets) if (!ws.isNullObject && ws.protection.protected) throw new ExcelAdapterError('protected-sheet', { sheet: name });
  if (structure.protected) throw new ExcelAdapterError('protected-workbook');

  const batch = new Batch(context, caps, budget, true);
  const goneSet = new Set(gone);
  const fills: { sheet: string; cell: string; to: string | null }[] = [];
  let kept = 0;
  let cells = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (goneSet.has(r.sheet)) continue;
    cells++;
    const p = probes[i];
    const what = restoreOf(r, nowOf(p, caps));
    if (what.fill === 'keep' || (r.noteKind !== 'none' && what.note === 'keep')) kept++;
    if (what.fill !== 'keep') fills.push({ sheet: r.sheet, cell: r.cell, to: what.fill.to });
    if (exists(p.note) && what.note !== 'keep') {
      if (what.note === 'delete') p.note.delete();
      else p.note.content = what.note.to;
      await batch.ops();
    }
  }
  for (const [key, group] of groupBy(fills, (f) => `${f.sheet}\u0000${f.to ?? ''}`)) {
    const sheet = key.split('\u0000')[0];
    await fillCells(batch, sheets.get(sheet) as Excel.Worksheet, group.map((f) => f.cell), group[0].to, caps);
  }
  context.workbook.worksheets.getItem(MARKS_SHEET).delete();
  await batch.finish();
  syncs += batch.syncs;
  return { cells, kept, gone, syncs };
}
