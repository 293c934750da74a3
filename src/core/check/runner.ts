import type { Grid } from '../grid';
import { parseAddress } from '../grid';
import type { Lang } from '../i18n';
import type { LayoutOverrides, Period, SheetLayout } from '../layout';
import { parsePeriod, readSheet, SheetCells } from '../layout';
import type { CheckOptions, CheckResult, CheckSettings, Finding, RuleSummary, Severity } from './Check.types';
import type { CheckContext, CheckedSheet, Draft, Param, RuleDef } from './context';
import { reportPeriod } from './context';
export { reportPeriod };
import { RULES } from './rules';
import { DEFAULT_SETTINGS } from './settings';
import { noteText } from './notes';

export interface WorkbookInput {
  grids: Grid[];
  /** layouts already read (same order as grids); read here when absent */
  layouts?: SheetLayout[];
  /** corrections per sheet name */
  overrides?: Record<string, LayoutOverrides>;
}

/** Prepare sheets for checking: figures read once per cell, tables found with the same figures. */
export function prepareSheets(input: WorkbookInput): CheckedSheet[] {
  return input.grids.map((grid, i) => {
    const cells = new SheetCells(grid);
    const layout = input.layouts?.[i]?.sheet === grid.name ? input.layouts[i] : readSheet(grid, input.overrides?.[grid.name], cells);
    return { grid, cells, layout };
  });
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function render(template: string, params: Record<string, Param>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => {
    const p = params[name];
    if (p === undefined) return all;
    if (typeof p === 'object') return p[lang];
    return String(p);
  });
}

export interface CheckWorkbookOptions extends CheckOptions {
  previous?: WorkbookInput | CheckedSheet[];
  /** where the user chooses a previous report, for the note when there is none: the command line's --previous (default) or the pane's picker */
  previousFrom?: 'cli' | 'pane';
  /** run only these rules (default: all) */
  only?: RuleDef['id'][];
}

function sheetsOf(input: WorkbookInput | CheckedSheet[]): CheckedSheet[] {
  return Array.isArray(input) ? input : prepareSheets(input);
}

/**
 * Check a workbook: every rule of the catalogue confronted with every table the
 * reader found, plus checks across sheets and, with `previous`, against last
 * period's report. Never throws on odd input; a rule that fails internally is
 * reported in `notes` and the others still run.
 */
export function checkWorkbook(input: WorkbookInput | CheckedSheet[], options: CheckWorkbookOptions = {}): CheckResult {
  const lang: Lang = options.lang ?? 'zh-CN';
  const settings: CheckSettings = { ...DEFAULT_SETTINGS, ...options.settings, rules: { ...DEFAULT_SETTINGS.rules, ...options.settings?.rules } };
  const sheets = sheetsOf(input);
  const previous = options.previous ? sheetsOf(options.previous) : null;
  const configured = settings.period ? parsePeriod(settings.period) : null;
  const ctx: CheckContext = { sheets, previous, settings, lang, period: configured ?? reportPeriod(sheets) };
  const issues: Finding[] = [];
  const summary: RuleSummary[] = [];
  const notes: string[] = [];
  if (settings.period && !configured) notes.push(noteText(lang, 'bad-period', { period: settings.period }));
  for (const rule of RULES) {
    if (options.only && !options.only.includes(rule.id)) continue;
    const own = settings.rules[rule.id];
    if (own?.enabled === false) continue;
    if (rule.needsPrevious && !previous) continue;
    const severity = own?.severity ?? rule.severity;
    let items = 0;
    let fails = 0;
    let findings = 0;
    const out = {
      items(n = 1) {
        items += n;
      },
      fail(d: Draft) {
        findings++;
        fails += d.fails ?? (d.cells ? d.cells.length : 1);
        const template = rule.messages[d.variant ?? 'default'] ?? rule.messages.default;
        const f: Finding = {
          sheet: d.sheet,
          cell: d.cell,
          rule: rule.id,
          severity: own?.severity ?? d.severity ?? severity,
          message: render(template[lang], d.params ?? {}, lang),
        };
        if (d.cells && d.cells.length > 1) f.cells = d.cells;
        if (d.expected !== undefined) f.expected = d.expected;
        if (d.actual !== undefined) f.actual = d.actual;
        // the tolerance as people read it: the slack for binary floating point left out
        if (d.tolerance !== undefined) f.tolerance = Number(d.tolerance.toPrecision(6));
        if (d.related) f.related = d.related;
        issues.push(f);
      },
    };
    try {
      rule.run(ctx, out);
    } catch (e) {
      notes.push(noteText(lang, 'rule-failed', { rule: rule.id, error: e instanceof Error ? e.message : String(e) }));
    }
    summary.push({ rule: rule.id, kind: rule.kind, severity, items: Math.max(items, fails), passes: Math.max(0, items - fails), fails, findings });
  }
  if (!previous && !options.only) notes.push(noteText(lang, options.previousFrom === 'pane' ? 'no-previous.pane' : 'no-previous', {}));
  if (previous) {
    const before = reportPeriod(previous);
    const now = ctx.period;
    const earlier = (a: Period, b: Period): boolean =>
      a.year !== null && b.year !== null && a.year !== b.year ? a.year < b.year : (a.endMonth ?? 0) < (b.endMonth ?? 0);
    if (before && now && !earlier(before, now)) notes.push(noteText(lang, 'previous-not-earlier', { previous: before.label, current: now.label }));
  }
  const sheetOrder = new Map(sheets.map((s, i) => [s.grid.name, i]));
  const pos = (f: Finding): number => {
    try {
      const a = parseAddress(f.cell.split(':')[0]);
      return a.row * 16384 + a.col;
    } catch {
      return 0;
    }
  };
  issues.sort(
    (a, b) =>
      (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9) ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      pos(a) - pos(b) ||
      a.rule.localeCompare(b.rule),
  );
  return { issues, summary, notes };
}

/** Does the result hold an error-severity finding (exit status 1)? */
export function hasErrors(result: CheckResult): boolean {
  return result.issues.some((f) => f.severity === 'error');
}
