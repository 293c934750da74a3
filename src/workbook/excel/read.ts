/// <reference types="office-js" />
import type { Cell, Grid, MergedArea } from '../../core/grid';
import { parseRange, rangeAddress } from '../../core/grid';
import type { SheetInfo } from '../WorkbookPort';
import { MAX_CELLS_PER_BLOCK, READ_BYTES_PER_CELL, SYNC_BUDGET, jsonBytes } from './blocks';

/** the least a cell is taken to weigh, whatever the first blocks showed */
const MIN_BYTES_PER_CELL = 24;
import type { Capabilities } from './capabilities';
import { ExcelAdapterError, officeCode } from './errors';
import type { Notice } from './notices';
import { pushNotice } from './notices';

/**
 * Reading sheets through Office.js in a constant number of syncs: one for the used
 * ranges and merged areas of every sheet asked for, then the cells of all of them in
 * row blocks, as many blocks per sync as the 5 MB response limit allows.
 */

/** The ranges of an address list such as "Sheet1!A1:B2, 'My, sheet'!C3" (sheet prefixes dropped). */
export function areasOf(list: string): MergedArea[] {
  const out: MergedArea[] = [];
  const refs = list.includes('!')
    ? [...list.matchAll(/!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)/g)].map((m) => m[1])
    : list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const ref of refs) out.push(parseRange(ref.replace(/\$/g, '')));
  return out;
}

type Raw = string | number | boolean | null | undefined;

/** One cell as Excel reported it, as a core cell (undefined when there is nothing to keep). */
export function toCell(value: Raw, type: string | undefined, format: Raw, formula: Raw): Cell | undefined {
  const fmt = typeof format === 'string' && format !== '' && format !== 'General' ? format : undefined;
  // `formulas` repeats constants; a text constant that starts with "=" reads the same in both.
  const f = typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula.slice(1) : undefined;
  const base = (c: Cell): Cell => {
    if (fmt) c.format = fmt;
    if (f !== undefined) c.formula = f;
    return c;
  };
  switch (type) {
    case 'Empty':
      return fmt || f !== undefined ? base({ value: null, type: 'empty' }) : undefined;
    case 'Double':
    case 'Integer':
      return base({ value: Number(value), type: 'number' });
    case 'Boolean':
      return base({ value: Boolean(value), type: 'boolean' });
    case 'Error':
      return base({ value: String(value), type: 'error' });
    default:
      if (value === null || value === undefined || value === '') return fmt || f !== undefined ? base({ value: null, type: 'empty' }) : undefined;
      if (typeof value === 'number') return base({ value, type: 'number' });
      if (typeof value === 'boolean') return base({ value, type: 'boolean' });
      return base({ value: String(value), type: 'text' });
  }
}

interface Shape {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

interface Block {
  sheet: number;
  top: number;
  left: number;
  rows: number;
  cols: number;
  range: Excel.Range;
}

const MERGE_WINDOW = 128;

export interface ReadStats {
  syncs: number;
  blocks: number;
}

/** The used ranges (and merged areas) of the named sheets, in one sync. */
async function shapes(context: Excel.RequestContext, names: string[], withMerges: boolean): Promise<Shape[]> {
  const list = names.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('name');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    let merged: Excel.RangeAreas | null = null;
    if (withMerges) {
      merged = used.getMergedAreasOrNullObject();
      merged.load('address');
    }
    return { name, ws, used, merged };
  });
  await context.sync();
  return list;
}

