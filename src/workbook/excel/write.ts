/// <reference types="office-js" />
import { address } from '../../core/grid';
import { quoteSheet } from '../../core/summary';
import type { CellStyle, HighlightRule, PlanMode, PrintSettings, Rect, SheetPlan, WorkbookPlan } from '../../core/summary/Plan.types';
import { Batch } from './batch';
import { OP_BYTES, jsonBytes } from './blocks';
import type { Capabilities } from './capabilities';
import { toExcelInput } from './cellInput';
import { ExcelAdapterError } from './errors';
import type { Notice } from './notices';
import { pushNotice } from './notices';

/**
 * Writing a WorkbookPlan through Office.js: one sync to look at the workbook, then
 * every sheet queued into as few requests as the 5 MB limit allows. Values go in row
 * blocks; formats, merges, conditional formats, widths and print settings go per
 * range of the plan (their number grows with columns and rules, never with cells).
 */

/** a block smaller than this is not worth squeezing into the end of a request */
const MIN_BLOCK_BYTES = 256 * 1024;

/** Excel's column width in characters of the default font as points (7 px digits, 5 px padding, as Excel stores widths). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return px * 0.75;
}

function range(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;
type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';
const EDGES: readonly Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

/** Set a style on a range; returns the number of operations queued. */
export function applyStyle(target: Excel.Range, s: CellStyle, rows: number, cols: number): number {
  let n = 0;
  const f = target.format;
  const set = <T>(v: T | undefined, apply: (v: T) => void) => {
    if (v === undefined) return;
    apply(v);
    n++;
  };
  set(s.bold, (v) => (f.font.bold = v));
  set(s.italic, (v) => (f.font.italic = v));
  set(s.underline, (v) => (f.font.underline = v ? 'Single' : 'None'));
  set(s.size, (v) => (f.font.size = v));
  set(s.font, (v) => (f.font.name = v));
  set(s.color, (v) => (f.font.color = v));
  set(s.fill, (v) => (f.fill.color = v));
  set(s.hAlign, (v) => (f.horizontalAlignment = H_ALIGN[v]));
  set(s.vAlign, (v) => (f.verticalAlignment = V_ALIGN[v]));
  set(s.wrap, (v) => (f.wrapText = v));
  if (s.border) {
    const edges: Edge[] = [...EDGES];
    if (rows > 1) edges.push('InsideHorizontal');
    if (cols > 1) edges.push('InsideVertical');
    for (const e of edges) {
      const b = f.borders.getItem(e);
      b.style = 'Continuous';
      b.weight = 'Thin';
      n += 2;
    }
  }
  // A single value applies to every cell of the range (no array the size of the range).
  set(s.numberFormat, (v) => (target.numberFormat = v as unknown as string[][]));
  return n;
}

function applyHighlight(ws: Excel.Worksheet, h: HighlightRule, priority: number): number {
  const cf = range(ws, h.range).conditionalFormats.add('Custom');
  cf.custom.rule.formula = h.formula.startsWith('=') ? h.formula : `=${h.formula}`;
  const f = cf.custom.format;
  let n = 4;
  const set = <T>(v: T | undefined, apply: (v: T) => void) => {
    if (v === undefined) return;
    apply(v);
    n++;
  };
  set(h.style.bold, (v) => (f.font.bold = v));
  set(h.style.italic, (v) => (f.font.italic = v));
  set(h.style.underline, (v) => (f.font.underline = v ? 'Single' : 'None'));
  set(h.style.color, (v) => (f.font.color = v));
  set(h.style.fill, (v) => (f.fill.color = v));
  set(h.style.numberFormat, (v) => (f.numberFormat = v));
  // A new rule goes on top; the plan lists rules by priority, so each takes its place.
  cf.priority = priority;
  cf.stopIfTrue = false;
  return n;
}

