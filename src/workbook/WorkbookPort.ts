import type { Grid } from '../core/grid';
import type { WorkbookPlan } from '../core/summary/Plan.types';

/**
 * What every front end needs from a workbook. The xlsx adapter (ExcelJS) and the
 * Office.js adapter implement it; the core only sees grids.
 */
export interface SheetInfo {
  name: string;
  /** used range in A1 notation, or null for an empty sheet */
  usedRange: string | null;
  hidden: boolean;
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

export type ReadErrorCode = 'not-found' | 'xls' | 'csv' | 'encrypted' | 'corrupt' | 'unsupported' | 'too-large';

/** A workbook that cannot be read, with a code the front ends turn into a message. */
export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    readonly file: string,
    detail?: string,
  ) {
    super(`${code}: ${file}${detail ? ` (${detail})` : ''}`);
    this.name = 'WorkbookReadError';
  }
}
