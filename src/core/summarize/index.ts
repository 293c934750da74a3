export type * from './Summary.types';
export { summarize, indicatorColumns } from './summarize';
