import type { Lang } from '../i18n';
import type { CheckSettings, IdentityDef, IdentitySetting, RuleId, Severity } from './Check.types';
import { identityTermName, identityText, namePattern } from './rules/identities';

export const DEFAULT_SETTINGS: CheckSettings = {
  growthOutlier: 30,
  growthExtreme: 200,
  peerDeviation: 3.5,
  peerDeviationPoints: 15,
  growthSwing: 20,
  rankSwing: 5,
  unitScaleRatio: 1000,
  shareTolerance: 0.1,
  period: null,
  expectedRegions: null,
  identities: [],
  rules: {},
};

const NUMBERS: { key: keyof CheckSettings; min: number; max: number }[] = [
  { key: 'growthOutlier', min: 0, max: 1e6 },
  { key: 'growthExtreme', min: 0, max: 1e6 },
  { key: 'peerDeviation', min: 0, max: 1e3 },
  { key: 'peerDeviationPoints', min: 0, max: 1e6 },
  { key: 'growthSwing', min: 0, max: 1e6 },
  { key: 'rankSwing', min: 1, max: 1e6 },
  { key: 'unitScaleRatio', min: 2, max: 1e12 },
  { key: 'shareTolerance', min: 0, max: 100 },
];

const WORDS = {
  'not-object': { 'zh-CN': '设置文件应是一个 JSON 对象', 'en-US': 'The settings file must hold a JSON object' },
  unknown: { 'zh-CN': '未知的设置项「{key}」（可用：{known}）', 'en-US': 'Unknown setting "{key}" (known: {known})' },
  number: { 'zh-CN': '设置项「{key}」应是 {min} 到 {max} 之间的数字，实际是 {value}', 'en-US': 'Setting "{key}" must be a number from {min} to {max}, not {value}' },
  text: { 'zh-CN': '设置项「{key}」应是文字，实际是 {value}', 'en-US': 'Setting "{key}" must be text, not {value}' },
  list: { 'zh-CN': '设置项「{key}」应是文字列表，如 ["双清区","大祥区"]', 'en-US': 'Setting "{key}" must be a list of names, e.g. ["Shuangqing","Daxiang"]' },
  identities: {
    'zh-CN': '设置项「{key}」应是核算关系的列表，如 [{"name": "第三产业 = 批发零售 + 其他", "whole": "^第三产业", "parts": ["^批发", "^其他"], "kind": "sum"}]（kind 为 "sum" 或 "part"，名称为正则表达式）',
    'en-US': 'Setting "{key}" must be a list of identities, e.g. [{"name": "tertiary = trade + other", "whole": "^第三产业", "parts": ["^批发", "^其他"], "kind": "sum"}] (kind "sum" or "part"; names are regular expressions)',
  },
  'identity-whole': { 'zh-CN': '请填写总量指标（各分项加总得到的指标）', 'en-US': 'Name the whole (the indicator the parts add up to)' },
  'identity-parts': { 'zh-CN': '请至少填写一个分项指标', 'en-US': 'Name at least one part' },
  'identity-part-whole': { 'zh-CN': '分项「{part}」与总量指标相同', 'en-US': 'The part "{part}" is the whole itself' },
  'identity-part-twice': { 'zh-CN': '分项「{part}」填写了两次', 'en-US': 'The part "{part}" is given twice' },
  'identity-duplicate': { 'zh-CN': '已有名为「{name}」的核算关系，请换一个名称', 'en-US': 'There is already an identity named "{name}"; choose another name' },
  'unknown-rule': { 'zh-CN': '未知的规则「{rule}」（可用：{known}）', 'en-US': 'Unknown rule "{rule}" (known: {known})' },
  'rule-value': {
    'zh-CN': '规则「{rule}」的设置应是 false、"off"、"error"、"warning"、"info" 或 {"enabled": …, "severity": …}',
    'en-US': 'The setting of rule "{rule}" must be false, "off", "error", "warning", "info" or {"enabled": …, "severity": …}',
  },
} as const;

function say(lang: Lang, key: keyof typeof WORDS, params: Record<string, string | number> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (all, n: string) => (params[n] === undefined ? all : String(params[n])));
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function isPattern(p: unknown): p is string {
  if (typeof p !== 'string' || !p.trim()) return false;
  try {
    new RegExp(p, 'i');
    return true;
  } catch {
    return false;
  }
}

/** One identity as written in the settings (`--config`, the pane's), or null when it is not one. */
export function identitySettingOf(v: unknown): IdentitySetting | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (!isPattern(o.whole) || !Array.isArray(o.parts) || !o.parts.length || !o.parts.every(isPattern)) return null;
  if (o.kind !== 'sum' && o.kind !== 'part') return null;
  const name = typeof o.name === 'string' && o.name.trim() ? o.name.trim() : undefined;
  return { ...(name ? { name } : {}), whole: o.whole, parts: o.parts as string[], kind: o.kind };
}

/** The identity the checks take from one written in the settings; without a name it is called by its relation (第二产业 = 工业 + 建筑业). */
export function identityOf(v: unknown): IdentityDef | null {
  const o = identitySettingOf(v);
  if (!o) return null;
  const name = o.name ? { 'zh-CN': o.name, 'en-US': o.name } : { 'zh-CN': identityText(o, 'zh-CN'), 'en-US': identityText(o, 'en-US') };
  return { name, whole: o.whole, parts: o.parts, kind: o.kind };
}

