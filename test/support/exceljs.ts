/**
 * ExcelJS's reading of an .xlsx, for the tests (and the benchmark) only: the reference our
 * reader is compared with (test/workbook/read/contract.test.ts), and a second reading of the
 * files we write. ExcelJS is a devDependency; nothing in src/ uses it (the readers are
 * src/workbook/read, the writer src/workbook/write). It was the xlsx adapter
 * (src/workbook/xlsx) until issue 16 retired it.
 */
import ExcelJS from 'exceljs';
import type { Cell, Grid, MergedArea } from '../../src/core/grid';
import { parseRange } from '../../src/core/grid';
import { WorkbookReadError } from '../../src/workbook/WorkbookPort';
import { asBytes } from '../../src/workbook/bytes';
import { readFileBytes } from '../../src/workbook/read/file';
import { sniffWorkbook } from '../../src/workbook/read/sniff';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/** Excel serial number of a JS date that ExcelJS built from a serial (UTC based). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

type CellValue = ExcelJS.CellValue;

function richTextOf(v: { richText: { text: string }[] }): string {
  let s = '';
  for (const run of v.richText) s += run.text;
  return s;
}

/** Convert a cell's value (or a formula's cached result) to a core cell. */
function toCoreCell(value: CellValue, format: string | undefined, formula: string | undefined): Cell | undefined {
  const base = (c: Cell): Cell => {
    if (format && format !== 'General') c.format = format;
    if (formula !== undefined) c.formula = formula;
    return c;
  };
  if (value === null || value === undefined) {
    return formula !== undefined || (format && format !== 'General') ? base({ value: null, type: 'empty' }) : undefined;
  }
  switch (typeof value) {
    case 'number':
      return base({ value, type: 'number' });
    case 'string':
      return value === '' ? base({ value: null, type: 'empty' }) : base({ value, type: 'text' });
    case 'boolean':
      return base({ value, type: 'boolean' });
    default:
      break;
  }
  if (value instanceof Date) return base({ value: dateToSerial(value), type: 'number' });
  const v = value as unknown as Record<string, unknown>;
  if ('error' in v && typeof v.error === 'string') return base({ value: v.error, type: 'error' });
  if ('richText' in v && Array.isArray(v.richText)) {
    const s = richTextOf(value as { richText: { text: string }[] });
    return base(s === '' ? { value: null, type: 'empty' } : { value: s, type: 'text' });
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const f = (v.formula ?? v.sharedFormula) as string | undefined;
    return toCoreCell((v.result ?? null) as CellValue, format, f ?? formula ?? '');
  }
  if ('text' in v && 'hyperlink' in v) {
    const t = v.text as unknown;
    if (t && typeof t === 'object' && 'richText' in (t as object)) return toCoreCell(t as CellValue, format, formula);
    return toCoreCell(String(t ?? ''), format, formula);
  }
  return base({ value: String(value), type: 'text' });
}

/** A worksheet as a core grid: merged non-anchor cells read empty, as in Excel. */
export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const merges: MergedArea[] = [];
  const mergeRefs: string[] = (ws.model as { merges?: string[] }).merges ?? [];
  for (const ref of mergeRefs) merges.push(parseRange(ref));
  const rows: (Cell | undefined)[][] = [];
  let rowCount = 0;
  let colCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const c = toCoreCell(cell.value, cell.numFmt, undefined);
      if (!c) return;
      out[colNumber - 1] = c;
      any = true;
      if (colNumber > colCount) colCount = colNumber;
    });
    if (any) {
      rows[rowNumber - 1] = out;
      if (rowNumber > rowCount) rowCount = rowNumber;
    }
  });
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  return { name: ws.name, rows, merges, rowCount, colCount };
}

/**
 * Refuse what is not an .xlsx package before ExcelJS sees it (WorkbookReadError): the same
 * sniffing as the readers ('csv', 'encrypted', 'corrupt'), and 'xls' for a legacy workbook,
 * which ExcelJS cannot load (the readers take it through SheetJS).
 */
export function sniffXlsx(buf: Uint8Array, file: string): void {
  if (sniffWorkbook(buf, file).kind === 'legacy') throw new WorkbookReadError('xls', file);
}

/** Out of memory while unpacking or parsing (a browser tab's heap, V8's longest string). */
function outOfMemory(e: unknown): boolean {
  return e instanceof RangeError && /alloc|memory|Invalid (array|string|typed array) length/i.test(e.message);
}

/**
 * Read an .xlsx held in memory (a Node Buffer is a Uint8Array). Throws WorkbookReadError:
 * 'xls', 'encrypted', 'csv' or 'corrupt' from the first bytes, 'corrupt' when ExcelJS
 * cannot read the package, 'too-large' when it ran out of memory.
 */
export async function readXlsxBuffer(data: Uint8Array | ArrayBuffer, file = 'workbook.xlsx'): Promise<XlsxWorkbook> {
  const buf = asBytes(data);
  sniffXlsx(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings declare their own Buffer type; it unzips any Uint8Array (JSZip).
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError(outOfMemory(e) ? 'too-large' : 'corrupt', file, detail);
  }
  return new XlsxWorkbook(wb, file);
}

/** Load an .xlsx file from disk into ExcelJS. */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  return readXlsxBuffer(await readFileBytes(file), file);
}

/** A workbook loaded into ExcelJS, and ExcelJS's reading of its worksheets as grids. */
export class XlsxWorkbook {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly file: string,
  ) {}

  /** ExcelJS's reading of the worksheets as grids (the reference; see above). */
  grids(names?: string[]): Grid[] {
    const wanted = names ? new Set(names) : null;
    const out: Grid[] = [];
    for (const ws of this.workbook.worksheets) {
      if (wanted && !wanted.has(ws.name) && !wanted.has(ws.name.trim())) continue;
      out.push(worksheetToGrid(ws));
    }
    return out;
  }
}
