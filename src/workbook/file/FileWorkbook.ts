import type ExcelJS from 'exceljs';
import type { Grid } from '../../core/grid';
import type { Lang } from '../../core/i18n';
import type { CellMark, CellNow, MarkRecord } from '../../core/marks/Marks.types';
import { MARKS_SHEET, markRows, readMarkRecords, recordOf, restoreOf } from '../../core/marks/records';
import type { WorkbookPlan } from '../../core/summary/Plan.types';
import { ExcelAdapterError } from '../excel/errors';
import type { LiveWorkbook, MarkResult, Notice, SheetInfo, UnmarkResult } from '../WorkbookPort';
import { WorkbookReadError } from '../WorkbookPort';
import type { ReadBook } from '../read/Book.types';
import { readWorkbookBytes } from '../read/open';
import { writePlanPackage } from '../write';
import { legacyPackage } from '../write/legacy';
import { asBytes } from '../xlsx/bytes';
import { fillColour, workbookTheme } from './colors';

/** Largest .xlsx file `FileWorkbook.open` reads (the file's own size). */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;

/**
 * Most a package may unpack to (its parts' sizes, read from the zip's directory before
 * parsing). Reading streams every part (memory follows the cells, not the XML), but writing
 * the summary still loads the workbook into ExcelJS, which holds about 7 times the unpacked
 * size and peaks at 12 times or more (a 4.9 MB file of 516,000 cells unpacks to 19 MB, holds
 * 140 MB, peaks over 220 MB). At 256 MB unpacked that is 2 GB to 3 GB, about what a browser
 * tab can have; past it the file is refused politely ('too-large') rather than crashing the
 * tab. A dense 50 MB workbook unpacks to about 200 MB.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** The ExcelJS module, loaded when the first change is made (its own chunk in the browser). */
type ExcelJSModule = typeof import('../xlsx/browser');

export interface FileWorkbookOptions {
  /** refuse larger files ('too-large'); MAX_FILE_BYTES by default */
  maxBytes?: number;
  /** refuse packages whose parts unpack to more than this ('too-large'); MAX_UNPACKED_BYTES by default */
  maxUnpackedBytes?: number;
  /** called by goTo(): the standalone page shows that cell */
  onGoTo?: (sheet: string, cell: string) => void;
}

/** The marks sheet's extra column: a cell's fill and note exactly as the file had them (JSON). */
const EXACT_HEADER = 'xlsxPrior';

interface Exact {
  fill: ExcelJS.Fill | null;
  note: string | ExcelJS.Comment | null;
}

type NoteValue = string | ExcelJS.Comment | undefined;

const lower = (s: string): string => s.toLowerCase();
const sameColour = (a: string | null, b: string | null): boolean => (a ?? '').toUpperCase() === (b ?? '').toUpperCase();

/** A note's plain text, as Office.js reports `note.content`; null for no note. */
function noteText(note: NoteValue): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((run) => run.text ?? '').join('');
}

function solid(colour: string): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${colour.replace(/^#/, '').toUpperCase()}` } };
}

/**
 * Set a cell's fill. ExcelJS shares one style object between the cells of a style (as the
 * file's xf), and `cell.fill = ...` would change them all: the cell gets its own copy.
 */
function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | null): void {
  const style: Partial<ExcelJS.Style> = { ...cell.style };
  if (fill) style.fill = fill;
  else delete style.fill;
  cell.style = style;
}

/**
 * Remove a cell's note. ExcelJS has no API for it: a note is the cell's `_comment`, and
 * saving copies it into the model of the cell's value, which most value types keep (the
 * next save would write the note again from there).
 */
function clearNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  inner._comment = undefined;
  if (inner._value?.model) delete inner._value.model.comment;
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  return Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection?.sheet);
}

