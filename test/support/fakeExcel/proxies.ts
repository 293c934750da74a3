/**
 * The Office.js objects of the fake (the part of the Excel API the add-in uses).
 * Names and shapes follow Excel.*; every property read needs load + sync, every
 * write and method call is queued and applied at sync.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- Office.js values (any[][]) and per-class targets */
import type { Rect } from './addresses';
import {
  MAX_COLS,
  MAX_ROWS,
  checkRect,
  contains,
  formatRect,
  fullAddress,
  intersects,
  isFullCols,
  isFullRows,
  parseRef,
  rectArea,
  sameSheetName,
  splitAreas,
  splitSheet,
  cellKey,
} from './addresses';
import type { AreasT, BorderIndex, BorderT, RangeT } from './cellOps';
import {
  BORDER_INDEXES,
  BORDER_STYLES,
  BORDER_WEIGHTS,
  CLEAR_APPLY_TO,
  FILL_PATTERNS,
  H_ALIGN,
  READERS,
  UNDERLINES,
  V_ALIGN,
  asBoolean,
  asNumber,
  asString,
  assertCellsEditable,
  checkSheetAlive,
  clearRange,
  mergeRange,
  normalizeColor,
  oneOf,
  readBorder,
  readHyperlink,
  readMatrix,
  setBorder,
  setFormat,
  uniform,
  unmergeRange,
  writeHyperlink,
  writeNumberFormat,
  writeTyped,
} from './cellOps';
import { fail } from './errors';
import type { FakeExcel } from './FakeExcel';
import type { FakeConditionalFormat, FakeHyperlink, FakeSheet } from './model';
import { checkFormula } from './typing';
import type { ClassDef, ClientResult, Env, RequestContextCore, Resolution } from './runtime';
import { NULL, ProxyBase, boundTo, installProps, resolveArg, rootRes } from './runtime';

type Ctx = RequestContextCore;

function rangeT(sheet: FakeSheet, rect: Rect): RangeT {
  return { sheet, rect: checkRect(rect) };
}

function asIndex(v: unknown, what: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) fail('InvalidArgument', `Invalid ${what} ${JSON.stringify(v)}`);
  return v;
}

/** Parse an address on a sheet: optional prefix (must name that sheet), one area. */
function rectOnSheet(sheet: FakeSheet, address: unknown): Rect {
  const text = asString(address, 'address');
  const { sheet: prefix, ref } = splitSheet(text);
  if (prefix !== null && !sameSheetName(prefix, sheet.name)) {
    fail('InvalidArgument', `The address '${text}' names another worksheet than '${sheet.name}'`);
  }
  if (ref.includes(',')) fail('InvalidArgument', `The address '${text}' has several areas; use getRanges`);
  return parseRef(ref);
}

function areasOnSheet(sheet: FakeSheet, address: unknown): Rect[] {
  const text = asString(address, 'address');
  const parts = splitAreas(text);
  if (parts.some((p) => p === '')) fail('InvalidArgument', `Invalid address '${text}'`);
  return parts.map((p) => rectOnSheet(sheet, p));
}

/** A Range given as an argument (same context, resolved now). */
function rangeArg(v: unknown, env: Env, what: string): RangeT {
  if (!(v instanceof RangeProxy)) return fail('InvalidArgument', `${what} must be a Range or an address`);
  return resolveArg(v, env, what) as RangeT;
}

function sortRects(rects: Rect[]): Rect[] {
  return [...rects].sort((a, b) => a.top - b.top || a.left - b.left);
}

// =====================================================================================
// Range
// =====================================================================================

const RANGE_DEF: ClassDef = {
  name: 'Range',
  props: {
    address: { get: (t: RangeT) => fullAddress(t.sheet.name, t.rect) },
    addressLocal: { get: (t: RangeT) => fullAddress(t.sheet.name, t.rect) },
    rowIndex: { get: (t: RangeT) => t.rect.top },
    columnIndex: { get: (t: RangeT) => t.rect.left },
    rowCount: { get: (t: RangeT) => t.rect.bottom - t.rect.top + 1 },
    columnCount: { get: (t: RangeT) => t.rect.right - t.rect.left + 1 },
    cellCount: { get: (t: RangeT) => rectArea(t.rect) },
    isEntireColumn: { api: '1.7', get: (t: RangeT) => isFullRows(t.rect) },
    isEntireRow: { api: '1.7', get: (t: RangeT) => isFullCols(t.rect) },
    values: {
      get: (t: RangeT, env) => readMatrix(env.book, t, READERS.values),
      set: (t: RangeT, v, env) => writeTyped(env.book, t, v, 'values'),
    },
    valueTypes: { get: (t: RangeT, env) => readMatrix(env.book, t, READERS.valueTypes) },
    numberFormat: {
      format: true,
      get: (t: RangeT, env) => readMatrix(env.book, t, READERS.numberFormat),
      set: (t: RangeT, v) => writeNumberFormat(t, v),
    },
    formulas: {
      get: (t: RangeT, env) => readMatrix(env.book, t, READERS.formulas),
      set: (t: RangeT, v, env) => writeTyped(env.book, t, v, 'formulas'),
    },
    text: { get: (t: RangeT, env) => readMatrix(env.book, t, READERS.text) },
    hyperlink: { api: '1.7', get: (t: RangeT) => readHyperlink(t), set: (t: RangeT, v) => writeHyperlink(t, v) },
  },
  navs: ['format', 'conditionalFormats', 'worksheet'],
  validate: (t: RangeT) => checkSheetAlive(t.sheet),
};

export class RangeProxy extends ProxyBase {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  declare values: any[][];
  declare readonly valueTypes: string[][];
  declare numberFormat: any[][];
  declare formulas: any[][];
  declare readonly text: string[][];
  declare hyperlink: FakeHyperlink;

  constructor(ctx: Ctx, res: Resolution, path = 'Range') {
    super(ctx, RANGE_DEF, path, res);
  }

  get format(): RangeFormatProxy {
    return this._facet('format', (p) => new RangeFormatProxy(this.context, p, this._facetRes((t: RangeT): AreasT => ({ sheet: t.sheet, rects: [t.rect] }))));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._facet('conditionalFormats', (p) => new ConditionalFormatCollectionProxy(this.context, p, this._facetRes((t: RangeT) => t)));
  }

  get worksheet(): WorksheetProxy {
    return this._facet('worksheet', (p) => new WorksheetProxy(this.context, this._facetRes((t: RangeT) => t.sheet), p));
  }

  private _range(member: string, args: unknown[], fn: (t: RangeT) => Rect, api?: string): RangeProxy {
    return this._nav(member, args, (res) => new RangeProxy(this.context, res), (t: RangeT) => rangeT(t.sheet, fn(t)), { api });
  }

  /** the cell at (row, column) relative to the range's top-left cell */
  getCell(row: number, column: number): RangeProxy {
    return this._range('getCell', [row, column], (t) => {
      const r = t.rect.top + asIndex(row, 'row');
      const c = t.rect.left + asIndex(column, 'column');
      return { top: r, left: c, bottom: r, right: c };
    });
  }

  getRow(row: number): RangeProxy {
    return this._range('getRow', [row], (t) => {
      const r = t.rect.top + asIndex(row, 'row');
      return { ...t.rect, top: r, bottom: r };
    });
  }

