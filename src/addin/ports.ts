import type { Grid } from '../core/grid';
import type { CellMark } from '../core/marks';
import type { AddinSettings } from '../core/session';
import type { WorkbookPlan } from '../core/summary';
import type { SheetInfo } from '../workbook/WorkbookPort';
import type { MarkResult, Notice, UnmarkResult } from '../workbook/excel';

/**
 * The open workbook as the add-in uses it. ExcelWorkbook (Office.js) implements it;
 * tests pass one backed by the fake Excel.
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
