import type { CheckResult, CheckSettings, CheckedSheet } from '../check';
import { checkWorkbook, prepareSheets } from '../check';
import type { Lang } from '../i18n';
import { t } from '../i18n';
import type { SummarizeOptions, SummaryResult } from '../summarize';
import { summarize } from '../summarize';
import type { HighlightKind, PlanMode, SplitGrids, SummaryPlanResult, Targets } from '../summary';
import { isTargetsSheet, planSummary, readTargets, splitGrids, summaryPeriod } from '../summary';
import type { Grid } from '../grid';
import { applyAcceptances, countFindings } from './accept';
import type { Acceptance, AddinSettings } from './Session.types';

/** Nothing in the workbook can be summarised; the message is in the user's language. */
export class NothingToSummarize extends Error {
  constructor(lang: Lang) {
    super(t(lang, 'summary.none'));
    this.name = 'NothingToSummarize';
  }
}

/** Every user sheet read once (figures and tables), with the user's corrections applied. */
export function prepareSession(split: SplitGrids, settings: Pick<AddinSettings, 'overrides'>): CheckedSheet[] {
  return prepareSheets({ grids: split.grids, overrides: settings.overrides });
}

/** The sheets switched on in the Sheets step. */
export function enabledSheets(sheets: CheckedSheet[], settings: Pick<AddinSettings, 'skipSheets'>): CheckedSheet[] {
  const skip = new Set(settings.skipSheets);
  return sheets.filter((s) => !skip.has(s.grid.name));
}

/** Check the sheets switched on (against last period's report when one was chosen); confirmed soft findings carry their explanation. */
export function checkSession(
  sheets: CheckedSheet[],
  settings: Pick<AddinSettings, 'skipSheets' | 'accepted'>,
  lang: Lang,
  checkSettings: Partial<CheckSettings> = {},
  previous: CheckedSheet[] | null = null,
): CheckResult {
  return applyAcceptances(
    checkWorkbook(enabledSheets(sheets, settings), { lang, settings: checkSettings, previousFrom: 'pane', ...(previous ? { previous } : {}) }),
    settings.accepted,
  );
}

/** Last period's report as the pane holds it: its sheets read once (its own summary sheets left out). */
export interface PreviousReport {
  /** the file's name */
  name: string;
  sheets: CheckedSheet[];
  /** the period its tables state (2025年1-2月), or null */
  period: string | null;
}

/** Read last period's workbook for the checks and the rank changes (位次变化). */
export function preparePrevious(name: string, grids: Grid[]): PreviousReport {
  const sheets = prepareSheets({ grids: splitGrids(grids).grids });
  const period = summaryPeriod(summarize(sheets.map((s) => s.layout), sheets.map((s) => s.cells)));
  return { name, sheets, period };
}

/** The previous report's summary with this run's options, as the summary planner takes it. */
export function previousSummary(previous: PreviousReport, options: SummarizeOptions): { result: SummaryResult; label: string } {
  const result = summarize(previous.sheets.map((s) => s.layout), previous.sheets.map((s) => s.cells), options);
  return { result, label: summaryPeriod(result) ?? previous.name };
}

/**
 * Summarise the sheets of figures (a sheet of annual targets is not an indicator's table): what
 * 生成汇总表 and 分析文字 both start from.
 */
export function summarizeFigures(
  sheets: CheckedSheet[],
  options: SummarizeOptions = {},
  /** targets from elsewhere (a file); undefined: the workbook's own sheet of targets, if any; null: none */
  given?: Targets | null,
): { result: SummaryResult; targets: Targets | null } {
  const targetSheets = new Set(sheets.map((p) => p.layout).filter(isTargetsSheet).map((l) => l.sheet));
  const figures = sheets.filter((p) => !targetSheets.has(p.layout.sheet));
  const result = summarize(
    figures.map((p) => p.layout),
    figures.map((p) => p.cells),
    options,
  );
  let targets: Targets | null = given ?? null;
  if (given === undefined && targetSheets.size) {
    const own = sheets.filter((p) => targetSheets.has(p.layout.sheet));
    targets = readTargets(
      own.map((p) => p.layout),
      own.map((p) => p.cells),
    );
  }
  return { result, targets };
}

