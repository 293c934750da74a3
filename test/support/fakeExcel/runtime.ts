/**
 * The batch machinery of the fake: proxy objects, the operation queue of a
 * request context, loads, and what happens at `sync()`.
 *
 * Every proxy resolves to a target in the in-memory workbook:
 *   - roots (workbook, application) are fixed;
 *   - facets (range.format, sheet.freezePanes, workbook.worksheets …) derive
 *     their target from their parent's whenever an operation runs;
 *   - objects returned by methods (getRange, getItem, add …) are bound when the
 *     queued method call runs at sync, so they keep pointing at the same sheet
 *     after a rename, and `...OrNullObject` calls can bind to the null object.
 */
import { FakeOfficeError, fail, propertyNotLoaded } from './errors';
import type { FakeExcel } from './FakeExcel';

/** Target of a null object. */
export const NULL: unique symbol = Symbol('NullObject');
export type Null = typeof NULL;

export interface Env {
  book: FakeExcel;
  ctx: RequestContextCore;
  /** name of the running operation */
  opName: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- targets differ per class; each def knows its own. */
export interface PropDef {
  /** value for a load; absent when the property is write-only */
  get?: (t: any, env: Env) => unknown;
  /** apply a set at sync; absent when the property is read-only */
  set?: (t: any, v: any, env: Env) => void;
  /** minimum ExcelApi version (defaults to the class's) */
  api?: string;
  /** a formatting operation (also counted under "format:…") */
  format?: boolean;
}

export interface ClassDef {
  name: string;
  /** minimum ExcelApi version of every member */
  api?: string;
  props: Record<string, PropDef>;
  /** facet properties that load paths may go through */
  navs?: string[];
  /** check that a bound target still exists */
  validate?: (t: any, env: Env) => void;
  collection?: {
    items: (t: any, env: Env) => unknown[];
    make: (ctx: RequestContextCore, target: unknown) => ProxyBase;
  };
}

export type Resolution =
  | { kind: 'root'; target: unknown }
  | { kind: 'facet'; parent: ProxyBase; map: (t: any, env: Env) => unknown }
  | { kind: 'bound'; bound: boolean; target: unknown };
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface Commit {
  commit: () => void;
  responseBytes: number;
}

export interface QueuedOp {
  kind: 'op' | 'load';
  name: string;
  bytes: number;
  format: boolean;
  api: string | undefined;
  run: (env: Env) => Commit | void;
}

/** What a proxy needs from its request context. */
export interface RequestContextCore {
  /** @internal */
  _push(op: QueuedOp): void;
  /** @internal */
  readonly _book: FakeExcel;
}

/** UTF-8 length of a string (what a payload limit counts). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4; // surrogate pair
      i++;
    } else n += 3;
  }
  return n;
}

/** JSON copy of a value as it would travel in a request, with its length in UTF-8 bytes. */
export function jsonCopy(value: unknown): { copy: unknown; bytes: number } {
  const text = JSON.stringify(value);
  if (text === undefined) return { copy: undefined, bytes: 0 };
  return { copy: JSON.parse(text) as unknown, bytes: utf8Length(text) };
}

/** UTF-8 length of the JSON of a value. */
export function jsonLength(value: unknown): number {
  const text = JSON.stringify(value);
  return text === undefined ? 0 : utf8Length(text);
}

/** Parse load arguments into paths ("format/fill/color" -> ['format', 'fill', 'color']). */
export function parseLoadSpec(spec: unknown): string[][] {
  if (spec === undefined || spec === null) return [[]];
  let names: string[];
  if (typeof spec === 'string') names = spec.split(',');
  else if (Array.isArray(spec) && spec.every((s) => typeof s === 'string')) names = (spec as string[]).flatMap((s) => s.split(','));
  else if (typeof spec === 'object' && spec !== null && typeof (spec as { select?: unknown }).select === 'string') {
    names = ((spec as { select: string }).select).split(',');
  } else {
    return fail('InvalidArgument', `The fake supports load() with a string or an array of strings, not ${JSON.stringify(spec)}`);
  }
  const paths = names.map((s) => s.trim()).filter((s) => s !== '').map((s) => s.split('/').map((p) => p.trim()));
  return paths.length ? paths : [[]];
}

export class ClientResult<T> {
  private _v: T | undefined;
  private _ready = false;

  get value(): T {
    if (!this._ready) throw propertyNotLoaded('ClientResult', 'value');
    return this._v as T;
  }

