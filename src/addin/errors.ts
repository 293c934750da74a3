import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { NothingToSummarize } from '../core/session';
import { ExcelAdapterError } from '../workbook/excel/errors';

/** What went wrong, in the user's words, with what to do next when the message does not already say. */
export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof ExcelAdapterError) return e.text(lang);
  if (e instanceof NothingToSummarize) return e.message;
  return t(lang, 'excel.failed', { detail: e instanceof Error ? e.message : String(e) });
}
