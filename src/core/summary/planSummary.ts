import type { CheckResult, Finding } from '../check';
import { indicatorKey } from '../check';
import type { Lang } from '../i18n';
import { parsePeriod } from '../layout';
import type { SummaryResult } from '../summarize';
import { analyse } from '../text';
import type { HighlightKind, PlanMode, SheetPlan, WorkbookPlan } from './Plan.types';
import { buildAnalysisSheet } from './analysisSheet';
import { appendFootnotes, footnotes } from './footnotes';
import { buildFindingsSheet } from './findingsSheet';
import type { PlacedIndicator } from './mainSheet';
import { buildMainSheet, regionsWithFigures } from './mainSheet';
import { fitPage } from './measure';
import type { Indicator } from './model';
import { buildIndicators, buildRegions, latestPeriod, mainPeriod, pickTables, scopeWord } from './model';
import { buildRanksSheet } from './ranksSheet';
import type { ExistingSheet, RegistryEntry } from './registry';
import { ownedSheets, placeNames, registryPlan } from './registry';
import type { Targets } from './targets';
import { periodProgress, tableTargets } from './targets';
import { tx } from './text';

export interface SummaryPlanOptions {
  lang?: Lang;
  /** values (default) or live formulas that refer to the source cells */
  mode?: PlanMode;
  /** indicator names or parts of names, in the order wanted; all by default */
  indicators?: string[];
  /** k of 前k位 and 后k位 (default 3) */
  top?: number;
  /** add 与全市增速差 columns */
  points?: boolean;
  /** add 占全市比重 columns */
  share?: boolean;
  /** switch highlights off (all on by default) */
  highlights?: Partial<Record<HighlightKind, boolean>>;
  /** indicators per summary sheet, so that each prints one page wide (default 6) */
  perSheet?: number;
  /** the checker's findings for 审核结果 (its errors also keep an indicator out of 分析要点) */
  findings?: CheckResult | null;
  /** add 分析要点, the analysis text (on by default) */
  text?: boolean;
  /** the checker's findings for 分析要点 when there is no 审核结果 (findings not given) */
  textFindings?: Finding[] | null;
  /** the workbook's sheet order (sorts the findings) */
  sheetOrder?: string[];
  /** last report's summary, for 位次变化; label names it in the footnote */
  previous?: { result: SummaryResult; label: string } | null;
  /** annual targets, for 完成目标 and 序时进度 */
  targets?: Targets | null;
  /** the sheets now in the workbook, with their A1 text */
  existing?: ExistingSheet[];
  /** what the registry sheet remembers of earlier runs */
  registry?: RegistryEntry[];
}

export interface SummaryPlanResult {
  plan: WorkbookPlan;
  /** --indicators entries that matched nothing */
  unknownIndicators: string[];
  /** indicators that have targets, and those whose target units could not be converted */
  targetsUsed: string[];
  targetsUnconvertible: string[];
  /** sheets that took another name because the user has a sheet of the wanted name */
  renamed: { wanted: string; name: string }[];
  /** how many indicators and regions (besides the total) the summary holds */
  indicators: number;
  regions: number;
  /** the summary's period */
  period: string | null;
}

/**
 * Indicators per 位次表: a rank column takes 5–10 characters, so 24 of them with the
 * region and count columns still print one A4 page wide at about half size or more.
 */
export const RANKS_PER_SHEET = 24;

/** 分析要点 writes a paragraph for each region up to this many (四川 has 183 counties); beyond, it says so. */
export const ANALYSIS_REGIONS_MAX = 200;

const ALL_HIGHLIGHTS: Record<HighlightKind, boolean> = { top: true, bottom: true, 'below-total': true, negative: true, 'behind-progress': true, tie: true };

/** At most `size` per group, in as few groups as that allows, sized evenly (8 by 6 → 4 + 4, not 6 + 2). */
function chunk<T>(items: T[], size: number): T[][] {
  const groups = Math.max(1, Math.ceil(items.length / size));
  const even = Math.ceil(items.length / groups);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += even) out.push(items.slice(i, i + even));
  return out;
}

function attachPrevious(indicators: Indicator[], previous: SummaryResult): void {
  const byKey = new Map<string, SummaryResult['tables'][number]>();
  for (const t of previous.tables) {
    const k = `${indicatorKey(t.indicator)}|${t.rankBy}`;
    if (!byKey.has(k)) byKey.set(k, t);
  }
  for (const ind of indicators) {
    const prev = byKey.get(`${indicatorKey(ind.table.indicator)}|${ind.table.rankBy}`);
    if (!prev) continue;
    ind.previousRanks = new Map(prev.rows.filter((r) => r.rank !== null).map((r) => [r.key, r.rank as number]));
  }
}

/**
 * The summary sheets as a plan: 主要指标汇总表 (split into sheets of `perSheet`
 * indicators so each prints one page wide), 位次表 (split likewise, RANKS_PER_SHEET
 * indicators a sheet, the counts over each sheet's own), 分析要点 (the analysis text of
 * the same indicators, unless `text` is false), and 审核结果 when findings are given;
 * names placed beside the user's sheets, and the add-in's sheets of an earlier run
 * listed for removal.
 */
