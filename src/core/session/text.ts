/**
 * 分析文字 from the sheets: the same summary result 生成汇总表 computes, the checks' findings (an
 * indicator with an error is left out of the text until corrected), last period's report for the
 * rank changes and the changes of growth, the annual targets (a file's, or the workbook's own sheet
 * of targets) for 完成年度目标 and 序时进度. Shared by the command line (`indicator-tables text`) and the task pane, so both
 * write the same text.
 */
import type { CheckResult, CheckSettings, CheckedSheet } from '../check';
import { checkWorkbook } from '../check';
import type { Lang } from '../i18n';
import type { SummarizeOptions, SummaryResult } from '../summarize';
import type { Targets } from '../summary';
import type { Analysis, AnalysisOptions, LastStyle, TimesStyle } from '../text';
import { analyse } from '../text';
import { applyAcceptances } from './accept';
import { summarizeFigures } from './run';
import type { Acceptance } from './Session.types';

export interface BuildAnalysisInput {
  lang: Lang;
  summarize?: SummarizeOptions;
  /** last report's summary (previousSummary), for 前移 / 后移 */
  previous?: { result: SummaryResult; label: string } | null;
  /** last period's sheets, for the checks against last period */
  previousSheets?: CheckedSheet[] | null;
  /** targets from elsewhere (a file); undefined: the workbook's own sheet of targets, if any; null: none */
  targets?: Targets | null;
  checkSettings?: Partial<CheckSettings>;
  accepted?: Acceptance[];
  /** the region of the leadership summary (要点), or none */
  region?: string | null;
  times?: TimesStyle;
  last?: LastStyle;
  /** k of 前k位 / 后k位 */
  top?: number;
}

export interface AnalysisBuild {
  result: SummaryResult;
  findings: CheckResult;
  /** what the analysis was written with (`analysisFor` writes it again for another region) */
  options: AnalysisOptions;
  analysis: Analysis;
  /** the regions with a paragraph, in the order of the text: the choices of the leadership summary */
  regions: string[];
}

/** Summarise and check the sheets, and write the analysis. */
export function buildAnalysis(sheets: CheckedSheet[], o: BuildAnalysisInput): AnalysisBuild {
  const { result, targets } = summarizeFigures(sheets, o.summarize, o.targets);
  const raw = checkWorkbook(sheets, { lang: o.lang, settings: o.checkSettings, ...(o.previousSheets ? { previous: o.previousSheets } : {}) });
  const findings = o.accepted ? applyAcceptances(raw, o.accepted) : raw;
  const options: AnalysisOptions = {
    lang: o.lang,
    region: o.region ?? null,
    findings: findings.issues,
    previous: o.previous ?? null,
    targets,
    ...(o.times ? { times: o.times } : {}),
    ...(o.last ? { last: o.last } : {}),
    ...(o.top ? { top: o.top } : {}),
  };
  const analysis = analyse(result, options);
  return { result, findings, options, analysis, regions: regionsOf(analysis) };
}

/** The same analysis with the leadership summary of another region (nothing read or checked again). */
export function analysisFor(build: AnalysisBuild, region: string | null): AnalysisBuild {
  const options: AnalysisOptions = { ...build.options, region };
  return { ...build, options, analysis: analyse(build.result, options) };
}

function regionsOf(a: Analysis): string[] {
  return a.paragraphs.filter((p) => p.kind === 'region').map((p) => p.title);
}
