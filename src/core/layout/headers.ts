import type { MeasureKind, PriceBasis } from './Layout.types';
import { isPeriodOnly, parsePeriod } from './period';
import { halfWidth, oneLine, squash, trimAll } from './text';

/** Characters units are made of (亿元, 万美元, 万千瓦时, 万平方米, 个百分点 …). */
const UNIT_BODY = /^(?:%|‰|[个万亿千百十]?(?:百分点)|(?:[万亿千百十]?(?:美元|元|人|户|个|家|台|辆|吨|件|套|项|只|头|张|间|所|座|艘|架|部|次|人次|股|册|床|双|千瓦时|千瓦小时|千瓦|吨公里|人公里|公里|平方米|立方米|公顷|亩|斤|公斤|升|标准箱|标箱))(?:\/[人户年月吨])?|元\/人|元\/吨|[万亿]?(?:千瓦时|千瓦小时))$/;
const EN_UNIT = /^\(?\s*(?:unit\s*:\s*)?(?:in\s+)?(?:[\d,.]+\s*)?(?:mln\.?|million|thousand|billion|bn\.?|hundred million)?\s*(?:philippine\s+|us\s+)?(?:yuan|tenge|pesos?|dollars?|usd|rubles?|percent|persons?|tons?|tonnes?)\s*\)?$|^%$/i;

/** Is this short text a unit (亿元, %, 个百分点, 100 million yuan)? */
export function isUnit(text: string): boolean {
  const t = squash(halfWidth(text));
  if (!t || t.length > 12) return EN_UNIT.test(text) && text.length <= 40;
  if (UNIT_BODY.test(t)) return true;
  if (/^单位[:：]/.test(t)) return true;
  return EN_UNIT.test(text) && text.length <= 40;
}

function normaliseUnit(u: string): string {
  const t = squash(halfWidth(u));
  if (t === '个百分点' || t === '百分点' || t === '百分点个' || t === '个') return '个百分点';
  if (/^100millionyuan$/i.test(t)) return '亿元';
  if (/^10thousandyuan$/i.test(t)) return '万元';
  if (/^(?:in)?percent$/i.test(t)) return '%';
  return t.replace(/千瓦小时/, '千瓦时');
}

/**
 * The unit stated in a header text: the last parenthesised part that is a unit
 * ("绝对额(万元)", "生产总值\n(亿元)", "增速（%）"), "百分点（个）", or a bare unit line.
 */
export function unitIn(raw: string): string | null {
  const s = halfWidth(raw);
  if (/百分点/.test(s)) return '个百分点';
  const all = [...s.matchAll(/\(([^()]{1,40})\)?/g)].map((m) => m[1].trim());
  // A bilingual header ("人均地区生产总值(元)\nPer Capita GDP (yuan)") states the unit twice: the Chinese one is ours.
  const chinese = all.filter((p) => /[\u3400-\u9fff%]/.test(p));
  const parens = chinese.some((p) => isUnit(p)) ? chinese : all;
  for (let i = parens.length - 1; i >= 0; i--) {
    const p = parens[i];
    if (/^(?:19|20)\d{2}/.test(p)) continue;
    if (isUnit(p)) return normaliseUnit(p);
    const um = /^(?:单位[:：]?\s*)(.+)$/.exec(p);
    if (um && isUnit(um[1])) return normaliseUnit(um[1]);
  }
  const line = /单位[:：]\s*([^\s,，;；)]+)/.exec(s);
  if (line && isUnit(line[1])) return normaliseUnit(line[1]);
  const lines = s.split(/[\r\n]+/).map((x) => x.trim()).filter(Boolean);
  const last = lines[lines.length - 1];
  if (lines.length > 1 && last && isUnit(last)) return normaliseUnit(last);
  if (/%\s*$/.test(s) && !/=\s*100/.test(s)) return '%';
  return null;
}

