import { zipSync } from 'fflate';
import { OpcPackage, PackageError, relType, relsPartOf, resolveTarget, sourceOfRels } from '../../../src/workbook/ooxml/package';
import { utf8Bytes } from '../../../src/workbook/ooxml/zip';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { WorkbookReadError } from '../../../src/workbook/WorkbookPort';

/*
 * The Open Packaging Conventions layer: relationship targets resolved as OPC says (relative
 * to the part that holds them, or absolute from the root), percent-encoded names, content
 * types from Override before Default (never from a part's name alone), and the relationship
 * types of strict OOXML (purl.oclc.org), which end the same way as the transitional ones.
 */

const T_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const S_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const CT_WORKBOOK = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_RELS = 'application/vnd.openxmlformats-package.relationships+xml';

function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, body] of Object.entries(files)) out[name] = typeof body === 'string' ? utf8Bytes(body) : body;
  return zipSync(out);
}

function rels(list: { id: string; type: string; target: string; external?: boolean }[], relNs = T_REL): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    list
      .map((r) => `<Relationship Id="${r.id}" Type="${relNs}/${r.type}" Target="${r.target}"${r.external ? ' TargetMode="External"' : ''}/>`)
      .join('') +
    '</Relationships>'
  );
}

function types(defaults: Record<string, string>, overrides: Record<string, string>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    Object.entries(defaults)
      .map(([ext, ct]) => `<Default Extension="${ext}" ContentType="${ct}"/>`)
      .join('') +
    Object.entries(overrides)
      .map(([part, ct]) => `<Override PartName="${part}" ContentType="${ct}"/>`)
      .join('') +
    '</Types>'
  );
}

const SHEET_XML = (ns = MAIN) => `<worksheet xmlns="${ns}"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`;
const WORKBOOK_XML = (ns = MAIN, relNs = T_REL) =>
  `<workbook xmlns="${ns}" xmlns:r="${relNs}"><sheets><sheet name="表" sheetId="1" r:id="rId1"/></sheets></workbook>`;

