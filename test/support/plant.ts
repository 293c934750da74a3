/**
 * A realistic county report (统计月报 of the fictional 安平市, 2025年1-3月) with
 * errors planted at known cells, for the checks (src/core/check).
 *
 * `countyReport({ seed, plant })` builds, with the fixture generator
 * (./fixtures.ts), a workbook of
 *   - 目录                       contents, no table
 *   - 一般公共预算收入           items: 地方一般公共预算收入 = 一、税收收入 + 二、非税收入, "#…"/"其中：…" lines
 *   - 地区生产总值               绝对额 | 增速 | 排名, growth at comparable prices (footnote)
 *   - 规模工业增加值             增速 | 排名, comparable prices (footnote)
 *   - 固定资产投资               增速 | 排名, some negative growth
 *   - 社会消费品零售总额         绝对额 | 增速 | 排名
 *   - 城镇居民人均可支配收入     绝对额 | 上年同期 | 增长 | 排名, per capita (元, not additive), full names
 *   - 地区生产总值构成           绝对额 | 占全市比重 | 增速 | 与全市增速差, the same GDP figures as 地区生产总值
 * each county sheet listing 全市 first and the 12 县市区. The clean copy (no
 * plant) gives no finding at all (see test/core/check/planted.test.ts).
 *
 * Each plant kind changes the clean report at one cell (recorded in
 * `truth.planted`) and nothing else that a rule could see, except what follows
 * necessarily (listed in `also`): e.g. a share of 120 cannot agree with its
 * value. Where a growth figure changes or stops being a number, the published
 * ranks of the sheet are recomputed like the bureau's RANK formula would (the
 * region without a growth gets no rank), so no rank is planted wrong by accident.
 * The county a plant touches is drawn once per seed for every kind, so a kind
 * touches the same county alone or with all the others, and no two kinds touch
 * the same county of a sheet.
 *
 * `truth.county` and `truth.items` are the sheets as built, before the plants
 * written into the cells afterwards (build-time plants — missing-region,
 * duplicate-region, period-mismatch, stray-value — are in them).
 */
import type ExcelJS from 'exceljs';
import type { RuleId } from '../../src/core/check';
import { address } from '../../src/core/grid';
import {
  DEFAULT_COUNTIES,
  Rng,
  buildContentsSheet,
  buildCountySheet,
  buildItemsSheet,
  competitionRanks,
  excelDouble,
  newWorkbook,
  roundShown,
  workbookBuffer,
  type CountySheetOptions,
  type CountySheetTruth,
  type Fixture,
  type ItemsSheetTruth,
  type SheetTruth,
} from './fixtures';

export const PLANT_KINDS = [
  'text-number',
  'not-a-number',
  'error-value',
  'missing-value',
  'total-mismatch',
  'part-exceeds-total',
  'unit-scale',
  'share-out-of-range',
  'shares-not-100',
  'rank-mismatch',
  'growth-mismatch',
  'growth-outlier',
  'missing-region',
  'duplicate-region',
  'period-mismatch',
  'figure-differs',
  'stray-value',
] as const satisfies readonly RuleId[];

export type PlantKind = (typeof PLANT_KINDS)[number];

export interface Planted {
  rule: PlantKind;
  sheet: string;
  /** A1 address of the planted cell (for a dropped region: the first region's label, where the rule reports the table) */
  cell: string;
  /** what was done, in words */
  note: string;
  /** other rules that necessarily fail (at error severity) because of this plant */
  also: RuleId[];
  /** the cell the planted one should be compared with (the whole a part exceeds, the same figure in another sheet) */
  related?: { sheet: string; cell: string };
}

export interface CountyReportOptions {
  seed?: number;
  /** the errors to plant (default none: the clean copy) */
  plant?: readonly PlantKind[] | 'all';
}

export interface CountyReportTruth {
  period: string;
  regions: string[];
  sheets: SheetTruth[];
  items: ItemsSheetTruth;
  /** county sheets by sheet name, as built */
  county: Record<string, CountySheetTruth>;
  planted: Planted[];
}

export const REPORT_PERIOD = '2025年1-3月';
const OTHER_PERIOD = '2025年1-2月';

