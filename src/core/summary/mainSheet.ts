import type { Lang } from '../i18n';
import type { SummaryRow } from '../summarize';
import { OUTCOME_LABELS, progressGap, roundHalfUp, targetProgress } from '../compute';
import type { HighlightKind, PlanCell, SheetPlan, SheetRole } from './Plan.types';
import { SheetBuilder, rect } from './SheetBuilder';
import { a1, bottomTest, columnRange, numberRef, rankFormula, rounded } from './formula';
import type { Indicator, Region } from './model';
import { fitColumns, fitRows } from './measure';
import { FONT, HIGHLIGHT_STYLE, NUMBER_FORMAT, STYLE, printSettings } from './styles';
import { tx } from './text';

export type Column = 'value' | 'growth' | 'rank' | 'change' | 'points' | 'share' | 'target' | 'completion' | 'behind';

export interface MainOptions {
  lang: Lang;
  top: number;
  points: boolean;
  share: boolean;
  highlights: Record<HighlightKind, boolean>;
  /** 序时进度 in percent, when targets are given */
  timeProgress: number | null;
  /** give cells their formulas (the plan's mode is 'formulas'); values mode skips building them */
  formulas: boolean;
}

/** Where each indicator's columns went: the ranks and growth sheets refer to them. */
export interface PlacedIndicator {
  indicator: Indicator;
  sheet: string;
  /** 0-based column of each of its columns */
  cols: Partial<Record<Column, number>>;
  /** 0-based row of each region on that sheet (by region key), and of the total (null when the sheet has none) */
  rows: Map<string, number>;
  totalRow: number | null;
}

/** Layout facts of a summary body. */
export interface Body {
  /** 0-based row of the total (the regions follow it), or null when the sheet has no total */
  totalRow: number | null;
  /** the first and last rows of the regions */
  firstRow: number;
  lastRow: number;
  regions: Region[];
}

/** The least width of each kind of column; the content widens them (see measure.ts). */
export const HEAD_TOP = 3;
export const BODY_TOP = 5;

/** The columns one indicator takes. */
export function columnsOf(ind: Indicator, o: MainOptions): Column[] {
  const t = ind.table;
  const hasValue = t.rows.some((r) => r.value !== null) || t.totalRow?.value != null;
  const hasGrowth = t.rows.some((r) => r.growthShown !== null || r.outcome !== null);
  const cols: Column[] = [];
  if (hasValue) cols.push('value');
  if (hasGrowth) cols.push('growth');
  cols.push('rank');
  if (ind.previousRanks) cols.push('change');
  if (o.points && hasGrowth && t.totalRow?.growthShown != null) cols.push('points');
  if (o.share && hasValue && t.additive && t.totalRow?.value != null) cols.push('share');
  if (ind.targets && hasValue) cols.push('target', 'completion', 'behind');
  return cols;
}

const WIDTH: Record<Column, number> = { value: 8, growth: 6, rank: 5, change: 5, points: 6, share: 6, target: 8, completion: 6, behind: 6 };

function headerText(col: Column, ind: Indicator, totalName: string, lang: Lang): string {
  switch (col) {
    case 'value':
      return tx(lang, 'head.value') + (ind.table.unit ? tx(lang, 'head.unit', { unit: ind.table.unit }) : '');
    case 'growth':
      return tx(lang, 'head.growth');
    case 'rank':
      return ind.table.rankBy === 'value' ? tx(lang, 'head.rank.value') : ind.table.rankBy === 'increment' ? tx(lang, 'head.rank.increment') : tx(lang, 'head.rank');
    case 'change':
      return tx(lang, 'head.change');
    case 'points':
      return tx(lang, 'head.points', { total: totalName });
    case 'share':
      return tx(lang, 'head.share', { total: totalName });
    case 'target':
      return tx(lang, 'head.target') + (ind.table.unit ? tx(lang, 'head.unit', { unit: ind.table.unit }) : '');
    case 'completion':
      return tx(lang, 'head.completion');
    case 'behind':
      return tx(lang, 'head.behind');
  }
}

