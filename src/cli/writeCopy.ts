import type { WorkbookPlan } from '../core/summary/Plan.types';
import { readXlsxBuffer } from '../workbook/xlsx';

/**
 * The copy with the summary sheets, written with ExcelJS from the input's bytes. Imported
 * lazily: reading never loads ExcelJS. (The package writer of the next issue replaces this.)
 */
export async function writePlanCopy(bytes: Uint8Array, file: string, plan: WorkbookPlan): Promise<Uint8Array> {
  const wb = await readXlsxBuffer(bytes, file);
  await wb.writePlan(plan);
  return wb.toBytes();
}
