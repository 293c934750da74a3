/**
 * Render the task pane over a real AddinSession on the fake Excel (see sample.ts).
 * Import './setup' before this in a test file.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang } from '../../src/core/i18n';
import type { AppProps } from '../../src/taskpane/App';
import { App } from '../../src/taskpane/App';
import type { Setup } from './sample';
import { setup } from './sample';

export type Rendered = Setup & { user: ReturnType<typeof userEvent.setup>; unmount: () => void; container: HTMLElement };

/** The App over the sample (or the grids given), once the first read has listed the tables. */
export async function renderApp(lang: Lang, options: Parameters<typeof setup>[1] & Partial<AppProps> & { waitForRead?: boolean; before?: (s: Setup) => void } = {},
): Promise<Rendered> {
  const s = await setup(lang, options);
  options.before?.(s);
  const user = userEvent.setup();
  const r = render(<App session={s.session} lang={lang} theme={options.theme ?? 'light'} subscribe={options.subscribe} onReadError={options.onReadError} />);
  if (options.waitForRead !== false) await screen.findByText(lang === 'zh-CN' ? /共 \d+ 张表/ : /\d+ tables on/);
  return { ...s, user, unmount: r.unmount, container: r.container };
}

/** The settings as saved in the (memory) store. */
export function saved(r: Setup): Record<string, unknown> & { skipSheets: string[]; overrides: Record<string, { totalRow?: number | null; columns?: Record<string, Record<string, unknown>> }>; summary: Record<string, unknown>; accepted: { note: string; cell: string; sheet: string }[] } {
  if (r.store.text === null) throw new Error('nothing saved');
  return JSON.parse(r.store.text);
}

export const LANGS: Lang[] = ['zh-CN', 'en-US'];
