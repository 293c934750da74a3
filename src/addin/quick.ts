import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { AddinSession, GenerateOutcome } from './AddinSession';
import { errorText } from './errors';

/** What 一键汇总 tells the user: nothing (the summary sheet is active), or a short notice. */
export interface QuickNotice {
  kind: 'info' | 'error';
  title: string;
  text: string;
}

export interface QuickResult {
  outcome: GenerateOutcome | null;
  /** null when the new summary sheet, now active, says it all */
  notice: QuickNotice | null;
  /** open the task pane instead (no settings saved yet) */
  openPane: boolean;
}

function doneNotice(outcome: GenerateOutcome, lang: Lang): QuickNotice | null {
  const n = outcome.counts;
  if (!n || n.error === 0) return null;
  return {
    kind: 'info',
    title: t(lang, 'ribbon.done.title'),
    text: [t(lang, 'ribbon.done.errors', { error: n.error, sheets: outcome.sheets.join(lang === 'zh-CN' ? '、' : ', ') }), ...outcome.notes].join('\n'),
  };
}

/**
 * The ribbon's 一键汇总: regenerate the summary with the saved settings, without the
 * pane. Without saved settings it asks for the pane, since the choices live there.
 */
export async function quickSummary(session: AddinSession): Promise<QuickResult> {
  const lang = session.lang;
  if (!session.hasSaved) {
    return { outcome: null, openPane: true, notice: { kind: 'info', title: t(lang, 'ribbon.no-settings.title'), text: t(lang, 'ribbon.no-settings') } };
  }
  try {
    const outcome = await session.generate();
    return { outcome, openPane: false, notice: doneNotice(outcome, lang) };
  } catch (e) {
    return { outcome: null, openPane: false, notice: { kind: 'error', title: t(lang, 'ribbon.failed.title'), text: errorText(e, lang) } };
  }
}
