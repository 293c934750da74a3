import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { BookFormat } from './read/Book.types';
import type { ReadErrorCode } from './WorkbookPort';
import { WorkbookReadError } from './WorkbookPort';

/** What a file read in each format is called in messages. */
export const FORMAT_NAMES: Record<BookFormat, string> = { xlsx: '.xlsx', xls: '.xls/.et', ods: '.ods', xlsb: '.xlsb' };

/** Writing into a legacy file is refused until the package writer can (its detail is the format's name, for the message). */
export function legacyWriteError(file: string, format: BookFormat): WorkbookReadError {
  return new WorkbookReadError('legacy-write', file, FORMAT_NAMES[format]);
}

/**
 * The one line for a file that cannot be read, in the user's language: what is wrong and
 * what to do, and for a damaged or unreadable file the cause as the reader found it (a
 * missing part, a cell that is no number…), so that "damaged" never hides why.
 */
export function readErrorText(e: { code: ReadErrorCode; detail?: string }, file: string, lang: Lang): string {
  const line = t(lang, `error.${e.code}`, { file, format: e.code === 'legacy-write' ? (e.detail ?? '') : '' });
  if ((e.code === 'corrupt' || e.code === 'unsupported' || e.code === 'no-sheets') && e.detail) {
    return `${line}${t(lang, 'error.cause', { detail: oneLine(e.detail) })}`;
  }
  return line;
}

/** A cause on one line, at most 200 characters. */
export function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
