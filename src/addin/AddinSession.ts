import type { CheckResult, CheckedSheet, Finding, IdentitySetting } from '../core/check';
import type { Lang } from '../core/i18n';
import type { LayoutOverrides } from '../core/layout';
import { planMarks } from '../core/marks';
import type { AddinSettings, AnalysisBuild, FindingCounts, PreviousReport, SummaryChoices, TableInfo } from '../core/session';
import {
  analysisFor,
  buildAnalysis,
  buildSummary,
  checkSession,
  countFindings,
  defaultSettings,
  describeTables,
  enabledSheets,
  paneCheckSettings,
  preparePrevious,
  prepareSession,
  previousSummary,
  summaryInput,
  withAcceptance,
} from '../core/session';
import type { Grid } from '../core/grid';
import type { SplitGrids } from '../core/summary';
import { splitGrids } from '../core/summary';
import type { LiveWorkbook, SettingsStore } from './ports';

export type GenerateStep = 'read' | 'check' | 'plan' | 'write' | 'save';

/** The same objects in the same order. */
function sameObjects<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface GenerateOutcome {
  /** the summary sheets written, in order; the first is active */
  sheets: string[];
  indicators: number;
  regions: number;
  /** findings of the checks run with it (null when 审核结果 is off) */
  counts: FindingCounts | null;
  /** what else the user should know, in their language */
  notes: string[];
}

export interface MarkOutcome {
  cells: number;
  /** marks of an earlier run taken off first */
  removed: number;
}

type ColumnPatch = NonNullable<LayoutOverrides['columns']>[number];

/**
 * The task pane's work, without React and without the Office globals: read the
 * workbook, list its tables, check the figures, mark and unmark cells, generate the
 * summary, and keep the user's choices in the workbook. The ribbon's 一键汇总 uses
 * the same object, so both produce the same sheets.
 *
 * Every step that acts on figures reads the workbook again first, so a figure the
 * user fixed a minute ago is the one checked and summarised.
 */
export class AddinSession {
  settings: AddinSettings;
  /** settings were found in the workbook (the ribbon command needs them) */
  readonly hasSaved: boolean;
  tables: TableInfo[] = [];
  findings: CheckResult | null = null;
  /** last period's report, chosen for this session (a file is never kept in the workbook's settings) */
  previous: PreviousReport | null = null;
  /** the last analysis written (分析文字), or null */
  text: AnalysisBuild | null = null;
  private split: SplitGrids | null = null;
  /** the grids last read, and the settings the sheets were last prepared with */
  private lastGrids: readonly Grid[] = [];
  private preparedWith: AddinSettings | null = null;
  private sheets: CheckedSheet[] = [];

  constructor(
    readonly workbook: LiveWorkbook,
    private readonly store: SettingsStore,
    readonly lang: Lang,
  ) {
    const saved = store.load();
    this.hasSaved = saved !== null;
    this.settings = saved ?? defaultSettings();
  }

  /**
   * Read every sheet (3 syncs: list them, used ranges and merged areas, cells) and find the
   * tables. When the workbook gives back the very grids it gave last time (a file read once
   * and not changed since) and the settings are the same, the tables found then still hold:
   * a large file is not laid out again (nor held twice while it would be).
   */
  async read(): Promise<TableInfo[]> {
    const grids = await this.workbook.readGrids();
    if (this.split && this.preparedWith === this.settings && sameObjects(this.lastGrids, grids)) return this.tables;
    this.sheets = []; // let the sheets of the last read go before the new ones are prepared
    this.split = splitGrids(grids);
    this.lastGrids = grids;
    this.prepare();
    return this.tables;
  }

  private prepare(): void {
    if (!this.split) return;
    this.sheets = prepareSession(this.split, this.settings);
    this.tables = describeTables(this.sheets, this.settings);
    this.preparedWith = this.settings;
  }