export function planSummary(result: SummaryResult, options: SummaryPlanOptions = {}): SummaryPlanResult {
  const lang = options.lang ?? 'zh-CN';
  const top = options.top ?? 3;
  const highlights = { ...ALL_HIGHLIGHTS, ...(options.highlights ?? {}) };
  const { tables, unknown } = pickTables(result, options.indicators);
  const period = mainPeriod(tables) ?? latestPeriod(tables);
  const indicators = buildIndicators(tables, period);
  const regions = buildRegions(tables, lang);
  const totalName = regions[0].name;
  const scope = scopeWord(totalName, lang);

  if (options.previous) attachPrevious(indicators, options.previous.result);
  const targetsUsed: string[] = [];
  const targetsUnconvertible: string[] = [];
  if (options.targets) {
    for (const ind of indicators) {
      const values = tableTargets(options.targets, ind.table);
      if (values === 'unconvertible') targetsUnconvertible.push(ind.name);
      else if (values) {
        ind.targets = values;
        targetsUsed.push(ind.name);
      }
    }
  }
  const months = period ? (parsePeriod(period)?.endMonth ?? null) : null;
  const progress = targetsUsed.length ? periodProgress(period) : null;

  const groups = chunk(indicators, Math.max(1, options.perSheet ?? 6));
  const wanted: string[] = [];
  const base = tx(lang, 'sheet.summary');
  groups.forEach((_, i) => wanted.push(groups.length > 1 ? `${base}${i + 1}` : base));
  // 位次表 in as few sheets as keep each one page wide at a readable size
  const rankGroups = indicators.length ? chunk(indicators, RANKS_PER_SHEET) : [];
  const ranksBase = tx(lang, 'sheet.ranks');
  rankGroups.forEach((_, i) => wanted.push(rankGroups.length > 1 ? `${ranksBase}${i + 1}` : ranksBase));
  // the text of the indicators summarised, with the same top k and last report; an indicator with an error is left out
  const analysis =
    options.text === false
      ? null
      : analyse(
          { tables },
          {
            lang,
            top,
            findings: options.findings?.issues ?? options.textFindings ?? [],
            previous: options.previous ?? null,
            // completion and 序时进度 as 主要指标汇总表 shows them
            targets: options.targets ?? null,
            // a sheet of hundreds of regions is not read region by region
            regionsMax: ANALYSIS_REGIONS_MAX,
            ...(progress !== null ? { timeProgress: progress } : {}),
          },
        );
  const withText = !!analysis && (analysis.paragraphs.length > 0 || analysis.leftOut.length > 0);
  if (withText) wanted.push(tx(lang, 'sheet.analysis'));
  if (options.findings) wanted.push(tx(lang, 'sheet.findings'));
  const existing = options.existing ?? [];
  const owned = ownedSheets(existing, options.registry ?? []);
  const names = placeNames(wanted, existing, owned);

  const sheets: SheetPlan[] = [];
  const placed: PlacedIndicator[] = [];
  const formulas = options.mode === 'formulas';
  const mainOptions = { lang, top, points: !!options.points, share: !!options.share, highlights, timeProgress: progress, formulas };
  groups.forEach((group, i) => {
    const title = tx(lang, 'title.summary', { scope }) + (groups.length > 1 ? `（${i + 1}）` : '');
    // each sheet lists the regions with a figure there, and the total only when a table has one
    const built = buildMainSheet(names[i], 'summary', title, period, group, regionsWithFigures(regions, group), mainOptions);
    placed.push(...built.placed);
    const lastCol = built.plan.columns.length - 1;
    const facts = {
      lang,
      indicators: group,
      scope,
      totalName,
      period,
      top,
      highlights: new Set([...built.plan.highlights.map((h) => h.kind), ...built.marks]),
      counts: { n: group.length, below: built.plan.cells[4]?.some((c) => c?.value === tx(lang, 'head.below', { total: totalName })) ?? false },
      published: true,
      rounding: true,
      previous: group.some((g) => g.previousRanks) ? (options.previous?.label ?? null) : null,
      progress: progress !== null && group.some((g) => g.targets) && months ? { value: progress, months } : null,
    };
    appendFootnotes(built.plan, footnotes(facts), lastCol, lang);
    fitPage(built.plan);
    sheets.push(built.plan);
  });
  let next = groups.length;
  rankGroups.forEach((group, i) => {
    const title = tx(lang, 'title.ranks', { scope }) + (rankGroups.length > 1 ? `（${i + 1}）` : '');
    const these = placed.filter((p) => group.includes(p.indicator));
    const { plan, marks } = buildRanksSheet(names[next], title, period, these, regions, { lang, top, highlights, formulas });
    const facts = {
      lang,
      indicators: group,
      scope,
      totalName,
      period,
      top,
      highlights: new Set([...plan.highlights.map((h) => h.kind), ...marks]),
      counts: { n: group.length, below: plan.cells[4]?.some((c) => c?.value === tx(lang, 'head.below', { total: totalName })) ?? false },
      // the notes on recomputed ranks are on the summary sheets
      published: false,
      rounding: false,
      previous: null,
      progress: null,
    };
    appendFootnotes(plan, footnotes(facts), plan.columns.length - 1, lang);
    fitPage(plan);
    sheets.push(plan);
    next++;
  });
  if (analysis && withText) sheets.push(buildAnalysisSheet(names[next++], analysis, period, lang));
  if (options.findings) sheets.push(buildFindingsSheet(names[next], options.findings, options.sheetOrder ?? [], period, lang));

  return {
    plan: { mode: options.mode ?? 'values', sheets, remove: owned, registry: registryPlan(sheets) },
    unknownIndicators: unknown,
    targetsUsed,
    targetsUnconvertible,
    renamed: wanted.map((w, i) => ({ wanted: w, name: names[i] })).filter((r) => r.wanted !== r.name),
    indicators: indicators.length,
    regions: regions.length - 1,
    period,
  };
}

