/**
 * Step 1, 工作表: the indicator tables found in the workbook, a switch per sheet, and
 * a panel per table to correct what the reader got wrong (the total row, and per
 * column the measure, unit, additivity and price basis).
 */
import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Switch } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AddinSession } from '../addin';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { MeasureKind } from '../core/layout';
import type { ColumnInfo, TableInfo } from '../core/session';
import type { Action } from './common';
import { ActionError, StepMessage, usePaneMode, useStyles } from './common';
import { ui } from './strings';

const MEASURES: MeasureKind[] = ['value', 'growth', 'rank', 'share', 'points', 'prior', 'index', 'target', 'progress', 'increment', 'contribution', 'pull', 'level-index'];

export interface SheetsStepProps {
  session: AddinSession;
  lang: Lang;
  /** the tables to show (session.tables after the last change) */
  tables: TableInfo[];
  /** the workbook was read at least once */
  readDone: boolean;
  /** the step's calls (reading included): busy state and error */
  action: Action;
  /** read the workbook again */
  onReread: () => void;
  /** the session changed (a switch, a correction): render again */
  onChanged: () => void;
  headingId: string;
}

/** Tables grouped by sheet, in workbook order: several tables on one sheet share its switch. */
function bySheet(tables: TableInfo[]): { sheet: string; tables: TableInfo[] }[] {
  const groups = new Map<string, TableInfo[]>();
  for (const tb of tables) {
    const list = groups.get(tb.sheet);
    if (list) list.push(tb);
    else groups.set(tb.sheet, [tb]);
  }
  return [...groups].map(([sheet, list]) => ({ sheet, tables: list }));
}

