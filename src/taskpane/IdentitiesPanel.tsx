/**
 * The panel of 自定义平衡关系 (IdentitiesEditor loads it when first opened: the Combobox and its
 * positioning are not in the pane's first download): the standard identities in words, the bureau's
 * own with a remove button each, and the form that adds one.
 */
import { Button, Combobox, Field, Input, Option, Radio, RadioGroup } from '@fluentui/react-components';
import { useId, useMemo, useRef, useState } from 'react';
import type { AddinSession } from '../addin';
import type { IdentityDraft, IdentityProblems, IdentitySetting } from '../core/check';
import { IDENTITIES, identityFromDraft, identityText } from '../core/check';
import type { Lang } from '../core/i18n';
import { identityNames } from '../core/session';
import { ActionError, useAction, usePaneMode, useStyles } from './common';
import { ui } from './strings';

/** names offered at once while typing */
export const SUGGESTIONS_SHOWN = 30;

const emptyDraft = (): IdentityDraft => ({ name: '', whole: '', parts: ['', ''], kind: 'sum' });

/** What a finding calls an identity of the bureau's (its name, else its relation). */
const nameOf = (d: IdentitySetting, lang: Lang): string => d.name ?? identityText(d, lang);

export interface IdentitiesPanelProps {
  id: string;
  session: AddinSession;
  lang: Lang;
  onChanged: () => void;
}

