/**
 * Step 3, 汇总: the summary's options (saved in the workbook as they change, so the
 * next month's file opens with them) and 生成汇总表, with its progress and a link to
 * each sheet written. On a workbook file (the standalone page) the page adds what
 * follows a run (its download button) through `afterGenerate`.
 */
import { Button, Checkbox, Field, Link, ProgressBar, Radio, RadioGroup, SpinButton } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useId, useState } from 'react';
import type { AddinSession, GenerateOutcome, GenerateStep } from '../addin';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { SummaryChoices } from '../core/session';
import type { HighlightKind } from '../core/summary';
import type { PaneMode } from './common';
import { ActionError, StepMessage, useAction, usePaneMode, useStyles } from './common';
import { PreviousPicker } from './PreviousPicker';
import { ui } from './strings';

const STEPS: GenerateStep[] = ['read', 'check', 'plan', 'write', 'save'];
const HIGHLIGHTS: HighlightKind[] = ['top', 'bottom', 'below-total', 'negative', 'behind-progress', 'tie'];
export const TOP_MIN = 1;
export const TOP_MAX = 10;

export interface SummaryStepProps {
  session: AddinSession;
  lang: Lang;
  /** the session changed (choices, findings of the run): render again */
  onChanged: () => void;
  headingId: string;
  /** Shown under the step's messages once 生成汇总表 has succeeded, until it runs again. */
  afterGenerate?: (outcome: GenerateOutcome) => ReactNode;
  /** 生成汇总表 wrote its sheets. */
  onGenerated?: (outcome: GenerateOutcome) => void;
}

