/**
 * Errors on the standalone page in the user's words: a file that cannot be read gets
 * the core's message for its WorkbookReadError code (error.xls, error.encrypted …), the
 * browser running out of memory is "too large", and anything else says what failed
 * without blaming Excel (there is none here).
 */
import { errorText } from '../../addin/errors';
import type { Lang } from '../../core/i18n';
import { NothingToSummarize } from '../../core/session';
import type { ReadErrorCode } from '../../workbook/WorkbookPort';
import { WorkbookReadError } from '../../workbook/WorkbookPort';
import { ExcelAdapterError } from '../../workbook/excel/errors';
import { readErrorText } from '../../workbook/readErrors';
import { ui } from '../strings';

const READ_CODES: ReadErrorCode[] = ['not-found', 'xls', 'csv', 'encrypted', 'corrupt', 'unsupported', 'too-large', 'no-sheets', 'legacy-write'];

/** The code of a WorkbookReadError (also one from another copy of the class, as in a lazy chunk), or null. */
export function readErrorCode(e: unknown): ReadErrorCode | null {
  if (e instanceof WorkbookReadError) return READ_CODES.includes(e.code) ? e.code : 'unsupported';
  if (e instanceof Error && e.name === 'WorkbookReadError') {
    const code = (e as { code?: unknown }).code;
    return READ_CODES.includes(code as ReadErrorCode) ? (code as ReadErrorCode) : 'unsupported';
  }
  return null;
}

/** The browser ran out of memory (an ArrayBuffer or a string too long for it). */
export function isOutOfMemory(e: unknown): boolean {
  return e instanceof RangeError && /alloc|memory|Invalid (array|string|typed array) length/i.test(e.message);
}

function detailOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The cause a WorkbookReadError carries (the reader's words), if any. */
function causeOf(e: unknown): string | undefined {
  const detail = (e as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' ? detail : undefined;
}

/** Why the file `file` could not be opened, in the user's words (with the cause for a damaged file). */
export function openErrorText(e: unknown, file: string, lang: Lang): string {
  const code = readErrorCode(e) ?? (isOutOfMemory(e) ? 'too-large' : null);
  if (code) return readErrorText({ code, detail: causeOf(e) }, file, lang);
  return ui(lang, 'file.open-failed', { file, detail: detailOf(e) });
}

/** An error of a step on the file's workbook (writing the summary, marking, downloading). */
export function fileErrorText(e: unknown, lang: Lang): string {
  if (e instanceof ExcelAdapterError || e instanceof NothingToSummarize) return errorText(e, lang);
  const code = readErrorCode(e);
  if (code) return readErrorText({ code, detail: causeOf(e) }, (e as { file?: string }).file ?? '', lang);
  if (isOutOfMemory(e)) return ui(lang, 'file.out-of-memory');
  return ui(lang, 'file.failed', { detail: detailOf(e) });
}
