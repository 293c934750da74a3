/**
 * A small county workbook for the summary-plan tests, with every figure known by
 * hand, and helpers to read a plan back (cells, columns, formulas evaluated).
 *
 *   地区生产总值      亿元, growth "0.0": 城东 9.66 and 城西 9.7 both show 9.7 (a tie),
 *                     云溪 −2.3 (negative); the total 6.305 shows 6.3.
 *   一般公共预算收入  万元, growth "0.0"; 城西's growth is the text "8.5".
 *   利润总额          本期 and 上年同期 only (growth computed); 北湖 −500 → 300: 扭亏为盈.
 */
import type { Grid } from '../../../src/core/grid';
import { cellAt, gridFromValues } from '../../../src/core/grid';
import type { SheetLayout } from '../../../src/core/layout';
import { readWorkbook } from '../../../src/core/layout';
import type { SummarizeOptions, SummaryResult } from '../../../src/core/summarize';
import { summarize } from '../../../src/core/summarize';
import type { PlanCell, PlanValue, SheetPlan, WorkbookPlan } from '../../../src/core/summary';
import type { Scalar } from './excelEval';
import { evalFormula } from './excelEval';

export type V = number | string | null;

export const REGIONS = ['城东区', '城西区', '北湖区', '新安县', '云溪县', '清河县', '白沙县', '石门市'] as const;

/** 0-based rows of the summary: title 0, period 1, unit line 2, headers 3–4, total 5, regions from 6. */
export const TOTAL_ROW = 5;
export const FIRST_ROW = 6;
export const LAST_ROW = FIRST_ROW + REGIONS.length - 1;
export const rowOf = (region: (typeof REGIONS)[number]): number => FIRST_ROW + REGIONS.indexOf(region);

export interface CountyFigures {
  total: [V, V];
  lines: [V, V][];
}

export const GDP: CountyFigures = {
  total: [1000, 6.305],
  lines: [
    [120, 9.66],
    [110, 9.7],
    [150, 12.1],
    [130, 6.35],
    [90, -2.3],
    [140, 5.0],
    [100, 4.2],
    [160, 7.7],
  ],
};
/** what the GDP sheet shows, region by region */
export const GDP_GROWTH = [9.7, 9.7, 12.1, 6.4, -2.3, 5, 4.2, 7.7];
export const GDP_COMPETITION = [2, 2, 1, 5, 8, 6, 7, 4];
export const GDP_DENSE = [2, 2, 1, 4, 7, 5, 6, 3];
export const GDP_POINTS = [3.4, 3.4, 5.8, 0.1, -8.6, -1.3, -2.1, 1.4];
export const GDP_SHARE = [12, 11, 15, 13, 9, 14, 10, 16];

export const REVENUE: CountyFigures = {
  total: [500000, 7.4],
  lines: [
    [60000, 8.2],
    [50000, '8.5'],
    [70000, 6.9],
    [40000, 10.3],
    [30000, 5.4],
    [80000, 9.1],
    [90000, 4.8],
    [80000, 6.1],
  ],
};
export const REVENUE_GROWTH = [8.2, 8.5, 6.9, 10.3, 5.4, 9.1, 4.8, 6.1];
export const REVENUE_RANK = [4, 3, 5, 1, 7, 2, 8, 6];

/** 利润总额 本期 and 上年同期 by region (北湖 turns a loss into a profit). */
export const PROFIT_NOW = [3000, 3100, 300, 3300, 3400, 3500, 3600, 3700];
export const PROFIT_BEFORE = [2500, 2550, -500, 2650, 2700, 2750, 2800, 2850];
/** (now − before) / before × 100 to one decimal; null for 北湖 (扭亏为盈) */
export const PROFIT_GROWTH = [20, 21.6, null, 24.5, 25.9, 27.3, 28.6, 29.8];
export const PROFIT_RANK = [7, 6, null, 5, 4, 3, 2, 1];

/**
 * A county sheet laid out like the bureaus' monthly sheets:
 *   row 0 title (A1:D1), row 1 blank, row 2 地区 (A3:A4) + period (B3:D3),
 *   row 3 绝对额(unit) | 增速(%) | 排名, row 4 全市, rows 5… the regions.
 */
