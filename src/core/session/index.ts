export type * from './Session.types';
export { SETTINGS_KEY, defaultSettings, defaultSummaryChoices, parseAddinSettings } from './settings';
export { describeTables, identityNames } from './tables';
export { acceptable, accepts, acceptanceFor, applyAcceptances, withAcceptance, countFindings } from './accept';
export { NothingToSummarize, prepareSession, enabledSheets, checkSession, buildSummary, preparePrevious, previousSummary } from './run';
export type { PreviousReport } from './run';
export type { BuildSummaryInput, SummaryBuild } from './run';
export { paneCheckSettings, summaryInput } from './choices';
