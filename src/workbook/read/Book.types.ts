import type { Grid } from '../../core/grid';
import type { SheetState, WorkbookReader } from '../WorkbookPort';

/**
 * A workbook file as the readers give it: its sheets in workbook order and, on demand, their
 * cells as the core's grids. One shape for every format: .xlsx/.xlsm (our own reader on the
 * package layer, src/workbook/ooxml) and .xls/.et/.ods/.xlsb (SheetJS, loaded lazily).
 */

/** What the bytes were. `xls` covers BIFF8 files whatever their name (.xls, WPS .et). */
export type BookFormat = 'xlsx' | 'xls' | 'ods' | 'xlsb';

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet';

export interface BookSheet {
  name: string;
  state: SheetState;
  /** only worksheets have cells; the others are listed (their position counts for localSheetId) and give no grid */
  kind: SheetKind;
}

export interface DefinedName {
  name: string;
  /** what it refers to, as written (a reference, a constant or a formula; without "=") */
  formula: string;
  /** the index in `sheets` of the sheet it belongs to (localSheetId), or null for a workbook-wide name */
  scope: number | null;
  hidden: boolean;
}

export interface ReadBook extends WorkbookReader {
  /** the file name the bytes came from (for messages) */
  readonly file: string;
  readonly format: BookFormat;
  /** every sheet in workbook order, worksheets or not */
  readonly sheets: readonly BookSheet[];
  readonly definedNames: readonly DefinedName[];
  /** dates in the file count from 1904; grids hold 1900-system serials all the same */
  readonly date1904: boolean;
  /**
   * The worksheets as grids, in workbook order: all of them, or those named (a name matches
   * exactly or trimmed, as the CLI's --sheet does). Synchronous; each sheet is read once.
   */
  grids(names?: string[]): Grid[];
}
