/**
 * In the browser, parts inflate through the platform's DecompressionStream (asynchronous,
 * native); in the command line through zlib; elsewhere through fflate. Node 20 has
 * DecompressionStream too, so the asynchronous path runs here: it must give the same grids,
 * and refuse the same damaged and lying packages.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { nodeInflateRaw } from '../../../src/workbook/read/file';
import { platformInflateStream } from '../../../src/workbook/ooxml/zip';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';
import { REAL_DIR } from '../../support/realFixtures';

const SAMPLE = path.resolve(__dirname, '../../../assets/sample/county-indicators-2025-03.xlsx');
const files = [SAMPLE, ...(fs.existsSync(REAL_DIR) ? fs.readdirSync(REAL_DIR).filter((f) => f.endsWith('.xlsx')).map((f) => path.join(REAL_DIR, f)) : [])];

test('the platform has an asynchronous raw inflater here (Node 20, as browsers)', () => {
  expect(platformInflateStream()).toBeDefined();
});

test.each(files.map((f) => [path.basename(f), f]))('%s: the same grids through DecompressionStream, zlib and fflate', async (_name, file) => {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const viaStream = await (await readWorkbookBytes(bytes, 'a.xlsx')).readGrids();
  const viaZlib = (await readWorkbookBytes(bytes, 'b.xlsx', { inflateRaw: nodeInflateRaw })).grids();
  const viaFflate = (await readWorkbookBytes(bytes, 'c.xlsx', { inflateRawStream: null })).grids();
  expect(viaStream).toEqual(viaFflate);
  expect(viaZlib).toEqual(viaFflate);
});

/** A one-sheet package whose sheet part is replaced by `sheet` (raw deflate) with the declared size `size`. */
function withSheet(sheetXml: string, edit: (view: DataView, at: number) => void): Uint8Array {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const bytes = zipSync({
    '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
    '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="s"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strToU8(sheetXml),
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 0; p + 46 < bytes.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const name = Buffer.from(bytes.subarray(p + 46, p + 46 + view.getUint16(p + 28, true))).toString();
    if (name === 'xl/worksheets/sheet1.xml') edit(view, p);
  }
  return bytes;
}

async function failure(bytes: Uint8Array): Promise<WorkbookReadError> {
  const e = await readWorkbookBytes(bytes, 'x.xlsx')
    .then((b) => b.readGrids())
    .then(
      () => null,
      (err: unknown) => err,
    );
  expect(e).toBeInstanceOf(WorkbookReadError);
  return e as WorkbookReadError;
}

const SHEET = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${'<row><c><v>1</v></c></row>'.repeat(2000)}</sheetData></worksheet>`;

test('a part that inflates past its declared size: the stream is stopped there, damaged', async () => {
  const declared = 1000;
  const e = await failure(withSheet(SHEET, (v, p) => v.setUint32(p + 24, declared, true)));
  expect(e.code).toBe('corrupt');
  expect(e.detail).toMatch(/more than its declared 1000 bytes/);
});

test('a part whose CRC does not match, and one whose DEFLATE data is cut: damaged, with the cause', async () => {
  expect((await failure(withSheet(SHEET, (v, p) => v.setUint32(p + 16, v.getUint32(p + 16, true) ^ 1, true)))).detail).toMatch(/CRC/);
  expect(deflateRawSync(Buffer.from(SHEET)).length).toBeGreaterThan(10);
  const cut = await failure(withSheet(SHEET, (v, p) => v.setUint32(p + 20, 10, true)));
  expect(cut.code).toBe('corrupt');
});

test('a sheet that cannot be read stops the inflating and gives its own cause', async () => {
  const bad = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row>${'<row><c><v>1</v></c></row>'.repeat(2000)}</sheetData></worksheet>`;
  const e = await failure(withSheet(bad, () => undefined));
  expect(e.detail).toMatch(/shared string 7/);
});