/** A line that states the unit for the whole table ("单位：亿元", "本表按当年价格计算,单位:亿元", "Unit: In thousand Philippine Pesos", "mln.tenge"). */
export function unitLine(raw: string): string | null {
  const s = halfWidth(raw).trim();
  const m = /单位\s*[:：]\s*([^\s,，;；。)]+)/.exec(s);
  if (m) return normaliseUnit(m[1]);
  const en = /^unit\s*:\s*(?:in\s+)?(.+)$/i.exec(s);
  if (en) return normaliseUnit(en[1].trim()) === '%' ? '%' : en[1].trim();
  if (/^\(?\s*(?:mln\.?|million|thousand|billion|100 million)\s*[a-z. ]+\)?$/i.test(s)) return s.replace(/^\(|\)$/g, '').trim();
  return null;
}

const RANK = /排名|排序|位次|名次|^rank|\brank\b/i;
const PULL = /拉动|pull|contribution to growth/i;
const CONTRIBUTION = /贡献率|贡献度|contribution/i;
const POINTS = /百分点|percentage points?|\bpp\b/i;
const SHARE = /比重|占比|构成|占全|份额|share|structure/i;
const INDEX = /=\s*100|指数|\bindex\b|为.{0,8}年\s*%/i;
const PROGRESS = /完成(?:进度|率|目标|任务|计划)?\s*(?:\(?%\)?)$|进度|完成率|progress/i;
const TARGET = /目标|任务|计划数|\btarget\b/i;
const PRIOR = /^(?:上年同期|去年同期|上年|去年|上期|同期)(?!.*(?:增长|增速|增幅|%))/;
/** An amount of change: 比年初增减(数), 比上年末增减, 比上月增减, 增加额 — a growth when stated in % (see measureOf). */
const INCREMENT = /增减额|增减数|增加额|增量|比年初增|比(?:上年末|上季末?|上月末?)增减|净增|increment/i;
const GROWTH = /增速|增长|增幅|增减|同比|比上年|比去年|比上期|环比|growth|change|\bgr\b/i;

/** The measure a header names. `text` is the header text closest to the figures; `context` the whole header. */
export function measureOf(text: string, context = ''): MeasureKind | null {
  const t = squash(halfWidth(text));
  if (!t) return null;
  if (RANK.test(t)) return 'rank';
  if (PULL.test(t)) return 'pull';
  if (CONTRIBUTION.test(t)) return 'contribution';
  if (POINTS.test(t)) return 'points';
  if (SHARE.test(t)) return 'share';
  if (INDEX.test(t) && !/价格指数/.test(t)) return 'index';
  if (PROGRESS.test(t)) return 'progress';
  if (TARGET.test(t)) return 'target';
  if (PRIOR.test(t)) return 'prior';
  if (INCREMENT.test(t)) return /%|百分比/.test(t) || /比(?:年初|上年末|上季末?|上月末?)增减(?!额|数)/.test(t) && /%/.test(context) ? 'growth' : 'increment';
  if (GROWTH.test(t)) return 'growth';
  if (/绝对[额值量数]|总[额量]|余额|本期|本月|累计|当月|金额|数值|^(?:19|20)\d{2}|^value|^level/i.test(t)) return 'value';
  if (context && /增长率|增速|growth rate/i.test(context) && /%/.test(context)) return 'growth';
  return null;
}

/** Words that name a measure, not an indicator ("绝对额(万元)", "增速(%)", "排名"). */
export function isMeasureWord(text: string): boolean {
  const t = squash(halfWidth(text)).replace(/\([^)]*\)?$/, '');
  return /^(?:绝对[额值量数]|总额|金额|数值|本期|本年|本期累计|本年累计|与全[市省州县区盟]增速差|与全[市省州县区盟]差|比全[市省州县区盟](?:增速)?高低|贡献率|拉动|增速|增长|增幅|增减|增长率|增长速度|同比增减|同比增长|比上年增长|比上年增减|比上年同期增长|累计比上年同期|(?:增速|增幅|总量|增量|绝对额)?(?:排名|排序|位次|名次)|比重|占比|占全市比重|本月|累计|当月|本月余额|比年初增减[额数]?|上年同期[比年初增减额数]*|目标|任务|完成|完成进度|进度|value|growth|growthrate|rank|share|levels?)$/i.test(t);
}

