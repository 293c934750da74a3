/// <reference types="office-js" />
/**
 * What the adapter needs from Office: `Excel.run` and the requirement-set test.
 * The task pane passes the real ones (see officeHost in index.ts); tests pass the
 * strict fake Excel. Nothing else in the adapter touches the `Excel` global, so the
 * same code runs against both.
 */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHost {
  run: ExcelRun;
  /** Office.context.requirements.isSetSupported */
  isSetSupported(set: string, version: string): boolean;
}