/** What the pane's form holds: indicator names as typed or picked (not patterns), blank parts allowed. */
export interface IdentityDraft {
  name: string;
  whole: string;
  parts: string[];
  kind: 'sum' | 'part';
}

export type IdentityProblems = Partial<Record<'name' | 'whole' | 'parts', string>>;

/**
 * An identity from the pane's form, in the settings' format (namePattern for each name; the relation as
 * its name when none is given), or what is wrong with it, field by field in the user's language: a whole,
 * at least one part, no part twice or equal to the whole, and a name no other identity has (`taken`:
 * the standard ones' and the bureau's).
 */
export function identityFromDraft(draft: IdentityDraft, taken: readonly string[], lang: Lang): { identity: IdentitySetting } | { problems: IdentityProblems } {
  const problems: IdentityProblems = {};
  const whole = identityTermName(draft.whole);
  const parts = draft.parts.map(identityTermName).filter(Boolean);
  if (!whole) problems.whole = say(lang, 'identity-whole');
  if (!parts.length) problems.parts = say(lang, 'identity-parts');
  else {
    const twice = parts.find((p, i) => parts.indexOf(p) !== i);
    if (whole && parts.includes(whole)) problems.parts = say(lang, 'identity-part-whole', { part: whole });
    else if (twice) problems.parts = say(lang, 'identity-part-twice', { part: twice });
  }
  if (problems.whole || problems.parts) return { problems };
  const identity: IdentitySetting = { whole: namePattern(whole), parts: parts.map(namePattern), kind: draft.kind };
  const name = draft.name.trim() || identityText(identity, lang);
  const same = (a: string): boolean => a.replace(/\s/g, '') === name.replace(/\s/g, '');
  if (taken.some(same)) return { problems: { name: say(lang, 'identity-duplicate', { name }) } };
  return { identity: { name, ...identity } };
}

/**
 * Settings from a parsed JSON document (`--config FILE`), checked field by field:
 * thresholds, `period`, `expectedRegions`, and `rules` ({"growth-outlier": "off",
 * "text-number": "info", "stray-value": {"severity": "info"}}). Problems are
 * returned in the user's language; nothing is guessed.
 */
export function parseSettings(doc: unknown, ruleIds: readonly RuleId[], lang: Lang = 'zh-CN'): { settings: Partial<CheckSettings>; problems: string[] } {
  const problems: string[] = [];
  const settings: Partial<CheckSettings> = {};
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { settings, problems: [say(lang, 'not-object')] };
  const known = [...NUMBERS.map((n) => n.key), 'period', 'expectedRegions', 'identities', 'rules'];
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (key === '$schema' || key.startsWith('//')) continue;
    const spec = NUMBERS.find((n) => n.key === key);
    if (spec) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
        problems.push(say(lang, 'number', { key, min: spec.min, max: spec.max, value: JSON.stringify(value) }));
      } else (settings as Record<string, number>)[key] = value;
    } else if (key === 'period') {
      if (value !== null && typeof value !== 'string') problems.push(say(lang, 'text', { key, value: JSON.stringify(value) }));
      else settings.period = value;
    } else if (key === 'expectedRegions') {
      if (value !== null && (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== ''))) problems.push(say(lang, 'list', { key }));
      else settings.expectedRegions = value as string[] | null;
    } else if (key === 'identities') {
      const list = Array.isArray(value) ? value.map((v) => identityOf(v)) : null;
      if (!list || list.some((d) => d === null)) problems.push(say(lang, 'identities', { key }));
      else settings.identities = list as IdentityDef[];
    } else if (key === 'rules') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        problems.push(say(lang, 'rule-value', { rule: '*' }));
        continue;
      }
      const rules: CheckSettings['rules'] = {};
      for (const [rule, v] of Object.entries(value as Record<string, unknown>)) {
        if (!ruleIds.includes(rule as RuleId)) {
          problems.push(say(lang, 'unknown-rule', { rule, known: ruleIds.join(', ') }));
          continue;
        }
        const id = rule as RuleId;
        if (v === false || v === 'off') rules[id] = { enabled: false };
        else if (v === true || v === 'on') rules[id] = { enabled: true };
        else if (typeof v === 'string' && SEVERITIES.includes(v as Severity)) rules[id] = { severity: v as Severity };
        else if (v && typeof v === 'object' && !Array.isArray(v)) {
          const o = v as Record<string, unknown>;
          const okKeys = Object.keys(o).every((k) => k === 'enabled' || k === 'severity');
          const okEnabled = o.enabled === undefined || typeof o.enabled === 'boolean';
          const okSeverity = o.severity === undefined || SEVERITIES.includes(o.severity as Severity);
          if (!okKeys || !okEnabled || !okSeverity) problems.push(say(lang, 'rule-value', { rule }));
          else rules[id] = { ...(o.enabled !== undefined ? { enabled: o.enabled as boolean } : {}), ...(o.severity !== undefined ? { severity: o.severity as Severity } : {}) };
        } else problems.push(say(lang, 'rule-value', { rule }));
      }
      settings.rules = rules;
    } else problems.push(say(lang, 'unknown', { key, known: known.join(', ') }));
  }
  return { settings, problems };
}
