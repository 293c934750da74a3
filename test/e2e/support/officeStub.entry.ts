/**
 * office.js for end-to-end tests: the page loads this script instead of
 * Microsoft's (the test answers the CDN request with it). It defines `Office`
 * and `Excel` over the strict fake Excel (test/support/fakeExcel), seeded from
 * `window.__OFFICE_SEED__`, and `window.__officeStub` for the test's assertions.
 *
 * Browser code, bundled with webpack (see officeStubScript() in build.ts).
 */
import { FakeExcel, FakeOfficeError, formatRect } from '../../support/fakeExcel';
import type { FakeSheet } from '../../support/fakeExcel';
import { fakeFromGrids } from '../../support/fakeExcel/fromGrid';
import { gridFromJson } from './grids';
import type { ConditionalFormatJson, DialogRecord, OfficeSeed, OfficeStubApi, SheetInfo, StubStats } from './officeStub.types';

type AsyncResult = { status: 'succeeded' | 'failed'; value: unknown; error?: { code: number; name: string; message: string }; asyncContext?: unknown };
type Callback = (result: AsyncResult) => void;

const seed: OfficeSeed = window.__OFFICE_SEED__ ?? { grids: [] };

// ---- the workbook -----------------------------------------------------------------

const fake: FakeExcel = fakeFromGrids(
  (seed.grids ?? []).map((g) => gridFromJson(g)),
  { apiVersion: seed.apiVersion, ...(seed.fake ?? {}) },
);
if (fake.sheets().length === 0) fake.addSheet('Sheet1');
for (const [name, visibility] of Object.entries(seed.visibility ?? {})) {
  const sheet = mustSheet(name);
  sheet.visibility = visibility;
}
if (seed.activeSheet !== undefined) fake.activeSheet = seed.activeSheet;
else if (fake.sheet(fake.activeSheet)?.visibility !== 'Visible') {
  const first = fake.sheets().find((s) => s.visibility === 'Visible');
  if (first) fake.activeSheet = first.name;
}

function mustSheet(name: string): FakeSheet {
  const sheet = fake.sheet(name);
  if (!sheet) throw new Error(`officeStub: no sheet named '${name}' (sheets: ${fake.sheets().map((s) => s.name).join(', ')})`);
  return sheet;
}

// ---- Office ---------------------------------------------------------------------------

const THEMES = {
  light: {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#000000',
    controlBackgroundColor: '#FFFFFF',
    controlForegroundColor: '#000000',
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#404040',
    controlForegroundColor: '#FFFFFF',
    isDarkTheme: true,
  },
} as const;

const otherSets: Record<string, string> = seed.requirementSets ?? { DialogApi: '1.2' };

