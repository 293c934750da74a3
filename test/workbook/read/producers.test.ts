import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import type { Cell, Grid } from '../../../src/core/grid';
import { address } from '../../../src/core/grid';
import { OpcPackage } from '../../../src/workbook/ooxml/package';
import { utf8Bytes } from '../../../src/workbook/ooxml/zip';
import type { ReadBook } from '../../../src/workbook/read';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { nodeInflateRaw } from '../../../src/workbook/read/file';
import { readXlsxBuffer } from '../../support/exceljs';
import { convert, disposeSoffice, sofficePath } from '../../support/soffice';

/*
 * Workbooks as different producers write them, read with our reader into exact grids:
 * Excel (written by hand, every construct Excel uses), an openpyxl-like package (by hand:
 * absolute targets, inline strings, no `r` attributes, prefixed elements, a BOM), real
 * openpyxl (Python), LibreOffice (soffice), SheetJS and ExcelJS. Some are also compared with
 * ExcelJS's reading, the reference until now; where ExcelJS cannot read a file at all
 * (openpyxl's charts and comments), the new reader must.
 *
 * Python with openpyxl and LibreOffice are external: without them the blocks are skipped
 * visibly (a warning and a skipped test), but on CI (process.env.CI) they must be there.
 */

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_R = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  chartsheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sst: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  theme: 'application/vnd.openxmlformats-officedocument.theme+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

function zip(files: Record<string, string>): Uint8Array {
  const out: Record<string, Uint8Array> = {};
  for (const [name, body] of Object.entries(files)) out[name] = utf8Bytes(body);
  return zipSync(out);
}

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function relsXml(list: [id: string, type: string, target: string][], typeBase = `${R}/`): string {
  return `${DECL}<Relationships xmlns="${PKG_R}">${list.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type.includes('://') ? type : typeBase + type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function typesXml(overrides: Record<string, string>, defaults: Record<string, string> = { rels: CT.rels, xml: 'application/xml' }): string {
  return `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${Object.entries(defaults)
    .map(([e, c]) => `<Default Extension="${e}" ContentType="${c}"/>`)
    .join('')}${Object.entries(overrides)
    .map(([p, c]) => `<Override PartName="${p}" ContentType="${c}"/>`)
    .join('')}</Types>`;
}

/** The cells present in a grid by A1 address (a cell that is absent is not a key). */
function cellsOf(g: Grid): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  g.rows.forEach((row, r) => row?.forEach((c, k) => c && (out[address(r, k)] = c)));
  return out;
}

/** What a grid holds, for one exact comparison. */
function shape(g: Grid) {
  return { name: g.name, cells: cellsOf(g), merges: g.merges.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`), rowCount: g.rowCount, colCount: g.colCount };
}

const num = (value: number, format?: string, formula?: string): Cell => ({ value, type: 'number', ...(format !== undefined && { format }), ...(formula !== undefined && { formula }) });
const txt = (value: string, format?: string, formula?: string): Cell => ({ value, type: 'text', ...(format !== undefined && { format }), ...(formula !== undefined && { formula }) });
const empty = (format?: string, formula?: string): Cell => ({ value: null, type: 'empty', ...(format !== undefined && { format }), ...(formula !== undefined && { formula }) });
const bool = (value: boolean, format?: string): Cell => ({ value, type: 'boolean', ...(format !== undefined && { format }) });
const err = (value: string, formula?: string): Cell => ({ value, type: 'error', ...(formula !== undefined && { formula }) });

/** Read with our reader, both inflaters (fflate in the browser, zlib in Node); they must agree. */
async function readBoth(bytes: Uint8Array, file: string): Promise<{ book: ReadBook; grids: Grid[] }> {
  const book = await readWorkbookBytes(bytes, file);
  const grids = book.grids();
  const native = (await readWorkbookBytes(bytes, file, { inflateRaw: nodeInflateRaw })).grids();
  expect(native).toEqual(grids);
  return { book, grids };
}

/**
 * ExcelJS's reading compared with ours on what both keep: every non-empty cell's value, type
 * and format, formulas (optionally), merges. Left out, as ExcelJS's own deviations rather than
 * ours: empty cells (ExcelJS keeps formatted empty cells), the backslashes of format codes
 * (ExcelJS drops them: '0.0\\%' reads '0.0%'), shared-formula followers' formulas (ExcelJS
 * gives the master's address), and the cells named in `skip` (each test says why).
 */
