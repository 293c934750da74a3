/**
 * How bureaus put one figure into words (../shared/docs/wording.md): one small pure function per
 * rule, in both languages. Numbers are written as the cell shows them (its decimals), with no
 * space before 亿元, % or 位, and never with a sign in running Chinese text (下降3.2%, not 增长-3.2%).
 */
import { formatFixed, pointsDiff, roundHalfUp } from '../compute';
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
 * 居全市第3位 / 并列第3位 / 居全市末位 / 倒数第2位 (居第3位 where the whole is not known). `fromBottom` is 1 for the last place; the last
 * places are said from the bottom only for the last two, and never for a tie.
 */
export function rankWords(r: { rank: number; tied: boolean; fromBottom: number | null; peers: number }, where: string, lang: Lang, last: LastStyle = 'from-bottom'): string {
  if (lang === 'en-US') {
    const tie = r.tied ? 'joint ' : '';
    const within = where ? ` in ${where}` : '';
    if (last === 'from-bottom' && !r.tied && r.fromBottom === 1 && r.peers > 1) return `last of ${r.peers}${within}`;
    return `${tie}${ORDINAL(r.rank)} of ${r.peers}${within}`;
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

/**
 * 完成年度目标的76.3%，超序时进度1.3个百分点 / 落后序时进度2.1个百分点 / 与序时进度持平. `gap` is the
 * completion less 序时进度 in points, both as displayed (null: no time progress is known, so only the
 * completion is said). At mid-year (`half`), a completion of 50% and more also says
 * 实现“时间过半、任务过半”.
 */
export function completionWords(done: number, gap: number | null, lang: Lang, half = false): string {
  const d = shown(done, 1);
  const parts: string[] = [lang === 'zh-CN' ? `完成年度目标的${d}%` : `${d}% of the annual target done`];
  if (gap !== null) {
    const g = shown(Math.abs(gap), 1);
    if (showsZero(gap, 1)) parts.push(lang === 'zh-CN' ? '与序时进度持平' : 'on time progress');
    else if (lang === 'zh-CN') parts.push(`${gap > 0 ? '超' : '落后'}序时进度${g}个百分点`);
    else parts.push(`${g} ${g === '1' ? 'point' : 'points'} ${gap > 0 ? 'ahead of' : 'behind'} time progress`);
  }
  if (half && Number(d) >= 50) parts.push(lang === 'zh-CN' ? '实现“时间过半、任务过半”' : 'half the year, half the task');
  return parts.join(lang === 'zh-CN' ? '，' : ', ');
}

/**
 * A growth rate against the last report's, in points (both as displayed):
 * 增速比1-2月提高0.3个百分点 / 回落0.5个百分点 / 增速与1-2月持平; a decline both times:
 * 降幅比1-2月收窄 / 扩大; a change of sign: 增速由负转正 / 由正转负 before the points.
 */
export function rateChangeWords(current: number, previous: number, decimals: number | null, since: string, lang: Lang): string {
  const dec = decimals ?? 1;
  const cur = roundHalfUp(current, dec);
  const prev = roundHalfUp(previous, dec);
  // the difference of the rates as shown (pointsDiff), in points
  const diff = pointsDiff(current, previous, dec) as number;
  const n = shown(Math.abs(diff), dec);
  if (lang === 'en-US') {
    const pts = `${n} ${n === '1' ? 'point' : 'points'}`;
    if (diff === 0) return `growth the same as in ${since}`;
    if (cur < 0 && prev < 0) return `the decline ${pts} ${diff > 0 ? 'narrower' : 'wider'} than in ${since}`;
    return `growth ${pts} ${diff > 0 ? 'higher' : 'lower'} than in ${since}`;
  }
  if (diff === 0) return `增速与${since}持平`;
  if (cur < 0 && prev < 0) return `降幅比${since}${diff > 0 ? '收窄' : '扩大'}${n}个百分点`;
  const turn = cur > 0 && prev < 0 ? '增速由负转正，比' : cur < 0 && prev > 0 ? '增速由正转负，比' : '增速比';
  return `${turn}${since}${diff > 0 ? '提高' : '回落'}${n}个百分点`;
}