function versionAtLeast(have: string, need: string): boolean {
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

function isSetSupported(name: string, version?: string | number): boolean {
  const v = version === undefined ? undefined : String(version);
  if (String(name).toLowerCase() === 'excelapi') return fake.isSetSupported(name, v);
  const key = Object.keys(otherSets).find((k) => k.toLowerCase() === String(name).toLowerCase());
  return key !== undefined && versionAtLeast(otherSets[key], v ?? '1.1');
}

/** (options?, callback?) or (callback) as Office's async methods take them */
function callbackOf(a: unknown, b: unknown): { callback?: Callback; asyncContext?: unknown } {
  if (typeof a === 'function') return { callback: a as Callback };
  const options = (a ?? {}) as { asyncContext?: unknown };
  return { callback: typeof b === 'function' ? (b as Callback) : undefined, asyncContext: options.asyncContext };
}

function later(fn: () => void): void {
  setTimeout(fn, 0);
}

const jsonCopy = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

const settingsStore = new Map<string, unknown>(Object.entries(jsonCopy(seed.settings ?? {})));
let saved: Record<string, unknown> | null = null;

const settings = {
  get(name: string): unknown {
    return settingsStore.has(name) ? settingsStore.get(name) : null;
  },
  set(name: string, value: unknown): void {
    settingsStore.set(name, value);
  },
  remove(name: string): void {
    settingsStore.delete(name);
  },
  saveAsync(a?: unknown, b?: unknown): void {
    const { callback, asyncContext } = callbackOf(a, b);
    const snapshot = jsonCopy(Object.fromEntries(settingsStore));
    later(() => {
      saved = snapshot;
      callback?.({ status: 'succeeded', value: undefined, asyncContext });
    });
  },
  refreshAsync(a?: unknown, b?: unknown): void {
    const { callback, asyncContext } = callbackOf(a, b);
    later(() => callback?.({ status: 'succeeded', value: settings, asyncContext }));
  },
  addHandlerAsync(_type: string, _handler: unknown, a?: unknown, b?: unknown): void {
    const { callback, asyncContext } = callbackOf(a, b);
    later(() => callback?.({ status: 'succeeded', value: undefined, asyncContext }));
  },
};

const EventType = { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' } as const;

const dialogs: DialogRecord[] = [];
const dialogHandlers: Map<string, ((arg: unknown) => void)[]>[] = [];

function displayDialogAsync(url: string, a?: unknown, b?: unknown): void {
  const options = typeof a === 'function' ? undefined : a;
  const { callback, asyncContext } = callbackOf(a, b);
  const index = dialogs.length;
  const record: DialogRecord = { url: String(url), options: jsonCopy(options ?? null), closed: false, events: [], toChild: [] };
  dialogs.push(record);
  dialogHandlers.push(new Map());
  const dialog = {
    close(): void {
      record.closed = true;
    },
    addEventHandler(type: string, handler: (arg: unknown) => void): void {
      record.events.push(type);
      const handlers = dialogHandlers[index];
      handlers.set(type, [...(handlers.get(type) ?? []), handler]);
    },
    messageChild(message: string): void {
      record.toChild.push(String(message));
    },
    sendMessage(message: string): void {
      record.toChild.push(String(message));
    },
  };
  later(() => callback?.({ status: 'succeeded', value: dialog, asyncContext }));
}

function fire(index: number, type: string, arg: unknown): void {
  const handlers = dialogHandlers[index];
  if (!handlers) throw new Error(`officeStub: no dialog ${index} (${dialogs.length} opened)`);
  for (const h of handlers.get(type) ?? []) h(arg);
}

const actions: Record<string, (event: unknown) => unknown> = {};
const parentMessages: string[] = [];
let readyCalls = 0;

const HostType = { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook', OneNote: 'OneNote', Project: 'Project', Access: 'Access' };
const PlatformType = { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' };
const info = { host: HostType.Excel, platform: PlatformType.OfficeOnline };
const language = seed.language ?? 'zh-CN';

const Office = {
  HostType,
  PlatformType,
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType,
  initialize: undefined as undefined | ((reason: unknown) => void),
  onReady(cb?: (i: typeof info) => unknown): Promise<typeof info> {
    readyCalls++;
    return new Promise((resolve) => {
      later(() => {
        if (cb) cb({ ...info });
        resolve({ ...info });
      });
    });
  },
  context: {
    host: HostType.Excel,
    platform: PlatformType.OfficeOnline,
    displayLanguage: language,
    contentLanguage: language,
    officeTheme: { ...THEMES[seed.theme === 'dark' ? 'dark' : 'light'] },
    requirements: { isSetSupported },
    document: { settings, url: 'https://contoso.example/book.xlsx', mode: 'readWrite' },
    ui: {
      displayDialogAsync,
      messageParent(message: string): void {
        parentMessages.push(String(message));
      },
    },
  },
  actions: {
    associate(name: string, fn: (event: unknown) => unknown): void {
      actions[name] = fn;
    },
  },
};

// ---- the test's handle --------------------------------------------------------------

function stats(): StubStats {
  const log = fake.stats.log;
  const sum = (k: 'ops' | 'loads' | 'formatOps' | 'requestBytes' | 'responseBytes'): number => fake.total(k);
  return {
    syncs: fake.stats.syncs,
    ops: sum('ops'),
    loads: sum('loads'),
    formatOps: sum('formatOps'),
    requestBytes: sum('requestBytes'),
    responseBytes: sum('responseBytes'),
    log: log.map((r) => ({ ops: r.ops, loads: r.loads, opNames: { ...r.opNames }, error: r.error })),
  };
}

function usedRect(sheet: FakeSheet) {
  return sheet.usedBounds(false);
}

const api: OfficeStubApi = {
  fake,
  actions,
  dialogs,
  get readyCalls() {
    return readyCalls;
  },
  parentMessages,
  snapshot: () => ({
    sheets: fake.sheets().map((s) => ({ name: s.name, visibility: s.visibility })),
    activeSheet: fake.activeSheet,
    selection: fake.selection ? { ...fake.selection } : null,
    syncs: fake.stats.syncs,
  }),
  sheetValues(name, fromA1 = false) {
    const sheet = mustSheet(name);
    const used = usedRect(sheet);
    if (!used) return [];
    const top = fromA1 ? 0 : used.top;
    const left = fromA1 ? 0 : used.left;
    const out: (number | string | boolean | null)[][] = [];
    for (let r = top; r <= used.bottom; r++) {
      const row: (number | string | boolean | null)[] = [];
      for (let c = left; c <= used.right; c++) row.push(sheet.view(r, c).value);
      out.push(row);
    }
    return out;
  },
  cells: (name) => jsonCopy(mustSheet(name).cellsSnapshot()) as Record<string, unknown>,
  sheetInfo(name): SheetInfo {
    const s = mustSheet(name);
    const used = usedRect(s);
    return {
      name: s.name,
      visibility: s.visibility,
      protected: s.protected,
      usedRange: used ? formatRect(used) : null,
      merges: s.merges.map((m) => formatRect(m)),
      freeze: s.freeze ? { ...s.freeze } : null,
      columnWidths: Object.fromEntries([...s.columnWidths].map(([k, v]) => [String(k), v])),
      rowHeights: Object.fromEntries([...s.rowHeights].map(([k, v]) => [String(k), v])),
      pageLayout: jsonCopy(s.pageLayout),
    };
  },
  conditionalFormats: (name): ConditionalFormatJson[] =>
    mustSheet(name).conditionalFormats.map((cf) => ({
      range: formatRect(cf.range),
      type: cf.type,
      formula: cf.formula,
      format: { ...cf.format },
      stopIfTrue: cf.stopIfTrue,
    })),
  notes: (name) => Object.fromEntries(mustSheet(name).notes),
  comments: (name) => Object.fromEntries(mustSheet(name).comments),
  fills(name) {
    const out: Record<string, string> = {};
    for (const [key, cell] of Object.entries(mustSheet(name).cellsSnapshot())) if (cell.fill.color !== null) out[key] = cell.fill.color;
    return out;
  },
  settings: () => jsonCopy(Object.fromEntries(settingsStore)),
  savedSettings: () => jsonCopy(saved),
  stats,
  resetStats: () => fake.resetStats(),
  actionNames: () => Object.keys(actions).sort(),
  invokeAction(name, timeoutMs = 10_000) {
    const fn = actions[name];
    if (!fn) return Promise.reject(new Error(`officeStub: no action '${name}' (registered: ${Object.keys(actions).join(', ') || 'none'})`));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`officeStub: action '${name}' did not call event.completed() within ${timeoutMs} ms`)), timeoutMs);
      const event = {
        source: { id: name },
        completed: () => {
          clearTimeout(timer);
          resolve({ completed: true });
        },
      };
      try {
        const r = fn(event) as { then?: unknown } | undefined;
        if (r && typeof r.then === 'function') (r as Promise<unknown>).catch((e: unknown) => {
          clearTimeout(timer);
          reject(e instanceof Error ? e : new Error(String(e)));
        });
      } catch (e) {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  },
  dialogMessage: (index, message, origin = window.location.origin) => fire(index, EventType.DialogMessageReceived, { message, origin }),
  dialogEvent: (index, error) => fire(index, EventType.DialogEventReceived, { error }),
};

const w = window as unknown as Record<string, unknown>;
w.Office = Office;
w.Excel = {
  run(batch: unknown, ...rest: unknown[]) {
    if (typeof batch !== 'function' || rest.length > 0) {
      throw new Error('officeStub: only Excel.run(batch) is supported (the fake has no Excel.run(object, batch) overload)');
    }
    return fake.run(batch as Parameters<FakeExcel['run']>[0]);
  },
};
w.OfficeExtension = { Error: FakeOfficeError };
w.__officeStub = api;

// Office calls Office.initialize once the host is ready, when the page set one
// (after the page's deferred scripts, which run before DOMContentLoaded).
function initialize(): void {
  later(() => {
    if (typeof Office.initialize === 'function') Office.initialize('inserted');
  });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initialize, { once: true });
else initialize();