export const SHEET = {
  items: '一般公共预算收入',
  gdp: '地区生产总值',
  industry: '规模工业增加值',
  investment: '固定资产投资',
  retail: '社会消费品零售总额',
  income: '城镇居民人均可支配收入',
  gdpShare: '地区生产总值构成',
} as const;

type CountyKey = Exclude<keyof typeof SHEET, 'items'>;

/** Options of the county sheets of the clean report (moderate growth: no growth-outlier). */
function countySpecs(seed: number): Record<CountyKey, CountySheetOptions> {
  const gdp: CountySheetOptions = {
    seed: seed * 10 + 1,
    indicator: '地区生产总值',
    unit: '万元',
    growthRange: [4.2, 7.4],
    tie: 6.6,
    footnote: '注：地区生产总值增速按可比价计算。',
    priceBasis: 'comparable',
  };
  return {
    gdp: { ...gdp, sheetName: SHEET.gdp },
    industry: {
      seed: seed * 10 + 2,
      sheetName: SHEET.industry,
      indicator: '规模工业增加值',
      value: false,
      growthRange: [3.5, 13],
      tie: 9.7,
      footnote: '注：规模工业增加值增速按可比价计算。',
      priceBasis: 'comparable',
    },
    investment: {
      seed: seed * 10 + 3,
      sheetName: SHEET.investment,
      indicator: '固定资产投资',
      value: false,
      growthRange: [-6, 12],
      negatives: 2,
      tie: false,
    },
    retail: { seed: seed * 10 + 4, sheetName: SHEET.retail, indicator: '社会消费品零售总额', unit: '万元', growthRange: [4, 7.5], tie: 5.7 },
    income: {
      seed: seed * 10 + 5,
      sheetName: SHEET.income,
      indicator: '城镇居民人均可支配收入',
      unit: '元',
      perCapita: true,
      growthLabel: '增长',
      growthRange: [4.6, 6.4],
      tie: 5.3,
      nameForm: 'full',
      bigRegion: 1,
      prior: true,
    },
    // The same figures as 地区生产总值 (same seed and draws), with shares and points instead of ranks.
    gdpShare: { ...gdp, sheetName: SHEET.gdpShare, rank: false, share: true, points: true },
  };
}

/** Column of a measure in a county sheet's table. */
function colOf(t: CountySheetTruth, measure: 'value' | 'growth' | 'rank' | 'share' | 'points' | 'prior'): number {
  const c = t.table.columns.find((x) => x.measure === measure);
  if (!c) throw new Error(`plant: ${t.sheet} has no ${measure} column`);
  return c.col;
}

function rowOf(t: CountySheetTruth, regionId: string, occurrence = 0): number {
  const rs = t.regions.filter((r) => r.regionId === regionId && r.role === 'peer');
  if (!rs[occurrence]) throw new Error(`plant: ${regionId} not in ${t.sheet}`);
  return rs[occurrence].row;
}

/** Growth shown in the sheet as built, by row. */
function shownGrowth(t: CountySheetTruth, row: number): number | null {
  return t.regions.find((r) => r.row === row)?.growthShown ?? null;
}

interface SheetEdits {
  /** new growth shown (number) or no number at all (null), by row */
  growth: Map<number, number | null>;
  /** a published rank written wrong: off by one from the recomputed rank */
  wrongRank: number | null;
}

/**
 * Build the report. Synchronous: the ExcelJS workbook and the truth; see
 * `countyReport` for the bytes.
 */
