/**
 * Issue 16's proof for `summarize IN -o OUT`: the copy is the input package plus our parts.
 * Every input part is byte-identical (raw compressed bytes, too) except the workbook-level
 * parts that list sheets and styles; the parts we create or change validate against the
 * ECMA-376 schemas; a re-run gives the same package; LibreOffice still finds the charts.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../../src/cli/main';
import { REGISTRY_SHEET } from '../../../src/core/summary';
import { ZipArchive, utf8Bytes, utf8Text, writeZip } from '../../../src/workbook/ooxml/zip';
import { realFixture } from '../../support/realFixtures';
import { schemaAvailable, validateParts } from '../../support/schema';
import { convert, describeWithSoffice, disposeSoffice } from '../../support/soffice';

const SAMPLE = path.resolve(__dirname, '../../../assets/sample/county-indicators-2025-03.xlsx');
/** the parts adding sheets may change */
const WORKBOOK_LEVEL = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'];

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-lossless-'));
});
afterAll(async () => {
  await disposeSoffice();
  await fs.rm(dir, { recursive: true, force: true });
});

async function summarizeTo(input: string, name: string, extra: string[] = []): Promise<{ out: string; text: string }> {
  const out = path.join(dir, name);
  const r = await cli(['summarize', input, '-o', out, '--force', ...extra]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return { out, text: r.out };
}

function archive(bytes: Uint8Array): ZipArchive {
  return new ZipArchive(bytes);
}

/** Every part of `input` is in `output`; those outside `allowed` with the same raw bytes. Returns the changed parts. */
function expectKept(input: ZipArchive, output: ZipArchive, allowed: readonly string[] = WORKBOOK_LEVEL): string[] {
  const changed: string[] = [];
  for (const e of input.entries) {
    const o = output.entry(e.name);
    expect({ part: e.name, present: !!o }).toEqual({ part: e.name, present: true });
    if (!o) continue;
    const same = Buffer.from(input.raw(e)).equals(Buffer.from(output.raw(o))) && e.crc === o.crc;
    if (!same) changed.push(e.name);
  }
  expect(changed.filter((n) => !allowed.includes(n))).toEqual([]);
  return changed;
}

/** The parts of `output` that are new or changed against `input`. */
function newOrChanged(input: ZipArchive, output: ZipArchive): { name: string; xml: string }[] {
  return output.entries
    .filter((e) => {
      const i = input.entry(e.name);
      return !i || !Buffer.from(input.raw(i)).equals(Buffer.from(output.raw(e)));
    })
    .filter((e) => !/\.(bin|png|jpe?g|emf)$/i.test(e.name))
    .map((e) => ({ name: e.name, xml: output.text(e) }));
}

function partsOf(a: ZipArchive): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of a.entries) out[e.name] = Buffer.from(a.read(e)).toString('base64');
  return out;
}

/** Counts and indices the writer may set; everything else of an edited part must still be there, in order. */
function normalised(xml: string): string {
  return xml
    .replace(/\s(count|activeTab|firstSheet|size|fullCalcOnLoad)="[^"]*"/g, '')
    .replace(/<vt:i4>\d+<\/vt:i4>/g, '<vt:i4/>');
}

/** Whether `a` can be had from `b` by deleting characters (b only adds to a). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b.charCodeAt(i) === a.charCodeAt(j)) j++;
  return j === a.length;
}

/** The workbook-level parts were edited by adding elements (and setting counts), nothing of theirs rewritten. */
function expectOnlyAdded(input: ZipArchive, output: ZipArchive): void {
  for (const part of WORKBOOK_LEVEL) {
    const i = input.entry(part);
    const o = output.entry(part);
    if (!i || !o) continue;
    expect({ part, onlyAdded: isSubsequence(normalised(input.text(i)), normalised(output.text(o))) }).toEqual({ part, onlyAdded: true });
  }
}

const schemaHere = schemaAvailable();
const withSchema = schemaHere ? test : test.skip;
if (!schemaHere) console.warn('xmllint or ../shared/ooxml-schema missing: the schema checks are skipped');

