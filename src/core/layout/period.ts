import { halfWidth, squash } from './text';

/**
 * A reporting period found in a title or header ("2025年1-3月", "1-3月", "3月末",
 * "2022", "2021年为2020年%"). `label` is the text as a statistician writes it.
 */
export interface Period {
  label: string;
  year: number | null;
  /** first and last month of a cumulative period (1-3月: 1 and 3); a single month has start = end */
  startMonth: number | null;
  endMonth: number | null;
  kind: 'cumulative' | 'month' | 'month-end' | 'quarter' | 'half' | 'year';
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const RANGE = /(?:(\d{4})年)?(\d{1,2})[-—–~～至到](\d{1,2})月(?:份)?(?:累计)?/;
const MONTH = /(?:(\d{4})年)?(\d{1,2})月(末|份|底)?/;
const QUARTER = /(?:(\d{4})年)?(?:第)?([一二三四1-4])季度/;
const PART = /(?:(\d{4})年)?(上半年|下半年|前三季度|全年)/;
const YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?:年)?(?!\d)/;
const EN_CUM = /\b(\d{1,2})\s*(months?|quarters?|half-year)\b/i;

export function parsePeriod(raw: string): Period | null {
  if (!raw) return null;
  const s = squash(halfWidth(raw)).replace(/^((?:19|20)\d{2})(?:年)?\d\)$/, '$1');
  let m = RANGE.exec(s);
  if (m) {
    const start = Number(m[2]);
    const end = Number(m[3]);
    if (start >= 1 && end <= 12 && start <= end) {
      return { label: m[0].replace(/份|累计/g, ''), year: m[1] ? Number(m[1]) : null, startMonth: start, endMonth: end, kind: 'cumulative' };
    }
  }
  m = PART.exec(s);
  if (m) {
    const year = m[1] ? Number(m[1]) : null;
    const which = m[2];
    const end = which === '上半年' ? 6 : which === '前三季度' ? 9 : 12;
    const start = which === '下半年' ? 7 : 1;
    return { label: m[0], year, startMonth: start, endMonth: end, kind: which === '全年' ? 'year' : 'half' };
  }
  m = QUARTER.exec(s);
  if (m) {
    const q = CN_DIGIT[m[2]] ?? Number(m[2]);
    return { label: m[0], year: m[1] ? Number(m[1]) : null, startMonth: q * 3 - 2, endMonth: q * 3, kind: 'quarter' };
  }
  m = MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month >= 1 && month <= 12) {
      return { label: m[0], year: m[1] ? Number(m[1]) : null, startMonth: month, endMonth: month, kind: m[3] === '末' || m[3] === '底' ? 'month-end' : 'month' };
    }
  }
  const en = EN_CUM.exec(raw);
  if (en) {
    const n = Number(en[1]);
    const unit = en[2].toLowerCase();
    const end = unit.startsWith('month') ? n : unit.startsWith('quarter') ? n * 3 : n * 6;
    const y = /\b((?:19|20)\d{2})\b/.exec(raw);
    if (end >= 1 && end <= 12) return { label: raw.trim(), year: y ? Number(y[1]) : null, startMonth: 1, endMonth: end, kind: 'cumulative' };
  }
  m = YEAR.exec(s);
  if (m) {
    const year = Number(m[1]);
    return { label: String(year), year, startMonth: null, endMonth: null, kind: 'year' };
  }
  return null;
}

/** A header cell that is nothing but a period (a year column, "1-3月", "2025年1-3月", "3月末"). */
export function isPeriodOnly(raw: string): boolean {
  const s = squash(halfWidth(raw));
  if (/^(?:19|20)\d{2}(?:年)?(?:\d\))?$/.test(s)) return true;
  if (/^\d{1,2}(?:months?|quarters?|half-year)of(?:19|20)\d{2}$/i.test(s)) return true;
  const p = parsePeriod(s);
  if (!p) return false;
  const rest = s.replace(p.label, '').replace(/^(本年|本期|累计|年|月|末)+$/, '');
  return rest === '' || /^(累计|本月|当月)$/.test(rest);
}