export function buildCountyReport(options: CountyReportOptions = {}): { workbook: ExcelJS.Workbook; truth: CountyReportTruth } {
  const seed = options.seed ?? 1;
  const kinds = new Set<PlantKind>(options.plant === 'all' ? PLANT_KINDS : (options.plant ?? []));
  const has = (k: PlantKind) => kinds.has(k);
  const rng = new Rng(seed).fork('plant');
  const specs = countySpecs(seed);
  const planted: Planted[] = [];

  // The counties the plants touch: drawn once per sheet, the same whichever kinds are planted, distinct
  // within a sheet. The largest region (石门市, last) is left alone so that a ×10⁴ slip or a 120% share
  // is never on the biggest figure.
  const draw = (label: string, n: number): string[] =>
    rng
      .fork(label)
      .shuffle(DEFAULT_COUNTIES.slice(0, -1).map((r) => r.id))
      .slice(0, n);
  const [textNumber, missingValue, wrongRank] = draw('retail', 3);
  const [errorValue, outlier, duplicate] = draw('investment', 3);
  const [unitScale, notANumber] = draw('gdp', 2);
  const [growthMismatch, dropped] = draw('income', 2);
  const [shareHigh, shareSwap, differs] = draw('gdpShare', 3);
  const who = { textNumber, missingValue, wrongRank, notANumber, errorValue, outlier, duplicate, unitScale, growthMismatch, dropped, shareHigh, shareSwap, differs };

  // Build-time plants (stray-value is written below the GDP table afterwards).
  if (has('period-mismatch')) specs.industry.period = OTHER_PERIOD;
  if (has('duplicate-region')) specs.investment.repeat = [who.duplicate];
  if (has('missing-region')) specs.income.regions = DEFAULT_COUNTIES.filter((r) => r.id !== who.dropped);

  const wb = newWorkbook();
  wb.title = `安平市统计月报（${REPORT_PERIOD}）`;
  const contents = buildContentsSheet(wb, [
    { heading: '一、全市主要经济指标', entries: [SHEET.items] },
    { heading: '二、分县市区主要经济指标', entries: [SHEET.gdp, SHEET.industry, SHEET.investment, SHEET.retail, SHEET.income, SHEET.gdpShare] },
  ]);
  const items = buildItemsSheet(wb, { seed: seed * 10, preset: 'finance', sheetName: SHEET.items, period: REPORT_PERIOD, indent: 'none', leafGrowth: [0, 12] });
  const county = {} as Record<CountyKey, CountySheetTruth>;
  for (const key of Object.keys(specs) as CountyKey[]) county[key] = buildCountySheet(wb, { period: REPORT_PERIOD, ...specs[key] });

  const ws = (name: string): ExcelJS.Worksheet => {
    const s = wb.getWorksheet(name);
    if (!s) throw new Error(`plant: no sheet ${name}`);
    return s;
  };
  const cellOf = (sheet: string, row: number, col: number): ExcelJS.Cell => ws(sheet).getCell(row + 1, col + 1);
  const edits = new Map<CountyKey, SheetEdits>();
  const editsOf = (key: CountyKey): SheetEdits => {
    let e = edits.get(key);
    if (!e) edits.set(key, (e = { growth: new Map(), wrongRank: null }));
    return e;
  };
  const plant = (rule: PlantKind, sheet: string, row: number, col: number, note: string, also: RuleId[] = [], related?: Planted['related']) =>
    planted.push({ rule, sheet, cell: address(row, col), note, also, ...(related ? { related } : {}) });

  // text-number: a county's 社零 value typed as text, the same digits it shows ("523456").
  if (has('text-number')) {
    const t = county.retail;
    const row = rowOf(t, who.textNumber);
    const col = colOf(t, 'value');
    const cell = cellOf(t.sheet, row, col);
    cell.value = String(roundShown(cell.value as number, 0));
    plant('text-number', t.sheet, row, col, 'value stored as text, same digits as shown');
  }

  // missing-value: a county's 社零 growth left blank (its rank too; the others re-ranked without it).
  if (has('missing-value')) {
    const t = county.retail;
    const row = rowOf(t, who.missingValue);
    const col = colOf(t, 'growth');
    cellOf(t.sheet, row, col).value = null;
    editsOf('retail').growth.set(row, null);
    plant('missing-value', t.sheet, row, col, 'growth left blank; no rank');
  }

  // rank-mismatch: one published 社零 rank off by one.
  if (has('rank-mismatch')) {
    const t = county.retail;
    const row = rowOf(t, who.wrongRank);
    editsOf('retail').wrongRank = row;
    plant('rank-mismatch', t.sheet, row, colOf(t, 'rank'), 'published rank off by one');
  }

  // total-mismatch: 全市 社零 3% below the sum of its counties (below, so it is not 市本级; not a power of ten).
  if (has('total-mismatch')) {
    const t = county.retail;
    const total = t.regions.find((r) => r.role === 'total')!;
    const col = colOf(t, 'value');
    const cell = cellOf(t.sheet, total.row, col);
    cell.value = Math.round((cell.value as number) * 0.97);
    plant('total-mismatch', t.sheet, total.row, col, '全市 value 3% below the sum of the counties');
  }

  // not-a-number: a GDP growth written with a note mark ("5.3注"); no rank for it. (On a sheet of growth
  // only, the row would be left without any number; the reader then splits the table: see planted.test.ts.)
  if (has('not-a-number')) {
    const t = county.gdp;
    const row = rowOf(t, who.notANumber);
    const col = colOf(t, 'growth');
    cellOf(t.sheet, row, col).value = `${shownGrowth(t, row)!.toFixed(1)}注`;
    editsOf('gdp').growth.set(row, null);
    plant('not-a-number', t.sheet, row, col, 'growth written "x.x注"; no rank');
  }

  // error-value: #DIV/0! in a 固定资产投资 growth (a formula over an empty prior); no rank for it.
  if (has('error-value')) {
    const t = county.investment;
    const row = rowOf(t, who.errorValue);
    const col = colOf(t, 'growth');
    cellOf(t.sheet, row, col).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    editsOf('investment').growth.set(row, null);
    plant('error-value', t.sheet, row, col, '#DIV/0! in growth; no rank');
  }

  // growth-outlier: a 固定资产投资 growth of +85.0% (ranked first).
  if (has('growth-outlier')) {
    const t = county.investment;
    const row = rowOf(t, who.outlier);
    const col = colOf(t, 'growth');
    cellOf(t.sheet, row, col).value = 85;
    editsOf('investment').growth.set(row, 85);
    plant('growth-outlier', t.sheet, row, col, 'growth +85.0%');
  }

  // duplicate-region: a county listed a second time after the others (growth-only sheet: no sum breaks).
  if (has('duplicate-region')) {
    const t = county.investment;
    plant('duplicate-region', t.sheet, rowOf(t, who.duplicate, 1), t.table.labelColumn, 'region listed again after the others, same figures');
  }

  // period-mismatch: 规上工业 headed 2025年1-2月 in a 1-3月 report.
  if (has('period-mismatch')) {
    const t = county.industry;
    plant('period-mismatch', t.sheet, t.table.headerTop, 1, `header period ${OTHER_PERIOD}`);
  }

  // unit-scale: a county's GDP in 元 among 万元 (×10⁴).
  if (has('unit-scale')) {
    const t = county.gdp;
    const row = rowOf(t, who.unitScale);
    const col = colOf(t, 'value');
    const cell = cellOf(t.sheet, row, col);
    cell.value = excelDouble((cell.value as number) * 10000);
    plant('unit-scale', t.sheet, row, col, 'value ×10000 (元 for 万元)');
  }

  // stray-value: the check sum of the GDP values left two rows below the table, in the value column.
  if (has('stray-value')) {
    const t = county.gdp;
    const col = colOf(t, 'value');
    const sum = t.regions.filter((r) => r.role === 'peer').reduce((a, r) => a + roundShown(excelDouble(r.value), 0), 0);
    const row = t.table.bottom + 3;
    cellOf(t.sheet, row, col).value = sum;
    plant('stray-value', t.sheet, row, col, 'a check sum left below the table');
  }

  // growth-mismatch: a county's income growth 2 points above what 本期/上年同期 give (re-ranked).
  if (has('growth-mismatch')) {
    const t = county.income;
    const row = rowOf(t, who.growthMismatch);
    const col = colOf(t, 'growth');
    const g = Number((shownGrowth(t, row)! + 2).toFixed(1));
    cellOf(t.sheet, row, col).value = g;
    editsOf('income').growth.set(row, g);
    plant('growth-mismatch', t.sheet, row, col, 'growth 2.0 points above current/prior');
  }

  // missing-region: a county dropped from the income sheet (全市 is the mean of the others: consistent).
  if (has('missing-region')) {
    const t = county.income;
    const first = t.regions.find((r) => r.role === 'peer')!;
    plant('missing-region', t.sheet, first.row, t.table.labelColumn, `${who.dropped} not listed`);
  }

  // share-out-of-range: a county's share of 全市 GDP written 120.0.
  if (has('share-out-of-range')) {
    const t = county.gdpShare;
    const row = rowOf(t, who.shareHigh);
    const col = colOf(t, 'share');
    cellOf(t.sheet, row, col).value = 120;
    // a share of 120 cannot agree with its value, nor let the shares sum to 100
    plant('share-out-of-range', t.sheet, row, col, 'share 120.0', ['share-mismatch', 'shares-not-100']);
  }

  // shares-not-100: a county's share typed with its digits swapped (8.3 → 3.8), so the shares no longer sum to 100.
  if (has('shares-not-100')) {
    const t = county.gdpShare;
    const row = rowOf(t, who.shareSwap);
    const col = colOf(t, 'share');
    const cell = cellOf(t.sheet, row, col);
    const shown = roundShown(cell.value as number, 1);
    const [a, b] = shown.toFixed(1).split('.');
    // swap the last integer digit with the decimal; when they are equal (or the swap is too small), add 5 points
    const swapped = Number(`${a.slice(0, -1)}${b}.${a.slice(-1)}`);
    cell.value = Math.abs(swapped - shown) >= 1 ? swapped : shown + 5;
    // the share disagrees with its value too
    plant('shares-not-100', t.sheet, row, col, 'share with digits swapped', ['share-mismatch']);
  }

  // figure-differs: a county's GDP growth in the 构成 sheet 0.4 points off the 地区生产总值 sheet (its points follow).
  if (has('figure-differs')) {
    const t = county.gdpShare;
    const row = rowOf(t, who.differs);
    const col = colOf(t, 'growth');
    const g = Number((shownGrowth(t, row)! + 0.4).toFixed(1));
    cellOf(t.sheet, row, col).value = g;
    const total = t.regions.find((r) => r.role === 'total')!;
    cellOf(t.sheet, row, colOf(t, 'points')).value = Number((g - total.growthShown!).toFixed(1));
    const same = county.gdp;
    plant('figure-differs', t.sheet, row, col, 'growth 0.4 points off the same figure in 地区生产总值', [], {
      sheet: same.sheet,
      cell: address(rowOf(same, who.differs), colOf(same, 'growth')),
    });
  }

  // part-exceeds-total: "#房地产业税收" 6% above 一、税收收入, the line it is part of.
  if (has('part-exceeds-total')) {
    const rowByName = (name: string) => items.table.rows.find((r) => r.name === name)!.row;
    const part = rowByName('房地产业税收');
    const whole = rowByName('一、税收收入');
    const wholeValue = cellOf(items.sheet, whole, 1).value as number;
    cellOf(items.sheet, part, 1).value = Math.round(wholeValue * 1.06);
    plant('part-exceeds-total', items.sheet, part, 1, '"#房地产业税收" 6% above 一、税收收入', [], { sheet: items.sheet, cell: address(whole, 1) });
  }

  // Published ranks after the growth edits: competition ranking of the shown growth, as RANK.EQ gives.
  for (const [key, e] of edits) {
    const t = county[key];
    if (t.ranks.rankCol === null) continue;
    const rows = t.ranks.peers;
    const growth = rows.map((r) => (e.growth.has(r) ? e.growth.get(r)! : shownGrowth(t, r)));
    const ranked = rows.filter((_, i) => growth[i] !== null);
    const ranks = competitionRanks(growth.filter((g): g is number => g !== null));
    for (const r of rows) {
      const i = ranked.indexOf(r);
      let rank: number | null = i >= 0 ? ranks[i] : null;
      if (r === e.wrongRank && rank !== null) rank = rank < ranked.length ? rank + 1 : rank - 1;
      cellOf(t.sheet, r, t.ranks.rankCol).value = rank;
    }
  }

  const countyByName: Record<string, CountySheetTruth> = {};
  for (const t of Object.values(county)) countyByName[t.sheet] = t;
  return {
    workbook: wb,
    truth: {
      period: REPORT_PERIOD,
      regions: DEFAULT_COUNTIES.map((r) => r.id),
      sheets: [contents, items, ...Object.values(county)],
      items,
      county: countyByName,
      planted,
    },
  };
}

/** The report as .xlsx bytes, with what is planted where. */
export async function countyReport(options: CountyReportOptions = {}): Promise<Fixture<CountyReportTruth>> {
  const { workbook, truth } = buildCountyReport(options);
  return { buffer: await workbookBuffer(workbook), truth };
}
