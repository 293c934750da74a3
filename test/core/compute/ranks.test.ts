import fc from 'fast-check';
import { bands, rank, rankChange, RankItem, RankOptions, topGroup } from '../../../src/core/compute/ranks';

const items = (values: (number | null)[]): RankItem[] => values.map((value, i) => ({ id: `r${i}`, value }));
const ranksOf = (values: (number | null)[], options?: RankOptions) => rank(items(values), options).entries.map((e) => e.rank);

describe('rank', () => {
  it('uses competition ranking by default (RANK.EQ)', () => {
    expect(ranksOf([9.7, 12.1, 9.7, 3.2])).toEqual([2, 1, 2, 4]);
    expect(ranksOf([5, 5, 5])).toEqual([1, 1, 1]);
    expect(ranksOf([1, 2, 3, 4])).toEqual([4, 3, 2, 1]);
  });

  it('offers dense ranking (中国式排名)', () => {
    expect(ranksOf([9.7, 12.1, 9.7, 3.2], { ties: 'dense' })).toEqual([2, 1, 2, 3]);
    expect(ranksOf([5, 5, 4, 4, 1], { ties: 'dense' })).toEqual([1, 1, 2, 2, 3]);
  });

  it('ranks ascending when asked', () => {
    expect(ranksOf([9.7, 12.1, 9.7, 3.2], { order: 'asc' })).toEqual([2, 4, 2, 1]);
    expect(ranksOf([9.7, 12.1, 9.7, 3.2], { order: 'asc', ties: 'dense' })).toEqual([2, 3, 2, 1]);
  });

  it('describes ties, the bottom and the peers', () => {
    const r = rank([
      { id: '邵东市', value: 9.7 },
      { id: '新邵县', value: 12.1 },
      { id: '隆回县', value: 9.7 },
      { id: '洞口县', value: 3.2 },
    ]);
    expect(r.peers).toBe(4);
    expect(r.missing).toEqual([]);
    expect(r.entries).toEqual([
      { id: '邵东市', rank: 2, tied: true, tiedWith: ['隆回县'], fromBottom: 2 },
      { id: '新邵县', rank: 1, tied: false, tiedWith: [], fromBottom: 4 },
      { id: '隆回县', rank: 2, tied: true, tiedWith: ['邵东市'], fromBottom: 2 },
      { id: '洞口县', rank: 4, tied: false, tiedWith: [], fromBottom: 1 },
    ]);
    expect(JSON.parse(JSON.stringify(r.entries[0]))).toEqual({
      id: '邵东市',
      rank: 2,
      tied: true,
      tiedWith: ['隆回县'],
      fromBottom: 2,
    });
    expect({ ...r.entries[2] }.tiedWith).toEqual(['邵东市']);
  });

  it('puts a group tied for last at 倒数第1', () => {
    const r = rank(items([10, 8, 3, 3]));
    expect(r.entries.map((e) => e.rank)).toEqual([1, 2, 3, 3]);
    expect(r.entries.map((e) => e.fromBottom)).toEqual([4, 3, 1, 1]);
    const d = rank(items([10, 8, 3, 3, 10]), { ties: 'dense' });
    expect(d.entries.map((e) => e.rank)).toEqual([1, 2, 3, 3, 1]);
    expect(d.entries.map((e) => e.fromBottom)).toEqual([3, 2, 1, 1, 3]);
  });

  it('without ties 倒数第k is n − rank + 1', () => {
    const r = rank(items([5, 1, 4, 2, 3]));
    for (const e of r.entries) expect(e.fromBottom).toBe(r.peers - (e.rank as number) + 1);
  });

  it('ranks displayed values as given: 9.7 and 9.7 share a rank', () => {
    // the caller passes displayed values (9.66 shows as 9.7)
    expect(ranksOf([9.7, 9.7, 9.8])).toEqual([2, 2, 1]);
    expect(ranksOf([9.7, 9.66, 9.8])).toEqual([2, 3, 1]);
    expect(ranksOf([0, -0, 1])).toEqual([2, 2, 1]);
  });

  it('leaves out rows without a number', () => {
    const r = rank(items([5, null, NaN, 7, Infinity, -Infinity]));
    expect(r.entries.map((e) => e.rank)).toEqual([2, null, null, 1, null, null]);
    expect(r.entries[1]).toEqual({ id: 'r1', rank: null, tied: false, tiedWith: [], fromBottom: null });
    expect(r.missing).toEqual(['r1', 'r2', 'r4', 'r5']);
    expect(r.peers).toBe(2);
    expect(r.entries.map((e) => e.fromBottom)).toEqual([1, null, null, 2, null, null]);
  });

  it('handles empty and single inputs', () => {
    expect(rank([])).toEqual({ entries: [], peers: 0, missing: [] });
    expect(rank([{ id: 'a', value: 1 }]).entries).toEqual([{ id: 'a', rank: 1, tied: false, tiedWith: [], fromBottom: 1 }]);
  });

  it('gives large tie groups the same plain-looking entries', () => {
    const values = [...Array(50).fill(7), 9, ...Array(40).fill(3)];
    const r = rank(items(values));
    const ids = values.map((_, i) => `r${i}`);
    r.entries.forEach((e, i) => {
      expect(Object.keys(e)).toEqual(['id', 'rank', 'tied', 'tiedWith', 'fromBottom']);
      const expected = ids.filter((_, j) => j !== i && values[j] === values[i]);
      expect(e.tiedWith).toEqual(expected);
      expect(e.tied).toBe(expected.length > 0);
    });
    expect(r.entries[0]).toEqual({ id: 'r0', rank: 2, tied: true, tiedWith: ids.slice(1, 50), fromBottom: 41 });
    expect(JSON.parse(JSON.stringify(r.entries[90])).tiedWith).toHaveLength(39);
    expect(r.entries[50]).toEqual({ id: 'r50', rank: 1, tied: false, tiedWith: [], fromBottom: 91 });
    expect(r.entries[60].rank).toBe(52);
  });

  it('lets the caller replace tiedWith', () => {
    const lazy = rank(items(Array(40).fill(1))).entries[0];
    lazy.tiedWith = ['y'];
    expect(lazy.tiedWith).toEqual(['y']);
    const e = rank(items([1, 1])).entries[0];
    e.tiedWith = ['x'];
    expect(e.tiedWith).toEqual(['x']);
  });

  // --- properties ---
  const value = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: -30, max: 30 }).map((k) => k / 10) },
    { weight: 1, arbitrary: fc.constantFrom<number | null>(null, NaN, 0, -0) },
    { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  );
  const valuesArb = fc.array(value, { maxLength: 40 });
  const finite = (v: number | null): v is number => typeof v === 'number' && Number.isFinite(v);

  it('gives a valid competition ranking: 1 + number of strictly better values', () => {
    fc.assert(
      fc.property(valuesArb, fc.constantFrom<'desc' | 'asc'>('desc', 'asc'), (values, order) => {
        const r = rank(items(values), { order });
        const ranked = values.filter(finite);
        const better = (a: number, b: number) => (order === 'desc' ? a > b : a < b);
        return r.entries.every((e, i) => {
          const v = values[i];
          if (!finite(v)) return e.rank === null && e.fromBottom === null && r.missing.includes(e.id);
          const expected = 1 + ranked.filter((w) => better(w, v)).length;
          const fromBottom = 1 + ranked.filter((w) => better(v, w)).length;
          const tiedWith = values.map((w, j) => (j !== i && finite(w) && w === v ? `r${j}` : null)).filter((x) => x !== null);
          return (
            e.rank === expected &&
            e.fromBottom === fromBottom &&
            e.tied === tiedWith.length > 0 &&
            JSON.stringify(e.tiedWith) === JSON.stringify(tiedWith)
          );
        }) && r.peers === ranked.length;
      }),
    );
  });

  it('gives a valid dense ranking: 1 + number of distinct strictly better values', () => {
    fc.assert(
      fc.property(valuesArb, (values) => {
        const r = rank(items(values), { ties: 'dense' });
        const distinct = [...new Set(values.filter(finite).map((v) => (v === 0 ? 0 : v)))];
        return r.entries.every((e, i) => {
          const v = values[i];
          if (!finite(v)) return e.rank === null;
          return e.rank === 1 + distinct.filter((w) => w > v).length && e.fromBottom === 1 + distinct.filter((w) => w < v).length;
        });
      }),
    );
  });

  it('ranks are a permutation-invariant function of the values', () => {
    fc.assert(
      fc.property(
        valuesArb.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values.map((_, i) => i), { minLength: values.length }))),
        fc.constantFrom<RankOptions>({}, { ties: 'dense' }, { order: 'asc' }),
        ([values, perm], options) => {
          const a = rank(items(values), options);
          const shuffled = perm.map((i) => ({ id: `r${i}`, value: values[i] }));
          const b = rank(shuffled, options);
          const byId = new Map(b.entries.map((e) => [e.id, e]));
          return a.entries.every((e) => {
            const other = byId.get(e.id)!;
            return other.rank === e.rank && other.fromBottom === e.fromBottom && other.tied === e.tied && [...other.tiedWith].sort().join() === [...e.tiedWith].sort().join();
          }) && a.peers === b.peers && [...a.missing].sort().join() === [...b.missing].sort().join();
        },
      ),
    );
  });

  it('ranking ascending equals ranking descending of the negated values', () => {
    fc.assert(
      fc.property(valuesArb, fc.constantFrom<'competition' | 'dense'>('competition', 'dense'), (values, ties) => {
        const asc = rank(items(values), { order: 'asc', ties });
        const negated = rank(items(values.map((v) => (v === null ? null : -v))), { order: 'desc', ties });
        return JSON.stringify(asc) === JSON.stringify(negated);
      }),
    );
  });

  it('fromBottom is the rank of the reverse order', () => {
    fc.assert(
      fc.property(valuesArb, fc.constantFrom<'competition' | 'dense'>('competition', 'dense'), (values, ties) => {
        const down = rank(items(values), { ties });
        const up = rank(items(values), { ties, order: 'asc' });
        return down.entries.every((e, i) => e.fromBottom === up.entries[i].rank && up.entries[i].fromBottom === e.rank);
      }),
    );
  });

  // No wall-clock limit here (a busy machine would make it flaky): a quadratic tie handling on
  // 66,667 tied entries would not finish within the suite's timeout; the speed is in bench/.
  it('ranks large inputs with huge tie groups (200,000 entries, one tie group of 66,667)', () => {
    const n = 200_000;
    const big = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, value: i % 3 === 0 ? 1 : (i % 1000) / 10 }));
    const r = rank(big);
    const dense = rank(big, { ties: 'dense' });
    expect(r.peers).toBe(n);
    const one = r.entries[0];
    expect(one.tied).toBe(true);
    // 1 is below every value ≥ 1.1 among i % 3 ≠ 0
    expect(one.rank).toBe(1 + big.filter((x) => x.value > 1).length);
    expect(dense.entries[0].rank).toBe(1 + new Set(big.filter((x) => x.value > 1).map((x) => x.value)).size);
    expect(r.entries[3].tiedWith.length).toBe(big.filter((x) => x.value === 1).length - 1);
  });
});

