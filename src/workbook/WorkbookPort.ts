import type { Grid } from '../core/grid';
import type { MessageKey } from '../core/i18n';
import type { CellMark } from '../core/marks/Marks.types';
import type { AddinSettings } from '../core/session/Session.types';
import type { WorkbookPlan } from '../core/summary/Plan.types';

/**
 * The ports: what every front end needs from a workbook, in one place. The file readers
 * (src/workbook/read), the xlsx writer and the Office.js adapter implement them; the core
 * only sees grids and plans; the add-in (src/addin) and the task pane use them. Nothing in
 * src/workbook imports from src/addin.
 */

/** visible, hidden (the user can unhide it), or very hidden (only code can) */
export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  name: string;
  /** used range in A1 notation (from the cells that hold something), or null for an empty sheet */
  usedRange: string | null;
  hidden: boolean;
  /** the sheet's state, where the reader knows it (hidden is state !== 'visible') */
  state?: SheetState;
}

export interface WorkbookReader {
  listSheets(): Promise<SheetInfo[]>;
  /** read the named sheets (all when names is omitted) */
  readGrids(names?: string[]): Promise<Grid[]>;
}

/** What a front end needs to write a run's summary sheets into a workbook. */
export interface WorkbookWriter {
  writePlan(plan: WorkbookPlan): Promise<void>;
}

/**
 * Why a workbook cannot be read: 'no-sheets' is a file that opened but holds no worksheet we
 * can read (never reported as a clean workbook of 0 sheets); 'legacy-write' refuses to write a
 * copy of a legacy file (.xls, .et, .ods, .xlsb) until the package writer can.
 */
export type ReadErrorCode =
  | 'not-found'
  | 'xls'
  | 'csv'
  | 'encrypted'
  | 'corrupt'
  | 'unsupported'
  | 'too-large'
  | 'no-sheets'
  | 'legacy-write';

/** A workbook that cannot be read, with a code the front ends turn into a message. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly file: string,
    /** the cause, in the reader's words (English; for a damaged file: which part, which cell) */
    readonly detail?: string,
  ) {
    super(`${code}: ${file}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookReadError';
  }
}

/** Something the user should know about a call that still succeeded (a fallback was used). */
export interface Notice {
  key: MessageKey;
  params: Record<string, string | number>;
}

export interface MarkResult {
  cells: number;
  sheets: number;
  syncs: number;
}

export interface UnmarkResult {
  cells: number;
  /** cells the user changed after marking, left as they are */
  kept: number;
  /** sheets deleted since marking */
  gone: string[];
  syncs: number;
}

/**
 * The open workbook as the add-in uses it. ExcelWorkbook (Office.js) and FileWorkbook (an
 * .xlsx in memory) implement it; tests pass one backed by the fake Excel.
 */
export interface LiveWorkbook {
  listSheets(): Promise<SheetInfo[]>;
  readGrids(names?: string[]): Promise<Grid[]>;
  writePlan(plan: WorkbookPlan, options?: { activate?: boolean }): Promise<void>;
  mark(marks: CellMark[]): Promise<MarkResult & { removed: UnmarkResult | null }>;
  unmark(): Promise<UnmarkResult>;
  goTo(sheet: string, cell: string): Promise<void>;
  /** what the last call had to do differently (fallbacks) */
  notices: Notice[];
}

/** Where the add-in keeps its settings: the workbook itself (Office document settings). */
export interface SettingsStore {
  /** what was saved, or null */
  load(): AddinSettings | null;
  save(settings: AddinSettings): Promise<void>;
}