export function SummaryStep({ session, lang, onChanged, headingId, afterGenerate, onGenerated }: SummaryStepProps): JSX.Element {
  const styles = useStyles();
  const mode = usePaneMode();
  const action = useAction(lang);
  const [step, setStep] = useState<GenerateStep | null>(null);
  const [outcome, setOutcome] = useState<(GenerateOutcome & { notices: string[] }) | null>(null);
  // the last run that worked; unlike its message it stays when the message is dismissed
  const [generated, setGenerated] = useState<GenerateOutcome | null>(null);
  const ids = { indicators: useId(), rankBy: useId(), ties: useId(), highlights: useId(), mode: useId(), columns: useId(), progress: useId() };
  const s = session.settings.summary;
  const names = session.indicatorNames;
  const running = action.busy === 'generate';

  const choose = async (change: Partial<SummaryChoices>): Promise<void> => {
    const saved = action.run('choose', () => session.choose(change));
    onChanged(); // the choice is taken at once; saving in the workbook follows
    await saved;
  };

  const generate = async (): Promise<void> => {
    setOutcome(null);
    setGenerated(null);
    setStep('read');
    const r = await action.run('generate', () => session.generate((st) => setStep(st)));
    setStep(null);
    onChanged();
    if (r) {
      setOutcome({ ...r, notices: session.workbook.notices.map((n) => t(lang, n.key, n.params)) });
      setGenerated(r);
      onGenerated?.(r);
    }
  };

  const open = (sheet: string): void => {
    void action.run('goto', () => session.goTo({ sheet, cell: 'A1' }));
  };

  const chosen = s.indicators;
  const toggleIndicator = (name: string, on: boolean): void => {
    const current = new Set(chosen ?? names);
    if (on) current.add(name);
    else current.delete(name);
    const next = names.filter((n) => current.has(n));
    if (next.length) void choose({ indicators: next.length === names.length ? null : next });
  };

  const stepIndex = step ? STEPS.indexOf(step) : -1;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {ui(lang, 'step.summary')}
      </h2>
      <p className={styles.intro}>{ui(lang, mode === 'file' ? 'summary.intro.file' : 'summary.intro')}</p>

      <div role="group" aria-labelledby={ids.indicators} className={styles.messages}>
        <span id={ids.indicators} className={styles.h4}>
          {ui(lang, 'summary.indicators')}
        </span>
        {names.length === 0 ? (
          <span className={styles.small}>{ui(lang, 'summary.indicators.none')}</span>
        ) : (
          <>
            <RadioGroup
              aria-labelledby={ids.indicators}
              value={chosen === null ? 'all' : 'some'}
              onChange={(_, data) => void choose({ indicators: data.value === 'all' ? null : [...names] })}
            >
              <Radio value="all" label={ui(lang, 'summary.indicators.all')} />
              <Radio value="some" label={ui(lang, 'summary.indicators.some')} />
            </RadioGroup>
            {chosen !== null && (
              <div className={styles.messages} style={{ paddingLeft: 24 }}>
                {names.map((name) => {
                  const on = chosen.includes(name);
                  const last = on && names.filter((n) => chosen.includes(n)).length === 1;
                  return (
                    <Checkbox
                      key={name}
                      label={name}
                      checked={on}
                      disabled={last}
                      onChange={(_, data) => toggleIndicator(name, data.checked === true)}
                    />
                  );
                })}
              </div>
            )}
          </>
        )}
      </div>

      <Field label={ui(lang, 'summary.rankBy')}>
        <RadioGroup value={s.rankBy} onChange={(_, data) => void choose({ rankBy: data.value === 'value' ? 'value' : data.value === 'increment' ? 'increment' : 'growth' })}>
          <Radio value="growth" label={ui(lang, 'summary.rankBy.growth')} />
          <Radio value="value" label={ui(lang, 'summary.rankBy.value')} />
          {s.rankBy === 'increment' && <Radio value="increment" label={ui(lang, 'summary.rankBy.increment')} />}
        </RadioGroup>
      </Field>

      <Checkbox
        label={ui(lang, 'summary.zonesAsPeers')}
        checked={s.zonesAsPeers}
        onChange={(_, data) => void choose({ zonesAsPeers: data.checked === true })}
      />

      <Field label={ui(lang, 'summary.ties')}>
        <RadioGroup value={s.ties} onChange={(_, data) => void choose({ ties: data.value === 'dense' ? 'dense' : 'competition' })}>
          <Radio value="competition" label={ui(lang, 'summary.ties.competition')} />
          <Radio value="dense" label={ui(lang, 'summary.ties.dense')} />
        </RadioGroup>
      </Field>

      <Field label={ui(lang, 'summary.top')}>
        <SpinButton
          value={s.top}
          min={TOP_MIN}
          max={TOP_MAX}
          style={{ width: '6em' }}
          onChange={(_, data) => {
            const raw = data.value ?? (data.displayValue !== undefined ? parseInt(data.displayValue, 10) : NaN);
            if (typeof raw === 'number' && Number.isFinite(raw)) void choose({ top: Math.min(TOP_MAX, Math.max(TOP_MIN, Math.round(raw))) });
          }}
        />
      </Field>

      <div role="group" aria-labelledby={ids.highlights} className={styles.messages}>
        <span id={ids.highlights} className={styles.h4}>
          {ui(lang, 'summary.highlights')}
        </span>
        <div className={styles.row}>
          {HIGHLIGHTS.map((h) => (
            <Checkbox
              key={h}
              label={ui(lang, `highlight.${h}` as const, { k: s.top })}
              checked={s.highlights[h]}
              onChange={(_, data) => void choose({ highlights: { ...s.highlights, [h]: data.checked === true } })}
            />
          ))}
        </div>
      </div>

      <Field label={ui(lang, 'summary.mode')}>
        <RadioGroup value={s.mode} onChange={(_, data) => void choose({ mode: data.value === 'formulas' ? 'formulas' : 'values' })}>
          <Radio value="values" label={ui(lang, 'summary.mode.values')} />
          <Radio value="formulas" label={ui(lang, 'summary.mode.formulas')} />
        </RadioGroup>
      </Field>

      <div role="group" aria-labelledby={ids.columns} className={styles.messages}>
        <span id={ids.columns} className={styles.h4}>
          {ui(lang, 'summary.columns')}
        </span>
        <div className={styles.row}>
          <Checkbox label={ui(lang, 'summary.points')} checked={s.points} onChange={(_, data) => void choose({ points: data.checked === true })} />
          <Checkbox label={ui(lang, 'summary.share')} checked={s.share} onChange={(_, data) => void choose({ share: data.checked === true })} />
        </div>
        <Checkbox
          label={ui(lang, 'summary.findingsSheet')}
          checked={s.findingsSheet}
          onChange={(_, data) => void choose({ findingsSheet: data.checked === true })}
        />
        <Checkbox
          label={ui(lang, 'summary.textSheet')}
          checked={s.textSheet}
          onChange={(_, data) => void choose({ textSheet: data.checked === true })}
        />
        {session.hasTargets && (
          <Checkbox label={ui(lang, 'summary.targets')} checked={s.targets} onChange={(_, data) => void choose({ targets: data.checked === true })} />
        )}
      </div>

      <PreviousPicker session={session} lang={lang} onChanged={onChanged} />

      <div>
        <Button appearance="primary" onClick={() => void generate()} disabledFocusable={running}>
          {ui(lang, 'summary.generate')}
        </Button>
      </div>
      <div className={styles.messages}>
        <div role="status" aria-live="polite" id={ids.progress} className={styles.small}>
          {running && step ? ui(lang, 'summary.progress.step', { n: stepIndex + 1, of: STEPS.length, step: ui(lang, progressKey(step, mode)) }) : ''}
        </div>
        {running && (
          <ProgressBar
            value={(stepIndex + 1) / STEPS.length}
            max={1}
            aria-label={ui(lang, 'summary.progress')}
            aria-describedby={ids.progress}
          />
        )}
        <ActionError lang={lang} action={action} />
        {outcome && (
          <StepMessage lang={lang} intent="success" onDismiss={() => setOutcome(null)}>
            <Outcome lang={lang} outcome={outcome} onOpen={open} mode={mode} />
          </StepMessage>
        )}
        {generated && afterGenerate?.(generated)}
      </div>
    </section>
  );
}

/** The words of a step of 生成汇总表 (on a file, the summary is written into the workbook, not into Excel). */
function progressKey(step: GenerateStep, mode: PaneMode): `progress.${GenerateStep}` | 'progress.write.file' {
  return mode === 'file' && step === 'write' ? 'progress.write.file' : `progress.${step}`;
}

function Outcome(props: { lang: Lang; outcome: GenerateOutcome & { notices: string[] }; onOpen: (sheet: string) => void; mode: PaneMode }): JSX.Element {
  const { lang, outcome, onOpen, mode } = props;
  const styles = useStyles();
  const [first] = outcome.sheets;
  const params = { sheet: first ?? '', count: outcome.sheets.length, indicators: outcome.indicators, regions: outcome.regions };
  return (
    <div className={styles.messages}>
      <div className={styles.wrapText}>{ui(lang, outcome.sheets.length > 1 ? 'summary.done' : 'summary.done.one', params)}</div>
      {/* the notes carry the counts of the checks run with it (审核：错误n条…) */}
      {[...outcome.notes, ...outcome.notices].map((n) => (
        <div key={n} className={styles.wrapText}>
          {n}
        </div>
      ))}
      <div className={styles.row}>
        {outcome.sheets.map((sheet) => (
          <Link key={sheet} onClick={() => onOpen(sheet)}>
            {ui(lang, mode === 'file' ? 'summary.open.file' : 'summary.open', { sheet })}
          </Link>
        ))}
      </div>
    </div>
  );
}
