/// <reference types="office-js" />
/**
 * Entry of the task pane (webpack entry "taskpane"). The only file of the pane that
 * touches the `Office` global: it reads the UI language and theme, builds the Excel
 * adapter and the settings store on the document, and renders the App.
 */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { AddinSession, errorText } from '../addin';
import type { Lang } from '../core/i18n';
import { langFrom } from '../core/i18n';
import { ExcelWorkbook, documentSettingsStore, officeHost } from '../workbook/excel';
import { App } from './App';
import { ui } from './strings';
import { themeFrom } from './theme';

function container(): HTMLElement {
  const found = document.getElementById('root');
  if (found) return found;
  const div = document.createElement('div');
  div.id = 'root';
  document.body.appendChild(div);
  return div;
}

/** A plain message, when the pane cannot work (no Office.js, not in Excel). */
function renderMessage(lang: Lang, text: string): void {
  document.documentElement.lang = lang;
  createRoot(container()).render(
    <main style={{ padding: 16, fontFamily: '"Segoe UI", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif', fontSize: 14, lineHeight: 1.5 }}>
      <h1 style={{ fontSize: 16, margin: '0 0 8px' }}>{ui(lang, 'app.title')}</h1>
      <p role="alert" style={{ margin: 0 }}>
        {text}
      </p>
    </main>,
  );
}

function start(info: { host: Office.HostType | null }): void {
  if (info.host !== Office.HostType.Excel) {
    const lang = langFrom(typeof navigator === 'undefined' ? null : navigator.language);
    renderMessage(lang, ui(lang, 'app.not-excel'));
    return;
  }
  const lang = langFrom(Office.context.displayLanguage);
  const theme = themeFrom(Office.context.officeTheme as { bodyBackgroundColor?: string; isDarkTheme?: boolean } | undefined);
  document.documentElement.lang = lang;
  // the pane's own page: no margin around the pane, the theme's background under it
  document.body.style.margin = '0';
  document.body.style.backgroundColor = (theme === 'dark' ? webDarkTheme : webLightTheme).colorNeutralBackground1;
  const workbook = new ExcelWorkbook(officeHost());
  const store = documentSettingsStore(Office.context.document.settings);
  const session = new AddinSession(workbook, store, lang);
  // Re-read when the workbook changes (ExcelApi 1.9; without it the pane reads again before every step anyway).
  const subscribe = (onChange: () => void): (() => void) => {
    let stop: (() => Promise<void>) | null = null;
    let stopped = false;
    workbook.watch(onChange).then(
      (s) => {
        if (stopped) void s?.().catch(() => undefined);
        else stop = s;
      },
      (e: unknown) => console.warn('indicator-tables: cannot watch the workbook for changes', e),
    );
    return () => {
      stopped = true;
      void stop?.().catch(() => undefined);
    };
  };
  createRoot(container()).render(
    <App
      session={session}
      lang={lang}
      theme={theme}
      subscribe={subscribe}
      onReadError={(e) => console.error('indicator-tables: reading the workbook failed', e)}
    />,
  );
}

if (typeof Office === 'undefined') {
  const lang = langFrom(typeof navigator === 'undefined' ? null : navigator.language);
  renderMessage(lang, ui(lang, 'app.no-office'));
} else {
  void Office.onReady((info) => {
    try {
      start(info);
    } catch (e) {
      // the pane could not start: say so in the user's language rather than stay blank
      const lang = langFrom(Office.context?.displayLanguage ?? (typeof navigator === 'undefined' ? null : navigator.language));
      console.error('indicator-tables: the task pane could not start', e);
      renderMessage(lang, errorText(e, lang));
    }
  });
}
