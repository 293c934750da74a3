/**
 * 自定义平衡关系, in the check step: the standard accounting identities (read only, in words) and the
 * bureau's own, which can be added and removed. The user types or picks indicator names (the workbook's
 * own, offered as they type); they are kept in the settings' format — the format of `identities` in
 * `--config` — in the workbook (in the browser on the standalone page), and the findings shown are
 * checked again with them. The panel is loaded when first opened (IdentitiesPanel.tsx).
 */
import { Button, Spinner } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { AddinSession } from '../addin';
import type { Lang } from '../core/i18n';
import { ActionError, useAction } from './common';
import type { IdentitiesPanel as Panel } from './IdentitiesPanel';
import { ui } from './strings';

export function IdentitiesEditor(props: { session: AddinSession; lang: Lang; onChanged: () => void }): JSX.Element {
  const { lang } = props;
  const [open, setOpen] = useState(false);
  const [panel, setPanel] = useState<typeof Panel | null>(null);
  const load = useAction(lang);
  const panelId = useId();

  const toggle = async (): Promise<void> => {
    setOpen(!open);
    if (open || panel) return;
    const m = await load.run('load', () => import(/* webpackChunkName: "identities" */ './IdentitiesPanel'));
    if (m) setPanel(() => m.IdentitiesPanel);
    else setOpen(false); // the error says why; choosing the button again tries again
  };

  const Loaded = panel;
  return (
    <div>
      <Button size="small" appearance="subtle" aria-expanded={open} aria-controls={panelId} onClick={() => void toggle()}>
        {ui(lang, 'ids.toggle')} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </Button>
      {open && !Loaded && <Spinner size="tiny" label={ui(lang, 'ids.loading')} />}
      <ActionError lang={lang} action={load} />
      {open && Loaded && <Loaded id={panelId} {...props} />}
    </div>
  );
}