  getColumn(column: number): RangeProxy {
    return this._range('getColumn', [column], (t) => {
      const c = t.rect.left + asIndex(column, 'column');
      return { ...t.rect, left: c, right: c };
    });
  }

  getEntireColumn(): RangeProxy {
    return this._range('getEntireColumn', [], (t) => ({ top: 0, bottom: MAX_ROWS - 1, left: t.rect.left, right: t.rect.right }));
  }

  getEntireRow(): RangeProxy {
    return this._range('getEntireRow', [], (t) => ({ top: t.rect.top, bottom: t.rect.bottom, left: 0, right: MAX_COLS - 1 }));
  }

  /** the range with its bottom-right corner moved by (deltaRows, deltaColumns) */
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this._range(
      'getResizedRange',
      [deltaRows, deltaColumns],
      (t) => ({ ...t.rect, bottom: t.rect.bottom + asIndex(deltaRows, 'deltaRows'), right: t.rect.right + asIndex(deltaColumns, 'deltaColumns') }),
      '1.7',
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this._range('getOffsetRange', [rowOffset, columnOffset], (t) => {
      const dr = asIndex(rowOffset, 'rowOffset');
      const dc = asIndex(columnOffset, 'columnOffset');
      return { top: t.rect.top + dr, bottom: t.rect.bottom + dr, left: t.rect.left + dc, right: t.rect.right + dc };
    });
  }

  /** merge into one area, or each row separately when across is true */
  merge(across = false): void {
    this._call('merge', [across], (t: RangeT) => mergeRange(t, asBoolean(across, 'across')), { api: '1.2' });
  }

  unmerge(): void {
    this._call('unmerge', [], (t: RangeT) => unmergeRange(t), { api: '1.2' });
  }

  /** the merged areas that intersect the range; a null object when there is none; fails past 512 areas */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return this._nav(
      'getMergedAreasOrNullObject',
      [],
      (res) => new RangeAreasProxy(this.context, res),
      (t: RangeT) => {
        const areas = t.sheet.mergesIntersecting(t.rect);
        if (areas.length > 512) fail('GeneralException', `The range has ${areas.length} merged areas; getMergedAreasOrNullObject supports at most 512`);
        if (areas.length === 0) return NULL;
        return { sheet: t.sheet, rects: sortRects(areas) } satisfies AreasT;
      },
      { api: '1.13' },
    );
  }

  /** select the range; its sheet must be the active sheet at this point of the queue */
  select(): void {
    this._call('select', [], (t: RangeT, env) => {
      if (env.book._active !== t.sheet) {
        fail('InvalidOperation', `Cannot select a range on '${t.sheet.name}', which is not the active worksheet (activate it first)`);
      }
      env.book.selection = { sheet: t.sheet.name, address: formatRect(t.rect) };
    });
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], (t: RangeT) => clearRange({ sheet: t.sheet, rects: [t.rect] }, oneOf(applyTo, CLEAR_APPLY_TO, 'applyTo')));
  }
}
installProps(RangeProxy, RANGE_DEF);

// =====================================================================================
// RangeAreas and RangeCollection
// =====================================================================================

const AREAS_DEF: ClassDef = {
  name: 'RangeAreas',
  api: '1.9',
  props: {
    address: { get: (t: AreasT) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(',') },
    addressLocal: { get: (t: AreasT) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(',') },
    areaCount: { get: (t: AreasT) => t.rects.length },
    cellCount: { get: (t: AreasT) => t.rects.reduce((s, r) => s + rectArea(r), 0) },
  },
  navs: ['format', 'areas', 'worksheet'],
  validate: (t: AreasT) => checkSheetAlive(t.sheet),
};

export class RangeAreasProxy extends ProxyBase {
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;

  constructor(ctx: Ctx, res: Resolution) {
    super(ctx, AREAS_DEF, 'RangeAreas', res);
  }

  get format(): RangeFormatProxy {
    return this._facet('format', (p) => new RangeFormatProxy(this.context, p, this._facetRes((t: AreasT) => t)));
  }

  get areas(): RangeCollectionProxy {
    return this._facet('areas', (p) => new RangeCollectionProxy(this.context, p, this._facetRes((t: AreasT) => t)));
  }

  get worksheet(): WorksheetProxy {
    return this._facet('worksheet', (p) => new WorksheetProxy(this.context, this._facetRes((t: AreasT) => t.sheet), p));
  }

  clear(applyTo: string = 'All'): void {
    this._call('clear', [applyTo], (t: AreasT) => clearRange(t, oneOf(applyTo, CLEAR_APPLY_TO, 'applyTo')));
  }
}
installProps(RangeAreasProxy, AREAS_DEF);

const RANGE_COLLECTION_DEF: ClassDef = {
  name: 'RangeCollection',
  api: '1.9',
  props: {},
  collection: {
    items: (t: AreasT) => t.rects.map((r) => ({ sheet: t.sheet, rect: r })),
    make: (ctx, x) => new RangeProxy(ctx, boundTo(x)),
  },
};

export class RangeCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, RANGE_COLLECTION_DEF, path, res);
  }

  get items(): RangeProxy[] {
    return this._getItems<RangeProxy>();
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', [], (t: AreasT) => t.rects.length);
  }

  getItemAt(index: number): RangeProxy {
    return this._nav('getItemAt', [index], (res) => new RangeProxy(this.context, res), (t: AreasT) => {
      const i = asIndex(index, 'index');
      if (i < 0 || i >= t.rects.length) fail('ItemNotFound', `No area at index ${i}`);
      return { sheet: t.sheet, rect: t.rects[i] } satisfies RangeT;
    });
  }
}

// =====================================================================================
// Formats
// =====================================================================================

function widthsOf(t: AreasT): number | null {
  let first: number | undefined;
  for (const r of t.rects) {
    for (let c = r.left; c <= r.right; c++) {
      const w = t.sheet.columnWidths.get(c) ?? t.sheet.defaultColumnWidth;
      if (first === undefined) first = w;
      else if (w !== first) return null;
    }
  }
  return first ?? null;
}

function heightsOf(t: AreasT): number | null {
  let first: number | undefined;
  for (const r of t.rects) {
    if (isFullRows(r) && t.sheet.rowHeights.size > 0) return null;
    for (let row = r.top; row <= r.bottom; row++) {
      const h = t.sheet.rowHeights.get(row) ?? t.sheet.defaultRowHeight;
      if (first === undefined) first = h;
      else if (h !== first) return null;
      if (isFullRows(r)) break;
    }
  }
  return first ?? null;
}