/** The growth cell: the engine's shown growth, or the outcome's words; the formula that gives it from the source. */
function growthCell(r: SummaryRow, sheet: string, lang: Lang, withFormula: boolean): PlanCell | null {
  if (r.growthShown === null) return r.outcome ? { value: OUTCOME_LABELS[r.outcome][lang] } : null;
  if (!withFormula) return { value: r.growthShown };
  const d = r.growthDecimals;
  const row = r.row - 1;
  const s = r.source;
  let formula: string | undefined;
  if (r.growthSource === 'published' && s.growth) {
    formula = `=ROUND(${numberRef(sheet, row, s.growth.col, s.growth.fromText, s.growth.percent)},${s.growth.decimals ?? d})`;
  } else if (r.growthSource === 'index' && s.growth) {
    const ix = rounded(numberRef(sheet, row, s.growth.col, s.growth.fromText, s.growth.percent), s.growth.decimals);
    formula = `=ROUND(${ix}-100,${s.growth.decimals ?? d})`;
  } else if (r.growthSource === 'computed' && s.value && s.prior) {
    const v = numberRef(sheet, row, s.value.col, s.value.fromText, s.value.percent);
    const p = numberRef(sheet, row, s.prior.col, s.prior.fromText, s.prior.percent);
    formula = `=ROUND((${v}-${p})/${p}*100,${d})`;
  }
  return { value: r.growthShown, formula };
}

function valueCell(r: SummaryRow, sheet: string, withFormula: boolean): PlanCell | null {
  if (r.valueShown === null) return null;
  const s = withFormula ? r.source.value : null;
  const formula = s ? `=${rounded(numberRef(sheet, r.row - 1, s.col, s.fromText, s.percent), s.decimals)}` : undefined;
  return { value: r.valueShown, formula };
}

function mode<T>(items: T[], fallback: T): T {
  const counts = new Map<T, number>();
  let best = fallback;
  let bestN = 0;
  for (const x of items) {
    const n = (counts.get(x) ?? 0) + 1;
    counts.set(x, n);
    if (n > bestN) {
      best = x;
      bestN = n;
    }
  }
  return best;
}

/** Cells the count columns add up, per region row: the terms of the formulas and the engine's counts. */
export interface CountTerms {
  top: string[];
  bottom: string[];
  below: string[];
}

/**
 * The most tied rank cells a sheet marks in their own number formats; a sheet with more
 * (a table of hundreds of regions, not one for print) marks them with a rule, so that the
 * writers' formatting calls do not grow with the rows.
 */
export const TIE_CELLS_MAX = 150;

/** The regions (of `keys`) whose rank another of them shares. */
export function tiedKeys(ind: Indicator, keys: string[]): string[] {
  const byRank = new Map<number, string[]>();
  for (const k of keys) {
    const rank = ind.byKey.get(k)?.rank;
    if (rank == null) continue;
    const same = byRank.get(rank);
    if (same) same.push(k);
    else byRank.set(rank, [k]);
  }
  return keys.filter((k) => (byRank.get(ind.byKey.get(k)?.rank ?? NaN)?.length ?? 0) > 1);
}

/**
 * Whether ties are marked in the cells' number formats: in values mode (the ties are known
 * when the sheet is written), up to TIE_CELLS_MAX cells; with formulas a rule marks them.
 */
export function tieMarksInCells(on: boolean, formulas: boolean, tied: string[][]): boolean {
  return on && !formulas && tied.reduce((n, t) => n + t.length, 0) <= TIE_CELLS_MAX;
}

/**
 * The lines a summary sheet of these indicators shows: the total when one of them has
 * one, and the regions that have a figure in one of them (a development zone that only
 * one table lists gets no empty line on the other sheets).
 */
export function regionsWithFigures(regions: Region[], indicators: Indicator[]): Region[] {
  const has = (r: SummaryRow | undefined) => !!r && (r.valueShown !== null || r.growthShown !== null || r.outcome !== null || r.rank !== null);
  return regions.filter((region) => indicators.some((ind) => has(ind.byKey.get(region.key))));
}