/** Characters Windows and macOS refuse in file names, and control characters. */
// eslint-disable-next-line no-control-regex
const ILLEGAL_IN_NAME = /[\\/:*?"<>|\u0000-\u001f]/g;

/**
 * An .xlsx workbook read into memory (in the browser: a file the user picked), behind the
 * same port as the workbook open in Excel. The standalone task pane runs its three steps on
 * it; `toBytes()` is the result to download: the user's sheets untouched except for the
 * marks, plus the summary sheets.
 *
 * Marks are kept as the Office.js adapter keeps them (the fill and note of each marked cell,
 * the earlier ones recorded in the very hidden MARKS_SHEET), so a file marked here can be
 * unmarked by the add-in in Excel, and the other way round. The record has one more column
 * than the add-in writes (EXACT_HEADER: the earlier fill and note as the file had them, e.g.
 * a theme colour or a formatted note), which the add-in ignores and which lets unmarking here
 * put back exactly what was there.
 *
 * Reading is our own reader's (src/workbook/read: .xlsx, and .xls/.et/.ods/.xlsb through
 * SheetJS), on the bytes as they are now. The summary is written by the package writer
 * (src/workbook/write) into those bytes: every part of the file stays as it was. Marks still
 * load the file into ExcelJS, which does their writing: what ExcelJS does not keep (charts,
 * pivot tables, threaded comments, workbook structure protection, the add-in's document
 * settings) is not in a file saved after marking (a known gap, issue 16). A legacy file (.xls,
 * .et, .ods, .xlsb) is read and checked; the first change converts it to a new .xlsx of its
 * sheets (values, number formats, merges, column widths).
 */
export class FileWorkbook implements LiveWorkbook {
  /** what the last call had to do differently; always empty here (nothing falls back) */
  notices: Notice[] = [];
  /** called by goTo() */
  onGoTo: ((sheet: string, cell: string) => void) | undefined;
  /** the file as it is now: the bytes opened, or those ExcelJS saved after the last change */
  private bytes: Uint8Array;
  /** the reader over `bytes` */
  private book: ReadBook;
  /** the workbook loaded into ExcelJS for changes, or null before the first change */
  private excel: { module: ExcelJSModule; workbook: ExcelJS.Workbook } | null = null;
  /** ExcelJS holds changes not yet saved into `bytes` */
  private dirty = false;

  private constructor(
    book: ReadBook,
    bytes: Uint8Array,
    /** the name of the file the bytes came from */
    readonly fileName: string,
    onGoTo?: (sheet: string, cell: string) => void,
  ) {
    this.book = book;
    this.bytes = bytes;
    this.onGoTo = onGoTo;
  }

  /**
   * Read a workbook from its bytes. Refuses with WorkbookReadError: 'too-large' (over
   * `maxBytes`, or unpacking to over `maxUnpackedBytes`: checked before parsing), 'encrypted',
   * 'csv', 'unsupported' (another kind of document), 'corrupt' (with the cause as detail),
   * 'no-sheets' (nothing that can be read). The content decides, not the name: an .xlsx renamed
   * to .xls opens, a BIFF8 file named .et opens as .xls. Only a name ending in .csv, .tsv or
   * .txt is refused by name.
   */
  static async open(data: ArrayBuffer | Uint8Array, fileName: string, options: FileWorkbookOptions = {}): Promise<FileWorkbook> {
    const bytes = asBytes(data);
    const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
    if (bytes.byteLength > maxBytes) throw new WorkbookReadError('too-large', fileName, `${bytes.byteLength} bytes; at most ${maxBytes}`);
    const book = await readWorkbookBytes(bytes, fileName, { maxUnpackedBytes: options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES });
    // Read the sheets now: a damaged sheet part is found when the file is opened, not at the first step.
    await book.readGrids();
    return new FileWorkbook(book, bytes, fileName, options.onGoTo);
  }

  /** The format the file was read as. */
  get format(): ReadBook['format'] {
    return this.book.format;
  }

  /** The file loaded into ExcelJS (from the current bytes) at the first change, with the module that writes it. */
  private async exceljs(): Promise<{ module: ExcelJSModule; workbook: ExcelJS.Workbook }> {
    if (this.book.format !== 'xlsx') {
      // a legacy file becomes a new .xlsx of its sheets (values, number formats, merges, widths) at the first change
      this.bytes = legacyPackage(this.book);
      this.book = await readWorkbookBytes(this.bytes, this.fileName, { maxUnpackedBytes: Infinity });
    }
    if (!this.excel) {
      const module = await import(/* webpackChunkName: "exceljs-writer" */ '../xlsx/browser');
      this.excel = { module, workbook: (await module.readXlsxBuffer(this.bytes, this.fileName)).workbook };
    }
    return this.excel;
  }

  /**
   * Change the workbook directly through ExcelJS, as a user's own edit would (tests use it to
   * change a marked cell, protect a sheet or take a sheet name before the next step).
   */
  async editWorkbook<T>(edit: (workbook: ExcelJS.Workbook) => T | Promise<T>): Promise<T> {
    const { workbook: wb } = await this.exceljs();
    const result = await edit(wb);
    this.dirty = true;
    return result;
  }

  /** Bring the bytes (and the reader over them) up to date with ExcelJS's changes. */
  private async settle(): Promise<void> {
    if (!this.dirty || !this.excel) return;
    this.bytes = await this.excel.module.workbookToBytes(this.excel.workbook);
    this.book = await readWorkbookBytes(this.bytes, this.fileName, { maxUnpackedBytes: Infinity });
    this.dirty = false;
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.notices = [];
    await this.settle();
    return this.book.listSheets();
  }

  async readGrids(names?: string[]): Promise<Grid[]> {
    this.notices = [];
    await this.settle();
    return this.book.readGrids(names);
  }

  /**
   * Write the summary sheets (replacing those of an earlier run) and, unless `activate` is
   * false, make the first one the tab the saved file opens on. Refuses, before changing
   * anything, as the add-in does: a planned name taken by a sheet that stays ('name-taken'),
   * no visible sheet of the user's left ('no-visible').
   */
  async writePlan(plan: WorkbookPlan, options: { activate?: boolean } = {}): Promise<void> {
    this.notices = [];
    // Written by the package writer into the file as it is now: every part the file has stays
    // as it was (charts, pivot tables, notes…), except the workbook-level lists it extends.
    // A legacy file is converted to .xlsx first (its sheets' values, formats, merges, widths).
    await this.settle();
    const removeSet = new Set(plan.remove);
    const registryName = lower(plan.registry.name);
    const staying = this.book.sheets.filter((s) => !removeSet.has(s.name) && lower(s.name) !== registryName);
    const taken = new Map(staying.map((s) => [lower(s.name), s.name]));
    for (const sp of plan.sheets) {
      const clash = taken.get(lower(sp.name));
      if (clash !== undefined) throw new ExcelAdapterError('name-taken', { sheet: clash });
    }
    if (!staying.some((s) => s.state === 'visible')) throw new ExcelAdapterError('no-visible');
    const source = this.book.format === 'xlsx' ? this.bytes : legacyPackage(this.book);
    const written = writePlanPackage(source, plan, { activate: options.activate !== false });
    this.bytes = written.bytes;
    this.book = await readWorkbookBytes(this.bytes, this.fileName, { maxUnpackedBytes: Infinity });
    // ExcelJS (marks) starts again from these bytes
    this.excel = null;
    this.dirty = false;
  }

  /** A sheet by name: exactly, else ignoring case (as Excel finds sheets). */
  private sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
    const sheets = wb.worksheets;
    return sheets.find((ws) => ws.name === name) ?? sheets.find((ws) => lower(ws.name) === lower(name));
  }

  private now(cell: ExcelJS.Cell | undefined, theme: string[]): CellNow {
    if (!cell) return { fill: null, note: null };
    return { fill: fillColour(cell.style?.fill, theme), note: noteText(cell.note) };
  }

  /** The records of the last marking and their exact priors, or null when there is no marks sheet. */
  private records(wb: ExcelJS.Workbook, module: ExcelJSModule): { ws: ExcelJS.Worksheet; records: MarkRecord[]; exact: Map<string, Exact> } | null {
    const ws = this.sheet(wb, MARKS_SHEET);
    if (!ws) return null;
    const grid = module.worksheetToGrid(ws);
    const exact = new Map<string, Exact>();
    const header = grid.rows[0] ?? [];
    const col = header.findIndex((c) => c?.value === EXACT_HEADER);
    if (col >= 0) {
      for (let r = 1; r < grid.rowCount; r++) {
        const row = grid.rows[r];
        const [sheet, cell, json] = [row?.[0]?.value, row?.[1]?.value, row?.[col]?.value];
        if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof json !== 'string') continue;
        try {
          exact.set(`${sheet}\u0000${cell}`, JSON.parse(json) as Exact);
        } catch {
          // a record without its exact prior restores from the colour and text
        }
      }
    }
    return { ws, records: readMarkRecords(grid), exact };
  }

  private refuseProtected(wb: ExcelJS.Workbook, names: Iterable<string>): void {
    for (const name of names) {
      const ws = this.sheet(wb, name);
      if (ws && isProtected(ws)) throw new ExcelAdapterError('protected-sheet', { sheet: ws.name });
    }
  }

  /** Take the recorded marks off and delete the marks sheet. */
  private restore(wb: ExcelJS.Workbook, found: NonNullable<ReturnType<FileWorkbook['records']>>): UnmarkResult {
    const theme = workbookTheme(wb);
    const gone = new Set<string>();
    let cells = 0;
    let kept = 0;
    for (const r of found.records) {
      const ws = this.sheet(wb, r.sheet);
      if (!ws) {
        gone.add(r.sheet);
        continue;
      }
      cells++;
      const cell = ws.findCell(r.cell, 0) ?? undefined;
      const now = this.now(cell, theme);
      const what = restoreOf(r, now);
      if (what.fill === 'keep' || (r.noteKind !== 'none' && what.note === 'keep')) kept++;
      if (!cell) continue;
      const exact = found.exact.get(`${r.sheet}\u0000${r.cell}`);
      if (what.fill !== 'keep') {
        const to = what.fill.to;
        if (exact?.fill && sameColour(fillColour(exact.fill, theme), to)) setFill(cell, exact.fill);
        else setFill(cell, to === null ? null : solid(to));
      }
      if (now.note !== null && what.note !== 'keep') {
        if (what.note === 'delete') clearNote(cell);
        else if (exact?.note !== null && exact?.note !== undefined && noteText(exact.note) === what.note.to) cell.note = exact.note;
        else cell.note = what.note.to;
      }
    }
    wb.removeWorksheet(found.ws.id);
    this.dirty = true;
    return { cells, kept, gone: [...gone], syncs: 0 };
  }

  /**
   * Mark cells: each gets the mark's fill and, when it has one, the mark's note below the
   * cell's own. The marks of an earlier run are taken off first. Refuses, before changing
   * anything: a sheet that is not there ('sheet-gone'), a protected sheet ('protected-sheet').
   */
  async mark(marks: CellMark[]): Promise<MarkResult & { removed: UnmarkResult | null }> {
    this.notices = [];
    const { module, workbook: wb } = await this.exceljs();
    const sheets = new Map<string, ExcelJS.Worksheet>();
    for (const m of marks) {
      if (sheets.has(m.sheet)) continue;
      const ws = this.sheet(wb, m.sheet);
      if (!ws) throw new ExcelAdapterError('sheet-gone', { sheet: m.sheet });
      sheets.set(m.sheet, ws);
    }
    const earlier = this.records(wb, module);
    this.refuseProtected(wb, [...sheets.keys(), ...(earlier?.records.map((r) => r.sheet) ?? [])]);
    const removed = earlier ? this.restore(wb, earlier) : null;

    // Everything is read before anything is written, as the add-in does (one probe per cell).
    const theme = workbookTheme(wb);
    const targets = marks.map((m) => {
      const cell = (sheets.get(m.sheet) as ExcelJS.Worksheet).getCell(m.cell);
      const note = cell.note as NoteValue;
      const record = recordOf(m, this.now(cell, theme), 'note');
      const prior: Exact = { fill: cell.style?.fill ?? null, note: note ?? null };
      return { cell, note, record, prior: prior.fill || prior.note !== null ? JSON.stringify(prior) : '' };
    });
    for (const { cell, note, record } of targets) {
      setFill(cell, solid(record.fill));
      if (record.noteKind === 'none') continue;
      const before = noteText(note);
      if (note && typeof note === 'object' && before) {
        // Keep the earlier note's runs (its author in bold, its fonts) and add ours below.
        const ours = record.note.slice(before.length);
        cell.note = { ...note, texts: [...(note.texts ?? []), { text: ours }] };
      } else {
        cell.note = record.note;
      }
    }

    // The record of what changed, in the very hidden sheet: every cell text, as the add-in writes it.
    const rows = markRows(targets.map((t) => t.record));
    rows[0].push(EXACT_HEADER);
    targets.forEach((t, i) => rows[i + 1].push(t.prior));
    const book = wb.addWorksheet(MARKS_SHEET, { state: 'veryHidden' });
    this.dirty = true;
    rows.forEach((values, r) => {
      const row = book.getRow(r + 1);
      values.forEach((v, c) => {
        const cell = row.getCell(c + 1);
        cell.numFmt = '@';
        if (v !== '') cell.value = v;
      });
    });
    return { cells: targets.length, sheets: sheets.size, syncs: 0, removed };
  }

  /** Take every mark off, restoring what the cells had (what the user changed since stays). */
  async unmark(): Promise<UnmarkResult> {
    this.notices = [];
    // Nothing marked (no marks sheet in the file as it is now): nothing to load or change.
    await this.settle();
    if (!this.book.sheets.some((s) => lower(s.name) === lower(MARKS_SHEET))) return { cells: 0, kept: 0, gone: [], syncs: 0 };
    const { module, workbook: wb } = await this.exceljs();
    const found = this.records(wb, module);
    if (!found) return { cells: 0, kept: 0, gone: [], syncs: 0 };
    this.refuseProtected(wb, new Set(found.records.map((r) => r.sheet)));
    return this.restore(wb, found);
  }

  /** Show a cell: the standalone page scrolls its view there (`onGoTo`). */
  async goTo(sheet: string, cell: string): Promise<void> {
    this.notices = [];
    await this.settle();
    const sheets = this.book.sheets;
    const found = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => lower(s.name) === lower(sheet));
    if (!found) throw new ExcelAdapterError('sheet-gone', { sheet });
    this.onGoTo?.(found.name, cell);
  }

  /**
   * The whole workbook as a file: the user's sheets (with the marks, if any), the summary
   * sheets, the add-in's hidden sheets. Before any change: the bytes opened, unchanged.
   */
  async toBytes(): Promise<Uint8Array> {
    await this.settle();
    return this.bytes;
  }

  /**
   * The name to save the result under: `三月报表-汇总.xlsx` (zh-CN) or `report-summary.xlsx`
   * (en-US) for `三月报表.xlsx` / `report.xlsx`. Characters that file names cannot hold become '_'.
   */
  downloadName(lang: Lang): string {
    const base = this.fileName.slice(Math.max(this.fileName.lastIndexOf('/'), this.fileName.lastIndexOf('\\')) + 1);
    const dot = base.lastIndexOf('.');
    const stem = (dot >= 0 ? base.slice(0, dot) : base).replace(ILLEGAL_IN_NAME, '_').replace(/[. ]+$/, '').trim();
    return `${stem || 'workbook'}${lang === 'zh-CN' ? '-汇总' : '-summary'}.xlsx`;
  }
}