function comparable(g: Grid, options: { formulas?: boolean; skip?: string[] } = {}) {
  const cells: Record<string, { value: unknown; type: string; format?: string; formula?: string }> = {};
  for (const [a, c] of Object.entries(cellsOf(g))) {
    if (c.type === 'empty' || options.skip?.includes(a)) continue;
    cells[a] = { value: c.value, type: c.type, format: c.format?.replace(/\\/g, '') };
    if (options.formulas && c.formula !== undefined) cells[a].formula = c.formula;
  }
  return { name: g.name, cells, merges: g.merges.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`).sort() };
}

async function compareWithExcelJS(bytes: Uint8Array, ours: Grid[], options: { formulas?: boolean; skip?: string[]; sharedFollowers?: string[] } = {}): Promise<void> {
  const ref = (await readXlsxBuffer(bytes, 'ref.xlsx')).grids(ours.map((g) => g.name));
  const strip = (g: Grid) => {
    const c = comparable(g, options);
    for (const a of options.sharedFollowers ?? []) delete c.cells[a]?.formula;
    return c;
  };
  expect(ours.map(strip)).toEqual(ref.map(strip));
}

/** describe() over an external tool: a visible skip without it, a failure on CI. */
function describeWith(title: string, missing: string | null, fn: () => void): void {
  if (missing === null) {
    describe(title, fn);
    return;
  }
  describe(title, () => {
    if (process.env.CI) {
      test(`${title}: required on CI`, () => {
        throw new Error(`${missing} (CI is set: install it rather than skip)`);
      });
      return;
    }
    console.warn(`[producers] skipped: ${missing}`);
    test.skip(`${title} (skipped: ${missing})`, () => undefined);
  });
}

// ---------------------------------------------------------------------------
// Excel, by hand
// ---------------------------------------------------------------------------

const EXCEL_WORKBOOK = `${DECL}<workbook xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\统计\\Desktop\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent><xr:revisionPtr revIDLastSave="0" documentId="13_ncr:1_{A1B2}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="0" xr2:uid="{6D1F1B52-0000-0000-0000-000000000000}"/></bookViews><sheets><sheet name="指标" sheetId="1" r:id="rId1"/><sheet name="图表1" sheetId="5" r:id="rId5"/><sheet name="隐藏" sheetId="2" state="hidden" r:id="rId2"/><sheet name="深藏" sheetId="3" state="veryHidden" r:id="rId3"/><sheet name="边界" sheetId="4" r:id="rId4"/></sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">指标!$A$3:$D$6</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">隐藏!$A$1:$B$2</definedName><definedName name="地区">指标!$A$4:$A$6</definedName><definedName name="税率">0.13</definedName><definedName name="标题" comment="a &gt; b">"统计&amp;月报"</definedName></definedNames><calcPr calcId="191029"/><extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext></extLst></workbook>`;

const EXCEL_STYLES = `${DECL}<styleSheet xmlns="${NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.0\\%"/><numFmt numFmtId="165" formatCode="0.00_ "/><numFmt numFmtId="166" formatCode="&quot;¥&quot;#,##0.00;[Red]&quot;¥&quot;\\-#,##0.00"/></numFmts><fonts count="1" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf><xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="0"/></cellStyleXfs><cellXfs count="11"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="27" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="43" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="58" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="2"><cellStyle name="百分比" xfId="1" builtinId="5"/><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

const EXCEL_SST = `${DECL}<sst xmlns="${NS}" count="16" uniqueCount="14"><si><r><rPr><b/><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t>地区</t></r><r><rPr><sz val="11"/><color theme="1"/><rFont val="等线"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr><t xml:space="preserve"> 生产总值</t></r></si><si><t>重庆</t><rPh sb="0" eb="2"><t>チョンチン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t xml:space="preserve">  前后空格  </t></si><si><t>第一行_x000D_
第二行</t></si><si><t/></si><si><t>_x005F_x0041_ 与 &amp;&lt;&gt;&quot;'</t></si><si><t>城东区</t></si><si><t>城西区</t></si><si><t>北湖区</t></si><si><t>合并标题</t></si><si><t>被合并</t></si><si><r><t>富</t></r><r><rPr><i/><sz val="11"/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh><rPh sb="1" eb="2"><t>ブン</t></rPh><phoneticPr fontId="1"/></si><si><t>隐藏表</t></si><si><t>123</t></si></sst>`;

const EXCEL_SHEET1 = `${DECL}<worksheet xmlns="${NS}" xmlns:r="${R}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}"><sheetPr><tabColor rgb="FFFF0000"/></sheetPr><dimension ref="A1:D4"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/><cols><col min="1" max="1" width="12.625" customWidth="1"/></cols><sheetData>
<row r="1" spans="1:8" x14ac:dyDescent="0.2"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" s="10" t="s"><v>5</v></c><c r="G1" t="s"><v>11</v></c><c r="H1" t="s"><v>13</v></c></row>
<row r="2" spans="1:8" x14ac:dyDescent="0.2"><c r="A2"><v>6.17000000000001</v></c><c r="B2"><v>1E-3</v></c><c r="C2" s="1"><v>12.5</v></c><c r="D2" s="7"><v>0.25</v></c><c r="E2" s="8"><v>-3.5E+2</v></c><c r="F2" s="9"><v>1234.5</v></c><c r="G2" s="5"><v>0</v></c><c r="H2" s="3"/></row>
<row r="3" spans="1:11" x14ac:dyDescent="0.2"><c r="A3" s="2"><v>45747</v></c><c r="B3" s="3"><v>45717</v></c><c r="C3" s="4"><v>45747</v></c><c r="D3" s="6"><v>45747</v></c><c r="E3" s="2" t="d"><v>2025-03-31T00:00:00</v></c><c r="F3" t="d"><v>2025-03-31T12:00:00Z</v></c><c r="G3" t="b"><v>1</v></c><c r="H3" t="b"><v>0</v></c><c r="I3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="J3" t="str"><f>"统计"&amp;"月报"</f><v>统计月报</v></c><c r="K3" t="str"><f>""</f><v></v></c></row>
<row r="4" spans="1:7" x14ac:dyDescent="0.2"><c r="A4"><v>10</v></c><c r="B4"><v>1</v></c><c r="C4"><f t="shared" ref="C4:C7" si="0">A4+$B$4+B$4*2</f><v>13</v></c><c r="D4"><f t="shared" ref="D4:F4" si="1">A4*2</f><v>20</v></c><c r="E4"><f t="shared" si="1"/><v>2</v></c><c r="F4"><f t="shared" si="1"/><v>26</v></c><c r="G4"><f t="array" ref="G4:G5">SUM(A4:A5*B4:B5)</f><v>30</v></c></row>
<row r="5" spans="1:7" x14ac:dyDescent="0.2"><c r="A5"><v>20</v></c><c r="B5"><v>1</v></c><c r="C5"><f t="shared" si="0"/><v>23</v></c><c r="G5"><v>0</v></c></row>
<row r="6" spans="3:3" x14ac:dyDescent="0.2"><c r="C6"><f t="shared" si="0"/><v>3</v></c></row>
<row r="7" spans="3:3" x14ac:dyDescent="0.2"><c r="C7"><f t="shared" si="0"/><v>3</v></c></row>
<row r="9" spans="1:3" x14ac:dyDescent="0.2"><c r="A9" t="s"><v>9</v></c><c r="B9" t="s"><v>10</v></c><c r="C9" s="5"/></row>
<row r="10" spans="1:3" x14ac:dyDescent="0.2"><c r="A10"><v>99</v></c><c r="C10" t="s"><v>10</v></c></row>
<row r="12" spans="5:5" x14ac:dyDescent="0.2"><c r="E12"><v>5</v></c></row>
<row r="20" s="3" customFormat="1" x14ac:dyDescent="0.2"><c r="Z20" s="3"/></row>
</sheetData><mergeCells count="3"><mergeCell ref="A9:C10"/><mergeCell ref="E9:E11"/><mergeCell ref="J11:L13"/></mergeCells><phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait"/><drawing r:id="rId1"/></worksheet>`;

const EXCEL_SHEET = (rows: string, extra = '') =>
  `${DECL}<worksheet xmlns="${NS}" xmlns:r="${R}"><dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><sheetData>${rows}</sheetData>${extra}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;

const EXCEL_EDGE = EXCEL_SHEET(
  `<row r="1"><c r="XFC1"><f t="shared" ref="XFC1:XFD1" si="0">XFD1+1</f><v>1</v></c><c r="XFD1" t="e"><f t="shared" si="0"/><v>#REF!</v></c></row>` +
    `<row r="2"><c r="B2"><f t="shared" ref="B2:C2" si="2">SUM(A:A)+'其他 表'!A1+名称1+SUM($A1:A$1)+"A1"</f><v>0</v></c><c r="C2"><f t="shared" si="2"/><v>0</v></c></row>` +
    `<row r="1048575"><c r="A1048575"><f t="shared" ref="A1048575:A1048576" si="1">A1048576*2</f><v>0</v></c></row>` +
    `<row r="1048576"><c r="A1048576" t="e"><f t="shared" si="1"/><v>#REF!</v></c></row>`,
);

function excelPackage(): Uint8Array {
  return zip({
    '[Content_Types].xml': typesXml({
      '/xl/workbook.xml': CT.workbook,
      '/xl/worksheets/sheet1.xml': CT.sheet,
      '/xl/worksheets/sheet2.xml': CT.sheet,
      '/xl/worksheets/sheet3.xml': CT.sheet,
      '/xl/worksheets/sheet4.xml': CT.sheet,
      '/xl/chartsheets/sheet1.xml': CT.chartsheet,
      '/xl/theme/theme1.xml': CT.theme,
      '/xl/styles.xml': CT.styles,
      '/xl/sharedStrings.xml': CT.sst,
      '/xl/drawings/drawing1.xml': CT.drawing,
      '/xl/drawings/drawing2.xml': CT.drawing,
      '/xl/charts/chart1.xml': CT.chart,
      '/docProps/core.xml': CT.core,
      '/docProps/app.xml': CT.app,
    }),
    '_rels/.rels': relsXml([
      ['rId3', 'extended-properties', 'docProps/app.xml'],
      ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
      ['rId1', 'officeDocument', 'xl/workbook.xml'],
    ]),
    'docProps/app.xml': `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    'docProps/core.xml': `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>统计局</dc:creator></cp:coreProperties>`,
    'xl/workbook.xml': EXCEL_WORKBOOK,
    'xl/_rels/workbook.xml.rels': relsXml([
      ['rId8', 'sharedStrings', 'sharedStrings.xml'],
      ['rId3', 'worksheet', 'worksheets/sheet3.xml'],
      ['rId7', 'styles', 'styles.xml'],
      ['rId2', 'worksheet', 'worksheets/sheet2.xml'],
      ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
      ['rId6', 'theme', 'theme/theme1.xml'],
      ['rId5', 'chartsheet', 'chartsheets/sheet1.xml'],
      ['rId4', 'worksheet', 'worksheets/sheet4.xml'],
    ]),
    'xl/theme/theme1.xml': `${DECL}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题"/>`,
    'xl/styles.xml': EXCEL_STYLES,
    'xl/sharedStrings.xml': EXCEL_SST,
    'xl/worksheets/sheet1.xml': EXCEL_SHEET1,
    'xl/worksheets/_rels/sheet1.xml.rels': relsXml([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    'xl/drawings/drawing1.xml': `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${R}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': relsXml([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/drawings/drawing2.xml': `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`,
    'xl/drawings/_rels/drawing2.xml.rels': relsXml([['rId1', 'chart', '../charts/chart1.xml']]),
    'xl/charts/chart1.xml': `${DECL}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:val><c:numRef><c:f>指标!$A$4:$A$5</c:f></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    'xl/chartsheets/sheet1.xml': `${DECL}<chartsheet xmlns="${NS}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
    'xl/chartsheets/_rels/sheet1.xml.rels': relsXml([['rId1', 'drawing', '../drawings/drawing2.xml']]),
    'xl/worksheets/sheet2.xml': EXCEL_SHEET(`<row r="1"><c r="A1" t="s"><v>12</v></c></row><row r="2"><c r="B2"><v>2</v></c></row>`),
    'xl/worksheets/sheet3.xml': EXCEL_SHEET(`<row r="3"><c r="C3"><v>3</v></c></row>`),
    'xl/worksheets/sheet4.xml': EXCEL_EDGE,
  });
}

describe('Excel (written by hand)', () => {
  let book: ReadBook;
  let grids: Grid[];
  beforeAll(async () => {
    ({ book, grids } = await readBoth(excelPackage(), 'excel.xlsx'));
  });

  test('sheets in workbook order with their states and kinds; the chartsheet is listed and gives no grid', () => {
    expect(book.format).toBe('xlsx');
    expect(book.date1904).toBe(false);
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['指标', 'visible', 'worksheet'],
      ['图表1', 'visible', 'chartsheet'],
      ['隐藏', 'hidden', 'worksheet'],
      ['深藏', 'veryHidden', 'worksheet'],
      ['边界', 'visible', 'worksheet'],
    ]);
    expect(grids.map((g) => g.name)).toEqual(['指标', '隐藏', '深藏', '边界']);
    expect(book.grids(['隐藏', '图表1']).map((g) => g.name)).toEqual(['隐藏']);
  });

  test('listSheets: worksheets only, with their used ranges and hidden flags', async () => {
    expect(await book.listSheets()).toEqual([
      { name: '指标', usedRange: 'A1:L13', hidden: false, state: 'visible' },
      { name: '隐藏', usedRange: 'A1:B2', hidden: true, state: 'hidden' },
      { name: '深藏', usedRange: 'C3', hidden: true, state: 'veryHidden' },
      { name: '边界', usedRange: 'A1:XFD1048576', hidden: false, state: 'visible' },
    ]);
  });

  test('defined names: global, sheet-scoped (localSheetId counts the chartsheet), hidden, a constant', () => {
    expect(book.definedNames).toEqual([
      { name: '_xlnm._FilterDatabase', formula: '指标!$A$3:$D$6', scope: 0, hidden: true },
      { name: '_xlnm.Print_Area', formula: '隐藏!$A$1:$B$2', scope: 2, hidden: false },
      { name: '地区', formula: '指标!$A$4:$A$6', scope: null, hidden: false },
      { name: '税率', formula: '0.13', scope: null, hidden: false },
      { name: '标题', formula: '"统计&月报"', scope: null, hidden: false },
    ]);
    expect(book.sheets[book.definedNames[1].scope as number].name).toBe('隐藏');
  });

  test('the main sheet, cell by cell', () => {
    expect(shape(grids[0])).toEqual({
      name: '指标',
      cells: {
        // shared strings: rich text runs joined, phonetic runs left out, spaces kept, _x000D_, an empty string present
        A1: txt('地区 生产总值'),
        B1: txt('重庆'),
        C1: txt('  前后空格  '),
        D1: txt('第一行\r\n第二行'),
        E1: empty(),
        F1: txt(`_x0041_ 与 &<>"'`, '@'),
        G1: txt('富文本'),
        H1: txt('123'),
        // numbers as written; a custom format with its escape kept; cellXfs, never cellStyleXfs
        A2: num(6.17000000000001),
        B2: num(0.001),
        C2: num(12.5, '0.0\\%'),
        D2: num(0.25),
        E2: num(-350, '0.00_ '),
        F2: num(1234.5, '"¥"#,##0.00;[Red]"¥"\\-#,##0.00'),
        G2: num(0, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ '),
        // built-in date formats without numFmts (14, 27, 31, 58); t="d" as a serial
        A3: num(45747, 'mm-dd-yy'),
        B3: num(45717, 'yyyy"年"m"月"'),
        C3: num(45747, 'yyyy"年"m"月"d"日"'),
        D3: num(45747, 'm"月"d"日"'),
        E3: num(45747, 'mm-dd-yy'),
        F3: num(45747.5),
        G3: bool(true),
        H3: bool(false),
        I3: err('#DIV/0!', '1/0'),
        J3: txt('统计月报', undefined, '"统计"&"月报"'),
        K3: empty(undefined, '""'),
        // shared formulas: followers moved by their offset, $ parts kept; an array formula
        A4: num(10),
        B4: num(1),
        C4: num(13, undefined, 'A4+$B$4+B$4*2'),
        D4: num(20, undefined, 'A4*2'),
        E4: num(2, undefined, 'B4*2'),
        F4: num(26, undefined, 'C4*2'),
        G4: num(30, undefined, 'SUM(A4:A5*B4:B5)'),
        A5: num(20),
        B5: num(1),
        C5: num(23, undefined, 'A5+$B$4+B$4*2'),
        G5: num(0),
        C6: num(3, undefined, 'A6+$B$4+B$4*2'),
        C7: num(3, undefined, 'A7+$B$4+B$4*2'),
        // a merged area keeps its anchor; values in its other cells are dropped
        A9: txt('合并标题'),
        E12: num(5),
      },
      merges: ['A9:C10', 'E9:E11', 'J11:L13'],
      // the <dimension> says A1:D4; styled empty cells (H2, C9, Z20) do not count, merges do
      rowCount: 13,
      colCount: 12,
    });
  });

  test('hidden and very hidden sheets are read like any other', () => {
    expect(shape(grids[1])).toEqual({ name: '隐藏', cells: { A1: txt('隐藏表'), B2: num(2) }, merges: [], rowCount: 2, colCount: 2 });
    expect(shape(grids[2])).toEqual({ name: '深藏', cells: { C3: num(3) }, merges: [], rowCount: 3, colCount: 3 });
  });

  test('shared formulas at the edges: a reference moved off the sheet is #REF!; names, quoted sheets and strings stay', () => {
    expect(shape(grids[3])).toEqual({
      name: '边界',
      cells: {
        XFC1: num(1, undefined, 'XFD1+1'),
        XFD1: err('#REF!', '#REF!+1'),
        B2: num(0, undefined, `SUM(A:A)+'其他 表'!A1+名称1+SUM($A1:A$1)+"A1"`),
        C2: num(0, undefined, `SUM(B:B)+'其他 表'!B1+名称1+SUM($A1:B$1)+"A1"`),
        A1048575: num(0, undefined, 'A1048576*2'),
        A1048576: err('#REF!', '#REF!*2'),
      },
      merges: [],
      rowCount: 1048576,
      colCount: 16384,
    });
  });

  test("ExcelJS's reading agrees on values, types, formats, formulas and merges", async () => {
    // The edge sheet is left out (ExcelJS gives shared followers the master's address). ExcelJS
    // does not know the East Asian built-in formats (B3 27, C3 31, D3 58) nor the zh-CN form of
    // the accounting format (G2 43), reads t="d" cells as
    // other numbers (E3, F3), and decodes neither _x000D_ (D1) nor _x005F_ (F1).
    await compareWithExcelJS(excelPackage(), book.grids(['指标', '隐藏', '深藏']), {
      formulas: true,
      skip: ['B3', 'C3', 'D3', 'G2', 'E3', 'F3', 'D1', 'F1'],
      sharedFollowers: ['C5', 'C6', 'C7', 'E4', 'F4'],
    });
  });
});