describe('the sample', () => {
  test('every input part is kept byte for byte; only the workbook-level parts change', async () => {
    const { out } = await summarizeTo(SAMPLE, 'sample.xlsx');
    const input = archive(await fs.readFile(SAMPLE));
    const output = archive(await fs.readFile(out));
    const changed = expectKept(input, output);
    expect(changed.sort()).toEqual(WORKBOOK_LEVEL.filter((p) => input.has(p)).sort());
    expectOnlyAdded(input, output);
    // the extension namespaces of the workbook part are still declared and ignorable
    expect(output.text(output.entry('xl/workbook.xml')!)).toContain('mc:Ignorable="x15"');
    // ours: 6 sheets (2 summary, 位次表, 分析要点, 审核结果 + the registry), notes with their VML
    const added = output.entries.map((e) => e.name).filter((n) => !input.has(n));
    expect(added.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))).toHaveLength(6);
    expect(added.some((n) => /^xl\/comments\d+\.xml$/.test(n))).toBe(true);
    expect(added.some((n) => /\.vml$/.test(n))).toBe(true);
    // the user's sheets first, ours after them, the registry very hidden
    const book = output.text(output.entry('xl/workbook.xml')!);
    const names = [...book.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => m[1]);
    expect(names.slice(-6)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果', REGISTRY_SHEET]);
    expect(book).toMatch(new RegExp(`name="${REGISTRY_SHEET}"[^>]*state="veryHidden"`));
    // the first summary sheet is the active one
    expect(book).toContain(`activeTab="${names.length - 6}"`);
  });

  withSchema('the parts written or changed validate (values and formulas modes)', async () => {
    const input = archive(await fs.readFile(SAMPLE));
    for (const mode of ['values', 'formulas']) {
      const { out } = await summarizeTo(SAMPLE, `sample-${mode}.xlsx`, mode === 'formulas' ? ['--formulas'] : []);
      const parts = newOrChanged(input, archive(await fs.readFile(out)));
      expect(parts.length).toBeGreaterThan(8);
      // 分析要点 is among the parts validated: its title, merged rows of wrapped text, custom heights, portrait page
      const text = parts.find((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name) && p.xml.includes('主要指标分析要点'));
      expect(text?.xml).toMatch(/<mergeCell ref="A4:H4"\/>/);
      expect(text?.xml).toMatch(/<row r="4" ht="\d+(\.\d+)?" customHeight="1"/);
      expect(text?.xml).toContain('orientation="portrait"');
      expect(validateParts(parts)).toBe('');
      const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.name)).map((p) => p.xml).join('');
      if (mode === 'formulas') {
        // formulas carry the engine's value as their cached result; the workbook recalculates on load
        const withValue = sheets.match(/<f>[^<]*<\/f><v>[^<]+<\/v>/g) ?? [];
        expect(withValue.length).toBeGreaterThan(100);
        expect(parts.find((p) => p.name === 'xl/workbook.xml')?.xml).toContain('fullCalcOnLoad="1"');
      } else expect(sheets).not.toContain('<f>');
    }
  });

  test('running twice gives the package running once gives', async () => {
    const once = await summarizeTo(SAMPLE, 'once.xlsx');
    const twice = await summarizeTo(once.out, 'twice.xlsx');
    expect(twice.text).toContain('替换了上次生成的工作表');
    expect(partsOf(archive(await fs.readFile(twice.out)))).toEqual(partsOf(archive(await fs.readFile(once.out))));
  });
});