describe('rankChange', () => {
  it('is previous − current: positive = 前移', () => {
    expect(rankChange(5, 3)).toBe(2);
    expect(rankChange(3, 5)).toBe(-2);
    expect(rankChange(4, 4)).toBe(0);
    expect(rankChange(null, 4)).toBeNull();
    expect(rankChange(4, null)).toBeNull();
    expect(rankChange(NaN, 4)).toBeNull();
  });
});

describe('topGroup', () => {
  it('lists 第一方阵 including ties at the edge', () => {
    const r = rank(items([3, 9, 7, 7, 1, null]));
    expect(topGroup(r, 1)).toEqual(['r1']);
    expect(topGroup(r, 3)).toEqual(['r1', 'r2', 'r3']);
    expect(topGroup(r, 2)).toEqual(['r1', 'r2', 'r3']);
    expect(topGroup(r, 0)).toEqual([]);
  });
});

describe('bands', () => {
  it('puts values into 档次 with a rank inside each band', () => {
    const r = bands(
      [
        { id: 'A', value: 520 },
        { id: 'B', value: 380 },
        { id: 'C', value: 200 },
        { id: 'D', value: 150 },
        { id: 'E', value: 400 },
        { id: 'F', value: 250 },
        { id: 'G', value: null },
        { id: 'H', value: 250 },
      ],
      [400, 200],
    );
    expect(r.bands).toEqual([
      { band: 1, lower: 400, upper: null, ids: ['A', 'E'] },
      { band: 2, lower: 200, upper: 400, ids: ['B', 'F', 'H', 'C'] },
      { band: 3, lower: null, upper: 200, ids: ['D'] },
    ]);
    expect(r.entries).toEqual([
      { id: 'A', band: 1, rankInBand: 1, tied: false, peersInBand: 2 },
      { id: 'B', band: 2, rankInBand: 1, tied: false, peersInBand: 4 },
      { id: 'C', band: 2, rankInBand: 4, tied: false, peersInBand: 4 },
      { id: 'D', band: 3, rankInBand: 1, tied: false, peersInBand: 1 },
      { id: 'E', band: 1, rankInBand: 2, tied: false, peersInBand: 2 },
      { id: 'F', band: 2, rankInBand: 2, tied: true, peersInBand: 4 },
      { id: 'G', band: null, rankInBand: null, tied: false, peersInBand: 0 },
      { id: 'H', band: 2, rankInBand: 2, tied: true, peersInBand: 4 },
    ]);
    expect(r.missing).toEqual(['G']);
  });

  it('handles no thresholds, odd thresholds and empty bands', () => {
    const one = bands(items([1, 2]), []);
    expect(one.bands).toEqual([{ band: 1, lower: null, upper: null, ids: ['r1', 'r0'] }]);
    const odd = bands(items([5]), [10, NaN, 10, Infinity]);
    expect(odd.bands).toEqual([
      { band: 1, lower: 10, upper: null, ids: [] },
      { band: 2, lower: null, upper: 10, ids: ['r0'] },
    ]);
    expect(bands(items([5, 7]), [6], { ties: 'dense', order: 'asc' }).entries.map((e) => e.rankInBand)).toEqual([1, 1]);
  });
});
