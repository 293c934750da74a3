export type * from './Summary.types';
export { summarize, summarizeTables, indicatorColumns } from './summarize';