describe('Excel 1904 date system (by hand)', () => {
  const bytes = () =>
    zip({
      '[Content_Types].xml': typesXml({ '/xl/workbook.xml': CT.workbook, '/xl/worksheets/sheet1.xml': CT.sheet, '/xl/styles.xml': CT.styles }),
      '_rels/.rels': relsXml([['rId1', 'officeDocument', 'xl/workbook.xml']]),
      'xl/workbook.xml': `${DECL}<workbook xmlns="${NS}" xmlns:r="${R}"><workbookPr date1904="1" defaultThemeVersion="124226"/><sheets><sheet name="Mac" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': relsXml([
        ['rId1', 'worksheet', 'worksheets/sheet1.xml'],
        ['rId2', 'styles', 'styles.xml'],
      ]),
      'xl/styles.xml': `${DECL}<styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d\\ h:mm"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs></styleSheet>`,
      'xl/worksheets/sheet1.xml': EXCEL_SHEET(
        `<row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1"><v>0</v></c><c r="C1" s="2"><v>44285.5</v></c><c r="D1" s="3"><v>100</v></c><c r="E1" s="1" t="d"><v>2025-03-31</v></c><c r="F1" s="1"><f>A1+1</f><v>1</v></c></row>`,
      ),
    });

  test('date-formatted numbers move to the 1900 system (+1462); plain numbers and ISO dates do not', async () => {
    const { book, grids } = await readBoth(bytes(), 'mac.xlsx');
    expect(book.date1904).toBe(true);
    expect(shape(grids[0]).cells).toEqual({
      A1: num(1462, 'mm-dd-yy'),
      B1: num(0),
      C1: num(45747.5, 'yyyy/m/d\\ h:mm'),
      D1: num(100, '0.00'),
      E1: num(45747, 'mm-dd-yy'),
      F1: num(1463, 'mm-dd-yy', 'A1+1'),
    });
  });

  test('ExcelJS reads the same dates', async () => {
    // ExcelJS reads the t="d" cell (E1) as text
    await compareWithExcelJS(bytes(), (await readWorkbookBytes(bytes(), 'mac.xlsx')).grids(), { formulas: true, skip: ['E1'] });
  });
});

