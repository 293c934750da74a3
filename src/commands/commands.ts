/// <reference types="office-js" />
// The ribbon's function file (manifest: <FunctionFile resid="Commands.Url"/>).
// "一键汇总" (ExecuteFunction generateSummary) regenerates the summary sheets with the
// settings saved in the workbook, without opening the task pane: the new summary
// sheet becomes active, which is the report. A dialog (dialog.html) speaks only when
// there is something to say: no settings saved yet, an error, or errors in the figures.
// The task pane button is a ShowTaskpane action that Office handles without script.

import { AddinSession, quickSummary } from '../addin';
import type { QuickNotice } from '../addin';
import type { Lang } from '../core/i18n';
import { langFrom } from '../core/i18n';
import { ExcelWorkbook, documentSettingsStore, officeHost } from '../workbook/excel';

/** Open dialog.html with the notice and wait until the user closes it. */
function showNotice(notice: QuickNotice, lang: Lang): Promise<void> {
  const query = new URLSearchParams({ lang, kind: notice.kind, title: notice.title, text: notice.text });
  const url = `${window.location.origin}/dialog.html?${query.toString()}`;
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      const done = (): void => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function generateSummary(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langFrom(Office.context.displayLanguage);
  try {
    const session = new AddinSession(new ExcelWorkbook(officeHost()), documentSettingsStore(Office.context.document.settings), lang);
    const result = await quickSummary(session);
    if (result.openPane && Office.addin?.showAsTaskpane && Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) {
      await Office.addin.showAsTaskpane();
    } else if (result.notice) {
      await showNotice(result.notice, lang);
    }
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate('generateSummary', generateSummary);
});
