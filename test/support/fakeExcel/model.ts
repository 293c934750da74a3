/**
 * The in-memory workbook behind the fake: sheets of cells with values, formulas
 * and formats, merged areas, conditional formats, sizes, panes, page layout,
 * notes and comments. Tests seed and inspect it directly (no sync involved).
 *
 * Storage: only cells that differ from what they inherit are stored. A format
 * set on whole columns or rows is kept as a column/row format (as Excel does),
 * which the cells of those columns/rows inherit; `cellsSnapshot()` lists such
 * column and row formats under keys like "A:A" and "3:3".
 */
import type { Rect } from './addresses';
import { MAX_COLS, MAX_ROWS, cellKey, contains, intersects, isFullCols, isFullRows, parseRef, rectArea } from './addresses';
import { fail } from './errors';
import type { CellType, Scalar } from './typing';
import { ERROR_CODES, typeOfValue } from './typing';

export type { Rect } from './addresses';
export type { CellType } from './typing';

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeFont {
  bold: boolean;
  italic: boolean;
  /** 'None' | 'Single' | 'Double' | 'SingleAccountant' | 'DoubleAccountant' */
  underline: string;
  size: number;
  name: string;
  /** '#RRGGBB' uppercase */
  color: string;
}

export interface FakeFill {
  /** '#RRGGBB' uppercase; null = no fill */
  color: string | null;
  /** 'None' | 'Solid' (or another Excel pattern name set through `fill.pattern`) */
  pattern: string;
}

export interface FakeBorder {
  /** 'Continuous' | 'Dash' | … (never 'None': a border that is not there is null) */
  style: string;
  /** 'Hairline' | 'Thin' | 'Medium' | 'Thick' */
  weight: string;
  color: string;
}

export interface FakeBorders {
  top: FakeBorder | null;
  bottom: FakeBorder | null;
  left: FakeBorder | null;
  right: FakeBorder | null;
}

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCellFormat {
  numberFormat: string;
  font: FakeFont;
  fill: FakeFill;
  /** 'General' | 'Left' | 'Center' | 'Right' | … */
  horizontalAlignment: string;
  /** 'Top' | 'Center' | 'Bottom' | … */
  verticalAlignment: string;
  wrapText: boolean;
  borders: FakeBorders;
}

export interface FakeCell extends FakeCellFormat {
  /** constant, or a formula's last computed value; null when empty */
  value: number | string | boolean | null;
  type: CellType;
  /** with the leading '=' */
  formula: string | null;
  hyperlink: FakeHyperlink | null;
}

export interface FakeConditionalFormatStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  /** font colour */
  color?: string;
  /** fill colour */
  fill?: string;
  numberFormat?: string;
}

export interface FakeConditionalFormat {
  range: Rect;
  type: string;
  /** custom rule formula with the leading '=' ('' until set) */
  formula: string;
  format: FakeConditionalFormatStyle;
  stopIfTrue: boolean;
}

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultFormat(): FakeCellFormat {
  return {
    numberFormat: 'General',
    font: { bold: false, italic: false, underline: 'None', size: 11, name: 'Calibri', color: '#000000' },
    fill: { color: null, pattern: 'None' },
    horizontalAlignment: 'General',
    verticalAlignment: 'Bottom',
    wrapText: false,
    borders: { top: null, bottom: null, left: null, right: null },
  };
}

const DEFAULT_FORMAT: FakeCellFormat = Object.freeze(defaultFormat());

export function defaultCell(): FakeCell {
  return { value: null, type: 'Empty', formula: null, hyperlink: null, ...defaultFormat() };
}

export function copyFormat(f: FakeCellFormat): FakeCellFormat {
  return {
    numberFormat: f.numberFormat,
    font: { ...f.font },
    fill: { ...f.fill },
    horizontalAlignment: f.horizontalAlignment,
    verticalAlignment: f.verticalAlignment,
    wrapText: f.wrapText,
    borders: {
      top: f.borders.top && { ...f.borders.top },
      bottom: f.borders.bottom && { ...f.borders.bottom },
      left: f.borders.left && { ...f.borders.left },
      right: f.borders.right && { ...f.borders.right },
    },
  };
}

export function copyCell(c: FakeCell): FakeCell {
  return {
    value: c.value,
    type: c.type,
    formula: c.formula,
    hyperlink: c.hyperlink && { ...c.hyperlink },
    ...copyFormat(c),
  };
}

