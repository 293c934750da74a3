/**
 * A SheetPlan says what to write on one sheet and how it looks, as plain data.
 * Both workbook adapters write the same plan: the xlsx adapter (ExcelJS) for files,
 * the Office.js adapter inside Excel. Nothing here knows either library.
 *
 * Coordinates are 0-based and inclusive, like the core's grids: a Rect
 * {top: 0, left: 0, bottom: 2, right: 3} is A1:D3.
 */

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type PlanValue = number | string | boolean | null;

export interface PlanCell {
  /**
   * What the engine computed. In values mode this is written; in formulas mode it is
   * what the formula must give (tests compare them after a real recalculation).
   * Strings are always text, even when they start with "=", "+" or "-".
   */
  value: PlanValue;
  /**
   * An Excel formula in en-US notation with the leading "=", e.g. "=ROUND('表1'!C5,1)".
   * Present only in a plan whose mode is 'formulas', and written instead of the value.
   * A cell with a formula loses its link (a cell holds one or the other).
   */
  formula?: string;
  /** a link to a cell of this workbook (go to the source of a figure or a finding) */
  link?: { sheet: string; cell: string };
  /** a note on the cell (a classic comment) */
  note?: string;
}

/** Colours are '#RRGGBB'. */
export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** font size in points */
  size?: number;
  /** font name */
  font?: string;
  /** font colour */
  color?: string;
  /** solid fill colour */
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** thin borders on every edge of every cell of the range */
  border?: boolean;
  /** Excel number format code (en-US), e.g. "0.0" or "#,##0" */
  numberFormat?: string;
}

/** A style applied to a whole range. Formats apply in order; a later one wins for the properties it sets. */
export interface RangeFormat {
  range: Rect;
  style: CellStyle;
}

export type HighlightKind = 'top' | 'bottom' | 'below-total' | 'negative' | 'behind-progress' | 'tie';

/**
 * A conditional format: cells of `range` for which `formula` is true take `style`.
 * The formula is written for the top-left cell of the range, with relative references
 * that move with the cell (as Excel's "use a formula" conditional formats take it).
 * Rules earlier in SheetPlan.highlights have priority.
 */
export interface HighlightRule {
  kind: HighlightKind;
  range: Rect;
  formula: string;
  /** only font and fill properties, and numberFormat (used to mark 并列) */
  style: Pick<CellStyle, 'bold' | 'italic' | 'underline' | 'color' | 'fill' | 'numberFormat'>;
}

export interface PrintSettings {
  paper: 'A4';
  orientation: 'landscape' | 'portrait';
  /** pages wide (1 = fit to one page wide) */
  fitToWidth: number;
  /** pages tall; 0 = as many as needed */
  fitToHeight: number;
  /** rows repeated at the top of every printed page (0-based, inclusive) */
  titleRows: { first: number; last: number } | null;
  /** inches */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  centerHorizontally: boolean;
  /** page footer in Excel's header/footer code, e.g. "第 &P 页，共 &N 页" */
  footer: string | null;
}

/** What a summary sheet is for; the workbook remembers it to know its own sheets. */
export type SheetRole = 'summary' | 'ranks' | 'analysis' | 'findings' | 'rank-change' | 'targets' | 'registry';

export interface SheetPlan {
  /** the name wanted; placeSheets() may change it to avoid a user's sheet */
  name: string;
  role: SheetRole;
  /** very hidden (only the registry sheet is) */
  hidden?: boolean;
  /** rows from A1; a row may be shorter than others; null is an empty cell */
  cells: (PlanCell | null)[][];
  merges: Rect[];
  formats: RangeFormat[];
  highlights: HighlightRule[];
  /** widths in characters of the default font, from column A */
  columns: number[];
  /** heights in points of the rows that need one */
  rowHeights: { row: number; height: number }[];
  /** rows and columns kept in view while scrolling */
  freeze: { rows: number; cols: number } | null;
  print: PrintSettings;
}

export type PlanMode = 'values' | 'formulas';

/** Everything one run writes into a workbook. */
export interface WorkbookPlan {
  mode: PlanMode;
  /** summary sheets in the order they are added, names already placed */
  sheets: SheetPlan[];
  /** sheets this add-in made on an earlier run, to delete before writing */
  remove: string[];
  /** the hidden sheet that records which sheets are the add-in's own */
  registry: SheetPlan;
}