  /** Indicators of the enabled regional tables, for the summary step's choice. */
  get indicatorNames(): string[] {
    const names = new Set<string>();
    for (const tb of this.tables) if (tb.enabled && !tb.targets && tb.shape === 'regions') tb.indicators.forEach((n) => names.add(n));
    return [...names];
  }

  /** A sheet has a table of annual targets. */
  get hasTargets(): boolean {
    return this.tables.some((tb) => tb.targets && tb.enabled);
  }

  private async save(): Promise<void> {
    await this.store.save(this.settings);
  }

  /** Switch a sheet on or off for checking and summarising. */
  async setEnabled(sheet: string, on: boolean): Promise<void> {
    const skip = new Set(this.settings.skipSheets);
    if (on) skip.delete(sheet);
    else skip.add(sheet);
    this.settings = { ...this.settings, skipSheets: [...skip] };
    this.tables = this.tables.map((tb) => (tb.sheet === sheet ? { ...tb, enabled: on } : tb));
    await this.save();
  }

  /** Correct what the reader got wrong on a sheet; the sheet is read again with it (no round trip). */
  async correct(sheet: string, change: { totalRow?: number | null; col?: number; column?: ColumnPatch | null; peer?: { row: number; ranked: boolean | null } }): Promise<void> {
    const current: LayoutOverrides = { ...(this.settings.overrides[sheet] ?? {}) };
    if (change.totalRow !== undefined) current.totalRow = change.totalRow;
    if (change.peer !== undefined) {
      // null forgets the choice (the reader's reading holds again)
      const peers = { ...(current.peers ?? {}) };
      if (change.peer.ranked === null) delete peers[change.peer.row];
      else peers[change.peer.row] = change.peer.ranked;
      if (Object.keys(peers).length) current.peers = peers;
      else delete current.peers;
    }
    if (change.col !== undefined) {
      const columns = { ...(current.columns ?? {}) };
      if (change.column === null) delete columns[change.col];
      else columns[change.col] = { ...(columns[change.col] ?? {}), ...change.column };
      if (Object.keys(columns).length) current.columns = columns;
      else delete current.columns;
    }
    const overrides = { ...this.settings.overrides };
    if (Object.keys(current).length) overrides[sheet] = current;
    else delete overrides[sheet];
    this.settings = { ...this.settings, overrides };
    this.prepare();
    await this.save();
  }

  /** Forget every correction of a sheet. */
  async resetCorrections(sheet: string): Promise<void> {
    const overrides = { ...this.settings.overrides };
    delete overrides[sheet];
    this.settings = { ...this.settings, overrides };
    this.prepare();
    await this.save();
  }

  /**
   * Choose last period's report (its sheets, as read from the file the user picked) for the checks
   * against last period and the rank changes (位次变化) of the summary; null forgets it.
   */
  setPrevious(name: string | null, grids: Grid[] | null): PreviousReport | null {
    this.previous = name !== null && grids ? preparePrevious(name, grids) : null;
    return this.previous;
  }

  /** 检查数据: read the workbook again and check the sheets switched on (against the previous report when one was chosen). */
  async check(): Promise<CheckResult> {
    await this.read();
    this.findings = checkSession(this.sheets, this.settings, this.lang, paneCheckSettings(this.settings), this.previous?.sheets ?? null);
    return this.findings;
  }

  /**
   * The bureau's own accounting identities (自定义平衡关系), kept in the workbook; the findings shown are
   * checked again with them (the checks of the summary's 审核结果 use them too).
   */
  async setIdentities(identities: IdentitySetting[]): Promise<void> {
    this.settings = { ...this.settings, identities: [...identities] };
    await this.save();
    if (this.findings) await this.check();
  }

