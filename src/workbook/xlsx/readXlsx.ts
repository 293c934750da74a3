import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Cell, Grid, MergedArea } from '../../core/grid';
import { parseRange } from '../../core/grid';
import type { WorkbookPlan } from '../../core/summary/Plan.types';
import type { SheetInfo, WorkbookReader, WorkbookWriter } from '../WorkbookPort';
import { WorkbookReadError } from '../WorkbookPort';
import { workbookToBuffer, writeWorkbookPlan } from './writePlan';

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

function sniff(buf: Buffer, file: string): void {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') throw new WorkbookReadError('csv', file);
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    // An OLE2 compound file: either a legacy .xls or an encrypted OOXML package.
    const marker = Buffer.from('EncryptionInfo', 'utf16le');
    throw new WorkbookReadError(buf.includes(marker) ? 'encrypted' : 'xls', file);
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    const head = buf.subarray(0, 512).toString('utf8');
    if (/^[^\0]*[,;\t][^\0]*\n/.test(head) && !head.includes('\0')) throw new WorkbookReadError('csv', file);
    throw new WorkbookReadError('corrupt', file, 'not a zip package');
  }
}

/** Read an .xlsx held in memory. */
export async function readXlsxBuffer(buf: Buffer, file = 'workbook.xlsx'): Promise<XlsxWorkbook> {
  sniff(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings declare their own Buffer type.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new WorkbookReadError('corrupt', file, e instanceof Error ? e.message : String(e));
  }
  return new XlsxWorkbook(wb, file);
}

/** Read an .xlsx file from disk. */
export async function readXlsxFile(file: string): Promise<XlsxWorkbook> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new WorkbookReadError(code === 'ENOENT' || code === 'EISDIR' ? 'not-found' : 'corrupt', file, code);
  }
  return readXlsxBuffer(buf, file);
}

/** A loaded workbook behind the reader and writer ports. */
export class XlsxWorkbook implements WorkbookReader, WorkbookWriter {
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly file: string,
  ) {}

  async listSheets(): Promise<SheetInfo[]> {
    return this.workbook.worksheets.map((ws) => ({
      name: ws.name,
      usedRange: ws.actualRowCount > 0 ? (ws.dimensions?.range ?? null) : null,
      hidden: ws.state !== 'visible',
    }));
  }

  async readGrids(names?: string[]): Promise<Grid[]> {
    return this.grids(names);
  }

  /** Synchronous variant for callers that already hold the workbook. */
  grids(names?: string[]): Grid[] {
    const wanted = names ? new Set(names) : null;
    const out: Grid[] = [];
    for (const ws of this.workbook.worksheets) {
      if (wanted && !wanted.has(ws.name) && !wanted.has(ws.name.trim())) continue;
      out.push(worksheetToGrid(ws));
    }
    return out;
  }

  /** Write a summary plan into the workbook (in memory; save with toBuffer()). */
  async writePlan(plan: WorkbookPlan): Promise<void> {
    writeWorkbookPlan(this.workbook, plan);
  }

  /** The workbook as an .xlsx file, internal hyperlinks fixed up (see writePlan.ts). */
  async toBuffer(): Promise<Buffer> {
    return workbookToBuffer(this.workbook);
  }
}
