import type { Lang } from '../i18n';

const NOTES = {
  'no-previous': {
    'zh-CN': '未提供上期报表（--previous），累计值、当月值、增速和位次变化未与上期核对。',
    'en-US': 'No previous report (--previous): cumulative values, months, growth and rank changes were not compared with last period.',
  },
  'no-previous.pane': {
    'zh-CN': '未选择上期报表，累计值、当月值、增速和位次变化未与上期核对；可在上方“上期报表”处选择上月的工作簿。',
    'en-US': 'No previous report chosen: cumulative values, months, growth and rank changes were not compared with last period; choose last month\'s workbook under "Previous report" above.',
  },
  'bad-period': {
    'zh-CN': '设置中的报告期「{period}」无法识别，改用各表最常见的时期。',
    'en-US': 'The report period "{period}" in the settings cannot be read; the period most tables state is used instead.',
  },
  'rule-failed': {
    'zh-CN': '规则 {rule} 未能完成：{error}',
    'en-US': 'Rule {rule} could not finish: {error}',
  },
  'previous-not-earlier': {
    'zh-CN': '上期报表的时期（{previous}）不早于本期（{current}），未做累计值和当月值核对。',
    'en-US': 'The previous report ({previous}) is not earlier than this one ({current}); cumulative and month checks were skipped.',
  },
} as const;

export type NoteKey = keyof typeof NOTES;

export function noteText(lang: Lang, key: NoteKey, params: Record<string, string | number>): string {
  return NOTES[key][lang].replace(/\{(\w+)\}/g, (all, name: string) => (params[name] === undefined ? all : String(params[name])));
}
