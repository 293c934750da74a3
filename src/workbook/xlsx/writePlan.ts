import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { asBytes } from './bytes';
import { rangeAddress } from '../../core/grid';
import { quoteSheet } from '../../core/summary';
import type {
  CellStyle,
  HighlightRule,
  PlanCell,
  PlanMode,
  PrintSettings,
  Rect,
  SheetPlan,
  WorkbookPlan,
} from '../../core/summary/Plan.types';

/**
 * The xlsx adapter's writer: puts a WorkbookPlan into an ExcelJS workbook.
 *
 * Two ExcelJS 4.4.0 shortcomings are handled here, both checked in the saved XML:
 *
 * 1. Internal hyperlinks. For a cell value `{ text, hyperlink: "#'Sheet'!C10" }` ExcelJS writes
 *    `<hyperlink ref r:id location="#'Sheet'!C10"/>` plus an *external* relationship whose target
 *    is `#'Sheet'!C10` (without the "#" it writes the same pair with a bare target). Excel then
 *    shows the address as `#'Sheet'!C10##'Sheet'!C10` (exceljs issue #3027), and LibreOffice
 *    turns both forms into links to a file (`./'Sheet'!C10#...`), not to a cell. A proper internal
 *    link is `<hyperlink ref="A1" location="'Sheet'!C10"/>` with no relationship, which is what
 *    Excel writes itself. `finishXlsxBytes()` rewrites the saved package to that form: every
 *    hyperlink whose relationship target starts with "#" loses the relationship and gets
 *    `location` = target without the "#". So save with `workbookToBytes()` (or its Node Buffer
 *    variant `workbookToBuffer()`, or `XlsxWorkbook.toBytes()` / `toBuffer()`), not with
 *    `wb.xlsx.writeBuffer()` directly. ExcelJS itself does not read `location`-only hyperlinks
 *    back (issue #920): re-opened, such cells are plain text.
 *
 * 2. Number formats in conditional formats (dxf). On write ExcelJS registers the dxf's `numFmt`
 *    string in `<numFmts>` (id 164+, or the built-in id) and renders
 *    `<dxf><font/><numFmt numFmtId formatCode/><fill/></dxf>` in schema order, which Excel and
 *    LibreOffice accept. On *read* it keeps the dxf numFmt as `{ id, formatCode }`, and writing
 *    that back produces `formatCode="[object Object]"`. `writeWorkbookPlan()` turns those objects
 *    back into strings on the sheets it keeps, so a workbook re-opened with ExcelJS and written
 *    again stays valid.
 *
 * Also fixed in `finishXlsxBytes()`: ExcelJS writes the print-titles / print-area names as
 * `'Sheet name'!$1:$2` without doubling a single quote inside the sheet name.
 */

/** A sheet name as a formula or hyperlink prefix: always quoted, a quote inside doubled (the core's rule). */
export const quoteSheetName = quoteSheet;

/** The in-workbook target of a link, e.g. `'Sheet 1'!C10`. */
export function linkLocation(sheet: string, cell: string): string {
  return `${quoteSheetName(sheet)}!${cell}`;
}

/** '#RRGGBB' -> 'FFRRGGBB' (ExcelJS argb). */
export function toArgb(color: string): string {
  const hex = color.startsWith('#') ? color.slice(1) : color;
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`not a '#RRGGBB' colour: ${color}`);
  return `FF${hex.toUpperCase()}`;
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

function rectA1(r: Rect): string {
  return rangeAddress(r.top, r.left, r.bottom, r.right);
}

function stripEquals(formula: string): string {
  return formula.startsWith('=') ? formula.slice(1) : formula;
}

// ---------------------------------------------------------------------------------------------
// Styles

const STYLE_KEYS: readonly (keyof CellStyle)[] = [
  'bold',
  'italic',
  'underline',
  'size',
  'font',
  'color',
  'fill',
  'hAlign',
  'vAlign',
  'wrap',
  'border',
  'numberFormat',
];

