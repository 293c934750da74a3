import { parsePeriod } from '../layout';
import type { Lang } from '../i18n';
import type { SummaryResult, SummaryRow, SummaryTable } from '../summarize';
import { tx } from './text';

/** One indicator of the summary: its table and its regions by key. */
export interface Indicator {
  table: SummaryTable;
  /** the indicator's name as written in the headers */
  name: string;
  byKey: Map<string, SummaryRow>;
  /** the period when it differs from the summary's period, else null */
  ownPeriod: string | null;
  /** last period's rank by region key (with --previous) */
  previousRanks: Map<string, number> | null;
  /** annual target by region key (the total under TOTAL_KEY), in the indicator's unit */
  targets: Map<string, number> | null;
}

/** A line of the summary: the total first, then the regions. */
export interface Region {
  key: string;
  name: string;
  total: boolean;
}

export const TOTAL_KEY = '\u0000total';

/** The indicators to summarise: tables with ranked regions, picked and ordered by `wanted` (names or parts of names). */
export function pickTables(result: SummaryResult, wanted: string[] | undefined): { tables: SummaryTable[]; unknown: string[] } {
  const usable = result.tables.filter((t) => t.peers >= 2);
  if (!wanted || !wanted.length) return { tables: usable, unknown: [] };
  const tables: SummaryTable[] = [];
  const unknown: string[] = [];
  for (const w of wanted) {
    const needle = w.trim();
    if (!needle) continue;
    const exact = usable.filter((t) => t.indicator === needle);
    const found = exact.length ? exact : usable.filter((t) => t.indicator.includes(needle));
    if (!found.length) unknown.push(w);
    for (const t of found) if (!tables.includes(t)) tables.push(t);
  }
  return { tables, unknown };
}

function periodScore(label: string | null): number {
  const p = label ? parsePeriod(label) : null;
  return p ? (p.year ?? 0) * 100 + (p.endMonth ?? 12) : -1;
}

/** The summary's period: the most common one among the indicators, written with its year when some table gives it. */
export function mainPeriod(tables: SummaryTable[]): string | null {
  const counts = new Map<string, number>();
  for (const t of tables) if (t.period) counts.set(t.period, (counts.get(t.period) ?? 0) + 1);
  let best: string | null = null;
  for (const [p, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = p;
  if (best === null) return null;
  // "1-3月" and "2025年1-3月" are the same period: prefer the one with a year
  const bp = parsePeriod(best);
  for (const p of counts.keys()) {
    const pp = parsePeriod(p);
    if (bp && pp && pp.year && !bp.year && pp.endMonth === bp.endMonth && pp.startMonth === bp.startMonth) return p;
  }
  return best;
}

function samePeriod(a: string | null, b: string | null): boolean {
  if (a === b || !a || !b) return true;
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a === b;
  return pa.endMonth === pb.endMonth && pa.startMonth === pb.startMonth && (!pa.year || !pb.year || pa.year === pb.year);
}

export function buildIndicators(tables: SummaryTable[], period: string | null): Indicator[] {
  const names = new Map<string, number>();
  for (const t of tables) names.set(t.indicator, (names.get(t.indicator) ?? 0) + 1);
  return tables.map((table) => {
    const byKey = new Map<string, SummaryRow>();
    for (const r of table.rows) if (!byKey.has(r.key)) byKey.set(r.key, r);
    if (table.totalRow) byKey.set(TOTAL_KEY, table.totalRow);
    // the same indicator in two tables (two sheets): say which sheet
    const name = (names.get(table.indicator) ?? 0) > 1 ? `${table.indicator}（${table.sheet.trim()}）` : table.indicator;
    return { table, name, byKey, ownPeriod: samePeriod(table.period, period) ? null : table.period, previousRanks: null, targets: null };
  });
}

/**
 * The regions down the summary: the total, then the regions in the order of the
 * first table that has the usual number of them, then regions that only some
 * tables have (a development zone, 市辖区 standing for its districts).
 */
export function buildRegions(tables: SummaryTable[], lang: Lang): Region[] {
  const counts = new Map<number, number>();
  for (const t of tables) counts.set(t.rows.length, (counts.get(t.rows.length) ?? 0) + 1);
  const usual = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  const first = tables.find((t) => t.rows.length === usual);
  const ordered = first ? [first, ...tables.filter((t) => t !== first)] : tables;
  const totalName = ordered.find((t) => t.total)?.total?.name ?? (lang === 'zh-CN' ? '合计' : 'Total');
  const out: Region[] = [{ key: TOTAL_KEY, name: totalName, total: true }];
  const seen = new Set<string>();
  // development zones and 市辖区 that take no rank come after the ranked regions, so that each rank range is one block
  const apart = new Set<string>();
  for (const t of tables) for (const r of t.rows) if (r.apart) apart.add(r.key);
  const last: Region[] = [];
  for (const t of ordered) {
    for (const r of t.rows) {
      if (seen.has(r.key)) continue;
      seen.add(r.key);
      (apart.has(r.key) ? last : out).push({ key: r.key, name: r.region, total: false });
    }
  }
  return out.concat(last);
}

/** What to call the peers: 县市区 under 全市, 市州 under 全省, 县市 under 全州. */
export function scopeWord(totalName: string, lang: Lang): string {
  if (/省|自治区|全国/.test(totalName)) return tx(lang, 'scope.city');
  if (/州|盟/.test(totalName)) return tx(lang, 'scope.prefecture');
  if (/市/.test(totalName)) return tx(lang, 'scope.county');
  return tx(lang, 'scope.region');
}

/** The latest of the periods, for the title when no period is shared. */
export function latestPeriod(tables: SummaryTable[]): string | null {
  let best: string | null = null;
  for (const t of tables) if (t.period && periodScore(t.period) > periodScore(best)) best = t.period;
  return best;
}

/** The period a summary is about (the most common among its indicators). */
export function summaryPeriod(result: SummaryResult): string | null {
  const { tables } = pickTables(result, undefined);
  return mainPeriod(tables) ?? latestPeriod(tables);
}