describe('the real 邵阳 monthly report (three charts)', () => {
  const file = realFixture('shaoyang-monthly-2025-03.xlsx');
  if (!file) {
    if (process.env.CI) throw new Error('the real fixtures are required under CI');
    test.skip('shaoyang-monthly-2025-03.xlsx absent', () => undefined);
    return;
  }
  test('every part kept, the charts with them; a re-run is the same package', async () => {
    const { out } = await summarizeTo(file, 'shaoyang.xlsx');
    const input = archive(await fs.readFile(file));
    const output = archive(await fs.readFile(out));
    // the sheet that was selected loses tabSelected (Excel would open with two sheets grouped); nothing else of it changes
    const changed = expectKept(input, output, [...WORKBOOK_LEVEL, ...input.entries.map((e) => e.name).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))]);
    const sheetsChanged = changed.filter((n) => n.startsWith('xl/worksheets/'));
    expect(sheetsChanged.length).toBeLessThanOrEqual(1);
    for (const n of sheetsChanged) {
      const before = input.text(input.entry(n)!);
      const after = output.text(output.entry(n)!);
      expect(before.replace(/\s+tabSelected="1"/, '')).toBe(after);
    }
    for (const chart of ['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml', 'docProps/custom.xml']) expect(output.has(chart)).toBe(true);
    expectOnlyAdded(input, output);
    const again = await summarizeTo(out, 'shaoyang-2.xlsx');
    expect(partsOf(archive(await fs.readFile(again.out)))).toEqual(partsOf(output));
  });

  withSchema('the parts written or changed validate', async () => {
    const input = archive(await fs.readFile(file));
    const { out } = await summarizeTo(file, 'shaoyang-schema.xlsx', ['--formulas']);
    const parts = newOrChanged(input, archive(await fs.readFile(out)));
    expect(parts.some((p) => p.xml.includes('主要指标分析要点'))).toBe(true);
    expect(validateParts(parts)).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
// A workbook with what statisticians' workbooks carry, made by openpyxl from the sample

function python(): string | null {
  for (const exe of [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter((x): x is string => !!x)) {
    try {
      execFileSync(exe, ['-c', 'import openpyxl, PIL'], { stdio: 'ignore', timeout: 30_000 });
      return exe;
    } catch {
      // not this one
    }
  }
  return null;
}

const FEATURES_SCRIPT = `
import sys, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.drawing.image import Image
from PIL import Image as PILImage
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['固定资产投资']
ws['A1'].comment = Comment('请核对本月数据', '统计员')
dv = DataValidation(type='list', formula1='"是,否"', allow_blank=True)
ws.add_data_validation(dv)
dv.add('Z2:Z20')
ws.conditional_formatting.add('C5:C20', CellIsRule(operator='lessThan', formula=['0'], fill=PatternFill('solid', fgColor='FFC7CE')))
ws.protection.sheet = True
ws.protection.password = 'tj2025'
ws.auto_filter.ref = 'A4:D16'
extra = wb.create_sheet('附表')
extra.append(['项目', '数值'])
for i in range(1, 6):
    extra.append(['项%d' % i, i * 10])
tab = Table(displayName='附表数据', ref='A1:B6')
tab.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
extra.add_table(tab)
chart = BarChart()
chart.add_data(Reference(extra, min_col=2, min_row=1, max_row=6), titles_from_data=True)
extra.add_chart(chart, 'D2')
PILImage.new('RGB', (4, 4), (200, 30, 30)).save(sys.argv[2] + '.png')
extra.add_image(Image(sys.argv[2] + '.png'), 'D20')
hidden = wb.create_sheet('隐藏')
hidden['A1'] = 1
hidden.sheet_state = 'hidden'
vh = wb.create_sheet('很隐藏')
vh['A1'] = 2
vh.sheet_state = 'veryHidden'
wb.defined_names.append(DefinedName('税率', attr_text='0.13'))
wb.defined_names.append(DefinedName('本表区域', localSheetId=wb.sheetnames.index('附表'), attr_text="'附表'!$A$1:$B$6"))
extra.print_area = 'A1:B6'
wb.security = WorkbookProtection(workbookPassword='jg', lockStructure=True)
wb.save(sys.argv[2])
`;

/** custom document properties, threaded-comment parts and (for .xlsm) a VBA project, added to a package */
function withParts(bytes: Uint8Array, macro: boolean): Uint8Array {
  const a = archive(bytes);
  const inputs: Parameters<typeof writeZip>[0][number][] = [];
  for (const e of a.entries) {
    if (e.name === '[Content_Types].xml') {
      let ct = a.text(e);
      ct = ct.replace(
        '</Types>',
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
          '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/>' +
          (macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : '') +
          '</Types>',
      );
      if (macro) ct = ct.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml');
      inputs.push({ name: e.name, data: utf8Bytes(ct) });
    } else if (e.name === '_rels/.rels') {
      inputs.push({
        name: e.name,
        data: utf8Bytes(a.text(e).replace('</Relationships>', '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>')),
      });
    } else if (macro && e.name === 'xl/_rels/workbook.xml.rels') {
      inputs.push({
        name: e.name,
        data: utf8Bytes(a.text(e).replace('</Relationships>', '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')),
      });
    } else inputs.push({ name: e.name, copy: e, from: a });
  }
  inputs.push({
    name: 'docProps/custom.xml',
    data: utf8Bytes(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="填报单位"><vt:lpwstr>某县统计局</vt:lpwstr></property>' +
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>',
    ),
  });
  inputs.push({
    name: 'xl/threadedComments/threadedComment1.xml',
    data: utf8Bytes('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"/>'),
  });
  if (macro) inputs.push({ name: 'xl/vbaProject.bin', data: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]) });
  return writeZip(inputs);
}

const py = python();
if (!py && process.env.CI) throw new Error('Python with openpyxl and PIL is required under CI');
const describePy = py ? describe : describe.skip;

describePy('a workbook with charts, a picture, notes, validation, names, protection, a table, hidden sheets (openpyxl)', () => {
  let features: string;
  let macro: string;
  beforeAll(async () => {
    const made = path.join(dir, 'features-openpyxl.xlsx');
    await fs.writeFile(path.join(dir, 'features.py'), FEATURES_SCRIPT, 'utf8');
    execFileSync(py as string, [path.join(dir, 'features.py'), SAMPLE, made], { stdio: 'pipe', timeout: 60_000 });
    features = path.join(dir, 'features.xlsx');
    await fs.writeFile(features, withParts(await fs.readFile(made), false));
    macro = path.join(dir, 'features.xlsm');
    await fs.writeFile(macro, withParts(await fs.readFile(made), true));
  });

  test('every part kept; the workbook-level parts edited only by appending', async () => {
    const { out } = await summarizeTo(features, 'features-out.xlsx');
    const input = archive(await fs.readFile(features));
    const output = archive(await fs.readFile(out));
    const changed = expectKept(input, output);
    expect(changed).toContain('xl/workbook.xml');
    expectOnlyAdded(input, output);
    // nothing of the workbook part is lost: the protection, the names (constant, sheet scope, print area) as they were
    const before = input.text(input.entry('xl/workbook.xml')!);
    const after = output.text(output.entry('xl/workbook.xml')!);
    for (const piece of before.match(/<workbookProtection[^>]*>|<definedName[^>]*>[^<]*<\/definedName>|<sheet [^>]*>/g) ?? []) expect(after).toContain(piece);
    expect(before).toMatch(/workbookProtection/);
    expect(before).toMatch(/localSheetId/);
    // the sheet protection, validation, autofilter and table are in parts we never touched
    const sheetParts = input.entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).map((e) => input.text(e)).join('');
    expect(sheetParts).toMatch(/<sheetProtection[^>]*password=/);
    expect(sheetParts).toMatch(/<dataValidation /);
    expect(sheetParts).toMatch(/<autoFilter /);
    for (const p of ['docProps/custom.xml', 'xl/threadedComments/threadedComment1.xml']) expect(output.has(p)).toBe(true);
    expect(input.entries.some((e) => /^xl\/charts\/chart\d+\.xml$/.test(e.name))).toBe(true);
    expect(input.entries.some((e) => /^xl\/media\//.test(e.name))).toBe(true);
    expect(input.entries.some((e) => /^xl\/tables\//.test(e.name))).toBe(true);
    expect(input.entries.some((e) => /^xl\/comments/.test(e.name))).toBe(true);
  });

  withSchema('the parts written or changed validate', async () => {
    const { out } = await summarizeTo(features, 'features-schema.xlsx', ['--formulas']);
    const parts = newOrChanged(archive(await fs.readFile(features)), archive(await fs.readFile(out)));
    expect(validateParts(parts)).toBe('');
  });

  test('a re-run replaces only our sheets: the same package', async () => {
    const once = await summarizeTo(features, 'features-once.xlsx');
    const twice = await summarizeTo(once.out, 'features-twice.xlsx');
    expect(partsOf(archive(await fs.readFile(twice.out)))).toEqual(partsOf(archive(await fs.readFile(once.out))));
  });

  test('.xlsm in, .xlsm out: the VBA project and the macro-enabled type kept; .xlsx refused for it', async () => {
    const { out } = await summarizeTo(macro, 'features-out.xlsm');
    const input = archive(await fs.readFile(macro));
    const output = archive(await fs.readFile(out));
    expectKept(input, output);
    expect(Buffer.from(output.read(output.entry('xl/vbaProject.bin')!))).toEqual(Buffer.from(input.read(input.entry('xl/vbaProject.bin')!)));
    expect(output.text(output.entry('[Content_Types].xml')!)).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    const refused = await cli(['summarize', macro, '-o', path.join(dir, 'macro-as.xlsx'), '--force']);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('.xlsm');
    expect(existsSync(path.join(dir, 'macro-as.xlsx'))).toBe(false);
  });

  describeWithSoffice('LibreOffice opening the copies')('LibreOffice', () => {
    test('opens the copy and still finds the chart (converted to .ods: a chart object)', async () => {
      const { out } = await summarizeTo(features, 'features-lo.xlsx');
      const ods = await convert(out, 'ods', path.join(dir, 'lo'));
      const a = archive(await fs.readFile(ods));
      const content = utf8Text(a.read(a.entry('content.xml')!));
      expect(content).toContain('主要指标汇总表1');
      expect(a.entries.some((e) => /^Object \d+\/content\.xml$/.test(e.name))).toBe(true);
      expect(content).toMatch(/<draw:object /);
    });
  });
});

/** The sample as .ods with a DataPilot (a pivot table) added: LibreOffice saves it to .xlsx with pivotTable and pivotCache parts. */
async function pivotWorkbook(): Promise<string> {
  const ods = await convert(SAMPLE, 'ods', path.join(dir, 'pivot-src'));
  const a = archive(await fs.readFile(ods));
  const cellS = (t: string): string => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
  const cellN = (v: number): string => `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
  let tables = `<table:table table:name="透视源"><table:table-column table:number-columns-repeated="2"/><table:table-row>${cellS('类别')}${cellS('数值')}</table:table-row>`;
  for (const [k, v] of [['甲', 10], ['乙', 20], ['甲', 5], ['丙', 7]] as const) tables += `<table:table-row>${cellS(k)}${cellN(v)}</table:table-row>`;
  tables += '</table:table><table:table table:name="透视"><table:table-column/><table:table-row><table:table-cell/></table:table-row></table:table>';
  const pilot =
    '<table:data-pilot-tables><table:data-pilot-table table:name="数据透视表1" table:target-range-address="透视.A1:透视.B6" table:buttons="透视.A1">' +
    '<table:source-cell-range table:cell-range-address="透视源.A1:透视源.B5"/>' +
    '<table:data-pilot-field table:source-field-name="类别" table:orientation="row"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>' +
    '<table:data-pilot-field table:source-field-name="数值" table:orientation="data" table:function="sum"/>' +
    '<table:data-pilot-field table:source-field-name="" table:is-data-layout-field="true" table:orientation="row"/>' +
    '</table:data-pilot-table></table:data-pilot-tables>';
  const inputs = a.entries.map((e) => {
    if (e.name !== 'content.xml') return { name: e.name, copy: e, from: a };
    const content = a.text(e).replace(/(<table:named-expressions\/>|<table:named-expressions>[\s\S]*?<\/table:named-expressions>)?<\/office:spreadsheet>/, (all, named: string | undefined) => `${tables}${named ?? ''}${pilot}</office:spreadsheet>`);
    return { name: e.name, data: utf8Bytes(content) };
  });
  const made = path.join(dir, 'pivot-src', 'pivot.ods');
  await fs.writeFile(made, writeZip(inputs));
  return convert(made, 'xlsx', path.join(dir, 'pivot-xlsx'));
}

describeWithSoffice('the pivot-table test')('a pivot table LibreOffice made from an .ods DataPilot', () => {
  test('its pivotTable and pivotCache parts kept byte for byte, the cache still listed; schema-valid; a re-run is the same', async () => {
    const file = await pivotWorkbook();
    const input = archive(await fs.readFile(file));
    const pivotParts = input.entries.map((e) => e.name).filter((n) => /^xl\/pivot(Tables|Cache)\//.test(n));
    expect(pivotParts.length).toBeGreaterThanOrEqual(3);
    const { out } = await summarizeTo(file, 'pivot-out.xlsx');
    const output = archive(await fs.readFile(out));
    expectKept(input, output);
    const before = input.text(input.entry('xl/workbook.xml')!);
    const caches = /<pivotCaches>[\s\S]*?<\/pivotCaches>/.exec(before)?.[0];
    expect(caches).toBeTruthy();
    expect(output.text(output.entry('xl/workbook.xml')!)).toContain(caches as string);
    if (schemaHere) expect(validateParts(newOrChanged(input, output))).toBe('');
    const again = await summarizeTo(out, 'pivot-again.xlsx');
    expect(partsOf(archive(await fs.readFile(again.out)))).toEqual(partsOf(output));
  });
});

describeWithSoffice('LibreOffice opening the 邵阳 copy')('LibreOffice and the 邵阳 copy', () => {
  const file = realFixture('shaoyang-monthly-2025-03.xlsx');
  (file ? test : test.skip)('still shows the three charts', async () => {
    const { out } = await summarizeTo(file as string, 'shaoyang-lo.xlsx');
    const ods = await convert(out, 'ods', path.join(dir, 'lo-shaoyang'));
    const a = archive(await fs.readFile(ods));
    expect(a.entries.filter((e) => /^Object \d+\/content\.xml$/.test(e.name)).length).toBeGreaterThanOrEqual(3);
    expect(utf8Text(a.read(a.entry('content.xml')!))).toContain('主要指标汇总表1');
  });
});
