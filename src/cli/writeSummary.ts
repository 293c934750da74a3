import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckSettings } from '../core/check';
import { checkWorkbook, prepareSheets } from '../core/check';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { readWorkbook } from '../core/layout';
import type { SummarizeOptions, SummaryResult } from '../core/summarize';
import { summarize } from '../core/summarize';
import type { HighlightKind, PlanMode, Targets } from '../core/summary';
import { isTargetsSheet, planSummary, readTargets, summaryPeriod } from '../core/summary';
import { UserError, loadWorkbook, pickSheets, splitGrids } from './load';

export interface WriteSummaryOptions {
  output: string;
  force: boolean;
  mode: PlanMode;
  lang: Lang;
  sheets?: string[];
  previous?: string;
  targets?: string;
  indicators?: string[];
  top: number;
  points: boolean;
  share: boolean;
  perSheet: number;
  check: boolean;
  highlights: Partial<Record<HighlightKind, boolean>>;
  settings: Partial<CheckSettings>;
  summarize: SummarizeOptions;
}

export interface WriteSummaryOutcome {
  result: SummaryResult;
  messages: string[];
}

function sameFile(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.ino === sb.ino && sa.dev === sb.dev;
  } catch {
    return false;
  }
}

/** Summaries of a file's user sheets (the add-in's own sheets are left out). */
async function summaryOf(file: string, lang: Lang, options: SummarizeOptions): Promise<SummaryResult> {
  const wb = await loadWorkbook(file, lang);
  const { grids } = splitGrids(wb.grids());
  return summarize(readWorkbook(grids), grids, options);
}

async function targetsOf(file: string, lang: Lang): Promise<Targets> {
  const wb = await loadWorkbook(file, lang);
  const { grids } = splitGrids(wb.grids());
  return readTargets(readWorkbook(grids), grids);
}

/**
 * `summarize FILE -o OUT.xlsx`: read, check and summarise the workbook, then write a
 * copy with the summary sheets added. The input file is never written.
 */
export async function writeSummary(file: string, o: WriteSummaryOptions): Promise<WriteSummaryOutcome> {
  const lang = o.lang;
  if (path.extname(o.output).toLowerCase() !== '.xlsx') throw new UserError(t(lang, 'error.output-ext', { file: o.output }));
  if (sameFile(file, o.output)) throw new UserError(t(lang, 'error.same-file', { file: o.output }));
  if (!o.force && fs.existsSync(o.output)) throw new UserError(t(lang, 'error.exists', { file: o.output }));

  const wb = await loadWorkbook(file, lang);
  const split = splitGrids(wb.grids());
  const grids = pickSheets(split.grids, o.sheets, lang);
  const prepared = prepareSheets({ grids });
  const layouts = prepared.map((p) => p.layout);
  // a sheet of annual targets in the workbook itself
  const targetSheets = new Set(layouts.filter(isTargetsSheet).map((l) => l.sheet));
  const figures = prepared.filter((p) => !targetSheets.has(p.layout.sheet));
  const result = summarize(
    figures.map((p) => p.layout),
    figures.map((p) => p.cells),
    o.summarize,
  );
  if (!result.tables.some((tb) => tb.peers >= 2)) throw new UserError(t(lang, 'summary.none'));

  const messages: string[] = [];
  let targets: Targets | null = null;
  if (o.targets) {
    targets = await targetsOf(o.targets, lang);
    if (!targets.size) messages.push(t(lang, 'write.targets-none', { file: o.targets }));
  } else if (targetSheets.size) {
    const own = prepared.filter((p) => targetSheets.has(p.layout.sheet));
    targets = readTargets(
      own.map((p) => p.layout),
      own.map((p) => p.cells),
    );
  }
  let previous: { result: SummaryResult; label: string } | null = null;
  if (o.previous) {
    const prev = await summaryOf(o.previous, lang, o.summarize);
    previous = { result: prev, label: summaryPeriod(prev) ?? path.basename(o.previous) };
  }
  const findings = o.check ? checkWorkbook(prepared, { lang, settings: o.settings }) : null;

  const { plan, unknownIndicators, targetsUsed, targetsUnconvertible, renamed, indicators, regions } = planSummary(result, {
    lang,
    mode: o.mode,
    indicators: o.indicators,
    top: o.top,
    points: o.points,
    share: o.share,
    perSheet: o.perSheet,
    highlights: o.highlights,
    findings,
    sheetOrder: grids.map((g) => g.name),
    previous,
    targets,
    existing: split.existing,
    registry: split.registry,
  });
  for (const name of unknownIndicators) messages.push(t(lang, 'write.unknown-indicator', { name }));
  if (!plan.sheets.length) throw new UserError(t(lang, 'summary.none'));

  await wb.writePlan(plan);
  let buf: Buffer;
  try {
    buf = await wb.toBuffer();
    fs.writeFileSync(o.output, buf);
  } catch (e) {
    throw new UserError(t(lang, 'error.write', { file: o.output, detail: e instanceof Error ? e.message : String(e) }));
  }

  messages.unshift(
    t(lang, 'write.done', {
      file: o.output,
      sheets: plan.sheets.map((s) => `「${s.name}」`).join(lang === 'zh-CN' ? '、' : ', '),
      indicators,
      regions,
      mode: t(lang, o.mode === 'formulas' ? 'write.mode.formulas' : 'write.mode.values'),
    }),
  );
  for (const r of renamed) messages.push(t(lang, 'write.renamed', r));
  if (plan.remove.length) messages.push(t(lang, 'write.replaced', { sheets: plan.remove.join(lang === 'zh-CN' ? '、' : ', ') }));
  const findingsSheet = plan.sheets.find((s) => s.role === 'findings');
  if (findings && findingsSheet) {
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of findings.issues) n[f.severity]++;
    messages.push(t(lang, 'write.findings', { ...n, sheet: findingsSheet.name }));
  }
  if (targetsUsed.length) messages.push(t(lang, 'write.targets', { list: targetsUsed.join(lang === 'zh-CN' ? '、' : ', ') }));
  if (targetsUnconvertible.length) messages.push(t(lang, 'write.targets-unit', { list: targetsUnconvertible.join(lang === 'zh-CN' ? '、' : ', ') }));
  messages.push(t(lang, 'write.open', { file: o.output }));
  return { result, messages };
}
