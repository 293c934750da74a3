/**
 * The project's own fixture generator.
 *
 * Deterministic functions (seeded PRNG, never Math.random) that build ExcelJS
 * workbooks in the layouts that statistics bureaus actually publish (see
 * ../../../shared/fixtures/real/README.md and docs/domain.md §1) and return
 * `{ buffer, truth }`: the .xlsx bytes and what a correct reader must find.
 *
 * Layouts (each has a `build…(workbook, options)` that adds a sheet to an existing
 * workbook and returns the truth synchronously, and an async wrapper that makes a
 * one-sheet workbook and returns `{ buffer, truth }`):
 *   - countySheet      one indicator, regions down: 地区 | 绝对额 | 增速 | 排名 (邵阳 monthly)
 *   - yearbookCities   many indicators across, three-level header, subtotals, 其中 rows (浙江 17-2)
 *   - stackedSeries    several time-series tables stacked in one sheet, numbers as text (江苏 2-12)
 *   - itemsSheet       items down for one area: 项目 | 绝对额 | 增长 (财政19 / 工业7)
 *   - indexGroups      indicator groups of year values and 上年=100 indices (山东 2-6)
 *   - englishStacked   stacked English tables whose title lines state measure and prices (Growth Rates,
 *                      Implicit Price Index, Percent Share, at Constant 2018 Prices) and a regrouping (PSA)
 *   - cumulativeMarks  1 quarter / 1 half-year / 9 months / year columns, footnote marks glued to labels
 *                      ("20232)", "Capital city3)"), 1990-1991 in roubles by footnote (Kazakhstan)
 *
 * Conventions of the truth objects:
 *   - rows and columns are 0-based like src/core/layout; `range` and cell
 *     addresses are A1 text;
 *   - `cells[col]` is the Figure (src/core/figures) a correct reader must read
 *     from a body cell: number with the displayed decimals (from the number
 *     format, or from the digits written for text-stored numbers), placeholder,
 *     error or empty;
 *   - labels are as written (outer spaces trimmed); `name` drops padding, line
 *     breaks and 其中：/# prefixes; `regionId` is the same region across sheets
 *     whatever name form a sheet uses (城东 / 城东区);
 *   - displayed figures follow Excel: 15 significant digits, then rounding half
 *     away from zero (`roundShown`). Generated growth never sits on a rounding
 *     boundary, so half-up and half-even readers agree.
 */
import ExcelJS from 'exceljs';
import { address, columnLetters, rangeAddress } from '../../src/core/grid';
import type { Figure } from '../../src/core/figures/Figure.types';
import type { MeasureKind, PriceBasis, RowRole, Shape } from '../../src/core/layout/Layout.types';

// ---------------------------------------------------------------------------
// Seeded randomness
// ---------------------------------------------------------------------------

/** mulberry32: small, fast and good enough for fixtures. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.floor(seed) ^ 0x5bd1e995) >>> 0;
  }

  /** uniform in [0, 1) */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** integer in [min, max] */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** an independent stream, so adding draws in one place does not shift another */
  fork(label: string): Rng {
    let h = this.state ^ 0x811c9dc5;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h);
  }
}

// ---------------------------------------------------------------------------
// Numbers as a reader sees them
// ---------------------------------------------------------------------------

/** What Excel shows with `decimals` digits: 15 significant digits, then half away from zero. */
export function roundShown(x: number, decimals: number): number {
  const p = Number(x.toPrecision(15));
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(p) * f).toPrecision(15));
  const r = (Math.sign(p) * Math.floor(scaled + 0.5)) / f;
  return r === 0 ? 0 : r;
}

/** True when x sits within 1e-6 of a rounding boundary at `decimals`. */
export function nearHalf(x: number, decimals: number): boolean {
  const s = Math.abs(x) * 10 ** decimals;
  return Math.abs(s - Math.floor(s) - 0.5) < 1e-6;
}

/** Decimals shown by a number format ("0.0_ " -> 1, "#0.00 ;-#0.00 " -> 2); null for General or text. */
export function formatDecimals(format: string | null | undefined): number | null {
  if (!format || format === 'General' || format === '@') return null;
  const first = format.split(';')[0];
  const m = /0\.(0+)/.exec(first);
  if (m) return m[1].length;
  return /[0#]/.test(first) ? 0 : null;
}

/** Standard competition ranking (1, 2, 2, 4 — Excel RANK.EQ), descending unless `ascending`. */
export function competitionRanks(values: readonly number[], ascending = false): number[] {
  return values.map((v) => 1 + values.filter((w) => (ascending ? w < v : w > v)).length);
}

/** Dense ranking (1, 2, 2, 3 — 中国式排名). */
export function denseRanks(values: readonly number[], ascending = false): number[] {
  return values.map((v) => 1 + new Set(values.filter((w) => (ascending ? w < v : w > v))).size);
}

const FULLWIDTH_DIGITS = '０１２３４５６７８９';

/** "1234.5" -> "１２３４.５" (digits only, as typed with a Chinese input method). */
export function toFullwidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => FULLWIDTH_DIGITS[Number(d)]);
}

/** "1234567.8" -> "1,234,567.8" */
export function withThousands(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (neg ? '-' : '') + grouped + (frac !== undefined ? `.${frac}` : '');
}

function decimalsWritten(s: string): number {
  const m = /[.．](\d+)/.exec(s);
  return m ? m[1].length : 0;
}

function round(x: number, d: number): number {
  return roundShown(x, d);
}

/** A number with a float tail like the bureaus' own sheets (6.17000000000001, 5.49999999999999). */
export function withFloatNoise(x: number, up: boolean): number {
  if (x === 0) return x;
  const eps = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 14);
  return Number((x + (up ? eps : -eps)).toPrecision(15));
}

// ---------------------------------------------------------------------------
// Truth
// ---------------------------------------------------------------------------

export interface Fixture<T> {
  buffer: Buffer;
  truth: T;
}

export interface ColumnTruth {
  col: number;
  letter: string;
  /** header texts top to bottom as written (merged cells filled in, de-duplicated, blanks dropped) */
  header: string[];
  /** the indicator this column belongs to */
  indicator: string;
  measure: MeasureKind;
  unit: string | null;
  /** the period the header states for this column (null when only the title or nothing states it) */
  period: string | null;
  additive: boolean;
  priceBasis: PriceBasis | null;
  /** number format of the body cells (null: General or text) */
  format: string | null;
  /** decimals a reader sees (null: General) */
  decimals: number | null;
  /** this column is an "of which" part (#工业) of that column */
  ofWhichOf?: number;
}

export interface RowTruth {
  row: number;
  /** as written, outer spaces trimmed */
  label: string;
  /** display name: padding, line breaks and 其中：/# prefixes removed */
  name: string;
  role: RowRole;
  level: number;
  parent: number | null;
  /** members of a subtotal (or parts of an item that is their sum) */
  members: number[];
  /** the same region in every sheet, whatever form its name takes */
  regionId?: string;
  zone?: boolean;
  /** what a correct reader must find in the body cells, by column */
  cells: Record<number, Figure>;
}

export interface TableTruth {
  sheet: string;
  range: string;
  top: number;
  bottom: number;
  left: number;
  right: number;
  shape: Shape;
  title: string | null;
  period: string | null;
  /** unit stated for the whole table (单位：亿元) */
  unit: string | null;
  priceBasis: PriceBasis | null;
  headerTop: number;
  headerBottom: number;
  labelColumn: number;
  /** a second label column (English names) */
  secondaryLabelColumn?: number;
  totalRow: number | null;
  rows: RowTruth[];
  columns: ColumnTruth[];
  footnotes: string[];
}

export interface SheetTruth {
  sheet: string;
  tables: TableTruth[];
  /** every merge written, A1 */
  merges: string[];
  /** cells outside every table a reader must ignore */
  stray: string[];
  /** cells holding numbers stored as text */
  textNumbers: string[];
  placeholders: string[];
  errors: string[];
}

// ---------------------------------------------------------------------------
// Region names
// ---------------------------------------------------------------------------

export type RegionKind = '区' | '县' | '市' | '旗';

export interface RegionName {
  /** canonical id (the full name) */
  id: string;
  full: string;
  short: string;
  kind: RegionKind;
  /** the short form is never used (安平县 in 安平市, like 邵阳县 in 邵阳市) */
  keepFull?: boolean;
  en?: string;
}

export type NameForm = 'short' | 'full' | 'mixed';

function region(full: string, opts: { keepFull?: boolean; en?: string } = {}): RegionName {
  const kind = full.slice(-1) as RegionKind;
  return { id: full, full, short: full.slice(0, -1), kind, ...opts };
}

/** The 12 fictional 县市区 of the fictional prefecture 安平市. */
export const DEFAULT_COUNTIES: readonly RegionName[] = Object.freeze([
  region('城东区'),
  region('城西区'),
  region('北湖区'),
  region('新安县'),
  region('安平县', { keepFull: true }),
  region('云溪县'),
  region('清河县'),
  region('白沙县'),
  region('梅岭县'),
  region('凤鸣县'),
  region('青山县'),
  region('石门市'),
]);

/**
 * The label a sheet writes for a region.
 * short: the usual county-sheet form (城东, 新安; 安平县 stays full);
 * full: 城东区; mixed: a seeded mix of both.
 */
export function regionLabel(r: RegionName, form: NameForm, rng?: Rng): string {
  if (r.keepFull || form === 'full') return r.full;
  if (form === 'short') return r.short;
  return (rng ?? new Rng(r.id.charCodeAt(0))).chance(0.5) ? r.full : r.short;
}

const FIRST_CHARS = '东西南北安平新清云白青金石龙凤桃梅兴永长宁太福德文武华江河湖山川溪林阳明城丰和乐康泰嘉宜盛昌隆源海天水月星岭峰沙田洲高双大小上下中汉成元定通';
const SECOND_CHARS = '安平川州江河源阳山城宁昌和丰林溪泉湖桥口门关谷峰岗台坪塘湾滩浦津港原野田乡庄堡寨营屯坝岩石岭冈陵亭水兴乐都化远德泽';

/** n unique fictional county names (full forms unique, short forms unique), deterministic. */
export function generateCountyNames(n: number, seed = 1): RegionName[] {
  const rng = new Rng(seed).fork('county-names');
  const combos: string[] = [];
  for (const a of FIRST_CHARS) for (const b of SECOND_CHARS) if (a !== b) combos.push(a + b);
  if (n > combos.length) throw new Error(`generateCountyNames: at most ${combos.length} names`);
  const picked = rng.shuffle(combos).slice(0, n);
  return picked.map((short) => {
    const u = rng.next();
    const kind: RegionKind = u < 0.7 ? '县' : u < 0.85 ? '区' : u < 0.98 ? '市' : '旗';
    return { id: short + kind, full: short + kind, short, kind };
  });
}

/** Remove padding, line breaks and 其中：/# prefixes (the `name` of a row). */
export function displayName(label: string): string {
  return label
    .replace(/[\s\u3000]+/g, '')
    .replace(/^(其中[：:]|#|＃)/, '');
}

// ---------------------------------------------------------------------------
// ExcelJS helpers
// ---------------------------------------------------------------------------

const FONT_CN = '方正书宋_GBK';
const FONT_NUM = 'Times New Roman';

/** Rich text with Chinese runs in a Chinese font and ASCII runs in Times New Roman, like the bureaus' headers. */
export function mixedFontText(text: string, opts: { bold?: boolean; size?: number } = {}): ExcelJS.CellRichTextValue {
  const runs: ExcelJS.RichText[] = [];
  const re = /[\x20-\x7e]+|[^\x20-\x7e]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const ascii = /^[\x20-\x7e]/.test(m[0]);
    runs.push({
      text: m[0],
      font: { name: ascii ? FONT_NUM : FONT_CN, size: opts.size ?? 12, bold: opts.bold ?? false, charset: 134 },
    });
  }
  return { richText: runs };
}

/** A new workbook with fixed metadata so that rebuilding gives the same contents. */
export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const when = new Date(Date.UTC(2025, 3, 15, 8, 0, 0));
  wb.creator = 'indicator-tables fixtures';
  wb.lastModifiedBy = 'indicator-tables fixtures';
  wb.created = when;
  wb.modified = when;
  return wb;
}

/** The .xlsx bytes, with zip entry timestamps fixed so that equal workbooks give equal bytes. */
export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(Buffer.from(out as ArrayBuffer));
}

/**
 * Set every entry's DOS modification time and date (local headers and central
 * directory) to 2025-04-15 00:00. CRCs cover the data only, so the package stays
 * valid. Returns the same buffer, patched in place.
 */
