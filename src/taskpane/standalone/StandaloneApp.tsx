/**
 * The task pane in a plain browser (no Excel: a locked-down PC, WPS, Linux): the user
 * chooses or drops an .xlsx, it is read in the page (FileWorkbook, ExcelJS loaded
 * lazily), and the same four steps as in Excel run on it, with a read-only view of its
 * sheets beside them. 生成汇总表 builds the new workbook in memory; the download button
 * saves it. Nothing leaves the machine.
 */
import { Button, FluentProvider, Spinner, makeStyles, mergeClasses, tokens, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { DragEvent, RefObject } from 'react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SettingsStore } from '../../addin';
import { AddinSession } from '../../addin';
import type { Lang } from '../../core/i18n';
import { t } from '../../core/i18n';
import { Steps } from '../App';
import { ActionError, PaneModeContext, StepMessage, useAction, useStyles } from '../common';
import { ui } from '../strings';
import type { Theme } from '../theme';
import { downloadWorkbook } from './download';
import { isOutOfMemory, openErrorText, readErrorCode } from './errors';
import type { GridTarget } from './GridView';
import { GridView } from './GridView';
import { LocalSettingsStore } from './localStore';
import { FILE_LIMIT_BYTES, openFileWorkbook, readFileBytes } from './openFile';
import type { FileWorkbookLike, OpenFile } from './types';

export interface StandaloneAppProps {
  lang: Lang;
  theme: Theme;
  /** Opens the chosen file's bytes (default: FileWorkbook.open, imported lazily with ExcelJS). */
  openFile?: OpenFile;
  /** Files larger than this are refused before they are read (default 60 MB). */
  maxBytes?: number;
  /** Where the settings are kept (default: localStorage, see LocalSettingsStore). */
  store?: SettingsStore;
  /** A workbook to open at once (the built-in sample, `taskpane.html?sample`). */
  openUrl?: string;
}

/** The built-in sample, copied beside the pages by the build. */
export const SAMPLE_URL = 'assets/sample/county-indicators-2025-03.xlsx';

export function StandaloneApp(props: StandaloneAppProps): JSX.Element {
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme} dir="ltr" lang={props.lang}>
      <PaneModeContext.Provider value="file">
        <StandalonePage {...props} />
      </PaneModeContext.Provider>
    </FluentProvider>
  );
}

const WIDE = '@media (min-width: 960px)';

const usePageStyles = makeStyles({
  // the pane's root, but a whole page wide, and no overflow rule: it would stop the sheet view from sticking
  root: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalL,
    fontFamily: tokens.fontFamilyBase,
  },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2, maxWidth: '40rem' },
  drop: {
    boxSizing: 'border-box',
    maxWidth: '36rem',
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropOver: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  input: { maxWidth: '100%', fontSize: tokens.fontSizeBase300, fontFamily: 'inherit', color: tokens.colorNeutralForeground1 },
  fileLine: {
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
    [WIDE]: { gridTemplateColumns: 'minmax(320px, 30rem) minmax(0, 1fr)' },
  },
  steps: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, minWidth: 0 },
  side: {
    minWidth: 0,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    // beside the steps: stays in view while the findings and the summary scroll
    [WIDE]: { position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto', boxSizing: 'border-box' },
  },
});

interface Opened {
  id: number;
  workbook: FileWorkbookLike;
  session: AddinSession;
  name: string;
}

interface OpenError {
  text: string;
  hint?: string;
}

/** The drag carries files (not text or a link). */
function carriesFiles(e: { dataTransfer?: DataTransfer | null }): boolean {
  const types = e.dataTransfer?.types;
  return !types || Array.from(types).includes('Files');
}

