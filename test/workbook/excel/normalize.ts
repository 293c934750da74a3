/**
 * One shape for a written sheet, whoever wrote it: the xlsx adapter (an ExcelJS
 * worksheet) or the Office.js adapter (a sheet of the fake Excel). Contract tests
 * compare the two shapes for the same plan.
 */
import ExcelJS from 'exceljs';
import { address, columnLetters, parseRange, rangeAddress } from '../../../src/core/grid';
import type { Grid } from '../../../src/core/grid';
import { widthToPoints } from '../../../src/workbook/excel';
import type { FakeSheet } from '../../support/fakeExcel';

export interface Style {
  numberFormat: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  size: number;
  font: string;
  color: string;
  fill: string | null;
  hAlign: string;
  vAlign: string;
  wrap: boolean;
  border: boolean;
}

export interface Rule {
  ref: string;
  formula: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  color?: string;
  fill?: string;
  numberFormat?: string;
}

export interface Shape {
  name: string;
  visibility: 'Visible' | 'VeryHidden' | 'Hidden';
  /** A1 -> value (or '=formula'), with the link target and note when there are */
  cells: Record<string, { v: unknown; link?: string; note?: string }>;
  /** A1 -> style, for every cell in `area` */
  styles: Record<string, Style>;
  merges: string[];
  rules: Rule[];
  /** column letter -> points */
  widths: Record<string, number>;
  /** 1-based row -> points */
  heights: Record<number, number>;
  freeze: { rows: number; cols: number } | null;
  print: {
    orientation: string;
    paper: string;
    fitToWidth: number;
    fitToHeight: number;
    margins: number[];
    center: boolean;
    titleRows: string | null;
    footer: string | null;
  } | null;
}

const hex = (argb: string | undefined): string | undefined => (argb ? `#${argb.slice(-6).toUpperCase()}` : undefined);
const H: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const V: Record<string, string> = { top: 'Top', middle: 'Center', bottom: 'Bottom' };

/** The rectangle the comparison covers: every cell of the plan's sheet. */
export interface Area {
  rows: number;
  cols: number;
}

function noteText(note: ExcelJS.Cell['note']): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}

export function fromExcelJs(ws: ExcelJS.Worksheet, area: Area): Shape {
  const cells: Shape['cells'] = {};
  const styles: Shape['styles'] = {};
  for (let r = 0; r < area.rows; r++) {
    for (let c = 0; c < area.cols; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      const a1 = address(r, c);
      const v = cell.value as unknown;
      let entry: Shape['cells'][string] | undefined;
      if (v !== null && v !== undefined && cell.type !== ExcelJS.ValueType.Merge) {
        if (typeof v === 'object' && v && 'formula' in v) entry = { v: `=${(v as { formula: string }).formula}` };
        else if (typeof v === 'object' && v && 'hyperlink' in v) {
          const h = v as { text: string; hyperlink: string };
          entry = { v: h.text, link: h.hyperlink.replace(/^#/, '') };
        } else entry = { v };
      }
      const note = noteText(cell.note);
      if (note !== undefined) entry = { ...(entry ?? { v: null }), note };
      if (entry) cells[a1] = entry;
      const s = cell.style ?? {};
      const b = s.border;
      styles[a1] = {
        numberFormat: s.numFmt ?? 'General',
        bold: !!s.font?.bold,
        italic: !!s.font?.italic,
        underline: !!s.font?.underline,
        size: s.font?.size ?? 11,
        font: s.font?.name ?? 'Calibri',
        color: hex(s.font?.color?.argb) ?? '#000000',
        fill: s.fill && s.fill.type === 'pattern' && s.fill.pattern === 'solid' ? (hex(s.fill.fgColor?.argb) ?? null) : null,
        hAlign: s.alignment?.horizontal ? H[s.alignment.horizontal] : 'General',
        vAlign: s.alignment?.vertical ? V[s.alignment.vertical] : 'Bottom',
        wrap: !!s.alignment?.wrapText,
        border: !!(b?.top?.style === 'thin' && b?.bottom?.style === 'thin' && b?.left?.style === 'thin' && b?.right?.style === 'thin'),
      };
    }
  }
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => normRef(m)).sort();
  const cfs = (ws as unknown as { conditionalFormattings?: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] }).conditionalFormattings ?? [];
  const rules = cfs
    .flatMap((cf) => cf.rules.map((rule) => ({ cf, rule: rule as ExcelJS.ExpressionRuleType })))
    .sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0))
    .map(({ cf, rule }) => {
      const st = rule.style ?? {};
      const out: Rule = { ref: normRef(cf.ref), formula: (rule.formulae ?? [])[0] };
      if (st.font?.bold !== undefined) out.bold = !!st.font.bold;
      if (st.font?.italic !== undefined) out.italic = !!st.font.italic;
      if (st.font?.underline !== undefined) out.underline = !!st.font.underline;
      if (st.font?.color?.argb) out.color = hex(st.font.color.argb);
      const fill = st.fill as ExcelJS.FillPattern | undefined;
      if (fill?.bgColor?.argb) out.fill = hex(fill.bgColor.argb);
      // ExcelJS reads a dxf's number format as { id, formatCode }
      const nf = st.numFmt as unknown;
      if (typeof nf === 'string') out.numberFormat = nf;
      else if (nf && typeof nf === 'object' && typeof (nf as { formatCode?: unknown }).formatCode === 'string') out.numberFormat = (nf as { formatCode: string }).formatCode;
      return out;
    });
  const widths: Shape['widths'] = {};
  for (let c = 1; c <= Math.max(area.cols, ws.columnCount); c++) {
    const w = ws.getColumn(c).width;
    if (w) widths[columnLetters(c - 1)] = widthToPoints(w);
  }
  const heights: Shape['heights'] = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height) heights[n] = row.height;
  });
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const freeze = view?.state === 'frozen' ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null;
  const ps = ws.pageSetup;
  const m = ps.margins;
  const print = {
    orientation: ps.orientation === 'landscape' ? 'Landscape' : 'Portrait',
    paper: (ps.paperSize as unknown as number) === 9 ? 'A4' : String(ps.paperSize),
    fitToWidth: ps.fitToWidth ?? 1,
    fitToHeight: ps.fitToHeight ?? 1,
    margins: m ? [m.left, m.right, m.top, m.bottom, m.header, m.footer].map((x) => Math.round(x * 72 * 100) / 100) : [],
    center: !!ps.horizontalCentered,
    titleRows: ps.printTitlesRow ? ps.printTitlesRow.split(':').map((x) => `$${x.replace(/\$/g, '')}`).join(':') : null,
    footer: ws.headerFooter?.oddFooter ?? null,
  };
  const state = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
  return { name: ws.name, visibility: state, cells, styles, merges, rules, widths, heights, freeze, print };
}

