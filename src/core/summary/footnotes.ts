import type { Lang } from '../i18n';
import type { HighlightKind, SheetPlan } from './Plan.types';
import type { Indicator } from './model';
import { lineCount, lineHeight } from './measure';
import { FONT, STYLE } from './styles';
import { listText, tx } from './text';


export interface FootnoteFacts {
  lang: Lang;
  indicators: Indicator[];
  /** 县市区, 市州 … */
  scope: string;
  totalName: string;
  period: string | null;
  top: number;
  /** the kinds of highlight rule the sheet has (the legend names only these) */
  highlights: ReadonlySet<HighlightKind>;
  /** the sheet has count columns over n indicators, with or without 低于全市 */
  counts: { n: number; below: boolean } | null;
  /** say that ranks were recomputed where the sheet published others (the notes are on this sheet) */
  published: boolean;
  /** the rounding line (sheets with values) */
  rounding: boolean;
  /** what the rank change compares with (the previous report's period or file) */
  previous: string | null;
  /** 序时进度 and the months behind it, with targets */
  progress: { value: number; months: number } | null;
}

const GROWTH_KINDS = ['comparable', 'computed-current', 'computed', 'current'] as const;
type GrowthKind = (typeof GROWTH_KINDS)[number];

function growthKind(i: Indicator): GrowthKind | null {
  const t = i.table;
  if (t.comparable) return 'comparable';
  if (t.growthFrom === 'computed') return t.growthBasis === 'current' ? 'computed-current' : 'computed';
  if (t.growthBasis === 'current') return 'current';
  return null;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/**
 * Footnotes from what is known: the price basis, the peer set, the ranking order
 * and tie rule, rounding, periods that differ, recomputed ranks, the highlights.
 */
export function footnotes(f: FootnoteFacts): string[] {
  const { lang, indicators } = f;
  const lines: string[] = [];
  const names = (list: Indicator[]) => listText(lang, list.map((i) => i.name));
  const withGrowth = indicators.filter((i) => i.table.rows.some((r) => r.growthShown !== null));
  // The price basis only as far as it is known: published growth at comparable prices, growth computed
  // here from current-price values (nominal, prices not removed), computed from values of unknown prices,
  // or published at current prices. Nothing is said of growth the sheet says nothing about.
  const kinds = new Map<GrowthKind, Indicator[]>();
  for (const i of withGrowth) {
    const k = growthKind(i);
    if (k) kinds.set(k, [...(kinds.get(k) ?? []), i]);
  }
  for (const k of GROWTH_KINDS) {
    const list = kinds.get(k);
    if (!list) continue;
    if (list.length === withGrowth.length) lines.push(tx(lang, `foot.growth.${k}.all`));
    else lines.push(tx(lang, `foot.growth.${k}.some`, { list: names(list) }));
  }

  if (indicators.length) {
    const n = mostCommon(indicators.map((i) => i.table.peers));
    let peers = tx(lang, 'foot.peers', { n, scope: f.scope });
    const others = new Map<number, Indicator[]>();
    for (const i of indicators) if (i.table.peers !== n) others.set(i.table.peers, [...(others.get(i.table.peers) ?? []), i]);
    for (const [m, list] of others) peers += tx(lang, 'foot.peers.except', { list: names(list), n: m, scope: f.scope });
    const byGrowth = indicators.filter((i) => i.table.rankBy === 'growth');
    if (byGrowth.length) peers += tx(lang, byGrowth[0].table.ascending ? 'foot.order.growth.asc' : 'foot.order.growth');
    const byValue = indicators.filter((i) => i.table.rankBy === 'value');
    if (byValue.length) peers += tx(lang, 'foot.order.by-value', { list: names(byValue) });
    const byIncrement = indicators.filter((i) => i.table.rankBy === 'increment');
    if (byIncrement.length) peers += tx(lang, 'foot.order.by-increment', { list: names(byIncrement) });
    lines.push(peers + (lang === 'zh-CN' ? '。' : '.'));
    // development zones and 市辖区 listed with their figures but not ranked (the reason is the reader's: TableRow.apart)
    const apart = [...new Set(indicators.flatMap((i) => i.table.unranked.filter((u) => u.apart).map((u) => u.region)))];
    if (apart.length) lines.push(tx(lang, 'foot.apart', { list: listText(lang, apart), scope: f.scope }) + (lang === 'zh-CN' ? '。' : '.'));
    lines.push(tx(lang, indicators[0].table.ties === 'dense' ? 'foot.ties.dense' : 'foot.ties.competition'));
  }
  const periods = new Map<string, Indicator[]>();
  for (const i of indicators) if (i.ownPeriod) periods.set(i.ownPeriod, [...(periods.get(i.ownPeriod) ?? []), i]);
  for (const [period, list] of periods) lines.push(tx(lang, 'foot.periods', { list: names(list), period }));
  // What the source's own footnotes say of the figures used ("2) preliminary data" on 2023), once each.
  const notes = new Map<string, Indicator[]>();
  for (const i of indicators) for (const n of i.table.sourceNotes) notes.set(n, [...(notes.get(n) ?? []), i]);
  for (const [note, list] of notes) lines.push(tx(lang, 'foot.source-note', { list: names(list), note: note.replace(/^\s*(?:\d{1,2}[)）]|\*+|[①-⑳])\s*/u, '') }));
  if (f.published && indicators.some((i) => i.table.rankMismatches.length)) lines.push(tx(lang, 'foot.published'));
  if (f.counts !== null) lines.push(tx(lang, f.counts.below ? 'foot.counts' : 'foot.counts.no-below', { n: f.counts.n, k: f.top, total: f.totalName }));
  if (f.previous) lines.push(tx(lang, 'foot.change', { previous: f.previous }));
  if (f.progress) lines.push(tx(lang, 'foot.progress', { progress: f.progress.value.toFixed(1), months: f.progress.months }));
  if (f.rounding && indicators.some((i) => i.table.rows.some((r) => r.value !== null))) lines.push(tx(lang, 'foot.rounding'));
  const marks: string[] = [];
  const h = f.highlights;
  if (h.has('top')) marks.push(tx(lang, 'foot.highlight.top', { k: f.top }));
  if (h.has('bottom')) marks.push(tx(lang, 'foot.highlight.bottom', { k: f.top }));
  if (h.has('below-total')) marks.push(tx(lang, 'foot.highlight.below', { total: f.totalName }));
  if (h.has('negative')) marks.push(tx(lang, 'foot.highlight.negative'));
  if (h.has('behind-progress')) marks.push(tx(lang, 'foot.highlight.behind'));
  if (h.has('tie')) marks.push(tx(lang, 'foot.highlight.tie'));
  if (marks.length) lines.push(tx(lang, 'foot.highlight', { list: listText(lang, marks) }));
  return lines.map((l, i) => (i === 0 ? tx(lang, 'foot.lead') : lang === 'zh-CN' ? '　　' : '       ') + `${i + 1}. ${l}`);
}

/**
 * Footnote lines under the table, one merged row each, high enough for the text
 * to wrap within the table's width (measured against the column widths, see measure.ts).
 */
export function appendFootnotes(plan: SheetPlan, lines: string[], lastCol: number, lang: Lang): void {
  let row = plan.cells.length + 1;
  const width = plan.columns.slice(0, lastCol + 1).reduce((a, b) => a + b, 0) || 80;
  for (const text of lines) {
    while (plan.cells.length <= row) plan.cells.push([]);
    plan.cells[row] = [{ value: text }];
    plan.merges.push({ top: row, left: 0, bottom: row, right: lastCol });
    plan.formats.push({ range: { top: row, left: 0, bottom: row, right: lastCol }, style: { ...STYLE.footnote, font: FONT[lang] } });
    plan.rowHeights.push({ row, height: lineCount(text, width, STYLE.footnote.size) * lineHeight(STYLE.footnote.size) + 3 });
    row++;
  }
}