// ---------------------------------------------------------------------------
// openpyxl-like, by hand
// ---------------------------------------------------------------------------

const BOM = '\uFEFF';

function openpyxlLikePackage(): Uint8Array {
  const sheetRel = (id: string, type: string, target: string) => `<Relationship Type="${R}/${type}" Target="${target}" Id="${id}"/>`;
  return zip({
    '[Content_Types].xml': `${BOM}<?xml version='1.0' encoding='UTF-8'?><Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'><Default Extension='rels' ContentType='${CT.rels}'/><Default Extension='xml' ContentType='application/xml'/><Default Extension='vml' ContentType='${CT.vml}'/><Override PartName='/xl/workbook.xml' ContentType='${CT.workbook}'/><Override PartName='/xl/worksheets/sheet1.xml' ContentType='${CT.sheet}'/><Override PartName='/xl/worksheets/sheet2.xml' ContentType='${CT.sheet}'/><Override PartName='/xl/styles.xml' ContentType='${CT.styles}'/><Override PartName='/xl/comments/comment1.xml' ContentType='${CT.comments}'/><Override PartName='/xl/drawings/drawing1.xml' ContentType='${CT.drawing}'/><Override PartName='/xl/charts/chart1.xml' ContentType='${CT.chart}'/></Types>`,
    '_rels/.rels': `<Relationships xmlns="${PKG_R}">${sheetRel('rId1', 'officeDocument', '/xl/workbook.xml')}</Relationships>`,
    'xl/workbook.xml': `${BOM}<?xml version='1.0' encoding='UTF-8'?>\n<workbook xmlns='${NS}'><workbookPr/><bookViews><workbookView activeTab='0'/></bookViews><sheets><sheet xmlns:r='${R}' name='数据' sheetId='1' state='visible' r:id='rId1'/><sheet xmlns:r="${R}" name="隐藏" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name='区域'>'数据'!$A$1:$B$2</definedName></definedNames><calcPr calcId='124519' fullCalcOnLoad='1'/></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="${PKG_R}">${sheetRel('rId1', 'worksheet', '/xl/worksheets/sheet1.xml')}${sheetRel('rId2', 'worksheet', '/xl/worksheets/sheet2.xml')}${sheetRel('rId3', 'styles', '/xl/styles.xml')}</Relationships>`,
    'xl/styles.xml': `<styleSheet xmlns='${NS}'><numFmts count='1'><numFmt numFmtId='164' formatCode='0.0%'/></numFmts><cellXfs count='3'><xf numFmtId='0' fontId='0' fillId='0' borderId='0' xfId='0'/><xf numFmtId='164' fontId='0' fillId='0' borderId='0' xfId='0' applyNumberFormat='1'/><xf numFmtId='14' fontId='0' fillId='0' borderId='0' xfId='0' applyNumberFormat='1'/></cellXfs></styleSheet>`,
    'xl/worksheets/sheet1.xml':
      `${BOM}<?xml version="1.0" encoding="UTF-8"?>\n<x:worksheet xmlns:x="${NS}" xmlns:r="${R}"><x:sheetPr><x:outlinePr summaryBelow='1'/></x:sheetPr><x:dimension ref='A1:C3'/><x:sheetData>` +
      // rows and cells without r
      `<x:row><x:c t='inlineStr'><x:is><x:t>地区</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve"> 值 </x:t></x:is></x:c></x:row>` +
      `<x:row><x:c t="inlineStr"><x:is><x:r><x:t>城</x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>东</x:t></x:r></x:is></x:c><x:c s='1'><x:v>1.5</x:v></x:c><x:c t="inlineStr"><x:is><x:t/></x:is></x:c><x:c s='2' t='n'><x:v>45747</x:v></x:c></x:row>` +
      // a row with r, cells with and without
      `<x:row r='5'><x:c r='C5'><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c><x:c r="F5" t="b"><x:v>1</x:v></x:c><x:c><x:f>C5+D5</x:f><x:v>7</x:v></x:c></x:row>` +
      // the next row without r, a placeholder cell without value
      `<x:row><x:c/><x:c t="inlineStr"><x:is><x:t>第六行 &amp; &#x4E00;</x:t></x:is></x:c></x:row>` +
      `<x:row r="8"/>` +
      `<x:row><x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="inlineStr"><x:is><x:t>a_x000D_b</x:t></x:is></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E1:F2"/></x:mergeCells><x:pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><x:drawing r:id="rId1"/><x:legacyDrawing r:id="anysvml"/></x:worksheet>`,
    'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="${PKG_R}">${sheetRel('rId1', 'drawing', '/xl/drawings/drawing1.xml')}${sheetRel('comments', 'comments', '/xl/comments/comment1.xml')}${sheetRel('anysvml', 'vmlDrawing', '/xl/drawings/commentsDrawing1.vml')}</Relationships>`,
    'xl/comments/comment1.xml': `<comments xmlns="${NS}"><authors><author>统计员</author></authors><commentList><comment ref="A1" authorId="0"><text><t>请核对</t></text></comment></commentList></comments>`,
    'xl/drawings/commentsDrawing1.vml': `<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025" type="#_x0000_t202"/></xml>`,
    'xl/drawings/drawing1.xml': `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:oneCellAnchor><xdr:from><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="5400000" cy="2700000"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>`,
    'xl/drawings/_rels/drawing1.xml.rels': `<Relationships xmlns="${PKG_R}">${sheetRel('rId1', 'chart', '/xl/charts/chart1.xml')}</Relationships>`,
    'xl/charts/chart1.xml': `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart/></c:chartSpace>`,
    'xl/worksheets/sheet2.xml': `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&#38544;&#34255;</t></is></c><c r="B1" t="n"><v>2</v></c><c r="C1"><f>B1*2</f><v></v></c></row></sheetData></worksheet>`,
  });
}

