import fc from 'fast-check';
import {
  growth,
  GrowthOutcome,
  growthRate,
  growthWording,
  OUTCOME_LABELS,
  pairWording,
  resultWording,
} from '../../../src/core/compute/growth';

const outcome = (o: GrowthOutcome) => ({ kind: 'outcome', outcome: o });

describe('growth', () => {
  it('gives a rate against a positive base', () => {
    expect(growth(121, 100)).toEqual({ kind: 'rate', value: 21 });
    expect(growth(90, 100)).toEqual({ kind: 'rate', value: -10 });
    expect(growth(0, 100)).toEqual({ kind: 'rate', value: -100 });
    expect(growth(350, 100)).toEqual({ kind: 'rate', value: 250 });
    const r = growth(1.1, 1);
    expect(r.kind).toBe('rate');
    expect(growthRate(r)).toBeCloseTo(10, 12);
  });

  it('rounds the rate only when asked', () => {
    expect(growth(108.25, 100)).toEqual({ kind: 'rate', value: 8.25 });
    expect(growth(108.25, 100, { decimals: 1 })).toEqual({ kind: 'rate', value: 8.3 });
    expect(growth(97.75, 100, { decimals: 1 })).toEqual({ kind: 'rate', value: -2.3 });
  });

  it('words each outcome', () => {
    expect(growth(-20, 100)).toEqual(outcome('turned-loss'));
    expect(growth(30, -50)).toEqual(outcome('turned-profit'));
    expect(growth(0, -50)).toEqual(outcome('loss-eliminated'));
    expect(growth(-20, -50)).toEqual(outcome('loss-narrowed'));
    expect(growth(-80, -50)).toEqual(outcome('loss-widened'));
    expect(growth(-50, -50)).toEqual(outcome('loss-unchanged'));
    expect(growth(10, 0)).toEqual(outcome('from-zero'));
    expect(growth(-10, 0)).toEqual(outcome('new-loss'));
    expect(growth(10, -0)).toEqual(outcome('from-zero'));
  });

  it('has no result without figures or with a zero base', () => {
    expect(growth(0, 0)).toEqual({ kind: 'none', reason: 'zero-base' });
    expect(growth(null, 100)).toEqual({ kind: 'none', reason: 'missing' });
    expect(growth(100, null)).toEqual({ kind: 'none', reason: 'missing' });
    expect(growth(NaN, 100)).toEqual({ kind: 'none', reason: 'missing' });
    expect(growth(100, Infinity)).toEqual({ kind: 'none', reason: 'missing' });
    expect(growth(-Infinity, -1)).toEqual({ kind: 'none', reason: 'missing' });
    expect(growth(1e308, 1e-308)).toEqual({ kind: 'none', reason: 'zero-base' });
    expect(growthRate(growth(0, 0))).toBeNull();
    expect(growthRate(growth(-1, 1))).toBeNull();
  });

  it('labels every outcome in both locales', () => {
    expect(OUTCOME_LABELS['turned-profit']['zh-CN']).toBe('扭亏为盈');
    expect(OUTCOME_LABELS['turned-loss']['zh-CN']).toBe('由盈转亏');
    expect(OUTCOME_LABELS['loss-narrowed']['zh-CN']).toBe('减亏');
    expect(OUTCOME_LABELS['loss-widened']['zh-CN']).toBe('增亏');
    expect(OUTCOME_LABELS['loss-unchanged']['zh-CN']).toBe('亏损持平');
    expect(OUTCOME_LABELS['from-zero']['zh-CN']).toBe('新增');
    for (const label of Object.values(OUTCOME_LABELS)) {
      expect(label['zh-CN'].length).toBeGreaterThan(0);
      expect(label['en-US'].length).toBeGreaterThan(0);
    }
  });

  it('growth(x, x) is 0 for x > 0', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }), (x) => {
        const r = growth(x, x);
        return r.kind === 'rate' && r.value === 0;
      }),
    );
  });

  it('never throws and always classifies', () => {
    fc.assert(
      fc.property(fc.option(fc.double(), { nil: null }), fc.option(fc.double(), { nil: null }), (c, b) => {
        const r = growth(c, b);
        if (r.kind === 'rate') return Number.isFinite(r.value) && b !== null && b > 0 && c !== null && c >= 0;
        if (r.kind === 'outcome') return r.outcome in OUTCOME_LABELS;
        return r.reason === 'missing' || r.reason === 'zero-base';
      }),
    );
  });
});

