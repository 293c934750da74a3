/**
 * What the standalone page needs from the workbook file it opened. FileWorkbook
 * (src/workbook/file, loaded lazily with ExcelJS) implements it; tests may pass a fake.
 */
import type { LiveWorkbook } from '../../addin';
import type { Lang } from '../../core/i18n';

export interface FileWorkbookLike extends LiveWorkbook {
  /** the name of the file opened, as the user chose it */
  readonly fileName: string;
  /** the workbook as an .xlsx file: the user's sheets, the summary sheets and the marks */
  toBytes(): Promise<Uint8Array>;
  /** the name to download it under ('三月报表-汇总.xlsx', 'name-summary.xlsx') */
  downloadName(lang: Lang): string;
}

/** Called with a cell when the session goes to it (a finding was chosen): the page shows it. */
export type OnGoTo = (sheet: string, cell: string) => void;

/** Opens the bytes of a chosen file as a workbook; rejects with WorkbookReadError when it cannot. */
export type OpenFile = (data: ArrayBuffer, name: string, onGoTo: OnGoTo) => Promise<FileWorkbookLike>;
