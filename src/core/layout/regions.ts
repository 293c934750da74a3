import { halfWidth, squash } from './text';

/** The total row's words: 全市, 全州, 全省, 全区, 全县, 合计, 总计 (alone or with a prefix such as 全市合计). */
const TOTAL = /^(?:全(?:市|州|省|区|县|盟|国|地区|旗)(?:合计|总计)?|合计|总计|总额|全市域|本市|全市县|汇总|total|grandtotal|alltotal|allregions)$/i;

export function isTotalName(label: string): boolean {
  const s = squash(halfWidth(label)).replace(/[:：]$/, '');
  return TOTAL.test(s);
}

/** "其中：义乌市", "其中:出口", "#工业", "＃制造业", "内：…" */
const OF_WHICH = /^\s*(?:其\s*中\s*[:：]?|#|＃|内\s*[:：])\s*/;

export function isOfWhich(label: string): boolean {
  return OF_WHICH.test(halfWidth(label).replace(/^[\s\u3000]+/, ''));
}

export function stripOfWhich(label: string): string {
  return halfWidth(label).replace(/^[\s\u3000]+/, '').replace(OF_WHICH, '');
}

/** Region groups bureaus publish as subtotals, with their members where the grouping is fixed. */
export const KNOWN_GROUPS: Readonly<Record<string, readonly string[]>> = {
  苏南: ['南京', '无锡', '常州', '苏州', '镇江'],
  苏中: ['南通', '扬州', '泰州'],
  苏北: ['徐州', '连云港', '淮安', '盐城', '宿迁'],
  浙东北: ['杭州', '宁波', '嘉兴', '湖州', '绍兴', '舟山'],
  浙西南: ['温州', '金华', '衢州', '台州', '丽水'],
  长株潭地区: [],
  环长株潭城市群: [],
  湘南地区: [],
  大湘西地区: [],
  洞庭湖地区: [],
  珠三角: [],
  粤东: [],
  粤西: [],
  粤北: [],
  东部地区: [],
  中部地区: [],
  西部地区: [],
  东北地区: [],
};

const GROUP_SUFFIX = /(?:城市群|经济区|经济带|片区|板块|地区)$/;

/** A name that may stand for a group of regions. */
export function groupKind(label: string): 'known' | 'district' | 'suffix' | null {
  const s = squash(halfWidth(label));
  if (s in KNOWN_GROUPS) return 'known';
  if (/^(?:市辖区|市区|城区|主城区|县域|各县|县市合计|区合计|县合计)$/.test(s)) return 'district';
  if (/^(?:by region|by city)$/i.test(s)) return null;
  if (GROUP_SUFFIX.test(s) && s.length >= 4) return 'suffix';
  return null;
}

/** Development zones and similar units that a user may exclude from the peers. */
export function isZone(label: string): boolean {
  return /(?:经开区|经济开发区|经济技术开发区|高新区|高新技术产业开发区|开发区|新区|管理区|示范区|工业园区|园区|保税区|试验区)$/.test(squash(label));
}

const ETHNIC_AUTONOMOUS = /^([\u3400-\u9fff]{2,}?)(?:[\u3400-\u9fff]{1,2}族)*自治(?:区|州|县|旗)$/;

/**
 * The key that matches one region across sheets: spaces and line breaks removed,
 * a trailing 市/县/区/州/盟/旗 dropped when at least two characters remain, and the
 * "…族自治州" part of autonomous prefectures dropped (阿坝藏族羌族自治州 → 阿坝).
 * 邵东 and 邵东市 share the key 邵东.
 */
export function regionKey(label: string): string {
  let s = squash(halfWidth(label)).replace(OF_WHICH, '');
  s = s.replace(/[\d)）]+$/, (m) => (/^\d+\)$/.test(m) || /^\d$/.test(m) ? '' : m)); // footnote marks "Astana city2)"
  const ethnic = ETHNIC_AUTONOMOUS.exec(s);
  if (ethnic) return ethnic[1];
  if (/[\u3400-\u9fff]/.test(s)) {
    const m = /^(.{2,}?)(?:市|县|区|州|盟|旗|自治州|自治县|地区)$/.exec(s);
    if (m && !isTotalName(s) && groupKind(s) !== 'district') return m[1];
    return s;
  }
  return s.toLowerCase().replace(/\s+/g, ' ');
}

/** The name to show: spaces inside CJK names and line breaks removed, the "其中：" prefix dropped. */
export function displayName(label: string): string {
  const s = stripOfWhich(label).replace(/[\r\n]+/g, ' ').trim();
  if (/[\u3400-\u9fff]/.test(s)) return s.replace(/[\s\u3000]+/g, '');
  return s.replace(/\s+/g, ' ');
}

/** A label that reads like a place name (used only when the header does not say). */
export function looksLikeRegion(label: string): boolean {
  const s = squash(halfWidth(label));
  if (isTotalName(s) || groupKind(s)) return true;
  if (/^[\u3400-\u9fff]{2,12}(?:市|县|区|州|盟|旗|省|自治区)$/.test(s)) return true;
  return false;
}

/** Header words for the label column. */
export function labelHeaderKind(text: string): 'regions' | 'items' | 'periods' | null {
  const s = squash(halfWidth(text)).toLowerCase();
  if (!s) return null;
  if (/^(?:地区|城市|市州|市\(州\)|县市区|县市|县区|区县|区域|单位|市别|县别|地市|省份|地区名称|region|city|province|regions)/.test(s) || /^地区region|^城市city/.test(s)) return 'regions';
  if (/^(?:指标|项目|行业|产品|类别|分组|名称|item|indicator|industry)/.test(s)) return 'items';
  if (/^(?:年份|年度|时间|月份|期间|year|period)/.test(s)) return 'periods';
  return null;
}