export function fixZipTimestamps(buf: Buffer): Buffer {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const LOCAL = 0x04034b50;
  const time = 0;
  const date = ((2025 - 1980) << 9) | (4 << 5) | 15;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return buf;
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries && p + 46 <= buf.length && buf.readUInt32LE(p) === CENTRAL; k++) {
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 <= buf.length && buf.readUInt32LE(local) === LOCAL) {
      buf.writeUInt16LE(time, local + 10);
      buf.writeUInt16LE(date, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

class SheetWriter {
  readonly merges: string[] = [];
  readonly textNumbers: string[] = [];
  readonly placeholders: string[] = [];
  readonly errors: string[] = [];

  constructor(readonly ws: ExcelJS.Worksheet) {}

  cell(r: number, c: number): ExcelJS.Cell {
    return this.ws.getCell(r + 1, c + 1);
  }

  set(r: number, c: number, value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
    const cell = this.cell(r, c);
    cell.value = value;
    if (numFmt) cell.numFmt = numFmt;
    return cell;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (top === bottom && left === right) return;
    this.ws.mergeCells(top + 1, left + 1, bottom + 1, right + 1);
    this.merges.push(rangeAddress(top, left, bottom, right));
  }

  /** write a Figure-producing value and return the Figure a reader must find */
  figure(r: number, c: number, v: CellPlan): Figure {
    switch (v.kind) {
      case 'number':
        this.set(r, c, v.value, v.format ?? undefined);
        return { kind: 'number', value: v.value, decimals: formatDecimals(v.format), fromText: false, percent: false };
      case 'text-number': {
        this.set(r, c, v.text, v.format ?? undefined);
        this.textNumbers.push(address(r, c));
        return { kind: 'number', value: v.value, decimals: decimalsWritten(v.text), fromText: true, percent: false };
      }
      case 'placeholder':
        this.set(r, c, v.text);
        this.placeholders.push(address(r, c));
        return { kind: 'placeholder', text: v.text };
      case 'error':
        this.set(r, c, { error: v.code } as ExcelJS.CellErrorValue);
        this.errors.push(address(r, c));
        return { kind: 'error', code: v.code };
      case 'empty':
        if (v.format) this.cell(r, c).numFmt = v.format;
        return { kind: 'empty' };
    }
  }

  border(top: number, left: number, bottom: number, right: number): void {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    for (let r = top; r <= bottom; r++)
      for (let c = left; c <= right; c++) this.cell(r, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }

  bold(r: number, c: number): void {
    this.cell(r, c).font = { name: FONT_CN, size: 12, bold: true };
  }

  truth(sheet: string, tables: TableTruth[], stray: string[] = []): SheetTruth {
    return {
      sheet,
      tables,
      merges: this.merges.slice(),
      stray,
      textNumbers: this.textNumbers.slice(),
      placeholders: this.placeholders.slice(),
      errors: this.errors.slice(),
    };
  }
}

type CellPlan =
  | { kind: 'number'; value: number; format: string | null }
  | { kind: 'text-number'; value: number; text: string; format: string | null }
  | { kind: 'placeholder'; text: string }
  | { kind: 'error'; code: string }
  | { kind: 'empty'; format?: string };

/** Excel keeps 15 significant digits; so do the fixtures (6.17000000000001, 485745.614399879). */
export function excelDouble(x: number): number {
  return Number(x.toPrecision(15));
}

const num = (value: number, format: string | null): CellPlan => ({ kind: 'number', value: excelDouble(value), format });
const EMPTY: CellPlan = { kind: 'empty' };

function column(
  col: number,
  header: string[],
  indicator: string,
  measure: MeasureKind,
  unit: string | null,
  extra: Partial<ColumnTruth> = {},
): ColumnTruth {
  const format = extra.format ?? null;
  const seen = new Set<string>();
  const h = header.map((s) => s.trim()).filter((s) => s !== '' && !seen.has(s) && (seen.add(s), true));
  return {
    col,
    letter: columnLetters(col),
    header: h,
    indicator,
    measure,
    unit,
    period: null,
    additive: measure === 'value',
    priceBasis: null,
    format,
    decimals: formatDecimals(format),
    ...extra,
  };
}

function tableBounds(top: number, left: number, bottom: number, right: number) {
  return { range: rangeAddress(top, left, bottom, right), top, bottom, left, right };
}

// ---------------------------------------------------------------------------
// (a) countySheet — one indicator, regions down (邵阳 统计月报 per-indicator sheets)
// ---------------------------------------------------------------------------

export interface CountySheetOptions {
  seed?: number;
  /** default: the indicator */
  sheetName?: string;
  /** indicator name, written as the title (default 地区生产总值) */
  indicator?: string;
  /** default 2025年1-3月 */
  period?: string;
  /** 万元 (default), 亿元, 元 */
  unit?: string;
  /** header of the value column before the unit: 绝对额 (default), 绝对值 */
  valueLabel?: string;
  /** 增速 (default), 增减, 增长 */
  growthLabel?: '增速' | '增减' | '增长';
  /** "增速（%）" instead of "增速(%)" */
  fullwidthParens?: boolean;
  /** include the value column (default true) */
  value?: boolean;
  /** include the 排名 column (default true) */
  rank?: boolean;
  /** the regions (default DEFAULT_COUNTIES) or how many to generate */
  regions?: readonly RegionName[] | number;
  /** how names are written (default short: 城东, 新安, 安平县) */
  nameForm?: NameForm;
  /** order of the regions: a permutation of indexes, or 'shuffle' */
  order?: readonly number[] | 'shuffle';
  /** the total row (default 全市, first); false for none */
  total?: false | { name?: string; position?: 'first' | 'last' };
  /** subtotal rows (市辖区) placed before their members; members by region id */
  subtotals?: { name: string; members: string[] }[];
  /** development zones appended after the regions (peers flagged zone) */
  zones?: string[];
  /** range of one region's value (default by unit) */
  valueRange?: [number, number];
  /** range of growth (default [3, 11]) */
  growthRange?: [number, number];
  /** at least this many regions with negative growth */
  negatives?: number;
  /** decimals of the value column's format: 0 -> "0_ " (default; 2 for 亿元) */
  valueDecimals?: 0 | 1 | 2;
  /** decimals of the growth column's format (default 1 -> "0.0_ ") */
  growthDecimals?: 1 | 2;
  /** per-capita indicator: not additive, total is a weighted mean (default: unit is 元) */
  perCapita?: boolean;
  priceBasis?: PriceBasis | null;
  /** plant two regions whose growth differs but shows the same (x - 0.04 and x); false for none. Default 9.7 when inside growthRange, else a value inside it */
  tie?: number | false;
  /** store some growth with float tails (default true) */
  floatNoise?: boolean;
  /** how many text-stored numbers to plant (0-3): "１２３４５６.７", "1,234,567.8", "5.8" */
  textNumbers?: number;
  /** plant placeholders: true = "—" in one region's growth and "…" in another's value; or choose the texts (omit one to skip it) */
  placeholders?: boolean | { growth?: string; value?: string };
  /** plant #DIV/0! in one region's growth */
  error?: boolean;
  /** plant stray cells right of the table (a number next to it, a blank-looking " " further away) */
  stray?: boolean;
  /** footnote in the merged row after the table: true -> "注：<indicator>增速按可比价计算。"; false -> the merged row stays empty */
  footnote?: string | boolean;
  /** how many published ranks to make wrong (off by one) */
  wrongRanks?: number;
  /** title merge up to the next-to-last column (short, like the real sheets) or the last (full) */
  titleSpan?: 'short' | 'full';
  /** headers as rich text with mixed fonts (default true) */
  richText?: boolean;
  /** make the first (largest) region about this many times the others (default 2.5; 1 for none) */
  bigRegion?: number;
  /** a 上年同期 column after the value (the prior figures the growth comes from; needs the value column) */
  prior?: boolean;
  /** a 占全市比重(%) column after the value: each line's shown value over the total's, 100 for the total (needs the value column and a total) */
  share?: boolean;
  /** a 与全市增速差(百分点) column after the growth: shown growth minus the total's ("—" for the total; needs a total) */
  points?: boolean;
  /** regions (by id) listed a second time after the others, with the same label and figures; not part of the total */
  repeat?: string[];
}

export interface CountyRegionTruth {
  row: number;
  regionId: string;
  label: string;
  role: 'peer' | 'subtotal' | 'total';
  zone?: boolean;
  /** the true figure, also when the sheet shows a placeholder */
  value: number;
  prior: number;
  /** the growth figure in the sheet (null: placeholder or error) */
  growth: number | null;
  growthShown: number | null;
  publishedRank: number | null;
  /** competition ranking (RANK.EQ) on the displayed growth, among peers with a growth figure */
  expectedRank: number | null;
  expectedDenseRank: number | null;
}

export interface RankTruth {
  growthCol: number;
  rankCol: number | null;
  /** rows that take a rank */
  peers: number[];
  unranked: { row: number; why: 'placeholder' | 'error' }[];
  /** rows whose growth differs in the cell but shows the same, sharing a rank */
  ties: number[][];
  /** published ranks planted wrong */
  wrong: { row: number; cell: string; regionId: string; published: number; expected: number }[];
}

export interface CountySheetTruth extends SheetTruth {
  table: TableTruth;
  indicator: { name: string; unit: string; additive: boolean; priceBasis: PriceBasis | null };
  period: string;
  regions: CountyRegionTruth[];
  ranks: RankTruth;
  /** the sum of the peers' shown values equals the total (false when a value is hidden by a placeholder or the indicator is per capita) */
  valueSumMatchesTotal: boolean;
  /** rows that hold float noise in the growth cell */
  floatNoiseRows: number[];
}

interface CountyLine {
  kind: 'total' | 'subtotal' | 'peer';
  regionId: string;
  label: string;
  zone?: boolean;
  members: CountyLine[];
  parent: CountyLine | null;
  value: number;
  prior: number;
  weight: number;
  growth: number;
  growthStore: 'one' | 'two' | 'noise-up' | 'noise-down' | 'full';
  valuePlan?: CellPlan;
  growthPlan?: CellPlan;
  /** listed a second time (options.repeat): not part of the total */
  repeated?: boolean;
  row: number;
}

function defaultValueRange(unit: string, perCapita: boolean): [number, number] {
  if (perCapita || unit === '元') return [30000, 52000];
  if (unit === '亿元') return [15, 180];
  return [150000, 900000];
}

export function buildCountySheet(wb: ExcelJS.Workbook, options: CountySheetOptions = {}): CountySheetTruth {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed);
  const indicator = options.indicator ?? '地区生产总值';
  const sheetName = options.sheetName ?? indicator;
  const period = options.period ?? '2025年1-3月';
  const unit = options.unit ?? '万元';
  const perCapita = options.perCapita ?? unit === '元';
  const additive = !perCapita;
  const hasValue = options.value ?? true;
  const hasRank = options.rank ?? true;
  const growthDecimals = options.growthDecimals ?? 1;
  const valueDecimals = options.valueDecimals ?? (unit === '亿元' ? 2 : 0);
  const valueFormat = valueDecimals === 0 ? '0_ ' : `0.${'0'.repeat(valueDecimals)}_ `;
  const growthFormat = `0.${'0'.repeat(growthDecimals)}_ `;
  const [gMin, gMax] = options.growthRange ?? [3, 11];
  const [vMin, vMax] = options.valueRange ?? defaultValueRange(unit, perCapita);
  const priceBasis = options.priceBasis ?? null;
  const floatNoise = options.floatNoise ?? true;
  const nameForm = options.nameForm ?? 'short';
  const paren = (s: string) => (options.fullwidthParens ? `${s}（%）` : `${s}(%)`);
  const unitParen = (s: string) => (options.fullwidthParens ? `${s}（${unit}）` : `${s}(${unit})`);

  // regions and their order
  const baseRegions =
    typeof options.regions === 'number' ? generateCountyNames(options.regions, seed) : (options.regions ?? DEFAULT_COUNTIES).slice();
  let order = baseRegions.map((_, i) => i);
  if (options.order === 'shuffle') order = rng.fork('order').shuffle(order);
  else if (options.order) order = options.order.slice();
  const nameRng = rng.fork('names');
  const regions = order.map((i) => baseRegions[i]);

  // figures per peer
  const valRng = rng.fork('values');
  const storeRng = rng.fork('store');
  const bigId = baseRegions[baseRegions.length - 1]?.id;
  const peers: CountyLine[] = regions.map((r) => ({
    kind: 'peer',
    regionId: r.id,
    label: regionLabel(r, nameForm, nameRng),
    members: [],
    parent: null,
    value: 0,
    prior: 0,
    weight: valRng.between(20, 120),
    growth: Number(valRng.between(gMin, gMax).toFixed(growthDecimals + 1)),
    growthStore: 'two',
    row: -1,
  }));
  for (const z of options.zones ?? []) {
    peers.push({
      kind: 'peer',
      regionId: z,
      label: z,
      zone: true,
      members: [],
      parent: null,
      value: 0,
      prior: 0,
      weight: valRng.between(5, 20),
      growth: Number(valRng.between(gMin, gMax).toFixed(growthDecimals + 1)),
      growthStore: 'two',
      row: -1,
    });
  }
  // planted regions (distinct)
  const plantRng = rng.fork('plants');
  const pool = plantRng.shuffle(peers.map((_, i) => i).filter((i) => !peers[i].zone));
  const take = (): number | null => (pool.length ? (pool.shift() as number) : null);
  let tieAt: number | null = null;
  if (options.tie !== false && pool.length >= 2) {
    const want = typeof options.tie === 'number' ? options.tie : 9.7;
    tieAt = want > gMin + 0.1 && want < gMax ? want : Number(((gMin + gMax) / 2).toFixed(1));
  }
  const tiePair = tieAt !== null ? [take(), take()] : [];
  const negatives = Math.min(options.negatives ?? 0, pool.length);
  const negRng = rng.fork('negatives');
  for (const i of negRng.shuffle(pool).slice(0, negatives)) {
    const deepest = Math.max(1, Math.min(20, gMin < 0 ? -gMin : 12));
    peers[i].growth = -Number(negRng.between(0.5, deepest).toFixed(growthDecimals + 1));
  }
  const textCount = Math.max(0, Math.min(3, options.textNumbers ?? 0));
  const textRows = Array.from({ length: textCount }, () => take());
  const ph = options.placeholders === true ? { growth: '—', value: '…' } : options.placeholders || {};
  const dashRow = ph.growth ? take() : null;
  const ellipsisRow = ph.value && hasValue ? take() : null;
  const errorRow = options.error ? take() : null;

  // growth storage and values
  const step = 10 ** -(growthDecimals + 1);
  peers.forEach((p, i) => {
    if (tieAt !== null && i === tiePair[0]) p.growth = tieAt;
    else if (tieAt !== null && i === tiePair[1]) p.growth = Number((tieAt - 0.04 * 10 ** (1 - growthDecimals)).toFixed(growthDecimals + 1));
    else {
      // never on a boundary: the last digit is never 5
      if (Math.round(Math.abs(p.growth) / step) % 10 === 5) p.growth = Number((p.growth + step).toFixed(growthDecimals + 1));
      const u = storeRng.next();
      p.growthStore = !floatNoise ? (u < 0.5 ? 'one' : 'two') : u < 0.3 ? 'one' : u < 0.6 ? 'two' : u < 0.72 ? 'noise-up' : u < 0.84 ? 'noise-down' : 'full';
      if (p.growthStore === 'one') {
        const g1 = Number(p.growth.toFixed(growthDecimals));
        p.growth = g1;
      }
    }
    const big = p.regionId === bigId ? (options.bigRegion ?? 2.5) : 1;
    const target = valRng.between(vMin, vMax) * big;
    p.prior = target / (1 + p.growth / 100);
    if (perCapita) {
      p.value = Math.round(target);
      p.prior = p.value / (1 + p.growth / 100);
      if (p.growthStore === 'full') p.growthStore = 'two';
    } else if (p.growthStore === 'full') {
      const v = Number(target.toFixed(valueDecimals === 0 ? 1 : valueDecimals + 2));
      const g = (v / p.prior - 1) * 100;
      if (nearHalf(g, growthDecimals) || roundShown(g, growthDecimals) !== roundShown(p.growth, growthDecimals)) {
        p.growthStore = 'two';
        p.value = p.prior * (1 + p.growth / 100);
      } else {
        p.value = v;
        p.growth = g;
      }
    } else {
      p.value = p.prior * (1 + p.growth / 100);
    }
  });

  // text-stored numbers: value column first (fullwidth, thousands), then growth as text
  const textKinds = hasValue ? ['value-fullwidth', 'value-thousands', 'growth-text'] : ['growth-fullwidth', 'growth-text', 'growth-spaced'];
  textRows.forEach((i, k) => {
    if (i === null) return;
    const p = peers[i];
    const kind = textKinds[k];
    if (kind.startsWith('value')) {
      const s = p.value.toFixed(1);
      p.value = Number(s);
      const text = kind === 'value-fullwidth' ? toFullwidthDigits(s) : withThousands(s);
      p.valuePlan = { kind: 'text-number', value: p.value, text, format: kind === 'value-thousands' ? '@' : null };
    } else {
      const s = p.growth.toFixed(growthDecimals);
      p.growth = Number(s);
      p.growthStore = 'one';
      const text = kind === 'growth-fullwidth' ? toFullwidthDigits(s) : kind === 'growth-spaced' ? ` ${s} ` : s;
      p.growthPlan = { kind: 'text-number', value: p.growth, text, format: '@' };
    }
  });
  if (dashRow !== null) peers[dashRow].growthPlan = { kind: 'placeholder', text: ph.growth! };
  if (ellipsisRow !== null) peers[ellipsisRow].valuePlan = { kind: 'placeholder', text: ph.value! };
  if (errorRow !== null) peers[errorRow].growthPlan = { kind: 'error', code: '#DIV/0!' };

  // regions listed twice (options.repeat): a copy of the line, after the others
  for (const id of options.repeat ?? []) {
    const original = peers.find((p) => p.regionId === id && !p.repeated);
    if (!original) throw new Error(`countySheet: repeated region ${id} is not a region`);
    peers.push({ ...original, members: [], parent: null, repeated: true });
  }

  // lines: total, subtotals before their members, peers, zones
  const byId = new Map(peers.filter((p) => !p.repeated).map((p) => [p.regionId, p]));
  const lines: CountyLine[] = [];
  const totalOpt = options.total === false ? null : { name: options.total?.name ?? '全市', position: options.total?.position ?? 'first' };
  const mkAggregate = (kind: 'total' | 'subtotal', label: string, members: CountyLine[]): CountyLine => ({
    kind,
    regionId: label,
    label,
    members,
    parent: null,
    value: 0,
    prior: 0,
    weight: members.reduce((s, m) => s + m.weight, 0),
    growth: 0,
    growthStore: 'full',
    row: -1,
  });
  // development zones overlap the counties: they are peers but not part of the total
  const total = totalOpt ? mkAggregate('total', totalOpt.name, peers.filter((p) => !p.zone && !p.repeated)) : null;
  if (total && totalOpt?.position === 'first') lines.push(total);
  const subtotalOf = new Map<string, CountyLine>();
  for (const s of options.subtotals ?? []) {
    const members = s.members.map((id) => {
      const m = byId.get(id);
      if (!m) throw new Error(`countySheet: subtotal member ${id} is not a region`);
      return m;
    });
    const line = mkAggregate('subtotal', s.name, members);
    for (const m of members) {
      m.parent = line;
      subtotalOf.set(m.regionId, line);
    }
  }
  const placed = new Set<CountyLine>();
  for (const p of peers) {
    if (placed.has(p)) continue;
    const sub = subtotalOf.get(p.regionId);
    if (sub) {
      lines.push(sub);
      for (const m of sub.members) {
        lines.push(m);
        placed.add(m);
      }
    } else {
      lines.push(p);
      placed.add(p);
    }
  }
  if (total && totalOpt?.position === 'last') lines.push(total);

  // aggregates from their members (all true values, placeholders included)
  const aggregate = (a: CountyLine) => {
    for (let tries = 0; ; tries++) {
      if (perCapita) {
        const w = a.members.reduce((s, m) => s + m.weight, 0);
        a.value = Math.round(a.members.reduce((s, m) => s + m.weight * m.value, 0) / w);
        a.prior = a.members.reduce((s, m) => s + m.weight * m.prior, 0) / w;
      } else {
        a.value = a.members.reduce((s, m) => s + m.value, 0);
        a.prior = a.members.reduce((s, m) => s + m.prior, 0);
      }
      a.growth = (a.value / a.prior - 1) * 100;
      if (!nearHalf(a.growth, growthDecimals) || tries > 20) break;
      const m = a.members.filter((x) => !x.parent || x.parent === a).pop() ?? a.members[a.members.length - 1];
      m.prior *= 1.0001;
    }
  };
  for (const l of lines) if (l.kind === 'subtotal') aggregate(l);
  if (total) aggregate(total);

  // ranks on displayed growth
  const ranked = peers.filter((p) => !p.growthPlan || p.growthPlan.kind === 'text-number');
  const shown = ranked.map((p) => roundShown(p.growth, growthDecimals));
  const comp = competitionRanks(shown);
  const dense = denseRanks(shown);
  const expected = new Map<CountyLine, { comp: number; dense: number }>();
  ranked.forEach((p, i) => expected.set(p, { comp: comp[i], dense: dense[i] }));
  const published = new Map<CountyLine, number>();
  ranked.forEach((p, i) => published.set(p, comp[i]));
  const wrongCount = Math.min(options.wrongRanks ?? 0, ranked.length);
  const tieSet = new Set(tiePair.filter((i): i is number => i !== null).map((i) => peers[i]));
  const wrongCandidates = plantRng.shuffle(ranked.filter((p) => !tieSet.has(p)));
  const wrongLines = wrongCandidates.slice(0, wrongCount);
  for (const p of wrongLines) {
    const e = expected.get(p)!.comp;
    published.set(p, e < ranked.length ? e + 1 : e - 1);
  }

  // layout
  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  const labelCol = 0;
  let c = 1;
  const valueCol = hasValue ? c++ : null;
  const priorCol = hasValue && options.prior ? c++ : null;
  const shareCol = hasValue && additive && total && options.share ? c++ : null;
  const growthCol = c++;
  const pointsCol = total && options.points ? c++ : null;
  const rankCol = hasRank ? c++ : null;
  const right = c - 1;
  const titleRight = options.titleSpan === 'full' ? right : Math.max(1, right - 1);
  const rich = options.richText ?? true;
  const headerTop = 2;
  const headerBottom = 3;
  const bodyTop = 4;

  w.set(0, 0, indicator);
  w.cell(0, 0).font = { name: '黑体', size: 16, bold: true };
  w.cell(0, 0).alignment = { horizontal: 'center' };
  w.merge(0, 0, 0, titleRight);
  const labelHeader = '地  区';
  w.set(headerTop, labelCol, rich ? mixedFontText(labelHeader, { bold: true }) : labelHeader);
  w.merge(headerTop, labelCol, headerBottom, labelCol);
  w.set(headerTop, 1, rich ? mixedFontText(period, { bold: true }) : period);
  if (right > 1) w.merge(headerTop, 1, headerTop, right);
  const growthLabel = options.growthLabel ?? '增速';
  const valueHeader = unitParen(options.valueLabel ?? '绝对额');
  const growthHeader = paren(growthLabel);
  const priorHeader = unitParen('上年同期');
  const shareHeader = paren('占全市比重');
  const pointsHeader = options.fullwidthParens ? '与全市增速差（百分点）' : '与全市增速差(百分点)';
  const headerText = (col: number | null, text: string) => {
    if (col !== null) w.set(headerBottom, col, rich ? mixedFontText(text, { bold: true }) : text);
  };
  headerText(valueCol, valueHeader);
  headerText(priorCol, priorHeader);
  headerText(shareCol, shareHeader);
  headerText(pointsCol, pointsHeader);
  w.set(headerBottom, growthCol, rich ? mixedFontText(growthHeader, { bold: true }) : growthHeader);
  if (rankCol !== null) w.set(headerBottom, rankCol, '排名');
  for (let cc = 0; cc <= right; cc++) {
    const cell = w.cell(headerBottom, cc);
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (cc === rankCol) w.bold(headerBottom, cc);
  }
  w.cell(headerTop, 0).alignment = { horizontal: 'center', vertical: 'middle' };
  w.cell(headerTop, 1).alignment = { horizontal: 'center' };

  const rows: RowTruth[] = [];
  const regionTruth: CountyRegionTruth[] = [];
  const floatNoiseRows: number[] = [];
  lines.forEach((l, k) => {
    l.row = bodyTop + k;
  });
  for (const l of lines) {
    const r = l.row;
    w.set(r, labelCol, l.label);
    const cells: Record<number, Figure> = {};
    if (valueCol !== null) {
      const plan = l.valuePlan ?? num(l.value, valueFormat);
      cells[valueCol] = w.figure(r, valueCol, plan);
    }
    if (priorCol !== null) cells[priorCol] = w.figure(r, priorCol, num(l.prior, valueFormat));
    if (shareCol !== null && total) {
      const shownOf = (x: CountyLine) => (x.valuePlan ? (x.valuePlan.kind === 'number' || x.valuePlan.kind === 'text-number' ? x.valuePlan.value : null) : roundShown(excelDouble(x.value), valueDecimals));
      const mine = shownOf(l);
      const whole = shownOf(total);
      cells[shareCol] =
        l === total
          ? w.figure(r, shareCol, num(100, '0.0_ '))
          : mine === null || whole === null || whole === 0
            ? w.figure(r, shareCol, { kind: 'placeholder', text: '—' })
            : w.figure(r, shareCol, num((mine / whole) * 100, '0.0_ '));
    }
    let growthValue: number | null = null;
    if (l.growthPlan) {
      cells[growthCol] = w.figure(r, growthCol, l.growthPlan);
      growthValue = l.growthPlan.kind === 'text-number' ? l.growthPlan.value : null;
    } else {
      let g = l.growth;
      if (l.growthStore === 'noise-up' || l.growthStore === 'noise-down') {
        g = withFloatNoise(l.growth, l.growthStore === 'noise-up');
        if (g !== l.growth) floatNoiseRows.push(r);
      }
      const f = w.figure(r, growthCol, num(g, growthFormat));
      cells[growthCol] = f;
      growthValue = f.kind === 'number' ? f.value : null;
    }
    if (pointsCol !== null && total) {
      const totalShown = roundShown(total.growth, growthDecimals);
      cells[pointsCol] =
        l === total || growthValue === null
          ? w.figure(r, pointsCol, { kind: 'placeholder', text: '—' })
          : w.figure(r, pointsCol, num(Number((roundShown(growthValue, growthDecimals) - totalShown).toFixed(growthDecimals)), growthFormat));
    }
    const e = expected.get(l);
    const pub = published.get(l);
    if (rankCol !== null) {
      const firstPeer = lines.find((x) => x.kind === 'peer') === l;
      cells[rankCol] = pub !== undefined ? w.figure(r, rankCol, num(pub, firstPeer ? '0_ ' : null)) : w.figure(r, rankCol, EMPTY);
    }
    const role: RowRole = l.kind;
    rows.push({
      row: r,
      label: l.label.trim(),
      name: displayName(l.label),
      role,
      level: l.kind === 'peer' && l.parent ? 1 : 0,
      parent: l.parent ? l.parent.row : null,
      members: l.kind === 'peer' ? [] : l.members.map((m) => m.row),
      regionId: l.regionId,
      ...(l.zone ? { zone: true } : {}),
      cells,
    });
    regionTruth.push({
      row: r,
      regionId: l.regionId,
      label: l.label,
      role: l.kind,
      ...(l.zone ? { zone: true } : {}),
      value: l.value,
      prior: l.prior,
      growth: growthValue,
      growthShown: growthValue === null ? null : roundShown(growthValue, growthDecimals),
      publishedRank: rankCol !== null ? (pub ?? null) : null,
      expectedRank: e?.comp ?? null,
      expectedDenseRank: e?.dense ?? null,
    });
  }
  const bottom = bodyTop + lines.length - 1;
  w.border(headerTop, 0, bottom, right);

  // footnote row (merged, maybe empty) and stray cells
  const footnoteText =
    options.footnote === true ? `注：${indicator}增速按可比价计算。` : typeof options.footnote === 'string' ? options.footnote : null;
  if (footnoteText) w.set(bottom + 1, 0, footnoteText);
  w.merge(bottom + 1, 0, bottom + 1, titleRight);
  const stray: string[] = [];
  if (options.stray) {
    w.set(bodyTop + 1, right + 1, 12.3);
    stray.push(address(bodyTop + 1, right + 1));
    w.set(bottom + 2, right + 2, ' ');
    stray.push(address(bottom + 2, right + 2));
  }

  ws.getColumn(1).width = 14;
  for (let cc = 1; cc <= right; cc++) ws.getColumn(cc + 1).width = cc === rankCol ? 8 : 16;

  const columns: ColumnTruth[] = [];
  const basis = priceBasis ?? (footnoteText && /可比价/.test(footnoteText) ? 'comparable' : null);
  if (valueCol !== null)
    columns.push(
      column(valueCol, [period, valueHeader], indicator, 'value', unit, { period, additive, format: valueFormat, priceBasis: 'current' }),
    );
  columns.push(
    column(growthCol, [period, growthHeader], indicator, 'growth', '%', { period, additive: false, format: growthFormat, priceBasis: basis }),
  );
  if (priorCol !== null)
    columns.push(column(priorCol, [period, priorHeader], indicator, 'prior', unit, { period, additive, format: valueFormat, priceBasis: 'current' }));
  if (shareCol !== null) columns.push(column(shareCol, [period, shareHeader], indicator, 'share', '%', { period, additive: false, format: '0.0_ ' }));
  if (pointsCol !== null)
    columns.push(column(pointsCol, [period, pointsHeader], indicator, 'points', '个百分点', { period, additive: false, format: growthFormat }));
  if (rankCol !== null) columns.push(column(rankCol, [period, '排名'], indicator, 'rank', null, { period, additive: false }));
  columns.sort((a, b) => a.col - b.col);

  const table: TableTruth = {
    sheet: sheetName,
    ...tableBounds(headerTop, 0, bottom, right),
    shape: 'regions',
    title: indicator,
    period,
    unit: null,
    priceBasis: basis,
    headerTop,
    headerBottom,
    labelColumn: labelCol,
    totalRow: total ? total.row : null,
    rows,
    columns,
    footnotes: footnoteText ? [footnoteText] : [],
  };

  const rankedRows = ranked.map((p) => p.row);
  const groups = new Map<number, number[]>();
  ranked.forEach((p, i) => {
    const key = shown[i];
    groups.set(key, [...(groups.get(key) ?? []), p.row]);
  });
  const ties = [...groups.values()].filter((g) => g.length > 1);
  const hiddenValue = ellipsisRow !== null;
  return {
    ...w.truth(sheetName, [table], stray),
    table,
    indicator: { name: indicator, unit, additive, priceBasis: basis },
    period,
    regions: regionTruth,
    ranks: {
      growthCol,
      rankCol,
      peers: rankedRows,
      unranked: peers
        .filter((p) => p.growthPlan && p.growthPlan.kind !== 'text-number')
        .map((p) => ({ row: p.row, why: p.growthPlan!.kind === 'error' ? ('error' as const) : ('placeholder' as const) })),
      ties,
      wrong: wrongLines.map((p) => ({
        row: p.row,
        cell: address(p.row, rankCol ?? growthCol),
        regionId: p.regionId,
        published: published.get(p)!,
        expected: expected.get(p)!.comp,
      })),
    },
    valueSumMatchesTotal: additive && hasValue && !hiddenValue,
    floatNoiseRows,
  };
}

export async function countySheet(options: CountySheetOptions = {}): Promise<Fixture<CountySheetTruth>> {
  const wb = newWorkbook();
  const truth = buildCountySheet(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (b) yearbookCities — 各市国民经济主要指标 (浙江统计年鉴 17-2)
// ---------------------------------------------------------------------------

export interface YearbookCitiesOptions {
  seed?: number;
  sheetName?: string;
  /** default 17-2 */
  tableNo?: string;
  /** default 2023 */
  year?: number;
  /** cities (default 11 fictional 市) or how many */
  cities?: readonly RegionName[] | number;
  /** subtotal rows placed before their members; members are consecutive cities. Default 东片 (first 6) / 西片 (rest); false for none */
  groups?: { name: string; size: number }[] | false;
  /** a "其中：X市" row right after its parent city (index into cities). Default 其中：乌城市 under the 8th city; false for none */
  ofWhich?: { parent: number; name: string } | false;
  /** a total row (全省), default none */
  total?: false | { name?: string; position?: 'first' | 'last' };
  /** how many of the 10 indicators after 人均生产总值 to include (default 10) */
  extraIndicators?: number;
  /** the label spans A:B like the real sheet (default 2) */
  labelSpan?: 1 | 2;
}

export const DEFAULT_CITIES: readonly RegionName[] = Object.freeze([
  region('东州市'),
  region('明江市'),
  region('禾城市'),
  region('湖阳市'),
  region('越安市'),
  region('舟海市'),
  region('瓯南市'),
  region('婺阳市'),
  region('衢川市'),
  region('台岭市'),
  region('丽川市'),
]);

/**
 * 21 fictional 市州 of a province, three of them autonomous prefectures with long names
 * (like 四川's 阿坝藏族羌族自治州): the summary's region column must show them uncut.
 */
export const LONG_NAMED_CITIES: readonly RegionName[] = Object.freeze([
  ...['锦城市', '盐泉市', '攀山市', '泸江市', '德阳市', '绵州市', '广川市', '遂安市', '内川市', '乐山市', '南平市', '眉州市', '宜宾市', '广安市', '达川市', '雅江市', '巴山市', '资阳市'].map((n) => region(n)),
  ...['云岭藏族羌族自治州', '雪山藏族自治州', '凉川彝族自治州'].map((n) => region(n, { keepFull: true })),
]);

export interface YearbookCitiesTruth extends SheetTruth {
  table: TableTruth;
  subtotals: { row: number; members: number[] }[];
  ofWhich: { row: number; parent: number }[];
  /** column identities: D = E + F + H */
  columnSums: { col: number; parts: number[] }[];
  /** "#工业" ≤ 第二产业 */
  ofWhichColumns: { col: number; parent: number }[];
}

interface YearbookIndicator {
  header: string;
  name: string;
  unit: string;
  additive: boolean;
  format: string;
  /** figure from a city's base numbers */
  make: (c: CityBase, rng: Rng) => number;
}

interface CityBase {
  pop: number;
  gdp: number;
  p1: number;
  p2: number;
  ind: number;
  p3: number;
}

const YEARBOOK_EXTRA: YearbookIndicator[] = [
  { header: '全社会从业\n人员年末数\n(万人）', name: '全社会从业人员年末数', unit: '万人', additive: true, format: '0.00', make: (c, r) => c.pop * r.between(0.55, 0.7) },
  { header: '社会消费品\n零售总额\n(亿元)', name: '社会消费品零售总额', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.33, 0.45) },
  { header: '固定资产\n投资(亿元)', name: '固定资产投资', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.4, 0.65) },
  { header: '出口总额\n(亿美元)', name: '出口总额', unit: '亿美元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.02, 0.12) },
  { header: '财政总收入\n(亿元)', name: '财政总收入', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.12, 0.2) },
  { header: '地方财政收入\n(亿元)', name: '地方财政收入', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.06, 0.1) },
  { header: '地方\n财政支出\n(亿元)', name: '地方财政支出', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.08, 0.14) },
  { header: '城乡居民\n储蓄存款\n年末余额\n(亿元)', name: '城乡居民储蓄存款年末余额', unit: '亿元', additive: true, format: '0.00', make: (c, r) => c.gdp * r.between(0.6, 0.9) },
  { header: '城镇居民\n人均可支\n配收入(元)', name: '城镇居民人均可支配收入', unit: '元', additive: false, format: '0', make: (_c, r) => Math.round(r.between(52000, 76000)) },
  { header: '农村居民\n人均可支\n配收入(元)', name: '农村居民人均可支配收入', unit: '元', additive: false, format: '0', make: (_c, r) => Math.round(r.between(26000, 44000)) },
];