  /** @internal */
  _resolve(v: T): void {
    this._v = v;
    this._ready = true;
  }
}

export function versionAtLeast(have: string, need: string): boolean {
  const [hMaj, hMin] = have.split('.').map(Number);
  const [nMaj, nMin] = need.split('.').map(Number);
  if (hMaj !== nMaj) return hMaj > nMaj;
  return (hMin || 0) >= (nMin || 0);
}

/** Resolve a proxy to its target at this point of the queue. */
export function resolve(p: ProxyBase, env: Env): unknown {
  const r = p._res;
  if (r.kind === 'root') return r.target;
  if (r.kind === 'facet') {
    const t = resolve(r.parent, env);
    return t === NULL ? NULL : r.map(t, env);
  }
  if (!r.bound) fail('GeneralException', `InvalidObjectPath: the ${p._def.name} was created by an operation that never ran (a failed sync or another context)`);
  if (r.target !== NULL) p._def.validate?.(r.target, env);
  return r.target;
}

/** Resolve a proxy passed as an argument (same context, not null). */
export function resolveArg(p: ProxyBase, env: Env, what: string): unknown {
  if (p.context !== env.ctx) fail('InvalidArgument', `${what} belongs to another request context`);
  const t = resolve(p, env);
  if (t === NULL) fail('InvalidArgument', `${what} is a null object`);
  return t;
}

function checkApi(env: Env, api: string | undefined, what: string): void {
  if (api && !env.book.isSetSupported('ExcelApi', api)) {
    fail('ApiNotFound', `${what} needs ExcelApi ${api}; this host has ExcelApi ${env.book.apiVersion}`);
  }
}

interface LoadResult {
  commits: (() => void)[];
  bytes: number;
}

function evalLoad(p: ProxyBase, paths: string[][], env: Env): LoadResult {
  const def = p._def;
  const t = resolve(p, env);
  const out: LoadResult = { commits: [], bytes: 0 };
  if (def.collection) {
    checkApi(env, def.api, `${def.name}.items`);
    let itemPaths = paths.map((q) => (q[0] === 'items' ? q.slice(1) : q));
    if (itemPaths.length === 0) itemPaths = [[]];
    const targets = t === NULL ? [] : def.collection.items(t, env);
    const items = targets.map((x) => def.collection!.make(p.context, x));
    out.bytes += 2;
    for (const item of items) {
      const r = evalLoad(item, itemPaths, env);
      out.commits.push(...r.commits);
      out.bytes += r.bytes + 1;
    }
    out.commits.push(() => {
      p._items = items;
      for (const item of items) item._nullKnown = true;
    });
    return out;
  }
  const scalars = new Set<string>();
  const navPaths = new Map<string, string[][]>();
  for (const q of paths) {
    if (q.length === 0) {
      for (const [name, pd] of Object.entries(def.props)) {
        const api = pd.api ?? def.api;
        if (pd.get && (!api || env.book.isSetSupported('ExcelApi', api))) scalars.add(name);
      }
      continue;
    }
    const [head, ...rest] = q;
    if (head === 'isNullObject' && rest.length === 0) continue;
    if (Object.prototype.hasOwnProperty.call(def.props, head)) {
      if (rest.length) fail('InvalidArgument', `'${head}' of ${def.name} is not an object`);
      if (!def.props[head].get) fail('InvalidArgument', `'${head}' of ${def.name} cannot be loaded`);
      scalars.add(head);
    } else if (def.navs?.includes(head)) {
      const list = navPaths.get(head) ?? [];
      list.push(rest);
      navPaths.set(head, list);
    } else {
      fail('InvalidArgument', `The property '${head}' does not exist on ${def.name}`);
    }
  }
  const values: Record<string, unknown> = {};
  for (const name of scalars) {
    const pd = def.props[name];
    checkApi(env, pd.api ?? def.api, `${def.name}.${name}`);
    values[name] = t === NULL ? null : pd.get!(t, env);
  }
  if (scalars.size) {
    out.bytes += jsonLength(values);
    out.commits.push(() => {
      for (const name of scalars) p._store.set(name, values[name]);
    });
  }
  for (const [nav, sub] of navPaths) {
    const child = (p as unknown as Record<string, ProxyBase>)[nav];
    const r = evalLoad(child, sub, env);
    out.commits.push(...r.commits);
    out.bytes += r.bytes;
  }
  return out;
}

/** Install getters (and setters) for the scalar properties of a class definition. */
export function installProps(ctor: { prototype: object }, def: ClassDef): void {
  for (const [name, pd] of Object.entries(def.props)) {
    const desc: PropertyDescriptor = {
      configurable: true,
      enumerable: false,
      get(this: ProxyBase) {
        return this._read(name);
      },
    };
    if (pd.set) {
      desc.set = function (this: ProxyBase, v: unknown) {
        this._write(name, v);
      };
    }
    Object.defineProperty(ctor.prototype, name, desc);
  }
}

export interface CallOptions {
  api?: string;
  format?: boolean;
}

export abstract class ProxyBase {
  readonly context: RequestContextCore;
  /** @internal */
  readonly _def: ClassDef;
  /** @internal stable name used in operation names ("Range", "Range.format.fill") */
  readonly _path: string;
  /** @internal */
  readonly _res: Resolution;
  /** @internal loaded values */
  readonly _store = new Map<string, unknown>();
  /** @internal isNullObject delivered */
  _nullKnown = false;
  /** @internal loaded items of a collection */
  _items: ProxyBase[] | undefined;
  private readonly _facets = new Map<string, ProxyBase>();