/** `base` with the properties `over` sets (undefined = not set). */
function overlay(base: CellStyle, over: CellStyle): CellStyle {
  const out: CellStyle = { ...base };
  for (const k of STYLE_KEYS) {
    const v = over[k];
    if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function styleKey(s: CellStyle): string {
  return JSON.stringify(STYLE_KEYS.map((k) => s[k] ?? null));
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/** A plan style as an ExcelJS cell style. */
export function toExcelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.underline !== undefined) font.underline = s.underline;
  if (s.size !== undefined) font.size = s.size;
  if (s.font !== undefined) font.name = s.font;
  if (s.color !== undefined) font.color = { argb: toArgb(s.color) };
  if (Object.keys(font).length > 0) style.font = font;
  if (s.fill !== undefined) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign !== undefined) alignment.horizontal = s.hAlign;
  if (s.vAlign !== undefined) alignment.vertical = s.vAlign;
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (Object.keys(alignment).length > 0) style.alignment = alignment;
  if (s.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (s.numberFormat !== undefined) style.numFmt = s.numberFormat;
  return style;
}

/** A highlight's style as a conditional-format (dxf) style. */
export function toDxfStyle(s: HighlightRule['style']): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.underline !== undefined) font.underline = s.underline;
  if (s.color !== undefined) font.color = { argb: toArgb(s.color) };
  if (Object.keys(font).length > 0) style.font = font;
  if (s.fill !== undefined) {
    // In a dxf a solid fill shows bgColor (Excel writes only bgColor there); fgColor is set too
    // so readers that take the cell-style meaning of a solid fill show the same colour.
    const argb = toArgb(s.fill);
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } };
  }
  // ExcelJS registers this in <numFmts> and writes <numFmt numFmtId formatCode/> in the dxf.
  if (s.numberFormat !== undefined) style.numFmt = s.numberFormat;
  return style;
}

/**
 * Apply the formats in order. Every cell gets the combination of the formats that cover it;
 * each distinct combination becomes one ExcelJS style object shared by all its cells.
 * Returns the number of distinct style objects used.
 */
function applyFormats(ws: ExcelJS.Worksheet, sheet: SheetPlan): number {
  const formats = sheet.formats;
  if (formats.length === 0) return 0;
  let rows = 0;
  let cols = 0;
  for (const f of formats) {
    checkRect(f.range, 'format', sheet.name);
    rows = Math.max(rows, f.range.bottom + 1);
    cols = Math.max(cols, f.range.right + 1);
  }
  // state 0 = no format; each other state is one sequence of formats, built once.
  const cellState = new Int32Array(rows * cols);
  const states: CellStyle[] = [{}];
  const next = new Map<number, number>();
  const nf = formats.length;
  formats.forEach((f, fi) => {
    const { top, left, bottom, right } = f.range;
    for (let r = top; r <= bottom; r++) {
      const base = r * cols;
      for (let c = left; c <= right; c++) {
        const s = cellState[base + c];
        const key = s * nf + fi;
        let t = next.get(key);
        if (t === undefined) {
          t = states.length;
          states.push(overlay(states[s], f.style));
          next.set(key, t);
        }
        cellState[base + c] = t;
      }
    }
  });
  // Different sequences can give the same combined style: share by content.
  const byKey = new Map<string, Partial<ExcelJS.Style>>();
  const shared: (Partial<ExcelJS.Style> | undefined)[] = states.map((s, i) => {
    if (i === 0) return undefined;
    const k = styleKey(s);
    let st = byKey.get(k);
    if (!st) {
      st = toExcelStyle(s);
      byKey.set(k, st);
    }
    return st;
  });
  for (let r = 0; r < rows; r++) {
    let row: ExcelJS.Row | undefined;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const st = shared[cellState[base + c]];
      if (!st) continue;
      row ??= ws.getRow(r + 1);
      // Assigning the object (not its parts) keeps it shared; ExcelJS also writes one xf per object.
      row.getCell(c + 1).style = st;
    }
  }
  return byKey.size;
}

// ---------------------------------------------------------------------------------------------
// Cells