const FORMAT_DEF: ClassDef = {
  name: 'RangeFormat',
  props: {
    horizontalAlignment: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.horizontalAlignment, 'General'),
      set: (t: AreasT, v) => {
        const a = oneOf(v, H_ALIGN, 'horizontalAlignment');
        setFormat(t, (f) => (f.horizontalAlignment = a));
      },
    },
    verticalAlignment: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.verticalAlignment, 'Bottom'),
      set: (t: AreasT, v) => {
        const a = oneOf(v, V_ALIGN, 'verticalAlignment');
        setFormat(t, (f) => (f.verticalAlignment = a));
      },
    },
    wrapText: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.wrapText, false),
      set: (t: AreasT, v) => {
        const w = asBoolean(v, 'wrapText');
        setFormat(t, (f) => (f.wrapText = w));
      },
    },
    columnWidth: {
      api: '1.2',
      format: true,
      get: (t: AreasT) => widthsOf(t),
      set: (t: AreasT, v) => {
        const w = asNumber(v, 'columnWidth', 0, 1800);
        assertCellsEditable(t.sheet);
        for (const r of t.rects) {
          if (isFullCols(r)) {
            t.sheet.defaultColumnWidth = w;
            t.sheet.columnWidths.clear();
          } else {
            for (let c = r.left; c <= r.right; c++) t.sheet.columnWidths.set(c, w);
          }
        }
      },
    },
    rowHeight: {
      api: '1.2',
      format: true,
      get: (t: AreasT) => heightsOf(t),
      set: (t: AreasT, v) => {
        const h = asNumber(v, 'rowHeight', 0, 409);
        assertCellsEditable(t.sheet);
        for (const r of t.rects) {
          if (isFullRows(r)) {
            t.sheet.defaultRowHeight = h;
            t.sheet.rowHeights.clear();
          } else {
            for (let row = r.top; row <= r.bottom; row++) t.sheet.rowHeights.set(row, h);
          }
        }
      },
    },
  },
  navs: ['font', 'fill', 'borders'],
};

export class RangeFormatProxy extends ProxyBase {
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare columnWidth: number;
  declare rowHeight: number;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, FORMAT_DEF, path, res);
  }

  get font(): RangeFontProxy {
    return this._facet('font', (p) => new RangeFontProxy(this.context, p, this._facetRes((t: AreasT) => t)));
  }

  get fill(): RangeFillProxy {
    return this._facet('fill', (p) => new RangeFillProxy(this.context, p, this._facetRes((t: AreasT) => t)));
  }

  get borders(): RangeBorderCollectionProxy {
    return this._facet('borders', (p) => new RangeBorderCollectionProxy(this.context, p, this._facetRes((t: AreasT) => t)));
  }
}
installProps(RangeFormatProxy, FORMAT_DEF);

const FONT_DEF: ClassDef = {
  name: 'RangeFont',
  props: {
    bold: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.bold, false),
      set: (t: AreasT, v) => {
        const b = asBoolean(v, 'bold');
        setFormat(t, (f) => (f.font.bold = b));
      },
    },
    italic: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.italic, false),
      set: (t: AreasT, v) => {
        const b = asBoolean(v, 'italic');
        setFormat(t, (f) => (f.font.italic = b));
      },
    },
    underline: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.underline, 'None'),
      set: (t: AreasT, v) => {
        const u = oneOf(v, UNDERLINES, 'underline');
        setFormat(t, (f) => (f.font.underline = u));
      },
    },
    size: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.size, 11),
      set: (t: AreasT, v) => {
        const s = asNumber(v, 'font size', 1, 409);
        setFormat(t, (f) => (f.font.size = s));
      },
    },
    name: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.name, 'Calibri'),
      set: (t: AreasT, v) => {
        const n = asString(v, 'font name');
        if (n.trim() === '') fail('InvalidArgument', 'The font name is empty');
        setFormat(t, (f) => (f.font.name = n));
      },
    },
    color: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.font.color, '#000000'),
      set: (t: AreasT, v) => {
        const col = normalizeColor(v);
        setFormat(t, (f) => (f.font.color = col));
      },
    },
  },
};

export class RangeFontProxy extends ProxyBase {
  declare bold: boolean;
  declare italic: boolean;
  declare underline: string;
  declare size: number;
  declare name: string;
  declare color: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, FONT_DEF, path, res);
  }
}
installProps(RangeFontProxy, FONT_DEF);

const FILL_DEF: ClassDef = {
  name: 'RangeFill',
  props: {
    color: {
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.fill.color ?? '#FFFFFF', '#FFFFFF'),
      set: (t: AreasT, v) => {
        const col = normalizeColor(v);
        setFormat(t, (f) => {
          f.fill.color = col;
          f.fill.pattern = 'Solid';
        });
      },
    },
    pattern: {
      api: '1.9',
      format: true,
      get: (t: AreasT) => uniform(t, (c) => c.fill.pattern, 'None'),
      set: (t: AreasT, v) => {
        const p = oneOf(v, FILL_PATTERNS, 'fill pattern');
        setFormat(t, (f) => {
          f.fill.pattern = p;
          if (p === 'None') f.fill.color = null;
          else f.fill.color = f.fill.color ?? '#FFFFFF';
        });
      },
    },
  },
};

export class RangeFillProxy extends ProxyBase {
  declare color: string;
  declare pattern: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, FILL_DEF, path, res);
  }

  /** remove the fill (no colour, pattern None) */
  clear(): void {
    this._call(
      'clear',
      [],
      (t: AreasT) =>
        setFormat(t, (f) => {
          f.fill.color = null;
          f.fill.pattern = 'None';
        }),
      { format: true },
    );
  }
}
installProps(RangeFillProxy, FILL_DEF);

const BORDERS_DEF: ClassDef = { name: 'RangeBorderCollection', props: {} };

export class RangeBorderCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, BORDERS_DEF, path, res);
  }

  /** 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' */
  getItem(index: string): RangeBorderProxy {
    return this._nav(
      'getItem',
      [index],
      (res) => new RangeBorderProxy(this.context, this._path.replace(/borders$/, 'border'), res),
      (t: AreasT): BorderT => ({ areas: t, index: oneOf(index, BORDER_INDEXES, 'border index') as BorderIndex }),
    );
  }
}

const BORDER_DEF: ClassDef = {
  name: 'RangeBorder',
  props: {
    sideIndex: { get: (t: BorderT) => t.index },
    style: {
      format: true,
      get: (t: BorderT) => readBorder(t, 'style', 'None'),
      set: (t: BorderT, v) => {
        const style = oneOf(v, BORDER_STYLES, 'border style');
        setBorder(t, (b) => (style === 'None' ? null : { style, weight: b?.weight ?? 'Thin', color: b?.color ?? '#000000' }));
      },
    },
    weight: {
      format: true,
      get: (t: BorderT) => readBorder(t, 'weight', 'Thin'),
      set: (t: BorderT, v) => {
        const weight = oneOf(v, BORDER_WEIGHTS, 'border weight');
        setBorder(t, (b) => ({ style: b?.style ?? 'Continuous', weight, color: b?.color ?? '#000000' }));
      },
    },
    color: {
      format: true,
      get: (t: BorderT) => readBorder(t, 'color', '#000000'),
      set: (t: BorderT, v) => {
        const color = normalizeColor(v);
        setBorder(t, (b) => ({ style: b?.style ?? 'Continuous', weight: b?.weight ?? 'Thin', color }));
      },
    },
  },
  validate: (t: BorderT) => checkSheetAlive(t.areas.sheet),
};

export class RangeBorderProxy extends ProxyBase {
  declare readonly sideIndex: string;
  declare style: string;
  declare weight: string;
  declare color: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, BORDER_DEF, path, res);
  }
}
installProps(RangeBorderProxy, BORDER_DEF);

// =====================================================================================
// Conditional formats
// =====================================================================================