  /** Confirm a soft finding with an explanation (an empty one withdraws it); kept in the workbook. */
  async accept(finding: Finding, note: string, at = new Date().toISOString()): Promise<void> {
    this.settings = { ...this.settings, accepted: withAcceptance(this.settings.accepted, finding, note, at) };
    if (this.findings) {
      const trimmed = note.trim();
      const same = (f: Finding): boolean => f.rule === finding.rule && f.sheet === finding.sheet && f.cell === finding.cell;
      const issues = this.findings.issues.map((f) => {
        if (!same(f)) return f;
        const copy: Finding = { ...f };
        if (trimmed) copy.accepted = { note: trimmed, at };
        else delete copy.accepted;
        return copy;
      });
      this.findings = { ...this.findings, issues };
    }
    await this.save();
  }

  /** 标记到单元格: fill and note the cells of the findings (errors and warnings not confirmed). */
  async mark(): Promise<MarkOutcome> {
    const findings = this.findings ?? (await this.check());
    const marks = planMarks(findings.issues, { lang: this.lang });
    const result = await this.workbook.mark(marks);
    return { cells: result.cells, removed: result.removed?.cells ?? 0 };
  }

  /** 清除标记: restore what the marked cells had. */
  async unmark(): Promise<{ cells: number; kept: number }> {
    const r = await this.workbook.unmark();
    return { cells: r.cells, kept: r.kept };
  }

  /** Select a finding's cell in Excel. */
  goTo(f: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
    return this.workbook.goTo(f.sheet, f.cell.split(':')[0]);
  }

  /**
   * 分析文字: read the workbook again and write the analysis of the sheets switched on, from the
   * same summary 生成汇总表 computes (the summary choices: rank basis, ties, zones, k, the targets
   * sheet), against the previous report when one was chosen; indicators with errors the checks find are left out. The
   * same path as `indicator-tables text` (core/session buildAnalysis).
   */
  async analysis(region: string | null = null): Promise<AnalysisBuild> {
    await this.read();
    const input = summaryInput(this.settings, this.lang);
    this.text = buildAnalysis(enabledSheets(this.sheets, this.settings), {
      lang: this.lang,
      summarize: input.summarize,
      previous: this.previous ? previousSummary(this.previous, input.summarize) : null,
      previousSheets: this.previous?.sheets ?? null,
      targets: input.targets,
      accepted: this.settings.accepted,
      top: input.top,
      region,
    });
    return this.text;
  }

  /** The last analysis with the leadership summary (要点) of another region; nothing is read again. */
  analysisFor(region: string | null): AnalysisBuild | null {
    if (!this.text) return null;
    this.text = analysisFor(this.text, region);
    return this.text;
  }

  /** Change summary choices and keep them. */
  async choose(change: Partial<SummaryChoices>): Promise<void> {
    this.settings = { ...this.settings, summary: { ...this.settings.summary, ...change } };
    await this.save();
  }

  /**
   * 生成汇总表: read, check, plan and write the summary sheets (the first becomes
   * active), then save the choices so that 一键汇总 and next month's file reuse them.
   */
  async generate(progress: (step: GenerateStep) => void = () => undefined, now = new Date()): Promise<GenerateOutcome> {
    progress('read');
    await this.read();
    if (!this.split) throw new Error('unreachable: nothing read');
    progress('check');
    const sheets = enabledSheets(this.sheets, this.settings);
    progress('plan');
    const input = summaryInput(this.settings, this.lang);
    if (this.previous) {
      input.previous = previousSummary(this.previous, input.summarize);
      input.previousSheets = this.previous.sheets;
    }
    const built = buildSummary(this.split, sheets, input);
    if (built.findings) this.findings = built.findings;
    progress('write');
    await this.workbook.writePlan(built.planned.plan, { activate: true });
    progress('save');
    this.settings = { ...this.settings, lastRun: now.toISOString() };
    await this.save();
    return {
      sheets: built.planned.plan.sheets.filter((s) => !s.hidden).map((s) => s.name),
      indicators: built.planned.indicators,
      regions: built.planned.regions,
      counts: built.findings ? countFindings(built.findings.issues) : null,
      notes: built.notes,
    };
  }
}
