import type { GrowthOutcome } from '../compute';
import { growth as growthOf, pointsDiff, rank, roundHalfUp, share as shareOf } from '../compute';
import type { Figure, NumberFigure } from '../figures';
import { readFigure, shownValue } from '../figures';
import type { Grid } from '../grid';
import { cellAt } from '../grid';
import type { IndicatorTable, SheetLayout, TableColumn, TableRow } from '../layout';
import { growthPriceBasis, likePeriods, parsePeriod, SheetCells } from '../layout';
import { chooseStacked, continuedLater, stackedGrowth } from './stacked';
import type { FigureSource, RankBy, SummarizeOptions, SummaryResult, SummaryRow, SummaryTable } from './Summary.types';

interface IndicatorColumns {
  name: string;
  value: TableColumn | null;
  prior: TableColumn | null;
  growth: TableColumn | null;
  index: TableColumn | null;
  rank: TableColumn | null;
  increment: TableColumn | null;
  unit: string | null;
  period: string | null;
  /** the growth column is in a table stacked with this one: its row for each region key */
  growthRows?: Map<string, number>;
}

/** Sort key of a period label: later periods sort higher. */
function periodKey(label: string | null): number {
  if (!label) return -1;
  const p = parsePeriod(label);
  if (!p) return -1;
  return (p.year ?? 0) * 100 + (p.endMonth ?? 12);
}

function latest(cols: TableColumn[]): TableColumn | null {
  if (!cols.length) return null;
  let best = cols[0];
  for (const c of cols) if (periodKey(c.period) >= periodKey(best.period)) best = c;
  return best;
}

function samePeriod(cols: TableColumn[], period: string | null): TableColumn | null {
  if (!cols.length) return null;
  return cols.find((c) => c.period === period) ?? latest(cols);
}

/** Group a table's columns by indicator and pick, for each, the columns the summary needs. */
export function indicatorColumns(table: IndicatorTable): IndicatorColumns[] {
  const groups = new Map<string, TableColumn[]>();
  for (const c of table.columns) {
    const list = groups.get(c.indicator.name) ?? [];
    list.push(c);
    groups.set(c.indicator.name, list);
  }
  const out: IndicatorColumns[] = [];
  for (const [name, cols] of groups) {
    const of = (m: TableColumn['measure']): TableColumn[] => cols.filter((c) => c.measure === m);
    const values = of('value');
    const value = latest(values);
    const period = value?.period ?? latest(cols)?.period ?? table.period;
    let prior = samePeriod(of('prior'), period);
    if (!prior && value && values.length > 1) {
      // Growth from two columns compares like periods only (9 months with 9 months a year before, a year with
      // the year before), in the same unit: never a year with 9 months of it, nor tenge with roubles.
      const earlier = values.filter((c) => c !== value && !c.otherUnit && !value.otherUnit && likePeriods(value.period, c.period));
      prior = earlier.length ? earlier.reduce((a, b) => (periodKey(b.period) > periodKey(a.period) ? b : a)) : null;
    }
    const growth = samePeriod(of('growth'), period);
    const index = samePeriod(of('index'), period);
    const rankCol = samePeriod(of('rank'), period);
    const increment = samePeriod(of('increment'), period);
    if (!value && !growth && !index && !rankCol) continue;
    out.push({ name, value, prior, growth, index, rank: rankCol, increment, unit: value?.unit ?? null, period: period ?? null });
  }
  return out;
}

/** Figures of a sheet: read from its grid, or taken from SheetCells that read every cell once already. */
type Figures = Grid | SheetCells;

function figureAt(source: Figures, row: number, col: TableColumn | null): Figure {
  if (!col) return { kind: 'empty' };
  if (source instanceof SheetCells) return source.figure(row, col.col);
  return readFigure(cellAt(source, row, col.col));
}

function num(f: Figure): NumberFigure | null {
  return f.kind === 'number' ? f : null;
}

interface Measured {
  row: TableRow;
  value: number | null;
  valueShown: number | null;
  growth: number | null;
  growthShown: number | null;
  growthSource: SummaryRow['growthSource'];
  outcome: GrowthOutcome | null;
  increment: number | null;
  publishedRank: number | null;
  /** decimals the growth is shown with */
  growthDecimals: number;
  why: string | null;
  source: SummaryRow['source'];
}

/**
 * Where a figure came from: one shared, frozen object per column and kind of figure (a big
 * table has 171,000 rows and three sources each; they are the same few dozen objects).
 */
const SOURCES = new Map<string, FigureSource>();

function sourceOf(f: NumberFigure | null, col: TableColumn | null): FigureSource | null {
  if (!f || !col) return null;
  const key = `${col.col}|${f.decimals}|${f.fromText ? 1 : 0}|${f.percent ? 1 : 0}`;
  let s = SOURCES.get(key);
  if (s === undefined) {
    if (SOURCES.size >= 4096) SOURCES.clear();
    s = Object.freeze({ col: col.col, decimals: f.decimals, fromText: f.fromText, percent: f.percent });
    SOURCES.set(key, s);
  }
  return s;
}

