import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { run } from '../../src/cli/main';
import { crc32 } from '../../src/workbook/ooxml/crc32';
import { ZipArchive, utf8Bytes, writeZip } from '../../src/workbook/ooxml/zip';
import type { ZipEntry } from '../../src/workbook/ooxml/zip';

/*
 * Files the new reader cannot read, through the command line: a truncated .xlsx, zip bombs
 * (a sheet that inflates past its declared size; sizes declared past any limit), a package
 * without a workbook part, a workbook whose sheet part is missing. Every command exits with
 * status 2 and exactly one line on stderr that names the file and, for a damaged file, gives
 * the cause; `check` never reports such a file as a clean workbook of 0 sheets.
 */

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

let dir: string;
let good: string;
const files: Record<string, string> = {};

function write(name: string, bytes: Uint8Array): Promise<void> {
  files[name] = path.join(dir, name);
  return fs.writeFile(files[name], bytes);
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-read-errors-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('县域GDP');
  ws.getCell('A1').value = '地区生产总值';
  ws.addRow([]);
  ws.addRow(['地区', '绝对额(万元)', '增速(%)']);
  ws.addRow(['全市', 1000, 6.3]);
  ws.addRow(['城东区', 600, 9.7]);
  ws.addRow(['城西区', 400, 1.2]);
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  good = path.join(dir, 'good.xlsx');
  await fs.writeFile(good, bytes);
  const zip = new ZipArchive(bytes);
  const copies = (skip: (e: ZipEntry) => boolean) => zip.entries.filter((e) => !skip(e)).map((e) => ({ name: e.name, copy: e, from: zip }));

  // cut in the middle: no end of central directory
  await write('truncated.xlsx', bytes.subarray(0, bytes.length >> 1));

  // the sheet part replaced by 20 MB of rows that declare 1 KB
  const rows = Buffer.alloc(20 * 1024 * 1024, '<row><c><v>1</v></c></row>');
  const kernel = new Uint8Array(zlib.deflateRawSync(rows, { level: 9 }));
  const sheetEntry = zip.entry('xl/worksheets/sheet1.xml') as ZipEntry;
  const bomb = { ...sheetEntry, method: 8, flags: 0, crc: crc32(rows), compressedSize: kernel.length, size: 1024 };
  await write('bomb.xlsx', writeZip([...copies((e) => e === sheetEntry), { name: sheetEntry.name, copy: bomb, from: { raw: () => kernel } as unknown as ZipArchive }]));

  // five media parts declaring just under 4 GiB each: past the limit before anything is inflated
  const huge = [1, 2, 3, 4, 5].map((i) => ({
    name: `xl/media/image${i}.png`,
    copy: { ...sheetEntry, method: 8, flags: 0, crc: 0, compressedSize: 2, size: 0xfff00000 },
    from: { raw: () => new Uint8Array([3, 0]) } as unknown as ZipArchive,
  }));
  await write('declared-huge.xlsx', writeZip([...copies(() => false), ...huge]));

  // a package without a workbook part: content types and root relationships, nothing they name
  await write(
    'no-workbook.xlsx',
    zipSync({
      '[Content_Types].xml': utf8Bytes(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
      '_rels/.rels': utf8Bytes(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'docProps/core.xml': utf8Bytes('<cp:coreProperties xmlns:cp="x"/>'),
    }),
  );

  // a zip of other things altogether
  await write('not-a-workbook.xlsx', zipSync({ 'readme.txt': utf8Bytes('hello'), 'data/1.csv': utf8Bytes('a,b\n1,2\n') }));

  // the workbook lists a sheet whose part is not in the package
  await write('sheet-missing.xlsx', writeZip(copies((e) => e.name === 'xl/worksheets/sheet1.xml')));

  // the sheet part is there but damaged (its bytes do not inflate)
  const damaged = new Uint8Array(bytes);
  const start = sheetEntry.offset + 30 + sheetEntry.name.length;
  damaged.fill(0xff, start, start + 16);
  await write('sheet-damaged.xlsx', damaged);

  // a workbook whose only sheet is a chartsheet
  await write(
    'no-sheets.xlsx',
    zipSync({
      '[Content_Types].xml': utf8Bytes(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`),
      '_rels/.rels': utf8Bytes(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': utf8Bytes(`<workbook xmlns="${NS}" xmlns:r="${R}"><sheets><sheet name="图表1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': utf8Bytes(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`),
      'xl/chartsheets/sheet1.xml': utf8Bytes(`<chartsheet xmlns="${NS}"/>`),
    }),
  );
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** What the one line must say, per file: the message's kind and, for a damaged file, a cause matching. */
const CASES: { file: string; zh: string; en: string; cause: RegExp | null }[] = [
  { file: 'truncated.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /end of central directory|truncated/ },
  { file: 'bomb.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /xl\/worksheets\/sheet1\.xml.*declared 1024 bytes/ },
  { file: 'declared-huge.xlsx', zh: '文件太大，无法读取', en: 'The file is too large to read', cause: null },
  { file: 'no-workbook.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /workbook part xl\/workbook\.xml is missing/ },
  { file: 'not-a-workbook.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /no workbook part/ },
  { file: 'sheet-missing.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /sheet "县域GDP" is missing \(xl\/worksheets\/sheet1\.xml\)/ },
  { file: 'sheet-damaged.xlsx', zh: '无法读取文件（已损坏或不是 Excel 工作簿）', en: 'Cannot read the file (damaged, or not an Excel workbook)', cause: /xl\/worksheets\/sheet1\.xml/ },
  { file: 'no-sheets.xlsx', zh: '文件中没有能读取的工作表', en: 'The file holds no worksheet that can be read', cause: /no worksheet/ },
];

function expectOneLine(r: { code: number; out: string; err: string }, file: string, lang: 'zh-CN' | 'en-US', c: (typeof CASES)[number]): void {
  expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
  const lines = r.err.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  const line = lines[0];
  expect(line).toContain(file);
  expect(line).toContain(lang === 'zh-CN' ? c.zh : c.en);
  if (c.cause) {
    const cause = lang === 'zh-CN' ? /（原因：(.+)）$/.exec(line) : / \(cause: (.+)\)$/.exec(line);
    expect(cause).not.toBeNull();
    expect((cause as RegExpExecArray)[1]).toMatch(c.cause);
  }
}

describe.each(['zh-CN', 'en-US'] as const)('unreadable files (%s)', (lang) => {
  test.each(CASES.map((c) => [c.file, c]))('%s: every command exits 2 with one line naming the file and the cause', async (_name, c) => {
    const file = files[c.file];
    for (const args of [['inspect', file], ['inspect', file, '--json'], ['summarize', file], ['summarize', file, '--json'], ['check', file], ['check', file, '--json']]) {
      const r = await cli([...args, '--lang', lang]);
      expectOneLine(r, file, lang, c);
    }
  });
});

test('summarize -o writes nothing for an unreadable file', async () => {
  for (const c of CASES) {
    const output = path.join(dir, `out-${c.file}`);
    const r = await cli(['summarize', files[c.file], '-o', output, '--lang', 'en-US']);
    expectOneLine(r, files[c.file], 'en-US', c);
    await expect(fs.stat(output)).rejects.toThrow();
  }
});

test('check never says a damaged file is clean, nor counts 0 sheets', async () => {
  for (const c of CASES) {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const r = await cli(['check', files[c.file], '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.out + r.err).not.toMatch(/未发现问题|No findings|0 sheets|0 个工作表/);
    }
  }
});

test('a damaged --previous file is named, not the current one', async () => {
  const r = await cli(['check', good, '--previous', files['truncated.xlsx'], '--lang', 'en-US']);
  expectOneLine(r, files['truncated.xlsx'], 'en-US', CASES[0]);
  expect(r.err).not.toContain(good);
});

test('the undamaged workbook the others were made from reads', async () => {
  const r = await cli(['inspect', good, '--json']);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.out).sheets).toHaveLength(1);
});
