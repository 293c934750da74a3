/**
 * 位次: ranks of regions by growth, level or increment.
 *
 * Values are compared exactly as given: pass the figures as displayed (growth
 * rounded to one decimal), since published ranks are taken on displayed figures
 * (9.7 and 9.66 both shown as 9.7 share a rank). Null, NaN and ±Infinity are not
 * ranked: rank null, listed in `missing` (rows worded 扭亏为盈 etc. belong there).
 * The total row and subtotals must not be passed.
 *
 * Tie rules:
 * - 'competition' (default, Excel RANK.EQ): 1, 2, 2, 4: rank = 1 + number of strictly better values;
 * - 'dense' (中国式排名): 1, 2, 2, 3: rank = 1 + number of distinct strictly better values.
 *
 * 倒数 (`fromBottom`): the rank in the reverse order with the same tie rule. Without
 * ties it is n − rank + 1 among n ranked peers; the bottom-most tie group is always
 * 倒数第1. With competition ranks 1, 2, 2, 4 the fromBottom values are 4, 2, 2, 1
 * (the tied pair has one value below it), so for tied entries fromBottom is not
 * n − rank + 1 (which would give 3).
 *
 * rank() runs in O(n log n) (one sort). In tie groups of more than 32 entries,
 * `tiedWith` is an enumerable accessor that builds the list on first read (then
 * becomes a plain data property), so a huge tie group costs nothing until its lists
 * are looked at; JSON.stringify, spreading and deep equality read it as usual.
 */

export type TieRule = 'competition' | 'dense';

export interface RankOptions {
  /** 'desc' (default): the largest value is first; 'asc': the smallest is first */
  order?: 'desc' | 'asc';
  /** default 'competition' */
  ties?: TieRule;
}

export interface RankEntry {
  id: string;
  /** 1-based; null when the value is missing */
  rank: number | null;
  /** 并列: another ranked entry has the same value */
  tied: boolean;
  /** ids of the other entries with the same value, in input order (excluding this one) */
  tiedWith: string[];
  /** 倒数第k: rank in the reverse order with the same tie rule; null when missing */
  fromBottom: number | null;
}

export interface RankResult {
  /** same order as the input */
  entries: RankEntry[];
  /** how many were ranked */
  peers: number;
  /** ids without a usable number, in input order */
  missing: string[];
}

export interface RankItem {
  id: string;
  value: number | null;
}

/**
 * A tied entry whose `tiedWith` is an own enumerable accessor that builds the list
 * on first read and then replaces itself with a plain data property.
 */
function lazyTiedEntry(
  id: string,
  rank: number,
  fromBottom: number,
  group: ReadonlyArray<number>,
  self: number,
  idOf: (i: number) => string,
): RankEntry {
  // tiedWith is declared in place first so every entry has the same key order
  const entry = { id, rank, tied: true, tiedWith: [] as string[], fromBottom };
  Object.defineProperty(entry, 'tiedWith', {
    enumerable: true,
    configurable: true,
    get: () => settleTiedWith(entry, group.filter((i) => i !== self).map(idOf)),
    set: (value: string[]) => settleTiedWith(entry, value),
  });
  return entry;
}

function settleTiedWith(entry: RankEntry, value: string[]): string[] {
  Object.defineProperty(entry, 'tiedWith', { value, enumerable: true, configurable: true, writable: true });
  return value;
}

/** Tie groups up to this size get their `tiedWith` lists at once (bounded cost per entry); larger ones lazily. */
const EAGER_TIE_GROUP = 32;

/**
 * Ranks the items (see the module comment for tie rules and 倒数). Entries come back
 * in input order; items whose value is null, NaN or ±Infinity get rank null and are
 * listed in `missing`. Options default to { order: 'desc', ties: 'competition' }.
 */
export function rank(items: ReadonlyArray<RankItem>, options: RankOptions = {}): RankResult {
  const desc = options.order !== 'asc';
  const dense = options.ties === 'dense';
  const n = items.length;
  const missing: string[] = [];
  let peers = 0;
  for (let i = 0; i < n; i++) {
    const v = items[i].value;
    if (typeof v === 'number' && Number.isFinite(v)) peers++;
    else missing.push(items[i].id);
  }
  // sortable copy: ranked input positions and their values (desc: negated, so one ascending sort serves both)
  const values = new Float64Array(n);
  const ranked = new Uint32Array(peers);
  for (let i = 0, k = 0; i < n; i++) {
    const v = items[i].value;
    if (typeof v === 'number' && Number.isFinite(v)) {
      values[i] = desc ? -v : v;
      ranked[k++] = i;
    }
  }
  // best first, ties in input order
  ranked.sort((a, b) => values[a] - values[b] || a - b);

  const entries: RankEntry[] = new Array(n);
  const idOf = (i: number): string => items[i].id;

  // tie groups: [start, end) ranges of `ranked`
  let groupCount = 0;
  for (let k = 0; k < peers; k++) {
    if (k === 0 || values[ranked[k]] !== values[ranked[k - 1]]) groupCount++;
  }
  for (let start = 0, g = 0; start < peers; g++) {
    let end = start + 1;
    while (end < peers && values[ranked[end]] === values[ranked[start]]) end++;
    const r = dense ? g + 1 : start + 1;
    const fromBottom = dense ? groupCount - g : peers - end + 1;
    if (end - start === 1) {
      const i = ranked[start];
      entries[i] = { id: idOf(i), rank: r, tied: false, tiedWith: [], fromBottom };
    } else {
      // members in input order (the sort breaks ties by position)
      const group = Array.from(ranked.subarray(start, end));
      if (group.length <= EAGER_TIE_GROUP) {
        const ids = group.map(idOf);
        group.forEach((i, k) => {
          entries[i] = { id: ids[k], rank: r, tied: true, tiedWith: ids.filter((_, j) => j !== k), fromBottom };
        });
      } else {
        for (const i of group) {
          entries[i] = lazyTiedEntry(idOf(i), r, fromBottom, group, i, idOf);
        }
      }
    }
    start = end;
  }
  for (let i = 0; i < n; i++) {
    if (entries[i] === undefined) entries[i] = { id: items[i].id, rank: null, tied: false, tiedWith: [], fromBottom: null };
  }
  return { entries, peers, missing };
}