describe('openpyxl-like (by hand)', () => {
  test('absolute targets, inline strings, rows and cells without r, prefixed elements, BOMs, single quotes', async () => {
    const { book, grids } = await readBoth(openpyxlLikePackage(), 'openpyxl-like.xlsx');
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['数据', 'visible', 'worksheet'],
      ['隐藏', 'hidden', 'worksheet'],
    ]);
    expect(book.definedNames).toEqual([{ name: '区域', formula: "'数据'!$A$1:$B$2", scope: null, hidden: false }]);
    expect(grids.map(shape)).toEqual([
      {
        name: '数据',
        cells: {
          A1: txt('地区'),
          B1: txt(' 值 '),
          A2: txt('城东'),
          B2: num(1.5, '0.0%'),
          C2: empty(),
          D2: num(45747, 'mm-dd-yy'),
          C5: num(3),
          D5: num(4),
          F5: bool(true),
          G5: num(7, undefined, 'C5+D5'),
          B6: txt('第六行 & 一'),
          A9: err('#N/A'),
          B9: txt('a\rb'),
        },
        merges: ['E1:F2'],
        rowCount: 9,
        colCount: 7,
      },
      // a formula without a cached value (openpyxl writes <v></v>) is present, empty, with its formula
      { name: '隐藏', cells: { A1: txt('隐藏'), B1: num(2), C1: empty(undefined, 'B1*2') }, merges: [], rowCount: 1, colCount: 3 },
    ]);
  });
});