interface CfT {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

function cfsOf(t: RangeT): CfT[] {
  return t.sheet.conditionalFormats.filter((cf) => intersects(cf.range, t.rect)).map((cf) => ({ sheet: t.sheet, cf }));
}

/** Take `clear` out of a rule's range; the fake can only keep rules whose rest is one rectangle. */
function trimRule(range: Rect, clear: Rect): Rect | null {
  if (contains(clear, range)) return null;
  const coversCols = clear.left <= range.left && clear.right >= range.right;
  const coversRows = clear.top <= range.top && clear.bottom >= range.bottom;
  if (coversCols && clear.top <= range.top) return { ...range, top: clear.bottom + 1 };
  if (coversCols && clear.bottom >= range.bottom) return { ...range, bottom: clear.top - 1 };
  if (coversRows && clear.left <= range.left) return { ...range, left: clear.right + 1 };
  if (coversRows && clear.right >= range.right) return { ...range, right: clear.left - 1 };
  return fail('GeneralException', 'The fake cannot split a conditional format into several areas (clearAll on part of its range)');
}

const CF_COLLECTION_DEF: ClassDef = {
  name: 'ConditionalFormatCollection',
  api: '1.6',
  props: {},
  collection: {
    items: (t: RangeT) => cfsOf(t),
    make: (ctx, x) => new ConditionalFormatProxy(ctx, boundTo(x)),
  },
};

export class ConditionalFormatCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CF_COLLECTION_DEF, path, res);
  }

  get items(): ConditionalFormatProxy[] {
    return this._getItems<ConditionalFormatProxy>();
  }

  /** add a rule on the range; only 'Custom' is modelled. The new rule gets priority 0. */
  add(type: string): ConditionalFormatProxy {
    return this._nav(
      'add',
      [type],
      (res) => new ConditionalFormatProxy(this.context, res),
      (t: RangeT): CfT => {
        if (type !== 'Custom') fail('InvalidArgument', `The fake models only 'Custom' conditional formats, not ${JSON.stringify(type)}`);
        assertCellsEditable(t.sheet);
        const cf: FakeConditionalFormat = { range: { ...t.rect }, type: 'Custom', formula: '', format: {}, stopIfTrue: false };
        t.sheet.conditionalFormats.unshift(cf);
        return { sheet: t.sheet, cf };
      },
    );
  }

  /** remove the rules on the range */
  clearAll(): void {
    this._call('clearAll', [], (t: RangeT) => {
      assertCellsEditable(t.sheet);
      const keep: FakeConditionalFormat[] = [];
      for (const cf of t.sheet.conditionalFormats) {
        if (!intersects(cf.range, t.rect)) {
          keep.push(cf);
          continue;
        }
        const rest = trimRule(cf.range, t.rect);
        if (rest) {
          cf.range = rest;
          keep.push(cf);
        }
      }
      t.sheet.conditionalFormats = keep;
    });
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', [], (t: RangeT) => cfsOf(t).length);
  }
}

function liveCf(t: CfT): void {
  checkSheetAlive(t.sheet);
  if (!t.sheet.conditionalFormats.includes(t.cf)) fail('ItemNotFound', 'The conditional format was deleted');
}

const CF_DEF: ClassDef = {
  name: 'ConditionalFormat',
  api: '1.6',
  props: {
    type: { get: (t: CfT) => t.cf.type },
    priority: {
      get: (t: CfT) => t.sheet.conditionalFormats.indexOf(t.cf),
      set: (t: CfT, v) => {
        assertCellsEditable(t.sheet);
        const p = asIndex(v, 'priority');
        const list = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
        list.splice(Math.max(0, Math.min(p, list.length)), 0, t.cf);
        t.sheet.conditionalFormats = list;
      },
    },
    stopIfTrue: {
      api: '1.8',
      get: (t: CfT) => t.cf.stopIfTrue,
      set: (t: CfT, v) => {
        assertCellsEditable(t.sheet);
        t.cf.stopIfTrue = asBoolean(v, 'stopIfTrue');
      },
    },
  },
  navs: ['custom'],
  validate: liveCf,
};

export class ConditionalFormatProxy extends ProxyBase {
  declare readonly type: string;
  declare priority: number;
  declare stopIfTrue: boolean;

  constructor(ctx: Ctx, res: Resolution) {
    super(ctx, CF_DEF, 'ConditionalFormat', res);
  }

  get custom(): CustomConditionalFormatProxy {
    return this._facet('custom', (p) => new CustomConditionalFormatProxy(this.context, p, this._facetRes((t: CfT) => t)));
  }

  delete(): void {
    this._call('delete', [], (t: CfT) => {
      assertCellsEditable(t.sheet);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }

  getRange(): RangeProxy {
    return this._nav('getRange', [], (res) => new RangeProxy(this.context, res), (t: CfT): RangeT => ({ sheet: t.sheet, rect: { ...t.cf.range } }));
  }
}
installProps(ConditionalFormatProxy, CF_DEF);

const CUSTOM_CF_DEF: ClassDef = { name: 'CustomConditionalFormat', api: '1.6', props: {}, navs: ['rule', 'format'] };

export class CustomConditionalFormatProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CUSTOM_CF_DEF, path, res);
  }

  get rule(): ConditionalFormatRuleProxy {
    return this._facet('rule', (p) => new ConditionalFormatRuleProxy(this.context, p, this._facetRes((t: CfT) => t)));
  }

  get format(): ConditionalRangeFormatProxy {
    return this._facet('format', (p) => new ConditionalRangeFormatProxy(this.context, p, this._facetRes((t: CfT) => t)));
  }
}

const CF_RULE_DEF: ClassDef = {
  name: 'ConditionalFormatRule',
  api: '1.6',
  props: {
    formula: {
      get: (t: CfT) => t.cf.formula,
      set: (t: CfT, v) => {
        const f = asString(v, 'rule formula');
        if (!f.startsWith('=')) fail('InvalidArgument', `A custom rule formula must start with '=': ${JSON.stringify(f)}`);
        checkFormula(f);
        assertCellsEditable(t.sheet);
        t.cf.formula = f;
      },
    },
  },
};

export class ConditionalFormatRuleProxy extends ProxyBase {
  declare formula: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CF_RULE_DEF, path, res);
  }
}
installProps(ConditionalFormatRuleProxy, CF_RULE_DEF);

function cfStyle(key: 'bold' | 'italic' | 'underline' | 'color' | 'fill' | 'numberFormat', check: (v: unknown) => unknown) {
  return {
    get: (t: CfT) => t.cf.format[key] ?? null,
    set: (t: CfT, v: unknown) => {
      const x = check(v);
      assertCellsEditable(t.sheet);
      (t.cf.format as Record<string, unknown>)[key] = x;
    },
  };
}

const CF_FORMAT_DEF: ClassDef = {
  name: 'ConditionalRangeFormat',
  api: '1.6',
  props: { numberFormat: cfStyle('numberFormat', (v) => asString(v, 'numberFormat')) },
  navs: ['font', 'fill'],
};