function cellFrom(format: FakeCellFormat): FakeCell {
  return { value: null, type: 'Empty', formula: null, hyperlink: null, ...copyFormat(format) };
}

function sameBorder(a: FakeBorder | null, b: FakeBorder | null): boolean {
  if (a === null || b === null) return a === b;
  return a.style === b.style && a.weight === b.weight && a.color === b.color;
}

export function sameFormat(a: FakeCellFormat, b: FakeCellFormat): boolean {
  return (
    a.numberFormat === b.numberFormat &&
    a.font.bold === b.font.bold &&
    a.font.italic === b.font.italic &&
    a.font.underline === b.font.underline &&
    a.font.size === b.font.size &&
    a.font.name === b.font.name &&
    a.font.color === b.font.color &&
    a.fill.color === b.fill.color &&
    a.fill.pattern === b.fill.pattern &&
    a.horizontalAlignment === b.horizontalAlignment &&
    a.verticalAlignment === b.verticalAlignment &&
    a.wrapText === b.wrapText &&
    sameBorder(a.borders.top, b.borders.top) &&
    sameBorder(a.borders.bottom, b.borders.bottom) &&
    sameBorder(a.borders.left, b.borders.left) &&
    sameBorder(a.borders.right, b.borders.right)
  );
}

function hasContent(c: FakeCell): boolean {
  return c.type !== 'Empty' || c.formula !== null || c.value !== null || c.hyperlink !== null;
}

/** Partial cell for `setCell`: nested objects merge into the current ones. */
export interface FakeCellPatch {
  value?: number | string | boolean | null;
  type?: CellType;
  formula?: string | null;
  numberFormat?: string;
  font?: Partial<FakeFont>;
  fill?: Partial<FakeFill>;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<FakeBorders>;
  hyperlink?: FakeHyperlink | null;
}

const KEY_COLS = MAX_COLS;

/** One worksheet of the fake workbook. */
export class FakeSheet {
  name: string;
  visibility: Visibility;
  protected: boolean;
  readonly id: string;
  /** merged areas, 0-based inclusive */
  merges: Rect[] = [];
  /** conditional formats of the sheet in priority order (index 0 = highest) */
  conditionalFormats: FakeConditionalFormat[] = [];
  /** column widths in points that differ from `defaultColumnWidth` */
  columnWidths = new Map<number, number>();
  /** row heights in points that differ from `defaultRowHeight` */
  rowHeights = new Map<number, number>();
  defaultColumnWidth = DEFAULT_COLUMN_WIDTH;
  defaultRowHeight = DEFAULT_ROW_HEIGHT;
  freeze: { rows: number; cols: number } | null = null;
  /** what was set through `worksheet.pageLayout` (footers and headers flat: leftFooter, …; printTitleRows '$4:$5') */
  pageLayout: Record<string, unknown> = {};
  /** notes by cell ("B2") */
  notes = new Map<string, string>();
  /** threaded comments by cell ("B2") */
  comments = new Map<string, string>();
  /** formats of whole columns and rows (set through a range spanning all rows or columns) */
  readonly columnFormats = new Map<number, FakeCellFormat>();
  readonly rowFormats = new Map<number, FakeCellFormat>();
  /** set when the sheet is deleted from its workbook */
  deleted = false;

  private readonly store = new Map<number, FakeCell>();

  constructor(name: string, id: string, opts: { visibility?: Visibility; protected?: boolean } = {}) {
    this.name = name;
    this.id = id;
    this.visibility = opts.visibility ?? 'Visible';
    this.protected = opts.protected ?? false;
  }

  // ---- reading -----------------------------------------------------------

  /** What a cell that is not stored looks like (column/row formats included). */
  inherited(row: number, col: number): FakeCellFormat {
    return this.rowFormats.get(row) ?? this.columnFormats.get(col) ?? DEFAULT_FORMAT;
  }

  /** The cell without copying; do not mutate. */
  view(row: number, col: number): FakeCell {
    const stored = this.store.get(row * KEY_COLS + col);
    if (stored) return stored;
    const f = this.inherited(row, col);
    return f === DEFAULT_FORMAT ? EMPTY_DEFAULT_CELL : cellFrom(f);
  }

  /** A copy of the cell at 0-based (row, col); untouched cells read as default and are not created. */
  cell(row: number, col: number): FakeCell {
    return copyCell(this.view(row, col));
  }

