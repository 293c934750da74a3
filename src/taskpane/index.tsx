/// <reference types="office-js" />
/**
 * Entry of the task pane (webpack entry "taskpane"). The only file of the pane that
 * touches the `Office` global: it reads the UI language and theme, builds the Excel
 * adapter and the settings store on the document, and renders the App.
 *
 * Outside Office — office.js did not load (an offline machine), Office.onReady gives no
 * host (a plain browser tab), or Office.onReady does not answer within ONREADY_TIMEOUT
 * ms — it renders the standalone page instead: the same steps on an .xlsx file chosen
 * in the browser (src/taskpane/standalone).
 */
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { Root } from 'react-dom/client';
import { createRoot } from 'react-dom/client';
import { AddinSession, errorText } from '../addin';
import type { Lang } from '../core/i18n';
import { langFrom } from '../core/i18n';
import { ExcelWorkbook, documentSettingsStore, officeHost } from '../workbook/excel';
import { App } from './App';
import { SAMPLE_URL, StandaloneApp } from './standalone';
import { ui } from './strings';
import type { Theme } from './theme';
import { themeFrom } from './theme';

/** How long Office.onReady may take before the page takes itself for a plain browser tab (ms). */
const ONREADY_TIMEOUT = 3000;

function container(): HTMLElement {
  const found = document.getElementById('root');
  if (found) return found;
  const div = document.createElement('div');
  div.id = 'root';
  document.body.appendChild(div);
  return div;
}

let root: Root | null = null;
/** One React root for the page: the standalone page may be replaced by the pane when Office answers late. */
function pageRoot(): Root {
  root ??= createRoot(container());
  return root;
}

/** What is on the page: nothing yet, the pane (or a message) from Office.onReady, or the standalone page. */
let shown: 'none' | 'office' | 'standalone' = 'none';

function browserLang(): Lang {
  return langFrom(typeof navigator === 'undefined' ? null : navigator.language);
}

/** The standalone page: the workbook is a file chosen in the browser. */
function startStandalone(): void {
  if (shown !== 'none') return;
  shown = 'standalone';
  const lang = browserLang();
  const dark = typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
  const theme: Theme = dark ? 'dark' : 'light';
  document.documentElement.lang = lang;
  document.body.style.margin = '0';
  document.body.style.backgroundColor = (theme === 'dark' ? webDarkTheme : webLightTheme).colorNeutralBackground1;
  const sample = new URLSearchParams(window.location.search).has('sample');
  pageRoot().render(<StandaloneApp lang={lang} theme={theme} openUrl={sample ? SAMPLE_URL : undefined} />);
}

/** A plain message, when the pane cannot work (no Office.js, not in Excel). */
function renderMessage(lang: Lang, text: string): void {
  document.documentElement.lang = lang;
  pageRoot().render(
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
  pageRoot().render(
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
  // office.js did not load (offline, or blocked): the page works on its own
  startStandalone();
} else {
  // office.js loaded but Office never answers (a plain tab where it hangs): standalone after a while
  const waiting = setTimeout(() => {
    if (!Office.context?.host) startStandalone();
  }, ONREADY_TIMEOUT);
  void Office.onReady((info) => {
    clearTimeout(waiting);
    // a plain browser tab: no host
    if (info.host === null || info.host === undefined) {
      startStandalone();
      return;
    }
    // Office answered late, after the standalone page was shown: in Excel the pane replaces it
    if (shown === 'standalone' && info.host !== Office.HostType.Excel) return;
    shown = 'office';
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
