/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// 自定义平衡关系 loads its panel when first opened; when that fails (the pane's server out of reach),
// the step says so and the button can be chosen again.
import './setup';
import { screen } from '@testing-library/react';
import { renderApp } from './harness';

let fail = true;
jest.mock('../../src/taskpane/IdentitiesPanel', () => {
  if (fail) throw new Error('Loading chunk identities failed.');
  return jest.requireActual('../../src/taskpane/IdentitiesPanel');
});

test('a panel that cannot be loaded: an error in the user\'s words, the section closed again, and a second try that works', async () => {
  const r = await renderApp('zh-CN');
  const toggle = screen.getByRole('button', { name: /^自定义平衡关系/ });
  await r.user.click(toggle);
  expect((await screen.findByRole('alert')).textContent).toContain('Loading chunk identities failed.');
  expect(toggle.getAttribute('aria-expanded')).toBe('false');
  fail = false;
  await r.user.click(toggle);
  expect(await screen.findByRole('region', { name: '标准关系' })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  r.unmount();
});
