/**
 * What the proxies do to the in-memory workbook: typed writes, reads of 2-D
 * properties, formats with Excel's "null when mixed" reads, borders, merges,
 * clearing. Everything here runs at sync time and throws FakeOfficeError.
 */
import type { Rect } from './addresses';
import { MAX_ROWS, contains, intersects, isFullCols, isFullRows, rectArea, rectCols, rectRows, sameRect } from './addresses';
import { fail } from './errors';
import type { FakeExcel } from './FakeExcel';
import type { FakeBorder, FakeCell, FakeCellFormat, FakeSheet } from './model';
import { defaultFormat } from './model';
import type { CellType, Scalar } from './typing';
import { typeInto, typeOfValue } from './typing';

export interface RangeT {
  sheet: FakeSheet;
  rect: Rect;
}

export interface AreasT {
  sheet: FakeSheet;
  rects: Rect[];
}

export function checkSheetAlive(sheet: FakeSheet): void {
  if (sheet.deleted) fail('ItemNotFound', `The worksheet '${sheet.name}' was deleted`);
}

export function assertCellsEditable(sheet: FakeSheet): void {
  if (sheet.protected) fail('AccessDenied', `The worksheet '${sheet.name}' is protected`);
}

export function assertStructureEditable(book: FakeExcel): void {
  if (book.protectedStructure) fail('AccessDenied', 'The workbook structure is protected');
}

// ---- colours and enumerations ------------------------------------------------

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  silver: '#C0C0C0',
  purple: '#800080',
  navy: '#000080',
  maroon: '#800000',
  teal: '#008080',
  aqua: '#00FFFF',
  cyan: '#00FFFF',
  fuchsia: '#FF00FF',
  magenta: '#FF00FF',
  olive: '#808000',
};

/** '#RRGGBB' uppercase from '#rrggbb' or an HTML colour name; InvalidArgument otherwise. */
export function normalizeColor(v: unknown): string {
  if (typeof v === 'string') {
    if (/^#[0-9A-Fa-f]{6}$/.test(v)) return v.toUpperCase();
    const named = NAMED_COLORS[v.toLowerCase()];
    if (named) return named;
  }
  return fail('InvalidArgument', `Invalid color ${JSON.stringify(v)}`);
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], what: string): T {
  if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
  return fail('InvalidArgument', `Invalid ${what} ${JSON.stringify(v)}; expected one of ${allowed.join(', ')}`);
}

export function asBoolean(v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') fail('InvalidArgument', `Invalid ${what} ${JSON.stringify(v)}; expected a boolean`);
  return v;
}

export function asNumber(v: unknown, what: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    fail('InvalidArgument', `Invalid ${what} ${JSON.stringify(v)}; expected a number in [${min}, ${max}]`);
  }
  return v;
}

export function asString(v: unknown, what: string): string {
  if (typeof v !== 'string') fail('InvalidArgument', `Invalid ${what} ${JSON.stringify(v)}; expected a string`);
  return v;
}

export const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'] as const;
export const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'] as const;
export const UNDERLINES = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'] as const;
export const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'] as const;
export const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'] as const;
export const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'] as const;
export type BorderIndex = (typeof BORDER_INDEXES)[number];
export const FILL_PATTERNS = [
  'None',
  'Solid',
  'Gray50',
  'Gray75',
  'Gray25',
  'Horizontal',
  'Vertical',
  'Down',
  'Up',
  'Checker',
  'SemiGray75',
  'LightHorizontal',
  'LightVertical',
  'LightDown',
  'LightUp',
  'Grid',
  'CrissCross',
  'Gray16',
  'Gray8',
  'LinearGradient',
  'RectangularGradient',
] as const;

// ---- values -------------------------------------------------------------------

/** The value a cell shows now: a formula's result comes from `evaluate` when given. */
export function computedValue(book: FakeExcel, sheet: FakeSheet, row: number, col: number, c: FakeCell): Scalar {
  if (c.formula !== null && book.evaluate) {
    const v = book.evaluate(c.formula, sheet.name, row, col);
    return v === undefined || v === '' ? null : v;
  }
  return c.value;
}

function computedType(book: FakeExcel, sheet: FakeSheet, row: number, col: number, c: FakeCell): CellType {
  if (c.formula !== null && book.evaluate) return typeOfValue(computedValue(book, sheet, row, col, c));
  return c.type;
}

export type CellReader = (book: FakeExcel, sheet: FakeSheet, row: number, col: number, c: FakeCell) => unknown;

export const READERS: Record<'values' | 'valueTypes' | 'numberFormat' | 'formulas' | 'text', CellReader> = {
  values: (book, sheet, row, col, c) => computedValue(book, sheet, row, col, c) ?? '',
  valueTypes: (book, sheet, row, col, c) => computedType(book, sheet, row, col, c),
  numberFormat: (_book, _sheet, _row, _col, c) => c.numberFormat,
  formulas: (_book, _sheet, _row, _col, c) => c.formula ?? c.value ?? '',
  text: (book, sheet, row, col, c) => {
    const v = computedValue(book, sheet, row, col, c);
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  },
};

