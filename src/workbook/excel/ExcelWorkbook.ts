/// <reference types="office-js" />
import type { Grid } from '../../core/grid';
import type { CellMark } from '../../core/marks';
import type { WorkbookPlan } from '../../core/summary/Plan.types';
import type { SheetInfo, WorkbookReader, WorkbookWriter } from '../WorkbookPort';
import type { Capabilities } from './capabilities';
import { MIN_EXCEL_API, detectCapabilities } from './capabilities';
import { ExcelAdapterError, toAdapterError } from './errors';
import type { ExcelHost } from './host';
import type { MarkResult, UnmarkResult } from './marks';
import { markCells, readRecords, unmarkCells } from './marks';
import type { Notice } from './notices';
import type { ReadStats } from './read';
import { listWorksheets, readSheetGrids } from './read';
import type { WriteStats } from './write';
import { writeWorkbookPlan } from './write';

export interface ExcelWorkbookOptions {
  /** bytes one request may carry (tests lower it to exercise the blocks) */
  budget?: number;
}

/**
 * The workbook open in Excel, behind the same ports as the xlsx adapter, plus what
 * only a live workbook can do: mark cells, unmark them, go to a cell.
 *
 * Every call is one `Excel.run` with a fixed number of syncs (plus one per extra block
 * of data). Failures come out as ExcelAdapterError, whose text() is the message for
 * the user; `notices` lists the fallbacks the last call used.
 */
export class ExcelWorkbook implements WorkbookReader, WorkbookWriter {
  readonly caps: Capabilities;
  /** what the last call had to do differently (a missing API set, too many merged areas) */
  notices: Notice[] = [];
  /** syncs and blocks of the last read; syncs and cells of the last write */
  lastRead: ReadStats | null = null;
  lastWrite: WriteStats | null = null;

  constructor(
    private readonly host: ExcelHost,
    private readonly options: ExcelWorkbookOptions = {},
  ) {
    this.caps = detectCapabilities(host);
  }

  private async run<T>(what: (context: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    if (!this.caps.minimum) throw new ExcelAdapterError('api-missing', { feature: 'Excel JavaScript API', version: MIN_EXCEL_API });
    this.notices = [];
    try {
      return await this.host.run(what);
    } catch (e) {
      throw toAdapterError(e, sheet);
    }
  }

  listSheets(): Promise<SheetInfo[]> {
    return this.run((context) => listWorksheets(context));
  }

  /** Read sheets; without names, every sheet (one more sync to list them). */
  readGrids(names?: string[]): Promise<Grid[]> {
    return this.run(async (context) => {
      let wanted = names;
      if (!wanted) {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        wanted = sheets.items.map((ws) => ws.name);
      }
      const { grids, stats } = await readSheetGrids(context, wanted, this.caps, this.notices, { budget: this.options.budget });
      this.lastRead = { ...stats, syncs: stats.syncs + (names ? 0 : 1) };
      return grids;
    });
  }

  writePlan(plan: WorkbookPlan, options: { activate?: boolean } = {}): Promise<void> {
    return this.run(async (context) => {
      this.lastWrite = await writeWorkbookPlan(context, plan, this.caps, this.notices, { budget: this.options.budget, activate: options.activate });
    });
  }

  /** Mark cells, replacing the marks of an earlier run (which are taken off first). */
  mark(marks: CellMark[]): Promise<MarkResult & { removed: UnmarkResult | null }> {
    return this.run(async (context) => {
      const earlier = await readRecords(context);
      let removed: UnmarkResult | null = null;
      if (earlier !== null) removed = await unmarkCells(context, this.caps, this.options.budget, earlier);
      const result = await markCells(context, marks, this.caps, this.notices, this.options.budget);
      return { ...result, syncs: result.syncs + 1 + (removed?.syncs ?? 0), removed };
    });
  }

  /** Take every mark off, restoring what the cells had. */
  unmark(): Promise<UnmarkResult> {
    return this.run((context) => unmarkCells(context, this.caps, this.options.budget));
  }

  /**
   * Call `onChange` when a sheet's data changes, or a sheet is added or deleted
   * (ExcelApi 1.9). Resolves to a function that stops watching, or null where Excel
   * cannot tell (the pane then re-reads before every step, as it always does).
   */
  async watch(onChange: () => void): Promise<(() => Promise<void>) | null> {
    if (!this.host.isSetSupported('ExcelApi', '1.9')) return null;
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      if (!sheets.onChanged || !sheets.onAdded || !sheets.onDeleted) return null;
      const fire = async (): Promise<void> => onChange();
      const handlers = [sheets.onChanged.add(fire), sheets.onAdded.add(fire), sheets.onDeleted.add(fire)];
      await context.sync();
      return async () => {
        for (const h of handlers) h.remove();
        await handlers[0].context.sync();
      };
    });
  }

  /**
   * Show a cell: activate its sheet, then select it (select on an inactive sheet is unreliable),
   * in one sync. Excel refuses to activate a hidden sheet: only then does a second sync look at
   * the sheet, to say that it is hidden ('sheet-hidden') rather than that something failed.
   */
  goTo(sheet: string, cell: string): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
      ws.activate();
      ws.getRange(cell).select();
      try {
        await context.sync();
      } catch (e) {
        const again = context.workbook.worksheets.getItemOrNullObject(sheet);
        again.load('visibility');
        await context.sync();
        if (!again.isNullObject && again.visibility !== 'Visible') throw new ExcelAdapterError('sheet-hidden', { sheet, cell });
        throw e;
      }
      if (ws.isNullObject) throw new ExcelAdapterError('sheet-gone', { sheet });
    }, sheet);
  }
}