// ---------------------------------------------------------------------------
// Real openpyxl
// ---------------------------------------------------------------------------

interface Python {
  exe: string;
  pil: boolean;
}

/** A Python that imports openpyxl (PIL optional), or why there is none. */
function findPython(): Python | string {
  const candidates = [process.env.PYTHON, '/usr/bin/python3', 'python3', 'python'].filter((c): c is string => !!c);
  for (const exe of candidates) {
    try {
      const out = execFileSync(exe, ['-c', 'import openpyxl\ntry:\n import PIL\n print("pil")\nexcept ImportError:\n print("nopil")'], {
        encoding: 'utf8',
        timeout: 30_000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return { exe, pil: out.trim() === 'pil' };
    } catch {
      // not this one
    }
  }
  return `no Python with openpyxl (tried ${candidates.join(', ')}; set PYTHON or pip install openpyxl)`;
}

const OPENPYXL_SCRIPT = `
import sys, datetime, openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.workbook.defined_name import DefinedName
wb = openpyxl.Workbook()
ws = wb.active
ws.title = '数据'
ws.append(['地区', '产值', '增速', '日期'])
ws.append(['城东', 1200.5, 0.062, datetime.date(2025, 3, 31)])
ws.append(['城西', 980, -0.013, None])
ws.append(['合计', '=SUM(B2:B3)', None, None])
ws['B2'].number_format = '#,##0.00'
ws['C2'].number_format = '0.0%'
ws['C3'].number_format = '0.0\\\\%'
ws['D2'].number_format = 'yyyy"年"m"月"d"日"'
ws['A1'].comment = Comment('请核对', '统计员')
ws['F1'] = '合并'
ws.merge_cells('F1:G2')
ws['F3'] = 'a\\r\\nb'
ws['H3'] = True
tab = Table(displayName='T1', ref='A1:D3')
tab.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
ws.add_table(tab)
chart = BarChart()
chart.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True)
ws.add_chart(chart, 'J2')
if sys.argv[2] == 'image':
    from PIL import Image as PILImage
    from openpyxl.drawing.image import Image
    PILImage.new('RGB', (4, 4), (200, 30, 30)).save(sys.argv[1] + '.png')
    ws.add_image(Image(sys.argv[1] + '.png'), 'J20')
h = wb.create_sheet('隐藏')
h['A1'] = 1
h.sheet_state = 'hidden'
dn = DefinedName('地区名', attr_text="'数据'!$A$2:$A$3")
try:
    wb.defined_names.append(dn)
except AttributeError:
    wb.defined_names[dn.name] = dn
wb.save(sys.argv[1])
`;

const python = findPython();

describeWith('real openpyxl', typeof python === 'string' ? python : null, () => {
  const py = python as Python;
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-openpyxl-'));
    await fs.writeFile(path.join(dir, 'make.py'), OPENPYXL_SCRIPT, 'utf8');
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function make(name: string, image: boolean): Promise<Uint8Array> {
    const file = path.join(dir, name);
    execFileSync(py.exe, [path.join(dir, 'make.py'), file, image ? 'image' : 'plain'], { timeout: 60_000, stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(await fs.readFile(file));
  }

  const expected = [
    {
      name: '数据',
      cells: {
        A1: txt('地区'),
        B1: txt('产值'),
        C1: txt('增速'),
        D1: txt('日期'),
        F1: txt('合并'),
        A2: txt('城东'),
        B2: num(1200.5, '#,##0.00'),
        C2: num(0.062, '0.0%'),
        D2: num(45747, 'yyyy"年"m"月"d"日"'),
        A3: txt('城西'),
        B3: num(980),
        C3: num(-0.013, '0.0\\%'),
        F3: txt('a\r\nb'),
        H3: bool(true),
        A4: txt('合计'),
        B4: empty(undefined, 'SUM(B2:B3)'),
      },
      merges: ['F1:G2'],
      rowCount: 4,
      colCount: 8,
    },
    { name: '隐藏', cells: { A1: num(1) }, merges: [], rowCount: 1, colCount: 1 },
  ];

  test('a chart, a comment, a table (absolute targets), merges, formats, a hidden sheet and a defined name', async () => {
    const bytes = await make('chart.xlsx', false);
    const { book, grids } = await readBoth(bytes, 'openpyxl.xlsx');
    expect(book.sheets.map((s) => [s.name, s.state, s.kind])).toEqual([
      ['数据', 'visible', 'worksheet'],
      ['隐藏', 'hidden', 'worksheet'],
    ]);
    expect(book.definedNames).toEqual([{ name: '地区名', formula: "'数据'!$A$2:$A$3", scope: null, hidden: false }]);
    expect(grids.map(shape)).toEqual(expected);
    // the package really has what the test is about
    const pkg = new OpcPackage(bytes);
    const rels = pkg.relationships('xl/worksheets/sheet1.xml');
    expect(rels.map((r) => r.target).filter((t) => t.startsWith('/'))).toEqual(expect.arrayContaining(['/xl/tables/table1.xml', '/xl/comments/comment1.xml', '/xl/drawings/drawing1.xml']));
    expect(rels.every((r) => r.part !== null && pkg.has(r.part))).toBe(true);
  });

  test('ExcelJS cannot read it (chart and comment parts with absolute targets); the new reader can', async () => {
    const bytes = await make('chart2.xlsx', false);
    await expect(readXlsxBuffer(bytes, 'openpyxl.xlsx')).rejects.toThrow();
    expect((await readWorkbookBytes(bytes, 'openpyxl.xlsx')).grids().map(shape)).toEqual(expected);
  });

  // CI installs python3-pil: there a missing PIL fails instead of skipping
  (py.pil || process.env.CI ? test : test.skip)(`an image as well${py.pil ? '' : ' (skipped: PIL is not installed for that Python)'}`, async () => {
    const bytes = await make('image.xlsx', true);
    const { grids } = await readBoth(bytes, 'openpyxl-image.xlsx');
    expect(grids.map(shape)).toEqual(expected);
  });
  if (!py.pil) console.warn(`[producers] openpyxl image test skipped: PIL is not installed for ${py.exe}`);
});

// ---------------------------------------------------------------------------
// SheetJS and ExcelJS
// ---------------------------------------------------------------------------

function sheetjsWorkbook(): Uint8Array {
  const ws = XLSX.utils.aoa_to_sheet([
    ['地区', '产值', '增速', '日期'],
    ['城东', 1200.5, 0.062, 45747],
    ['城西', -0.001, true, ''],
  ]);
  ws.B2.z = '#,##0.0_ ';
  ws.C2.z = '0.0%';
  ws.D2.z = 'yyyy"年"m"月"';
  ws.B3.z = '0.00';
  ws.B4 = { t: 'n', v: 1200.499, f: 'SUM(B2:B3)' };
  ws.C4 = { t: 'e', v: 0x07, f: '1/0' };
  ws.D4 = { t: 's', v: 'ab', f: '"a"&"b"' };
  ws.A5 = { t: 's', v: '合并' };
  ws.B5 = { t: 's', v: '被合并' };
  ws.A6 = { t: 'n', v: 1 };
  ws.E1 = { t: 's', v: 'line1\r\nline2 & <tag>' };
  ws['!merges'] = [XLSX.utils.decode_range('A5:B6')];
  ws['!ref'] = 'A1:E6';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '表一');
  const hidden = XLSX.utils.aoa_to_sheet([[1, 2]]);
  XLSX.utils.book_append_sheet(wb, hidden, '隐藏');
  wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }], Names: [{ Name: '区域', Ref: "'表一'!$A$2:$A$3" }] };
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer);
}