export function IdentitiesPanel({ id, session, lang, onChanged }: IdentitiesPanelProps): JSX.Element {
  const styles = useStyles();
  const mode = usePaneMode();
  const action = useAction(lang);
  const ids = { standard: useId(), own: useId(), kind: useId() };
  const ownHeading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<IdentityDraft>(emptyDraft);
  const [problems, setProblems] = useState<IdentityProblems>({});
  const [status, setStatus] = useState('');
  const own = session.settings.identities;
  const names = useMemo(() => identityNames(session.tables), [session.tables]);

  const change = (patch: Partial<IdentityDraft>, field?: keyof IdentityProblems): void => {
    setDraft((d) => ({ ...d, ...patch }));
    if (field && problems[field]) setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const save = async (next: IdentitySetting[], done: string): Promise<boolean> => {
    setStatus('');
    const shown = session.findings !== null;
    const ok = await action.run('identities', async () => {
      await session.setIdentities(next);
      return true;
    });
    onChanged();
    if (ok) setStatus(shown ? `${done} ${ui(lang, 'ids.rechecked')}` : done);
    return ok === true;
  };

  const add = async (): Promise<void> => {
    const taken = [...IDENTITIES.flatMap((d) => Object.values(d.name)), ...own.map((d) => nameOf(d, lang))];
    const r = identityFromDraft(draft, taken, lang);
    if ('problems' in r) {
      setProblems(r.problems);
      setStatus('');
      return;
    }
    setProblems({});
    if (await save([...own, r.identity], ui(lang, 'ids.added', { name: nameOf(r.identity, lang) }))) setDraft(emptyDraft());
  };

  const remove = async (i: number): Promise<void> => {
    const name = nameOf(own[i], lang);
    await save(
      own.filter((_, j) => j !== i),
      ui(lang, 'ids.removed', { name }),
    );
    ownHeading.current?.focus(); // the button is gone: not lost to the page
  };

  const busy = action.busy === 'identities';

  return (
    <div id={id} className={styles.messages}>
      <p className={styles.intro}>{ui(lang, mode === 'file' ? 'ids.intro.file' : 'ids.intro')}</p>
      <section aria-labelledby={ids.standard} className={styles.messages}>
        <h4 id={ids.standard} className={styles.h4}>
          {ui(lang, 'ids.standard')}
        </h4>
        <ul className={styles.list}>
          {IDENTITIES.map((d) => (
            <li key={d.name['zh-CN']} className={styles.small}>
              {d.name[lang]}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby={ids.own} className={styles.messages}>
        <h4 id={ids.own} ref={ownHeading} tabIndex={-1} className={styles.h4}>
          {ui(lang, 'ids.own', { count: own.length })}
        </h4>
        {own.length ? (
          <ul className={styles.list}>
            {own.map((d, i) => {
              const name = nameOf(d, lang);
              const relation = identityText(d, lang);
              return (
                <li key={`${i}:${name}`} className={styles.row}>
                  <span className={`${styles.small} ${styles.grow}`}>
                    {name}
                    {relation !== name && ` (${relation})`}
                  </span>
                  <Button size="small" appearance="subtle" aria-label={ui(lang, 'ids.remove.label', { name })} disabledFocusable={busy} onClick={() => void remove(i)}>
                    {ui(lang, 'ids.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className={styles.small} style={{ margin: 0 }}>
            {ui(lang, 'ids.none')}
          </p>
        )}
      </section>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{ui(lang, 'ids.add')}</legend>
        <Field label={ui(lang, 'ids.name')} hint={ui(lang, 'ids.name.hint')} validationState={problems.name ? 'error' : 'none'} validationMessage={problems.name}>
          <Input value={draft.name} onChange={(_, data) => change({ name: data.value }, 'name')} />
        </Field>
        <Field
          label={ui(lang, 'ids.whole')}
          required
          hint={ui(lang, 'ids.names.hint')}
          validationState={problems.whole ? 'error' : 'none'}
          validationMessage={problems.whole}
        >
          <NameBox value={draft.whole} names={names} onChange={(whole) => change({ whole }, 'whole')} />
        </Field>
        {draft.parts.map((part, i) => (
          <div key={i} className={styles.row} style={{ flexWrap: 'nowrap', alignItems: 'flex-end' }}>
            <Field
              className={styles.grow}
              label={ui(lang, 'ids.part', { n: i + 1 })}
              required={i === 0}
              validationState={i === 0 && problems.parts ? 'error' : 'none'}
              validationMessage={i === 0 ? problems.parts : undefined}
            >
              <NameBox value={part} names={names} onChange={(v) => change({ parts: draft.parts.map((p, j) => (j === i ? v : p)) }, 'parts')} />
            </Field>
            {draft.parts.length > 1 && (
              <Button
                size="small"
                appearance="subtle"
                aria-label={ui(lang, 'ids.part.remove', { n: i + 1 })}
                title={ui(lang, 'ids.part.remove', { n: i + 1 })}
                onClick={() => change({ parts: draft.parts.filter((_, j) => j !== i) }, 'parts')}>
                ✕
              </Button>
            )}
          </div>
        ))}
        <div>
          <Button size="small" onClick={() => change({ parts: [...draft.parts, ''] })}>
            {ui(lang, 'ids.part.more')}
          </Button>
        </div>
        <Field label={ui(lang, 'ids.kind')}>
          <RadioGroup value={draft.kind} onChange={(_, data) => change({ kind: data.value === 'part' ? 'part' : 'sum' })}>
            <Radio value="sum" label={ui(lang, 'ids.kind.sum')} />
            <Radio value="part" label={ui(lang, 'ids.kind.part')} />
          </RadioGroup>
        </Field>
        <div>
          <Button appearance="primary" onClick={() => void add()} disabledFocusable={busy}>
            {ui(lang, 'ids.submit')}
          </Button>
        </div>
      </fieldset>
      <ActionError lang={lang} action={action} />
      <div role="status" aria-live="polite" className={styles.small}>
        {status}
      </div>
    </div>
  );
}

/**
 * An indicator's name, typed freely, with the workbook's names that contain what is typed offered below.
 * The list opens on any change of the text, not only on a key press as Fluent's does: Chinese is typed
 * through an input method, whose keys do not count as typing.
 */
function NameBox({ value, names, onChange }: { value: string; names: readonly string[]; onChange: (value: string) => void }): JSX.Element {
  const [open, setOpen] = useState(false);
  const shown = useMemo(() => {
    const q = value.trim().toLowerCase();
    return (q ? names.filter((n) => n.toLowerCase().includes(q)) : names).slice(0, SUGGESTIONS_SHOWN);
  }, [value, names]);
  return (
    <Combobox
      // Fluent's 250 px minimum does not fit beside the button that takes a part out, in a 320 px pane
      style={{ minWidth: 0 }}
      freeform
      value={value}
      open={open && shown.length > 0}
      onOpenChange={(_, data) => setOpen(data.open)}
      selectedOptions={names.includes(value) ? [value] : []}
      onChange={(e) => {
        onChange(e.target.value);
        setOpen(true);
      }}
      onOptionSelect={(_, data) => {
        if (data.optionText !== undefined) onChange(data.optionText);
      }}
    >
      {shown.map((n) => (
        <Option key={n} value={n}>
          {n}
        </Option>
      ))}
    </Combobox>
  );
}
