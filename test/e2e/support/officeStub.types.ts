/**
 * What the test hands to the stub office.js (the seed) and what the stub exposes
 * in the page as `window.__officeStub` (for `page.evaluate`). Types only: shared
 * by the browser entry and the Node helpers.
 */
import type { GridJson } from './grids';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** `window.__OFFICE_SEED__`, set by an init script before office.js runs. */
export interface OfficeSeed {
  /** the workbook's sheets, in order (core grids, JSON via gridToJson); none → one empty 'Sheet1' */
  grids: GridJson[];
  /** ExcelApi version of the host (fake's default '1.18') */
  apiVersion?: string;
  /** Office.context.displayLanguage (default 'zh-CN') */
  language?: 'zh-CN' | 'en-US';
  /** Office.context.officeTheme (default 'light') */
  theme?: 'light' | 'dark';
  /** initial contents of Office.context.document.settings */
  settings?: Record<string, unknown>;
  /** the active sheet at start (default: the first visible sheet) */
  activeSheet?: string;
  /** sheets that are not visible, by name */
  visibility?: Record<string, Visibility>;
  /** other requirement sets than ExcelApi and their versions (default { DialogApi: '1.2' }) */
  requirementSets?: Record<string, string>;
  /** limits of the fake Excel */
  fake?: { maxRequestBytes?: number; maxResponseBytes?: number; maxCellsPerRead?: number };
}

export interface SheetSummary {
  name: string;
  visibility: Visibility;
}

export interface StubSnapshot {
  /** the sheets in workbook order */
  sheets: SheetSummary[];
  activeSheet: string;
  /** the last selection made through range.select() */
  selection: { sheet: string; address: string } | null;
  /** syncs since the start (or the last resetStats) */
  syncs: number;
}

export interface ConditionalFormatJson {
  /** 'B3:D20' */
  range: string;
  type: string;
  /** with the leading '=' */
  formula: string;
  format: { bold?: boolean; italic?: boolean; underline?: string; color?: string; fill?: string; numberFormat?: string };
  stopIfTrue: boolean;
}

export interface SheetInfo {
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** the used range as Excel reports it (values and formats), null when the sheet is blank */
  usedRange: string | null;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
  /** column widths (points) that differ from the default, by 0-based column */
  columnWidths: Record<string, number>;
  /** row heights (points) that differ from the default, by 0-based row */
  rowHeights: Record<string, number>;
  pageLayout: Record<string, unknown>;
}

export interface DialogRecord {
  url: string;
  options: unknown;
  closed: boolean;
  /** the event types the add-in registered handlers for */
  events: string[];
  /** messages the add-in sent to the dialog (dialog.messageChild) */
  toChild: string[];
}

export interface StubStats {
  syncs: number;
  ops: number;
  loads: number;
  formatOps: number;
  requestBytes: number;
  responseBytes: number;
  /** per sync: opNames and error code */
  log: { ops: number; loads: number; opNames: Record<string, number>; error: string | null }[];
}

/** `window.__officeStub`: every function returns plain JSON unless noted. */
export interface OfficeStubApi {
  /** the FakeExcel instance behind `Excel.run` (not JSON; use inside page.evaluate) */
  fake: unknown;
  /** functions registered with Office.actions.associate, by name (not JSON) */
  actions: Record<string, (event: unknown) => unknown>;
  /** dialogs opened with Office.context.ui.displayDialogAsync */
  dialogs: DialogRecord[];
  /** how often Office.onReady was called */
  readyCalls: number;
  /** messages sent with Office.context.ui.messageParent (in a dialog page) */
  parentMessages: string[];
  snapshot(): StubSnapshot;
  /** values of the sheet's used range (from its top-left used cell), [] when blank; fromA1: from A1 instead */
  sheetValues(name: string, fromA1?: boolean): (number | string | boolean | null)[][];
  /** every non-default cell (values, formulas, formats) keyed 'B2', plus column/row formats as 'B:B' / '3:3' */
  cells(name: string): Record<string, unknown>;
  sheetInfo(name: string): SheetInfo;
  conditionalFormats(name: string): ConditionalFormatJson[];
  /** notes keyed 'B2' */
  notes(name: string): Record<string, string>;
  /** threaded comments keyed 'B2' */
  comments(name: string): Record<string, string>;
  /** fill colours ('#RRGGBB') of the cells that have one, keyed 'B2' (also 'B:B' / '3:3') */
  fills(name: string): Record<string, string>;
  /** Office.context.document.settings as they are now */
  settings(): Record<string, unknown>;
  /** the settings as of the last successful saveAsync (null before any) */
  savedSettings(): Record<string, unknown> | null;
  stats(): StubStats;
  resetStats(): void;
  actionNames(): string[];
  /** run an associated action with an event whose completed() resolves the promise (rejects after timeoutMs, default 10 s) */
  invokeAction(name: string, timeoutMs?: number): Promise<{ completed: boolean }>;
  /** deliver DialogMessageReceived to the handlers of dialog `index` */
  dialogMessage(index: number, message: string, origin?: string): void;
  /** deliver DialogEventReceived (e.g. 12006: the user closed the dialog) to dialog `index` */
  dialogEvent(index: number, error: number): void;
}

declare global {
  interface Window {
    __OFFICE_SEED__?: OfficeSeed;
    __officeStub?: OfficeStubApi;
  }
}