describe('SheetJS (@e965/xlsx)', () => {
  test('values, formats, merges, formulas, a hidden sheet and a name', async () => {
    const bytes = sheetjsWorkbook();
    const { book, grids } = await readBoth(bytes, 'sheetjs.xlsx');
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['表一', 'visible'],
      ['隐藏', 'hidden'],
    ]);
    expect(book.definedNames).toEqual([{ name: '区域', formula: "'表一'!$A$2:$A$3", scope: null, hidden: false }]);
    expect(grids.map(shape)).toEqual([
      {
        name: '表一',
        cells: {
          A1: txt('地区'),
          B1: txt('产值'),
          C1: txt('增速'),
          D1: txt('日期'),
          E1: txt('line1\r\nline2 & <tag>'),
          A2: txt('城东'),
          B2: num(1200.5, '#,##0.0_ '),
          C2: num(0.062, '0.0%'),
          D2: num(45747, 'yyyy"年"m"月"'),
          A3: txt('城西'),
          B3: num(-0.001, '0.00'),
          C3: bool(true),
          D3: empty(),
          B4: num(1200.499, undefined, 'SUM(B2:B3)'),
          C4: err('#DIV/0!', '1/0'),
          D4: txt('ab', undefined, '"a"&"b"'),
          A5: txt('合并'),
        },
        merges: ['A5:B6'],
        rowCount: 6,
        colCount: 5,
      },
      { name: '隐藏', cells: { A1: num(1), B1: num(2) }, merges: [], rowCount: 1, colCount: 2 },
    ]);
  });

  test("ExcelJS's reading agrees", async () => {
    const bytes = sheetjsWorkbook();
    // SheetJS writes a carriage return as a lower-case _x000d_, which ExcelJS does not decode (E1)
    await compareWithExcelJS(bytes, (await readWorkbookBytes(bytes, 'sheetjs.xlsx')).grids(), { formulas: true, skip: ['E1'] });
  });
});