export function countySheet(
  name: string,
  indicator: string,
  unit: string,
  figures: CountyFigures,
  options: { ranks?: V[]; valueFormat?: string; regions?: readonly string[]; period?: string } = {},
): Grid {
  const regions = options.regions ?? REGIONS;
  const period = options.period ?? '2025年1-3月';
  const values: V[][] = [
    [`${period}各县市区${indicator}`, null, null, null],
    [null, null, null, null],
    ['地区', period, null, null],
    [null, `绝对额(${unit})`, '增速(%)', '排名'],
    ['全市', figures.total[0], figures.total[1], null],
  ];
  figures.lines.forEach((l, i) => values.push([regions[i], l[0], l[1], options.ranks?.[i] ?? null]));
  const formats = values.map((_, r) => (r >= 4 ? [undefined, options.valueFormat ?? '0_ ', '0.0_ ', '0_ '] : []));
  return gridFromValues(name, values, { formats, merges: ['A1:D1', 'A3:A4', 'B3:D3'] });
}

export function profitSheet(name = '利润总额'): Grid {
  const values: V[][] = [
    ['2025年1-3月各县市区规模以上工业企业利润总额', null, null],
    ['地区', '本期(万元)', '上年同期(万元)'],
    ['全市', 30000, 25000],
    ...REGIONS.map((r, i): V[] => [r, PROFIT_NOW[i], PROFIT_BEFORE[i]]),
  ];
  const formats = values.map((_, r) => (r >= 2 ? [undefined, '0', '0'] : []));
  return gridFromValues(name, values, { merges: ['A1:C1'], formats });
}

export interface Workbook {
  grids: Grid[];
  layouts: SheetLayout[];
  summary: (options?: SummarizeOptions) => SummaryResult;
}

export function workbookOf(grids: Grid[]): Workbook {
  const layouts = readWorkbook(grids);
  return { grids, layouts, summary: (options) => summarize(layouts, grids, options) };
}

/** The three-sheet county workbook. */
export function countyWorkbook(gdpName = '地区生产总值'): Workbook {
  return workbookOf([
    countySheet(gdpName, '地区生产总值', '亿元', GDP, { ranks: GDP_COMPETITION, valueFormat: '0.00_ ' }),
    countySheet('一般公共预算收入', '一般公共预算收入', '万元', REVENUE),
    profitSheet(),
  ]);
}

// ---------------------------------------------------------------------------
// Reading a plan back
// ---------------------------------------------------------------------------

export function cell(sheet: SheetPlan, row: number, col: number): PlanCell | null {
  return sheet.cells[row]?.[col] ?? null;
}

export function value(sheet: SheetPlan, row: number, col: number): PlanValue | undefined {
  return cell(sheet, row, col)?.value;
}

/** The values of a column over the region rows (undefined for an empty cell). */
export function regionColumn(sheet: SheetPlan, col: number): (PlanValue | undefined)[] {
  return REGIONS.map((_, i) => value(sheet, FIRST_ROW + i, col));
}

/** 0-based rows of 位次表: no total line (the total has no rank), the regions from row 5. */
export const RANKS_FIRST_ROW = 5;
export const ranksRowOf = (region: (typeof REGIONS)[number]): number => RANKS_FIRST_ROW + REGIONS.indexOf(region);

/** One column of 位次表, region by region. */
export function ranksColumn(sheet: SheetPlan, col: number): (PlanValue | undefined)[] {
  return REGIONS.map((_, i) => value(sheet, RANKS_FIRST_ROW + i, col));
}

/** A header as one line: the plan breaks a CJK header before its unit when it does not fit (绝对额\n(亿元)). */
export function headText(v: PlanValue | undefined): string {
  return String(v ?? '').replace(/\n/g, '');
}

/** The sub-headers of a summary sheet (row 4) as one-line texts, null for none. */
export function subHeaders(sheet: SheetPlan): (string | null)[] {
  return (sheet.cells[4] ?? []).map((c) => (c?.value == null ? null : headText(c.value)));
}

