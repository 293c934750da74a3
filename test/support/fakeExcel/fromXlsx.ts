/**
 * Node-only: seed a FakeExcel from an ExcelJS workbook (or an .xlsx file), so
 * the Office.js adapter can be tried on real published workbooks.
 *
 * Carried over: sheet names, order and visibility; the active tab; each cell's
 * value and type (formula cells: the formula and its cached result), number
 * format, solid fill colour (explicit RGB only; theme colours are not
 * resolved), bold, hyperlinks; merged areas; notes.
 */
import ExcelJS from 'exceljs';
import { promises as fs } from 'node:fs';
import type { FakeExcelOptions } from './FakeExcel';
import { FakeExcel } from './FakeExcel';
import type { CellType, FakeCellPatch, Visibility } from './model';
import { parseRef } from './addresses';
import { ERROR_CODES, typeOfValue } from './typing';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

type Converted = { value: number | string | boolean | null; type: CellType; hyperlink?: string };

function convert(value: ExcelJS.CellValue): Converted {
  if (value === null || value === undefined) return { value: null, type: 'Empty' };
  if (typeof value === 'number') return { value, type: 'Double' };
  if (typeof value === 'boolean') return { value, type: 'Boolean' };
  if (typeof value === 'string') return value === '' ? { value: null, type: 'Empty' } : { value, type: 'String' };
  if (value instanceof Date) return { value: (value.getTime() - EXCEL_EPOCH_MS) / 86_400_000, type: 'Double' };
  const v = value as unknown as Record<string, unknown>;
  if (typeof v.error === 'string') return { value: v.error, type: ERROR_CODES.has(v.error) ? 'Error' : 'String' };
  if (Array.isArray(v.richText)) {
    const text = (v.richText as { text: string }[]).map((r) => r.text).join('');
    return text === '' ? { value: null, type: 'Empty' } : { value: text, type: 'String' };
  }
  if ('formula' in v || 'sharedFormula' in v) return convert((v.result ?? null) as ExcelJS.CellValue);
  if ('hyperlink' in v) {
    const shown = convert((v.text ?? '') as ExcelJS.CellValue);
    return { ...shown, hyperlink: String(v.hyperlink) };
  }
  const s = String(value);
  return { value: s, type: typeOfValue(s) === 'Error' ? 'Error' : 'String' };
}

function noteText(note: ExcelJS.Cell['note']): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : null;
}

function visibilityOf(state: string | undefined): Visibility {
  if (state === 'hidden') return 'Hidden';
  if (state === 'veryHidden') return 'VeryHidden';
  return 'Visible';
}

/** A FakeExcel holding the sheets, cells, merges and notes of an ExcelJS workbook. */
export function fakeFromWorkbook(wb: ExcelJS.Workbook, opts: FakeExcelOptions = {}): FakeExcel {
  const book = new FakeExcel(opts);
  const sheets = wb.worksheets;
  for (const ws of sheets) {
    const sheet = book.addSheet(ws.name, { visibility: visibilityOf(ws.state) });
    // includeEmpty: a note can sit on a cell without a value
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const r = rowNumber - 1;
        const c = colNumber - 1;
        const patch: FakeCellPatch = {};
        if (cell.type !== ExcelJS.ValueType.Merge) {
          const conv = convert(cell.value);
          patch.value = conv.value;
          patch.type = conv.type;
          if (conv.hyperlink) patch.hyperlink = { address: conv.hyperlink };
          if (cell.type === ExcelJS.ValueType.Formula) {
            const f = cell.formula;
            if (f) patch.formula = f.startsWith('=') ? f : `=${f}`;
          }
        }
        if (cell.numFmt && cell.numFmt !== 'General') patch.numberFormat = cell.numFmt;
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const argb = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
        if (argb && /^[0-9A-Fa-f]{8}$/.test(argb)) patch.fill = { color: `#${argb.slice(2).toUpperCase()}`, pattern: 'Solid' };
        if (cell.font?.bold) patch.font = { bold: true };
        sheet.setCell(r, c, patch);
        const note = noteText(cell.note);
        if (note !== null) sheet.notes.set(cell.address.replace(/\$/g, ''), note);
      });
    });
    const merges: string[] = (ws.model as { merges?: string[] }).merges ?? [];
    for (const ref of merges) sheet.addMerge(parseRef(ref));
  }
  const activeTab = (wb.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab;
  const active = activeTab !== undefined ? book.sheets()[activeTab] : undefined;
  if (active && active.visibility === 'Visible') book.activeSheet = active.name;
  return book;
}

/** Read an .xlsx file and seed a FakeExcel from it. */
export async function fakeFromXlsxFile(file: string, opts: FakeExcelOptions = {}): Promise<FakeExcel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fs.readFile(file)) as unknown as ExcelJS.Buffer);
  return fakeFromWorkbook(wb, opts);
}
