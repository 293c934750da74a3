/**
 * Step 2, 检查: check the figures, list the findings by severity and sheet, go to a
 * finding's cell, confirm soft findings with an explanation, mark the cells and take
 * the marks off again; last period's report and the bureau's own identities are chosen here.
 */
import { Button, Field, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import type { AddinSession } from '../addin';
import type { Finding, Severity } from '../core/check';
import { RULES } from '../core/check';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { acceptable, countFindings } from '../core/session';
import { ActionError, StepMessage, useAction, usePaneMode, useStyles } from './common';
import { IdentitiesEditor } from './IdentitiesEditor';
import { PreviousPicker } from './PreviousPicker';
import { ui } from './strings';

/** findings shown per severity before "显示全部" */
export const GROUP_LIMIT = 200;
/** the longest explanation of a confirmed finding */
export const NOTE_MAX = 200;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const RULE_TITLES = new Map(RULES.map((r) => [r.id, r.title]));

export interface CheckStepProps {
  session: AddinSession;
  lang: Lang;
  /** the session changed (findings, marks): render again */
  onChanged: () => void;
  headingId: string;
}

/** A finding is a real button, full width, its text wrapping: a row of the list that selects the cell. */
const useRowStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: '2px',
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  head: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  message: { fontSize: tokens.fontSizeBase300, whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

const keyOf = (f: Finding): string => `${f.rule}|${f.sheet}|${f.cell}`;

/** Findings in order of appearance, grouped by sheet. */
function bySheet(findings: Finding[]): [string, Finding[]][] {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = m.get(f.sheet);
    if (list) list.push(f);
    else m.set(f.sheet, [f]);
  }
  return [...m];
}

export function CheckStep({ session, lang, onChanged, headingId }: CheckStepProps): JSX.Element {
  const styles = useStyles();
  const mode = usePaneMode();
  const action = useAction(lang);
  const [message, setMessage] = useState<string[] | null>(null);
  const [checks, setChecks] = useState(0);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  const resultsId = useId();
  const findings = session.findings;

  useEffect(() => {
    if (checks > 0) resultsRef.current?.focus();
  }, [checks]);

  const notices = (): string[] => session.workbook.notices.map((n) => t(lang, n.key, n.params));

  const check = async (): Promise<void> => {
    setMessage(null);
    const r = await action.run('check', () => session.check());
    onChanged();
    if (r) setChecks((n) => n + 1);
  };

  const mark = async (): Promise<void> => {
    setMessage(null);
    const r = await action.run('mark', () => session.mark());
    onChanged();
    if (!r) return;
    const lines = [ui(lang, 'check.marked', { cells: r.cells })];
    if (r.removed) lines.push(ui(lang, 'check.marked.removed', { removed: r.removed }));
    // on a file: the marks are in the workbook in memory, kept by the download
    if (mode === 'file') lines.push(ui(lang, 'check.marked.file'));
    setMessage([...lines, ...notices()]);
  };

  const unmark = async (): Promise<void> => {
    setMessage(null);
    const r = await action.run('unmark', () => session.unmark());
    if (!r) return;
    const lines = [r.cells || r.kept ? ui(lang, 'check.unmarked', { cells: r.cells }) : ui(lang, 'check.unmarked.none')];
    if (r.kept > 0) lines.push(ui(lang, 'check.kept', { kept: r.kept }));
    setMessage([...lines, ...notices()]);
  };

  const goTo = (f: Finding): void => {
    void action.run('goto', () => session.goTo(f));
  };

  const accept = async (f: Finding, note: string): Promise<boolean> => {
    const ok = await action.run('accept', async () => {
      await session.accept(f, note);
      return true;
    });
    onChanged();
    return ok === true;
  };

  const busy = action.busy;
  const counts = findings ? countFindings(findings.issues) : null;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {ui(lang, 'step.check')}
      </h2>
      <p className={styles.intro}>{ui(lang, 'check.intro')}</p>
      <PreviousPicker session={session} lang={lang} onChanged={onChanged} />
      <IdentitiesEditor session={session} lang={lang} onChanged={onChanged} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={() => void check()} disabledFocusable={busy === 'check'}>
          {ui(lang, 'check.run')}
        </Button>
        {busy === 'check' && <Spinner size="tiny" label={ui(lang, 'check.running')} />}
      </div>
      <div className={styles.row}>
        <Button onClick={() => void mark()} disabledFocusable={busy === 'mark' || busy === 'check'}>
          {ui(lang, 'check.mark')}
        </Button>
        <Button onClick={() => void unmark()} disabledFocusable={busy === 'unmark'}>
          {ui(lang, 'check.unmark')}
        </Button>
      </div>
      <div className={styles.messages}>
        <ActionError lang={lang} action={action} />
        {message && (
          <StepMessage lang={lang} intent="success" onDismiss={() => setMessage(null)}>
            {message.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </StepMessage>
        )}
      </div>
      {findings && counts && (
        <div className={styles.messages} aria-labelledby={resultsId} role="region">
          <h3 id={resultsId} ref={resultsRef} tabIndex={-1} className={styles.h3}>
            {ui(lang, 'check.results')}
          </h3>
          <p className={styles.small} style={{ margin: 0 }}>
            {findings.issues.length ? ui(lang, 'check.counts', counts) : ui(lang, 'check.clean')}
          </p>
          {findings.notes.map((n) => (
            <p key={n} className={styles.small} style={{ margin: 0 }}>
              {t(lang, 'check.note', { text: n })}
            </p>
          ))}
          {SEVERITIES.map((sev) => {
            const group = findings.issues.filter((f) => f.severity === sev);
            return group.length ? <SeverityGroup key={sev} lang={lang} severity={sev} findings={group} onGoTo={goTo} onAccept={accept} /> : null;
          })}
        </div>
      )}
    </section>
  );
}

function SeverityGroup(props: {
  lang: Lang;
  severity: Severity;
  findings: Finding[];
  onGoTo: (f: Finding) => void;
  onAccept: (f: Finding, note: string) => Promise<boolean>;
}): JSX.Element {
  const { lang, severity, findings, onGoTo, onAccept } = props;
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const id = useId();
  const shown = all ? findings : findings.slice(0, GROUP_LIMIT);
  return (
    <section aria-labelledby={id} className={styles.messages}>
      <h4 id={id} className={styles.h4}>
        {ui(lang, 'check.group', { severity: t(lang, `check.severity.${severity}`), count: findings.length })}
      </h4>
      {bySheet(shown).map(([sheet, list]) => (
        <div key={sheet} className={styles.messages}>
          <h5 className={styles.h5} title={sheet}>
            {ui(lang, 'check.sheet', { sheet })}
          </h5>
          <ul className={styles.list}>
            {list.map((f) => (
              <FindingRow key={keyOf(f)} lang={lang} finding={f} onGoTo={onGoTo} onAccept={onAccept} />
            ))}
          </ul>
        </div>
      ))}
      {!all && findings.length > GROUP_LIMIT && (
        <div>
          <Button size="small" onClick={() => setAll(true)}>
            {ui(lang, 'check.show-all', { count: findings.length })}
          </Button>
        </div>
      )}
    </section>
  );
}

function FindingRow(props: { lang: Lang; finding: Finding; onGoTo: (f: Finding) => void; onAccept: (f: Finding, note: string) => Promise<boolean> }): JSX.Element {
  const { lang, finding: f, onGoTo, onAccept } = props;
  const styles = useStyles();
  const rowStyles = useRowStyles();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState('');
  const [invalid, setInvalid] = useState(false);
  const rowRef = useRef<HTMLButtonElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (editing) noteRef.current?.focus();
  }, [editing]);
  const close = (): void => {
    setEditing(false);
    setInvalid(false);
    setNote('');
    rowRef.current?.focus(); // back to the finding, not lost to the page
  };
  const title = RULE_TITLES.get(f.rule)?.[lang] ?? f.rule;
  const more = f.cells && f.cells.length > 1 ? t(lang, 'check.more-cells', { count: f.cells.length }) : '';
  const severity = t(lang, `check.sev.${f.severity}`);

  const save = async (): Promise<void> => {
    if (!note.trim()) {
      setInvalid(true);
      return;
    }
    if (await onAccept(f, note.trim())) close();
  };

  return (
    <li className={styles.messages}>
      <button type="button" ref={rowRef} className={rowStyles.row} onClick={() => onGoTo(f)}>
        <span className={rowStyles.head}>
          {f.cell}
          {more} · {title}
        </span>{' '}
        <span className={rowStyles.message}>{f.message}</span>
      </button>
      {acceptable(f) && (
        <div className={styles.messages} style={{ paddingLeft: 8 }}>
          {f.accepted ? (
            <div className={styles.row}>
              <span className={`${styles.small} ${styles.grow}`}>{ui(lang, 'check.accepted', { note: f.accepted.note })}</span>
              <Button size="small" appearance="subtle" aria-label={ui(lang, 'check.withdraw.label', { cell: f.cell })} onClick={() => void onAccept(f, '')}>
                {ui(lang, 'check.withdraw')}
              </Button>
            </div>
          ) : editing ? (
            <>
              <Field
                label={ui(lang, 'check.note')}
                required
                hint={ui(lang, 'check.note.hint', { max: NOTE_MAX })}
                validationState={invalid ? 'error' : 'none'}
                validationMessage={invalid ? ui(lang, 'check.note.required') : undefined}
              >
                <Textarea
                  ref={noteRef}
                  value={note}
                  maxLength={NOTE_MAX}
                  resize="vertical"
                  onChange={(_, data) => {
                    setNote(data.value.slice(0, NOTE_MAX));
                    if (data.value.trim()) setInvalid(false);
                  }}
                />
              </Field>
              <div className={styles.row}>
                <Button size="small" appearance="primary" onClick={() => void save()}>
                  {ui(lang, 'check.save')}
                </Button>
                <Button size="small" onClick={close}>
                  {ui(lang, 'check.cancel')}
                </Button>
              </div>
            </>
          ) : (
            <div>
              <Button size="small" aria-label={ui(lang, 'check.confirm.label', { cell: f.cell, severity })} onClick={() => setEditing(true)}>
                {ui(lang, 'check.confirm')}
              </Button>
            </div>
          )}
        </div>
      )}
    </li>
  );
}
