/**
 * What the steps share: the styles of a narrow pane, a hook that runs a call on
 * the session and keeps its error in the user's words, the message area of a step, and
 * the mode of the pane (in Excel, or on a workbook file in a plain browser).
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useRef, useState } from 'react';
import { errorText } from '../addin/errors';
import type { Lang } from '../core/i18n';
import { fileErrorText } from './standalone/errors';
import { ui } from './strings';

/**
 * Where the steps work: 'excel' (the add-in in Excel, the default) or 'file' (the
 * standalone page, on a workbook file held in the browser's memory). The steps read it
 * to choose their words (a file has no Excel to write to) and the words of errors.
 */
export type PaneMode = 'excel' | 'file';

export const PaneModeContext = createContext<PaneMode>('excel');

/** The mode of the pane the component is in. */
export function usePaneMode(): PaneMode {
  return useContext(PaneModeContext);
}

export const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    minHeight: '100vh',
    overflowX: 'hidden',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    fontFamily: tokens.fontFamilyBase,
  },
  appTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  section: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  h4: { margin: `${tokens.spacingVerticalS} 0 0`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  h5: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
  },
  intro: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  grow: { flexGrow: 1, minWidth: 0 },
  truncate: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  messages: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  wrapText: { whiteSpace: 'normal', overflowWrap: 'anywhere' },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  legend: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}`, overflowWrap: 'anywhere' },
});

export interface Action {
  /** the call running now (its name), or null */
  busy: string | null;
  /** the last error in the user's words, or null */
  error: string | null;
  /** Run a call; an error is kept (shown by StepMessages) and undefined returned. */
  run<T>(name: string, call: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined>;
  dismiss(): void;
}

/** A step's calls on the session: one at a time is shown as busy; the last error is kept. */
export function useAction(lang: Lang): Action {
  const mode = usePaneMode();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(0);
  const run = useCallback(
    async <T,>(name: string, call: () => Promise<T>, onError?: (e: unknown) => void): Promise<T | undefined> => {
      running.current++;
      setBusy(name);
      setError(null);
      try {
        return await call();
      } catch (e) {
        setError(mode === 'file' ? fileErrorText(e, lang) : errorText(e, lang));
        onError?.(e);
        return undefined;
      } finally {
        if (--running.current === 0) setBusy(null);
      }
    },
    [lang, mode],
  );
  const dismiss = useCallback(() => setError(null), []);
  return { busy, error, run, dismiss };
}

/** A message of a step: an error (alert) with a dismiss button, or a success/warning/info (status). */
export function StepMessage(props: {
  lang: Lang;
  intent: 'error' | 'warning' | 'success' | 'info';
  children: ReactNode;
  onDismiss?: () => void;
}): JSX.Element {
  const { lang, intent, children, onDismiss } = props;
  const alert = intent === 'error';
  return (
    <MessageBar intent={intent} layout="multiline" role={alert ? 'alert' : 'status'} politeness={alert ? 'assertive' : 'polite'}>
      <MessageBarBody>{children}</MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              size="small"
              icon={<span aria-hidden="true">×</span>}
              aria-label={ui(lang, 'app.dismiss')}
              title={ui(lang, 'app.dismiss')}
              onClick={onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}

/** The error area of a step, near its buttons. */
export function ActionError({ lang, action }: { lang: Lang; action: Action }): JSX.Element | null {
  if (!action.error) return null;
  return (
    <StepMessage lang={lang} intent="error" onDismiss={action.dismiss}>
      {action.error}
    </StepMessage>
  );
}
