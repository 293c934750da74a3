/**
 * A strict in-memory fake of the part of the Excel JavaScript API (Office.js)
 * the add-in uses. `book.run` has the shape of `Excel.run`; the workbook behind
 * it is seeded and inspected directly through FakeSheet.
 *
 * Strict where Excel is strict: unloaded reads throw PropertyNotLoaded, writes
 * land only at sync (in queue order, no rollback on failure), addresses are
 * honoured, requirement sets are enforced, payload and cell limits apply,
 * protection and cell-edit mode reject changes. See ./README.md.
 */
import { fail } from './errors';
import { FakeRequestContext } from './context';
import type { Visibility } from './model';
import { FakeSheet } from './model';
import type { SyncRecord } from './runtime';
import { versionAtLeast } from './runtime';

export interface FakeExcelOptions {
  /** ExcelApi version of the host (default '1.18') */
  apiVersion?: string;
  /** request payload limit in bytes (default 5 MiB) */
  maxRequestBytes?: number;
  /** response payload limit in bytes (default 5 MiB) */
  maxResponseBytes?: number;
  /** cells per read past which values/valueTypes/numberFormat/formulas/text load as null (default 5,000,000) */
  maxCellsPerRead?: number;
  /** computes formula results (else formulas read as their cached value, '' when written through the API) */
  evaluate?: (formula: string, sheet: string, row: number, col: number) => number | string | boolean | null;
}

export interface FakeStats {
  syncs: number;
  log: SyncRecord[];
}

const VISIBILITIES: readonly Visibility[] = ['Visible', 'Hidden', 'VeryHidden'];

/** Excel's sheet-name rules; throws InvalidArgument. */
export function checkSheetName(name: unknown): string {
  if (typeof name !== 'string') return fail('InvalidArgument', `Invalid worksheet name ${JSON.stringify(name)}`);
  if (name === '') fail('InvalidArgument', 'A worksheet name cannot be empty');
  if (name.length > 31) fail('InvalidArgument', `The worksheet name '${name}' is longer than 31 characters`);
  if (/[\\/?*[\]:]/.test(name)) fail('InvalidArgument', `The worksheet name '${name}' contains one of \\ / ? * [ ] :`);
  if (name.startsWith("'") || name.endsWith("'")) fail('InvalidArgument', `The worksheet name '${name}' starts or ends with an apostrophe`);
  if (name.toLowerCase() === 'history') fail('InvalidArgument', "'History' is a reserved worksheet name");
  return name;
}

export class FakeExcel {
  readonly apiVersion: string;
  maxRequestBytes: number;
  maxResponseBytes: number;
  maxCellsPerRead: number;
  evaluate: FakeExcelOptions['evaluate'];
  /** Excel is in cell-edit mode: every sync fails with InvalidOperationInCellEditMode */
  editing = false;
  /** the workbook structure is protected: no adding, deleting, renaming, hiding or moving sheets */
  protectedStructure = false;
  /** the last selection made through range.select() */
  selection: { sheet: string; address: string } | null = null;
  stats: FakeStats = { syncs: 0, log: [] };

  /** @internal sheets in workbook order */
  _sheets: FakeSheet[] = [];
  /** @internal */
  _active: FakeSheet | null = null;
  private nextId = 1;

  constructor(opts: FakeExcelOptions = {}) {
    this.apiVersion = opts.apiVersion ?? '1.18';
    this.maxRequestBytes = opts.maxRequestBytes ?? 5 * 1024 * 1024;
    this.maxResponseBytes = opts.maxResponseBytes ?? 5 * 1024 * 1024;
    this.maxCellsPerRead = opts.maxCellsPerRead ?? 5_000_000;
    this.evaluate = opts.evaluate;
  }