function writeCell(cell: ExcelJS.Cell, pc: PlanCell, mode: PlanMode): boolean {
  let formula = false;
  if (mode === 'formulas' && pc.formula !== undefined && pc.formula !== '') {
    const v: ExcelJS.CellFormulaValue = { formula: stripEquals(pc.formula) };
    // The engine's value as the cached result (Excel recalculates on load anyway).
    if (pc.value !== null) v.result = pc.value;
    cell.value = v;
    formula = true;
    // A cell holds a formula or a hyperlink, not both: the formula wins, the link is dropped.
  } else if (pc.link && pc.value !== null && pc.value !== '') {
    cell.value = {
      text: String(pc.value),
      // "#" marks the link as internal; finishXlsxBytes() turns it into a `location` attribute.
      hyperlink: `#${linkLocation(pc.link.sheet, pc.link.cell)}`,
    };
  } else if (pc.value !== null && pc.value !== '') {
    // An empty string stays a blank cell, as Excel leaves a cell given ''.
    // ExcelJS writes every JS string as text (a shared string), even one starting with "=".
    cell.value = pc.value;
  }
  if (pc.note !== undefined && pc.note !== '') cell.note = pc.note;
  return formula;
}

function writePrint(ws: ExcelJS.Worksheet, p: PrintSettings): void {
  const setup: Partial<ExcelJS.PageSetup> = {
    // 9 = A4 (ExcelJS declares PaperSize as an ambient const enum)
    paperSize: 9 as ExcelJS.PaperSize,
    orientation: p.orientation,
    fitToPage: true,
    fitToWidth: p.fitToWidth,
    fitToHeight: p.fitToHeight,
    margins: { ...p.margins },
    horizontalCentered: p.centerHorizontally,
  };
  if (p.titleRows) setup.printTitlesRow = `${p.titleRows.first + 1}:${p.titleRows.last + 1}`;
  Object.assign(ws.pageSetup, setup);
  if (p.footer !== null && p.footer !== '') ws.headerFooter.oddFooter = p.footer;
}

export interface SheetWriteStats {
  /** formulas written */
  formulas: number;
  /** distinct style objects the formats needed */
  styles: number;
}

/** Write one sheet plan into an (empty) worksheet. */
export function sheetToWorksheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, mode: PlanMode): SheetWriteStats {
  let formulas = 0;
  sheet.cells.forEach((planRow, r) => {
    if (!planRow) return;
    let row: ExcelJS.Row | undefined;
    planRow.forEach((pc, c) => {
      if (!pc) return;
      row ??= ws.getRow(r + 1);
      if (writeCell(row.getCell(c + 1), pc, mode)) formulas++;
    });
  });

  // Merge before styling: ExcelJS gives merged cells the anchor's style, and the formats
  // below then set each cell's own style (borders on every edge of a merged block).
  for (const m of sheet.merges) {
    checkRect(m, 'merge', sheet.name);
    if (m.top === m.bottom && m.left === m.right) continue;
    ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }

  const styles = applyFormats(ws, sheet);

  sheet.highlights.forEach((h, i) => {
    checkRect(h.range, 'highlight', sheet.name);
    const rule: ExcelJS.ExpressionRuleType = {
      type: 'expression',
      formulae: [stripEquals(h.formula)],
      priority: i + 1,
      style: toDxfStyle(h.style),
    };
    ws.addConditionalFormatting({ ref: rectA1(h.range), rules: [rule] });
  });

  sheet.columns.forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const { row, height } of sheet.rowHeights) {
    if (Number.isFinite(height) && height > 0) ws.getRow(row + 1).height = height;
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }];
  }
  writePrint(ws, sheet.print);
  if (sheet.hidden) ws.state = 'veryHidden';
  return { formulas, styles };
}

// ---------------------------------------------------------------------------------------------
// Workbook

type LoadedRule = { style?: { numFmt?: unknown } };

/** Undo ExcelJS's read-side dxf numFmt objects (see the note at the top). */
function normaliseLoadedDxfNumFmts(ws: ExcelJS.Worksheet): void {
  // `conditionalFormattings` is not in ExcelJS's typings.
  const cfs = (ws as unknown as { conditionalFormattings?: { rules?: LoadedRule[] }[] }).conditionalFormattings;
  for (const cf of cfs ?? []) {
    for (const rule of cf.rules ?? []) {
      const nf = rule.style?.numFmt;
      if (rule.style && nf !== null && typeof nf === 'object') {
        const code = (nf as { formatCode?: unknown }).formatCode;
        if (typeof code === 'string') rule.style.numFmt = code;
        else delete rule.style.numFmt;
      }
    }
  }
}