/** Column of a sub-header under an indicator's merged name (row 3 name, row 4 sub-headers). */
export function columnOf(sheet: SheetPlan, indicator: string, subHeader: string): number {
  const head = sheet.cells[3] ?? [];
  const start = head.findIndex((c) => c?.value === indicator);
  if (start < 0) throw new Error(`no indicator ${indicator} on ${sheet.name}`);
  const merge = sheet.merges.find((m) => m.top === 3 && m.bottom === 3 && m.left === start);
  const right = merge ? merge.right : start;
  for (let c = start; c <= right; c++) if (headText(sheet.cells[4]?.[c]?.value) === subHeader) return c;
  throw new Error(`no ${subHeader} under ${indicator} on ${sheet.name}`);
}

/** The footnote lines under a table (the text cells after the first blank row below the body). */
export function footnoteLines(sheet: SheetPlan): string[] {
  const lines: string[] = [];
  for (let r = FIRST_ROW; r < sheet.cells.length; r++) {
    const v = sheet.cells[r]?.[0]?.value;
    if (typeof v === 'string' && /^(注：|Notes: |\s|\u3000)/.test(v)) lines.push(v);
  }
  return lines;
}

/** Reads cells for the evaluator: this plan's sheets (by value) and the source grids. */
export function resolverFor(plan: WorkbookPlan, grids: Grid[], own: SheetPlan) {
  const sheets = new Map(plan.sheets.map((s) => [s.name, s]));
  const byName = new Map(grids.map((g) => [g.name, g]));
  return (sheet: string | null, row: number, col: number): Scalar => {
    const s = sheet === null ? own : sheets.get(sheet);
    if (s) {
      const v = s.cells[row]?.[col]?.value;
      return v === undefined ? null : v;
    }
    const g = byName.get(sheet as string);
    if (!g) throw new Error(`formula refers to an unknown sheet ${sheet}`);
    return cellAt(g, row, col).value;
  };
}

export interface FormulaCheck {
  sheet: string;
  row: number;
  col: number;
  formula: string;
  value: PlanValue;
  got: Scalar | string;
}

/** Every formula of the plan evaluated against the plan's values and the source grids; the cells where it does not give the value. */
export function formulaMismatches(plan: WorkbookPlan, grids: Grid[]): { checked: number; bad: FormulaCheck[] } {
  const bad: FormulaCheck[] = [];
  let checked = 0;
  for (const s of plan.sheets) {
    const resolve = resolverFor(plan, grids, s);
    s.cells.forEach((line, row) =>
      line.forEach((c, col) => {
        if (!c?.formula) return;
        checked++;
        let got: Scalar | string;
        try {
          got = evalFormula(c.formula, { resolve });
        } catch (e) {
          got = `error: ${(e as Error).message}`;
        }
        const ok = typeof got === 'number' && typeof c.value === 'number' ? Math.abs(got - c.value) < 1e-9 : got === c.value;
        if (!ok) bad.push({ sheet: s.name, row, col, formula: c.formula, value: c.value, got });
      }),
    );
  }
  return { checked, bad };
}

/** Rows (0-based) of a highlight rule's range where its formula is true, per column of the range. */
export function highlightedRows(plan: WorkbookPlan, grids: Grid[], sheet: SheetPlan, rule: SheetPlan['highlights'][number]): Map<number, number[]> {
  const resolve = resolverFor(plan, grids, sheet);
  const out = new Map<number, number[]>();
  for (let c = rule.range.left; c <= rule.range.right; c++) {
    const rows: number[] = [];
    for (let r = rule.range.top; r <= rule.range.bottom; r++) {
      const v = evalFormula(rule.formula, { resolve, dr: r - rule.range.top, dc: c - rule.range.left });
      if (v === true) rows.push(r);
    }
    out.set(c, rows);
  }
  return out;
}

/** A grid holding the cells of a plan's sheet (values only), as an adapter would read it back. */
export function gridOfPlan(sheet: SheetPlan): Grid {
  return gridFromValues(
    sheet.name,
    sheet.cells.map((line) => line.map((c) => c?.value ?? null)),
  );
}
