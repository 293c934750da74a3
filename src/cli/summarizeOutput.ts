import { OUTCOME_LABELS } from '../core/compute';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { SummaryResult } from '../core/summarize';
import { textTable } from './textTable';

/** One computed table as `summarize --json` prints it (rows 1-based). */
export function summarizeJsonTable(tb: SummaryResult['tables'][number]): unknown {
  return {
    sheet: tb.sheet,
    range: tb.range,
    indicator: tb.indicator,
    period: tb.period,
    unit: tb.unit,
    rankBy: tb.rankBy,
    ties: tb.ties,
    peers: tb.peers,
    growthFrom: tb.growthFrom,
    growthBasis: tb.growthBasis,
    ...(tb.sourceNotes.length ? { sourceNotes: tb.sourceNotes } : {}),
    total: tb.total,
    rows: tb.rows.map((r) => ({
      region: r.region,
      row: r.row,
      value: r.value,
      growth: r.growthShown,
      growthRaw: r.growth,
      growthSource: r.growthSource,
      outcome: r.outcome,
      rank: r.rank,
      tied: r.tied,
      fromBottom: r.fromBottom,
      publishedRank: r.publishedRank,
      pointsVsTotal: r.pointsVsTotal,
      share: r.share,
    })),
    unranked: tb.unranked,
    rankMismatches: tb.rankMismatches,
  };
}

/**
 * The JSON of `summarize`: the computed tables, each made into JSON only when it is written
 * (see jsonChunks: given the tables as summarizeTables computes them, none is held after it
 * is written).
 */
export function summarizeJson(tables: Iterable<SummaryResult['tables'][number]>): { tables: Iterable<unknown> } {
  return {
    tables: {
      *[Symbol.iterator]() {
        for (const tb of tables) yield summarizeJsonTable(tb);
      },
    },
  };
}

function fmt(x: number | null, decimals: number): string {
  return x === null ? '—' : x.toFixed(decimals);
}

function decimalsFor(values: (number | null)[]): number {
  let d = 0;
  for (const v of values) {
    if (v === null) continue;
    const s = String(v);
    const i = s.indexOf('.');
    if (i >= 0) d = Math.max(d, Math.min(2, s.length - i - 1));
  }
  return d;
}

/** The readable report of `summarize`: one table per indicator, peers in rank order. */
export function summarizeText(result: SummaryResult, lang: Lang): string {
  if (!result.tables.length) return t(lang, 'summary.none');
  const out: string[] = [];
  for (const tb of result.tables) {
    out.push(t(lang, 'summary.heading', { indicator: tb.indicator, period: tb.period ?? '', sheet: tb.sheet, range: tb.range }));
    out.push(t(lang, 'summary.basis', { rankBy: t(lang, `rankBy.${tb.rankBy}`), ties: t(lang, `ties.${tb.ties}`), peers: tb.peers }));
    const hasValue = tb.rows.some((r) => r.value !== null);
    const hasGrowth = tb.rows.some((r) => r.growthShown !== null);
    const hasPublished = tb.rows.some((r) => r.publishedRank !== null);
    const hasPoints = tb.rows.some((r) => r.pointsVsTotal !== null);
    const hasShare = tb.rows.some((r) => r.share !== null);
    const valueDecimals = decimalsFor(tb.rows.map((r) => r.valueShown));
    const header = [t(lang, 'col.region')];
    const align: ('left' | 'right')[] = ['left'];
    if (hasValue) {
      header.push(t(lang, 'col.value') + (tb.unit ? `(${tb.unit})` : ''));
      align.push('right');
    }
    if (hasGrowth) {
      header.push(t(lang, 'col.growth'));
      align.push('right');
    }
    header.push(t(lang, 'col.rank'));
    align.push('right');
    if (hasPublished) {
      header.push(t(lang, 'col.published'));
      align.push('right');
    }
    if (hasPoints) {
      header.push(t(lang, 'col.points', { total: tb.total?.name ?? '' }));
      align.push('right');
    }
    if (hasShare) {
      header.push(t(lang, 'col.share'));
      align.push('right');
    }
    const rows: string[][] = [];
    if (tb.total) {
      const line = [tb.total.name];
      if (hasValue) line.push(fmt(tb.total.value, valueDecimals));
      if (hasGrowth) line.push(fmt(tb.total.growth, 1));
      line.push('');
      if (hasPublished) line.push('');
      if (hasPoints) line.push('');
      if (hasShare) line.push('100.0');
      rows.push(line);
    }
    const ordered = [...tb.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.row - b.row);
    for (const r of ordered) {
      const line = [r.region];
      if (hasValue) line.push(fmt(r.valueShown, valueDecimals));
      if (hasGrowth) line.push(r.growthShown === null && r.outcome ? OUTCOME_LABELS[r.outcome][lang] : fmt(r.growthShown, 1));
      line.push(r.rank === null ? '—' : `${r.rank}${r.tied ? (lang === 'zh-CN' ? '(并列)' : '=') : ''}`);
      if (hasPublished) line.push(r.publishedRank === null ? '' : String(r.publishedRank) + (r.publishedRank !== r.rank ? ' !' : ''));
      if (hasPoints) line.push(r.pointsVsTotal === null ? '' : (r.pointsVsTotal > 0 ? '+' : '') + r.pointsVsTotal.toFixed(1));
      if (hasShare) line.push(fmt(r.share, 1));
      rows.push(line);
    }
    out.push(textTable(header, rows, align));
    for (const u of tb.unranked) out.push(t(lang, 'summary.unranked', { region: u.region, row: u.row, why: u.why }));
    for (const m of tb.rankMismatches) out.push(t(lang, 'summary.mismatch', { region: m.region, row: m.row, published: m.published, computed: m.computed ?? '—' }));
    out.push('');
  }
  return out.join('\n');
}