/** Keep the workbook's active tab on a visible sheet after sheets were removed and added. */
function normaliseBookViews(wb: ExcelJS.Workbook): void {
  const sheets = wb.worksheets;
  const firstVisible = sheets.findIndex((ws) => ws.state === 'visible');
  if (firstVisible < 0) return;
  for (const view of wb.views ?? []) {
    const active = view.activeTab ?? 0;
    if (active >= sheets.length || sheets[active].state !== 'visible') {
      view.activeTab = firstVisible;
      // Only the active sheet may be selected, or Excel opens with sheets grouped.
      sheets.forEach((ws, i) => {
        // `tabSelected` is written by ExcelJS but missing from its typings.
        for (const v of (ws.views ?? []) as { tabSelected?: boolean }[]) {
          if (v.tabSelected && i !== firstVisible) v.tabSelected = false;
        }
      });
    }
    if (view.firstSheet !== undefined && (view.firstSheet >= sheets.length || view.firstSheet > view.activeTab)) {
      view.firstSheet = 0;
    }
  }
}

const lower = (s: string): string => s.toLowerCase();

/**
 * Write a plan into a workbook: delete `plan.remove`, add `plan.sheets` after the existing
 * sheets, then (re)place the very hidden registry sheet. Throws, before changing anything,
 * when a planned name is taken by a sheet that stays (Excel compares names case-insensitively).
 */
export function writeWorkbookPlan(wb: ExcelJS.Workbook, plan: WorkbookPlan): void {
  const removeSet = new Set(plan.remove);
  const registryName = lower(plan.registry.name);
  const staying = wb.worksheets.filter((ws) => !removeSet.has(ws.name) && lower(ws.name) !== registryName);
  const taken = new Set(staying.map((ws) => lower(ws.name)));
  const planned = new Set<string>([registryName]);
  for (const sp of plan.sheets) {
    const n = lower(sp.name);
    if (taken.has(n)) {
      const clash = staying.find((ws) => lower(ws.name) === n);
      throw new Error(`cannot add sheet '${sp.name}': the workbook already has a sheet named '${clash?.name ?? sp.name}'`);
    }
    if (planned.has(n)) throw new Error(`sheet '${sp.name}' is planned twice`);
    planned.add(n);
  }
  const visibleLeft =
    staying.filter((ws) => ws.state === 'visible').length + plan.sheets.filter((sp) => !sp.hidden).length;
  if (visibleLeft === 0) throw new Error('the plan would leave the workbook without a visible sheet');

  for (const ws of wb.worksheets) {
    if (removeSet.has(ws.name) || lower(ws.name) === registryName) wb.removeWorksheet(ws.id);
  }
  for (const ws of wb.worksheets) normaliseLoadedDxfNumFmts(ws);

  let formulas = 0;
  for (const sp of plan.sheets) {
    formulas += sheetToWorksheet(wb.addWorksheet(sp.name), sp, plan.mode).formulas;
  }
  const registry = wb.addWorksheet(plan.registry.name);
  formulas += sheetToWorksheet(registry, plan.registry, plan.mode).formulas;
  registry.state = 'veryHidden';

  if (formulas > 0) wb.calcProperties = { ...(wb.calcProperties ?? {}), fullCalcOnLoad: true };
  normaliseBookViews(wb);
}

// ---------------------------------------------------------------------------------------------
// Saving

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlUnescape(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return XML_ENTITIES[e];
  });
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Attributes of one start tag, in order (values still escaped). */
function attributes(tag: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([\w:.-]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) out.push([m[1], m[2]]);
  return out;
}

