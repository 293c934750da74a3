import type { Grid } from '../../core/grid';
import type { Lang } from '../../core/i18n';
import type { CellMark, MarkRecord } from '../../core/marks/Marks.types';
import { MARKS_SHEET, markRows, readMarkRecords, recordOf, restoreOf } from '../../core/marks/records';
import type { WorkbookPlan } from '../../core/summary/Plan.types';
import { ExcelAdapterError } from '../excel/errors';
import type { LiveWorkbook, MarkResult, Notice, SheetInfo, UnmarkResult } from '../WorkbookPort';
import { WorkbookReadError } from '../WorkbookPort';
import type { ReadBook } from '../read/Book.types';
import { readWorkbookBytes } from '../read/open';
import { writePlanPackage } from '../write';
import { legacyPackage } from '../write/legacy';
import { asBytes } from '../bytes';
import type { Exact, PlannedMark, PlannedRestore, SheetRef } from './packageMarks';
import { MarkEditor, applyMarks, applyRestores, cellNow } from './packageMarks';

/** Largest .xlsx file `FileWorkbook.open` reads (the file's own size). */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;

/**
 * Most a package may unpack to (its parts' sizes, read from the zip's directory before
 * parsing). Reading streams every part (memory follows the cells, not the XML); writing copies
 * the parts it does not change as they are stored, and marking holds the text of the sheets it
 * marks. The limit was set when ExcelJS wrote the file (it held about 7 times the unpacked
 * size, peaking at 12 times or more); past it the file is refused politely ('too-large').
 * A dense 50 MB workbook unpacks to about 200 MB.
 */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export interface FileWorkbookOptions {
  /** refuse larger files ('too-large'); MAX_FILE_BYTES by default */
  maxBytes?: number;
  /** refuse packages whose parts unpack to more than this ('too-large'); MAX_UNPACKED_BYTES by default */
  maxUnpackedBytes?: number;
  /** called by goTo(): the standalone page shows that cell */
  onGoTo?: (sheet: string, cell: string) => void;
}

/** The marks sheet's extra column: how each marked cell was in the package (packageMarks' Exact, JSON). */
const EXACT_HEADER = 'xlsxPrior';

const lower = (s: string): string => s.toLowerCase();