export class ConditionalRangeFormatProxy extends ProxyBase {
  declare numberFormat: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CF_FORMAT_DEF, path, res);
  }

  get font(): ConditionalRangeFontProxy {
    return this._facet('font', (p) => new ConditionalRangeFontProxy(this.context, p, this._facetRes((t: CfT) => t)));
  }

  get fill(): ConditionalRangeFillProxy {
    return this._facet('fill', (p) => new ConditionalRangeFillProxy(this.context, p, this._facetRes((t: CfT) => t)));
  }
}
installProps(ConditionalRangeFormatProxy, CF_FORMAT_DEF);

const CF_FONT_DEF: ClassDef = {
  name: 'ConditionalRangeFont',
  api: '1.6',
  props: {
    bold: cfStyle('bold', (v) => asBoolean(v, 'bold')),
    italic: cfStyle('italic', (v) => asBoolean(v, 'italic')),
    underline: cfStyle('underline', (v) => oneOf(v, ['None', 'Single', 'Double'] as const, 'underline')),
    color: cfStyle('color', normalizeColor),
  },
};

export class ConditionalRangeFontProxy extends ProxyBase {
  declare bold: boolean;
  declare italic: boolean;
  declare underline: string;
  declare color: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CF_FONT_DEF, path, res);
  }
}
installProps(ConditionalRangeFontProxy, CF_FONT_DEF);

const CF_FILL_DEF: ClassDef = {
  name: 'ConditionalRangeFill',
  api: '1.6',
  props: { color: cfStyle('fill', normalizeColor) },
};

export class ConditionalRangeFillProxy extends ProxyBase {
  declare color: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, CF_FILL_DEF, path, res);
  }

  clear(): void {
    this._call('clear', [], (t: CfT) => {
      assertCellsEditable(t.sheet);
      delete t.cf.format.fill;
    });
  }
}
installProps(ConditionalRangeFillProxy, CF_FILL_DEF);

// =====================================================================================
// Notes and comments
// =====================================================================================

/** a note or comment collection: over the whole workbook (sheet null) or one sheet */
interface ScopeT {
  book: FakeExcel;
  sheet: FakeSheet | null;
}

interface AnnotationT {
  sheet: FakeSheet;
  key: string;
}

type Kind = 'notes' | 'comments';

/** The cell an address or Range names, within a collection's scope. */
function locateCell(scope: ScopeT, address: unknown, env: Env): AnnotationT {
  let sheet: FakeSheet;
  let rect: Rect;
  if (address instanceof RangeProxy) {
    const t = rangeArg(address, env, 'cellAddress');
    sheet = t.sheet;
    rect = t.rect;
    if (scope.sheet && scope.sheet !== sheet) fail('InvalidArgument', `The range is not on the worksheet '${scope.sheet.name}'`);
  } else {
    const text = asString(address, 'cellAddress');
    const { sheet: prefix, ref } = splitSheet(text);
    if (prefix === null) {
      if (!scope.sheet) fail('InvalidArgument', `The address '${text}' needs a sheet name (workbook-level collection)`);
      sheet = scope.sheet;
    } else if (scope.sheet) {
      if (!sameSheetName(prefix, scope.sheet.name)) fail('InvalidArgument', `The address '${text}' is not on the worksheet '${scope.sheet.name}'`);
      sheet = scope.sheet;
    } else {
      const found = scope.book._findSheet(prefix);
      if (!found) return fail('InvalidArgument', `No worksheet '${prefix}' for the address '${text}'`);
      sheet = found;
    }
    rect = parseRef(ref);
  }
  if (rect.top !== rect.bottom || rect.left !== rect.right) fail('InvalidArgument', 'The address must be a single cell');
  return { sheet, key: cellKey(rect.top, rect.left) };
}

function annotationsOf(scope: ScopeT, kind: Kind): AnnotationT[] {
  const sheets = scope.sheet ? [scope.sheet] : scope.book._sheets;
  const out: AnnotationT[] = [];
  for (const sheet of sheets) {
    const keys = [...sheet[kind].keys()].map((key) => ({ key, r: parseRef(key) }));
    keys.sort((a, b) => a.r.top - b.r.top || a.r.left - b.r.left);
    for (const k of keys) out.push({ sheet, key: k.key });
  }
  return out;
}

function liveAnnotation(kind: Kind) {
  return (t: AnnotationT): void => {
    checkSheetAlive(t.sheet);
    if (!t.sheet[kind].has(t.key)) fail('ItemNotFound', `The ${kind === 'notes' ? 'note' : 'comment'} at ${t.key} was deleted`);
  };
}

function contentOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && typeof (v as { richContent?: unknown }).richContent === 'string') {
    return (v as { richContent: string }).richContent;
  }
  return fail('InvalidArgument', `Invalid content ${JSON.stringify(v)}`);
}

function annotationLocation(t: AnnotationT): RangeT {
  const r = parseRef(t.key);
  return { sheet: t.sheet, rect: r };
}

const NOTE_DEF: ClassDef = {
  name: 'Note',
  api: '1.18',
  props: {
    content: {
      get: (t: AnnotationT) => t.sheet.notes.get(t.key),
      set: (t: AnnotationT, v) => {
        const text = contentOf(v);
        assertCellsEditable(t.sheet);
        t.sheet.notes.set(t.key, text);
      },
    },
  },
  validate: liveAnnotation('notes'),
};

export class NoteProxy extends ProxyBase {
  declare content: string;

  constructor(ctx: Ctx, res: Resolution) {
    super(ctx, NOTE_DEF, 'Note', res);
  }

  delete(): void {
    this._call('delete', [], (t: AnnotationT) => {
      assertCellsEditable(t.sheet);
      t.sheet.notes.delete(t.key);
    });
  }

  getLocation(): RangeProxy {
    return this._nav('getLocation', [], (res) => new RangeProxy(this.context, res), annotationLocation);
  }
}
installProps(NoteProxy, NOTE_DEF);

const NOTES_DEF: ClassDef = {
  name: 'NoteCollection',
  api: '1.18',
  props: {},
  collection: {
    items: (t: ScopeT) => annotationsOf(t, 'notes'),
    make: (ctx, x) => new NoteProxy(ctx, boundTo(x)),
  },
};

export class NoteCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, NOTES_DEF, path, res);
  }

  get items(): NoteProxy[] {
    return this._getItems<NoteProxy>();
  }

  /** add a note to one cell; ItemAlreadyExists when the cell has one */
  add(cellAddress: RangeProxy | string, content: string): NoteProxy {
    return this._nav('add', [cellAddress, content], (res) => new NoteProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, cellAddress, env);
      const text = contentOf(content);
      assertCellsEditable(a.sheet);
      if (a.sheet.notes.has(a.key)) fail('ItemAlreadyExists', `The cell ${a.key} already has a note`);
      a.sheet.notes.set(a.key, text);
      return a;
    });
  }

  getItem(key: string): NoteProxy {
    return this._nav('getItem', [key], (res) => new NoteProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, key, env);
      if (!a.sheet.notes.has(a.key)) fail('ItemNotFound', `No note at ${key}`);
      return a;
    });
  }

  getItemOrNullObject(key: string): NoteProxy {
    return this._nav('getItemOrNullObject', [key], (res) => new NoteProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, key, env);
      return a.sheet.notes.has(a.key) ? a : NULL;
    });
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', [], (t: ScopeT) => annotationsOf(t, 'notes').length);
  }
}

