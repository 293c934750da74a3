import fc from 'fast-check';
import * as compute from '../../../src/core/compute';

describe('compute index', () => {
  it('re-exports every computation', () => {
    for (const name of [
      'roundHalfUp',
      'formatFixed',
      'growth',
      'growthWording',
      'pairWording',
      'resultWording',
      'OUTCOME_LABELS',
      'pointsDiff',
      'pointsVsTotal',
      'share',
      'shareChange',
      'contributionRate',
      'pull',
      'contributions',
      'twoYearAverageGrowth',
      'twoYearAverageFromRates',
      'targetProgress',
      'timeProgress',
      'progressGap',
      'halfTimeHalfTask',
      'monthFromCumulative',
      'cumulativeDecreases',
      'rank',
      'rankChange',
      'topGroup',
      'bands',
    ]) {
      expect(compute).toHaveProperty(name);
    }
  });
});

describe('no computation throws for any numeric input', () => {
  const num = fc.oneof(fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE));
  const maybe = fc.option(num, { nil: null });
  const decimals = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.double());

  it('holds for every function', () => {
    fc.assert(
      fc.property(maybe, maybe, maybe, maybe, decimals, (a, b, c, d, dec) => {
        const x = a ?? NaN;
        const y = b ?? NaN;
        compute.roundHalfUp(x, dec);
        compute.formatFixed(x, dec);
        compute.growth(a, b, { decimals: dec });
        compute.growthWording(x, dec);
        compute.pairWording(x, y, dec);
        compute.resultWording(compute.growth(a, b), dec);
        compute.pointsDiff(a, b, dec);
        compute.pointsVsTotal(a, b);
        compute.share(a, b, { decimals: dec });
        compute.shareChange(a, b, c, d, dec);
        compute.contributionRate(a, b);
        compute.pull(a, b);
        compute.contributions([{ id: 'p', current: a, base: b }], { current: c, base: d });
        compute.twoYearAverageGrowth(a, b);
        compute.twoYearAverageFromRates(a, b);
        compute.targetProgress(a, b);
        compute.timeProgress({ month: x });
        compute.timeProgress({ day: x, year: y }, 'days');
        compute.progressGap(a, b, dec);
        compute.halfTimeHalfTask(a, dec);
        compute.monthFromCumulative([
          { month: x, value: a },
          { month: 2, value: b },
          { month: 3, value: c },
        ]);
        compute.cumulativeDecreases([
          { month: 1, value: a },
          { month: 2, value: b },
        ], { tolerance: y });
        const r = compute.rank([
          { id: 'a', value: a },
          { id: 'b', value: b },
          { id: 'c', value: c },
        ]);
        compute.rankChange(a, b);
        compute.topGroup(r, x);
        compute.bands([{ id: 'a', value: a }], [x, y]);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