const HYPERLINK_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/** Turn "#..." hyperlink relationships of one sheet into `location` attributes. */
function fixSheetHyperlinks(sheetXml: string, relsXml: string): { sheetXml: string; relsXml: string } | null {
  const internal = new Map<string, string>();
  const rels = relsXml.replace(/<Relationship\b[^>]*?\/>/g, (tag) => {
    const a = new Map(attributes(tag));
    const target = xmlUnescape(a.get('Target') ?? '');
    const id = a.get('Id');
    if (id && a.get('Type') === HYPERLINK_REL && target.startsWith('#')) {
      internal.set(id, target.slice(1));
      return '';
    }
    return tag;
  });
  if (internal.size === 0) return null;
  const sheet = sheetXml.replace(/<hyperlink\b[^>]*?\/>/g, (tag) => {
    const attrs = attributes(tag);
    const rid = attrs.find(([k]) => k === 'r:id')?.[1];
    const location = rid !== undefined ? internal.get(rid) : undefined;
    if (location === undefined) return tag;
    const kept = attrs.filter(([k]) => k !== 'r:id' && k !== 'location');
    kept.push(['location', xmlEscape(location)]);
    return `<hyperlink ${kept.map(([k, v]) => `${k}="${v}"`).join(' ')}/>`;
  });
  return { sheetXml: sheet, relsXml: rels };
}

/** Double single quotes in sheet names inside the print-area / print-titles names. */
function fixPrintNames(workbookXml: string): string | null {
  const names: string[] = [];
  const sheets = /<sheets>([\s\S]*?)<\/sheets>/.exec(workbookXml)?.[1] ?? '';
  for (const m of sheets.matchAll(/<sheet\b[^>]*?\/?>/g)) {
    names.push(xmlUnescape(new Map(attributes(m[0])).get('name') ?? ''));
  }
  if (!names.some((n) => n.includes("'"))) return null;
  let changed = false;
  const out = workbookXml.replace(
    /(<definedName\b[^>]*>)([\s\S]*?)(<\/definedName>)/g,
    (all, open: string, text: string, close: string) => {
      const a = new Map(attributes(open));
      const name = a.get('name');
      const idx = a.get('localSheetId');
      if ((name !== '_xlnm.Print_Titles' && name !== '_xlnm.Print_Area') || idx === undefined) return all;
      const sheet = names[Number(idx)];
      if (!sheet || !sheet.includes("'")) return all;
      const raw = xmlUnescape(text);
      const bad = `'${sheet}'!`;
      if (!raw.includes(bad)) return all;
      changed = true;
      return `${open}${xmlEscape(raw.split(bad).join(`${quoteSheetName(sheet)}!`))}${close}`;
    },
  );
  return changed ? out : null;
}

/**
 * Post-process an .xlsx package written by ExcelJS (see the note at the top of this file).
 * Returns the input unchanged when nothing needs fixing. Browser-safe (JSZip on Uint8Array).
 */
export async function finishXlsxBytes(data: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  let changed = false;
  for (const relsFile of zip.file(/^xl\/worksheets\/_rels\/[^/]+\.xml\.rels$/)) {
    const sheetPath = relsFile.name.replace('/_rels/', '/').replace(/\.rels$/, '');
    const sheetFile = zip.file(sheetPath);
    if (!sheetFile) continue;
    const relsXml = await relsFile.async('string');
    if (!relsXml.includes('Target="#')) continue;
    const fixed = fixSheetHyperlinks(await sheetFile.async('string'), relsXml);
    if (!fixed) continue;
    zip.file(sheetPath, fixed.sheetXml);
    zip.file(relsFile.name, fixed.relsXml);
    changed = true;
  }
  const book = zip.file('xl/workbook.xml');
  if (book) {
    const fixed = fixPrintNames(await book.async('string'));
    if (fixed !== null) {
      zip.file('xl/workbook.xml', fixed);
      changed = true;
    }
  }
  if (!changed) return data;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/**
 * Save a workbook as .xlsx bytes, with internal hyperlinks as Excel writes them and the
 * conditional formats' number formats of a loaded workbook made writable again (see the note
 * at the top; writeWorkbookPlan() does that too, but a workbook may be saved without a plan).
 * Browser-safe; in Node the result is a Buffer when nothing needed fixing, a Uint8Array otherwise.
 */
export async function workbookToBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  for (const ws of wb.worksheets) normaliseLoadedDxfNumFmts(ws);
  // ExcelJS's typings declare their own Buffer type; at run time it is a Node Buffer, or in
  // its browser build the bundled Buffer shim (a Uint8Array) — an ArrayBuffer is taken too.
  const raw = (await wb.xlsx.writeBuffer()) as unknown as Uint8Array | ArrayBuffer;
  return finishXlsxBytes(asBytes(raw));
}