export interface BuildSummaryInput {
  lang: Lang;
  mode: PlanMode;
  indicators?: string[] | null;
  top: number;
  points: boolean;
  share: boolean;
  perSheet: number;
  highlights: Partial<Record<HighlightKind, boolean>>;
  /** add the 审核结果 sheet */
  check: boolean;
  /** add the 分析要点 sheet (on unless false) */
  text?: boolean;
  checkSettings?: Partial<CheckSettings>;
  summarize: SummarizeOptions;
  previous?: { result: SummaryResult; label: string } | null;
  /** last period's sheets, for the checks of the 审核结果 sheet against last period */
  previousSheets?: CheckedSheet[] | null;
  /** targets from elsewhere (a file); undefined: the workbook's own sheet of targets, if any; null: none */
  targets?: Targets | null;
  accepted?: Acceptance[];
}

export interface SummaryBuild {
  result: SummaryResult;
  findings: CheckResult | null;
  planned: SummaryPlanResult;
  /** what the user should know besides "done", in their language */
  notes: string[];
}

/**
 * The figures summarised and checked: all the plan is made from, without the sheets, so that a
 * caller can let the sheets go before the plan is laid out (a big workbook's grids are ~40 MB).
 */
export interface SummaryFacts {
  result: SummaryResult;
  targets: Targets | null;
  /** the checks' findings, for the text (run even without 审核结果) */
  checked: CheckResult | null;
  /** the findings of 审核结果, when it is wanted */
  findings: CheckResult | null;
  sheetOrder: string[];
  existing: SplitGrids['existing'];
  registry: SplitGrids['registry'];
}

/** Summarise the regional tables and check the figures: the first half of buildSummary. */
export function summaryFacts(split: SplitGrids, sheets: CheckedSheet[], o: BuildSummaryInput): SummaryFacts {
  const lang = o.lang;
  const { result, targets } = summarizeFigures(sheets, o.summarize, o.targets);
  if (!result.tables.some((tb) => tb.peers >= 2)) throw new NothingToSummarize(lang);
  const text = o.text !== false;
  // the text needs the checks too: an indicator with an error stays out of it
  const raw = o.check || text ? checkWorkbook(sheets, { lang, settings: o.checkSettings, ...(o.previousSheets ? { previous: o.previousSheets } : {}) }) : null;
  const checked = raw && o.accepted ? applyAcceptances(raw, o.accepted) : raw;
  const findings = o.check ? checked : null;
  return { result, targets, checked, findings, sheetOrder: sheets.map((p) => p.grid.name), existing: split.existing, registry: split.registry };
}

/**
 * From the sheets to the plan of the summary sheets: summarise the regional tables,
 * check the figures, and lay out 主要指标汇总表, 位次表, 分析要点 and 审核结果. Shared by the
 * command line and the add-in, so both write the same workbook.
 */
export function buildSummary(split: SplitGrids, sheets: CheckedSheet[], o: BuildSummaryInput): SummaryBuild {
  return planFacts(summaryFacts(split, sheets, o), o);
}

/** Lay out the summary sheets from the facts: the second half of buildSummary. */
export function planFacts(facts: SummaryFacts, o: BuildSummaryInput): SummaryBuild {
  const lang = o.lang;
  const { result, targets, checked, findings } = facts;
  const text = o.text !== false;
  const planned = planSummary(result, {
    lang,
    mode: o.mode,
    indicators: o.indicators ?? undefined,
    top: o.top,
    points: o.points,
    share: o.share,
    perSheet: o.perSheet,
    highlights: o.highlights,
    findings,
    text,
    textFindings: checked?.issues ?? null,
    sheetOrder: facts.sheetOrder,
    previous: o.previous ?? null,
    targets,
    existing: facts.existing,
    registry: facts.registry,
  });
  if (!planned.plan.sheets.length) throw new NothingToSummarize(lang);

  const list = (items: string[]): string => items.join(lang === 'zh-CN' ? '、' : ', ');
  const notes: string[] = [];
  for (const name of planned.unknownIndicators) notes.push(t(lang, 'write.unknown-indicator', { name }));
  for (const r of planned.renamed) notes.push(t(lang, 'write.renamed', r));
  if (planned.plan.remove.length) notes.push(t(lang, 'write.replaced', { sheets: list(planned.plan.remove) }));
  const findingsSheet = planned.plan.sheets.find((s) => s.role === 'findings');
  if (findings && findingsSheet) {
    const n = countFindings(findings.issues);
    notes.push(t(lang, 'write.findings', { error: n.error, warning: n.warning, info: n.info, sheet: findingsSheet.name }));
    if (n.accepted) notes.push(t(lang, 'write.accepted', { accepted: n.accepted }));
  }
  if (planned.targetsUsed.length) notes.push(t(lang, 'write.targets', { list: list(planned.targetsUsed) }));
  if (planned.targetsUnconvertible.length) notes.push(t(lang, 'write.targets-unit', { list: list(planned.targetsUnconvertible) }));
  return { result, findings, planned, notes };
}