  /** Stored cells inside a rectangle. */
  *storedIn(r: Rect): Generator<[number, number, FakeCell]> {
    if (rectArea(r) <= this.store.size * 4) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          const c = this.store.get(row * KEY_COLS + col);
          if (c) yield [row, col, c];
        }
      }
      return;
    }
    for (const [key, c] of [...this.store.entries()]) {
      const row = Math.floor(key / KEY_COLS);
      const col = key % KEY_COLS;
      if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) yield [row, col, c];
    }
  }

  storedCount(): number {
    return this.store.size;
  }

  // ---- writing -----------------------------------------------------------

  /** The stored cell, created from what it inherits when needed. */
  mutable(row: number, col: number): FakeCell {
    const key = row * KEY_COLS + col;
    let c = this.store.get(key);
    if (!c) {
      c = cellFrom(this.inherited(row, col));
      this.store.set(key, c);
    }
    return c;
  }

  /** Drop a stored cell that looks exactly like what it inherits. */
  compact(row: number, col: number): void {
    const key = row * KEY_COLS + col;
    const c = this.store.get(key);
    if (c && !hasContent(c) && sameFormat(c, this.inherited(row, col))) this.store.delete(key);
  }

  /** Seed a cell: value (type inferred unless given), formula, formats (nested objects merge). */
  setCell(row: number, col: number, patch: FakeCellPatch): void {
    if (row < 0 || col < 0 || row >= MAX_ROWS || col >= MAX_COLS) fail('InvalidArgument', `cell (${row}, ${col}) is outside the grid`);
    const c = this.mutable(row, col);
    if ('value' in patch) {
      const v = patch.value === '' || patch.value === undefined ? null : patch.value;
      c.value = v;
      c.type = patch.type ?? typeOfValue(v);
    } else if (patch.type) {
      c.type = patch.type;
    }
    if ('formula' in patch) c.formula = patch.formula ?? null;
    if (patch.numberFormat !== undefined) c.numberFormat = patch.numberFormat;
    if (patch.font) Object.assign(c.font, patch.font);
    if (patch.fill) {
      Object.assign(c.fill, patch.fill);
      if (patch.fill.color !== undefined && patch.fill.pattern === undefined) c.fill.pattern = patch.fill.color === null ? 'None' : 'Solid';
    }
    if (patch.horizontalAlignment !== undefined) c.horizontalAlignment = patch.horizontalAlignment;
    if (patch.verticalAlignment !== undefined) c.verticalAlignment = patch.verticalAlignment;
    if (patch.wrapText !== undefined) c.wrapText = patch.wrapText;
    if (patch.borders) Object.assign(c.borders, patch.borders);
    if ('hyperlink' in patch) c.hyperlink = patch.hyperlink ? { ...patch.hyperlink } : null;
    this.compact(row, col);
  }

  /**
   * Seed a block of constants from (row, col): numbers, strings, booleans, null
   * (= empty). Strings are kept as text, except error codes ('#DIV/0!') which
   * become error cells.
   */
  setValues(row: number, col: number, matrix: ReadonlyArray<ReadonlyArray<Scalar>>): void {
    matrix.forEach((line, i) => {
      line.forEach((v, j) => {
        const type: CellType = typeof v === 'string' && ERROR_CODES.has(v) ? 'Error' : typeOfValue(v);
        this.setCell(row + i, col + j, { value: v === '' ? null : v, type, formula: null });
      });
    });
  }

  /** Seed a merged area ("A1:C1" or a Rect); non-anchor cells are not touched. */
  addMerge(area: Rect | string): void {
    this.merges.push(typeof area === 'string' ? parseRef(area) : { ...area });
  }

  /** Run fn on every stored cell of a rectangle, then drop the cells it made default. */
  forEachStored(r: Rect, fn: (row: number, col: number, c: FakeCell) => void): void {
    for (const [row, col, c] of this.storedIn(r)) {
      fn(row, col, c);
      this.compact(row, col);
    }
  }

  /**
   * Apply a format change to every cell of a rectangle. `apply(format, row, col)`
   * receives the cell's position (for borders). Whole columns/rows update the
   * column/row formats instead of creating a million cells.
   */
  applyFormat(r: Rect, apply: (f: FakeCellFormat, row: number, col: number) => void, positional = false): void {
    const fullRows = isFullRows(r);
    const fullCols = isFullCols(r);
    if (!fullRows && !fullCols) {
      for (let row = r.top; row <= r.bottom; row++) {
        for (let col = r.left; col <= r.right; col++) {
          apply(this.mutable(row, col), row, col);
          this.compact(row, col);
        }
      }
      return;
    }
    const touched: [number, number][] = [];
    const materialize = (row: number, col: number): void => {
      this.mutable(row, col);
      touched.push([row, col]);
    };
    if (fullRows && !fullCols) {
      for (const row of this.rowFormats.keys()) for (let col = r.left; col <= r.right; col++) materialize(row, col);
      if (positional) {
        for (let col = r.left; col <= r.right; col++) {
          materialize(0, col);
          materialize(MAX_ROWS - 1, col);
        }
      }
    } else if (fullCols && !fullRows) {
      for (const col of this.columnFormats.keys()) for (let row = r.top; row <= r.bottom; row++) materialize(row, col);
      if (positional) {
        for (let row = r.top; row <= r.bottom; row++) {
          materialize(row, 0);
          materialize(row, MAX_COLS - 1);
        }
      }
    }
    for (const [row, col, c] of [...this.storedIn(r)]) {
      apply(c, row, col);
      touched.push([row, col]);
    }
    const midRow = r.top + 1;
    const midCol = r.left + 1;
    if (fullRows) {
      for (let col = r.left; col <= r.right; col++) {
        const f = this.columnFormats.get(col) ?? defaultFormat();
        apply(f, midRow, col);
        if (sameFormat(f, DEFAULT_FORMAT)) this.columnFormats.delete(col);
        else this.columnFormats.set(col, f);
      }
    }
    if (fullCols) {
      const rows = fullRows ? [...this.rowFormats.keys()] : range(r.top, r.bottom);
      for (const row of rows) {
        const f = this.rowFormats.get(row) ?? defaultFormat();
        apply(f, row, midCol);
        if (sameFormat(f, DEFAULT_FORMAT)) this.rowFormats.delete(row);
        else this.rowFormats.set(row, f);
      }
    }
    for (const [row, col] of touched) this.compact(row, col);
  }

  /** Reset whole-column/row formats inside a rectangle (clear formats). */
  clearLayerFormats(r: Rect): void {
    if (isFullRows(r)) for (let col = r.left; col <= r.right; col++) this.columnFormats.delete(col);
    if (isFullCols(r)) for (let row = r.top; row <= r.bottom; row++) this.rowFormats.delete(row);
  }

  // ---- queries -----------------------------------------------------------

  /**
   * Bounding box of the used cells: cells with a value or formula (and, unless
   * valuesOnly, with any non-default format or a hyperlink), plus merged areas.
   */
  usedBounds(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -Infinity;
    let right = -Infinity;
    const add = (r: Rect): void => {
      top = Math.min(top, r.top);
      left = Math.min(left, r.left);
      bottom = Math.max(bottom, r.bottom);
      right = Math.max(right, r.right);
    };
    for (const [key, c] of this.store) {
      const used = c.type !== 'Empty' || c.formula !== null || (!valuesOnly && (c.hyperlink !== null || !sameFormat(c, DEFAULT_FORMAT)));
      if (!used) continue;
      const row = Math.floor(key / KEY_COLS);
      const col = key % KEY_COLS;
      add({ top: row, left: col, bottom: row, right: col });
    }
    for (const m of this.merges) add(m);
    return top === Infinity ? null : { top, left, bottom, right };
  }

  /** Every cell that differs from a blank default cell, keyed by A1, deep-copied (plus column/row formats as "A:A" / "3:3"). */
  cellsSnapshot(): Record<string, FakeCell> {
    const out: Record<string, FakeCell> = {};
    const keys = [...this.store.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const c = this.store.get(key) as FakeCell;
      if (!hasContent(c) && sameFormat(c, DEFAULT_FORMAT)) continue;
      out[cellKey(Math.floor(key / KEY_COLS), key % KEY_COLS)] = copyCell(c);
    }
    for (const [col, f] of [...this.columnFormats].sort((a, b) => a[0] - b[0])) {
      const letters = cellKey(0, col).replace(/\d+$/, '');
      out[`${letters}:${letters}`] = cellFrom(f);
    }
    for (const [row, f] of [...this.rowFormats].sort((a, b) => a[0] - b[0])) out[`${row + 1}:${row + 1}`] = cellFrom(f);
    return out;
  }

  /** The merged area that holds (row, col), if any. */
  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  mergesIntersecting(r: Rect): Rect[] {
    return this.merges.filter((m) => intersects(m, r));
  }

  mergesInside(r: Rect): Rect[] {
    return this.merges.filter((m) => contains(r, m));
  }
}

const EMPTY_DEFAULT_CELL: FakeCell = Object.freeze(defaultCell()) as FakeCell;

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
