/// <reference types="office-js" />
import type { ExcelHost } from './host';

export { ExcelWorkbook } from './ExcelWorkbook';
export type { ExcelWorkbookOptions } from './ExcelWorkbook';
export type { ExcelHost, ExcelRun } from './host';
export { FEATURES, MIN_EXCEL_API, detectCapabilities } from './capabilities';
export type { Capabilities, Feature, FeatureInfo } from './capabilities';
export { ExcelAdapterError, toAdapterError } from './errors';
export type { ExcelProblem } from './errors';
export { noticeText } from './notices';
export type { Notice } from './notices';
export { needsTextPrefix, toExcelInput } from './cellInput';
export { PAYLOAD_LIMIT, SYNC_BUDGET, rowBlocks } from './blocks';
export { widthToPoints } from './write';
export type { MarkResult, UnmarkResult } from './marks';
export { documentSettingsStore } from './settings';
export type { DocumentSettings } from './settings';

/**
 * The real Office host: the one place outside the task pane's entry point that
 * touches the `Excel` and `Office` globals.
 */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (set, version) => Office.context.requirements.isSetSupported(set, version),
  };
}
