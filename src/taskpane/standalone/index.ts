/** The task pane outside Excel: a workbook file opened in the browser (see StandaloneApp). */
export { SAMPLE_URL, StandaloneApp } from './StandaloneApp';
export type { StandaloneAppProps } from './StandaloneApp';
export type { FileWorkbookLike, OnGoTo, OpenFile } from './types';
export { FILE_LIMIT_BYTES, openFileWorkbook, readFileBytes } from './openFile';
export { LocalSettingsStore, STANDALONE_SETTINGS_KEY } from './localStore';
export { GridView, ROW_WINDOW, COL_WINDOW } from './GridView';
export type { GridTarget, GridViewProps } from './GridView';
export { downloadBytes, downloadWorkbook, REVOKE_DELAY, XLSX_MIME } from './download';
export { cellText } from './cellText';
export { fileErrorText, openErrorText } from './errors';
