/**
 * Step 4, 分析文字: the summary put into words (src/core/text, through the session's analysis:
 * the same path as `indicator-tables text`), a section per paragraph with a copy button each and
 * one for the whole text, the region of the leadership summary (要点), and the indicators left
 * out with the reason. Every figure the text cites is a button: choosing it goes to its source
 * cell (in Excel, the cell is selected; on the standalone page, the sheet view shows it).
 */
import { Button, Dropdown, Field, Option, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { KeyboardEvent } from 'react';
import { Fragment, useEffect, useId, useRef, useState } from 'react';
import type { AddinSession } from '../addin';
import type { Lang } from '../core/i18n';
import type { AnalysisBuild } from '../core/session';
import type { CitedFigure, Paragraph, ParagraphKind } from '../core/text';
import { analysisText, paragraphText, sentenceParts } from '../core/text';
import { ExcelAdapterError } from '../workbook/excel/errors';
import { ActionError, StepMessage, useAction, usePaneMode, useStyles } from './common';
import { ui } from './strings';

/** How long a copy button says 已复制 (ms). */
export const COPIED_FOR = 2000;

/** The option of the region picker that writes no key points. */
const NO_REGION = '';

const KINDS: ParagraphKind[] = ['total', 'indicator', 'region', 'leadership'];

const useTextStyles = makeStyles({
  paragraph: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  head: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  title: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400, overflowWrap: 'anywhere' },
  figure: {
    cursor: 'pointer',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
    textDecorationStyle: 'dotted',
    textUnderlineOffset: '2px',
    borderRadius: tokens.borderRadiusSmall,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecorationStyle: 'solid' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * Put text on the clipboard: the Clipboard API, or where it is missing or refused (an older
 * webview, a frame without clipboard-write) a selected textarea and the copy command. Resolves
 * to false when neither worked.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused: try the copy command
  }
  const focused = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.focus();
  area.select();
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus?.();
  }
}

export interface TextStepProps {
  session: AddinSession;
  lang: Lang;
  headingId: string;
}

