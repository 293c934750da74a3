import fc from 'fast-check';
import { cumulativeDecreases, monthFromCumulative } from '../../../src/core/compute/cumulative';

describe('monthFromCumulative', () => {
  it('derives months from a series starting at 1-2月', () => {
    const r = monthFromCumulative([
      { month: 2, value: 200 },
      { month: 3, value: 330 },
      { month: 4, value: 450 },
    ]);
    expect(r.months).toEqual([
      { month: 2, value: null, reason: 'jan-feb-combined' },
      { month: 3, value: 130 },
      { month: 4, value: 120 },
    ]);
    expect(r.combined).toEqual([{ fromMonth: 1, toMonth: 2, value: 200 }]);
    expect(r.invalidMonths).toEqual([]);
  });

  it('derives February when January is published', () => {
    const r = monthFromCumulative([
      { month: 1, value: 100 },
      { month: 2, value: 190 },
      { month: 3, value: 300 },
    ]);
    expect(r.months).toEqual([
      { month: 1, value: 100 },
      { month: 2, value: 90 },
      { month: 3, value: 110 },
    ]);
    expect(r.combined).toEqual([]);
  });

  it('treats a null January as missing, not as a combined release', () => {
    const r = monthFromCumulative([
      { month: 1, value: null },
      { month: 2, value: 190 },
    ]);
    expect(r.months).toEqual([
      { month: 1, value: null, reason: 'missing' },
      { month: 2, value: null, reason: 'missing-previous' },
    ]);
    expect(r.combined).toEqual([]);
  });

  it('gives reasons for missing months', () => {
    const r = monthFromCumulative([
      { month: 6, value: 600 },
      { month: 3, value: 300 },
      { month: 4, value: null },
      { month: 7, value: NaN },
      { month: 8, value: 800 },
    ]);
    expect(r.months).toEqual([
      { month: 3, value: null, reason: 'missing-previous' },
      { month: 4, value: null, reason: 'missing' },
      { month: 5, value: null, reason: 'missing' },
      { month: 6, value: null, reason: 'missing-previous' },
      { month: 7, value: null, reason: 'missing' },
      { month: 8, value: null, reason: 'missing-previous' },
    ]);
  });

  it('flags duplicates and invalid months', () => {
    const r = monthFromCumulative([
      { month: 2, value: 200 },
      { month: 3, value: 300 },
      { month: 3, value: 310 },
      { month: 4, value: 400 },
      { month: 13, value: 1 },
      { month: 2.5, value: 1 },
    ]);
    expect(r.months).toEqual([
      { month: 2, value: null, reason: 'jan-feb-combined' },
      { month: 3, value: null, reason: 'duplicate' },
      { month: 4, value: null, reason: 'missing-previous' },
    ]);
    expect(r.invalidMonths).toEqual([13, 2.5]);
    expect(monthFromCumulative([])).toEqual({ months: [], combined: [], invalidMonths: [] });
  });

  it('rounds differences only when asked', () => {
    const series = [
      { month: 2, value: 0.1 },
      { month: 3, value: 0.4 },
    ];
    expect(monthFromCumulative(series).months[1].value).toBeCloseTo(0.3, 12);
    expect(monthFromCumulative(series, { decimals: 1 }).months[1].value).toBe(0.3);
  });

  it('months add back up to the cumulative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 11, maxLength: 11 }), (flows) => {
        // 1-2月 combined, then months 3..12
        let cum = 0;
        const series = flows.map((f, k) => ({ month: k + 2, value: (cum += f) }));
        const r = monthFromCumulative(series);
        const sum = (r.combined[0].value as number) + r.months.slice(1).reduce((s, m) => s + (m.value as number), 0);
        return sum === cum && r.months.slice(1).every((m, k) => m.value === flows[k + 1]);
      }),
    );
  });
});

describe('cumulativeDecreases', () => {
  it('lists months where the cumulative falls', () => {
    expect(
      cumulativeDecreases([
        { month: 2, value: 200 },
        { month: 3, value: 330 },
        { month: 4, value: 320 },
        { month: 6, value: 310 },
        { month: 5, value: null },
        { month: 7, value: 400 },
      ]),
    ).toEqual([
      { month: 4, previousMonth: 3, previous: 330, current: 320, decrease: 10 },
      { month: 6, previousMonth: 4, previous: 320, current: 310, decrease: 10 },
    ]);
  });

  it('ignores falls within the tolerance', () => {
    const series = [
      { month: 3, value: 100.05 },
      { month: 4, value: 100 },
    ];
    expect(cumulativeDecreases(series, { tolerance: 0.05 })).toEqual([]);
    expect(cumulativeDecreases(series)).toHaveLength(1);
    expect(cumulativeDecreases(series, { tolerance: NaN })).toHaveLength(1);
    expect(cumulativeDecreases([])).toEqual([]);
  });

  it('finds nothing in a cumulative of non-negative flows', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 12 }), (flows) => {
        let cum = 0;
        const series = flows.map((f, k) => ({ month: k + 1, value: (cum += f) }));
        return cumulativeDecreases(series).length === 0;
      }),
    );
  });
});