/** Remove the unit, numbering and line breaks from an indicator name ("一、地区生产总值（GDP）" keeps "(GDP)"; "生产总值\n(亿元)" → "生产总值"). */
export function cleanIndicatorName(raw: string): string {
  let s = halfWidth(raw);
  // Bilingual headers: keep the Chinese line when there is one.
  const lines = s.split(/[\r\n]+/).map((x) => x.trim()).filter(Boolean);
  if (lines.length > 1 && /[\u3400-\u9fff]/.test(lines[0]) && !/[\u3400-\u9fff]/.test(lines.slice(1).join(''))) s = lines[0];
  s = s.replace(/\(([^()]*)\)?\s*$/g, (all, inner: string) => (isUnit(inner) ? '' : all));
  s = s.replace(/^\s*\d+-\d+\s+/, ''); // yearbook table numbers "17-2 "
  s = s.replace(/^\s*(?:[一二三四五六七八九十]+、|\d+[.、．]|[(（][一二三四五六七八九十\d]+[)）])\s*/, '');
  s = s.replace(/[（(](?:\d{4}年?)[)）]\s*$/, '');
  s = oneLine(s);
  return trimAll(s.replace(/[:：]$/, ''));
}

/** Text of a period in a header ("2025年1-3月") or null. */
export function periodIn(text: string): string | null {
  return parsePeriod(text)?.label ?? null;
}

export { isPeriodOnly };

/** Price basis stated in a footnote or a header ("按可比价计算", "当年价格", "at current prices"). */
export function priceBasisIn(raw: string): { value?: PriceBasis; index?: PriceBasis; all?: PriceBasis } | null {
  const s = squash(halfWidth(raw)).toLowerCase();
  const comparable = /可比价|不变价|constantprices|comparableprices|constant\d{4}prices/;
  const current = /当年价|现价|currentprices/;
  if (!comparable.test(s) && !current.test(s)) return null;
  // "本表绝对额按当年价格计算,指数按可比价格计算"
  const split = /(绝对[额值量数]|总量)[^,，;；。]*?(当年价|现价|可比价|不变价)[^,，;；。]*[,，;；。]?.*?(指数|增速|增长)[^,，;；。]*?(当年价|现价|可比价|不变价)/.exec(s);
  if (split) {
    const basis = (w: string): PriceBasis => (/可比价|不变价/.test(w) ? 'comparable' : 'current');
    return { value: basis(split[2]), index: basis(split[4]) };
  }
  const en = /absolutefigure.*?(current|constant).*?indices.*?(current|constant)/.exec(s);
  if (en) return { value: en[1] === 'current' ? 'current' : 'comparable', index: en[2] === 'current' ? 'current' : 'comparable' };
  // "增速按可比价计算": only growth and indices are at comparable prices.
  if (comparable.test(s) && !current.test(s) && /(?:增速|增长|指数|发展速度)[^,，;；。]*?(?:可比价|不变价)/.test(s) && !/绝对[额值量数]/.test(s)) return { index: 'comparable' };
  if (comparable.test(s) && !current.test(s)) return { all: 'comparable' };
  if (current.test(s) && !comparable.test(s)) return { all: 'current' };
  return null;
}

/** Per-capita values, rates, averages, indices and prices do not add up across regions. */
export function isAdditive(name: string, measure: MeasureKind, unit: string | null): boolean {
  if (measure !== 'value' && measure !== 'prior' && measure !== 'increment' && measure !== 'target') return false;
  if (unit === '%' || unit === '‰' || unit === '个百分点') return false;
  const s = squash(halfWidth(name));
  // English words whole: "Administration" holds "ratio", "Corporate" holds "rate".
  return !/人均|平均|率|指数|价格|比重|占比|密度|系数|亏损面/.test(s) && !/\bper ?capita\b|\baverage|\brates?\b|\bind(?:ex|ices)\b|\bratios?\b|\bprices?\b|\bdensity\b/i.test(halfWidth(name));
}
