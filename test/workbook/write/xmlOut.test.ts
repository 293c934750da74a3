/**
 * Text that reads as an OOXML character escape (`_x000D_`, ST_Xstring) keeps its underscore
 * escaped when written, so that readers give back the text as it was (the marks record holds
 * JSON that could contain such a run).
 */
import * as fs from 'node:fs';
import type { WorkbookPlan } from '../../../src/core/summary/Plan.types';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { writePlanPackage } from '../../../src/workbook/write';
import { tElement } from '../../../src/workbook/write/xmlOut';
import { SAMPLE } from '../excel/support';

test('tElement escapes the underscore of an _xHHHH_ run', () => {
  expect(tElement('t', 'a_x0041_b')).toBe('<t>a_x005F_x0041_b</t>');
  expect(tElement('t', 'a_x41_b_x00G1_')).toBe('<t>a_x41_b_x00G1_</t>');
});

test('a cell text with _x0000_ and _x000D_ is read back as written', async () => {
  const texts = ['_x0000_s1025', 'line_x000D_', '{"shape":"_x0041_"}'];
  const plan: WorkbookPlan = {
    mode: 'values',
    sheets: [],
    remove: [],
    registry: {
      name: 'Escapes',
      role: 'registry',
      hidden: true,
      cells: [texts.map((value) => ({ value }))],
      merges: [],
      formats: [],
      highlights: [],
      columns: [],
      rowHeights: [],
      freeze: null,
      print: { paper: 'A4', orientation: 'portrait', fitToWidth: 0, fitToHeight: 0, titleRows: null, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, centerHorizontally: false, footer: null },
    },
  };
  const out = writePlanPackage(new Uint8Array(fs.readFileSync(SAMPLE)), plan, { activate: false });
  const book = await readWorkbookBytes(out.bytes, 'x.xlsx');
  const [grid] = await book.readGrids(['Escapes']);
  expect((grid.rows[0] ?? []).map((c) => c?.value)).toEqual(texts);
});