const COMMENT_DEF: ClassDef = {
  name: 'Comment',
  api: '1.10',
  props: {
    content: {
      get: (t: AnnotationT) => t.sheet.comments.get(t.key),
      set: (t: AnnotationT, v) => {
        const text = contentOf(v);
        assertCellsEditable(t.sheet);
        t.sheet.comments.set(t.key, text);
      },
    },
    authorName: { get: () => 'Fake Author' },
  },
  validate: liveAnnotation('comments'),
};

export class CommentProxy extends ProxyBase {
  declare content: string;
  declare readonly authorName: string;

  constructor(ctx: Ctx, res: Resolution) {
    super(ctx, COMMENT_DEF, 'Comment', res);
  }

  delete(): void {
    this._call('delete', [], (t: AnnotationT) => {
      assertCellsEditable(t.sheet);
      t.sheet.comments.delete(t.key);
    });
  }

  getLocation(): RangeProxy {
    return this._nav('getLocation', [], (res) => new RangeProxy(this.context, res), annotationLocation);
  }
}
installProps(CommentProxy, COMMENT_DEF);

const COMMENTS_DEF: ClassDef = {
  name: 'CommentCollection',
  api: '1.10',
  props: {},
  collection: {
    items: (t: ScopeT) => annotationsOf(t, 'comments'),
    make: (ctx, x) => new CommentProxy(ctx, boundTo(x)),
  },
};

export class CommentCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, COMMENTS_DEF, path, res);
  }

  get items(): CommentProxy[] {
    return this._getItems<CommentProxy>();
  }

  /** add a comment to one cell; InvalidOperation when the cell has one */
  add(cellAddress: RangeProxy | string, content: string | { richContent: string }, contentType?: string): CommentProxy {
    const args = contentType === undefined ? [cellAddress, content] : [cellAddress, content, contentType];
    return this._nav('add', args, (res) => new CommentProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, cellAddress, env);
      const text = contentOf(content);
      assertCellsEditable(a.sheet);
      if (a.sheet.comments.has(a.key)) fail('InvalidOperation', `The cell ${a.key} already has a comment`);
      a.sheet.comments.set(a.key, text);
      return a;
    });
  }

  getItemByCell(cellAddress: RangeProxy | string): CommentProxy {
    return this._nav('getItemByCell', [cellAddress], (res) => new CommentProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, cellAddress, env);
      if (!a.sheet.comments.has(a.key)) fail('ItemNotFound', `No comment at ${a.key}`);
      return a;
    });
  }

  getItemByCellOrNullObject(cellAddress: RangeProxy | string): CommentProxy {
    return this._nav('getItemByCellOrNullObject', [cellAddress], (res) => new CommentProxy(this.context, res), (t: ScopeT, env) => {
      const a = locateCell(t, cellAddress, env);
      return a.sheet.comments.has(a.key) ? a : NULL;
    });
  }

  getCount(): ClientResult<number> {
    return this._result('getCount', [], (t: ScopeT) => annotationsOf(t, 'comments').length);
  }
}

// =====================================================================================
// Worksheet and its parts
// =====================================================================================

const PROTECTION_DEF: ClassDef = {
  name: 'WorksheetProtection',
  api: '1.2',
  props: { protected: { get: (s: FakeSheet) => s.protected } },
};

export class WorksheetProtectionProxy extends ProxyBase {
  declare readonly protected: boolean;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, PROTECTION_DEF, path, res);
  }
}
installProps(WorksheetProtectionProxy, PROTECTION_DEF);

function freezeCount(v: unknown, max: number, what: string): number {
  const n = asIndex(v, what);
  if (n < 0 || n >= max) fail('InvalidArgument', `Invalid ${what} ${n}`);
  return n;
}

const FREEZE_DEF: ClassDef = { name: 'WorksheetFreezePanes', api: '1.7', props: {} };

export class WorksheetFreezePanesProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, FREEZE_DEF, path, res);
  }

  freezeRows(count = 1): void {
    this._call('freezeRows', [count], (s: FakeSheet) => {
      const n = freezeCount(count, MAX_ROWS, 'row count');
      s.freeze = n === 0 ? null : { rows: n, cols: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this._call('freezeColumns', [count], (s: FakeSheet) => {
      const n = freezeCount(count, MAX_COLS, 'column count');
      s.freeze = n === 0 ? null : { rows: 0, cols: n };
    });
  }

  /** freeze rows 0..bottom and columns 0..right of the range (a Range on this sheet or an address) */
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call('freezeAt', [frozenRange], (s: FakeSheet, env) => {
      let rect: Rect;
      if (typeof frozenRange === 'string') rect = rectOnSheet(s, frozenRange);
      else {
        const t = rangeArg(frozenRange, env, 'frozenRange');
        if (t.sheet !== s) fail('InvalidArgument', 'The range to freeze is on another worksheet');
        rect = t.rect;
      }
      const rows = isFullRows(rect) ? 0 : rect.bottom + 1;
      const cols = isFullCols(rect) ? 0 : rect.right + 1;
      s.freeze = rows === 0 && cols === 0 ? null : { rows, cols };
    });
  }

  unfreeze(): void {
    this._call('unfreeze', [], (s: FakeSheet) => {
      s.freeze = null;
    });
  }
}

const PAPER_TYPES = [
  'Letter', 'LetterSmall', 'Tabloid', 'Ledger', 'Legal', 'Statement', 'Executive', 'A3', 'A4', 'A4Small', 'A5', 'B4', 'B5',
  'Folio', 'Quatro', 'Paper10x14', 'Paper11x17', 'Note', 'Envelope9', 'Envelope10', 'Envelope11', 'Envelope12', 'Envelope14',
  'Csheet', 'Dsheet', 'Esheet', 'EnvelopeDL', 'EnvelopeC5', 'EnvelopeC3', 'EnvelopeC4', 'EnvelopeC6', 'EnvelopeC65',
  'EnvelopeB4', 'EnvelopeB5', 'EnvelopeB6', 'EnvelopeItaly', 'EnvelopeMonarch', 'EnvelopePersonal', 'FanfoldUS',
  'FanfoldStdGerman', 'FanfoldLegalGerman',
] as const; // prettier-ignore

const PAGE_DEFAULTS: Record<string, unknown> = {
  orientation: 'Portrait',
  paperSize: 'Letter',
  zoom: { scale: 100 },
  leftMargin: 50.4,
  rightMargin: 50.4,
  topMargin: 54,
  bottomMargin: 54,
  headerMargin: 21.6,
  footerMargin: 21.6,
  centerHorizontally: false,
  centerVertically: false,
  printGridlines: false,
  leftHeader: '',
  centerHeader: '',
  rightHeader: '',
  leftFooter: '',
  centerFooter: '',
  rightFooter: '',
};

function pageProp(key: string, check: (v: unknown) => unknown) {
  return {
    get: (s: FakeSheet) => {
      const v = s.pageLayout[key] ?? PAGE_DEFAULTS[key];
      return typeof v === 'object' && v !== null ? { ...v } : v;
    },
    set: (s: FakeSheet, v: unknown) => {
      s.pageLayout[key] = check(v);
    },
  };
}

function checkZoom(v: unknown): Record<string, number> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('InvalidArgument', `Invalid zoom ${JSON.stringify(v)}`);
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x === undefined || x === null) continue;
    if (k === 'scale') out.scale = asNumber(x, 'zoom scale', 10, 400);
    else if (k === 'horizontalFitToPages' || k === 'verticalFitToPages') out[k] = asIndex(asNumber(x, k, 0, 32767), k);
    else fail('InvalidArgument', `Invalid zoom property '${k}'`);
  }
  return out;
}

