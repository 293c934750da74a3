import { address, columnLetters, rangeAddress } from '../../core/grid';
import { quoteSheet } from '../../core/summary/formula';
import type { PlanCell, PlanMode, Rect, SheetPlan } from '../../core/summary/Plan.types';
import { cellStyleIds } from '../../core/summary/styles';
import type { StyleSheet } from './styles';
import { ByteSink, XML_HEAD, esc, num, tElement } from './xmlOut';

/*
 * One summary sheet as a worksheet part, from its plan: cells with inline strings (no shared
 * strings to edit), formulas with the engine's value cached, one xf per distinct combination
 * of formats, and the sheet's layout and print setup, in the element order of CT_Worksheet.
 */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetNote {
  row: number;
  col: number;
  text: string;
}

export interface SheetPart {
  /** the part, UTF-8 */
  bytes: Uint8Array;
  notes: SheetNote[];
  formulas: number;
}

function checkRect(r: Rect, what: string, sheet: string): void {
  const ok =
    Number.isInteger(r.top) &&
    Number.isInteger(r.left) &&
    Number.isInteger(r.bottom) &&
    Number.isInteger(r.right) &&
    r.top >= 0 &&
    r.left >= 0 &&
    r.bottom >= r.top &&
    r.right >= r.left;
  if (!ok) throw new Error(`invalid ${what} range on sheet '${sheet}': ${JSON.stringify(r)}`);
}

const rectA1 = (r: Rect): string => rangeAddress(r.top, r.left, r.bottom, r.right);
const stripEquals = (f: string): string => (f.startsWith('=') ? f.slice(1) : f);

/**
 * The xf index of every formatted cell: the formats apply in order, each distinct sequence is
 * combined once (cellStyleIds, as the plan's column sizing sees them), each distinct combined style
 * gets one xf. Returns [xf by cell, columns].
 */
function cellStyles(sheet: SheetPlan, styles: StyleSheet): { xf: Int32Array; cols: number; rows: number } {
  const formats = sheet.formats;
  let rows = 0;
  let cols = 0;
  for (const f of formats) {
    checkRect(f.range, 'format', sheet.name);
    rows = Math.max(rows, f.range.bottom + 1);
    cols = Math.max(cols, f.range.right + 1);
  }
  const { styles: states, ids: state } = cellStyleIds(formats, rows, cols);
  const xfOf = states.map((s, i) => (i === 0 ? 0 : styles.xf(s)));
  const xf = new Int32Array(rows * cols);
  for (let i = 0; i < state.length; i++) xf[i] = state[i] === 0 ? -1 : xfOf[state[i]];
  return { xf, cols, rows };
}

/** Whether a cell is written as a formula. */
function isFormula(pc: PlanCell | null, mode: PlanMode): boolean {
  return !!pc && mode === 'formulas' && pc.formula !== undefined && pc.formula !== '';
}

function cellXml(ref: string, s: number, pc: PlanCell | null, mode: PlanMode): string {
  const sa = s >= 0 ? ` s="${s}"` : '';
  if (pc && isFormula(pc, mode)) {
    const f = `<f>${esc(stripEquals(pc.formula as string))}</f>`;
    const v = pc.value;
    if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${sa}>${f}<v>${num(v)}</v></c>`;
    if (typeof v === 'string') return `<c r="${ref}"${sa} t="str">${f}<v>${esc(v)}</v></c>`;
    if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b">${f}<v>${v ? 1 : 0}</v></c>`;
    return `<c r="${ref}"${sa}>${f}</c>`;
  }
  const v = pc?.value ?? null;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}"${sa}><v>${num(v)}</v></c>`;
  if (typeof v === 'string' && v !== '') return `<c r="${ref}"${sa} t="inlineStr"><is>${tElement('t', v)}</is></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${sa} t="b"><v>${v ? 1 : 0}</v></c>`;
  return s >= 0 ? `<c r="${ref}"${sa}/>` : '';
}

export interface SheetOptions {
  /** the tab shown when the workbook opens */
  selected: boolean;
  /** r:id of the legacy drawing (notes), when the sheet has notes */
  legacyDrawingId?: string;
  /** the prefix to use for the relationships namespace */
}

/** The notes of a sheet (cells with a note), in row order. */
export function notesOf(sheet: SheetPlan): SheetNote[] {
  const out: SheetNote[] = [];
  sheet.cells.forEach((row, r) =>
    row?.forEach((pc, c) => {
      if (pc?.note !== undefined && pc.note !== '') out.push({ row: r, col: c, text: pc.note });
    }),
  );
  return out;
}

