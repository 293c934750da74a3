/**
 * Packages made to cost: each must be read, or refused with a WorkbookReadError, in time and
 * memory in proportion to what the file really holds (no quadratic rescans, no allocation by a
 * size the file merely declares). Counts, not clocks: the assertions are on what is read.
 */
import { strToU8, zipSync } from 'fflate';
import { columnLetters } from '../../../src/core/grid';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { MAX_HELD } from '../../../src/workbook/read/xlsx/sheet';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function book(sheetXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  });
}

async function codeOf(bytes: Uint8Array): Promise<string> {
  const e = await readWorkbookBytes(bytes, 'x.xlsx').then(
    (b) => (b.grids(), null),
    (err: unknown) => err,
  );
  if (e === null) return 'read';
  expect(e).toBeInstanceOf(WorkbookReadError);
  return (e as WorkbookReadError).code;
}

test('a comment left open in a sheet is refused once the held-over text passes the cap, not rescanned to the end', async () => {
  const filler = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(Math.ceil((MAX_HELD * 1.2) / 40));
  const bytes = book(`<worksheet xmlns="${MAIN}"><sheetData><!-- never closed ${filler}</sheetData></worksheet>`);
  const e = await readWorkbookBytes(bytes, '开着的注释.xlsx').then((b) => b.grids()).catch((err: unknown) => err);
  expect((e as WorkbookReadError).code).toBe('corrupt');
  expect((e as WorkbookReadError).detail).toMatch(/markup left open/);
});

test('merges down whole columns cost the rows present: the grid keeps the anchors, the extent reaches the last row', async () => {
  const merges = Array.from({ length: 1000 }, (_, i) => `<mergeCell ref="${columnLetters(i)}1:${columnLetters(i)}1048576"/>`).join('');
  const bytes = book(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="A2"><v>3</v></c></row></sheetData><mergeCells count="1000">${merges}</mergeCells></worksheet>`);
  const [grid] = (await readWorkbookBytes(bytes, 'm.xlsx')).grids();
  expect(grid.rows[0]).toEqual([{ value: 1, type: 'number' }, { value: 2, type: 'number' }]);
  // A2 lies inside A1:A1048576: not an anchor, so it reads empty (as in Excel)
  expect(grid.rows[1]?.[0]).toBeUndefined();
  expect(grid.rowCount).toBe(1048576);
  expect(grid.merges).toHaveLength(1000);
});

test('a part declaring more than DEFLATE can give from its compressed size is refused before anything is allocated for it', async () => {
  const bytes = book(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`);
  // the sheet part's size in the central directory: 3 GB from a few dozen compressed bytes
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 0; p + 46 < bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (name === 'xl/worksheets/sheet1.xml') view.setUint32(p + 24, 3_000_000_000, true);
  }
  const e = await readWorkbookBytes(bytes, 'lie.xlsx').catch((err: unknown) => err);
  expect((e as WorkbookReadError).code).toBe('corrupt');
  expect((e as WorkbookReadError).detail).toMatch(/more than DEFLATE can give/);
});

test('text in CDATA inside a formula string result reads as its text', async () => {
  const bytes = book(`<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="str"><f>"a"&amp;"b"</f><v><![CDATA[a<b]]></v></c></row></sheetData></worksheet>`);
  const [grid] = (await readWorkbookBytes(bytes, 'cdata.xlsx')).grids();
  expect(grid.rows[0]?.[0]).toEqual({ value: 'a<b', type: 'text', formula: '"a"&"b"' });
  expect(await codeOf(bytes)).toBe('read');
});