export function TextStep({ session, lang, headingId }: TextStepProps): JSX.Element {
  const styles = useStyles();
  const s = useTextStyles();
  const mode = usePaneMode();
  const action = useAction(lang);
  const go = useAction(lang);
  const [build, setBuild] = useState<AnalysisBuild | null>(session.text);
  const [region, setRegion] = useState<string | null>(session.text?.options.region ?? null);
  const [hidden, setHidden] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ key: string; status: string } | null>(null);
  const [copyFailed, setCopyFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const ids = { region: useId(), leftOut: useId(), base: useId() };
  const writing = action.busy === 'text';

  useEffect(() => () => clearTimeout(timer.current), []);

  const write = async (): Promise<void> => {
    setCopied(null);
    const b = await action.run('text', () => session.analysis(region));
    if (b) setBuild(b);
  };

  const pick = (value: string | null): void => {
    setRegion(value);
    const b = session.analysisFor(value);
    if (b) setBuild(b);
  };

  const goTo = (f: CitedFigure): void => {
    setHidden(null);
    void go.run('goto', async () => {
      try {
        await session.goTo(f);
      } catch (e) {
        // a hidden sheet is said, not failed on: the user can unhide it
        if (e instanceof ExcelAdapterError && (e.problem === 'sheet-hidden' || e.problem === 'sheet-hidden-page')) setHidden(e.text(lang));
        else throw e;
      }
    });
  };

  const copy = async (key: string, text: string, status: string): Promise<void> => {
    const ok = await copyToClipboard(text);
    setCopyFailed(!ok);
    clearTimeout(timer.current);
    if (!ok) {
      setCopied(null);
      return;
    }
    setCopied({ key, status });
    timer.current = setTimeout(() => setCopied(null), COPIED_FOR);
  };

  const analysis = build?.analysis ?? null;

  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {ui(lang, 'step.text')}
      </h2>
      <p className={styles.intro}>{ui(lang, mode === 'file' ? 'text.intro.file' : 'text.intro')}</p>
      <div className={styles.row}>
        <Button appearance={build ? 'secondary' : 'primary'} onClick={() => void write()} disabledFocusable={writing}>
          {ui(lang, build ? 'text.rewrite' : 'text.write')}
        </Button>
        {analysis && analysis.paragraphs.length > 0 && (
          <Button onClick={() => void copy('all', analysisText(analysis), ui(lang, 'text.copied.all'))}>
            {ui(lang, copied?.key === 'all' ? 'text.copied' : 'text.copy.all')}
          </Button>
        )}
        {writing && <Spinner size="tiny" label={ui(lang, 'text.writing')} />}
      </div>
      <div className={styles.messages}>
        <ActionError lang={lang} action={action} />
        <ActionError lang={lang} action={go} />
        {hidden && (
          <StepMessage lang={lang} intent="warning" onDismiss={() => setHidden(null)}>
            {hidden}
          </StepMessage>
        )}
        {copyFailed && (
          <StepMessage lang={lang} intent="warning" onDismiss={() => setCopyFailed(false)}>
            {ui(lang, 'text.copy.failed')}
          </StepMessage>
        )}
        <div role="status" aria-live="polite" className={styles.small}>
          {copied?.status ?? ''}
        </div>
      </div>

      {build && analysis && (
        <>
          {build.regions.length > 0 && (
            <Field label={ui(lang, 'text.region')} hint={ui(lang, 'text.region.hint')}>
              <Dropdown
                placeholder={ui(lang, 'text.region.placeholder')}
                value={region ?? ''}
                selectedOptions={[region ?? NO_REGION]}
                onOptionSelect={(_, data) => pick(data.optionValue && data.optionValue !== NO_REGION ? data.optionValue : null)}
              >
                <Option value={NO_REGION}>{ui(lang, 'text.region.none')}</Option>
                {build.regions.map((name) => (
                  <Option key={name} value={name}>
                    {name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          {analysis.paragraphs.length === 0 && <p className={styles.small}>{ui(lang, 'text.empty')}</p>}
          {KINDS.map((kind) => {
            const list = analysis.paragraphs.map((p, i) => ({ p, i })).filter((x) => x.p.kind === kind);
            if (!list.length) return null;
            return (
              <div key={kind} role="group" aria-labelledby={`${ids.base}-${kind}`} className={styles.messages}>
                <h3 id={`${ids.base}-${kind}`} className={styles.h3}>
                  {ui(lang, `text.kind.${kind}`)}
                </h3>
                {list.map(({ p, i }) => (
                  <TextParagraph
                    key={i}
                    id={`${ids.base}-p${i}`}
                    lang={lang}
                    paragraph={p}
                    copied={copied?.key === String(i)}
                    onCopy={() => void copy(String(i), paragraphText(p, lang), ui(lang, 'text.copied.status', { title: p.title }))}
                    onFigure={goTo}
                    styles={s}
                  />
                ))}
              </div>
            );
          })}
          {analysis.leftOut.length > 0 && (
            <div role="group" aria-labelledby={ids.leftOut} className={styles.messages}>
              <h3 id={ids.leftOut} className={styles.h3}>
                {ui(lang, 'text.left-out')}
              </h3>
              <ul className={mergeClasses(styles.small, s.list)}>
                {analysis.leftOut.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function TextParagraph(props: {
  id: string;
  lang: Lang;
  paragraph: Paragraph;
  copied: boolean;
  onCopy: () => void;
  onFigure: (f: CitedFigure) => void;
  styles: ReturnType<typeof useTextStyles>;
}): JSX.Element {
  const { id, lang, paragraph: p, copied, onCopy, onFigure, styles: s } = props;
  const press = (f: CitedFigure) => (e: KeyboardEvent<HTMLSpanElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onFigure(f);
  };
  return (
    <div role="group" aria-labelledby={id} className={s.paragraph}>
      <div className={s.head}>
        <h4 id={id} className={s.title}>
          {p.title}
        </h4>
        <Button size="small" aria-label={ui(lang, copied ? 'text.copied.label' : 'text.copy.label', { title: p.title })} onClick={onCopy}>
          {ui(lang, copied ? 'text.copied' : 'text.copy')}
        </Button>
      </div>
      <p className={s.body}>
        {p.sentences.map((sentence, k) => (
          <Fragment key={k}>
            {k > 0 && lang !== 'zh-CN' ? ' ' : null}
            {sentenceParts(sentence).map((part, j) =>
              part.figure ? (
                <span
                  key={j}
                  role="button"
                  tabIndex={0}
                  className={s.figure}
                  aria-label={ui(lang, part.figure.computed ? 'text.figure.computed' : 'text.figure', { text: part.text, sheet: part.figure.sheet, cell: part.figure.cell })}
                  title={ui(lang, 'text.figure.title', { sheet: part.figure.sheet, cell: part.figure.cell })}
                  onClick={() => onFigure(part.figure)}
                  onKeyDown={press(part.figure)}
                >
                  {part.text}
                </span>
              ) : (
                <Fragment key={j}>{part.text}</Fragment>
              ),
            )}
          </Fragment>
        ))}
      </p>
    </div>
  );
}
