// The add-in's ports live with the other workbook ports (src/workbook/WorkbookPort.ts).
export type { LiveWorkbook, SettingsStore } from '../workbook/WorkbookPort';
