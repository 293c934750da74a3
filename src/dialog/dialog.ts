/// <reference types="office-js" />
// A small message box for the ribbon commands (webpack entry "dialog", page dialog.html).
// src/commands opens it with
//   Office.context.ui.displayDialogAsync(origin + '/dialog.html?lang=zh-CN&title=…&text=…&kind=error|info')
// to tell the user something, e.g. that there are no saved settings yet or that the summary failed.
// The query parameters are shown as text only (textContent, never innerHTML); each line
// of `text` becomes one paragraph. The OK button sends 'close' to the command through
// Office.context.ui.messageParent, or closes the window when Office is not there.

export type DialogKind = 'info' | 'error';

export interface DialogParams {
  lang: 'zh-CN' | 'en-US';
  title: string;
  lines: string[];
  kind: DialogKind;
}

/** The message the OK button sends to the page that opened the dialog. */
export const CLOSE_MESSAGE = 'close';

const DEFAULT_TITLE = { 'zh-CN': '指标表助手', 'en-US': 'Indicator tables' } as const;
const OK_LABEL = { 'zh-CN': '确定', 'en-US': 'OK' } as const;

/** Reads the dialog's query string (URLSearchParams decodes %-escapes and '+'). */
export function readDialogParams(search: string): DialogParams {
  const query = new URLSearchParams(search);
  const lang = (query.get('lang') ?? 'zh-CN').toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
  const title = (query.get('title') ?? '').trim() || DEFAULT_TITLE[lang];
  const lines = (query.get('text') ?? '').split(/\r\n|\r|\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const kind: DialogKind = query.get('kind') === 'error' ? 'error' : 'info';
  return { lang, title, lines, kind };
}

/** Fills dialog.html's #title, #text and #ok from `params`; text only, no markup. */
export function renderDialog(doc: Document, params: DialogParams): void {
  doc.documentElement.lang = params.lang;
  doc.title = params.title;
  doc.body.dataset.kind = params.kind;
  const title = doc.getElementById('title');
  if (title !== null) title.textContent = params.title;
  const text = doc.getElementById('text');
  if (text !== null) {
    text.setAttribute('role', params.kind === 'error' ? 'alert' : 'status');
    text.replaceChildren(
      ...params.lines.map((line) => {
        const p = doc.createElement('p');
        p.textContent = line;
        return p;
      }),
    );
  }
  const ok = doc.getElementById('ok');
  if (ok !== null) ok.textContent = OK_LABEL[params.lang];
}

/** Closes the dialog: through the opener when Office is there, else the window itself. */
function close(officeReady: boolean): void {
  const ui = officeReady && typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (ui !== undefined && typeof ui.messageParent === 'function') {
    try {
      ui.messageParent(CLOSE_MESSAGE);
      return;
    } catch {
      // Not opened by displayDialogAsync (e.g. the page was opened directly): fall through.
    }
  }
  window.close();
}

function enableOk(officeReady: boolean): void {
  const ok = document.getElementById('ok');
  if (!(ok instanceof HTMLButtonElement)) return;
  ok.addEventListener('click', () => close(officeReady));
  ok.disabled = false;
  ok.focus();
}

function start(): void {
  // The message does not depend on Office, so it shows at once, also when office.js
  // did not load; the button waits for Office.onReady so that messageParent works.
  renderDialog(document, readDialogParams(window.location.search));
  if (typeof Office === 'undefined') {
    enableOk(false);
  } else {
    void Office.onReady().then(
      () => enableOk(true),
      () => enableOk(false),
    );
  }
}

if (typeof document !== 'undefined' && document.getElementById('ok') !== null) start();