const margin = (what: string) => (v: unknown) => asNumber(v, what, 0, 1000);

const PAGE_DEF: ClassDef = {
  name: 'PageLayout',
  api: '1.9',
  props: {
    orientation: pageProp('orientation', (v) => oneOf(v, ['Portrait', 'Landscape'] as const, 'orientation')),
    paperSize: pageProp('paperSize', (v) => oneOf(v, PAPER_TYPES, 'paperSize')),
    zoom: pageProp('zoom', checkZoom),
    leftMargin: pageProp('leftMargin', margin('leftMargin')),
    rightMargin: pageProp('rightMargin', margin('rightMargin')),
    topMargin: pageProp('topMargin', margin('topMargin')),
    bottomMargin: pageProp('bottomMargin', margin('bottomMargin')),
    headerMargin: pageProp('headerMargin', margin('headerMargin')),
    footerMargin: pageProp('footerMargin', margin('footerMargin')),
    centerHorizontally: pageProp('centerHorizontally', (v) => asBoolean(v, 'centerHorizontally')),
    centerVertically: pageProp('centerVertically', (v) => asBoolean(v, 'centerVertically')),
    printGridlines: pageProp('printGridlines', (v) => asBoolean(v, 'printGridlines')),
  },
  navs: ['headersFooters'],
};

/** A Range proxy or an address (areas allowed when `areas`) on sheet s. */
function rectsArg(s: FakeSheet, v: unknown, env: Env, what: string, areas: boolean): Rect[] {
  if (typeof v === 'string') return areas ? areasOnSheet(s, v) : [rectOnSheet(s, v)];
  if (areas && v instanceof RangeAreasProxy) {
    const t = resolveArg(v, env, what) as AreasT;
    if (t.sheet !== s) fail('InvalidArgument', `${what} is on another worksheet`);
    return t.rects;
  }
  const t = rangeArg(v, env, what);
  if (t.sheet !== s) fail('InvalidArgument', `${what} is on another worksheet`);
  return [t.rect];
}

export class PageLayoutProxy extends ProxyBase {
  declare orientation: string;
  declare paperSize: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  declare leftMargin: number;
  declare rightMargin: number;
  declare topMargin: number;
  declare bottomMargin: number;
  declare headerMargin: number;
  declare footerMargin: number;
  declare centerHorizontally: boolean;
  declare centerVertically: boolean;
  declare printGridlines: boolean;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, PAGE_DEF, path, res);
  }

  get headersFooters(): HeaderFooterGroupProxy {
    return this._facet('headersFooters', (p) => new HeaderFooterGroupProxy(this.context, p, this._facetRes((s: FakeSheet) => s)));
  }

  /** rows repeated at the top of each printed page ('$4:$5' or a Range); stored as '$4:$5' */
  setPrintTitleRows(rows: RangeProxy | string): void {
    this._call('setPrintTitleRows', [rows], (s: FakeSheet, env) => {
      const [r] = rectsArg(s, rows, env, 'print title rows', false);
      s.pageLayout.printTitleRows = `$${r.top + 1}:$${r.bottom + 1}`;
    });
  }

  /** columns repeated at the left of each printed page ('$A:$B' or a Range); stored as '$A:$B' */
  setPrintTitleColumns(columns: RangeProxy | string): void {
    this._call('setPrintTitleColumns', [columns], (s: FakeSheet, env) => {
      const [r] = rectsArg(s, columns, env, 'print title columns', false);
      const [a, b] = formatRect({ top: 0, bottom: MAX_ROWS - 1, left: r.left, right: r.right }).split(':');
      s.pageLayout.printTitleColumns = `$${a}:$${b}`;
    });
  }

  /** the print area ('A1:H40', several areas allowed); stored as an address without the sheet */
  setPrintArea(printArea: RangeProxy | RangeAreasProxy | string): void {
    this._call('setPrintArea', [printArea], (s: FakeSheet, env) => {
      s.pageLayout.printArea = rectsArg(s, printArea, env, 'print area', true).map(formatRect).join(',');
    });
  }
}
installProps(PageLayoutProxy, PAGE_DEF);

const HF_GROUP_DEF: ClassDef = { name: 'HeaderFooterGroup', api: '1.9', props: {}, navs: ['defaultForAllPages'] };

export class HeaderFooterGroupProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, HF_GROUP_DEF, path, res);
  }

  get defaultForAllPages(): HeaderFooterProxy {
    return this._facet('defaultForAllPages', (p) => new HeaderFooterProxy(this.context, p, this._facetRes((s: FakeSheet) => s)));
  }
}

const hf = (key: string) => pageProp(key, (v) => asString(v, key));

const HF_DEF: ClassDef = {
  name: 'HeaderFooter',
  api: '1.9',
  props: {
    leftHeader: hf('leftHeader'),
    centerHeader: hf('centerHeader'),
    rightHeader: hf('rightHeader'),
    leftFooter: hf('leftFooter'),
    centerFooter: hf('centerFooter'),
    rightFooter: hf('rightFooter'),
  },
};

export class HeaderFooterProxy extends ProxyBase {
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, HF_DEF, path, res);
  }
}
installProps(HeaderFooterProxy, HF_DEF);

const SHEET_DEF: ClassDef = {
  name: 'Worksheet',
  props: {
    name: { get: (s: FakeSheet) => s.name, set: (s: FakeSheet, v, env) => env.book._rename(s, v) },
    visibility: { get: (s: FakeSheet) => s.visibility, set: (s: FakeSheet, v, env) => env.book._setVisibility(s, v) },
    position: { get: (s: FakeSheet, env) => env.book._sheets.indexOf(s), set: (s: FakeSheet, v, env) => env.book._move(s, v) },
    id: { get: (s: FakeSheet) => s.id },
  },
  navs: ['protection', 'freezePanes', 'pageLayout', 'notes', 'comments'],
  validate: (s: FakeSheet) => checkSheetAlive(s),
};

export class WorksheetProxy extends ProxyBase {
  declare name: string;
  declare visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  declare position: number;
  declare readonly id: string;

  constructor(ctx: Ctx, res: Resolution, path = 'Worksheet') {
    super(ctx, SHEET_DEF, path, res);
  }

  get protection(): WorksheetProtectionProxy {
    return this._facet('protection', (p) => new WorksheetProtectionProxy(this.context, p, this._facetRes((s: FakeSheet) => s)));
  }

  get freezePanes(): WorksheetFreezePanesProxy {
    return this._facet('freezePanes', (p) => new WorksheetFreezePanesProxy(this.context, p, this._facetRes((s: FakeSheet) => s)));
  }

  get pageLayout(): PageLayoutProxy {
    return this._facet('pageLayout', (p) => new PageLayoutProxy(this.context, p, this._facetRes((s: FakeSheet) => s)));
  }

