/**
 * 同比/环比增长 and how bureaus word it.
 *
 * Bureaus give a percentage only against a positive base. Against a loss (negative
 * base), a zero base, or when a profit turns into a loss, they use words instead
 * (扭亏为盈, 由盈转亏, 减亏, 增亏 …) and such rows stay out of numeric ranks.
 */
import { isFiniteNumber } from './numbers';
import { applyDecimals, DecimalsOption, formatFixed, normalizeDecimals, scaledToString, toScaled } from './round';
import { pointsDiff } from './points';

/**
 * What is said instead of a rate.
 *
 * base > 0:
 * - `turned-loss`     current < 0            由盈转亏
 * base < 0 (a loss):
 * - `turned-profit`   current > 0            扭亏为盈
 * - `loss-eliminated` current = 0            实现扭亏 (the loss is gone, no profit yet: break-even)
 * - `loss-narrowed`   |current| < |base|     减亏
 * - `loss-widened`    |current| > |base|     增亏
 * - `loss-unchanged`  current = base         亏损持平
 * base = 0:
 * - `from-zero`       current > 0            新增 (nothing in the base period)
 * - `new-loss`        current < 0            新增亏损
 * (base = 0 and current = 0 is `{ kind: 'none', reason: 'zero-base' }`.)
 */
export type GrowthOutcome =
  | 'turned-profit'
  | 'turned-loss'
  | 'loss-eliminated'
  | 'loss-narrowed'
  | 'loss-widened'
  | 'loss-unchanged'
  | 'from-zero'
  | 'new-loss';

export type GrowthResult =
  | { kind: 'rate'; value: number }
  | { kind: 'outcome'; outcome: GrowthOutcome }
  | { kind: 'none'; reason: 'missing' | 'zero-base' };

/** Text in both locales. */
export interface Wording {
  'zh-CN': string;
  'en-US': string;
}

export const OUTCOME_LABELS: Readonly<Record<GrowthOutcome, Wording>> = Object.freeze({
  'turned-profit': { 'zh-CN': '扭亏为盈', 'en-US': 'turned to profit' },
  'turned-loss': { 'zh-CN': '由盈转亏', 'en-US': 'turned to loss' },
  'loss-eliminated': { 'zh-CN': '实现扭亏', 'en-US': 'loss eliminated (break-even)' },
  'loss-narrowed': { 'zh-CN': '减亏', 'en-US': 'loss narrowed' },
  'loss-widened': { 'zh-CN': '增亏', 'en-US': 'loss widened' },
  'loss-unchanged': { 'zh-CN': '亏损持平', 'en-US': 'loss unchanged' },
  'from-zero': { 'zh-CN': '新增', 'en-US': 'new (none in base period)' },
  'new-loss': { 'zh-CN': '新增亏损', 'en-US': 'new loss (none in base period)' },
});

/** What a table shows when there is no figure. */
export const NO_FIGURE: Readonly<Wording> = Object.freeze({ 'zh-CN': '—', 'en-US': '—' });

/**
 * Growth of `current` over `base` in percent: (current − base) / base × 100.
 *
 * - either value null / NaN / ±Infinity → `{ kind: 'none', reason: 'missing' }`;
 * - base > 0 and current ≥ 0 → a rate (current = 0 gives −100);
 * - base > 0 and current < 0, base ≤ 0 → an outcome (see {@link GrowthOutcome});
 * - base = 0 and current = 0 → `{ kind: 'none', reason: 'zero-base' }`; so is a
 *   positive base so small that the rate overflows to Infinity.
 *
 * `options.decimals` rounds the rate half-up (default: not rounded).
 */
export function growth(current: number | null, base: number | null, options: DecimalsOption = {}): GrowthResult {
  if (!isFiniteNumber(current) || !isFiniteNumber(base)) return { kind: 'none', reason: 'missing' };
  if (base > 0) {
    if (current < 0) return { kind: 'outcome', outcome: 'turned-loss' };
    const rate = ((current - base) / base) * 100;
    if (!Number.isFinite(rate)) return { kind: 'none', reason: 'zero-base' };
    return { kind: 'rate', value: applyDecimals(rate, options.decimals) };
  }
  if (base < 0) {
    if (current > 0) return { kind: 'outcome', outcome: 'turned-profit' };
    if (current === 0) return { kind: 'outcome', outcome: 'loss-eliminated' };
    if (current === base) return { kind: 'outcome', outcome: 'loss-unchanged' };
    return { kind: 'outcome', outcome: current > base ? 'loss-narrowed' : 'loss-widened' };
  }
  if (current > 0) return { kind: 'outcome', outcome: 'from-zero' };
  if (current < 0) return { kind: 'outcome', outcome: 'new-loss' };
  return { kind: 'none', reason: 'zero-base' };
}