/** The worksheet part of a plan sheet. */
export function sheetXml(sheet: SheetPlan, mode: PlanMode, styles: StyleSheet, o: SheetOptions): SheetPart {
  const { xf, cols: xfCols, rows: xfRows } = cellStyles(sheet, styles);
  const heights = new Map<number, number>();
  for (const { row, height } of sheet.rowHeights) if (Number.isFinite(height) && height > 0) heights.set(row, height);
  const rowCount = Math.max(sheet.cells.length, xfRows, heights.size ? Math.max(...heights.keys()) + 1 : 0);
  let maxCol = -1;
  let maxRow = -1;
  let formulas = 0;
  const links: string[] = [];
  const rowsOut = new ByteSink();
  let rowCountOut = 0;
  const letters: string[] = [];
  for (let r = 0; r < rowCount; r++) {
    const planRow = sheet.cells[r] ?? [];
    const width = Math.max(planRow.length, r < xfRows ? xfCols : 0);
    let cells = '';
    for (let c = 0; c < width; c++) {
      const pc = planRow[c] ?? null;
      const s = r < xfRows && c < xfCols ? xf[r * xfCols + c] : -1;
      if (!pc && s < 0) continue;
      const ref = (letters[c] ??= columnLetters(c)) + (r + 1);
      const xml = cellXml(ref, s, pc, mode);
      if (!xml) continue;
      cells += xml;
      if (isFormula(pc, mode)) formulas++;
      else if (pc?.link && pc.value !== null && pc.value !== '') {
        links.push(`<hyperlink ref="${ref}" location="${esc(`${quoteSheet(pc.link.sheet)}!${pc.link.cell}`)}" display="${esc(String(pc.value))}"/>`);
      }
      maxCol = Math.max(maxCol, c);
      maxRow = r;
    }
    const h = heights.get(r);
    if (!cells && h === undefined) continue;
    if (h !== undefined) maxRow = Math.max(maxRow, r);
    rowsOut.write(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}${cells ? '>' + cells + '</row>' : '/>'}`);
    rowCountOut++;
  }

  const p = sheet.print;
  const fitToPage = p.fitToWidth > 0 || p.fitToHeight > 0;
  let x = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`;
  if (fitToPage) x += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  x += `<dimension ref="${maxRow >= 0 && maxCol >= 0 ? rangeAddress(0, 0, maxRow, maxCol) : 'A1'}"/>`;
  let view = `<sheetView${o.selected ? ' tabSelected="1"' : ''} workbookViewId="0"`;
  const fr = sheet.freeze;
  if (fr && (fr.rows > 0 || fr.cols > 0)) {
    const pane = fr.rows > 0 && fr.cols > 0 ? 'bottomRight' : fr.rows > 0 ? 'bottomLeft' : 'topRight';
    const tl = address(fr.rows, fr.cols);
    view += `><pane${fr.cols > 0 ? ` xSplit="${fr.cols}"` : ''}${fr.rows > 0 ? ` ySplit="${fr.rows}"` : ''} topLeftCell="${tl}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${tl}" sqref="${tl}"/></sheetView>`;
  } else view += '/>';
  x += `<sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>`;
  const colXml = sheet.columns
    .map((w, i) => (Number.isFinite(w) && w > 0 ? `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>` : ''))
    .join('');
  if (colXml) x += `<cols>${colXml}</cols>`;
  const out = new ByteSink(rowsOut.length + 65536);
  if (rowCountOut) {
    out.write(`${x}<sheetData>`);
    out.writeBytes(rowsOut.bytes());
    x = '</sheetData>';
  } else x += '<sheetData/>';
  const merges = sheet.merges.filter((m) => {
    checkRect(m, 'merge', sheet.name);
    return m.top !== m.bottom || m.left !== m.right;
  });
  if (merges.length) x += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rectA1(m)}"/>`).join('')}</mergeCells>`;
  sheet.highlights.forEach((h, i) => {
    checkRect(h.range, 'highlight', sheet.name);
    const d = styles.dxf(h.style);
    x += `<conditionalFormatting sqref="${rectA1(h.range)}"><cfRule type="expression" dxfId="${d}" priority="${i + 1}"><formula>${esc(stripEquals(h.formula))}</formula></cfRule></conditionalFormatting>`;
  });
  if (links.length) x += `<hyperlinks>${links.join('')}</hyperlinks>`;
  if (p.centerHorizontally) x += '<printOptions horizontalCentered="1"/>';
  const m = p.margins;
  x += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  x += `<pageSetup paperSize="9" orientation="${p.orientation}"${fitToPage ? ` fitToWidth="${p.fitToWidth}" fitToHeight="${p.fitToHeight}"` : ''}/>`;
  if (p.footer !== null && p.footer !== '') x += `<headerFooter><oddFooter>${esc(p.footer)}</oddFooter></headerFooter>`;
  if (o.legacyDrawingId) x += `<legacyDrawing r:id="${o.legacyDrawingId}"/>`;
  x += '</worksheet>';
  out.write(x);
  return { bytes: out.bytes(), notes: notesOf(sheet), formulas };
}

/** The print titles of a sheet as a defined name's formula, e.g. `'Sheet'!$4:$5`; null when none. */
export function printTitles(sheet: SheetPlan): string | null {
  const t = sheet.print.titleRows;
  if (!t) return null;
  return `${quoteSheet(sheet.name)}!$${t.first + 1}:$${t.last + 1}`;
}

/** The comments part of a sheet's notes. */
export function commentsXml(notes: SheetNote[]): string {
  const list = notes
    .map((n) => `<comment ref="${address(n.row, n.col)}" authorId="0"><text><r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr>${tElement('t', n.text)}</r></text></comment>`)
    .join('');
  return `${XML_HEAD}<comments xmlns="${NS_MAIN}"><authors><author></author></authors><commentList>${list}</commentList></comments>`;
}

/** The VML drawing that shows the notes (`idBlock` is this drawing's block of 1024 shape ids). */
export function notesVml(notes: SheetNote[], idBlock: number): string {
  const shapes = notes
    .map((n, i) => {
      const id = idBlock * 1024 + 1 + i;
      const anchor = `${n.col + 1}, 15, ${Math.max(0, n.row - 1)}, 10, ${n.col + 3}, 15, ${n.row + 3}, 4`;
      return (
        `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:108pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
        '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${n.row}</x:Row><x:Column>${n.col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${idBlock}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes}</xml>`
  );
}

export { columnLetters };