/** A plan that writes only the very hidden marks sheet (as the registry: the writer's very hidden sheet). */
function marksPlan(rows: string[][]): WorkbookPlan {
  return {
    mode: 'values',
    sheets: [],
    remove: [],
    registry: {
      name: MARKS_SHEET,
      role: 'registry',
      hidden: true,
      cells: rows.map((row) => row.map((v) => (v === '' ? null : { value: v }))),
      merges: [],
      formats: [],
      highlights: [],
      columns: [],
      rowHeights: [],
      freeze: null,
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: 0, fitToHeight: 0, titleRows: null, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, centerHorizontally: false, footer: null },
    },
  };
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
 * than the add-in writes (EXACT_HEADER: how the cell was in the package — its `s`, its comment
 * as written, the parts created for the notes), which the add-in ignores and which lets
 * unmarking here put back exactly what was there.
 *
 * Reading is our own reader's (src/workbook/read: .xlsx, and .xls/.et/.ods/.xlsb through
 * SheetJS), on the bytes as they are now. The summary is written by the package writer
 * (src/workbook/write) into those bytes, and so are the marks (packageMarks.ts: a marked cell
 * gets a new style index and its note goes into the sheet's comments part): every other part
 * of the file stays as it was. A legacy file (.xls, .et, .ods, .xlsb) is read and checked; the
 * first change converts it to a new .xlsx of its sheets (values, number formats, merges,
 * column widths).
 */
export class FileWorkbook implements LiveWorkbook {
  /** what the last call had to do differently; always empty here (nothing falls back) */
  notices: Notice[] = [];
  /** called by goTo() */
  onGoTo: ((sheet: string, cell: string) => void) | undefined;
  /** the file as it is now: the bytes opened, or those written by the last change */
  private bytes: Uint8Array;
  /** the reader over `bytes` */
  private book: ReadBook;

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

  /**
   * Replace the file by what `edit` makes of its bytes, as a user's own edit in another
   * program would (tests use it to change a marked cell, protect a sheet or take a sheet name
   * before the next step). Nothing the page does goes through here.
   */
  async editBytes(edit: (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>): Promise<void> {
    await this.convertLegacy();
    await this.replace(await edit(this.bytes));
  }

  async listSheets(): Promise<SheetInfo[]> {
    this.notices = [];
    return this.book.listSheets();
  }

  async readGrids(names?: string[]): Promise<Grid[]> {
    this.notices = [];
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
  }

  /** The records of the last marking and their exact priors, or null when there is no marks sheet. */
  private async records(): Promise<{ records: MarkRecord[]; exact: Map<string, Exact> } | null> {
    const found = this.book.sheets.find((s) => s.name === MARKS_SHEET) ?? this.book.sheets.find((s) => lower(s.name) === lower(MARKS_SHEET));
    if (!found) return null;
    const [grid] = await this.book.readGrids([found.name]);
    const exact = new Map<string, Exact>();
    const header = grid?.rows[0] ?? [];
    const col = header.findIndex((c) => c?.value === EXACT_HEADER);
    if (grid && col >= 0) {
      for (let r = 1; r < grid.rowCount; r++) {
        const row = grid.rows[r];
        const [sheet, cell, json] = [row?.[0]?.value, row?.[1]?.value, row?.[col]?.value];
        if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof json !== 'string') continue;
        try {
          const parsed = JSON.parse(json) as Exact;
          // records of the earlier ExcelJS marker have no version: restored from the colour and text
          if (parsed && parsed.v === 2) exact.set(`${sheet}\u0000${cell}`, parsed);
        } catch {
          // a record without its exact prior restores from the colour and text
        }
      }
    }
    return { records: readMarkRecords(grid), exact };
  }

  private refuseProtected(ed: MarkEditor, names: Iterable<string>): void {
    for (const name of names) {
      const ref = ed.sheet(name);
      if (ref && ed.protectedSheet(ref)) throw new ExcelAdapterError('protected-sheet', { sheet: ref.name });
    }
  }

  /** The package without the marks sheet (the workbook-level lists edited back). */
  private withoutMarksSheet(bytes: Uint8Array): Uint8Array {
    return writePlanPackage(bytes, marksPlan([]), { activate: false, registry: false }).bytes;
  }

  /** Take the recorded marks off and delete the marks sheet: this.bytes changes. */
  private async restore(found: NonNullable<Awaited<ReturnType<FileWorkbook['records']>>>): Promise<UnmarkResult> {
    const ed = new MarkEditor(this.withoutMarksSheet(this.bytes));
    const gone = new Set<string>();
    let cells = 0;
    let kept = 0;
    const restores: PlannedRestore[] = [];
    for (const r of found.records) {
      const sheet = ed.sheet(r.sheet);
      if (!sheet) {
        gone.add(r.sheet);
        continue;
      }
      cells++;
      const now = cellNow(ed, sheet, r.cell);
      const what = restoreOf(r, now);
      if (what.fill === 'keep' || (r.noteKind !== 'none' && what.note === 'keep')) kept++;
      restores.push({ sheet, cell: r.cell, fill: what.fill, note: now.note !== null ? what.note : 'keep', exact: found.exact.get(`${r.sheet}\u0000${r.cell}`) });
    }
    applyRestores(ed, restores);
    await this.replace(ed.toBytes());
    return { cells, kept, gone: [...gone], syncs: 0 };
  }

  /** The file is now these bytes. */
  private async replace(bytes: Uint8Array): Promise<void> {
    this.bytes = bytes;
    this.book = await readWorkbookBytes(this.bytes, this.fileName, { maxUnpackedBytes: Infinity });
  }

  /** A legacy file becomes a new .xlsx of its sheets (values, number formats, merges, widths) at the first change. */
  private async convertLegacy(): Promise<void> {
    if (this.book.format !== 'xlsx') await this.replace(legacyPackage(this.book));
  }

  /**
   * Mark cells: each gets the mark's fill and, when it has one, the mark's note below the
   * cell's own. The marks of an earlier run are taken off first. Refuses, before changing
   * anything: a sheet that is not there ('sheet-gone'), a protected sheet ('protected-sheet').
   *
   * Written into the package (packageMarks.ts): a marked cell gets a new style index (its own
   * format with the mark's fill, appended to styles.xml), its note goes into the sheet's
   * comments part (created with its drawing when there is none); nothing else of the sheet
   * part changes, and every other part is copied as it was.
   */
  async mark(marks: CellMark[]): Promise<MarkResult & { removed: UnmarkResult | null }> {
    this.notices = [];
    await this.convertLegacy();
    const check = new MarkEditor(this.bytes);
    const sheets = new Map<string, SheetRef>();
    for (const m of marks) {
      if (sheets.has(m.sheet)) continue;
      const ref = check.sheet(m.sheet);
      if (!ref) throw new ExcelAdapterError('sheet-gone', { sheet: m.sheet });
      sheets.set(m.sheet, ref);
    }
    const earlier = await this.records();
    this.refuseProtected(check, [...sheets.keys(), ...(earlier?.records.map((r) => r.sheet) ?? [])]);
    const removed = earlier ? await this.restore(earlier) : null;

    // Everything is read before anything is written, as the add-in does (one probe per cell).
    const ed = new MarkEditor(this.bytes);
    const planned = marks.map((m) => {
      const sheet = ed.sheet(m.sheet) as SheetRef;
      const record = recordOf(m, cellNow(ed, sheet, m.cell), 'note');
      const now = cellNow(ed, sheet, m.cell);
      const s = now.el ? (/\ss\s*=\s*["']([^"']*)["']/.exec(ed.text(sheet.part).slice(now.el.start, now.el.openEnd))?.[1] ?? null) : null;
      const p: PlannedMark = { sheet, cell: m.cell, fill: record.fill, note: record.noteKind === 'none' ? null : record.note, exact: { v: 2, s, ms: '' } };
      return { record, p };
    });
    applyMarks(ed, planned.map((x) => x.p));

    // The record of what changed, in the very hidden sheet: every cell text, as the add-in writes it.
    const rows = markRows(planned.map((t) => t.record));
    rows[0].push(EXACT_HEADER);
    planned.forEach((t, i) => rows[i + 1].push(JSON.stringify(t.p.exact)));
    await this.replace(writePlanPackage(ed.toBytes(), marksPlan(rows), { activate: false }).bytes);
    return { cells: planned.length, sheets: sheets.size, syncs: 0, removed };
  }

  /** Take every mark off, restoring what the cells had (what the user changed since stays). */
  async unmark(): Promise<UnmarkResult> {
    this.notices = [];
    const found = await this.records();
    if (!found) return { cells: 0, kept: 0, gone: [], syncs: 0 };
    this.refuseProtected(new MarkEditor(this.bytes), new Set(found.records.map((r) => r.sheet)));
    return this.restore(found);
  }

  /** Show a cell: the standalone page scrolls its view there (`onGoTo`). */
  async goTo(sheet: string, cell: string): Promise<void> {
    this.notices = [];
    const sheets = this.book.sheets;
    const found = sheets.find((s) => s.name === sheet) ?? sheets.find((s) => lower(s.name) === lower(sheet));
    if (!found) throw new ExcelAdapterError('sheet-gone', { sheet });
    // the page's sheet view lists the visible sheets only, as Excel shows them
    // the page has no way to unhide a sheet: its own words, not Excel's
    if (found.state !== 'visible') throw new ExcelAdapterError('sheet-hidden-page', { sheet: found.name, cell });
    this.onGoTo?.(found.name, cell);
  }

  /**
   * The whole workbook as a file: the user's sheets (with the marks, if any), the summary
   * sheets, the add-in's hidden sheets. Before any change: the bytes opened, unchanged.
   */
  async toBytes(): Promise<Uint8Array> {
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