/**
 * 位次变化 = previous rank − current rank: positive = 前移 (moved up), negative = 后移.
 * Null when either rank is missing or not finite.
 */
export function rankChange(previousRank: number | null, currentRank: number | null): number | null {
  if (typeof previousRank !== 'number' || typeof currentRank !== 'number') return null;
  const change = previousRank - currentRank;
  return Number.isFinite(change) ? change : null;
}

/**
 * 第一方阵 and other top groups: ids whose rank is 1…size (ties at the edge are
 * included: with competition ranks 1, 2, 3, 3 a top-3 group has four members).
 * In rank order, ties in input order.
 */
export function topGroup(result: RankResult, size: number): string[] {
  return result.entries
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.rank !== null && e.rank <= size)
    .sort((a, b) => (a.e.rank as number) - (b.e.rank as number) || a.i - b.i)
    .map(({ e }) => e.id);
}

/**
 * A 档次 (size band). Bands are numbered from the top: band 1 holds the largest
 * values. `lower` is inclusive, `upper` exclusive; null means unbounded.
 * Thresholds [200, 400] make band 1 = [400, ∞), band 2 = [200, 400), band 3 = (−∞, 200).
 */
export interface Band {
  band: number;
  lower: number | null;
  upper: number | null;
  /** member ids in rank order within the band (ties in input order) */
  ids: string[];
}

export interface BandEntry {
  id: string;
  /** null when the value is missing */
  band: number | null;
  /** rank inside the band (same options as rank()), null when missing */
  rankInBand: number | null;
  /** 并列 inside the band */
  tied: boolean;
  /** how many ranked entries share the band */
  peersInBand: number;
}

export interface BandsResult {
  /** every band, band 1 first, including empty ones */
  bands: Band[];
  /** same order as the input */
  entries: BandEntry[];
  missing: string[];
}

/**
 * Size bands (档次) with a rank inside each band: "处于第二档次(200亿元—400亿元)第八位".
 * Thresholds may come in any order; non-finite ones and duplicates are dropped.
 * A value equal to a threshold belongs to the band above it (200 is in [200, 400)).
 * The rank inside a band follows `options` (default: desc, competition).
 * O(n log n + n log t).
 */
export function bands(
  items: ReadonlyArray<RankItem>,
  thresholds: ReadonlyArray<number>,
  options: RankOptions = {},
): BandsResult {
  const cuts = [...new Set(thresholds.filter((t) => Number.isFinite(t)).map((t) => (t === 0 ? 0 : t)))].sort((a, b) => a - b);
  const bandCount = cuts.length + 1;
  // bucket = number of cuts ≤ value (0 … cuts.length); band = bandCount − bucket
  const bucketOf = (v: number): number => {
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const members: number[][] = Array.from({ length: bandCount }, () => []);
  const missing: string[] = [];
  items.forEach((item, i) => {
    const v = item.value;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      missing.push(item.id);
      return;
    }
    const band = bandCount - bucketOf(v);
    members[band - 1].push(i);
  });

  const entries: BandEntry[] = items.map((item) => ({ id: item.id, band: null, rankInBand: null, tied: false, peersInBand: 0 }));
  const out: Band[] = [];
  for (let b = 1; b <= bandCount; b++) {
    const bucket = bandCount - b;
    const idx = members[b - 1];
    const result = rank(idx.map((i) => items[i]), options);
    const order = idx
      .map((i, k) => ({ i, k, r: result.entries[k].rank as number }))
      .sort((x, y) => x.r - y.r || x.k - y.k);
    idx.forEach((i, k) => {
      const e = result.entries[k];
      entries[i] = { id: items[i].id, band: b, rankInBand: e.rank, tied: e.tied, peersInBand: result.peers };
    });
    out.push({
      band: b,
      lower: bucket === 0 ? null : cuts[bucket - 1],
      upper: bucket === cuts.length ? null : cuts[bucket],
      ids: order.map(({ i }) => items[i].id),
    });
  }
  return { bands: out, entries, missing };
}
