import type { Lang } from '../../core/i18n';
import { t } from '../../core/i18n';

/**
 * Problems inside Excel the user can act on. Each code has a message in the user's
 * language (`excel.<code>` in the core's messages); `params` fill it.
 */
export type ExcelProblem =
  | 'cell-editing'
  | 'protected-sheet'
  | 'protected-workbook'
  | 'sheet-gone'
  | 'sheet-hidden'
  | 'sheet-hidden-page'
  | 'name-taken'
  | 'no-visible'
  | 'too-large'
  | 'api-missing'
  | 'failed';

export class ExcelAdapterError extends Error {
  constructor(
    readonly problem: ExcelProblem,
    readonly params: Record<string, string> = {},
    /** what Excel threw */
    readonly original?: unknown,
  ) {
    super(`${problem}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'ExcelAdapterError';
  }

  /** The message for the user. */
  text(lang: Lang): string {
    return t(lang, `excel.${this.problem}`, this.params);
  }
}

/** The error code of an OfficeExtension.Error (or the fake's), if any. */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return undefined;
}

function detailOf(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * Turn what Excel threw into a problem the user can act on. `sheet` names the sheet
 * the batch was about, when there is one.
 */
export function toAdapterError(e: unknown, sheet?: string): ExcelAdapterError {
  if (e instanceof ExcelAdapterError) return e;
  switch (officeCode(e)) {
    case 'InvalidOperationInCellEditMode':
      return new ExcelAdapterError('cell-editing', {}, e);
    case 'AccessDenied':
      return sheet ? new ExcelAdapterError('protected-sheet', { sheet }, e) : new ExcelAdapterError('protected-workbook', {}, e);
    case 'ItemNotFound':
      return new ExcelAdapterError('sheet-gone', { sheet: sheet ?? '' }, e);
    case 'ItemAlreadyExists':
      return new ExcelAdapterError('name-taken', { sheet: sheet ?? '' }, e);
    case 'RequestPayloadSizeLimitExceeded':
      return new ExcelAdapterError('too-large', {}, e);
    case 'ApiNotFound':
      return new ExcelAdapterError('api-missing', { feature: detailOf(e), version: '?' }, e);
    default:
      return new ExcelAdapterError('failed', { detail: detailOf(e) }, e);
  }
}