function applyPrint(ws: Excel.Worksheet, p: PrintSettings): number {
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  pl.paperSize = p.paper;
  // 0 pages tall = as many as needed, as in the file format (fitToHeight="0").
  pl.zoom = { horizontalFitToPages: p.fitToWidth, verticalFitToPages: p.fitToHeight };
  const pt = (inches: number) => Math.round(inches * 72 * 100) / 100;
  pl.leftMargin = pt(p.margins.left);
  pl.rightMargin = pt(p.margins.right);
  pl.topMargin = pt(p.margins.top);
  pl.bottomMargin = pt(p.margins.bottom);
  pl.headerMargin = pt(p.margins.header);
  pl.footerMargin = pt(p.margins.footer);
  pl.centerHorizontally = p.centerHorizontally;
  let n = 10;
  if (p.titleRows) {
    pl.setPrintTitleRows(`$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
    n++;
  }
  // Text without a section code is centred, as in the file format.
  if (p.footer) {
    pl.headersFooters.defaultForAllPages.centerFooter = p.footer;
    n++;
  }
  return n;
}

/** A cell's content as written: the formula in formulas mode, else the value as Excel input. */
function inputOf(pc: SheetPlan['cells'][number][number], mode: PlanMode): string | number | boolean {
  if (!pc) return '';
  if (mode === 'formulas' && pc.formula) return pc.formula.startsWith('=') ? pc.formula : `=${pc.formula}`;
  return toExcelInput(pc.value);
}

export interface WriteStats {
  syncs: number;
  cells: number;
}

/** Queue one sheet plan onto a new worksheet. */
export async function writeSheet(batch: Batch, ws: Excel.Worksheet, sheet: SheetPlan, mode: PlanMode, caps: Capabilities, notices: Notice[]): Promise<number> {
  const rowsOf = (r: Rect) => r.bottom - r.top + 1;
  const colsOf = (r: Rect) => r.right - r.left + 1;

  // Merges and formats first: values then land in cells that already have their number format.
  for (const m of sheet.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    range(ws, m).merge(false);
    await batch.ops(2);
  }
  for (const f of sheet.formats) {
    const n = applyStyle(range(ws, f.range), f.style, rowsOf(f.range), colsOf(f.range));
    await batch.ops(n + 1);
  }

  // Values (or formulas) in row blocks, each one rectangle from column A.
  const width = sheet.cells.reduce((w, row) => Math.max(w, row?.length ?? 0), 0);
  let cells = 0;
  if (width > 0) {
    const useFormulas = mode === 'formulas' && sheet.cells.some((row) => row?.some((pc) => pc?.formula));
    let block: (string | number | boolean)[][] = [];
    let blockTop = 0;
    let blockBytes = 0;
    // A block fills what is left of the current request when that is worth it, so requests go out full.
    let limit = batch.blockBudget;
    const emit = async () => {
      if (!block.length) return;
      await batch.room(blockBytes + OP_BYTES);
      const target = ws.getRangeByIndexes(blockTop, 0, block.length, width);
      if (useFormulas) target.formulas = block;
      else target.values = block;
      cells += block.length * width;
      block = [];
      blockBytes = 0;
    };
    for (let r = 0; r < sheet.cells.length; r++) {
      const planRow = sheet.cells[r] ?? [];
      const row: (string | number | boolean)[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = inputOf(planRow[c] ?? null, mode);
      const bytes = jsonBytes(row);
      if (block.length && blockBytes + bytes > limit) await emit();
      if (!block.length) {
        blockTop = r;
        const left = batch.remaining - 2 * OP_BYTES;
        limit = left >= MIN_BLOCK_BYTES ? Math.min(batch.blockBudget, left) : batch.blockBudget;
      }
      block.push(row);
      blockBytes += bytes;
    }
    await emit();
  }

  // Links and notes go cell by cell: there is no block form for them in Office.js.
  let noteMissing = false;
  for (let r = 0; r < sheet.cells.length; r++) {
    const planRow = sheet.cells[r];
    if (!planRow) continue;
    for (let c = 0; c < planRow.length; c++) {
      const pc = planRow[c];
      if (!pc) continue;
      const hasFormula = mode === 'formulas' && !!pc.formula;
      if (pc.link && !hasFormula && pc.value !== null && pc.value !== '') {
        const documentReference = `${quoteSheet(pc.link.sheet)}!${pc.link.cell}`;
        ws.getRangeByIndexes(r, c, 1, 1).hyperlink = { documentReference, textToDisplay: String(pc.value) };
        await batch.room(OP_BYTES * 2 + jsonBytes(documentReference) + jsonBytes(pc.value));
      }
      if (pc.note) {
        if (caps.notes) ws.notes.add(address(r, c), pc.note);
        else if (caps.comments) batch.context.workbook.comments.add(`${quoteSheet(sheet.name)}!${address(r, c)}`, pc.note);
        else noteMissing = true;
        if (caps.notes || caps.comments) await batch.room(OP_BYTES + jsonBytes(pc.note));
      }
    }
  }
  if (noteMissing) pushNotice(notices, { key: 'mark.no-notes', params: {} });

  for (let i = 0; i < sheet.highlights.length; i++) {
    await batch.ops(applyHighlight(ws, sheet.highlights[i], i) + 1);
  }

  // Widths: one call per run of equal widths.
  for (let c = 0; c < sheet.columns.length; ) {
    const w = sheet.columns[c];
    let end = c + 1;
    while (end < sheet.columns.length && sheet.columns[end] === w) end++;
    if (Number.isFinite(w) && w > 0) {
      ws.getRangeByIndexes(0, c, 1, end - c).format.columnWidth = widthToPoints(w);
      await batch.ops(2);
    }
    c = end;
  }
  const heights = [...sheet.rowHeights].filter((h) => Number.isFinite(h.height) && h.height > 0).sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    let end = i + 1;
    while (end < heights.length && heights[end].height === heights[i].height && heights[end].row === heights[end - 1].row + 1) end++;
    ws.getRangeByIndexes(heights[i].row, 0, end - i, 1).format.rowHeight = heights[i].height;
    await batch.ops(2);
    i = end;
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, rows, cols));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(cols);
    await batch.ops(2);
  }
  if (caps.pageLayout) await batch.ops(applyPrint(ws, sheet.print));
  else if (sheet.role !== 'registry') pushNotice(notices, { key: 'excel.page-layout-unavailable', params: {} });
  return cells;
}

const lower = (s: string) => s.toLowerCase();


/**
 * Write a plan: one sync to see the workbook and refuse, before changing anything,
 * a plan whose sheet names are taken meanwhile or a protected workbook; then delete
 * the add-in's old sheets, add the new ones and the very hidden registry, and
 * activate the first summary sheet.
 */
export async function writeWorkbookPlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  caps: Capabilities,
  notices: Notice[],
  options: { budget?: number; activate?: boolean } = {},
): Promise<WriteStats> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  let syncs = 1;

  if (protection.protected) throw new ExcelAdapterError('protected-workbook');
  const removeSet = new Set(plan.remove.map(lower));
  const registryName = lower(plan.registry.name);
  const existing = worksheets.items;
  const goes = (ws: Excel.Worksheet) => removeSet.has(lower(ws.name)) || lower(ws.name) === registryName;
  const staying = existing.filter((ws) => !goes(ws));
  const taken = new Map(staying.map((ws) => [lower(ws.name), ws.name]));
  const planned = new Set<string>([registryName]);
  for (const sp of plan.sheets) {
    const n = lower(sp.name);
    if (taken.has(n)) throw new ExcelAdapterError('name-taken', { sheet: taken.get(n) ?? sp.name });
    if (planned.has(n)) throw new Error(`sheet '${sp.name}' is planned twice`);
    planned.add(n);
  }
  // Excel refuses to delete the last visible sheet, so a user's visible sheet must stay.
  if (!staying.some((ws) => ws.visibility === 'Visible')) throw new ExcelAdapterError('no-visible');

  const batch = new Batch(context, caps, options.budget, true);
  for (const ws of existing) {
    if (goes(ws)) {
      ws.delete();
      await batch.ops();
    }
  }
  let cells = 0;
  let first: Excel.Worksheet | null = null;
  for (const sp of plan.sheets) {
    const ws = worksheets.add(sp.name);
    first ??= ws;
    await batch.ops();
    cells += await writeSheet(batch, ws, sp, plan.mode, caps, notices);
    if (sp.hidden) ws.visibility = 'VeryHidden';
  }
  const registry = worksheets.add(plan.registry.name);
  await batch.ops();
  cells += await writeSheet(batch, registry, plan.registry, 'values', caps, notices);
  registry.visibility = 'VeryHidden';
  if (first && options.activate !== false) first.activate();
  await batch.finish();
  syncs += batch.syncs;
  return { syncs, cells };
}