describe('resolveTarget (OPC part names from relationship targets)', () => {
  test.each([
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../drawings/drawing1.xml', 'xl/drawings/drawing1.xml'],
    ['xl/drawings/drawing1.xml', '../charts/chart1.xml', 'xl/charts/chart1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '/xl/comments/comment1.xml', 'xl/comments/comment1.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['', '/xl/workbook.xml', 'xl/workbook.xml'],
    ['/xl/workbook.xml', './worksheets/./sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'worksheets\\sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet%201.xml', 'xl/worksheets/sheet 1.xml'],
    ['xl/workbook.xml', 'worksheets/%E8%A1%A81.xml', 'xl/worksheets/表1.xml'],
    ['xl/workbook.xml', 'worksheets/100%25.xml', 'xl/worksheets/100%.xml'],
    ['xl/workbook.xml', 'worksheets/bad%ZZ.xml', 'xl/worksheets/bad%ZZ.xml'],
    ['xl/workbook.xml', 'worksheets/sheet1.xml#frag', 'xl/worksheets/sheet1.xml'],
    ['xl/worksheets/sheet1.xml', '../../../../escape.xml', 'escape.xml'],
    ['xl/workbook.xml', ' worksheets/sheet1.xml ', 'xl/worksheets/sheet1.xml'],
  ])('from %s, %s → %s', (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  test('relationships parts and their sources', () => {
    expect(relsPartOf('')).toBe('_rels/.rels');
    expect(relsPartOf('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPartOf('/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/_rels/sheet1.xml.rels');
    expect(relsPartOf('book.xml')).toBe('_rels/book.xml.rels');
    expect(sourceOfRels('xl/_rels/workbook.xml.rels')).toBe('xl/workbook.xml');
    expect(sourceOfRels('/xl/worksheets/_rels/sheet1.xml.rels')).toBe('xl/worksheets/sheet1.xml');
    expect(sourceOfRels('_rels/.rels')).toBe('');
    expect(sourceOfRels('xl/workbook.xml')).toBe('');
  });

  test('relationship types: transitional and strict end the same', () => {
    expect(relType(`${T_REL}/worksheet`)).toBe('worksheet');
    expect(relType(`${S_REL}/worksheet`)).toBe('worksheet');
    expect(relType('http://schemas.microsoft.com/office/2006/relationships/xlIntlMacrosheet')).toBe('xlIntlMacrosheet');
  });
});

describe('OpcPackage', () => {
  const files = {
    '[Content_Types].xml': types(
      { rels: CT_RELS, XML: 'application/xml', png: 'image/png' },
      { '/xl/workbook.xml': CT_WORKBOOK, '/XL/Worksheets/Sheet1.xml': CT_SHEET, '/xl/odd/sheet.png': CT_SHEET },
    ),
    '_rels/.rels': rels([
      { id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' },
      { id: 'rId2', type: 'extended-properties', target: '/docProps/app.xml' },
    ]),
    'xl/workbook.xml': WORKBOOK_XML(),
    'xl/_rels/workbook.xml.rels': rels([
      { id: 'rId9', type: 'hyperlink', target: 'http://example.com/a%20b', external: true },
      { id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' },
      { id: 'rId2', type: 'worksheet', target: '/xl/worksheets/sheet2.xml' },
      { id: 'rId3', type: 'styles', target: 'styles.xml' },
    ]),
    'xl/worksheets/sheet1.xml': SHEET_XML(),
    'xl/worksheets/_rels/sheet1.xml.rels': rels([
      { id: 'rId1', type: 'drawing', target: '../drawings/drawing1.xml' },
      { id: 'rId2', type: 'comments', target: '/xl/comments/comment1.xml' },
    ]),
    'xl/media/image.png': new Uint8Array([0x89, 0x50]),
    'xl/odd/sheet.png': SHEET_XML(),
    'xl/noext': 'x',
    'xl/media/': new Uint8Array(0),
  };
  const pkg = new OpcPackage(zip(files));

  test('relationships resolve relative to their source part, or from the root with a leading slash', () => {
    expect(pkg.relationships('').map((r) => [r.id, relType(r.type), r.part])).toEqual([
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
      ['rId2', 'extended-properties', 'docProps/app.xml'],
    ]);
    expect(pkg.relationships('xl/workbook.xml').map((r) => [r.id, r.part, r.external])).toEqual([
      ['rId9', null, true],
      ['rId1', 'xl/worksheets/sheet1.xml', false],
      ['rId2', 'xl/worksheets/sheet2.xml', false],
      ['rId3', 'xl/styles.xml', false],
    ]);
    expect(pkg.relationships('xl/workbook.xml')[0].target).toBe('http://example.com/a%20b');
    expect(pkg.relationships('xl/worksheets/sheet1.xml').map((r) => r.part)).toEqual(['xl/drawings/drawing1.xml', 'xl/comments/comment1.xml']);
    // a part without a relationships part has none
    expect(pkg.relationships('xl/worksheets/sheet2.xml')).toEqual([]);
  });

  test('related(): the first internal relationship of a type (an external one of the same type is passed over)', () => {
    expect(pkg.related('', 'officeDocument')?.part).toBe('xl/workbook.xml');
    expect(pkg.related('xl/workbook.xml', 'worksheet')?.id).toBe('rId1');
    expect(pkg.related('xl/workbook.xml', 'hyperlink')).toBeUndefined();
    expect(pkg.related('xl/workbook.xml', 'sharedStrings')).toBeUndefined();
    // the leading slash and case of the source part do not matter
    expect(pkg.related('/XL/Workbook.xml', 'styles')?.part).toBe('xl/styles.xml');
  });

  test('content types: an Override wins, else the Default of the extension (without case), else none', () => {
    expect(pkg.contentType('xl/workbook.xml')).toBe(CT_WORKBOOK);
    expect(pkg.contentType('/xl/worksheets/sheet1.xml')).toBe(CT_SHEET);
    expect(pkg.contentType('xl/odd/sheet.png')).toBe(CT_SHEET);
    expect(pkg.contentType('xl/media/image.png')).toBe('image/png');
    expect(pkg.contentType('xl/worksheets/_rels/sheet1.xml.rels')).toBe(CT_RELS);
    expect(pkg.contentType('xl/noext')).toBeNull();
    expect(pkg.contentType('xl/media.d/noext')).toBeNull();
  });

  test('never by file name alone: a part named like a worksheet without an Override has its extension\'s Default', () => {
    expect(pkg.contentType('xl/worksheets/sheet2.xml')).toBe('application/xml');
    expect(pkg.contentType('xl/styles.xml')).toBe('application/xml');
  });

  test('part names as stored, folders left out; lookups without case', () => {
    expect(pkg.partNames).not.toContain('xl/media/');
    expect(pkg.partNames).toContain('xl/media/image.png');
    expect(pkg.has('XL/WORKBOOK.XML')).toBe(true);
    expect(pkg.text('/xl/noext')).toBe('x');
    expect(pkg.hasContentTypes).toBe(true);
  });

  test('PackageError: a missing part, a damaged [Content_Types].xml, no zip at all', () => {
    const code = (f: () => unknown): string => {
      try {
        f();
        return 'none';
      } catch (e) {
        expect(e).toBeInstanceOf(PackageError);
        return (e as PackageError).code;
      }
    };
    expect(code(() => pkg.bytes('xl/nothing.xml'))).toBe('corrupt');
    expect(code(() => pkg.xml('xl/noext'))).toBe('corrupt');
    expect(code(() => new OpcPackage(zip({ '[Content_Types].xml': '<Types><Default Extension="xml"' })))).toBe('corrupt');
    expect(code(() => new OpcPackage(utf8Bytes('not a zip at all, just some text')))).toBe('not-zip');
    expect(code(() => new OpcPackage(zip({ a: 'aaaa', b: 'bbbb' }), { maxUnpackedBytes: 7 }))).toBe('too-large');
  });
});

describe('OOXML packages read whole (readWorkbookBytes)', () => {
  async function codeOf(bytes: Uint8Array): Promise<string> {
    try {
      (await readWorkbookBytes(bytes, 'book.xlsx')).grids();
      return 'ok';
    } catch (e) {
      expect(e).toBeInstanceOf(WorkbookReadError);
      return (e as WorkbookReadError).code;
    }
  }

  test('strict OOXML: purl.oclc.org relationship types and namespaces', async () => {
    const bytes = zip({
      '[Content_Types].xml': types({ rels: CT_RELS, xml: 'application/xml' }, { '/xl/workbook.xml': CT_WORKBOOK, '/xl/worksheets/sheet1.xml': CT_SHEET }),
      '_rels/.rels': rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }], S_REL),
      'xl/workbook.xml': WORKBOOK_XML(STRICT_MAIN, S_REL),
      'xl/_rels/workbook.xml.rels': rels([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }], S_REL),
      'xl/worksheets/sheet1.xml': SHEET_XML(STRICT_MAIN),
    });
    const pkg = new OpcPackage(bytes);
    expect(pkg.related('', 'officeDocument')?.part).toBe('xl/workbook.xml');
    expect(pkg.related('xl/workbook.xml', 'worksheet')?.part).toBe('xl/worksheets/sheet1.xml');
    const book = await readWorkbookBytes(bytes, 'strict.xlsx');
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([['表', 'visible', 'worksheet']]);
    expect(book.grids()[0].rows[0]?.[0]).toEqual({ value: 42, type: 'number' });
  });

  test('the workbook part is found by relationship and content type, whatever it is named', async () => {
    const bytes = zip({
      '[Content_Types].xml': types({ rels: CT_RELS, dat: CT_SHEET }, { '/Main/Book.Data': CT_WORKBOOK }),
      '_rels/.rels': rels([{ id: 'rId1', type: 'officeDocument', target: '/Main/Book.Data' }]),
      'Main/Book.Data': WORKBOOK_XML(),
      'Main/_rels/Book.Data.rels': rels([{ id: 'rId1', type: 'worksheet', target: '../Sheets/%E7%AC%AC%E4%B8%80.dat' }]),
      'Sheets/第一.dat': SHEET_XML(),
    });
    const book = await readWorkbookBytes(bytes, 'renamed.xlsx');
    expect(book.sheets.map((s) => s.name)).toEqual(['表']);
    expect(book.grids()[0].rows[0]?.[0]).toEqual({ value: 42, type: 'number' });
  });

  const base = (ct: Record<string, string>, defaults: Record<string, string> = { rels: CT_RELS, xml: 'application/xml' }) =>
    zip({
      '[Content_Types].xml': types(defaults, ct),
      '_rels/.rels': rels([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }]),
      'xl/workbook.xml': WORKBOOK_XML(),
      'xl/_rels/workbook.xml.rels': rels([{ id: 'rId1', type: 'worksheet', target: 'worksheets/sheet1.xml' }]),
      'xl/worksheets/sheet1.xml': SHEET_XML(),
    });

  test('a part named xl/workbook.xml is no workbook when its content type says otherwise', async () => {
    expect(await codeOf(base({ '/xl/workbook.xml': CT_WORKBOOK }))).toBe('ok');
    expect(await codeOf(base({ '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' }))).toBe('unsupported');
    expect(await codeOf(base({ '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml' }))).toBe('unsupported');
    // only the Default for .xml: the name alone does not make it a workbook
    expect(await codeOf(base({}))).toBe('corrupt');
    // a Default that gives the workbook type to every .xml part is a content type all the same
    expect(await codeOf(base({}, { rels: CT_RELS, xml: CT_WORKBOOK }))).toBe('ok');
  });

  test('the macro-enabled and template workbook types are workbooks', async () => {
    for (const ct of [
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
      'application/vnd.ms-excel.template.macroEnabled.main+xml',
    ]) {
      expect(await codeOf(base({ '/xl/workbook.xml': ct }))).toBe('ok');
    }
  });
});