  constructor(ctx: RequestContextCore, def: ClassDef, path: string, res: Resolution) {
    this.context = ctx;
    this._def = def;
    this._path = path;
    this._res = res;
  }

  /** True when this object stands for something that does not exist (readable after the sync that created it). */
  get isNullObject(): boolean {
    const r = this._res;
    if (r.kind === 'root') return false;
    if (r.kind === 'facet') return r.parent.isNullObject;
    if (!this._nullKnown) throw propertyNotLoaded(this._def.name, 'isNullObject');
    return r.target === NULL;
  }

  /** Queue a load: a string ("values, valueTypes", "format/fill/color"), an array of them, or nothing (all scalars). */
  load(spec?: string | string[] | { select?: string }): this {
    const paths = parseLoadSpec(spec);
    this.context._push({
      kind: 'load',
      name: `${this._path}.load`,
      bytes: jsonLength(spec ?? ''),
      format: false,
      api: undefined,
      run: (env) => {
        const r = evalLoad(this, paths, env);
        return {
          responseBytes: r.bytes,
          commit: () => {
            for (const c of r.commits) c();
          },
        };
      },
    });
    return this;
  }

  /** The loaded scalar properties as a plain object. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._store) out[k] = v;
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }

  /** @internal */
  _read(prop: string): unknown {
    if (!this._store.has(prop)) throw propertyNotLoaded(this._def.name, prop);
    return this._store.get(prop);
  }

  /** @internal */
  _write(prop: string, value: unknown): void {
    const pd = this._def.props[prop];
    this._store.delete(prop);
    const { copy, bytes } = jsonCopy(value);
    this._queue(`${this._path}.${prop}`, bytes, { api: pd.api, format: pd.format }, (t, env) => {
      if (copy === undefined || copy === null) fail('InvalidArgument', `${this._def.name}.${prop} cannot be set to ${String(copy)}`);
      pd.set!(t, copy, env);
    });
  }

  /** loaded items of a collection */
  protected _getItems<P extends ProxyBase>(): P[] {
    if (!this._items) throw propertyNotLoaded(this._def.name, 'items');
    return this._items as P[];
  }

  protected _facet<P extends ProxyBase>(name: string, make: (path: string) => P): P {
    let f = this._facets.get(name);
    if (!f) {
      f = make(`${this._path}.${name}`);
      this._facets.set(name, f);
    }
    return f as P;
  }

  protected _facetRes(map: (t: any, env: Env) => unknown): Resolution { // eslint-disable-line @typescript-eslint/no-explicit-any
    return { kind: 'facet', parent: this, map };
  }

  private _queue(name: string, bytes: number, opts: CallOptions, fn: (t: any, env: Env) => void): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    this.context._push({
      kind: 'op',
      name,
      bytes,
      format: opts.format ?? false,
      api: opts.api ?? this._def.api,
      run: (env) => {
        const t = resolve(this, env);
        if (t === NULL) return; // ignored on a null object
        fn(t, env);
      },
    });
  }

  /** Queue a method call whose effect runs at sync (ignored on a null object). */
  protected _call(member: string, args: unknown[], fn: (t: any, env: Env) => void, opts: CallOptions = {}): void { // eslint-disable-line @typescript-eslint/no-explicit-any
    this._queue(`${this._path}.${member}`, argBytes(args), opts, fn);
  }