  /** Same shape as Excel.run: a fresh request context; queued operations left at the end are synced. */
  run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    try {
      const p = batch(ctx) as unknown;
      if (!p || typeof (p as { then?: unknown }).then !== 'function') {
        fail('InvalidArgument', 'RunMustReturnPromise: the batch function passed to Excel.run must return a promise');
      }
      const result = await (p as Promise<T>);
      if (ctx._queue.length > 0) await ctx.sync();
      return result;
    } finally {
      ctx._closed = true;
    }
  };

  /** A request context outside run (like `new Excel.RequestContext()`). */
  newContext(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** Office.context.requirements.isSetSupported for 'ExcelApi' (numeric compare of versions). */
  isSetSupported(name: string, minVersion?: string): boolean {
    if (name.toLowerCase() !== 'excelapi') return false;
    return versionAtLeast(this.apiVersion, minVersion ?? '1.1');
  }

  // ---- seeding and inspection (immediate) ------------------------------------------

  /** Add a sheet at the end (immediately, for seeding). The first sheet becomes active. */
  addSheet(name: string, opts: { visibility?: Visibility; protected?: boolean } = {}): FakeSheet {
    checkSheetName(name);
    if (this._findSheet(name)) fail('ItemAlreadyExists', `A worksheet named '${name}' already exists`);
    const sheet = new FakeSheet(name, this.newId(), opts);
    this._sheets.push(sheet);
    if (!this._active && sheet.visibility === 'Visible') this._active = sheet;
    return sheet;
  }

  /** The sheet of that name (without case), if any. */
  sheet(name: string): FakeSheet | undefined {
    return this._findSheet(name);
  }

  /** The sheets in workbook order. */
  sheets(): FakeSheet[] {
    return [...this._sheets];
  }

  /** Name of the active sheet ('' when there is none). */
  get activeSheet(): string {
    return this._active?.name ?? '';
  }

  set activeSheet(name: string) {
    const s = this._findSheet(name);
    if (!s) fail('ItemNotFound', `No worksheet named '${name}'`);
    this._active = s;
  }

  resetStats(): void {
    this.stats = { syncs: 0, log: [] };
  }

  /** Sum of a counter over the logged syncs. */
  total(key: 'ops' | 'loads' | 'formatOps' | 'requestBytes' | 'responseBytes'): number {
    return this.stats.log.reduce((s, r) => s + r[key], 0);
  }

  /** How many times an operation ran (or was sent) over the logged syncs. */
  opCount(name: string): number {
    return this.stats.log.reduce((s, r) => s + (r.opNames[name] ?? 0), 0);
  }

  // ---- operations used at sync (internal) -------------------------------------------

  /** @internal by name (without case) or id */
  _findSheet(key: string): FakeSheet | undefined {
    const lower = key.toLowerCase();
    return this._sheets.find((s) => s.name.toLowerCase() === lower || s.id === key);
  }

  private newId(): string {
    const n = this.nextId++;
    return `{${n.toString(16).toUpperCase().padStart(8, '0')}-0001-0000-0000-000000000000}`;
  }

  private assertStructure(): void {
    if (this.protectedStructure) fail('AccessDenied', 'The workbook structure is protected');
  }

  /** @internal worksheets.add */
  _create(name: string | undefined): FakeSheet {
    this.assertStructure();
    let n = name;
    if (n === undefined) {
      let i = this._sheets.length + 1;
      while (this._findSheet(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    checkSheetName(n);
    if (this._findSheet(n)) fail('ItemAlreadyExists', `A worksheet named '${n}' already exists`);
    const sheet = new FakeSheet(n, this.newId());
    this._sheets.push(sheet);
    if (!this._active) this._active = sheet;
    return sheet;
  }

  /** @internal */
  _rename(sheet: FakeSheet, name: unknown): void {
    this.assertStructure();
    const n = checkSheetName(name);
    const other = this._findSheet(n);
    if (other && other !== sheet) fail('ItemAlreadyExists', `A worksheet named '${n}' already exists`);
    if (this.selection?.sheet === sheet.name) this.selection.sheet = n;
    sheet.name = n;
  }

  private visibleNeighbour(sheet: FakeSheet): FakeSheet | null {
    const i = this._sheets.indexOf(sheet);
    for (let j = i + 1; j < this._sheets.length; j++) if (this._sheets[j].visibility === 'Visible') return this._sheets[j];
    for (let j = i - 1; j >= 0; j--) if (this._sheets[j].visibility === 'Visible') return this._sheets[j];
    return null;
  }

  private isLastVisible(sheet: FakeSheet): boolean {
    return sheet.visibility === 'Visible' && this._sheets.filter((s) => s.visibility === 'Visible').length === 1;
  }

  /** @internal */
  _setVisibility(sheet: FakeSheet, v: unknown): void {
    if (typeof v !== 'string' || !(VISIBILITIES as readonly string[]).includes(v)) fail('InvalidArgument', `Invalid visibility ${JSON.stringify(v)}`);
    const vis = v as Visibility;
    if (vis === sheet.visibility) return;
    this.assertStructure();
    if (vis !== 'Visible' && this.isLastVisible(sheet)) fail('InvalidOperation', 'A workbook must keep at least one visible worksheet');
    if (vis !== 'Visible' && this._active === sheet) this._active = this.visibleNeighbour(sheet);
    sheet.visibility = vis;
  }

  /** @internal */
  _delete(sheet: FakeSheet): void {
    this.assertStructure();
    if (this.isLastVisible(sheet)) fail('InvalidOperation', 'Cannot delete the last visible worksheet');
    if (this._active === sheet) this._active = this.visibleNeighbour(sheet);
    if (this.selection?.sheet === sheet.name) this.selection = null;
    this._sheets = this._sheets.filter((s) => s !== sheet);
    sheet.deleted = true;
  }

  /** @internal */
  _move(sheet: FakeSheet, pos: unknown): void {
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos >= this._sheets.length) {
      fail('InvalidArgument', `Invalid position ${JSON.stringify(pos)}`);
    }
    if (this._sheets.indexOf(sheet) === pos) return;
    this.assertStructure();
    const rest = this._sheets.filter((s) => s !== sheet);
    rest.splice(pos, 0, sheet);
    this._sheets = rest;
  }

  /** @internal */
  _activate(sheet: FakeSheet): void {
    if (sheet.visibility !== 'Visible') fail('InvalidOperation', `Cannot activate the hidden worksheet '${sheet.name}'`);
    this._active = sheet;
  }
}