function StandalonePage({ lang, openFile = openFileWorkbook, maxBytes = FILE_LIMIT_BYTES, store, openUrl }: StandaloneAppProps): JSX.Element {
  const styles = useStyles();
  const page = usePageStyles();
  const [settings] = useState<SettingsStore>(() => store ?? new LocalSettingsStore());
  const [opened, setOpened] = useState<Opened | null>(null);
  const [loading, setLoading] = useState<string | null>(null);
  const [error, setError] = useState<OpenError | null>(null);
  const [target, setTarget] = useState<GridTarget | null>(null);
  const [version, setVersion] = useState(0);
  const loads = useRef(0);
  const openedLine = useRef<HTMLParagraphElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const focusPicker = useRef(false);
  const mb = Math.round(maxBytes / (1024 * 1024));

  // the session's goTo (a finding chosen): the sheet view shows the cell
  const goTo = useCallback((sheet: string, cell: string) => setTarget((prev) => ({ sheet, cell, seq: (prev?.seq ?? 0) + 1 })), []);

  const choose = useCallback(
    async (file: File): Promise<void> => {
      const id = ++loads.current;
      setError(null);
      if (file.size > maxBytes) {
        setLoading(null);
        setError({ text: t(lang, 'error.too-large', { file: file.name }), hint: ui(lang, 'standalone.too-large.hint', { mb }) });
        return;
      }
      setLoading(file.name);
      try {
        const data = await readFileBytes(file);
        if (id !== loads.current) return;
        const workbook = await openFile(data, file.name, goTo);
        if (id !== loads.current) return;
        setTarget(null);
        setVersion((v) => v + 1);
        setOpened({ id, workbook, session: new AddinSession(workbook, settings, lang), name: workbook.fileName || file.name });
      } catch (e) {
        if (id !== loads.current) return;
        console.error('indicator-tables: the file could not be opened', e);
        const tooLarge = readErrorCode(e) === 'too-large' || isOutOfMemory(e);
        setError({ text: openErrorText(e, file.name, lang), hint: tooLarge ? ui(lang, 'standalone.too-large.hint', { mb }) : undefined });
      } finally {
        if (id === loads.current) setLoading(null);
      }
    },
    [lang, maxBytes, mb, openFile, goTo, settings],
  );

  // a workbook asked for in the address (?sample): fetched from the page's own server, then opened like a chosen file
  const openedUrl = useRef(false);
  useEffect(() => {
    if (!openUrl || openedUrl.current) return;
    openedUrl.current = true;
    const name = decodeURIComponent(openUrl.split('/').pop() ?? 'workbook.xlsx');
    fetch(openUrl)
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`${r.status}`))))
      .then((blob) => choose(new File([blob], name)))
      .catch(() => setError({ text: t(lang, 'error.not-found', { file: name }) }));
  }, [openUrl, choose, lang]);

  const another = (): void => {
    loads.current++;
    setOpened(null);
    setTarget(null);
    setError(null);
    setLoading(null);
    focusPicker.current = true;
  };

  // focus: on the file's line once it is open, back on the picker after 换一个文件
  useEffect(() => {
    if (opened) openedLine.current?.focus();
    else if (focusPicker.current) {
      focusPicker.current = false;
      picker.current?.focus();
    }
  }, [opened]);

  useEffect(() => {
    const title = ui(lang, 'app.title');
    document.title = opened ? `${opened.name} - ${title}` : title;
  }, [opened, lang]);

  // a file dropped beside the drop zone must not make the browser open it (and leave the page)
  useEffect(() => {
    const keep = (e: globalThis.DragEvent): void => {
      if (carriesFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  return (
    <div className={page.root}>
      <h1 className={styles.h2}>{ui(lang, 'app.title')}</h1>
      {opened ? (
        <>
          <div className={styles.row}>
            <p ref={openedLine} tabIndex={-1} className={mergeClasses(page.fileLine, styles.grow)}>
              {ui(lang, 'standalone.opened', { file: opened.name })}
            </p>
            <Button onClick={another}>{ui(lang, 'standalone.another')}</Button>
          </div>
          <div className={page.columns}>
            <div className={page.steps}>
              <Steps
                key={opened.id}
                session={opened.session}
                lang={lang}
                onReadError={(e) => console.error('indicator-tables: reading the workbook failed', e)}
                onGenerated={() => setVersion((v) => v + 1)}
                afterGenerate={() => <DownloadPanel workbook={opened.workbook} lang={lang} />}
              />
            </div>
            <div className={page.side}>
              <GridView key={opened.id} workbook={opened.workbook} lang={lang} version={version} target={target} />
            </div>
          </div>
        </>
      ) : (
        <FilePicker lang={lang} mb={mb} loading={loading} error={error} onDismiss={() => setError(null)} onFile={(f) => void choose(f)} inputRef={picker} />
      )}
    </div>
  );
}

function FilePicker(props: {
  lang: Lang;
  mb: number;
  loading: string | null;
  error: OpenError | null;
  onDismiss: () => void;
  onFile: (file: File) => void;
  inputRef: RefObject<HTMLInputElement>;
}): JSX.Element {
  const { lang, mb, loading, error, onDismiss, onFile, inputRef } = props;
  const styles = useStyles();
  const page = usePageStyles();
  const ids = { input: useId(), drop: useId(), limits: useId() };
  const [over, setOver] = useState(false);

  const onDragOver = (e: DragEvent<HTMLDivElement>): void => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDragLeave = (e: DragEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>): void => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) onFile(file);
  };

  return (
    <>
      <p className={page.intro}>{ui(lang, 'standalone.intro')}</p>
      <div
        className={mergeClasses(page.drop, over && page.dropOver)}
        role="group"
        aria-labelledby={ids.drop}
        aria-describedby={ids.limits}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <label htmlFor={ids.input} className={page.label}>
          {ui(lang, 'standalone.choose')}
        </label>
        <input
          ref={inputRef}
          id={ids.input}
          className={page.input}
          type="file"
          accept=".xlsx,.xlsm,.xls,.et,.ods,.xlsb"
          aria-describedby={ids.limits}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // the same file can be chosen again (after fixing it)
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
        <p id={ids.drop} className={styles.small} style={{ margin: 0 }}>
          {ui(lang, 'standalone.drop')}
        </p>
        <p id={ids.limits} className={styles.intro}>
          {ui(lang, 'standalone.limits', { mb })}
        </p>
      </div>
      <div role="status" aria-live="polite" className={styles.messages}>
        {over && <span className={styles.small}>{ui(lang, 'standalone.drop.over')}</span>}
        {loading !== null && <Spinner size="small" labelPosition="after" label={ui(lang, 'standalone.loading')} />}
      </div>
      {error && (
        <StepMessage lang={lang} intent="error" onDismiss={onDismiss}>
          <div className={styles.wrapText}>{error.text}</div>
          {error.hint && <div className={styles.wrapText}>{error.hint}</div>}
        </StepMessage>
      )}
    </>
  );
}

/** Under step 3 once the summary is written: the download, and that the original file stays as it was. */
function DownloadPanel({ workbook, lang }: { workbook: FileWorkbookLike; lang: Lang }): JSX.Element {
  const styles = useStyles();
  const action = useAction(lang);
  const [done, setDone] = useState<string | null>(null);
  const busy = action.busy === 'download';
  const download = async (): Promise<void> => {
    setDone(null);
    const name = await action.run('download', () => downloadWorkbook(workbook, lang));
    if (name) setDone(name);
  };
  return (
    <div className={styles.messages}>
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void download()} disabledFocusable={busy}>
          {ui(lang, 'download.button')}
        </Button>
        {busy && <Spinner size="tiny" label={ui(lang, 'download.running')} />}
      </div>
      <p className={styles.small} style={{ margin: 0 }}>
        {ui(lang, 'download.original')}
      </p>
      <ActionError lang={lang} action={action} />
      <div role="status" aria-live="polite" className={styles.small}>
        {done ? ui(lang, 'download.done', { file: done }) : ''}
      </div>
    </div>
  );
}