  /**
   * Queue a method call that returns a new object, bound when the call runs.
   * `fn` returns the target, or NULL for a null object (it throws for a missing item).
   */
  protected _nav<P extends ProxyBase>(
    member: string,
    args: unknown[],
    make: (res: Resolution) => P,
    fn: (t: any, env: Env) => unknown, // eslint-disable-line @typescript-eslint/no-explicit-any
    opts: CallOptions = {},
  ): P {
    const res: Resolution = { kind: 'bound', bound: false, target: undefined };
    const child = make(res);
    this.context._push({
      kind: 'op',
      name: `${this._path}.${member}`,
      bytes: argBytes(args),
      format: false,
      api: opts.api ?? this._def.api,
      run: (env) => {
        const t = resolve(this, env);
        (res as { target: unknown }).target = t === NULL ? NULL : fn(t, env);
        (res as { bound: boolean }).bound = true;
        return {
          responseBytes: 0,
          commit: () => {
            child._nullKnown = true;
          },
        };
      },
    });
    return child;
  }

  /** Queue a method call that returns a value (ClientResult), null on a null object. */
  protected _result<T>(member: string, args: unknown[], fn: (t: any, env: Env) => T, opts: CallOptions = {}): ClientResult<T> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const result = new ClientResult<T>();
    this.context._push({
      kind: 'op',
      name: `${this._path}.${member}`,
      bytes: argBytes(args),
      format: false,
      api: opts.api ?? this._def.api,
      run: (env) => {
        const t = resolve(this, env);
        const v = (t === NULL ? null : fn(t, env)) as T;
        return { responseBytes: jsonLength(v), commit: () => result._resolve(v) };
      },
    });
    return result;
  }
}

/** A bound resolution for items created at load time. */
export function boundTo(target: unknown): Resolution {
  return { kind: 'bound', bound: true, target };
}

export function rootRes(target: unknown): Resolution {
  return { kind: 'root', target };
}

function argBytes(args: unknown[]): number {
  if (args.length === 0) return 0;
  return jsonLength(args.map((a) => (a instanceof ProxyBase ? { ref: a._path } : a)));
}

/**
 * Run the operations of one sync against the workbook. Throws (after recording
 * the sync) when the request, an operation or the response fails.
 */
export function executeSync(book: FakeExcel, ctx: RequestContextCore, ops: QueuedOp[], closed: boolean): void {
  const opNames: Record<string, number> = {};
  let count = 0;
  let loads = 0;
  let formatOps = 0;
  let requestBytes = 0;
  for (const op of ops) {
    requestBytes += 64 + op.bytes;
    if (op.kind === 'load') {
      loads++;
      continue;
    }
    count++;
    opNames[op.name] = (opNames[op.name] ?? 0) + 1;
    if (op.format) {
      formatOps++;
      const key = `format:${op.name}`;
      opNames[key] = (opNames[key] ?? 0) + 1;
    }
  }
  const record: SyncRecord = { ops: count, loads, formatOps, requestBytes, responseBytes: 0, opNames, error: null };
  book.stats.syncs++;
  book.stats.log.push(record);
  const reject = (e: unknown): never => {
    record.error = e instanceof FakeOfficeError ? e.code : String(e);
    throw e;
  };
  if (closed) reject(new FakeOfficeError('InvalidOperation', 'The request context was used after its Excel.run batch finished'));
  if (book.editing) reject(new FakeOfficeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode'));
  if (requestBytes > book.maxRequestBytes) {
    reject(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload (${requestBytes} bytes) exceeds the limit of ${book.maxRequestBytes} bytes`));
  }
  const commits: Commit[] = [];
  for (const op of ops) {
    const env: Env = { book, ctx, opName: op.name };
    try {
      checkApi(env, op.api, op.name);
      const c = op.run(env);
      if (c) commits.push(c);
    } catch (e) {
      reject(e instanceof FakeOfficeError ? e.at(op.name) : e);
    }
  }
  record.responseBytes = commits.reduce((s, c) => s + c.responseBytes, 0);
  if (record.responseBytes > book.maxResponseBytes) {
    reject(
      new FakeOfficeError(
        'RequestPayloadSizeLimitExceeded',
        `The response payload (${record.responseBytes} bytes) exceeds the limit of ${book.maxResponseBytes} bytes`,
      ),
    );
  }
  for (const c of commits) c.commit();
}

export interface SyncRecord {
  /** queued property sets and method calls */
  ops: number;
  /** queued loads */
  loads: number;
  /** of ops, the formatting ones (also in opNames under "format:…") */
  formatOps: number;
  requestBytes: number;
  responseBytes: number;
  /** ops by name ("Range.values", "Worksheet.getRange"); formatting ops a second time as "format:Range.format.fill.color" */
  opNames: Record<string, number>;
  /** error code when the sync failed */
  error: string | null;
}