function measure(grid: Figures, row: TableRow, ic: IndicatorColumns, growthDecimals: number): Measured {
  const v = num(figureAt(grid, row.row, ic.value));
  const p = num(figureAt(grid, row.row, ic.prior));
  const growthRow = ic.growthRows ? (ic.growthRows.get(row.key) ?? null) : row.row;
  const g = growthRow === null ? null : num(figureAt(grid, growthRow, ic.growth));
  const ix = num(figureAt(grid, row.row, ic.index));
  const inc = num(figureAt(grid, row.row, ic.increment));
  const rk = num(figureAt(grid, row.row, ic.rank));
  let growth: number | null = null;
  let growthShown: number | null = null;
  let growthSource: SummaryRow['growthSource'] = null;
  let outcome: GrowthOutcome | null = null;
  let why: string | null = null;
  if (g) {
    growth = g.value;
    growthShown = g.decimals === null ? roundHalfUp(g.value, growthDecimals) : shownValue(g);
    growthSource = 'published';
  } else if (ix) {
    growth = ix.value - 100;
    growthShown = roundHalfUp(shownValue(ix) - 100, ix.decimals ?? growthDecimals);
    growthSource = 'index';
  } else if (v && p) {
    const r = growthOf(v.value, p.value);
    if (r.kind === 'rate') {
      growth = r.value;
      growthShown = roundHalfUp(r.value, growthDecimals);
      growthSource = 'computed';
    } else if (r.kind === 'outcome') {
      outcome = r.outcome;
      why = `outcome:${r.outcome}`;
    } else why = r.reason === 'zero-base' ? 'zero base / 基数为零' : 'no figure / 无数据';
  }
  const increment = inc ? inc.value : v && p ? v.value - p.value : null;
  return {
    row,
    value: v ? v.value : null,
    valueShown: v ? shownValue(v) : null,
    growth,
    growthShown,
    growthSource,
    outcome,
    increment,
    publishedRank: rk && Number.isInteger(rk.value) ? rk.value : null,
    growthDecimals: g && g.decimals !== null ? g.decimals : ix && ix.decimals !== null ? ix.decimals : growthDecimals,
    why,
    source: {
      value: sourceOf(v, ic.value),
      prior: sourceOf(p, ic.prior),
      // growth from a stacked table is on another row than the region's: no formula refers to it
      growth: growthSource === 'published' && !ic.growthRows ? sourceOf(g, ic.growth) : growthSource === 'index' ? sourceOf(ix, ic.index) : null,
    },
  };
}

/** Why a row the reader set apart takes no rank ("en / 中文", like the other reasons of `unranked`). */
export const APART_WHY: Record<NonNullable<TableRow['apart']>, string> = {
  zone: 'a development zone, not a peer of the counties / 开发区不参与县市区排名',
  districts: 'stands for several districts / 市辖区不参与县市区排名',
  user: 'taken out of the ranking by the user / 已设为不参与排名',
};

