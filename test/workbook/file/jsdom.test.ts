/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The page's own tests run in jsdom, which has no TextDecoder and its own typed-array realm:
// FileWorkbook must open, mark and save there too.
import * as fs from 'node:fs';
import { FileWorkbook } from '../../../src/workbook/file';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';
import { SAMPLE } from '../excel/support';

test('in jsdom: open the sample (a Buffer, and an ArrayBuffer copy), save it, refuse a CSV', async () => {
  expect(typeof (globalThis as { TextDecoder?: unknown }).TextDecoder).toBe('undefined');
  const raw = fs.readFileSync(SAMPLE);
  const file = await FileWorkbook.open(raw, 'sample.xlsx');
  expect((await file.listSheets()).map((s) => s.name)).toContain('固定资产投资');
  const copy = new ArrayBuffer(raw.length);
  new Uint8Array(copy).set(raw);
  const again = await FileWorkbook.open(copy, 'sample.xlsx');
  await again.mark([{ sheet: '固定资产投资', cell: 'C10', severity: 'error', fill: '#F8CBAD', note: '看这里' }]);
  const saved = await again.toBytes();
  expect(saved.length).toBeGreaterThan(10_000);
  const csv = await FileWorkbook.open(new Uint8Array(Buffer.from('地区,产值\n全市,1\n')), 'x.xlsx').catch((e: unknown) => e);
  expect((csv as WorkbookReadError).code).toBe('csv');
});
