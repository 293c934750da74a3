import type { Lang } from '../../core/i18n';
import { t } from '../../core/i18n';
import type { Notice } from '../WorkbookPort';

export type { Notice } from '../WorkbookPort';

export function noticeText(n: Notice, lang: Lang): string {
  return t(lang, n.key, n.params);
}

/** Add a notice once. */
export function pushNotice(list: Notice[], n: Notice): void {
  const key = `${n.key}${JSON.stringify(n.params)}`;
  if (!list.some((m) => `${m.key}${JSON.stringify(m.params)}` === key)) list.push(n);
}