/** The summary of one indicator of one table: values, growth, ranks among the peers, points against the total, shares. */
function summarizeIndicator(grid: Figures, table: IndicatorTable, ic: IndicatorColumns, options: Required<SummarizeOptions>): SummaryTable {
  const hasGrowth = !!(ic.growth || ic.index || (ic.value && ic.prior));
  const growthBasis = hasGrowth ? growthPriceBasis(table, ic.growth ?? ic.index, ic.value, ic.prior) : null;
  let rankBy: RankBy = options.rankBy;
  if (rankBy === 'growth' && !hasGrowth) rankBy = 'value';
  if (rankBy === 'increment' && !(ic.increment || (ic.value && ic.prior))) rankBy = ic.value ? 'value' : 'growth';
  if (rankBy === 'value' && !ic.value) rankBy = 'growth';
  const totalRow = table.rows.find((r) => r.role === 'total') ?? null;
  const peers = table.rows.filter((r) => r.role === 'peer');
  const measured = peers.map((r) => measure(grid, r, ic, options.growthDecimals));
  // A development zone or 市辖区 keeps its figures but takes no rank among the 县市区, unless the user says so
  // or the sheet itself gives it a published rank (the publisher ranked it among the peers).
  const apartWhy = (m: Measured): string | null => {
    const apart = m.row.apart;
    if (!apart) return null;
    if (apart !== 'user' && (options.zonesAsPeers || m.publishedRank !== null)) return null;
    return APART_WHY[apart];
  };
  const aside = measured.map(apartWhy);
  const total = totalRow ? measure(grid, totalRow, ic, options.growthDecimals) : null;
  const keyOf = (m: Measured): number | null =>
    rankBy === 'growth' ? m.growthShown : rankBy === 'value' ? m.valueShown : m.increment === null ? null : roundHalfUp(m.increment, 10);
  const ranked = rank(
    measured.map((m, i) => ({ id: String(m.row.row), value: aside[i] === null ? keyOf(m) : null })),
    { order: options.ascending ? 'asc' : 'desc', ties: options.ties },
  );
  const additive = !!ic.value?.indicator.additive;
  const toRow = (m: Measured, e: { rank: number | null; tied: boolean; fromBottom: number | null } | null): SummaryRow => {
    const points =
      e && m.growthShown !== null && total?.growthShown != null
        ? pointsDiff(m.growthShown, total.growthShown, m.growthDecimals)
        : null;
    const shr = additive && m.value !== null && total?.value != null ? shareOf(m.value, total.value) : null;
    return {
      region: m.row.name,
      key: m.row.key,
      row: m.row.row + 1,
      value: m.value,
      valueShown: m.valueShown,
      growth: m.growth,
      growthShown: m.growthShown,
      growthSource: m.growthSource,
      outcome: m.outcome,
      rank: e ? e.rank : null,
      tied: e ? e.tied : false,
      fromBottom: e ? e.fromBottom : null,
      publishedRank: m.publishedRank,
      pointsVsTotal: points,
      share: shr,
      source: m.source,
      growthDecimals: m.growthDecimals,
    };
  };
  const rows: SummaryRow[] = measured.map((m, i) => {
    const row = toRow(m, ranked.entries[i]);
    if (aside[i] !== null) row.apart = true;
    return row;
  });
  const unranked = measured
    .map((m, i) => ({ m, i }))
    .filter(({ i }) => ranked.entries[i].rank === null)
    .map(({ m, i }) => {
      const why = aside[i];
      return why === null ? { region: m.row.name, row: m.row.row + 1, why: m.why ?? 'no figure / 无数据' } : { region: m.row.name, row: m.row.row + 1, why, apart: true as const };
    });
  const rankMismatches = rows
    .filter((r) => r.publishedRank !== null && r.publishedRank !== r.rank)
    .map((r) => ({ region: r.region, row: r.row, published: r.publishedRank as number, computed: r.rank }));
  return {
    sheet: table.sheet,
    range: table.range,
    indicator: ic.name,
    period: ic.period ?? table.period,
    unit: ic.unit ?? table.unit,
    rankBy,
    ties: options.ties,
    ascending: options.ascending,
    peers: ranked.peers,
    total: totalRow && total ? { name: totalRow.name, row: totalRow.row + 1, value: total.value, growth: total.growthShown } : null,
    totalRow: total ? toRow(total, null) : null,
    additive,
    comparable: hasGrowth && growthBasis === 'comparable',
    growthFrom: hasGrowth ? (ic.growth || ic.index ? 'published' : 'computed') : null,
    growthBasis,
    sourceNotes: [...new Set([ic.value, ic.prior, ic.growth, ic.index].flatMap((c) => (c?.notes ?? []).map((n) => n.note)).filter((n): n is string => !!n))],
    rows,
    unranked,
    rankMismatches,
  };
}

/**
 * Summaries of every regional table: for each indicator, the current value, growth
 * (published, from an index, or computed from two values), rank among the peers
 * on the displayed precision, the published rank beside it, points against the
 * total's growth and the share of the total.
 * Pass each sheet's SheetCells (from the layout step or prepareSheets) instead of
 * its grid to reuse the figures already read; the result is the same.
 */
export function summarize(layouts: SheetLayout[], grids: (Grid | SheetCells)[], options: SummarizeOptions = {}): SummaryResult {
  return { tables: [...summarizeTables(layouts, grids, options)] };
}

/**
 * The same tables one at a time, each computed when it is asked for: a caller that writes
 * each table out and lets it go (the command line's `summarize --json`) never holds them all
 * (2,850 regions x 60 indicators are 50 MB of rows).
 */
export function* summarizeTables(layouts: SheetLayout[], grids: (Grid | SheetCells)[], options: SummarizeOptions = {}): Generator<SummaryTable> {
  const opts: Required<SummarizeOptions> = {
    rankBy: options.rankBy ?? 'growth',
    ties: options.ties ?? 'competition',
    ascending: options.ascending ?? false,
    growthDecimals: options.growthDecimals ?? 1,
    zonesAsPeers: options.zonesAsPeers ?? false,
  };
  const byName = new Map<string, Figures>(grids.map((g) => [g instanceof SheetCells ? g.grid.name : g.name, g]));
  const history = continuedLater(layouts);
  for (const layout of layouts) {
    const grid = byName.get(layout.sheet);
    if (!grid) continue;
    const stacked = chooseStacked(layout.tables, (row, col) => {
      const f = grid instanceof SheetCells ? grid.figure(row, col) : readFigure(cellAt(grid, row, col));
      return f.kind === 'number' ? f.value : null;
    });
    for (const table of layout.tables) {
      if (table.shape === 'items') continue;
      if (!table.rows.some((r) => r.role === 'peer')) continue;
      if (!stacked.keep.has(table) || history.has(table)) continue;
      const growthTable = stacked.growthFrom.get(table);
      for (const ic of indicatorColumns(table)) {
        const g = growthTable && !ic.growth && !ic.index ? stackedGrowth(growthTable, ic.period) : null;
        yield summarizeIndicator(grid, table, g ? { ...ic, growth: g.column, growthRows: g.rows } : ic, opts);
      }
    }
  }
}
