/**
 * 上期报表: choose last month's workbook for the checks against last period (cumulatives, months,
 * growth and rank swings) and the rank changes (位次变化) of the summary. The file is read in the
 * browser by the project's own reader, loaded only when a file is chosen; nothing is uploaded, and
 * the choice lasts for this session (a file is never kept in the workbook's settings).
 */
import { Button, Spinner } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { AddinSession } from '../addin';
import type { Lang } from '../core/i18n';
import { StepMessage, useStyles } from './common';
import { fileErrorText } from './standalone/errors';
import { readFileBytes } from './standalone/openFile';
import { ui } from './strings';

export const PREVIOUS_ACCEPT = '.xlsx,.xlsm,.xltx,.xls,.et,.ods,.xlsb';

export function PreviousPicker(props: { session: AddinSession; lang: Lang; onChanged: () => void }): JSX.Element {
  const { session, lang, onChanged } = props;
  const styles = useStyles();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const chosen = session.previous;

  const choose = async (file: File): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const { readWorkbookBytes } = await import(/* webpackChunkName: "reader" */ '../workbook/read');
      const book = await readWorkbookBytes(await readFileBytes(file), file.name);
      session.setPrevious(file.name, await book.readGrids());
      onChanged();
    } catch (e) {
      setError(fileErrorText(e, lang));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const clear = (): void => {
    session.setPrevious(null, null);
    setError(null);
    onChanged();
  };

  return (
    <div role="group" aria-labelledby={id} className={styles.messages}>
      <span id={id} className={styles.h4}>
        {ui(lang, 'previous.title')}
      </span>
      <p className={styles.small} style={{ margin: 0 }}>
        {chosen ? ui(lang, 'previous.chosen', { name: chosen.name, period: chosen.period ?? ui(lang, 'previous.no-period') }) : ui(lang, 'previous.none')}
      </p>
      <input
        ref={input}
        type="file"
        accept={PREVIOUS_ACCEPT}
        hidden
        aria-label={ui(lang, 'previous.input')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void choose(file);
        }}
      />
      <div className={styles.row}>
        <Button size="small" onClick={() => input.current?.click()} disabledFocusable={busy}>
          {ui(lang, chosen ? 'previous.change' : 'previous.choose')}
        </Button>
        {chosen && (
          <Button size="small" appearance="subtle" onClick={clear} disabledFocusable={busy}>
            {ui(lang, 'previous.clear')}
          </Button>
        )}
        {busy && <Spinner size="tiny" label={ui(lang, 'previous.reading')} />}
      </div>
      {error && (
        <StepMessage lang={lang} intent="error" onDismiss={() => setError(null)}>
          {error}
        </StepMessage>
      )}
    </div>
  );
}
