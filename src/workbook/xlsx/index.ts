export * from './readXlsx';
export * from './writePlan';