/** Read the named sheets as grids. */
export async function readSheetGrids(
  context: Excel.RequestContext,
  names: string[],
  caps: Capabilities,
  notices: Notice[],
  options: { budget?: number } = {},
): Promise<{ grids: Grid[]; stats: ReadStats }> {
  const budget = options.budget ?? SYNC_BUDGET;
  let syncs = 0;
  let list: Shape[];
  let mergesFailed = false;
  try {
    list = await shapes(context, names, caps.mergedAreas);
    syncs++;
  } catch (e) {
    // Excel fails a merged-area read past 512 areas; read the shapes again without them.
    const code = officeCode(e);
    if (!caps.mergedAreas || code === 'InvalidOperationInCellEditMode' || code === 'RequestPayloadSizeLimitExceeded') throw e;
    syncs++;
    list = await shapes(context, names, false);
    syncs++;
    mergesFailed = true;
  }
  if (!caps.mergedAreas) pushNotice(notices, { key: 'excel.merges-unavailable', params: {} });
  for (const s of list) if (s.ws.isNullObject) throw new ExcelAdapterError('sheet-gone', { sheet: s.name });

  const merges: MergedArea[][] = list.map((s) => (s.merged && !s.merged.isNullObject && s.merged.address ? areasOf(s.merged.address) : []));

  // Blocks are cut as they are sent, each group filling one response: the first group
  // with a cautious size per cell, later ones with the size the first responses showed.
  let bytesPerCell = READ_BYTES_PER_CELL;
  const cursor = list.map((s) => (s.used.isNullObject ? 0 : s.used.rowCount));
  const done = list.map(() => 0);
  const rows: (Cell | undefined)[][][] = list.map(() => []);
  const extent = list.map(() => ({ rows: 0, cols: 0 }));
  let blocks = 0;
  let sheet = 0;
  while (sheet < list.length) {
    const group: Block[] = [];
    let bytes = 0;
    while (sheet < list.length) {
      const s = list[sheet];
      if (s.used.isNullObject || done[sheet] >= cursor[sheet]) {
        sheet++;
        continue;
      }
      const cols = s.used.columnCount;
      const perRow = cols * bytesPerCell;
      const fit = Math.min(Math.floor((budget - bytes) / perRow), Math.floor(MAX_CELLS_PER_BLOCK / cols), cursor[sheet] - done[sheet]);
      if (fit < 1 && group.length) break;
      const count = Math.max(1, fit);
      const top = s.used.rowIndex + done[sheet];
      const range = s.ws.getRangeByIndexes(top, s.used.columnIndex, count, cols);
      range.load('values,valueTypes,numberFormat,formulas');
      group.push({ sheet, top, left: s.used.columnIndex, rows: count, cols, range });
      bytes += count * perRow;
      done[sheet] += count;
    }
    if (!group.length) break;
    // One sync per group of blocks that fills a response: the count grows with the bytes
    // read (past 4 MB), never with rows or sheets.
    // eslint-disable-next-line no-restricted-syntax, office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
    let observed = 0;
    let cellsSeen = 0;
    for (const b of group) {
      blocks++;
      const { values, valueTypes, numberFormat, formulas } = b.range;
      if (!values || !valueTypes) throw new ExcelAdapterError('too-large');
      const out = rows[b.sheet];
      for (let r = 0; r < b.rows; r++) {
        const vr = values[r];
        const tr = valueTypes[r];
        const nr = numberFormat?.[r];
        const fr = formulas?.[r];
        let line: (Cell | undefined)[] | undefined;
        for (let c = 0; c < b.cols; c++) {
          const cell = toCell(vr[c] as Raw, tr[c], nr?.[c] as Raw, fr?.[c] as Raw);
          if (!cell) continue;
          line ??= out[b.top + r] ?? (out[b.top + r] = []);
          line[b.left + c] = cell;
          const e = extent[b.sheet];
          if (b.top + r + 1 > e.rows) e.rows = b.top + r + 1;
          if (b.left + c + 1 > e.cols) e.cols = b.left + c + 1;
        }
      }
      // The real size of a cell, from the first big blocks, sizes the next groups.
      if (cellsSeen < 200_000) {
        cellsSeen += b.rows * b.cols;
        observed += jsonBytes(values) + jsonBytes(valueTypes) + jsonBytes(numberFormat) + jsonBytes(formulas);
      }
    }
    if (cellsSeen >= 1000) bytesPerCell = Math.max(MIN_BYTES_PER_CELL, Math.ceil((observed / cellsSeen) * 1.25));
  }

  if (mergesFailed) {
    // One more sync: merged areas of windows of rows, each far below Excel's 512 areas.
    const windows: { sheet: number; areas: Excel.RangeAreas }[] = [];
    list.forEach((s, i) => {
      if (s.used.isNullObject) return;
      const { rowIndex, columnIndex, rowCount, columnCount } = s.used;
      for (let r = 0; r < rowCount; r += MERGE_WINDOW) {
        const areas = s.ws.getRangeByIndexes(rowIndex + r, columnIndex, Math.min(MERGE_WINDOW, rowCount - r), columnCount).getMergedAreasOrNullObject();
        areas.load('address');
        windows.push({ sheet: i, areas });
      }
    });
    try {
      await context.sync();
      syncs++;
      const seenAreas = list.map(() => new Set<string>());
      for (const w of windows) {
        if (w.areas.isNullObject || !w.areas.address) continue;
        for (const m of areasOf(w.areas.address)) {
          const key = rangeAddress(m.top, m.left, m.bottom, m.right);
          if (seenAreas[w.sheet].has(key)) continue;
          seenAreas[w.sheet].add(key);
          merges[w.sheet].push(m);
        }
      }
    } catch (e) {
      const code = officeCode(e);
      if (code === 'InvalidOperationInCellEditMode') throw e;
      syncs++;
      for (const s of list) pushNotice(notices, { key: 'excel.merges-too-many', params: { sheet: s.ws.name } });
    }
  }

  const grids = list.map((s, i): Grid => {
    let { rows: rowCount, cols: colCount } = extent[i];
    if (!s.used.isNullObject) {
      rowCount = Math.max(rowCount, s.used.rowIndex + s.used.rowCount);
      colCount = Math.max(colCount, s.used.columnIndex + s.used.columnCount);
    }
    for (const m of merges[i]) {
      rowCount = Math.max(rowCount, m.bottom + 1);
      colCount = Math.max(colCount, m.right + 1);
    }
    return { name: s.ws.name, rows: rows[i], merges: merges[i], rowCount, colCount };
  });
  return { grids, stats: { syncs, blocks } };
}

/** Every sheet with its used range (values only), in two syncs. */
export async function listWorksheets(context: Excel.RequestContext): Promise<SheetInfo[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const used = worksheets.items.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return r;
  });
  await context.sync();
  return worksheets.items.map((ws, i) => {
    const r = used[i];
    return {
      name: ws.name,
      usedRange: r.isNullObject ? null : rangeAddress(r.rowIndex, r.columnIndex, r.rowIndex + r.rowCount - 1, r.columnIndex + r.columnCount - 1),
      hidden: ws.visibility !== 'Visible',
      state: ws.visibility === 'VeryHidden' ? 'veryHidden' : ws.visibility === 'Hidden' ? 'hidden' : 'visible',
    };
  });
}