async function exceljsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('县域');
  ws.getCell('A1').value = '地区生产总值';
  ws.mergeCells('A1:D1');
  ws.getCell('A3').value = '地  区';
  ws.getCell('B3').value = '绝对额(万元)';
  ws.getCell('C3').value = '增速(%)';
  ws.getCell('D3').value = '日期';
  const rows: [string, number, number][] = [
    ['城东区', 300000, 9.66],
    ['城西区', 250000, 6.17000000000001],
    ['平江县', 200000, -0.5],
  ];
  rows.forEach(([name, value, growth], i) => {
    const r = 4 + i;
    ws.getCell(`A${r}`).value = name;
    ws.getCell(`B${r}`).value = value;
    ws.getCell(`B${r}`).numFmt = '0_ ';
    ws.getCell(`C${r}`).value = growth;
    ws.getCell(`C${r}`).numFmt = '0.0\\%';
  });
  ws.getCell('D4').value = 45747;
  ws.getCell('D4').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('E4').value = { formula: 'B4/10000', result: 30 } as ExcelJS.CellFormulaValue;
  ws.getCell('E5').value = { sharedFormula: 'E4', result: 25 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('E6').value = { sharedFormula: 'E4', result: 20 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell('F4').value = true;
  ws.getCell('F5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
  ws.getCell('F6').value = '';
  ws.getCell('A8').value = '注：数据为初步统计';
  ws.mergeCells('A8:F9');
  ws.getCell('H10').numFmt = '0.00'; // styled, empty
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.getCell('B2').value = 7;
  const veryHidden = wb.addWorksheet('深藏', { state: 'veryHidden' });
  veryHidden.getCell('A1').value = 'x';
  wb.definedNames.add("'县域'!$A$4:$A$6", '地区');
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const EXCELJS_EXPECTED = {
  name: '县域',
  cells: {
    A1: txt('地区生产总值'),
    A3: txt('地  区'),
    B3: txt('绝对额(万元)'),
    C3: txt('增速(%)'),
    D3: txt('日期'),
    A4: txt('城东区'),
    B4: num(300000, '0_ '),
    C4: num(9.66, '0.0\\%'),
    D4: num(45747, 'yyyy"年"m"月"d"日"'),
    E4: num(30, undefined, 'B4/10000'),
    F4: bool(true),
    A5: txt('城西区'),
    B5: num(250000, '0_ '),
    C5: num(6.17000000000001, '0.0\\%'),
    E5: num(25, undefined, 'B5/10000'),
    F5: err('#N/A'),
    A6: txt('平江县'),
    B6: num(200000, '0_ '),
    C6: num(-0.5, '0.0\\%'),
    E6: num(20, undefined, 'B6/10000'),
    F6: empty(),
    A8: txt('注：数据为初步统计'),
  },
  merges: ['A1:D1', 'A8:F9'],
  rowCount: 9,
  colCount: 6,
};

describe('ExcelJS (writeBuffer)', () => {
  test('values, formats, merges, formulas (shared ones moved), sheet states and a name', async () => {
    const bytes = await exceljsWorkbook();
    const { book, grids } = await readBoth(bytes, 'exceljs.xlsx');
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['县域', 'visible'],
      ['隐藏', 'hidden'],
      ['深藏', 'veryHidden'],
    ]);
    expect(book.definedNames).toEqual([{ name: '地区', formula: "'县域'!$A$4:$A$6", scope: null, hidden: false }]);
    expect(shape(grids[0])).toEqual(EXCELJS_EXPECTED);
    expect(shape(grids[1])).toEqual({ name: '隐藏', cells: { B2: num(7) }, merges: [], rowCount: 2, colCount: 2 });
    expect(shape(grids[2])).toEqual({ name: '深藏', cells: { A1: txt('x') }, merges: [], rowCount: 1, colCount: 1 });
  });

  test("ExcelJS's reading agrees (formulas too, but for the shared followers)", async () => {
    const bytes = await exceljsWorkbook();
    await compareWithExcelJS(bytes, (await readWorkbookBytes(bytes, 'exceljs.xlsx')).grids(), { formulas: true, sharedFollowers: ['E5', 'E6'] });
  });
});

// ---------------------------------------------------------------------------
// LibreOffice
// ---------------------------------------------------------------------------

const soffice = sofficePath();

describeWith('LibreOffice (soffice --convert-to xlsx)', soffice ? null : 'LibreOffice (soffice) is not installed', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-lo-'));
  });
  afterAll(async () => {
    await disposeSoffice();
    await fs.rm(dir, { recursive: true, force: true });
  });

  test('an ExcelJS workbook saved again by LibreOffice: the same cells, merges and formats', async () => {
    const input = path.join(dir, 'from-exceljs.xlsx');
    await fs.writeFile(input, await exceljsWorkbook());
    const output = await convert(input, 'xlsx', path.join(dir, 'out'));
    const bytes = new Uint8Array(await fs.readFile(output));
    const { book, grids } = await readBoth(bytes, 'libreoffice.xlsx');
    // LibreOffice saves a very hidden sheet as hidden
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['县域', 'visible'],
      ['隐藏', 'hidden'],
      ['深藏', 'hidden'],
    ]);
    expect(book.definedNames.map((n) => [n.name, n.formula])).toContainEqual(['地区', '县域!$A$4:$A$6']);
    // LibreOffice drops the empty string (F6), writes the shared formulas out and recalculates
    // them (B4/10000 = 30, 25, 20). How it writes three cells differs between its versions
    // (7.x: the date format as yyyy\年m\月d\日, TRUE() and #N/A as formulas): those are
    // checked on their value, type and what the format shows; every other cell exactly.
    const got = shape(grids[0]);
    const loose = ['D4', 'F4', 'F5'];
    const { F6: _dropped, ...stable } = EXCELJS_EXPECTED.cells;
    for (const a of loose) delete (stable as Record<string, Cell>)[a];
    const gotStable = { ...got.cells };
    for (const a of loose) delete gotStable[a];
    expect({ ...got, cells: gotStable }).toEqual({ ...EXCELJS_EXPECTED, cells: stable });
    expect(got.cells.D4).toMatchObject({ value: 45747, type: 'number' });
    expect((got.cells.D4.format ?? '').replace(/["\\]/g, '')).toBe('yyyy年m月d日');
    expect(got.cells.F4).toMatchObject({ value: true, type: 'boolean' });
    expect(got.cells.F5).toMatchObject({ value: '#N/A', type: 'error' });
    await compareWithExcelJS(bytes, grids, { formulas: true });
  });

  test('a SheetJS workbook saved again by LibreOffice', async () => {
    const input = path.join(dir, 'from-sheetjs.xlsx');
    await fs.writeFile(input, sheetjsWorkbook());
    const output = await convert(input, 'xlsx', path.join(dir, 'out2'));
    const bytes = new Uint8Array(await fs.readFile(output));
    const { grids } = await readBoth(bytes, 'libreoffice2.xlsx');
    const g = cellsOf(grids[0]);
    expect(g.A1).toEqual(txt('地区'));
    expect(g.B2).toEqual(num(1200.5, '#,##0.0_ '));
    expect(g.C2).toEqual(num(0.062, '0.0%'));
    // SheetJS wrote the CR as a lower-case _x000d_, which LibreOffice keeps as text (it writes
    // _x005F_x000d_ back); read directly, our reader decodes it (see the SheetJS test)
    expect(g.E1).toEqual(txt('line1_x000d_\nline2 & <tag>'));
    expect(g.B4).toEqual(num(1200.499, undefined, 'SUM(B2:B3)'));
    expect(g.A5).toEqual(txt('合并'));
    expect(g.B5).toBeUndefined();
    expect(grids[0].merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 1 }]);
    await compareWithExcelJS(bytes, grids, { formulas: true, skip: ['E1'] });
  });
});
