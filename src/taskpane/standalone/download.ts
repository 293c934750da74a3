/**
 * Saving the workbook the page built: a Blob, an object URL and a click on an
 * <a download>; nothing is sent anywhere. The URL is revoked a little later (revoking it
 * at once can cancel the download in some browsers).
 */
import type { Lang } from '../../core/i18n';
import type { FileWorkbookLike } from './types';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** How long the object URL of a download lives (ms). */
export const REVOKE_DELAY = 30_000;

/** Offer `bytes` as a download named `name`. */
export function downloadBytes(bytes: Uint8Array, name: string, revokeAfter = REVOKE_DELAY): void {
  // a copy in a plain ArrayBuffer: a Blob part must not be a view on a SharedArrayBuffer
  const blob = new Blob([bytes.slice().buffer as ArrayBuffer], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), revokeAfter);
  }
}

/** The workbook with the summary sheets and the marks, downloaded under its name ('三月报表-汇总.xlsx'). */
export async function downloadWorkbook(workbook: FileWorkbookLike, lang: Lang): Promise<string> {
  const bytes = await workbook.toBytes();
  const name = workbook.downloadName(lang);
  downloadBytes(bytes, name);
  return name;
}
