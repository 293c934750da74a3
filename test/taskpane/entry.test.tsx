/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The task pane's entry (src/taskpane/index.tsx) outside Excel: which page it renders when
// office.js did not load, when Office.onReady gives no host, when it never answers, and
// when the host is another Office application. (Excel itself: test/e2e.)
import './setup';
import { webDarkTheme } from '@fluentui/react-components';
import { screen } from '@testing-library/react';

type OfficeStub = {
  HostType: Record<string, string>;
  context?: { host?: string; displayLanguage?: string };
  onReady: (cb: (info: { host: string | null; platform: string | null }) => void) => Promise<unknown>;
};

const globals = globalThis as unknown as { Office?: OfficeStub };

type Act = (callback: () => Promise<void>) => Promise<void>;
/** act() of the React the entry renders with (a fresh copy for each load). */
let act: Act = async (callback) => callback();

/** Load the entry afresh (its module state, its React and its root are new). */
async function loadEntry(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    const react = await import('react');
    act = async (callback) => {
      await react.act(callback);
    };
    await act(async () => {
      await import('../../src/taskpane/index');
    });
  });
}

function officeStub(onReady: OfficeStub['onReady'], context: OfficeStub['context'] = {}): OfficeStub {
  return { HostType: { Excel: 'Excel', Word: 'Word' }, context, onReady };
}

const language = (value: string): void => {
  Object.defineProperty(window.navigator, 'language', { value, configurable: true });
};

beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  document.body.removeAttribute('style');
  delete globals.Office;
  language('zh-CN');
});

afterEach(() => {
  delete globals.Office;
  jest.useRealTimers();
  jest.restoreAllMocks();
});

describe('the task pane entry outside Excel', () => {
  test('office.js did not load (offline): the standalone page, in the browser language', async () => {
    await loadEntry();
    expect(await screen.findByLabelText('选择工作簿')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('指标表助手');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.body.style.margin).toBe('0px');
  });

  test('English browser, dark colour scheme: the standalone page in English, dark', async () => {
    language('en-GB');
    jest.spyOn(window, 'matchMedia').mockImplementation(
      (query: string) => ({ matches: query.includes('dark'), media: query, addEventListener: () => undefined, removeEventListener: () => undefined }) as unknown as MediaQueryList,
    );
    await loadEntry();
    expect(await screen.findByLabelText('Choose a workbook')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en-US');
    const bg = document.createElement('div');
    bg.style.backgroundColor = webDarkTheme.colorNeutralBackground1;
    expect(document.body.style.backgroundColor).toBe(bg.style.backgroundColor);
  });

  test('Office.onReady gives no host (a plain browser tab): the standalone page', async () => {
    globals.Office = officeStub((cb) => {
      const info = { host: null, platform: null };
      cb(info);
      return Promise.resolve(info);
    });
    await loadEntry();
    expect(await screen.findByLabelText('选择工作簿')).toBeTruthy();
  });

  test('Office.onReady never answers: the standalone page after 3 s, unless Office knows its host by then', async () => {
    jest.useFakeTimers();
    globals.Office = officeStub(() => new Promise(() => undefined));
    await loadEntry();
    await act(async () => void jest.advanceTimersByTime(2900));
    expect(screen.queryByLabelText('选择工作簿')).toBeNull();
    await act(async () => void jest.advanceTimersByTime(200));
    expect(screen.getByLabelText('选择工作簿')).toBeTruthy();

    document.body.innerHTML = '<div id="root"></div>';
    globals.Office = officeStub(() => new Promise(() => undefined), { host: 'Excel' });
    await loadEntry();
    await act(async () => void jest.advanceTimersByTime(5000));
    expect(screen.queryByLabelText('选择工作簿')).toBeNull();
  });

  test('another Office application: the message that this is an Excel add-in, as before', async () => {
    globals.Office = officeStub((cb) => {
      const info = { host: 'Word', platform: 'PC' };
      cb(info);
      return Promise.resolve(info);
    });
    await loadEntry();
    expect((await screen.findByRole('alert')).textContent).toContain('请在 Excel 中打开它');
    expect(screen.queryByLabelText('选择工作簿')).toBeNull();
  });
});