/** A 2-D read of a rectangle, or null past the cells-per-read limit and for whole columns or rows (as Excel does). */
export function readMatrix(book: FakeExcel, t: RangeT, reader: CellReader): unknown[][] | null {
  if (rectArea(t.rect) > book.maxCellsPerRead || isFullRows(t.rect) || isFullCols(t.rect)) return null;
  const out: unknown[][] = [];
  for (let row = t.rect.top; row <= t.rect.bottom; row++) {
    const line: unknown[] = [];
    for (let col = t.rect.left; col <= t.rect.right; col++) line.push(reader(book, t.sheet, row, col, t.sheet.view(row, col)));
    out.push(line);
  }
  return out;
}

function isMergedNonAnchor(sheet: FakeSheet, row: number, col: number): boolean {
  const m = sheet.mergeAt(row, col);
  return m !== undefined && !(m.top === row && m.left === col);
}

function checkScalar(v: unknown, what: string): Scalar {
  if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return fail('InvalidArgument', `Invalid ${what} element ${JSON.stringify(v)}`);
}

/** A 2-D argument must match the range exactly; a single non-array value applies to every cell. */
export function checkShape(t: RangeT, input: unknown, what: string): { matrix: Scalar[][] | null; scalar: Scalar } {
  if (Array.isArray(input)) {
    const rows = rectRows(t.rect);
    const cols = rectCols(t.rect);
    const ok = input.length === rows && input.every((line) => Array.isArray(line) && line.length === cols);
    if (!ok) {
      const got = `${input.length}x${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
      fail('InvalidArgument', `The number of rows or columns in the ${what} array (${got}) does not match the size of the range (${rows}x${cols})`);
    }
    for (const line of input as unknown[][]) for (const v of line) checkScalar(v, what);
    return { matrix: input as Scalar[][], scalar: null };
  }
  return { matrix: null, scalar: checkScalar(input, what) };
}

/** Every cell of the rectangle, row by row. */
function forEachCell(r: Rect, fn: (row: number, col: number, i: number, j: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col, row - r.top, col - r.left);
}

/** Write `values` or `formulas` like typing into the cells. null elements leave a cell as it is. */
export function writeTyped(book: FakeExcel, t: RangeT, input: unknown, what: 'values' | 'formulas'): void {
  const { sheet, rect } = t;
  assertCellsEditable(sheet);
  const { matrix, scalar } = checkShape(t, input, what);
  const formulas: [number, number][] = [];
  const put = (row: number, col: number, v: Scalar): void => {
    if (v === null) return;
    if (isMergedNonAnchor(sheet, row, col) && v !== '') return; // Excel keeps merged non-anchors empty
    const c = sheet.mutable(row, col);
    const typed = typeInto(v, c.numberFormat);
    if (typed.kind === 'clear') {
      c.value = null;
      c.type = 'Empty';
      c.formula = null;
    } else if (typed.kind === 'constant') {
      c.value = typed.value;
      c.type = typed.type;
      c.formula = null;
      if (typed.numberFormat && c.numberFormat === 'General') c.numberFormat = typed.numberFormat;
    } else {
      c.formula = typed.formula;
      c.value = null;
      c.type = 'Empty';
      formulas.push([row, col]);
    }
    sheet.compact(row, col);
  };
  if (matrix) {
    forEachCell(rect, (row, col, i, j) => put(row, col, matrix[i][j]));
  } else if (scalar === null) {
    fail('InvalidArgument', `${what} cannot be set to null`);
  } else if (scalar === '') {
    sheet.forEachStored(rect, (_row, _col, c) => {
      c.value = null;
      c.type = 'Empty';
      c.formula = null;
    });
  } else {
    forEachCell(rect, (row, col) => put(row, col, scalar));
  }
  for (const [row, col] of formulas) {
    const c = sheet.mutable(row, col);
    const v = book.evaluate ? computedValue(book, sheet, row, col, c) : null;
    c.value = v;
    c.type = typeOfValue(v);
  }
}

export function writeNumberFormat(t: RangeT, input: unknown): void {
  const { sheet, rect } = t;
  assertCellsEditable(sheet);
  const { matrix, scalar } = checkShape(t, input, 'numberFormat');
  const fmt = (v: Scalar): string => {
    if (typeof v !== 'string') fail('InvalidArgument', `Invalid numberFormat ${JSON.stringify(v)}`);
    return v === '' ? 'General' : v;
  };
  if (matrix) {
    forEachCell(rect, (row, col, i, j) => {
      const v = matrix[i][j];
      if (v === null) return;
      const f = fmt(v);
      sheet.mutable(row, col).numberFormat = f;
      sheet.compact(row, col);
    });
    return;
  }
  if (scalar === null) fail('InvalidArgument', 'numberFormat cannot be set to null');
  const f = fmt(scalar);
  sheet.applyFormat(rect, (cf) => {
    cf.numberFormat = f;
  });
}

export function writeHyperlink(t: RangeT, v: unknown): void {
  const { sheet, rect } = t;
  assertCellsEditable(sheet);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('InvalidArgument', `Invalid hyperlink ${JSON.stringify(v)}`);
  const link: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (!['documentReference', 'address', 'textToDisplay', 'screenTip'].includes(k)) fail('InvalidArgument', `Invalid hyperlink property '${k}'`);
    if (x === undefined || x === null) continue;
    link[k] = asString(x, `hyperlink.${k}`);
  }
  if (rectArea(t.rect) > 1_000_000) fail('InvalidArgument', 'The fake does not set hyperlinks on more than a million cells');
  forEachCell(rect, (row, col) => {
    if (isMergedNonAnchor(sheet, row, col)) return;
    const c = sheet.mutable(row, col);
    c.hyperlink = { ...link };
    const shown = link.textToDisplay ?? (c.type === 'Empty' && c.formula === null ? (link.address ?? link.documentReference) : undefined);
    if (shown !== undefined) {
      c.value = shown === '' ? null : shown;
      c.type = shown === '' ? 'Empty' : 'String';
      c.formula = null;
    }
  });
}

export function readHyperlink(t: RangeT): unknown {
  const h = t.sheet.view(t.rect.top, t.rect.left).hyperlink;
  return h ? { ...h } : null;
}

// ---- formats ------------------------------------------------------------------------

const SKIP = Symbol('skip');

/**
 * Cells standing for every distinct (format, position) of a rectangle: all cells
 * of a small one; for whole columns/rows the stored cells, the column/row formats
 * and the edge rows/columns.
 */
export function* representatives(sheet: FakeSheet, r: Rect): Generator<[FakeCell, number, number]> {
  const fullRows = isFullRows(r);
  const fullCols = isFullCols(r);
  if (rectArea(r) <= 200_000 || (!fullRows && !fullCols)) {
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield [sheet.view(row, col), row, col];
    return;
  }
  for (const x of sheet.storedIn(r)) yield [x[2], x[0], x[1]];
  if (fullRows) {
    for (let col = r.left; col <= r.right; col++) {
      yield [sheet.view(1, col), 1, col];
      yield [sheet.view(0, col), 0, col];
      yield [sheet.view(MAX_ROWS - 1, col), MAX_ROWS - 1, col];
    }
  }
  const rows = fullCols && !fullRows ? rowList(r.top, r.bottom) : [...sheet.rowFormats.keys()].filter((x) => x >= r.top && x <= r.bottom);
  for (const row of rows) {
    yield [sheet.view(row, r.left), row, r.left];
    if (r.right > r.left) yield [sheet.view(row, r.left + 1), row, r.left + 1];
    yield [sheet.view(row, r.right), row, r.right];
  }
}

function rowList(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** The common value of a format property over areas, null when the cells differ. */
export function uniform<V>(t: AreasT, pick: (c: FakeCell, row: number, col: number, rect: Rect) => V | typeof SKIP, fallback: V): V | null {
  let seen = false;
  let first: V | undefined;
  for (const rect of t.rects) {
    for (const [c, row, col] of representatives(t.sheet, rect)) {
      const v = pick(c, row, col, rect);
      if (v === SKIP) continue;
      if (!seen) {
        seen = true;
        first = v;
      } else if (v !== first && (typeof v !== 'object' || JSON.stringify(v) !== JSON.stringify(first))) {
        return null;
      }
    }
  }
  return seen ? (first as V) : fallback;
}

export { SKIP };

export function setFormat(t: AreasT, apply: (f: FakeCellFormat) => void): void {
  assertCellsEditable(t.sheet);
  for (const rect of t.rects) t.sheet.applyFormat(rect, apply);
}

// ---- borders ----------------------------------------------------------------------------

type Side = 'top' | 'bottom' | 'left' | 'right';

function sidesOf(index: BorderIndex, row: number, col: number, r: Rect): Side[] {
  switch (index) {
    case 'EdgeTop':
      return row === r.top ? ['top'] : [];
    case 'EdgeBottom':
      return row === r.bottom ? ['bottom'] : [];
    case 'EdgeLeft':
      return col === r.left ? ['left'] : [];
    case 'EdgeRight':
      return col === r.right ? ['right'] : [];
    case 'InsideHorizontal': {
      const out: Side[] = [];
      if (row < r.bottom) out.push('bottom');
      if (row > r.top) out.push('top');
      return out;
    }
    case 'InsideVertical': {
      const out: Side[] = [];
      if (col < r.right) out.push('right');
      if (col > r.left) out.push('left');
      return out;
    }
    default:
      return []; // diagonals: not modelled
  }
}

/** The cells an edge touches (to avoid walking the whole rectangle for an edge). */
function edgeRect(index: BorderIndex, r: Rect): Rect {
  switch (index) {
    case 'EdgeTop':
      return { ...r, bottom: r.top };
    case 'EdgeBottom':
      return { ...r, top: r.bottom };
    case 'EdgeLeft':
      return { ...r, right: r.left };
    case 'EdgeRight':
      return { ...r, left: r.right };
    default:
      return r;
  }
}

export interface BorderT {
  areas: AreasT;
  index: BorderIndex;
}

export function setBorder(t: BorderT, change: (b: FakeBorder | null) => FakeBorder | null): void {
  const { sheet, rects } = t.areas;
  assertCellsEditable(sheet);
  for (const rect of rects) {
    const iter = edgeRect(t.index, rect);
    const apply = (f: FakeCellFormat, row: number, col: number): void => {
      for (const side of sidesOf(t.index, row, col, rect)) f.borders[side] = change(f.borders[side]);
    };
    if (sameRect(iter, rect)) sheet.applyFormat(rect, apply, true);
    else sheet.applyFormat(iter, apply, true);
  }
}

export function readBorder<K extends keyof FakeBorder>(t: BorderT, key: K, none: FakeBorder[K]): FakeBorder[K] | null {
  let first: FakeBorder[K] | undefined;
  for (const rect of t.areas.rects) {
    for (const [c, row, col] of representatives(t.areas.sheet, rect)) {
      for (const side of sidesOf(t.index, row, col, rect)) {
        const b = c.borders[side];
        const v = b ? b[key] : none;
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
    }
  }
  return first ?? none;
}

// ---- merges and clearing --------------------------------------------------------------------

export function mergeRange(t: RangeT, across: boolean): void {
  const { sheet, rect } = t;
  assertCellsEditable(sheet);
  const areas: Rect[] = [];
  if (across) {
    for (let row = rect.top; row <= rect.bottom; row++) areas.push({ top: row, left: rect.left, bottom: row, right: rect.right });
  } else {
    areas.push({ ...rect });
  }
  const wanted = areas.filter((a) => rectArea(a) > 1);
  for (const a of wanted) {
    for (const m of sheet.merges) {
      if (intersects(a, m) && !contains(a, m)) {
        fail('InvalidOperation', `Cannot merge: the range partially overlaps the merged area ${JSON.stringify(m)}`);
      }
    }
  }
  for (const a of wanted) {
    sheet.merges = sheet.merges.filter((m) => !contains(a, m));
    sheet.merges.push(a);
    sheet.forEachStored(a, (row, col, c) => {
      if (row === a.top && col === a.left) return;
      c.value = null;
      c.type = 'Empty';
      c.formula = null;
    });
  }
}

export function unmergeRange(t: RangeT): void {
  assertCellsEditable(t.sheet);
  t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
}

export const CLEAR_APPLY_TO = ['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks', 'ResetContents'] as const;

export function clearRange(t: AreasT, applyTo: (typeof CLEAR_APPLY_TO)[number]): void {
  const { sheet } = t;
  assertCellsEditable(sheet);
  const contents = applyTo === 'All' || applyTo === 'Contents' || applyTo === 'ResetContents';
  const formats = applyTo === 'All' || applyTo === 'Formats';
  const links = applyTo === 'All' || applyTo === 'Hyperlinks' || applyTo === 'RemoveHyperlinks';
  for (const rect of t.rects) {
    if (formats) {
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      sheet.clearLayerFormats(rect);
      // cells that still inherit a row/column format become explicit defaults (Excel clears to Normal)
      const explicitDefault = (row: number, col: number): void => {
        Object.assign(sheet.mutable(row, col), defaultFormat());
      };
      if (!isFullCols(rect)) {
        for (const row of [...sheet.rowFormats.keys()]) {
          if (row < rect.top || row > rect.bottom) continue;
          for (let col = rect.left; col <= rect.right; col++) explicitDefault(row, col);
        }
      }
      if (!isFullRows(rect)) {
        for (const col of [...sheet.columnFormats.keys()]) {
          if (col < rect.left || col > rect.right) continue;
          for (let row = rect.top; row <= rect.bottom; row++) explicitDefault(row, col);
        }
      }
    }
    sheet.forEachStored(rect, (_row, _col, c) => {
      if (contents) {
        c.value = null;
        c.type = 'Empty';
        c.formula = null;
      }
      if (links) c.hyperlink = null;
      if (formats) Object.assign(c, defaultFormat());
    });
  }
}