function normRef(ref: string): string {
  const r = parseRange(ref.replace(/\$/g, ''));
  return rangeAddress(r.top, r.left, r.bottom, r.right);
}

export function fromFake(sheet: FakeSheet, area: Area): Shape {
  const cells: Shape['cells'] = {};
  const styles: Shape['styles'] = {};
  for (let r = 0; r < area.rows; r++) {
    for (let c = 0; c < area.cols; c++) {
      const cell = sheet.cell(r, c);
      const a1 = address(r, c);
      let entry: Shape['cells'][string] | undefined;
      if (cell.formula) entry = { v: cell.formula };
      else if (cell.type !== 'Empty') entry = { v: cell.value };
      if (cell.hyperlink?.documentReference && entry) entry.link = cell.hyperlink.documentReference;
      const note = sheet.notes.get(a1);
      if (note !== undefined) entry = { ...(entry ?? { v: null }), note };
      if (entry) cells[a1] = entry;
      const b = cell.borders;
      const thin = (e: typeof b.top) => !!e && e.style === 'Continuous' && e.weight === 'Thin';
      styles[a1] = {
        numberFormat: cell.numberFormat,
        bold: cell.font.bold,
        italic: cell.font.italic,
        underline: cell.font.underline !== 'None',
        size: cell.font.size,
        font: cell.font.name,
        color: cell.font.color.toUpperCase(),
        fill: cell.fill.color ? cell.fill.color.toUpperCase() : null,
        hAlign: cell.horizontalAlignment,
        vAlign: cell.verticalAlignment,
        wrap: cell.wrapText,
        border: thin(b.top) && thin(b.bottom) && thin(b.left) && thin(b.right),
      };
    }
  }
  const merges = sheet.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)).sort();
  const rules = sheet.conditionalFormats.map((cf) => {
    const out: Rule = { ref: rangeAddress(cf.range.top, cf.range.left, cf.range.bottom, cf.range.right), formula: cf.formula.replace(/^=/, '') };
    const f = cf.format;
    if (f.bold !== undefined) out.bold = f.bold;
    if (f.italic !== undefined) out.italic = f.italic;
    if (f.underline !== undefined) out.underline = f.underline !== 'None';
    if (f.color !== undefined) out.color = f.color.toUpperCase();
    if (f.fill !== undefined) out.fill = f.fill.toUpperCase();
    if (f.numberFormat !== undefined) out.numberFormat = f.numberFormat;
    return out;
  });
  const widths: Shape['widths'] = {};
  for (const [c, w] of sheet.columnWidths) widths[columnLetters(c)] = w;
  const heights: Shape['heights'] = {};
  for (const [r, h] of sheet.rowHeights) heights[r + 1] = h;
  const pl = sheet.pageLayout as Record<string, unknown>;
  const zoom = (pl.zoom ?? {}) as { horizontalFitToPages?: number; verticalFitToPages?: number };
  const print = Object.keys(pl).length
    ? {
        orientation: String(pl.orientation),
        paper: String(pl.paperSize),
        fitToWidth: zoom.horizontalFitToPages ?? 1,
        fitToHeight: zoom.verticalFitToPages ?? 1,
        margins: ['leftMargin', 'rightMargin', 'topMargin', 'bottomMargin', 'headerMargin', 'footerMargin'].map((k) => Number(pl[k])),
        center: !!pl.centerHorizontally,
        titleRows: (pl.printTitleRows as string | undefined) ?? null,
        footer: (pl.centerFooter as string | undefined) ?? null,
      }
    : null;
  return { name: sheet.name, visibility: sheet.visibility, cells, styles, merges, rules, widths, heights, freeze: sheet.freeze, print };
}

/** A grid as comparable data: every non-empty cell (value, type, format, formula) and the merged areas. */
export function gridShape(g: Grid): { name: string; cells: Record<string, unknown>; merges: string[] } {
  const cells: Record<string, unknown> = {};
  g.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell) return;
      if (cell.type === 'empty' && !cell.formula) return;
      cells[address(r, c)] = cell;
    }),
  );
  return { name: g.name, cells, merges: g.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)).sort() };
}