describe('growthWording', () => {
  it('writes growth as bureaus do', () => {
    expect(growthWording(12.5)).toEqual({ 'zh-CN': '增长12.5%', 'en-US': 'up 12.5%' });
    expect(growthWording(8.25)).toEqual({ 'zh-CN': '增长8.3%', 'en-US': 'up 8.3%' });
    expect(growthWording(-3.2)).toEqual({ 'zh-CN': '下降3.2%', 'en-US': 'down 3.2%' });
    expect(growthWording(-2.25)).toEqual({ 'zh-CN': '下降2.3%', 'en-US': 'down 2.3%' });
    expect(growthWording(12)).toEqual({ 'zh-CN': '增长12.0%', 'en-US': 'up 12.0%' });
    expect(growthWording(1.234, 2)['zh-CN']).toBe('增长1.23%');
  });

  it('reads 持平 when 0.0 is shown', () => {
    expect(growthWording(0)['zh-CN']).toBe('持平');
    expect(growthWording(0.04)['zh-CN']).toBe('持平');
    expect(growthWording(-0.04)['zh-CN']).toBe('持平');
    expect(growthWording(-0.05)['zh-CN']).toBe('下降0.1%');
    expect(growthWording(0.04, 2)['zh-CN']).toBe('增长0.04%');
  });

  it('gives the 倍 form from 100% up', () => {
    expect(growthWording(250)).toEqual({
      'zh-CN': '增长250.0%',
      'en-US': 'up 250.0%',
      times: { 'zh-CN': '增长2.5倍', 'en-US': 'up 2.5 times' },
    });
    expect(growthWording(122.9).times?.['zh-CN']).toBe('增长1.2倍');
    expect(growthWording(300).times?.['zh-CN']).toBe('增长3倍');
    expect(growthWording(100).times?.['zh-CN']).toBe('增长1倍');
    expect(growthWording(99.96).times?.['zh-CN']).toBe('增长1倍'); // shown as 100.0
    expect(growthWording(99.94).times).toBeUndefined();
    expect(growthWording(-150).times).toBeUndefined();
  });

  it('gives a dash for a non-finite rate', () => {
    expect(growthWording(NaN)).toEqual({ 'zh-CN': '—', 'en-US': '—' });
    expect(growthWording(Infinity)['zh-CN']).toBe('—');
  });

  it('words any growth result', () => {
    expect(resultWording(growth(90, 100))['zh-CN']).toBe('下降10.0%');
    expect(resultWording(growth(30, -50))['zh-CN']).toBe('扭亏为盈');
    expect(resultWording(growth(null, 1))['zh-CN']).toBe('—');
  });
});

describe('pairWording', () => {
  it('narrows and widens declines', () => {
    expect(pairWording(-10, -5)).toEqual({
      'zh-CN': '降幅收窄5.0个百分点',
      'en-US': 'decline narrowed by 5.0 percentage points',
      points: 5,
    });
    expect(pairWording(-5, -10)['zh-CN']).toBe('降幅扩大5.0个百分点');
    expect(pairWording(-5.06, -4.96)['zh-CN']).toBe('降幅收窄0.1个百分点'); // shown −5.1 → −5.0
    expect(pairWording(-5.04, -4.96)['zh-CN']).toBe('降幅持平'); // both shown −5.0
  });

  it('compares the displayed figures', () => {
    expect(pairWording(-5.04, -5.01)).toMatchObject({ 'zh-CN': '降幅持平', points: 0 });
    expect(pairWording(6.35, 6.305)).toMatchObject({ 'zh-CN': '增速回落0.1个百分点', points: -0.1 });
  });

  it('covers growth, turns and zero', () => {
    expect(pairWording(5, 8)['zh-CN']).toBe('增速加快3.0个百分点');
    expect(pairWording(8, 5)['zh-CN']).toBe('增速回落3.0个百分点');
    expect(pairWording(8, 8)['zh-CN']).toBe('增速持平');
    expect(pairWording(-3, 2)).toMatchObject({ 'zh-CN': '由降转增', points: 5 });
    expect(pairWording(3, -2)).toMatchObject({ 'zh-CN': '由增转降', points: -5 });
    expect(pairWording(0, 2)['zh-CN']).toBe('增速提高2.0个百分点');
    expect(pairWording(-2, 0.01)['zh-CN']).toBe('增速提高2.0个百分点');
    expect(pairWording(0, -2)['zh-CN']).toBe('增速回落2.0个百分点');
    expect(pairWording(0, 0)['zh-CN']).toBe('增速持平');
    expect(pairWording(NaN, 1)).toEqual({ 'zh-CN': '—', 'en-US': '—', points: null });
  });
});
