import * as fs from 'node:fs';
import type { CheckSettings } from '../core/check';
import { parseSettings, RULE_IDS } from '../core/check';
import type { Grid } from '../core/grid';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { WorkbookReadError } from '../workbook/WorkbookPort';
import { oneLine, readErrorText } from '../workbook/readErrors';
import type { ReadBook } from '../workbook/read';
import { readWorkbookFile } from '../workbook/read/file';
import { readTargets, splitGrids } from '../core/summary';
import type { Targets } from '../core/summary';
import { readWorkbook } from '../core/layout';

/** Raised for problems the user can fix; the message is already in their language. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/**
 * Open a workbook file (.xlsx/.xlsm; .xls, WPS .et, .ods and .xlsb through SheetJS), or fail
 * with one line in the user's language. The grids are read when asked for, and the same
 * errors apply then (a damaged sheet part is found when it is read).
 */
export async function loadWorkbook(file: string, lang: Lang): Promise<ReadBook> {
  try {
    return await readWorkbookFile(file);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserError(readErrorText(e, file, lang));
    throw new UserError(t(lang, 'error.corrupt', { file }) + t(lang, 'error.cause', { detail: oneLine(e instanceof Error ? e.message : String(e)) }));
  }
}

/** A book's grids (a read error while reading a sheet becomes the same one line). */
export function bookGrids(book: ReadBook, lang: Lang): Grid[] {
  try {
    return book.grids();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserError(readErrorText(e, book.file, lang));
    throw e;
  }
}

export { splitGrids } from '../core/summary';
export type { SplitGrids } from '../core/summary';

/** Keep the sheets asked for with --sheet, or fail naming the one that is missing. */
export function pickSheets(grids: Grid[], sheets: string[] | undefined, lang: Lang): Grid[] {
  if (sheets && sheets.length) {
    const wanted = new Map(sheets.map((s) => [s.trim(), s]));
    for (const [trimmed, asked] of wanted) {
      if (!grids.some((g) => g.name.trim() === trimmed)) throw new UserError(t(lang, 'error.no-sheet', { sheet: asked }));
    }
    return grids.filter((g) => wanted.has(g.name.trim()));
  }
  return grids;
}

/**
 * Read the grids of a workbook file, or fail with one line in the user's language.
 * The add-in's own sheets from an earlier run are left out.
 */
export async function loadGrids(file: string, sheets: string[] | undefined, lang: Lang): Promise<Grid[]> {
  const wb = await loadWorkbook(file, lang);
  return pickSheets(splitGrids(bookGrids(wb, lang)).grids, sheets, lang);
}

/** Settings from a JSON file (`--config`), or one message per problem in the user's language. */
export function loadSettings(file: string, lang: Lang): Partial<CheckSettings> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new UserError(t(lang, 'error.config-read', { file }));
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(t(lang, 'error.config-json', { file, detail: e instanceof Error ? e.message : String(e) }));
  }
  const { settings, problems } = parseSettings(doc, RULE_IDS, lang);
  if (problems.length) throw new UserError(t(lang, 'error.config', { file, problems: problems.map((p) => '  - ' + p).join('\n') }));
  return settings;
}

/** Annual targets from a file of its own (--targets); an empty map when it has none, which `messages` is told. */
export async function loadTargets(file: string, lang: Lang, messages: string[]): Promise<Targets> {
  const { grids } = splitGrids(bookGrids(await loadWorkbook(file, lang), lang));
  const targets = readTargets(readWorkbook(grids), grids);
  if (!targets.size) messages.push(t(lang, 'write.targets-none', { file }));
  return targets;
}
