import type { IndicatorTable, PriceBasis, SheetLayout, TableColumn, TableRow } from '../layout';
import { parsePeriod } from '../layout';

/**
 * Tables stacked in one sheet that describe one indicator over the same regions (levels at
 * current and at constant prices, growth rates, shares, price indices): a statistician
 * quotes one line per region from them, the level at current prices with the growth as
 * published (at comparable prices where there is one), not seven rankings.
 */
export interface StackedChoice {
  /** the tables summarized; the others are read into one of these or are a regrouping of its regions */
  keep: Set<IndicatorTable>;
  /** for a table of levels: the table of published growth stacked with it */
  growthFrom: Map<IndicatorTable, IndicatorTable>;
}

function indicatorOf(t: IndicatorTable): string | null {
  const names = new Set(t.columns.map((c) => c.indicator.name));
  return names.size === 1 ? [...names][0] : null;
}

const peers = (t: IndicatorTable): TableRow[] => t.rows.filter((r) => r.role === 'peer');
const totalKey = (t: IndicatorTable): string | null => t.rows.find((r) => r.role === 'total')?.key ?? null;
const has = (t: IndicatorTable, m: TableColumn['measure']): boolean => t.columns.some((c) => c.measure === m);

function basisOf(t: IndicatorTable, m: TableColumn['measure']): PriceBasis | null {
  return t.columns.find((c) => c.measure === m)?.indicator.priceBasis ?? t.priceBasis;
}

const LEVEL_ORDER: (PriceBasis | null)[] = ['current', null, 'comparable'];
const GROWTH_ORDER: (PriceBasis | null)[] = ['comparable', null, 'current'];

function best(list: IndicatorTable[], m: TableColumn['measure'], order: (PriceBasis | null)[]): IndicatorTable | null {
  return [...list].sort((a, b) => order.indexOf(basisOf(a, m)) - order.indexOf(basisOf(b, m)))[0] ?? null;
}

/** The figure of a cell, or null. */
export type FigureOf = (row: number, col: number) => number | null;

/** The peers of a table add up to its total in its latest value column (within 0.5%). */
function partitionsTotal(t: IndicatorTable, figure: FigureOf): boolean {
  const total = t.rows.find((r) => r.role === 'total');
  const values = t.columns.filter((c) => c.measure === 'value');
  const col = values[values.length - 1];
  if (!total || !col) return false;
  const whole = figure(total.row, col.col);
  if (whole === null || whole === 0) return false;
  let sum = 0;
  for (const r of peers(t)) sum += figure(r.row, col.col) ?? 0;
  return Math.abs(sum - whole) <= Math.abs(whole) * 0.005;
}

export function chooseStacked(tables: IndicatorTable[], figure: FigureOf = () => null): StackedChoice {
  const keep = new Set(tables);
  const growthFrom = new Map<IndicatorTable, IndicatorTable>();
  const groups = new Map<string, IndicatorTable[]>();
  for (const t of tables) {
    const name = indicatorOf(t);
    if (t.shape === 'items' || !name || !peers(t).length) continue;
    const key = `${name}\n${peers(t).map((r) => r.key).sort().join('|')}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const levels = group.filter((t) => has(t, 'value'));
    const growths = group.filter((t) => has(t, 'growth') && !has(t, 'value'));
    const base = best(levels, 'value', LEVEL_ORDER) ?? best(growths, 'growth', GROWTH_ORDER);
    if (!base) continue;
    for (const t of group) if (t !== base) keep.delete(t);
    const growth = levels.includes(base) ? best(growths, 'growth', GROWTH_ORDER) : null;
    if (growth) growthFrom.set(base, growth);
  }
  // The same indicator and the same total over other, fewer rows that add up to it as the regions
  // do (Luzon, Visayas, Mindanao under the regions): a regrouping of the same whole, whose rows are
  // groups, not peers of anyone. Fewer rows that do not add up (development zones) stay.
  const kept = [...keep];
  for (const t of kept) {
    const name = indicatorOf(t);
    const total = totalKey(t);
    if (!name || !total || !partitionsTotal(t, figure)) continue;
    const mine = new Set(peers(t).map((r) => r.key));
    const larger = kept.find(
      (o) =>
        o !== t &&
        keep.has(o) &&
        indicatorOf(o) === name &&
        totalKey(o) === total &&
        peers(o).length > mine.size &&
        !peers(o).some((r) => mine.has(r.key)) &&
        partitionsTotal(o, figure),
    );
    if (larger) keep.delete(t);
  }
  return { keep, growthFrom };
}

/** The growth column of the stacked growth table for the period of the level, and its rows by region key. */
export function stackedGrowth(growthTable: IndicatorTable, period: string | null): { column: TableColumn; rows: Map<string, number> } | null {
  const column = growthTable.columns.find((c) => c.measure === 'growth' && c.period === period);
  if (!column) return null;
  return { column, rows: new Map(growthTable.rows.map((r) => [r.key, r.row])) };
}

function years(t: IndicatorTable): number[] {
  return t.columns.map((c) => (c.period ? parsePeriod(c.period)?.year : null)).filter((y): y is number => typeof y === 'number');
}

/**
 * Time series of one indicator and one total split over sheets by period (1990-1997,
 * 1998-2007, 2008-2023): the later sheet continues the series, and the summary ranks its
 * latest period only; the earlier sheets are history, not indicators of their own.
 */
export function continuedLater(layouts: SheetLayout[]): Set<IndicatorTable> {
  const series = layouts.flatMap((l) => l.tables).filter((t) => t.shape === 'time-series' && indicatorOf(t) !== null && totalKey(t) !== null && years(t).length);
  const out = new Set<IndicatorTable>();
  for (const t of series) {
    const last = Math.max(...years(t));
    if (series.some((o) => o !== t && indicatorOf(o) === indicatorOf(t) && totalKey(o) === totalKey(t) && Math.min(...years(o)) > last)) out.add(t);
  }
  return out;
}