export function buildYearbookCities(wb: ExcelJS.Workbook, options: YearbookCitiesOptions = {}): YearbookCitiesTruth {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed).fork('yearbook');
  const year = options.year ?? 2023;
  const tableNo = options.tableNo ?? '17-2';
  const sheetName = options.sheetName ?? `${tableNo} 各市国民经济主要指标（${year}年）`.slice(0, 31);
  const cities =
    typeof options.cities === 'number'
      ? generateCountyNames(options.cities, seed).map((r) => region(`${r.short}市`))
      : (options.cities ?? DEFAULT_CITIES).slice();
  const nCities = cities.length;
  const groups =
    options.groups === false
      ? []
      : (options.groups ?? [
          { name: '东片', size: Math.ceil(nCities / 2) },
          { name: '西片', size: nCities - Math.ceil(nCities / 2) },
        ]);
  if (groups.reduce((s, g) => s + g.size, 0) > nCities) throw new Error('yearbookCities: groups larger than the cities');
  const ofWhich = options.ofWhich === false ? null : (options.ofWhich ?? { parent: Math.min(7, nCities - 1), name: '其中：乌城市' });
  const extras = YEARBOOK_EXTRA.slice(0, Math.max(0, Math.min(YEARBOOK_EXTRA.length, options.extraIndicators ?? YEARBOOK_EXTRA.length)));
  const labelSpan = options.labelSpan ?? 2;

  // base figures per city
  const base = (pop: number, pcTarget: number, r: Rng): CityBase => {
    const gdpApprox = (pop * pcTarget) / 1e4;
    const p1 = round(gdpApprox * r.between(0.025, 0.09), 2);
    const p2 = round(gdpApprox * r.between(0.38, 0.5), 2);
    const p3 = round(gdpApprox - p1 - p2, 2);
    const gdp = round(p1 + p2 + p3, 2);
    const ind = round(p2 * r.between(0.84, 0.92), 2);
    return { pop: round(pop, 2), gdp, p1, p2, ind, p3 };
  };
  const cityBases = cities.map(() => base(rng.between(90, 1250), rng.between(70000, 160000), rng));
  const cityExtras = cityBases.map((b) => extras.map((x) => round(x.make(b, rng), x.format === '0' ? 0 : 2)));
  const ofWhichBase = ofWhich ? base(cityBases[ofWhich.parent].pop * rng.between(0.15, 0.3), rng.between(90000, 150000), rng) : null;
  const ofWhichExtras = ofWhichBase ? extras.map((x) => round(x.make(ofWhichBase, rng), x.format === '0' ? 0 : 2)) : null;

  // columns: C pop, D gdp, E p1, F p2, G #工业, H p3, I per-capita gdp, J.. extras
  const L = labelSpan; // first data column
  const col = { pop: L, gdp: L + 1, p1: L + 2, p2: L + 3, ind: L + 4, p3: L + 5, pc: L + 6 };
  const right = col.pc + extras.length;

  type Line = { kind: 'total' | 'subtotal' | 'peer' | 'of-which'; label: string; values: (number | null)[]; regionId: string; members: Line[]; parent: Line | null; row: number };
  const lineValues = (b: CityBase, ex: number[]): (number | null)[] => [
    b.pop,
    b.gdp,
    b.p1,
    b.p2,
    b.ind,
    b.p3,
    Math.round((b.gdp * 1e4) / b.pop),
    ...ex,
  ];
  const cityLines: Line[] = cities.map((c, i) => ({
    kind: 'peer',
    label: c.full,
    regionId: c.id,
    values: lineValues(cityBases[i], cityExtras[i]),
    members: [],
    parent: null,
    row: -1,
  }));
  const nonAdditive = new Set<number>([6, ...extras.map((x, k) => (x.additive ? -1 : 7 + k)).filter((k) => k >= 0)]);
  const sumLines = (label: string, kind: 'total' | 'subtotal', members: Line[], weighted: boolean): Line => {
    const values = members[0].values.map((_, k) => {
      if (nonAdditive.has(k)) {
        if (!weighted) return null;
        if (k === 6) {
          const gdp = members.reduce((s, m) => s + (m.values[1] as number), 0);
          const pop = members.reduce((s, m) => s + (m.values[0] as number), 0);
          return Math.round((gdp * 1e4) / pop);
        }
        const pop = members.reduce((s, m) => s + (m.values[0] as number), 0);
        return Math.round(members.reduce((s, m) => s + (m.values[k] as number) * (m.values[0] as number), 0) / pop);
      }
      return round(
        members.reduce((s, m) => s + (m.values[k] as number), 0),
        2,
      );
    });
    return { kind, label, regionId: label, values, members, parent: null, row: -1 };
  };

  const lines: Line[] = [];
  const totalOpt = options.total ? { name: options.total.name ?? '全省', position: options.total.position ?? 'first' } : null;
  const total = totalOpt ? sumLines(totalOpt.name, 'total', cityLines, true) : null;
  if (total && totalOpt!.position === 'first') lines.push(total);
  let next = 0;
  const subtotalLines: Line[] = [];
  for (const g of groups) {
    const members = cityLines.slice(next, next + g.size);
    next += g.size;
    const sub = sumLines(g.name, 'subtotal', members, false);
    subtotalLines.push(sub);
    lines.push(sub);
    for (const m of members) {
      m.parent = sub;
      lines.push(m);
      if (ofWhich && cityLines[ofWhich.parent] === m) lines.push(ofWhichLine());
    }
  }
  for (; next < nCities; next++) {
    lines.push(cityLines[next]);
    if (ofWhich && ofWhich.parent === next) lines.push(ofWhichLine());
  }
  if (total && totalOpt!.position === 'last') lines.push(total);
  function ofWhichLine(): Line {
    const parent = cityLines[ofWhich!.parent];
    return {
      kind: 'of-which',
      label: ofWhich!.name,
      regionId: displayName(ofWhich!.name),
      values: lineValues(ofWhichBase!, ofWhichExtras!),
      members: [],
      parent,
      row: -1,
    };
  }

  // sheet
  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  const title = ` ${tableNo} 各市国民经济主要指标（${year}年）`;
  w.set(0, 0, mixedFontText(title, { size: 15 }));
  w.merge(0, 0, 0, right);
  const headerTop = 1;
  const headerBottom = 3;
  w.set(headerTop, 0, '城  市');
  w.merge(headerTop, 0, headerBottom, labelSpan - 1);
  const single = (c: number, text: string) => {
    w.set(headerTop, c, mixedFontText(text, { size: 10 }));
    w.merge(headerTop, c, headerBottom, c);
  };
  single(col.pop, '年末总人口\n(万人)');
  single(col.gdp, '生产总值\n(亿元)');
  w.merge(headerTop, col.p1, headerTop, col.p3); // the empty caption over the 产业 columns, as in the real sheet
  w.set(2, col.p1, '第一产业');
  w.merge(2, col.p1, 3, col.p1);
  w.set(2, col.p2, '第二产业');
  w.merge(2, col.p2, 3, col.p2);
  w.set(3, col.ind, mixedFontText('#工业', { size: 10 }));
  w.set(2, col.p3, '第三产业');
  w.merge(2, col.p3, 3, col.p3);
  single(col.pc, '人均生产\n总值(元)');
  extras.forEach((x, k) => single(col.pc + 1 + k, x.header));
  for (let r = headerTop; r <= headerBottom; r++)
    for (let c = 0; c <= right; c++) w.cell(r, c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const bodyTop = headerBottom + 1;
  lines.forEach((l, k) => (l.row = bodyTop + k));
  const formats = ['0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0', ...extras.map((x) => x.format)];
  const rows: RowTruth[] = [];
  for (const l of lines) {
    w.set(l.row, 0, l.label, '0');
    if (labelSpan === 2) w.merge(l.row, 0, l.row, 1);
    const cells: Record<number, Figure> = {};
    l.values.forEach((v, k) => {
      cells[L + k] = w.figure(l.row, L + k, v === null ? EMPTY : num(v, formats[k]));
    });
    rows.push({
      row: l.row,
      label: l.label.trim(),
      name: displayName(l.label),
      role: l.kind,
      level: l.kind === 'of-which' ? 1 : l.parent ? 1 : 0,
      parent: l.parent ? l.parent.row : null,
      members: l.kind === 'subtotal' || l.kind === 'total' ? l.members.map((m) => m.row) : [],
      regionId: l.regionId,
      cells,
    });
  }
  const bottom = bodyTop + lines.length - 1;
  w.border(headerTop, 0, bottom, right);
  ws.getColumn(1).width = 10;
  if (labelSpan === 2) ws.getColumn(2).width = 4;
  for (let c = L; c <= right; c++) ws.getColumn(c + 1).width = 11;

  const period = `${year}年`;
  const gdpHeader = '生产总值\n(亿元)';
  const columns: ColumnTruth[] = [
    column(col.pop, ['年末总人口\n(万人)'], '年末总人口', 'value', '万人', { format: '0.00' }),
    column(col.gdp, [gdpHeader], '生产总值', 'value', '亿元', { format: '0.00', priceBasis: 'current' }),
    column(col.p1, ['第一产业'], '第一产业', 'value', '亿元', { format: '0.00', priceBasis: 'current' }),
    column(col.p2, ['第二产业'], '第二产业', 'value', '亿元', { format: '0.00', priceBasis: 'current' }),
    column(col.ind, ['#工业'], '工业', 'value', '亿元', { format: '0.00', priceBasis: 'current', ofWhichOf: col.p2 }),
    column(col.p3, ['第三产业'], '第三产业', 'value', '亿元', { format: '0.00', priceBasis: 'current' }),
    column(col.pc, ['人均生产\n总值(元)'], '人均生产总值', 'value', '元', { format: '0', additive: false, priceBasis: 'current' }),
    ...extras.map((x, k) => column(col.pc + 1 + k, [x.header], x.name, 'value', x.unit, { format: x.format, additive: x.additive })),
  ];
  const table: TableTruth = {
    sheet: sheetName,
    ...tableBounds(headerTop, 0, bottom, right),
    shape: 'regions',
    title: title.trim(),
    period,
    unit: null,
    priceBasis: null,
    headerTop,
    headerBottom,
    labelColumn: 0,
    totalRow: total ? total.row : null,
    rows,
    columns,
    footnotes: [],
  };
  return {
    ...w.truth(sheetName, [table]),
    table,
    subtotals: subtotalLines.map((s) => ({ row: s.row, members: s.members.map((m) => m.row) })),
    ofWhich: lines.filter((l) => l.kind === 'of-which').map((l) => ({ row: l.row, parent: l.parent!.row })),
    columnSums: [{ col: col.gdp, parts: [col.p1, col.p2, col.p3] }],
    ofWhichColumns: [{ col: col.ind, parent: col.p2 }],
  };
}

