import fc from 'fast-check';
import { RULE_IDS } from '../../../src/core/check';
import { defaultSettings, parseAddinSettings } from '../../../src/core/session';

describe('saved settings', () => {
  test('nothing saved, or not JSON, is null; an empty object gives the defaults', () => {
    expect(parseAddinSettings(null)).toBeNull();
    expect(parseAddinSettings(undefined)).toBeNull();
    expect(parseAddinSettings('{not json')).toBeNull();
    expect(parseAddinSettings('[1,2]')).toBeNull();
    expect(parseAddinSettings('{}')).toEqual(defaultSettings());
  });

  test('what was saved comes back the same (JSON round trip)', () => {
    const s = defaultSettings();
    s.skipSheets = ['附表'];
    s.overrides = {
      表1: { totalRow: 4, columns: { 2: { measure: 'growth', unit: '%', additive: false, priceBasis: 'comparable', period: '2025年1-3月' } }, peers: { 17: true, 5: false } },
      表2: { totalRow: null },
    };
    s.summary = { ...s.summary, indicators: ['地区生产总值', '规上工业增加值'], rankBy: 'value', ties: 'dense', zonesAsPeers: true, top: 5, mode: 'formulas', points: true };
    s.summary.highlights.tie = false;
    s.accepted = [{ rule: 'growth-outlier', sheet: '表1', cell: 'D7', actual: '48.2', note: '新投产项目拉动', at: '2026-03-02T08:00:00.000Z' }];
    s.identities = [
      { name: '第二产业 = 工业 + 建筑业', whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'sum' },
      { whole: '^非税收入', parts: ['^国有资源\\(资产\\)有偿使用收入'], kind: 'part' },
    ];
    s.lastRun = '2026-03-02T09:00:00.000Z';
    expect(parseAddinSettings(JSON.stringify(s))).toEqual(s);
  });

  test('invalid parts fall back to their defaults, valid parts are kept', () => {
    const parsed = parseAddinSettings({
      skipSheets: ['a', 3, 'a'],
      overrides: { s: { totalRow: -1, columns: { x: {}, 3: { measure: 'nonsense', unit: 5, additive: 'yes', period: 7 }, 4: { measure: 'rank' } }, peers: { x: true, '-1': false, 2: 'yes' } }, t: 'bad' },
      summary: { rankBy: 'alphabet', ties: 'dense', zonesAsPeers: 'yes', top: 0, perSheet: 3.5, highlights: { top: false, bottom: 'no' }, indicators: [' GDP ', '', 7] },
      accepted: [{ rule: 'no-such-rule', sheet: 's', cell: 'A1', note: 'x' }, { rule: 'growth-outlier', sheet: 's', cell: 'B2', note: '   ' }, { rule: 'growth-outlier', sheet: 's', cell: 'B3', note: ' ok ' }],
      identities: [
        { name: 'no parts', whole: '^a', parts: [], kind: 'sum' },
        { name: 'bad pattern', whole: '(', parts: ['^b'], kind: 'sum' },
        { name: 'bad kind', whole: '^a', parts: ['^b'], kind: 'max' },
        'text',
        { name: ' 二产 ', whole: '^第二产业', parts: ['^工业'], kind: 'part', extra: 1 },
      ],
    });
    const d = defaultSettings();
    expect(parsed).not.toBeNull();
    expect(parsed!.skipSheets).toEqual(['a']);
    expect(parsed!.overrides).toEqual({ s: { columns: { 4: { measure: 'rank' } } } });
    expect(parsed!.summary.rankBy).toBe(d.summary.rankBy);
    expect(parsed!.summary.ties).toBe('dense');
    expect(parsed!.summary.zonesAsPeers).toBe(false);
    expect(parsed!.summary.top).toBe(3);
    expect(parsed!.summary.perSheet).toBe(6);
    expect(parsed!.summary.highlights).toEqual({ ...d.summary.highlights, top: false });
    expect(parsed!.summary.indicators).toEqual(['GDP']);
    expect(parsed!.accepted).toEqual([{ rule: 'growth-outlier', sheet: 's', cell: 'B3', actual: null, note: 'ok', at: '' }]);
    expect(parsed!.identities).toEqual([{ name: '二产', whole: '^第二产业', parts: ['^工业'], kind: 'part' }]);
    expect(parseAddinSettings({ identities: 'none' })!.identities).toEqual([]);
  });

  test('any JSON value parses without throwing, to null or to settings that parse to themselves', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = parseAddinSettings(v);
        if (s === null) return;
        expect(parseAddinSettings(JSON.stringify(s))).toEqual(s);
        expect(s.summary.top).toBeGreaterThanOrEqual(1);
        expect(s.accepted.every((a) => RULE_IDS.includes(a.rule) && a.note.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