export function SheetsStep(props: SheetsStepProps): JSX.Element {
  const { session, lang, tables, readDone, action, onReread, onChanged, headingId } = props;
  const styles = useStyles();
  const groups = bySheet(tables);
  const reading = action.busy === 'read';

  const setEnabled = async (sheet: string, on: boolean): Promise<void> => {
    const done = action.run('switch', () => session.setEnabled(sheet, on));
    onChanged();
    await done;
    onChanged();
  };

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {ui(lang, 'step.sheets')}
      </h2>
      <p className={styles.intro}>{ui(lang, 'sheets.intro')}</p>
      <div className={styles.row}>
        <Button onClick={onReread} disabledFocusable={reading}>
          {ui(lang, 'sheets.reread')}
        </Button>
        {reading && <Spinner size="tiny" label={ui(lang, 'app.reading')} />}
        {readDone && tables.length > 0 && (
          <span className={styles.small}>{ui(lang, 'sheets.count', { tables: tables.length, sheets: groups.length })}</span>
        )}
      </div>
      <div className={styles.messages}>
        <ActionError lang={lang} action={action} />
        {readDone && !reading && tables.length === 0 && (
          <StepMessage lang={lang} intent="warning">
            {ui(lang, 'sheets.none')}
          </StepMessage>
        )}
      </div>
      {groups.length > 0 && (
        <ul className={styles.list}>
          {groups.map((g) => (
            <SheetGroup key={g.sheet} session={session} lang={lang} sheet={g.sheet} tables={g.tables} action={action} onSwitch={setEnabled} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}

function SheetGroup(props: {
  session: AddinSession;
  lang: Lang;
  sheet: string;
  tables: TableInfo[];
  action: Action;
  onSwitch: (sheet: string, on: boolean) => Promise<void>;
  onChanged: () => void;
}): JSX.Element {
  const { session, lang, sheet, tables, action, onSwitch, onChanged } = props;
  const styles = useStyles();
  const first = tables[0];
  const enabled = first.enabled;
  const corrected = tables.some((tb) => tb.corrected);
  return (
    <li className={styles.fieldset} aria-label={sheet}>
      <div className={styles.row}>
        <strong className={`${styles.truncate} ${styles.grow}`} title={sheet}>
          {sheet}
        </strong>
        {first.targets && (
          <Badge appearance="tint" color="informative">
            {ui(lang, 'sheets.targets')}
          </Badge>
        )}
        {corrected && (
          <Badge appearance="tint" color="warning">
            {ui(lang, 'sheets.corrected')}
          </Badge>
        )}
        <Switch
          checked={enabled}
          aria-label={ui(lang, 'sheets.switch', { sheet })}
          title={ui(lang, enabled ? 'sheets.on' : 'sheets.off')}
          onChange={(_, data) => void onSwitch(sheet, data.checked)}
        />
      </div>
      {tables.map((tb) => (
        <TableLine key={`${tb.sheet}!${tb.range}`} session={session} lang={lang} table={tb} action={action} onChanged={onChanged} />
      ))}
    </li>
  );
}

function TableLine(props: { session: AddinSession; lang: Lang; table: TableInfo; action: Action; onChanged: () => void }): JSX.Element {
  const { session, lang, table, action, onChanged } = props;
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const sep = ' · ';
  const parts: string[] = [table.indicators.join(lang === 'zh-CN' ? '、' : ', ') || ui(lang, 'sheets.no-indicator')];
  parts.push(table.period ?? ui(lang, 'sheets.no-period'));
  if (table.shape !== 'items') parts.push(ui(lang, 'sheets.regions', { count: table.regions }));
  parts.push(ui(lang, 'sheets.shape', { shape: t(lang, `shape.${table.shape}`) }));
  return (
    <div className={styles.messages} style={{ opacity: table.enabled ? 1 : 0.6 }}>
      <div className={styles.row}>
        <span className={`${styles.small} ${styles.grow}`} title={`${table.sheet} ${table.range}`}>
          {parts.join(sep)}
        </span>
        <Button
          size="small"
          appearance="subtle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={ui(lang, 'sheets.fix.label', { sheet: table.sheet, range: table.range })}
          onClick={() => setOpen(!open)}
        >
          {ui(lang, 'sheets.fix')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </Button>
      </div>
      {table.doubts.map((d) => (
        <span key={`${d.kind} ${d.cell}`} className={styles.small} role="note">
          {ui(lang, 'sheets.doubt', { cell: d.cell, what: t(lang, `doubt.${d.kind}`), text: d.text })}
        </span>
      ))}
      {open && <FixPanel id={panelId} session={session} lang={lang} table={table} action={action} onChanged={onChanged} />}
    </div>
  );
}

function FixPanel(props: { id: string; session: AddinSession; lang: Lang; table: TableInfo; action: Action; onChanged: () => void }): JSX.Element {
  const { id, session, lang, table, action, onChanged } = props;
  const styles = useStyles();
  const mode = usePaneMode();
  const sheet = table.sheet;
  const correct = async (change: Parameters<AddinSession['correct']>[1]): Promise<void> => {
    await action.run('correct', () => session.correct(sheet, change));
    onChanged();
  };
  const reset = async (): Promise<void> => {
    await action.run('correct', () => session.resetCorrections(sheet));
    onChanged();
  };
  return (
    <div id={id} className={styles.messages}>
      <p className={styles.intro}>{ui(lang, mode === 'file' ? 'fix.intro.file' : 'fix.intro')}</p>
      <Field label={ui(lang, 'fix.total')}>
        <Select
          value={table.total ? String(table.total.row) : ''}
          onChange={(_, data) => void correct({ totalRow: data.value === '' ? null : Number(data.value) })}
        >
          <option value="">{ui(lang, 'fix.no-total')}</option>
          {table.rows.map((r) => (
            <option key={r.row} value={String(r.row)}>
              {ui(lang, 'fix.row', { row: r.row + 1, name: r.name })}
            </option>
          ))}
        </Select>
      </Field>
      {table.rows.some((r) => r.ranked !== undefined) && (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{ui(lang, 'fix.peers')}</legend>
          <div className={styles.row}>
            {table.rows
              .filter((r) => r.ranked !== undefined)
              .map((r) => (
                <Checkbox
                  key={r.row}
                  label={r.name + (r.apart ? ui(lang, `fix.apart.${r.apart}` as const) : '')}
                  checked={r.ranked === true}
                  // a second click on a corrected region gives the reader's reading back
                  onChange={(_, data) => void correct({ peer: { row: r.row, ranked: r.peerCorrected ? null : data.checked === true } })}
                />
              ))}
          </div>
        </fieldset>
      )}
      {table.columns.map((c) => (
        <ColumnFix key={c.col} lang={lang} column={c} onChange={(column) => void correct({ col: c.col, column })} />
      ))}
      {table.corrected && (
        <div>
          <Button size="small" onClick={() => void reset()}>
            {ui(lang, 'fix.reset', { sheet })}
          </Button>
        </div>
      )}
    </div>
  );
}

type ColumnPatch = NonNullable<Parameters<AddinSession['correct']>[1]['column']>;

function ColumnFix(props: { lang: Lang; column: ColumnInfo; onChange: (patch: ColumnPatch) => void }): JSX.Element {
  const { lang, column: c, onChange } = props;
  const styles = useStyles();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{ui(lang, 'fix.column', { letter: c.letter, header: c.header })}</legend>
      <div className={styles.row}>
        <Field label={ui(lang, 'fix.measure')} className={styles.grow}>
          <Select value={c.measure} onChange={(_, data) => onChange({ measure: data.value as MeasureKind })}>
            {MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(lang, `measure.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <TextFix label={ui(lang, 'fix.unit')} width="7em" value={c.unit} onCommit={(unit) => onChange({ unit })} />
        <TextFix label={ui(lang, 'fix.period')} width="9em" value={c.period} onCommit={(period) => onChange({ period })} />
      </div>
      <div className={styles.row}>
        <Checkbox label={ui(lang, 'fix.additive')} checked={c.additive} onChange={(_, data) => onChange({ additive: data.checked === true })} />
        <Checkbox
          label={ui(lang, 'fix.comparable')}
          checked={c.priceBasis === 'comparable'}
          onChange={(_, data) => onChange({ priceBasis: data.checked === true ? 'comparable' : 'current' })}
        />
      </div>
    </fieldset>
  );
}

/** A text the user corrects (a unit, a period): taken on Enter or when the field loses focus; empty means none. */
function TextFix(props: { label: string; width: string; value: string | null; onCommit: (value: string | null) => void }): JSX.Element {
  const { label, width, value, onCommit } = props;
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    // the sheet was read again: show what it has now
    setShown(value);
    setText(value ?? '');
  }
  const commit = (): void => {
    const next = text.trim() || null;
    if (next !== value) onCommit(next);
  };
  return (
    <Field label={label} style={{ width }}>
      <Input
        value={text}
        onChange={(_, data) => setText(data.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </Field>
  );
}
