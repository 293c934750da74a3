export type * from './Plan.types';
export { planSummary, summaryPeriod } from './planSummary';
export type { SummaryPlanOptions, SummaryPlanResult } from './planSummary';
export { REGISTRY_SHEET, readRegistry, ownedSheets, placeNames, legalSheetName, registryPlan, a1Text, splitGrids } from './registry';
export type { ExistingSheet, RegistryEntry, SplitGrids } from './registry';
export { readTargets, isTargetsSheet, targetsIn } from './targets';
export type { Targets, TargetColumn } from './targets';
export { quoteSheet, rankFormula } from './formula';
export { HIGHLIGHT_STYLE } from './styles';