/**
 * 主要指标汇总表: the regions down, the total first; for each indicator its value,
 * growth, rank (and gap, share, rank change, target columns when asked); then how
 * many of this sheet's indicators each region has in the top k, the bottom k and
 * below the total's growth.
 */
export function buildMainSheet(
  name: string,
  role: SheetRole,
  title: string,
  period: string | null,
  indicators: Indicator[],
  regions: Region[],
  o: MainOptions,
): { plan: SheetPlan; placed: PlacedIndicator[]; body: Body; marks: ReadonlySet<HighlightKind> } {
  const b = new SheetBuilder(name, role);
  const lang = o.lang;
  const totalName = regions.find((r) => r.total)?.name ?? '';
  const totalRow = regions[0]?.total ? BODY_TOP : null;
  const firstRow = totalRow === null ? BODY_TOP : BODY_TOP + 1;
  const lastRow = BODY_TOP + regions.length - 1;
  const rowOf = new Map(regions.map((r, i) => [r.key, BODY_TOP + i]));
  const placed: PlacedIndicator[] = [];
  const widths: number[] = [6];
  const peerKeys = regions.filter((r) => !r.total).map((r) => r.key);
  const tied = indicators.map((ind) => tiedKeys(ind, peerKeys));
  const tiesInCells = tieMarksInCells(o.highlights.tie, o.formulas, tied);
  let col = 1;
  const counts = { top: new Map<string, number>(), bottom: new Map<string, number>(), below: new Map<string, number>() };
  let hasBelow = false;
  const terms = new Map<string, CountTerms>(regions.map((r) => [r.key, { top: [], bottom: [], below: [] }]));
  const k = o.top;
  const F = o.formulas;
  const ranked = new Set<string>();

  // headers: 地区 over two rows, each indicator over its columns
  b.set(HEAD_TOP, 0, tx(lang, 'head.region'));
  b.merge(rect(HEAD_TOP, 0, HEAD_TOP + 1, 0));
  indicators.forEach((ind, index) => {
    const t = ind.table;
    const cols = columnsOf(ind, o);
    const at: Partial<Record<Column, number>> = {};
    cols.forEach((c, i) => (at[c] = col + i));
    placed.push({ indicator: ind, sheet: name, cols: at, rows: rowOf, totalRow });
    const right = col + cols.length - 1;
    b.set(HEAD_TOP, col, {
      value: ind.name + (ind.ownPeriod ? tx(lang, 'head.period', { period: ind.ownPeriod }) : ''),
      link: { sheet: t.sheet, cell: t.range.split(':')[0] },
    });
    b.merge(rect(HEAD_TOP, col, HEAD_TOP, right));
    cols.forEach((c, i) => {
      b.set(HEAD_TOP + 1, col + i, headerText(c, ind, totalName, lang));
      widths.push(WIDTH[c]);
    });

    const gCol = at.growth;
    const rCol = at.rank as number;
    const vCol = at.value;
    const rankedCol = t.rankBy === 'growth' ? gCol : t.rankBy === 'value' ? vCol : undefined;
    const rankRange = columnRange(rCol, firstRow, lastRow);
    // Regions set apart (a zone, 市辖区) come last: the rank formulas cover the rows above them. Where one is
    // set apart in this indicator but ranked in another and sits among the ranked rows, the ranks are values.
    let lastRanked = firstRow - 1;
    for (const region of regions) if (!region.total && ind.byKey.get(region.key) && !ind.byKey.get(region.key)?.apart) lastRanked = Math.max(lastRanked, rowOf.get(region.key) as number);
    const rankFormulas = F && !regions.some((region) => ind.byKey.get(region.key)?.apart && (rowOf.get(region.key) as number) <= lastRanked);
    for (const region of regions) {
      const r = ind.byKey.get(region.key);
      if (!r) continue;
      const row = rowOf.get(region.key) as number;
      if (vCol !== undefined) b.set(row, vCol, valueCell(r, t.sheet, F));
      if (gCol !== undefined) b.set(row, gCol, growthCell(r, t.sheet, lang, F));
      if (r.apart && !region.total) {
        b.set(row, rCol, { value: '—' });
      } else if (!region.total) {
        ranked.add(region.key);
        const formula = rankFormulas && rankedCol !== undefined ? rankFormula(row, rankedCol, firstRow, Math.max(firstRow, lastRanked), t.ties, t.ascending) : undefined;
        const rankCell: PlanCell = { value: r.rank ?? '', formula };
        if (r.publishedRank !== null && r.publishedRank !== r.rank) rankCell.note = tx(lang, 'note.rank-differs', { published: r.publishedRank });
        b.set(row, rCol, rankCell);
        const rc = a1(row, rCol);
        const tm = terms.get(region.key) as CountTerms;
        if (F) {
          tm.top.push(`IF(ISNUMBER(${rc}),--(${rc}<=${k}),0)`);
          tm.bottom.push(`IF(ISNUMBER(${rc}),--(${bottomTest(rc, rankRange, k, t.ties)}),0)`);
        }
        if (r.rank !== null && r.rank <= k) counts.top.set(region.key, (counts.top.get(region.key) ?? 0) + 1);
        if (r.fromBottom !== null && r.fromBottom <= k) counts.bottom.set(region.key, (counts.bottom.get(region.key) ?? 0) + 1);
        const tg = t.totalRow?.growthShown ?? null;
        if (gCol !== undefined && tg !== null) {
          hasBelow = true;
          const gt = a1(totalRow as number, gCol, true);
          if (F) tm.below.push(`IF(AND(ISNUMBER(${a1(row, gCol)}),ISNUMBER(${gt})),--(${a1(row, gCol)}<${gt}),0)`);
          if (r.growthShown !== null && r.growthShown < tg) counts.below.set(region.key, (counts.below.get(region.key) ?? 0) + 1);
        }
        if (at.change !== undefined) {
          const prev = ind.previousRanks?.get(region.key);
          if (prev !== undefined && r.rank !== null) b.set(row, at.change, { value: prev - r.rank, formula: F ? `=IF(ISNUMBER(${rc}),${prev}-${rc},"")` : undefined });
        }
        if (at.points !== undefined && r.pointsVsTotal !== null && gCol !== undefined) {
          b.set(row, at.points, { value: r.pointsVsTotal, formula: F ? `=ROUND(${a1(row, gCol)}-${a1(totalRow as number, gCol, true)},${r.growthDecimals})` : undefined });
        }
      }
      if (at.share !== undefined && r.share !== null && r.source.value && t.totalRow?.source.value) {
        const sv = r.source.value;
        const st = t.totalRow.source.value;
        b.set(row, at.share, {
          value: r.share,
          formula: F ? `=${numberRef(t.sheet, r.row - 1, sv.col, sv.fromText, sv.percent)}/${numberRef(t.sheet, t.totalRow.row - 1, st.col, st.fromText, st.percent)}*100` : undefined,
        });
      }
      if (at.target !== undefined) {
        const target = ind.targets?.get(region.key);
        if (target !== undefined) {
          b.set(row, at.target, target);
          const done = targetProgress(r.value, target);
          if (done !== null && r.source.value && at.completion !== undefined && at.behind !== undefined) {
            const sv = r.source.value;
            const v = numberRef(t.sheet, r.row - 1, sv.col, sv.fromText, sv.percent);
            const shown = roundHalfUp(done, 1);
            b.set(row, at.completion, { value: shown, formula: F ? `=ROUND(${v}/${a1(row, at.target)}*100,1)` : undefined });
            const gap = o.timeProgress === null ? null : progressGap(shown, o.timeProgress, 1);
            if (gap) b.set(row, at.behind, { value: gap.points, formula: F ? `=ROUND(${a1(row, at.completion)}-${roundHalfUp(o.timeProgress as number, 1)},1)` : undefined });
          }
        }
      }
    }

    // number formats per column, on the whole body
    const body = (c: number) => rect(BODY_TOP, c, lastRow, c);
    if (vCol !== undefined) {
      const decimals = mode(t.rows.map((r) => r.source.value?.decimals ?? null), null);
      b.format(body(vCol), { numberFormat: NUMBER_FORMAT.fixed(decimals) });
    }
    const gd = mode(t.rows.map((r) => r.growthDecimals), 1);
    // negative growth in red through the number format: every program shows it, whatever rule also matches
    const red = o.highlights.negative;
    if (gCol !== undefined) b.format(body(gCol), { numberFormat: red ? NUMBER_FORMAT.growthRed(gd) : NUMBER_FORMAT.growth(gd) });
    if (gCol !== undefined && red) b.marks.add('negative');
    b.format(body(rCol), { numberFormat: NUMBER_FORMAT.rank, hAlign: 'center' });
    if (at.change !== undefined) b.format(body(at.change), { numberFormat: NUMBER_FORMAT.change, hAlign: 'center' });
    if (at.points !== undefined) b.format(body(at.points), { numberFormat: NUMBER_FORMAT.growth(gd) });
    if (at.share !== undefined) b.format(body(at.share), { numberFormat: NUMBER_FORMAT.growth(1) });
    if (at.target !== undefined) b.format(body(at.target), { numberFormat: NUMBER_FORMAT.fixed(mode(t.rows.map((r) => r.source.value?.decimals ?? null), null)) });
    if (at.completion !== undefined) b.format(body(at.completion), { numberFormat: NUMBER_FORMAT.growth(1) });
    if (at.behind !== undefined) b.format(body(at.behind), { numberFormat: NUMBER_FORMAT.growth(1) });

    // highlights: on the rank, and the growth beside it
    const R = a1(firstRow, rCol, false, true);
    const rankAbsRange = `${a1(firstRow, rCol, true, true)}:${a1(lastRow, rCol, true, true)}`;
    const groupLeft = gCol ?? rCol;
    const group = rect(firstRow, Math.min(groupLeft, rCol), lastRow, rCol);
    if (o.highlights.top) b.highlight({ kind: 'top', range: group, formula: `=AND(ISNUMBER(${R}),${R}<=${k})`, style: HIGHLIGHT_STYLE.top });
    if (o.highlights.bottom)
      b.highlight({ kind: 'bottom', range: group, formula: `=AND(ISNUMBER(${R}),${bottomTest(R, rankAbsRange, k, t.ties)})`, style: HIGHLIGHT_STYLE.bottom });
    if (tiesInCells) {
      // the tied cells carry the mark in their own number format: LibreOffice shows only the
      // first matching conditional format, so a rule would lose it under top or bottom
      for (const key of tied[index]) b.format(rect(rowOf.get(key) as number, rCol, rowOf.get(key) as number, rCol), { numberFormat: tx(lang, 'tie.format') });
      b.marks.add('tie');
    } else if (o.highlights.tie) {
      const rc = a1(firstRow, rCol);
      b.highlight({ kind: 'tie', range: rect(firstRow, rCol, lastRow, rCol), formula: `=AND(ISNUMBER(${rc}),COUNTIF(${rankRange},${rc})>1)`, style: { numberFormat: tx(lang, 'tie.format') } });
    }
    if (gCol !== undefined && o.highlights['below-total'] && t.totalRow?.growthShown != null && totalRow !== null) {
      const g = a1(firstRow, gCol);
      const gt = a1(totalRow, gCol, true);
      b.highlight({ kind: 'below-total', range: rect(firstRow, gCol, lastRow, gCol), formula: `=AND(ISNUMBER(${g}),ISNUMBER(${gt}),${g}<${gt})`, style: HIGHLIGHT_STYLE['below-total'] });
    }
    if (at.behind !== undefined && o.highlights['behind-progress']) {
      const x = a1(BODY_TOP, at.behind, false, true);
      b.highlight({ kind: 'behind-progress', range: rect(BODY_TOP, at.completion as number, lastRow, at.behind), formula: `=AND(ISNUMBER(${x}),${x}<0)`, style: HIGHLIGHT_STYLE['behind-progress'] });
    }
    col = right + 1;
  });

  // counts over this sheet's indicators
  const countCols = { top: col, bottom: col + 1, below: col + 2 };
  const countKinds: (keyof CountTerms)[] = hasBelow ? ['top', 'bottom', 'below'] : ['top', 'bottom'];
  const lastCol = col + countKinds.length - 1;
  b.set(HEAD_TOP, col, tx(lang, 'head.counts'));
  b.merge(rect(HEAD_TOP, col, HEAD_TOP, lastCol));
  countKinds.forEach((kind, i) => {
    b.set(HEAD_TOP + 1, col + i, countHeader(kind, k, totalName, lang));
    widths.push(5);
  });
  for (const region of regions) {
    if (region.total) continue;
    const row = rowOf.get(region.key) as number;
    const tm = terms.get(region.key) as CountTerms;
    if (!ranked.has(region.key)) continue;
    for (const kind of countKinds) {
      const list = tm[kind];
      b.set(row, countCols[kind], { value: counts[kind].get(region.key) ?? 0, formula: F && list.length ? `=${list.join('+')}` : undefined });
    }
  }
  b.format(rect(firstRow, col, lastRow, lastCol), { numberFormat: NUMBER_FORMAT.count, hAlign: 'center' });

  // regions
  regions.forEach((region, i) => b.set(BODY_TOP + i, 0, region.name));

  titleBlock(b, title, period, tx(lang, 'unit.line'), lastCol, lang);
  b.format(rect(HEAD_TOP, 0, HEAD_TOP + 1, lastCol), STYLE.header);
  b.format(rect(BODY_TOP, 0, lastRow, lastCol), { ...STYLE.body, font: FONT[lang] });
  b.format(rect(BODY_TOP, 0, lastRow, 0), STYLE.label);
  if (totalRow !== null) b.format(rect(totalRow, 0, totalRow, lastCol), STYLE.total);
  // every column as wide as what it shows (1(并列), 阿坝藏族羌族自治州), the sub-headers wrapped on two or three lines
  fitColumns(b.plan, { top: HEAD_TOP, bottom: lastRow, headerRows: [HEAD_TOP, HEAD_TOP + 1], min: widths });
  fitRows(b.plan, [0, 1, 2]);
  b.plan.freeze = { rows: BODY_TOP, cols: 1 };
  b.plan.print = printSettings({ first: HEAD_TOP, last: HEAD_TOP + 1 }, tx(lang, 'footer.page'));
  // priority: behind, top, bottom, below, tie (earlier wins where styles clash)
  const order: HighlightKind[] = ['behind-progress', 'top', 'bottom', 'below-total', 'negative', 'tie'];
  b.plan.highlights.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
  return { plan: b.plan, placed, body: { totalRow, firstRow, lastRow, regions }, marks: b.marks };
}

/** The header of a count column: 前3位, 后3位, 低于全市. */
export function countHeader(kind: keyof CountTerms, k: number, totalName: string, lang: Lang): string {
  return kind === 'top' ? tx(lang, 'head.top', { k }) : kind === 'bottom' ? tx(lang, 'head.bottom', { k }) : tx(lang, 'head.below', { total: totalName });
}

/** Title, period and unit lines across the table's width. */
export function titleBlock(b: SheetBuilder, title: string, period: string | null, unitLine: string, lastCol: number, lang: Lang): void {
  b.line(0, 0, lastCol, title, { ...STYLE.title, font: FONT[lang] });
  // higher when the title wraps in a narrow table (fitRows, once the widths are known)
  b.rowHeight(0, 28);
  if (period) b.line(1, 0, lastCol, period, { ...STYLE.subtitle, font: FONT[lang] });
  b.line(2, 0, lastCol, unitLine, { ...STYLE.unitLine, font: FONT[lang] });
}

