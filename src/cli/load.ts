import type { Grid } from '../core/grid';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { WorkbookReadError } from '../workbook/WorkbookPort';
import { readXlsxFile } from '../workbook/xlsx';

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

/** Read the grids of a workbook file, or fail with one line in the user's language. */
export async function loadGrids(file: string, sheets: string[] | undefined, lang: Lang): Promise<Grid[]> {
  let grids: Grid[];
  try {
    const wb = await readXlsxFile(file);
    grids = wb.grids();
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new UserError(t(lang, `error.${e.code}`, { file }));
    throw new UserError(t(lang, 'error.corrupt', { file }));
  }
  if (sheets && sheets.length) {
    const wanted = new Map(sheets.map((s) => [s.trim(), s]));
    for (const [trimmed, asked] of wanted) {
      if (!grids.some((g) => g.name.trim() === trimmed)) throw new UserError(t(lang, 'error.no-sheet', { sheet: asked }));
    }
    grids = grids.filter((g) => wanted.has(g.name.trim()));
  }
  return grids;
}
