export type * from './Marks.types';
export { MARK_FILL, findingCells, planMarks } from './planMarks';
export type { MarkOptions } from './planMarks';
export { MARKS_SHEET, MARK_HEADER, markRows, readMarkRecords, noteAfterMark, recordOf, restoreOf } from './records';
