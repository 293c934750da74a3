import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckSettings } from '../core/check';
import { prepareSheets } from '../core/check';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { readWorkbook } from '../core/layout';
import type { SummarizeOptions, SummaryResult } from '../core/summarize';
import { summarize } from '../core/summarize';
import type { BuildSummaryInput, SummaryBuild, SummaryFacts } from '../core/session';
import { NothingToSummarize, planFacts, summaryFacts } from '../core/session';
import type { HighlightKind, PlanMode } from '../core/summary';
import { summaryPeriod } from '../core/summary';
import { WorkbookReadError } from '../workbook/WorkbookPort';
import { XlsxBook } from '../workbook/read';
import type { ReadBook } from '../workbook/read';
import { FORMAT_NAMES } from '../workbook/readErrors';
import { legacyPackage } from '../workbook/write/legacy';
import { writeFileAtomic, writePlanCopy } from './writeCopy';
import { UserError, bookGrids, loadTargets, loadWorkbook, pickSheets, splitGrids } from './load';

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
  /** add 分析要点 */
  text: boolean;
  highlights: Partial<Record<HighlightKind, boolean>>;
  settings: Partial<CheckSettings>;
  summarize: SummarizeOptions;
  /** return the summary (for --json); otherwise it is let go before the copy is written */
  keepResult?: boolean;
}

export interface WriteSummaryOutcome {
  /** the summary, when `keepResult` */
  result: SummaryResult | null;
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
  const { grids } = splitGrids(bookGrids(wb, lang));
  return summarize(readWorkbook(grids), grids, options);
}


const MACRO_BOOK = /macroEnabled/i;

/** Whether an .xlsx-family package is macro-enabled (its workbook part's content type says so). */
function isMacroBook(book: XlsxBook): boolean {
  const rel = book.pkg.related('', 'officeDocument');
  return !!rel?.part && MACRO_BOOK.test(book.pkg.contentType(rel.part) ?? '');
}

/**
 * Read the workbook, check and summarise it, and plan the sheets. Returns the package the copy
 * is written from: the file's own bytes, or for a legacy file a new .xlsx of its sheets.
 */
async function readAndPlan(
  file: string,
  o: WriteSummaryOptions,
  ext: string,
  messages: string[],
): Promise<{ built: Pick<SummaryBuild, 'planned' | 'notes'> & { result: SummaryResult | null }; source: Uint8Array; converted: string | null }> {
  const lang = o.lang;
  // let go once its grids are summarised and its package taken: an XlsxBook keeps the grids it read
  let wb: ReadBook | null = await loadWorkbook(file, lang);
  const macro = wb instanceof XlsxBook && isMacroBook(wb);
  if (macro && ext !== '.xlsm') throw new UserError(t(lang, 'error.output-xlsm', { file: o.output }));
  if (!macro && ext !== '.xlsx') throw new UserError(t(lang, 'error.output-ext', { file: o.output }));

  const targets = o.targets ? await loadTargets(o.targets, lang, messages) : undefined;
  let previous: { result: SummaryResult; label: string } | null = null;
  if (o.previous) {
    const prev = await summaryOf(o.previous, lang, o.summarize);
    previous = { result: prev, label: summaryPeriod(prev) ?? path.basename(o.previous) };
  }
  const input: BuildSummaryInput = {
    lang,
    mode: o.mode,
    indicators: o.indicators,
    top: o.top,
    points: o.points,
    share: o.share,
    perSheet: o.perSheet,
    highlights: o.highlights,
    check: o.check,
    text: o.text,
    checkSettings: o.settings,
    summarize: o.summarize,
    previous,
    targets,
  };
  try {
    // summarise and check in a function of its own, and take the package: the workbook and its grids are
    // let go before the plan is laid out (an XlsxBook keeps the grids it read)
    const read = (book: ReadBook): { facts: SummaryFacts; source: Uint8Array; converted: string | null } => {
      const split = splitGrids(bookGrids(book, lang));
      const sheets = prepareSheets({ grids: pickSheets(split.grids, o.sheets, lang) });
      return { facts: summaryFacts(split, sheets, input), ...packageOf(book, o, lang) };
    };
    const { facts, source, converted } = read(wb);
    wb = null;
    // the summary itself is let go before the copy is written, unless it is wanted (the plan holds all the copy needs)
    const { planned, notes, result } = planFacts(facts, input);
    return { built: { planned, notes, result: o.keepResult ? result : null }, source, converted };
  } catch (e) {
    if (e instanceof NothingToSummarize) throw new UserError(e.message);
    throw e;
  }
}

/** The package the copy is written from: the file's own bytes, or for a legacy file a new .xlsx of its sheets. */
function packageOf(wb: ReadBook, o: WriteSummaryOptions, lang: Lang): { source: Uint8Array; converted: string | null } {
  if (wb instanceof XlsxBook) return { source: wb.bytes, converted: null };
  // a legacy file: a new package of its sheets (values, number formats, merges, widths), then ours
  try {
    return { source: legacyPackage(wb), converted: FORMAT_NAMES[wb.format] };
  } catch (e) {
    throw new UserError(t(lang, 'error.write', { file: o.output, detail: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * `summarize FILE -o OUT.xlsx`: read, check and summarise the workbook, then write a
 * copy with the summary sheets added. The input file is never written.
 */
export async function writeSummary(file: string, o: WriteSummaryOptions): Promise<WriteSummaryOutcome> {
  const lang = o.lang;
  const ext = path.extname(o.output).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new UserError(t(lang, 'error.output-ext', { file: o.output }));
  if (sameFile(file, o.output)) throw new UserError(t(lang, 'error.same-file', { file: o.output }));
  if (!o.force && fs.existsSync(o.output)) throw new UserError(t(lang, 'error.exists', { file: o.output }));

  const messages: string[] = [];
  // Read and plan in a function of its own: its grids are let go before the copy is written
  const { built, source, converted } = await readAndPlan(file, o, ext, messages);
  const { planned, notes, result } = built;
  const { plan, indicators, regions } = planned;
  let buf: Uint8Array;
  try {
    buf = writePlanCopy(source, plan);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserError(t(lang, 'error.write', { file: o.output, detail: e.detail ?? e.code }));
    throw new UserError(t(lang, 'error.write', { file: o.output, detail: e instanceof Error ? e.message : String(e) }));
  }
  try {
    writeFileAtomic(o.output, buf);
  } catch (e) {
    throw new UserError(t(lang, 'error.write', { file: o.output, detail: e instanceof Error ? e.message : String(e) }));
  }
  if (converted) messages.push(t(lang, 'write.converted', { format: converted }));

  messages.unshift(
    t(lang, 'write.done', {
      file: o.output,
      sheets: plan.sheets.map((s) => `「${s.name}」`).join(lang === 'zh-CN' ? '、' : ', '),
      indicators,
      regions,
      mode: t(lang, o.mode === 'formulas' ? 'write.mode.formulas' : 'write.mode.values'),
    }),
    ...notes,
  );
  messages.push(t(lang, 'write.open', { file: o.output }));
  return { result, messages };
}
