export type * from './Check.types';
export type { CheckContext, CheckedSheet, Draft, RuleDef, RuleOutput, Words } from './context';
export { halfUnit, shownDecimals, fmt, unitScale, unitBase } from './context';
export { indicatorKey } from './rules/workbook';
export { RULES, RULE_IDS } from './rules';
export { checkWorkbook, hasErrors, prepareSheets, reportPeriod } from './runner';
export type { CheckWorkbookOptions, WorkbookInput } from './runner';
export { DEFAULT_SETTINGS, parseSettings } from './settings';