export async function yearbookCities(options: YearbookCitiesOptions = {}): Promise<Fixture<YearbookCitiesTruth>> {
  const wb = newWorkbook();
  const truth = buildYearbookCities(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (c) stackedSeries — several time-series tables in one sheet (江苏统计年鉴 2-12)
// ---------------------------------------------------------------------------

export interface StackedIndicator {
  zh: string;
  en: string;
  unit: '亿元' | '元';
}

export const STACKED_INDICATORS: readonly StackedIndicator[] = Object.freeze([
  { zh: '地区生产总值', en: 'Gross Domestic Product', unit: '亿元' },
  { zh: '第一产业增加值', en: 'Value-Added by the Primary Industry', unit: '亿元' },
  { zh: '第二产业增加值', en: 'Value-Added by the Secondary Industry', unit: '亿元' },
  { zh: '第三产业增加值', en: 'Value-Added by the Tertiary Industry', unit: '亿元' },
  { zh: '全部工业增加值', en: 'Value-Added by Total Industrial', unit: '亿元' },
  { zh: '人均地区生产总值', en: 'Per Capita GDP', unit: '元' },
]);

export const DEFAULT_SERIES_CITIES: readonly RegionName[] = Object.freeze(
  (
    [
      ['东川市', 'Dongchuan'],
      ['南湖市', 'Nanhu'],
      ['西江市', 'Xijiang'],
      ['北原市', 'Beiyuan'],
      ['清溪市', 'Qingxi'],
      ['云港市', 'Yungang'],
      ['平安市', "Ping'an"],
      ['河阳市', 'Heyang'],
      ['盐湖市', 'Yanhu'],
      ['扬帆市', 'Yangfan'],
      ['镇海市', 'Zhenhai'],
      ['泰和市', 'Taihe'],
      ['宿阳市', 'Suyang'],
    ] as const
  ).map(([zh, en]) => region(zh, { en })),
);

export interface StackedSeriesOptions {
  seed?: number;
  sheetName?: string;
  /** default 2-12 */
  tableNo?: string;
  titleZh?: string;
  titleEn?: string;
  /** how many of STACKED_INDICATORS (default 6) or your own list */
  indicators?: number | readonly StackedIndicator[];
  /** default 2016..2022 */
  years?: readonly number[];
  cities?: readonly RegionName[];
  /** region groups after the cities (members: indexes of cities); false for none */
  regionGroups?: { name: string; en: string; members: number[] }[] | false;
  /** blank rows between stacked tables (default 2) */
  gap?: number;
  /** numbers and years stored as text (default true) */
  numbersAsText?: boolean;
}

export interface StackedSeriesTruth extends SheetTruth {
  years: number[];
  /** per stacked table: indicator, unit, subtotal members */
  series: { table: number; indicator: string; unit: string; additive: boolean; subtotals: { row: number; members: number[] }[]; sectionRows: number[] }[];
}

export function buildStackedSeries(wb: ExcelJS.Workbook, options: StackedSeriesOptions = {}): StackedSeriesTruth {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed).fork('stacked');
  const tableNo = options.tableNo ?? '2-12';
  const titleZh = options.titleZh ?? '分市地区生产总值';
  const titleEn = options.titleEn ?? 'Gross Domestic Product by City';
  const sheetName = options.sheetName ?? 'Sheet1';
  const indicators = typeof options.indicators === 'object' ? options.indicators.slice() : STACKED_INDICATORS.slice(0, options.indicators ?? 6);
  const years = (options.years ?? [2016, 2017, 2018, 2019, 2020, 2021, 2022]).slice();
  const cities = (options.cities ?? DEFAULT_SERIES_CITIES).slice();
  const groups =
    options.regionGroups === false
      ? []
      : (options.regionGroups ?? [
          { name: '南片', en: 'Southern Region', members: [0, 1, 3, 4, 10].filter((i) => i < cities.length) },
          { name: '中片', en: 'Middle Region', members: [5, 9, 11].filter((i) => i < cities.length) },
          { name: '北片', en: 'Northern Region', members: [2, 6, 7, 8, 12].filter((i) => i < cities.length) },
        ]);
  const gap = options.gap ?? 2;
  const asText = options.numbersAsText ?? true;
  const TEXT = '@';

  // series per city: GDP and its parts, population for per-capita figures
  const ny = years.length;
  const data = cities.map(() => {
    const pop = rng.between(280, 950);
    let gdp = (pop * rng.between(45000, 140000)) / 1e4;
    const s1 = rng.between(0.02, 0.12);
    const s2 = rng.between(0.4, 0.5);
    const shareInd = rng.between(0.82, 0.92);
    const out = { p1: [] as number[], p2: [] as number[], p3: [] as number[], gdp: [] as number[], ind: [] as number[], pop: [] as number[] };
    for (let y = 0; y < ny; y++) {
      const p1 = round(gdp * s1, 2);
      const p2 = round(gdp * s2, 2);
      const p3 = round(gdp * (1 - s1 - s2), 2);
      out.p1.push(p1);
      out.p2.push(p2);
      out.p3.push(p3);
      out.gdp.push(round(p1 + p2 + p3, 2));
      out.ind.push(round(p2 * shareInd, 2));
      out.pop.push(pop * (1 + 0.004 * y));
      gdp *= years[y] === 2020 ? rng.between(1.0, 1.04) : rng.between(1.04, 1.11);
    }
    return out;
  });
  const seriesOf = (zh: string, i: number): number[] => {
    const d = data[i];
    switch (zh) {
      case '第一产业增加值':
        return d.p1;
      case '第二产业增加值':
        return d.p2;
      case '第三产业增加值':
        return d.p3;
      case '全部工业增加值':
        return d.ind;
      case '人均地区生产总值':
        return d.gdp.map((g, y) => Math.round((g * 1e4) / d.pop[y]));
      default:
        return d.gdp;
    }
  };

  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  const right = 2 + ny - 1;
  const tables: TableTruth[] = [];
  const series: StackedSeriesTruth['series'] = [];
  const put = (r: number, c: number, v: string) => w.set(r, c, v, TEXT);
  let r = 0;
  indicators.forEach((ind, t) => {
    const additive = ind.unit !== '元';
    const titleLine = t === 0 ? `${tableNo} ${titleZh}` : `${tableNo} 续表 ${t} continued`;
    put(r, 0, titleLine);
    if (t === 0) put(++r, 0, titleEn);
    const unitLine = `本表按当年价格计算,单位:${ind.unit}`;
    put(++r, 0, unitLine);
    put(++r, 0, `(at current prices,${ind.unit === '元' ? 'yuan' : '100 million yuan'})`);
    const headerTop = ++r;
    const headerBottom = headerTop + 1;
    put(headerTop, 0, '地区');
    put(headerTop, 1, 'Region');
    w.merge(headerTop, 0, headerBottom, 0);
    w.merge(headerTop, 1, headerBottom, 1);
    const indicatorHeader = `${ind.zh}\n${ind.en}`;
    put(headerTop, 2, indicatorHeader);
    w.merge(headerTop, 2, headerTop, right);
    w.cell(headerTop, 2).alignment = { horizontal: 'center', wrapText: true };
    years.forEach((y, k) => (asText ? put(headerBottom, 2 + k, String(y)) : w.set(headerBottom, 2 + k, y)));
    r = headerBottom + 1;
    const rows: RowTruth[] = [];
    const valueRow = (label: string, en: string, values: number[], role: RowRole, regionId: string, members: number[], parent: number | null) => {
      put(r, 0, label);
      put(r, 1, en);
      const cells: Record<number, Figure> = {};
      values.forEach((v, k) => {
        const text = ind.unit === '元' ? String(Math.round(v)) : v.toFixed(2);
        cells[2 + k] = asText
          ? w.figure(r, 2 + k, { kind: 'text-number', value: Number(text), text, format: TEXT })
          : w.figure(r, 2 + k, num(Number(text), ind.unit === '元' ? '0' : '0.00'));
      });
      rows.push({ row: r, label, name: displayName(label), role, level: 0, parent, members, regionId, cells });
      r++;
    };
    const sectionRow = (label: string, en: string) => {
      put(r, 0, label);
      put(r, 1, en);
      rows.push({ row: r, label, name: label, role: 'section', level: 0, parent: null, members: [], cells: {} });
      r++;
    };
    const sectionRows: number[] = [];
    sectionRows.push(r);
    sectionRow('按地区分', 'by City');
    const cityRow: number[] = [];
    cities.forEach((c, i) => {
      cityRow.push(r);
      valueRow(c.full, c.en ?? c.short, seriesOf(ind.zh, i), 'peer', c.id, [], null);
    });
    const subtotals: { row: number; members: number[] }[] = [];
    if (groups.length) {
      sectionRows.push(r);
      sectionRow('按区域分', 'by Region');
      for (const g of groups) {
        const vals = years.map((_, y) => {
          if (!additive) {
            const gdp = g.members.reduce((s, i) => s + data[i].gdp[y], 0);
            const pop = g.members.reduce((s, i) => s + data[i].pop[y], 0);
            return Math.round((gdp * 1e4) / pop);
          }
          return round(
            g.members.reduce((s, i) => s + Number(seriesOf(ind.zh, i)[y].toFixed(2)), 0),
            2,
          );
        });
        const members = g.members.map((i) => cityRow[i]);
        const subRow = r;
        valueRow(g.name, g.en, vals, 'subtotal', g.name, members, null);
        subtotals.push({ row: subRow, members });
      }
      for (const s of subtotals) for (const m of s.members) rows.find((x) => x.row === m)!.parent = s.row;
    }
    const bottom = r - 1;
    const columns = years.map((y, k) =>
      column(2 + k, [indicatorHeader, String(y)], ind.zh, 'value', ind.unit, {
        period: String(y),
        additive,
        format: asText ? null : ind.unit === '元' ? '0' : '0.00',
        decimals: asText ? (ind.unit === '元' ? 0 : 2) : ind.unit === '元' ? 0 : 2,
        priceBasis: 'current',
      }),
    );
    tables.push({
      sheet: sheetName,
      ...tableBounds(headerTop, 0, bottom, right),
      shape: 'time-series',
      title: titleLine,
      period: null,
      unit: ind.unit,
      priceBasis: 'current',
      headerTop,
      headerBottom,
      labelColumn: 0,
      secondaryLabelColumn: 1,
      totalRow: null,
      rows,
      columns,
      footnotes: [],
    });
    series.push({ table: t, indicator: ind.zh, unit: ind.unit, additive, subtotals, sectionRows });
    r += gap;
  });
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 16;
  for (let c = 2; c <= right; c++) ws.getColumn(c + 1).width = 11;
  return { ...w.truth(sheetName, tables), years, series };
}

export async function stackedSeries(options: StackedSeriesOptions = {}): Promise<Fixture<StackedSeriesTruth>> {
  const wb = newWorkbook();
  const truth = buildStackedSeries(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (d) itemsSheet — items down for one area (财政19 一般公共预算收入, 工业7)
// ---------------------------------------------------------------------------

export interface ItemsSheetOptions {
  seed?: number;
  sheetName?: string;
  /** finance (一般公共预算收入, default) or industry (规模工业增加值) */
  preset?: 'finance' | 'industry';
  title?: string;
  /** default 1-3月 */
  period?: string;
  /** default 万元 (finance), 亿元 (industry) */
  unit?: string;
  /** indentation of lower levels: none (like 财政19), spaces (default), fullwidth (U+3000 ideographic spaces) */
  indent?: 'none' | 'spaces' | 'fullwidth';
  /** finance: scale so that the total equals this (current and prior period) */
  totalValue?: number;
  totalPrior?: number;
  /** finance: growth of the leaf items drawn from this range (percent) instead of the default wide spread (−30 to +35, doubled for small taxes) */
  leafGrowth?: [number, number];
}

export interface ItemsSheetTruth extends SheetTruth {
  table: TableTruth;
  /** rows that are the sum of other rows (within ½ unit of the last digit × parts) */
  sums: { row: number; parts: number[] }[];
  /** "#…" / "其中：…" rows and the row they are part of */
  ofWhich: { row: number; parent: number }[];
  sectionRows: number[];
  /** per row: the current and prior figures (before the sheet shows them) */
  figures: { row: number; value: number | null; prior: number | null; unit: string }[];
}

interface ItemSpec {
  label: string;
  role: RowRole;
  level: number;
  parent?: string;
  /** weight of a leaf in its parent; parents are sums of their children */
  weight?: number;
  /** the item is the sum of these labels */
  sumOf?: string[];
  /** part of the parent by this fraction (of-which rows) */
  fraction?: [number, number];
  value?: boolean;
  growth?: boolean;
  unit?: string;
  format?: string;
  /** a level or ratio that does not add (亏损面) */
  range?: [number, number];
  growthRange?: [number, number];
}

const TAXES: [string, number][] = [
  ['增值税', 0.3],
  ['企业所得税', 0.08],
  ['个人所得税', 0.035],
  ['资源税', 0.01],
  ['城市维护建设税', 0.055],
  ['房产税', 0.06],
  ['印花税', 0.025],
  ['城镇土地使用税', 0.07],
  ['土地增值税', 0.13],
  ['车船税', 0.035],
  ['耕地占用税', 0.05],
  ['契税', 0.11],
  ['环境保护税', 0.003],
];
const NON_TAXES: [string, number][] = [
  ['专项收入', 0.09],
  ['行政事业性收费收入', 0.1],
  ['罚没收入', 0.26],
  ['国有资源（资产）有偿使用收入', 0.37],
  ['其他收入', 0.18],
];

function financeSpecs(): ItemSpec[] {
  return [
    { label: '地方一般公共预算收入', role: 'total', level: 0, sumOf: ['一、税收收入', '二、非税收入'] },
    { label: '一、税收收入', role: 'item', level: 1, parent: '地方一般公共预算收入', sumOf: TAXES.map((t) => t[0]) },
    ...TAXES.map(([label, weight]): ItemSpec => ({ label, role: 'item', level: 2, parent: '一、税收收入', weight })),
    { label: '二、非税收入', role: 'item', level: 1, parent: '地方一般公共预算收入', sumOf: NON_TAXES.map((t) => t[0]) },
    ...NON_TAXES.map(([label, weight]): ItemSpec => ({ label, role: 'item', level: 2, parent: '二、非税收入', weight })),
    { label: '补充资料', role: 'section', level: 0, value: false, growth: false },
    { label: '#工业税收', role: 'of-which', level: 2, parent: '一、税收收入', fraction: [0.3, 0.42] },
    { label: '其中：制造业税收', role: 'of-which', level: 3, parent: '#工业税收', fraction: [0.6, 0.8] },
    { label: '#房地产业税收', role: 'of-which', level: 2, parent: '一、税收收入', fraction: [0.15, 0.25] },
  ];
}

function industrySpecs(): ItemSpec[] {
  return [
    { label: '一、工业总产值（现价）', role: 'section', level: 0, value: false, growth: false },
    { label: '1.规模工业总产值', role: 'item', level: 1, parent: '一、工业总产值（现价）', value: false, growthRange: [4, 10] },
    { label: '2.规模以下工业总产值', role: 'item', level: 1, parent: '一、工业总产值（现价）', value: false, growthRange: [2, 8] },
    { label: '二、规模工业增加值', role: 'item', level: 0, value: false, growthRange: [5, 11] },
    { label: '工业产品销售产值（现价）', role: 'item', level: 1, parent: '二、规模工业增加值', range: [450, 650], format: '0.0_ ' },
    { label: '其中：出口交货值', role: 'of-which', level: 2, parent: '工业产品销售产值（现价）', fraction: [0.04, 0.08], format: '0.0_ ' },
    { label: '规模工业经济效益指标（上月数据）', role: 'section', level: 0, value: false, growth: false },
    { label: '亏损面（%）', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [3, 9], unit: '%', growthRange: [-8, 3] },
    { label: '营业收入', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [280, 360] },
    { label: '产品销售成本', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [220, 270] },
    { label: '利税总额', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [25, 40] },
    { label: '利润总额', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [18, 28] },
    { label: '其中：亏损企业亏损额', role: 'of-which', level: 2, parent: '利润总额', fraction: [0.06, 0.12] },
    { label: '从业人员平均人数（人）', role: 'item', level: 1, parent: '规模工业经济效益指标（上月数据）', range: [150000, 220000], unit: '人', format: '0_ ' },
  ];
}

export function buildItemsSheet(wb: ExcelJS.Workbook, options: ItemsSheetOptions = {}): ItemsSheetTruth {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed).fork('items');
  const preset = options.preset ?? 'finance';
  const finance = preset === 'finance';
  const title = options.title ?? (finance ? '一般公共预算收入' : '规模工业增加值');
  const sheetName = options.sheetName ?? title;
  const period = options.period ?? '1-3月';
  const unit = options.unit ?? (finance ? '万元' : '亿元');
  const indent = options.indent ?? 'spaces';
  const specs = finance ? financeSpecs() : industrySpecs();

  // figures
  const cur = new Map<string, number>();
  const pri = new Map<string, number>();
  const growthOnly = new Map<string, number>();
  if (finance) {
    const total = options.totalValue ?? Math.round(rng.between(250000, 420000));
    const totalPrior = options.totalPrior ?? total / (1 + rng.between(-0.1, 0.08));
    const taxShare = rng.between(0.5, 0.6);
    const leaves = specs.filter((s) => s.weight !== undefined);
    const rawCur = leaves.map((s) => s.weight! * rng.between(0.7, 1.3) * (s.parent === '一、税收收入' ? taxShare : 1 - taxShare));
    const leafGrowth = options.leafGrowth;
    const rawPri = leaves.map((s, i) =>
      leafGrowth ? rawCur[i] / (1 + rng.between(...leafGrowth) / 100) : rawCur[i] / (1 + rng.between(-0.3, 0.35) * (s.weight! < 0.02 ? 2 : 1)),
    );
    const scale = (raw: number[], target: number) => {
      const sum = raw.reduce((a, b) => a + b, 0);
      const ints = raw.map((x) => Math.max(1, Math.round((x / sum) * target)));
      const diff = Math.round(target) - ints.reduce((a, b) => a + b, 0);
      const biggest = ints.indexOf(Math.max(...ints));
      ints[biggest] += diff;
      return ints;
    };
    const c = scale(rawCur, total);
    const p = scale(rawPri, totalPrior);
    leaves.forEach((s, i) => {
      cur.set(s.label, c[i]);
      pri.set(s.label, p[i]);
    });
    for (const s of specs.slice().reverse()) {
      if (s.sumOf) {
        cur.set(s.label, s.sumOf.reduce((a, l) => a + cur.get(l)!, 0));
        pri.set(s.label, s.sumOf.reduce((a, l) => a + pri.get(l)!, 0));
      }
    }
  }
  for (const s of specs) {
    if (s.value === false && s.growth === false) continue;
    if (s.fraction) {
      const parentCur = cur.get(s.parent!)!;
      const parentPri = pri.get(s.parent!)!;
      const v = parentCur * rng.between(...s.fraction);
      const pr = Math.min(parentPri * 0.95, v / (1 + rng.between(-0.15, 0.3)));
      cur.set(s.label, finance ? Math.round(v) : round(v, 2));
      pri.set(s.label, pr);
    } else if (s.range) {
      const v = rng.between(...s.range);
      cur.set(s.label, s.unit === '人' ? Math.round(v) : round(v, s.format === '0.0_ ' ? 4 : 2));
      const g = rng.between(...(s.growthRange ?? [-5, 15]));
      pri.set(s.label, cur.get(s.label)! / (1 + g / 100));
    } else if (s.value === false && s.growth !== false) {
      growthOnly.set(s.label, Number(rng.between(...(s.growthRange ?? [3, 9])).toFixed(1)));
    }
  }

  // sheet
  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  w.set(0, 0, title);
  w.cell(0, 0).font = { name: '黑体', size: 16, bold: true };
  w.merge(0, 0, 0, 2);
  const headerTop = 2;
  const headerBottom = 3;
  const labelHeader = finance ? '项  目' : '指标';
  w.set(headerTop, 0, mixedFontText(labelHeader, { bold: true }));
  w.merge(headerTop, 0, headerBottom, 0);
  w.set(headerTop, 1, mixedFontText(period, { bold: true }));
  w.merge(headerTop, 1, headerTop, 2);
  const valueHeader = finance ? `绝对额(${unit})` : `绝对额（${unit}）`;
  const growthHeader = finance ? '增长（%）' : '增速（%）';
  w.set(headerBottom, 1, mixedFontText(valueHeader, { bold: true }));
  w.set(headerBottom, 2, mixedFontText(growthHeader, { bold: true }));

  const pad = (level: number, role: RowRole) => {
    if (indent === 'none') return '';
    const depth = Math.max(0, level - (finance ? 1 : 0)) + (role === 'of-which' && !finance ? 1 : 0);
    return (indent === 'fullwidth' ? '\u3000' : '  ').repeat(depth);
  };
  const rowOf = new Map<string, number>();
  const rows: RowTruth[] = [];
  const ofWhich: ItemsSheetTruth['ofWhich'] = [];
  const sectionRows: number[] = [];
  const figures: ItemsSheetTruth['figures'] = [];
  let r = headerBottom + 1;
  for (const s of specs) {
    rowOf.set(s.label, r);
    const written = pad(s.level, s.role) + s.label;
    w.set(r, 0, written);
    const cells: Record<number, Figure> = {};
    const rowUnit = s.unit ?? unit;
    const fmt = s.format ?? (finance ? null : '0.00_ ');
    const hasValue = cur.has(s.label) && s.value !== false;
    if (hasValue) cells[1] = w.figure(r, 1, num(cur.get(s.label)!, fmt));
    else if (s.role !== 'section') cells[1] = { kind: 'empty' };
    let gVal: number | null = null;
    if (hasValue) {
      gVal = (cur.get(s.label)! / pri.get(s.label)! - 1) * 100;
      if (nearHalf(gVal, 1)) gVal = Number(gVal.toFixed(2)) + 0.01;
    } else if (growthOnly.has(s.label)) gVal = growthOnly.get(s.label)!;
    if (gVal !== null) cells[2] = w.figure(r, 2, num(gVal, '0.0_ '));
    else if (s.role !== 'section') cells[2] = { kind: 'empty' };
    if (s.role === 'section') sectionRows.push(r);
    const parentRow = s.parent ? rowOf.get(s.parent)! : null;
    if (s.role === 'of-which') ofWhich.push({ row: r, parent: parentRow! });
    rows.push({
      row: r,
      label: written.trim(),
      name: displayName(s.label),
      role: s.role,
      level: s.level,
      parent: parentRow,
      members: [],
      cells,
    });
    figures.push({ row: r, value: hasValue ? cur.get(s.label)! : null, prior: hasValue ? pri.get(s.label)! : null, unit: rowUnit });
    r++;
  }
  const sums: ItemsSheetTruth['sums'] = [];
  for (const s of specs) {
    if (!s.sumOf) continue;
    const parts = s.sumOf.map((l) => rowOf.get(l)!);
    sums.push({ row: rowOf.get(s.label)!, parts });
    rows.find((x) => x.row === rowOf.get(s.label))!.members = parts;
  }
  const bottom = r - 1;
  w.border(headerTop, 0, bottom, 2);
  w.merge(bottom + 1, 0, bottom + 1, 2);
  w.merge(bottom + 2, 0, bottom + 2, 2);
  ws.getColumn(1).width = 34;
  ws.getColumn(2).width = 16;
  ws.getColumn(3).width = 14;

  const table: TableTruth = {
    sheet: sheetName,
    ...tableBounds(headerTop, 0, bottom, 2),
    shape: 'items',
    title,
    period,
    unit: null,
    priceBasis: null,
    headerTop,
    headerBottom,
    labelColumn: 0,
    totalRow: finance ? rowOf.get('地方一般公共预算收入')! : null,
    rows,
    columns: [
      column(1, [period, valueHeader], title, 'value', unit, { period, format: finance ? null : '0.00_ ' }),
      column(2, [period, growthHeader], title, 'growth', '%', { period, additive: false, format: '0.0_ ' }),
    ],
    footnotes: [],
  };
  return { ...w.truth(sheetName, [table]), table, sums, ofWhich, sectionRows, figures };
}

export async function itemsSheet(options: ItemsSheetOptions = {}): Promise<Fixture<ItemsSheetTruth>> {
  const wb = newWorkbook();
  const truth = buildItemsSheet(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (e) indexGroups — year values and 上年=100 indices per indicator group (山东统计年鉴 2-6)
// ---------------------------------------------------------------------------

export interface IndexGroupsOptions {
  seed?: number;
  sheetName?: string;
  tableNo?: string;
  /** the years with values and indices (default [2021, 2022]) */
  years?: readonly number[];
  /** how many groups: 地区生产总值, 三次产业, 工业, 人均 (default 6) */
  groups?: number;
  /** cities (default 16 fictional 三字 names) */
  cities?: readonly RegionName[] | number;
  /** names padded with spaces: "东 平 市" (default true) */
  padNames?: boolean;
  /** 全省 total first (default true) */
  total?: boolean;
  /** English column B (default true) */
  english?: boolean;
  /** the blank row between header and body (default true) */
  blankAfterHeader?: boolean;
}

export const DEFAULT_PROVINCE_CITIES: readonly RegionName[] = Object.freeze(
  (
    [
      ['东平市', 'Dongping'],
      ['海青市', 'Haiqing'],
      ['淄阳市', 'Ziyang'],
      ['枣林市', 'Zaolin'],
      ['东滨市', 'Dongbin'],
      ['烟川市', 'Yanchuan'],
      ['潍水市', 'Weishui'],
      ['济原市', 'Jiyuan'],
      ['泰岭市', 'Tailing'],
      ['威港市', 'Weigang'],
      ['日照川市', 'Rizhaochuan'],
      ['临水市', 'Linshui'],
      ['德安市', "De'an"],
      ['聊河市', 'Liaohe'],
      ['滨海市', 'Binhai'],
      ['菏阳市', 'Heyang'],
    ] as const
  ).map(([zh, en]) => region(zh, { en })),
);

interface IndexGroupSpec {
  zh: string;
  en: string;
  unit: string;
  additive: boolean;
}

const INDEX_GROUPS: IndexGroupSpec[] = [
  { zh: '地区生产总值', en: 'Gross Domestic Product', unit: '亿元', additive: true },
  { zh: '第一产业增加值', en: 'Value-added of Primary Industry', unit: '亿元', additive: true },
  { zh: '第二产业增加值', en: 'Value-added of Secondary Industry', unit: '亿元', additive: true },
  { zh: '第三产业增加值', en: 'Value-added of Tertiary Industry', unit: '亿元', additive: true },
  { zh: '工业增加值', en: 'Value-added of Industry', unit: '亿元', additive: true },
  { zh: '人均地区生产总值', en: 'Per Capita GDP (yuan)', unit: '元', additive: false },
];

export interface IndexGroupsTruth extends SheetTruth {
  table: TableTruth;
  groups: {
    indicator: string;
    unit: string;
    additive: boolean;
    /** per year: the value column and the index column */
    years: { year: number; valueCol: number; indexCol: number }[];
  }[];
  /** per row and group: nominal growth from the two values vs the published index − 100 */
  nominalVsIndex: { row: number; indicator: string; nominal: number; real: number }[];
}

export function buildIndexGroups(wb: ExcelJS.Workbook, options: IndexGroupsOptions = {}): IndexGroupsTruth {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed).fork('index-groups');
  const sheetName = options.sheetName ?? 'Sheet1';
  const tableNo = options.tableNo ?? '2-6';
  const years = (options.years ?? [2021, 2022]).slice();
  const groups = INDEX_GROUPS.slice(0, Math.max(1, Math.min(INDEX_GROUPS.length, options.groups ?? 6)));
  const cities =
    typeof options.cities === 'number'
      ? generateCountyNames(options.cities, seed).map((r) => region(`${r.short}市`, { en: r.short }))
      : (options.cities ?? DEFAULT_PROVINCE_CITIES).slice();
  const padNames = options.padNames ?? true;
  const hasTotal = options.total ?? true;
  const english = options.english ?? true;
  const blank = options.blankAfterHeader ?? true;
  const ny = years.length;

  // per city, per year: sectors (current prices), real growth index per sector, population
  type CityYear = { p1: number; p2: number; p3: number; ind: number; gdp: number; pop: number; idx: Record<string, number> };
  const cityData: CityYear[][] = cities.map(() => {
    const out: CityYear[] = [];
    const pop = rng.between(280, 1100);
    let p1 = rng.between(150, 650);
    let p2 = rng.between(700, 5000);
    let p3 = rng.between(900, 9000);
    const indShare = rng.between(0.78, 0.9);
    for (let y = 0; y < ny; y++) {
      const idx: Record<string, number> = {};
      const real = { p1: rng.between(2, 8), p2: rng.between(-0.5, 9.5), p3: rng.between(2, 12) };
      if (y > 0) {
        const defl = { p1: rng.between(-1, 3), p2: rng.between(0.5, 4), p3: rng.between(-1, 2) };
        p1 *= 1 + (real.p1 + defl.p1) / 100;
        p2 *= 1 + (real.p2 + defl.p2) / 100;
        p3 *= 1 + (real.p3 + defl.p3) / 100;
      }
      const r1 = round(p1, 2);
      const r2 = round(p2, 2);
      const r3 = round(p3, 2);
      const gdp = round(r1 + r2 + r3, 2);
      const ind = round(r2 * indShare, 2);
      idx['第一产业增加值'] = round(100 + real.p1, 1);
      idx['第二产业增加值'] = round(100 + real.p2, 1);
      idx['第三产业增加值'] = round(100 + real.p3, 1);
      idx['工业增加值'] = round(100 + real.p2 + rng.between(-1.5, 1.5), 1);
      const wsum = r1 + r2 + r3;
      idx['地区生产总值'] = round((r1 * idx['第一产业增加值'] + r2 * idx['第二产业增加值'] + r3 * idx['第三产业增加值']) / wsum, 1);
      idx['人均地区生产总值'] = round(idx['地区生产总值'] - rng.between(-0.3, 0.6), 1);
      out.push({ p1: r1, p2: r2, p3: r3, ind, gdp, pop: pop * (1 + 0.003 * y), idx });
    }
    return out;
  });
  const valueOf = (d: CityYear, g: IndexGroupSpec): number => {
    switch (g.zh) {
      case '第一产业增加值':
        return d.p1;
      case '第二产业增加值':
        return d.p2;
      case '第三产业增加值':
        return d.p3;
      case '工业增加值':
        return d.ind;
      case '人均地区生产总值':
        return Math.round((d.gdp * 1e4) / d.pop);
      default:
        return d.gdp;
    }
  };
  const totalYear = (y: number): CityYear => {
    const sum = (f: (d: CityYear) => number) => cityData.reduce((s, c) => s + f(c[y]), 0);
    const idx: Record<string, number> = {};
    for (const g of groups) {
      const weights = cityData.map((c) => (g.additive ? valueOf(c[y], g) : c[y].gdp));
      const wsum = weights.reduce((a, b) => a + b, 0);
      idx[g.zh] = round(cityData.reduce((s, c, i) => s + weights[i] * c[y].idx[g.zh], 0) / wsum, 1);
    }
    return {
      p1: round(sum((d) => d.p1), 2),
      p2: round(sum((d) => d.p2), 2),
      p3: round(sum((d) => d.p3), 2),
      ind: round(sum((d) => d.ind), 2),
      gdp: round(sum((d) => d.gdp), 2),
      pop: sum((d) => d.pop),
      idx,
    };
  };

  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  const first = english ? 2 : 1;
  const groupWidth = 2 * ny;
  const right = first + groups.length * groupWidth - 1;
  w.set(0, 0, mixedFontText(`${tableNo}  各市地区生产总值`, { size: 16 }));
  w.merge(0, 0, 0, right);
  w.set(1, 0, 'Gross Domestic Product by Region');
  w.merge(1, 0, 1, right);
  w.set(3, 0, '单位:亿元');
  w.set(3, right - 1, '(100 million yuan )');
  w.merge(3, right - 1, 3, right);
  const headerTop = 4;
  const headerBottom = 8;
  w.set(headerTop, 0, '地   区');
  w.merge(headerTop, 0, headerBottom, 0);
  if (english) {
    w.set(headerTop, 1, 'Region');
    w.merge(headerTop, 1, headerBottom, 1);
  }
  const columns: ColumnTruth[] = [];
  const groupTruth: IndexGroupsTruth['groups'] = [];
  groups.forEach((g, k) => {
    const c0 = first + k * groupWidth;
    const groupHeader = g.unit === '元' ? `人均地区生产总值(元)\n${g.en}` : `${g.zh}\n${g.en}`;
    w.set(headerTop, c0, mixedFontText(groupHeader, { size: 10 }));
    w.merge(headerTop, c0, headerTop + 1, c0 + groupWidth - 1);
    const yearsTruth: IndexGroupsTruth['groups'][number]['years'] = [];
    years.forEach((y, j) => {
      const vc = c0 + 2 * j;
      const ic = vc + 1;
      w.set(headerTop + 2, vc, y);
      w.merge(headerTop + 2, vc, headerBottom, vc);
      const idxHeader = `${y}年为\n${y - 1}年%\n${y - 1}=100`;
      w.set(headerTop + 2, ic, mixedFontText(idxHeader, { size: 10 }));
      w.merge(headerTop + 2, ic, headerBottom, ic);
      const vf = g.unit === '元' ? '0' : '#0.00 ;-#0.00 ';
      const indicatorName = g.zh;
      columns.push(
        column(vc, [groupHeader, String(y)], indicatorName, 'value', g.unit, { period: String(y), additive: g.additive, format: vf, priceBasis: 'current' }),
        column(ic, [groupHeader, idxHeader], indicatorName, 'index', null, {
          period: String(y),
          additive: false,
          format: '#0.0 ;-#0.0 ',
          priceBasis: 'comparable',
        }),
      );
      yearsTruth.push({ year: y, valueCol: vc, indexCol: ic });
    });
    groupTruth.push({ indicator: g.zh, unit: g.unit, additive: g.additive, years: yearsTruth });
  });
  for (let r = headerTop; r <= headerBottom; r++)
    for (let c = 0; c <= right; c++) w.cell(r, c).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };

  const bodyTop = headerBottom + (blank ? 2 : 1);
  const lines: { label: string; en: string; data: CityYear[]; role: RowRole; regionId: string }[] = [];
  const pad = (name: string) => (padNames && name.length === 3 ? name.split('').join(' ') : name);
  if (hasTotal)
    lines.push({ label: '全    省', en: 'Total', data: years.map((_, y) => totalYear(y)), role: 'total', regionId: '全省' });
  cities.forEach((c, i) => lines.push({ label: pad(c.full), en: c.en ?? c.short, data: cityData[i], role: 'peer', regionId: c.id }));
  const rows: RowTruth[] = [];
  const nominalVsIndex: IndexGroupsTruth['nominalVsIndex'] = [];
  lines.forEach((l, k) => {
    const r = bodyTop + k;
    w.set(r, 0, l.label, '@');
    if (english) w.set(r, 1, l.en, '@');
    const cells: Record<number, Figure> = {};
    groups.forEach((g, gi) => {
      const c0 = first + gi * groupWidth;
      years.forEach((_, j) => {
        const v = valueOf(l.data[j], g);
        cells[c0 + 2 * j] = w.figure(r, c0 + 2 * j, num(v, g.unit === '元' ? '0' : '#0.00 ;-#0.00 '));
        cells[c0 + 2 * j + 1] = w.figure(r, c0 + 2 * j + 1, num(l.data[j].idx[g.zh], gi === groups.length - 1 && j === ny - 1 ? '0.0' : '#0.0 ;-#0.0 '));
      });
      if (ny >= 2) {
        const v1 = valueOf(l.data[ny - 2], g);
        const v2 = valueOf(l.data[ny - 1], g);
        nominalVsIndex.push({ row: r, indicator: g.zh, nominal: (v2 / v1 - 1) * 100, real: l.data[ny - 1].idx[g.zh] - 100 });
      }
    });
    rows.push({
      row: r,
      label: l.label.trim(),
      name: displayName(l.label),
      role: l.role,
      level: 0,
      parent: null,
      members: [],
      regionId: l.regionId,
      cells,
    });
  });
  const bottom = bodyTop + lines.length - 1;
  const note = '注:本表绝对额按当年价格计算,指数按可比价格计算。';
  w.set(bottom + 3, 0, mixedFontText(note, { size: 10 }));
  w.set(bottom + 4, 0, 'a)Absolute figure in this table are calculated at current prices while indices at constant prices.');
  ws.getColumn(1).width = 12;
  if (english) ws.getColumn(2).width = 12;

  const table: TableTruth = {
    sheet: sheetName,
    ...tableBounds(headerTop, 0, bottom, right),
    shape: 'regions',
    title: `${tableNo}  各市地区生产总值`,
    period: null,
    unit: '亿元',
    priceBasis: null,
    headerTop,
    headerBottom,
    labelColumn: 0,
    ...(english ? { secondaryLabelColumn: 1 } : {}),
    totalRow: hasTotal ? bodyTop : null,
    rows,
    columns,
    footnotes: [note],
  };
  if (hasTotal) rows[0].members = rows.slice(1).map((x) => x.row);
  return { ...w.truth(sheetName, [table]), table, groups: groupTruth, nominalVsIndex };
}

export async function indexGroups(options: IndexGroupsOptions = {}): Promise<Fixture<IndexGroupsTruth>> {
  const wb = newWorkbook();
  const truth = buildIndexGroups(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// 目录 (contents) sheet of a monthly report
// ---------------------------------------------------------------------------

export function buildContentsSheet(
  wb: ExcelJS.Workbook,
  sections: { heading: string; entries: string[] }[],
  sheetName = '目录',
): SheetTruth {
  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  w.set(0, 0, '目    录');
  w.cell(0, 0).font = { name: '黑体', size: 16, bold: true };
  w.cell(0, 0).alignment = { horizontal: 'center' };
  w.merge(0, 0, 0, 1);
  let r = 2;
  let page = 1;
  for (const s of sections) {
    w.set(r++, 0, s.heading);
    for (const e of s.entries) {
      w.set(r, 0, `${e}${'…'.repeat(Math.max(8, 30 - e.length))}`);
      w.set(r++, 1, page++);
    }
  }
  ws.getColumn(1).width = 60;
  ws.getColumn(2).width = 6;
  return w.truth(sheetName, []);
}

// ---------------------------------------------------------------------------
// (g) balanceSheet — a balance beside its increment (邵阳 52综研室1: 金融机构存款余额), with
//     市辖区 standing for its districts and, optionally, a development zone
// ---------------------------------------------------------------------------

export interface BalanceSheetOptions {
  seed?: number;
  sheetName?: string;
  indicator?: string;
  /** the balance's period header (default 3月末) */
  period?: string;
  /** the increment's header (default 比年初增减数) */
  incrementHeader?: string;
  /** 市辖区 first among the regions (default true) */
  districts?: boolean;
  /** a development zone listed last (default none) */
  zone?: string | null;
}

export interface BalanceRegionTruth {
  /** 0-based sheet row */
  row: number;
  name: string;
  balance: number;
  increment: number;
  /** set apart from the 县市区 ranking: 'districts' for 市辖区, 'zone' for a development zone */
  apart?: 'zone' | 'districts';
  /** rank by balance among the regions that are not apart (competition; two decimals shown) */
  rank: number | null;
}

export interface BalanceSheetTruth {
  sheet: string;
  indicator: string;
  period: string;
  totalRow: number;
  total: { balance: number; increment: number };
  regions: BalanceRegionTruth[];
}

/**
 * 金融机构本外币存款余额 as 邵阳 publishes it: 地区 merged over two header rows, `3月末 | 比年初增减数`
 * over a row of units `(亿元) | (亿元)`, 全市 first, then 市辖区 and the counties (and a zone). The
 * increment is far smaller than the balance, so a reader that takes it for the balance is caught.
 */
export function buildBalanceSheet(wb: ExcelJS.Workbook, options: BalanceSheetOptions = {}): BalanceSheetTruth {
  const rng = new Rng(options.seed ?? 52);
  const sheetName = options.sheetName ?? '52综研室1';
  const indicator = options.indicator ?? '金融机构本外币存款余额';
  const period = options.period ?? '3月末';
  const names = [...(options.districts === false ? [] : ['市辖区']), ...DEFAULT_COUNTIES.slice(3, 12).map((r) => r.full), ...(options.zone ? [options.zone] : [])];
  const ws = wb.addWorksheet(sheetName);
  const w = new SheetWriter(ws);
  w.set(0, 0, indicator);
  w.merge(0, 0, 0, 2);
  w.set(2, 0, '地  区');
  w.merge(2, 0, 3, 0);
  w.set(2, 1, period);
  w.set(2, 2, options.incrementHeader ?? '比年初增减数');
  w.set(3, 1, '(亿元)');
  w.set(3, 2, '(亿元)');
  const regions: BalanceRegionTruth[] = names.map((name, i) => {
    const balance = Number(rng.between(130, 1300).toFixed(10));
    const increment = Number(rng.between(3, 60).toFixed(10));
    const apart = name === '市辖区' ? ('districts' as const) : name === options.zone ? ('zone' as const) : undefined;
    return { row: 5 + i, name, balance, increment, ...(apart ? { apart } : {}), rank: null };
  });
  const counted = regions.filter((r) => r.name !== options.zone);
  const total = { balance: counted.reduce((a, r) => a + r.balance, 0), increment: counted.reduce((a, r) => a + r.increment, 0) };
  w.set(4, 0, '全市');
  w.set(4, 1, total.balance);
  w.set(4, 2, total.increment);
  for (const r of regions) {
    w.set(r.row, 0, r.name);
    w.set(r.row, 1, r.balance);
    w.set(r.row, 2, r.increment);
  }
  for (let row = 4; row < 5 + regions.length; row++) for (const c of [1, 2]) w.cell(row, c).numFmt = '0.00_);[Red]\\(0.00\\)';
  const ranked = regions.filter((r) => !r.apart);
  const ranks = competitionRanks(ranked.map((r) => roundShown(r.balance, 2)));
  ranked.forEach((r, i) => (r.rank = ranks[i]));
  return { sheet: sheetName, indicator, period, totalRow: 4, total, regions };
}

export async function balanceSheet(options: BalanceSheetOptions = {}): Promise<Fixture<BalanceSheetTruth>> {
  const wb = newWorkbook();
  const truth = buildBalanceSheet(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (g) englishStacked — stacked English tables whose title lines state the measure
//     (Philippine Statistics Authority, regional accounts)
// ---------------------------------------------------------------------------

export const DEFAULT_ENGLISH_REGIONS: readonly { code: string; name: string; island: 0 | 1 }[] = Object.freeze([
  { code: 'CR', name: 'Capital Region', island: 0 },
  { code: 'I', name: 'Northern Highlands', island: 0 },
  { code: 'II', name: 'River Valley', island: 0 },
  { code: 'III', name: 'Central Plains', island: 0 },
  { code: 'IV', name: 'Western Coast', island: 1 },
  { code: 'V', name: 'Eastern Isles', island: 1 },
  { code: 'VI', name: 'Southern Peninsula', island: 1 },
  { code: 'BAR', name: 'Autonomous Region\nin the South', island: 1 },
]);

export interface EnglishStackedOptions {
  seed?: number;
  sheetName?: string;
  /** the country, named in the first title line and as the total row (default Arcadia) */
  country?: string;
  indicator?: string;
  /** default 2019..2023 */
  years?: readonly number[];
}

export interface EnglishStackedTable {
  /** "Table 1.4 …" */
  title: string;
  /** the title line that states the measure and prices ("Growth Rates, At Constant 2018 Prices") */
  subtitle: string;
  measure: MeasureKind;
  priceBasis: PriceBasis | null;
  headerTop: number;
  headerBottom: number;
  /** periods of the columns C… (growth over "2019 - 2020" is the growth of 2020) */
  periods: string[];
  peerRows: number[];
  totalRow: number;
  /** the figure of each row (peers in order, then the total) per period, as written */
  figures: number[][];
}

export interface EnglishStackedTruth {
  sheet: string;
  country: string;
  indicator: string;
  regions: string[];
  /** the seven tables over the regions, then one over two island groups (a regrouping of the same whole) */
  tables: EnglishStackedTable[];
}

/**
 * One indicator in eight stacked tables, each with the title lines of the PSA workbook:
 * levels at current and at constant prices, growth rates at current and at constant prices,
 * an implicit price index, percent shares, and the levels of two island groups. "Annual"
 * over the first year column, years (or "2019 - 2020" spans) under it, codes in column A,
 * names in B, the country after a blank row, "Source: …" under each table.
 */
export function buildEnglishStacked(wb: ExcelJS.Workbook, options: EnglishStackedOptions = {}): EnglishStackedTruth {
  const rng = new Rng(options.seed ?? 1).fork('english-stacked');
  const sheet = options.sheetName ?? 'GRDP';
  const country = options.country ?? 'Arcadia';
  const indicator = options.indicator ?? 'Gross Regional Domestic Product';
  const years = (options.years ?? [2019, 2020, 2021, 2022, 2023]).slice();
  const regions = DEFAULT_ENGLISH_REGIONS;
  const ny = years.length;
  // constant-price levels and deflators per region, current = constant × deflator / 100
  const constant = regions.map(() => {
    let v = rng.between(2e7, 9e8);
    return years.map(() => (v *= rng.between(0.97, 1.09)));
  });
  const deflator = regions.map(() => {
    let d = rng.between(85, 95);
    return years.map(() => (d *= rng.between(1.01, 1.05)));
  });
  const current = constant.map((row, i) => row.map((v, y) => (v * deflator[i][y]) / 100));
  const sum = (rows: number[][]): number[] => years.map((_, y) => rows.reduce((s, r) => s + r[y], 0));
  const growth = (row: number[]): number[] => row.slice(1).map((v, y) => (v / row[y] - 1) * 100);
  const ws = wb.addWorksheet(sheet);
  const w = new SheetWriter(ws);
  const out: EnglishStackedTable[] = [];
  let r = 0;
  const spans = years.slice(1).map((y) => `${y - 1} - ${y}`);
  const table = (no: number, subtitle: string, unitLine: string | null, measure: MeasureKind, priceBasis: PriceBasis | null, rows: { code: string; name: string; values: number[] }[], total: number[], spansOver: boolean) => {
    w.set(r++, 0, `Regional Accounts of ${country}`);
    if (unitLine) w.set(r++, 0, unitLine);
    w.set(r++, 0, 'As of April 2024');
    r++;
    const title = `Table 1.${no} ${indicator}`;
    w.set(r++, 0, title);
    w.set(r++, 0, `Annual ${spansOver ? years[1] : years[0]} to ${years[ny - 1]}`);
    w.set(r++, 0, subtitle);
    r++;
    const headerTop = r;
    w.set(r++, 2, 'Annual');
    const headerBottom = r;
    const heads = spansOver ? spans : years.map(String);
    heads.forEach((h, k) => w.set(r, 2 + k, spansOver ? h : Number(h)));
    r += 2;
    const peerRows: number[] = [];
    const figures: number[][] = [];
    for (const row of rows) {
      peerRows.push(r);
      w.set(r, 0, `${row.code} `);
      w.set(r, 1, row.name);
      row.values.forEach((v, k) => w.set(r, 2 + k, excelDouble(v)));
      figures.push(row.values.map(excelDouble));
      r++;
    }
    r++;
    const totalRow = r;
    w.set(r, 1, country);
    total.forEach((v, k) => w.set(r, 2 + k, excelDouble(v)));
    figures.push(total.map(excelDouble));
    r += 2;
    w.set(r++, 0, `Source: ${country} Statistics Office`);
    r += 2;
    out.push({ title, subtitle, measure, priceBasis, headerTop, headerBottom, periods: spansOver ? years.slice(1).map(String) : years.map(String), peerRows, totalRow, figures });
  };
  const named = (values: number[][]) => regions.map((g, i) => ({ code: g.code, name: g.name, values: values[i] }));
  const totalCurrent = sum(current);
  const totalConstant = sum(constant);
  const money = 'Unit: In thousand Arcadian Pesos';
  table(1, 'At Current Prices', money, 'value', 'current', named(current), totalCurrent, false);
  table(2, 'At Constant 2018 Prices', money, 'value', 'comparable', named(constant), totalConstant, false);
  table(3, 'Growth Rates, at Current Prices', 'Unit: In Percent', 'growth', 'current', named(current.map(growth)), growth(totalCurrent), true);
  table(4, 'Growth Rates, At Constant 2018 Prices', 'Unit: In Percent', 'growth', 'comparable', named(constant.map(growth)), growth(totalConstant), true);
  table(5, 'Implicit Price Index', null, 'level-index', null, named(current.map((row, i) => row.map((v, y) => (v / constant[i][y]) * 100))), totalCurrent.map((v, y) => (v / totalConstant[y]) * 100), false);
  table(6, 'Percent Share, At Current Prices', 'Unit: In Percent', 'share', 'current', named(current.map((row) => row.map((v, y) => (v / totalCurrent[y]) * 100))), years.map(() => 100), false);
  table(7, 'Percent Share, At Constant 2018 Prices', 'Unit: In Percent', 'share', 'comparable', named(constant.map((row) => row.map((v, y) => (v / totalConstant[y]) * 100))), years.map(() => 100), false);
  const islands = [0, 1].map((k) => ({ code: '', name: k === 0 ? 'North Island' : 'South Island', values: sum(current.filter((_, i) => regions[i].island === k)) }));
  table(8, 'At Current Prices', money, 'value', 'current', islands, totalCurrent, false);
  ws.getColumn(2).width = 30;
  return { sheet, country, indicator, regions: regions.map((g) => g.name.replace(/\n/g, ' ')), tables: out };
}

export async function englishStacked(options: EnglishStackedOptions = {}): Promise<Fixture<EnglishStackedTruth>> {
  const wb = newWorkbook();
  const truth = buildEnglishStacked(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}

// ---------------------------------------------------------------------------
// (h) cumulativeMarks — cumulative periods and footnote marks glued to labels
//     (Kazakhstan, gross regional product by region)
// ---------------------------------------------------------------------------

export interface CumulativeMarksTruth {
  /** the sheet of quarters: "1 quarter of 2022" … "9 months of 2023**", "20232)" */
  recent: {
    sheet: string;
    title: string;
    titleNote: string;
    /** periods of columns B… without their marks */
    periods: string[];
    totalRow: number;
    /** region names without marks, in order; the marked one and its note */
    regions: string[];
    marked: { name: string; label: string; note: string };
    /** annual figures of 2022 and 2023 per region (total first) */
    annual: { y2022: number[]; y2023: number[] };
    /** 9 months of 2023 per region (total first), the figure a wrong reader compares 2023 with */
    nineMonths2023: number[];
    notes: string[];
  };
  /** the sheet of years whose first two are in another unit by footnote 1) */
  early: { sheet: string; otherUnitPeriods: string[]; note: string; range: string };
}

export function buildCumulativeMarks(wb: ExcelJS.Workbook, options: { seed?: number } = {}): CumulativeMarksTruth {
  const rng = new Rng(options.seed ?? 1).fork('cumulative-marks');
  const names = ['Akmola', 'Aktobe', 'Atyrau', 'Zhambyl', 'Pavlodar', 'Capital city', 'Southern city'];
  const markedAt = 5;
  const country = 'Republic of Arcadia';
  const unit = 'mln.tenge';
  // recent sheet
  const ws = wb.addWorksheet('2020-2023');
  const w = new SheetWriter(ws);
  const title = 'Gross regional product';
  w.set(0, 0, `${title}1)`);
  const heads: (string | number)[] = [];
  const periods: string[] = [];
  const years = [2020, 2021, 2022, 2023];
  for (const y of years) {
    heads.push(`1 quarter of ${y}`, `1 half-year of ${y}`, y === 2023 ? `9 months of ${y}**` : `9 months of ${y}`, y === 2023 ? `${y}2)` : y);
    periods.push(`1 quarter of ${y}`, `1 half-year of ${y}`, `9 months of ${y}`, String(y));
  }
  w.set(1, heads.length, unit);
  heads.forEach((h, k) => w.set(2, 1 + k, h));
  const annual = names.map(() => {
    let a = rng.between(1e6, 9e6);
    return years.map(() => (a *= rng.between(1.05, 1.3)));
  });
  const shares = [0.22, 0.46, 0.71, 1];
  const round1 = (x: number): number => Math.round(x * 10) / 10;
  const regionRows = annual.map((a) => a.flatMap((v) => shares.map((s) => round1(s === 1 ? v : v * s * rng.between(0.97, 1.03)))));
  const totalRow = regionRows[0].map((_, k) => Math.round(regionRows.reduce((s, row) => s + row[k], 0) * 10) / 10);
  w.set(3, 0, country);
  totalRow.forEach((v, k) => w.set(3, 1 + k, v));
  names.forEach((n, i) => {
    w.set(4 + i, 0, i === markedAt ? `${n}3)` : n);
    regionRows[i].forEach((v, k) => w.set(4 + i, 1 + k, v));
  });
  const notes = ['1) quarterly calculations of GRP are made only from 2008', '2) preliminary data', '3) until 2020 the capital city was part of Akmola'];
  notes.forEach((n, k) => w.set(5 + names.length + k, 0, n));
  // early sheet: 1990 and 1991 in roubles
  const we = new SheetWriter(wb.addWorksheet('1990-1994'));
  we.set(0, 0, title);
  we.set(1, 5, unit);
  ['19901)', '19911)', 1992, 1993, 1994].forEach((h, k) => we.set(2, 1 + k, h));
  const early = names.map(() => [0, 1, 2, 3, 4].map(() => Math.round(rng.between(1e3, 9e4) * 10) / 10));
  const earlyTotal = early[0].map((_, k) => Math.round(early.reduce((s, row) => s + row[k], 0) * 10) / 10);
  we.set(3, 0, country);
  earlyTotal.forEach((v, k) => we.set(3, 1 + k, v));
  names.forEach((n, i) => {
    we.set(4 + i, 0, n);
    early[i].forEach((v, k) => we.set(4 + i, 1 + k, v));
  });
  const earlyNote = '1) 1990-1991 -mln. rubles';
  we.set(5 + names.length, 0, earlyNote);
  return {
    recent: {
      sheet: '2020-2023',
      title,
      titleNote: notes[0],
      periods,
      totalRow: 3,
      regions: names,
      marked: { name: names[markedAt], label: `${names[markedAt]}3)`, note: notes[2] },
      annual: { y2022: [totalRow[11], ...regionRows.map((r) => r[11])], y2023: [totalRow[15], ...regionRows.map((r) => r[15])] },
      nineMonths2023: [totalRow[14], ...regionRows.map((r) => r[14])],
      notes,
    },
    early: { sheet: '1990-1994', otherUnitPeriods: ['1990', '1991'], note: earlyNote, range: `B3:C${4 + names.length}` },
  };
}

export async function cumulativeMarks(options: { seed?: number } = {}): Promise<Fixture<CumulativeMarksTruth>> {
  const wb = newWorkbook();
  const truth = buildCumulativeMarks(wb, options);
  return { buffer: await workbookBuffer(wb), truth };
}
