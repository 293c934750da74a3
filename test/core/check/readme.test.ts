import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, RULES } from '../../../src/core/check';

const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');

test('the README documents every rule with its kind and default severity', () => {
  const rows = new Map<string, [string, string]>();
  for (const m of readme.matchAll(/^\| `([a-z0-9-]+)` \| (hard|soft) \| (error|warning|info) \|/gm)) rows.set(m[1], [m[2], m[3]]);
  expect([...rows.keys()].sort()).toEqual(RULES.map((r) => r.id).sort());
  for (const r of RULES) expect(rows.get(r.id)).toEqual([r.kind, r.severity]);
});

test('the README states the default thresholds', () => {
  for (const key of ['growthOutlier', 'growthExtreme', 'peerDeviation', 'peerDeviationPoints', 'growthSwing', 'rankSwing', 'unitScaleRatio', 'shareTolerance'] as const) {
    expect(readme).toContain(`"${key}": ${DEFAULT_SETTINGS[key]},`);
  }
});
