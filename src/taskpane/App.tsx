/**
 * The task pane: one scrolling column, narrow enough for a 320 px pane, with the
 * four steps in the order of the work — 1 工作表 (the tables found), 2 检查 (the
 * figures checked), 3 汇总 (the summary table written), 4 分析文字 (the summary in words). Everything goes through the
 * AddinSession; no component touches the `Excel` or `Office` globals.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AddinSession, GenerateOutcome } from '../addin';
import type { Lang } from '../core/i18n';
import { CheckStep } from './CheckStep';
import type { PaneMode } from './common';
import { PaneModeContext, useAction, useStyles } from './common';
import { SheetsStep } from './SheetsStep';
import { ui } from './strings';
import { SummaryStep } from './SummaryStep';
import { TextStep } from './TextStep';
import type { Theme } from './theme';

export type { Theme } from './theme';
export type { PaneMode } from './common';

/** How long the workbook must stay unchanged before it is read again (ms). */
export const REREAD_DELAY = 800;

export interface AppProps {
  session: AddinSession;
  lang: Lang;
  theme: Theme;
  /** a read of the workbook failed (the pane shows it too); for logging */
  onReadError?: (e: unknown) => void;
  /** Call onChange when the workbook changes; returns the unsubscribe. The pane reads the workbook again (debounced). */
  subscribe?: (onChange: () => void) => () => void;
  /**
   * 'excel' (default): the add-in in Excel. 'file': the standalone page, on a workbook
   * file in the browser's memory (words for a file; the download after 生成汇总表).
   */
  mode?: PaneMode;
  /** Shown under step 3 once 生成汇总表 has succeeded, until it runs again (the standalone page's download). */
  afterGenerate?: (outcome: GenerateOutcome) => ReactNode;
  /** 生成汇总表 wrote its sheets. */
  onGenerated?: (outcome: GenerateOutcome) => void;
}

export function App(props: AppProps): JSX.Element {
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme} dir="ltr" lang={props.lang}>
      <PaneModeContext.Provider value={props.mode ?? 'excel'}>
        <Pane {...props} />
      </PaneModeContext.Provider>
    </FluentProvider>
  );
}

function Pane(props: AppProps): JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <h1 className={styles.appTitle}>{ui(props.lang, 'app.title')}</h1>
      <Steps {...props} />
    </div>
  );
}

export type StepsProps = Omit<AppProps, 'theme' | 'mode'>;

/**
 * The four steps over a session, reading the workbook when mounted (and when it
 * changes). The standalone page places them in its own layout, inside a
 * PaneModeContext of 'file'.
 */
export function Steps({ session, lang, onReadError, subscribe, afterGenerate, onGenerated }: StepsProps): JSX.Element {
  const [, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const sheets = useAction(lang);
  const { run } = sheets;
  const [readDone, setReadDone] = useState(false);
  const ids = { sheets: useId(), check: useId(), summary: useId(), text: useId() };

  const onReadErrorRef = useRef(onReadError);
  onReadErrorRef.current = onReadError;

  const read = useCallback(async (): Promise<void> => {
    const tables = await run('read', () => session.read(), (e) => onReadErrorRef.current?.(e));
    if (tables) setReadDone(true); // "no table found" only after a read that worked
    refresh();
  }, [run, session, refresh]);

  useEffect(() => {
    void read();
  }, [read]);

  useEffect(() => {
    if (!subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribe(() => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        void read();
      }, REREAD_DELAY);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [subscribe, read]);

  return (
    <>
      <SheetsStep
        session={session}
        lang={lang}
        tables={session.tables}
        readDone={readDone}
        action={sheets}
        onReread={() => void read()}
        onChanged={refresh}
        headingId={ids.sheets}
      />
      <CheckStep session={session} lang={lang} onChanged={refresh} headingId={ids.check} />
      <SummaryStep
        session={session}
        lang={lang}
        onChanged={refresh}
        headingId={ids.summary}
        afterGenerate={afterGenerate}
        onGenerated={onGenerated}
      />
      <TextStep session={session} lang={lang} headingId={ids.text} />
    </>
  );
}
