/**
 * How bureaus put one figure into words (../shared/docs/wording.md): one small pure function per
 * rule, in both languages. Numbers are written as the cell shows them (its decimals), with no
 * space before 亿元, % or 位, and never with a sign in running Chinese text (下降3.2%, not 增长-3.2%).
 */
import { formatFixed } from '../compute';
import type { GrowthOutcome } from '../compute';
import type { Lang } from '../i18n';

/** A number as the cell shows it: fixed decimals, no thousands separators (bureaus write 1974.61亿元). */
export function shown(x: number, decimals: number | null): string {
  if (decimals === null) {
    // General: as few digits as the number needs, at most 10 decimals
    const s = formatFixed(x, 10).replace(/\.?0+$/, '');
    return s === '-0' ? '0' : s;
  }
  const s = formatFixed(x, decimals);
  return /^-0(?:\.0+)?$/.test(s) ? s.slice(1) : s;
}

/** Is the figure shown as zero at these decimals ("0.0", "-0.0")? */
export function showsZero(x: number, decimals: number | null): boolean {
  return Number(shown(x, decimals)) === 0;
}

/** How growth of 100% and more is said: 增长150.0% (default) or 增长1.5倍. */
export type TimesStyle = 'percent' | 'times';

/** 增长5.9% / 下降3.2% / 持平 ("up 5.9%", "down 3.2%", "unchanged"). */
export function growthWords(g: number, decimals: number | null, lang: Lang, times: TimesStyle = 'percent'): string {
  if (showsZero(g, decimals)) return lang === 'zh-CN' ? '持平' : 'unchanged';
  const up = g > 0;
  const magnitude = Math.abs(g);
  if (up && times === 'times' && magnitude >= 100) {
    // 150% more is 1.5 times more: "增长1.5倍"
    const t = shown(magnitude / 100, 1);
    return lang === 'zh-CN' ? `增长${t}倍` : `up ${t} times`;
  }
  const n = shown(magnitude, decimals);
  if (lang === 'zh-CN') return `${up ? '增长' : '下降'}${n}%`;
  return `${up ? 'up' : 'down'} ${n}%`;
}

/** 扭亏为盈 … when the base is a loss: no percentage is said. */
export function outcomeWords(o: GrowthOutcome, lang: Lang): string {
  const zh: Record<GrowthOutcome, string> = {
    'turned-profit': '扭亏为盈',
    'turned-loss': '由盈转亏',
    'loss-eliminated': '实现扭亏',
    'loss-narrowed': '减亏',
    'loss-widened': '增亏',
    'loss-unchanged': '亏损持平',
    'from-zero': '新增',
    'new-loss': '新增亏损',
  };
  const en: Record<GrowthOutcome, string> = {
    'turned-profit': 'back to profit',
    'turned-loss': 'turned to a loss',
    'loss-eliminated': 'loss eliminated',
    'loss-narrowed': 'loss narrowed',
    'loss-widened': 'loss widened',
    'loss-unchanged': 'loss unchanged',
    'from-zero': 'nothing in the same period last year',
    'new-loss': 'a new loss',
  };
  return (lang === 'zh-CN' ? zh : en)[o];
}

/** 高于全市0.9个百分点 / 低于全市1.2个百分点 / 与全市持平: a difference of two rates, in points. */
export function pointsWords(diff: number, decimals: number | null, reference: string, lang: Lang): string {
  if (showsZero(diff, decimals)) return lang === 'zh-CN' ? `与${reference}持平` : `level with ${reference}`;
  const n = shown(Math.abs(diff), decimals);
  if (lang === 'zh-CN') return `${diff > 0 ? '高于' : '低于'}${reference}${n}个百分点`;
  return `${n} ${n === '1' ? 'point' : 'points'} ${diff > 0 ? 'above' : 'below'} ${reference}`;
}

/** How the last places are said: 居全市末位 / 倒数第2位 (both in use; a setting) or plainly 第12位. */
export type LastStyle = 'from-bottom' | 'plain';

const ORDINAL = (n: number): string => {
  const s = ['th', 'st', 'nd', 'rd'];
  const v = n % 100;
  return `${n}${s[(v - 20) % 10] ?? s[v] ?? s[0]}`;
};

/**
 * 居全市第3位 / 并列第3位 / 居全市末位 / 倒数第2位. `fromBottom` is 1 for the last place; the last
 * places are said from the bottom only for the last two, and never for a tie.
 */
export function rankWords(r: { rank: number; tied: boolean; fromBottom: number | null; peers: number }, where: string, lang: Lang, last: LastStyle = 'from-bottom'): string {
  if (lang === 'en-US') {
    const tie = r.tied ? 'joint ' : '';
    if (last === 'from-bottom' && !r.tied && r.fromBottom === 1 && r.peers > 1) return `last of ${r.peers} in ${where}`;
    return `${tie}${ORDINAL(r.rank)} of ${r.peers} in ${where}`;
  }
  if (r.tied) return `居${where}并列第${r.rank}位`;
  if (last === 'from-bottom' && r.peers > 2 && r.fromBottom !== null && r.fromBottom <= 2) return r.fromBottom === 1 ? `居${where}末位` : `居${where}倒数第${r.fromBottom}位`;
  return `居${where}第${r.rank}位`;
}

/** 较上月前移2位 / 后移1位 / 位次不变: previous rank − current rank, positive = moved up. */
export function rankChangeWords(change: number, since: string, lang: Lang): string {
  if (lang === 'en-US') return change === 0 ? `same rank as ${since}` : `${Math.abs(change)} ${Math.abs(change) === 1 ? 'place' : 'places'} ${change > 0 ? 'up' : 'down'} on ${since}`;
  if (change === 0) return `位次与${since}持平`;
  return `较${since}${change > 0 ? '前移' : '后移'}${Math.abs(change)}位`;
}

const CN_COUNT = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 两项 … 十项, 11项 (Chinese numerals up to ten); "two indicators" in English. */
export function countWords(n: number, noun: { 'zh-CN': string; 'en-US': [string, string] }, lang: Lang): string {
  if (lang === 'zh-CN') return `${n <= 10 ? CN_COUNT[n] : n}${noun['zh-CN']}`;
  const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  return `${n <= 10 ? words[n] : n} ${n === 1 ? noun['en-US'][0] : noun['en-US'][1]}`;
}

/** 甲、乙和丙 / "A, B and C": a list as it is read. */
export function listWords(items: string[], lang: Lang): string {
  if (items.length <= 1) return items[0] ?? '';
  if (lang === 'zh-CN') return items.join('、');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** A level with its unit: 1974.61亿元, 52,340 元 in English. */
export function levelWords(x: number, decimals: number | null, unit: string | null, lang: Lang): string {
  const n = shown(x, decimals);
  if (!unit) return n;
  if (lang === 'zh-CN') return `${n}${unit}`;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}
