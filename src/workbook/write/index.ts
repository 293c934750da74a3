export { PlanWriteError, writePlanPackage } from './writePlan';
export type { PlanWriteOptions, PlanWriteResult } from './writePlan';