  get notes(): NoteCollectionProxy {
    return this._facet('notes', (p) => new NoteCollectionProxy(this.context, p, this._facetRes((s: FakeSheet, env): ScopeT => ({ book: env.book, sheet: s }))));
  }

  get comments(): CommentCollectionProxy {
    return this._facet(
      'comments',
      (p) => new CommentCollectionProxy(this.context, p, this._facetRes((s: FakeSheet, env): ScopeT => ({ book: env.book, sheet: s }))),
    );
  }

  private _range(member: string, args: unknown[], fn: (s: FakeSheet) => Rect | typeof NULL, api?: string): RangeProxy {
    return this._nav(
      member,
      args,
      (res) => new RangeProxy(this.context, res),
      (s: FakeSheet) => {
        const r = fn(s);
        return r === NULL ? NULL : rangeT(s, r);
      },
      { api },
    );
  }

  delete(): void {
    this._call('delete', [], (s: FakeSheet, env) => env.book._delete(s));
  }

  activate(): void {
    this._call('activate', [], (s: FakeSheet, env) => env.book._activate(s));
  }

  /** the range at an A1 address ('B3:D5', 'A:C', '3:5', with or without this sheet's name); the whole sheet without one */
  getRange(address?: string): RangeProxy {
    return this._range('getRange', address === undefined ? [] : [address], (s) =>
      address === undefined || address === '' ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : rectOnSheet(s, address),
    );
  }

  /** 0-based start and sizes */
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return this._range(
      'getRangeByIndexes',
      [startRow, startColumn, rowCount, columnCount],
      () => {
        const r = asIndex(startRow, 'startRow');
        const c = asIndex(startColumn, 'startColumn');
        const n = asIndex(rowCount, 'rowCount');
        const m = asIndex(columnCount, 'columnCount');
        if (n < 1 || m < 1) fail('InvalidArgument', `rowCount and columnCount must be at least 1 (got ${n}, ${m})`);
        return { top: r, left: c, bottom: r + n - 1, right: c + m - 1 };
      },
      '1.7',
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this._range('getCell', [row, column], () => {
      const r = asIndex(row, 'row');
      const c = asIndex(column, 'column');
      return { top: r, left: c, bottom: r, right: c };
    });
  }

  /** several areas: 'A1:B2, D4' */
  getRanges(address: string): RangeAreasProxy {
    return this._nav(
      'getRanges',
      [address],
      (res) => new RangeAreasProxy(this.context, res),
      (s: FakeSheet): AreasT => ({ sheet: s, rects: areasOnSheet(s, address).map(checkRect) }),
      { api: '1.9' },
    );
  }

  /** bounding box of the used cells; A1 on a blank sheet */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this._range('getUsedRange', [valuesOnly], (s) => s.usedBounds(asBoolean(valuesOnly, 'valuesOnly')) ?? { top: 0, left: 0, bottom: 0, right: 0 });
  }

  /** bounding box of the used cells; a null object on a blank sheet */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this._range('getUsedRangeOrNullObject', [valuesOnly], (s) => s.usedBounds(asBoolean(valuesOnly, 'valuesOnly')) ?? NULL, '1.7');
  }
}
installProps(WorksheetProxy, SHEET_DEF);

const SHEETS_DEF: ClassDef = {
  name: 'WorksheetCollection',
  props: {},
  collection: {
    items: (book: FakeExcel) => [...book._sheets],
    make: (ctx, x) => new WorksheetProxy(ctx, boundTo(x)),
  },
};

export class WorksheetCollectionProxy extends ProxyBase {
  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, SHEETS_DEF, path, res);
  }

  get items(): WorksheetProxy[] {
    return this._getItems<WorksheetProxy>();
  }

  private _sheet(member: string, args: unknown[], fn: (book: FakeExcel) => FakeSheet | typeof NULL, api?: string): WorksheetProxy {
    return this._nav(member, args, (res) => new WorksheetProxy(this.context, res), fn, { api });
  }

  /** by name (without case) or id; the sync fails with ItemNotFound when there is none */
  getItem(key: string): WorksheetProxy {
    return this._sheet('getItem', [key], (book) => book._findSheet(asString(key, 'key')) ?? fail('ItemNotFound', `No worksheet named '${key}'`));
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return this._sheet('getItemOrNullObject', [key], (book) => book._findSheet(asString(key, 'key')) ?? NULL, '1.4');
  }

  /** append a worksheet (named like Excel's "SheetN" without a name) */
  add(name?: string): WorksheetProxy {
    return this._sheet('add', name === undefined ? [] : [name], (book) => book._create(name));
  }

  getActiveWorksheet(): WorksheetProxy {
    return this._sheet('getActiveWorksheet', [], (book) => book._active ?? fail('ItemNotFound', 'There is no active worksheet'));
  }

  getCount(visibleOnly = false): ClientResult<number> {
    return this._result(
      'getCount',
      [visibleOnly],
      (book: FakeExcel) => book._sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length,
      { api: '1.4' },
    );
  }
}

// =====================================================================================
// Workbook and application
// =====================================================================================

const BOOK_PROTECTION_DEF: ClassDef = {
  name: 'WorkbookProtection',
  api: '1.7',
  props: { protected: { get: (book: FakeExcel) => book.protectedStructure } },
};

export class WorkbookProtectionProxy extends ProxyBase {
  declare readonly protected: boolean;

  constructor(ctx: Ctx, path: string, res: Resolution) {
    super(ctx, BOOK_PROTECTION_DEF, path, res);
  }
}
installProps(WorkbookProtectionProxy, BOOK_PROTECTION_DEF);

const APPLICATION_DEF: ClassDef = { name: 'Application', props: {} };

export class ApplicationProxy extends ProxyBase {
  constructor(ctx: Ctx, book: FakeExcel) {
    super(ctx, APPLICATION_DEF, 'Application', rootRes(book));
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], () => undefined, { api: '1.6' });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], () => undefined, { api: '1.9' });
  }
}

const WORKBOOK_DEF: ClassDef = { name: 'Workbook', props: {}, navs: ['worksheets', 'notes', 'comments', 'protection'] };

export class WorkbookProxy extends ProxyBase {
  constructor(ctx: Ctx, book: FakeExcel) {
    super(ctx, WORKBOOK_DEF, 'Workbook', rootRes(book));
  }

  get worksheets(): WorksheetCollectionProxy {
    return this._facet('worksheets', (p) => new WorksheetCollectionProxy(this.context, p, this._facetRes((b: FakeExcel) => b)));
  }

  /** every note of the workbook; addresses need a sheet prefix */
  get notes(): NoteCollectionProxy {
    return this._facet('notes', (p) => new NoteCollectionProxy(this.context, p, this._facetRes((b: FakeExcel): ScopeT => ({ book: b, sheet: null }))));
  }

  /** every comment of the workbook; addresses need a sheet prefix */
  get comments(): CommentCollectionProxy {
    return this._facet('comments', (p) => new CommentCollectionProxy(this.context, p, this._facetRes((b: FakeExcel): ScopeT => ({ book: b, sheet: null }))));
  }

  get protection(): WorkbookProtectionProxy {
    return this._facet('protection', (p) => new WorkbookProtectionProxy(this.context, p, this._facetRes((b: FakeExcel) => b)));
  }
}