/** The rate of a growth result, or null when there is none (an outcome or no figure). */
export function growthRate(result: GrowthResult): number | null {
  return result.kind === 'rate' ? result.value : null;
}

/** Drops trailing zeros of a decimal text: "3.0" → "3", "2.50" → "2.5". */
function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Growth wording; `times` is present when the displayed rate is ≥ 100. */
export interface GrowthWording extends Wording {
  /** the "增长X倍" form (X = rate / 100): 250% → 增长2.5倍; only when the displayed rate ≥ 100 */
  times?: Wording;
}

/**
 * How bureaus write a growth rate, from the rate as displayed with `decimals`
 * (half-up, default 1):
 * - shown as 0 (e.g. 0.04 → "0.0") → 持平 / unchanged;
 * - negative → 下降3.2% / down 3.2%;
 * - positive → 增长12.5% / up 12.5%; when ≥ 100 also `times`: 增长2.5倍 / up 2.5 times
 *   (X = displayed rate / 100, rounded to `decimals`, trailing zeros dropped: 增长3倍).
 * A non-finite rate gives "—".
 */
export function growthWording(rate: number, decimals = 1): GrowthWording {
  if (!Number.isFinite(rate)) return { ...NO_FIGURE };
  const d = normalizeDecimals(decimals);
  const scaled = toScaled(rate, d) as bigint;
  if (scaled === 0n) return { 'zh-CN': '持平', 'en-US': 'unchanged' };
  const magnitude = scaledToString(scaled < 0n ? -scaled : scaled, d);
  if (scaled < 0n) return { 'zh-CN': `下降${magnitude}%`, 'en-US': `down ${magnitude}%` };
  const result: GrowthWording = { 'zh-CN': `增长${magnitude}%`, 'en-US': `up ${magnitude}%` };
  if (Number(scaledToString(scaled, d)) >= 100) {
    // displayed rate / 100, exactly (shift the decimal text), then rounded to `decimals`
    const times = trimZeros(formatFixed(Number(scaledToString(scaled, d + 2)), d));
    result.times = { 'zh-CN': `增长${times}倍`, 'en-US': `up ${times} times` };
  }
  return result;
}

/** Wording of a growth result: the rate's wording, the outcome's label, or "—". */
export function resultWording(result: GrowthResult, decimals = 1): GrowthWording {
  if (result.kind === 'rate') return growthWording(result.value, decimals);
  if (result.kind === 'outcome') return { ...OUTCOME_LABELS[result.outcome] };
  return { ...NO_FIGURE };
}

/** Comparison of two growth rates in words, with the difference in points. */
export interface PairWording extends Wording {
  /** later − earlier in percentage points, from displayed values (null when either is missing) */
  points: number | null;
}

/**
 * How a growth rate moved from `earlier` (a) to `later` (b), from displayed values
 * (half-up to `decimals`, default 1). X is |b − a| in points.
 * - both negative:  降幅收窄X个百分点 (−10 → −5) / 降幅扩大X个百分点 / 降幅持平;
 * - both positive:  增速加快X个百分点 / 增速回落X个百分点 / 增速持平;
 * - negative → positive: 由降转增;  positive → negative: 由增转降;
 * - either shown as 0: 增速提高X个百分点 / 增速回落X个百分点 / 增速持平.
 * A non-finite rate gives "—" and `points: null`.
 */
export function pairWording(earlier: number, later: number, decimals = 1): PairWording {
  const points = pointsDiff(later, earlier, decimals);
  if (points === null) return { ...NO_FIGURE, points: null };
  const d = normalizeDecimals(decimals);
  const a = toScaled(earlier, d) as bigint;
  const b = toScaled(later, d) as bigint;
  const x = formatFixed(Math.abs(points), d);
  const say = (zh: string, en: string): PairWording => ({ 'zh-CN': zh, 'en-US': en, points });
  if (a < 0n && b < 0n) {
    if (points > 0) return say(`降幅收窄${x}个百分点`, `decline narrowed by ${x} percentage points`);
    if (points < 0) return say(`降幅扩大${x}个百分点`, `decline widened by ${x} percentage points`);
    return say('降幅持平', 'decline unchanged');
  }
  if (a < 0n && b > 0n) return say('由降转增', 'from decline to growth');
  if (a > 0n && b < 0n) return say('由增转降', 'from growth to decline');
  if (a > 0n && b > 0n) {
    if (points > 0) return say(`增速加快${x}个百分点`, `growth accelerated by ${x} percentage points`);
    if (points < 0) return say(`增速回落${x}个百分点`, `growth slowed by ${x} percentage points`);
    return say('增速持平', 'growth unchanged');
  }
  if (points > 0) return say(`增速提高${x}个百分点`, `growth up ${x} percentage points`);
  if (points < 0) return say(`增速回落${x}个百分点`, `growth down ${x} percentage points`);
  return say('增速持平', 'growth unchanged');
}
