/**
 * The package writer (src/workbook/write) on plans built by hand: the copy read back by
 * ExcelJS (the oracle) and by our reader, and its XML where ExcelJS does not look. The user's
 * workbook is made with ExcelJS, as another program would have written it.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { quoteSheet } from '../../../src/core/summary';
import type {
  HighlightRule,
  PlanCell,
  PlanMode,
  PrintSettings,
  SheetPlan,
  WorkbookPlan,
} from '../../../src/core/summary/Plan.types';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { PlanWriteError, writePlanPackage } from '../../../src/workbook/write';
import { gridsPackage } from '../../../src/workbook/write/legacy';

// ---------------------------------------------------------------------------------------------
// Plans built by hand

const SRC = "Src it's"; // a user's sheet: a space and a quote in the name
const SUMMARY = '汇总表';
const REGISTRY = '_indicator_tables';

const PRINT: PrintSettings = {
  paper: 'A4',
  orientation: 'landscape',
  fitToWidth: 1,
  fitToHeight: 0,
  titleRows: { first: 0, last: 1 },
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
  centerHorizontally: true,
  footer: '第 &P 页，共 &N 页',
};

function sheet(name: string, cells: (PlanCell | null)[][], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name,
    role: 'summary',
    cells,
    merges: [],
    formats: [],
    highlights: [],
    columns: [],
    rowHeights: [],
    freeze: null,
    print: { ...PRINT, titleRows: null, footer: null },
    ...extra,
  };
}

const v = (value: PlanCell['value'], more: Partial<PlanCell> = {}): PlanCell => ({ value, ...more });

const NEGATIVE: HighlightRule = {
  kind: 'negative',
  range: { top: 2, left: 1, bottom: 4, right: 1 },
  formula: '=B3<0',
  style: { color: '#C00000', fill: '#FFEEEE', numberFormat: '0.0"*"' },
};
const TOP: HighlightRule = {
  kind: 'top',
  range: { top: 2, left: 1, bottom: 4, right: 2 },
  formula: '=B3=MAX($B$3:$B$5)',
  style: { bold: true, italic: true, underline: true },
};

function summarySheet(): SheetPlan {
  return sheet(
    SUMMARY,
    [
      [v('指标汇总'), null, null, null],
      [v('地区'), v('数值'), v('占比'), v('备注')],
      [v('North'), v(10.5, { formula: `=ROUND(${quoteSheet(SRC)}!C10/4,1)` }), v(0.25), v('=not a formula')],
      [
        v('South', { link: { sheet: SRC, cell: 'C10' }, note: '来源：Src it’s C10' }),
        v(-3, { formula: '=-3' }),
        v(true),
        v('+1'),
      ],
      [v('合计'), v(7.5, { formula: '=SUM(B3:B4)' }), null, v(null, { formula: '=""' })],
    ],
    {
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
      formats: [
        { range: { top: 0, left: 0, bottom: 0, right: 3 }, style: { bold: true, size: 14, hAlign: 'center', vAlign: 'middle' } },
        {
          range: { top: 1, left: 0, bottom: 4, right: 3 },
          style: { border: true, font: 'SimSun', size: 10 },
        },
        { range: { top: 1, left: 0, bottom: 1, right: 3 }, style: { bold: true, fill: '#D9E1F2', wrap: true } },
        { range: { top: 2, left: 1, bottom: 4, right: 1 }, style: { numberFormat: '0.0', hAlign: 'right' } },
        // overrides only the colour: B3 keeps its number format, border and font
        { range: { top: 2, left: 1, bottom: 2, right: 1 }, style: { color: '#FF0000' } },
      ],
      highlights: [NEGATIVE, TOP],
      columns: [12, 10.5, 8],
      rowHeights: [{ row: 0, height: 24 }],
      freeze: { rows: 2, cols: 1 },
      print: PRINT,
    },
  );
}

function registrySheet(): SheetPlan {
  return sheet(
    REGISTRY,
    [
      [v('sheet'), v('role')],
      [v(SUMMARY), v('summary')],
      [v('Ranks'), v('ranks')],
    ],
    { role: 'registry', hidden: true },
  );
}

function plan(mode: PlanMode, extra: Partial<WorkbookPlan> = {}): WorkbookPlan {
  return {
    mode,
    sheets: [summarySheet(), sheet('Ranks', [[v('位次')], [v(1)], [v(2)]], { role: 'ranks' })],
    remove: ['旧汇总'],
    registry: registrySheet(),
    ...extra,
  };
}

/** A user's workbook: their sheet, a summary sheet and a registry from an earlier run. */
function userWorkbook(views?: Partial<ExcelJS.WorkbookView>[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const src = wb.addWorksheet(SRC);
  src.getCell('A1').value = '地区';
  src.getCell('C10').value = 42;
  src.getCell('B2').value = 'keep me';
  wb.addWorksheet('旧汇总').getCell('A1').value = 'old summary';
  const oldReg = wb.addWorksheet(REGISTRY);
  oldReg.getCell('A1').value = 'old registry';
  oldReg.state = 'veryHidden';
  if (views) wb.views = views as ExcelJS.WorkbookView[];
  return wb;
}

/** The user's workbook as a file. */
async function userBytes(views?: Partial<ExcelJS.WorkbookView>[]): Promise<Uint8Array> {
  return new Uint8Array(await userWorkbook(views).xlsx.writeBuffer());
}

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function writeAndReopen(p: WorkbookPlan, input?: Uint8Array): Promise<{ buf: Uint8Array; wb: ExcelJS.Workbook }> {
  const buf = writePlanPackage(input ?? (await userBytes()), p).bytes;
  return { buf, wb: await load(buf) };
}

function ws(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const w = wb.getWorksheet(name);
  if (!w) throw new Error(`no sheet ${name}`);
  return w;
}

async function zipText(buf: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const f = zip.file(path);
  if (!f) throw new Error(`no ${path} in package`);
  return f.async('string');
}

/** The package path of a sheet, from workbook.xml and its relationships. */
async function sheetPath(buf: Uint8Array, name: string): Promise<string> {
  const book = await zipText(buf, 'xl/workbook.xml');
  const rels = await zipText(buf, 'xl/_rels/workbook.xml.rels');
  const escaped = name.replace(/'/g, '&apos;');
  const m = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(rId\\d+)"`).exec(book);
  if (!m) throw new Error(`sheet ${name} not in workbook.xml`);
  const t = new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[1]}"`).exec(rels);
  if (!t) throw new Error(`no relationship ${m[1]}`);
  const target = (t[1] ?? t[2]).replace(/^\/?xl\//, '');
  return `xl/${target}`;
}

interface LoadedCf {
  ref: string;
  rules: {
    type: string;
    priority: number;
    formulae: string[];
    style: {
      font?: { bold?: boolean; italic?: boolean; underline?: boolean; color?: { argb?: string } };
      fill?: { type: string; pattern: string; fgColor?: { argb?: string }; bgColor?: { argb?: string } };
      numFmt?: { id: number; formatCode: string } | string;
    };
  }[];
}

function cfs(w: ExcelJS.Worksheet): LoadedCf[] {
  return (w as unknown as { conditionalFormattings: LoadedCf[] }).conditionalFormattings;
}

function noteText(n: ExcelJS.Cell['note']): string {
  if (typeof n === 'string') return n;
  return (n?.texts ?? []).map((t) => t.text).join('');
}

// ---------------------------------------------------------------------------------------------

describe('writePlanPackage: sheets', () => {
  test('removes old sheets, adds the plan sheets in order and replaces the registry (very hidden)', async () => {
    const { wb } = await writeAndReopen(plan('values'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([SRC, SUMMARY, 'Ranks', REGISTRY]);
    expect(wb.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'visible', 'veryHidden']);
    const reg = ws(wb, REGISTRY);
    expect(reg.getCell('A1').value).toBe('sheet');
    expect(reg.getCell('A2').value).toBe(SUMMARY);
    // the user's sheet keeps its values
    const src = ws(wb, SRC);
    expect(src.getCell('A1').value).toBe('地区');
    expect(src.getCell('B2').value).toBe('keep me');
    expect(src.getCell('C10').value).toBe(42);
  });

  test('a plan sheet marked hidden is very hidden', async () => {
    const p = plan('values');
    p.sheets[1].hidden = true;
    const { wb } = await writeAndReopen(p);
    expect(ws(wb, 'Ranks').state).toBe('veryHidden');
    expect(ws(wb, SUMMARY).state).toBe('visible');
  });

  test('a name clash throws PlanWriteError, naming the sheet', async () => {
    const bytes = await userBytes();
    const p = plan('values');
    p.sheets[1].name = 'src IT\'S'; // Excel compares sheet names case-insensitively
    expect(() => writePlanPackage(bytes, p)).toThrow(PlanWriteError);
    expect(() => writePlanPackage(bytes, p)).toThrow(/src IT'S.*Src it's/);

    const q = plan('values', { remove: [] });
    q.sheets[0].name = '旧汇总';
    expect(() => writePlanPackage(bytes, q)).toThrow(/旧汇总/);

    const dup = plan('values');
    dup.sheets[1].name = SUMMARY;
    expect(() => writePlanPackage(bytes, dup)).toThrow(/汇总表/);
  });

  test('the active tab moves off a removed sheet onto a visible one', async () => {
    const input = await userBytes([{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 2, visibility: 'visible' }]);
    const { wb } = await writeAndReopen(plan('values', { sheets: [] }), input);
    // sheets are now [SRC, REGISTRY]: tab 1 would be the very hidden registry
    expect(wb.worksheets.map((w) => w.name)).toEqual([SRC, REGISTRY]);
    expect(wb.views[0].activeTab).toBe(0);
  });

  test('the first summary sheet becomes the active tab', async () => {
    const { wb } = await writeAndReopen(plan('values'));
    expect(wb.worksheets[wb.views[0].activeTab].name).toBe(SUMMARY);
  });
});

describe('writePlanPackage: cells', () => {
  test('values mode writes values with their types; a string starting with "=" stays text', async () => {
    const { buf, wb } = await writeAndReopen(plan('values'));
    const s = ws(wb, SUMMARY);
    expect(s.getCell('A1').value).toBe('指标汇总');
    expect(s.getCell('B3').value).toBe(10.5);
    expect(s.getCell('B3').formula).toBeUndefined();
    expect(s.getCell('B4').value).toBe(-3);
    expect(s.getCell('C3').value).toBe(0.25);
    expect(s.getCell('C4').value).toBe(true);
    expect(s.getCell('D3').value).toBe('=not a formula');
    expect(s.getCell('D3').type).toBe(ExcelJS.ValueType.String);
    expect(s.getCell('D4').value).toBe('+1');
    expect(s.getCell('C5').value).toBeNull();
    expect(s.getCell('D5').value).toBeNull();
    expect(await zipText(buf, 'xl/workbook.xml')).not.toContain('fullCalcOnLoad');
    const xml = await zipText(buf, await sheetPath(buf, SUMMARY));
    expect(xml).not.toContain('<f>');
    expect(xml).toMatch(/<c r="D3"[^>]*t="(s|inlineStr)"/);
  });

  test('formulas mode writes formulas (no "=") with the engine values as cached results', async () => {
    const { buf, wb } = await writeAndReopen(plan('formulas'));
    const s = ws(wb, SUMMARY);
    expect(s.getCell('B3').formula).toBe("ROUND('Src it''s'!C10/4,1)");
    expect(s.getCell('B3').result).toBe(10.5);
    expect(s.getCell('B4').formula).toBe('-3');
    expect(s.getCell('B4').result).toBe(-3);
    expect(s.getCell('B5').formula).toBe('SUM(B3:B4)');
    expect(s.getCell('B5').result).toBe(7.5);
    expect(s.getCell('D5').formula).toBe('""');
    // cells without a formula keep their values
    expect(s.getCell('D3').value).toBe('=not a formula');
    expect(s.getCell('D3').type).toBe(ExcelJS.ValueType.String);
    expect(s.getCell('C4').value).toBe(true);
    expect(await zipText(buf, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  test('notes', async () => {
    const { wb } = await writeAndReopen(plan('values'));
    expect(noteText(ws(wb, SUMMARY).getCell('A4').note)).toBe('来源：Src it’s C10');
    expect(ws(wb, SUMMARY).getCell('A3').note).toBeUndefined();
  });

  test('links are internal hyperlinks: a location attribute, no relationship', async () => {
    const { buf, wb } = await writeAndReopen(plan('values'));
    const path = await sheetPath(buf, SUMMARY);
    const xml = await zipText(buf, path);
    const links = xml.match(/<hyperlink\b[^>]*\/>/g) ?? [];
    expect(links).toHaveLength(1);
    expect(links[0]).toContain('ref="A4"');
    expect(String(links[0]).replace(/&apos;/g, "'")).toContain(`location="${quoteSheet(SRC)}!C10"`);
    expect(quoteSheet(SRC)).toBe("'Src it''s'");
    expect(links[0]).not.toContain('r:id');
    const relsPath = path.replace('worksheets/', 'worksheets/_rels/') + '.rels';
    const rels = await zipText(buf, relsPath);
    expect(rels).not.toMatch(/relationships\/hyperlink/);
    // the text is the cell's value (ExcelJS does not read location-only links back)
    expect(ws(wb, SUMMARY).getCell('A4').value).toBe('South');
  });
});

describe('writePlanPackage: layout and formats', () => {
  test('merges, column widths, row heights, frozen panes', async () => {
    const { wb } = await writeAndReopen(plan('values'));
    const s = ws(wb, SUMMARY);
    expect((s.model as { merges?: string[] }).merges).toEqual(['A1:D1']);
    expect(s.getCell('B1').isMerged).toBe(true);
    expect(s.getColumn(1).width).toBe(12);
    expect(s.getColumn(2).width).toBe(10.5);
    expect(s.getColumn(3).width).toBe(8);
    expect(s.getRow(1).height).toBe(24);
    expect(s.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  });

  test('formats apply in order; a later one overrides only what it sets', async () => {
    const { wb } = await writeAndReopen(plan('values'));
    const s = ws(wb, SUMMARY);
    const a1 = s.getCell('A1');
    expect(a1.font).toMatchObject({ bold: true, size: 14 });
    expect(a1.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle' });
    expect(a1.border?.top).toBeUndefined();

    const header = s.getCell('C2');
    expect(header.font).toMatchObject({ bold: true, size: 10, name: 'SimSun' });
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(header.alignment).toMatchObject({ wrapText: true });
    for (const edge of ['top', 'left', 'bottom', 'right'] as const) expect(header.border[edge]?.style).toBe('thin');

    const b3 = s.getCell('B3');
    expect(b3.numFmt).toBe('0.0');
    expect(b3.font).toMatchObject({ name: 'SimSun', size: 10, color: { argb: 'FFFF0000' } });
    expect(b3.font.bold).toBeFalsy();
    expect(b3.alignment).toMatchObject({ horizontal: 'right' });
    expect(b3.border.left?.style).toBe('thin');

    const b4 = s.getCell('B4');
    expect(b4.numFmt).toBe('0.0');
    expect(b4.font.color).toBeUndefined();

    // an empty cell inside a format range still carries the style
    const c5 = s.getCell('C5');
    expect(c5.value).toBeNull();
    expect(c5.border.bottom?.style).toBe('thin');
    expect(s.getCell('E5').border?.bottom).toBeUndefined();
  });

  test('highlights are expression conditional formats with priorities and dxf styles (numFmt too)', async () => {
    const { buf, wb } = await writeAndReopen(plan('values'));
    const list = cfs(ws(wb, SUMMARY));
    expect(list).toHaveLength(2);
    const [neg, top] = list;
    expect(neg.ref).toBe('B3:B5');
    expect(neg.rules).toHaveLength(1);
    expect(neg.rules[0]).toMatchObject({ type: 'expression', priority: 1, formulae: ['B3<0'] });
    expect(neg.rules[0].style.font?.color?.argb).toBe('FFC00000');
    expect(neg.rules[0].style.fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFFFEEEE' },
      bgColor: { argb: 'FFFFEEEE' },
    });
    // ExcelJS reads a dxf numFmt back as { id, formatCode }
    expect(neg.rules[0].style.numFmt).toMatchObject({ formatCode: '0.0"*"' });
    expect(top.ref).toBe('B3:C5');
    expect(top.rules[0]).toMatchObject({ type: 'expression', priority: 2, formulae: ['B3=MAX($B$3:$B$5)'] });
    expect(top.rules[0].style.font).toMatchObject({ bold: true, italic: true, underline: true });
    expect(top.rules[0].style.numFmt).toBeFalsy();

    // the saved XML: the numFmt is declared and the dxf uses the same id, in schema order
    const styles = await zipText(buf, 'xl/styles.xml');
    const decl = /<numFmt numFmtId="(\d+)" formatCode="0\.0&quot;\*&quot;"\/>/.exec(styles);
    expect(decl).not.toBeNull();
    const dxfs = /<dxfs count="(\d+)">([\s\S]*?)<\/dxfs>/.exec(styles);
    expect(dxfs?.[1]).toBe('2');
    expect(dxfs?.[2]).toMatch(
      new RegExp(`<dxf><font>.*</font><numFmt numFmtId="${decl?.[1]}" formatCode="0\\.0&quot;\\*&quot;"/><fill>`),
    );
    const xml = await zipText(buf, await sheetPath(buf, SUMMARY));
    expect(xml).toMatch(/<conditionalFormatting sqref="B3:B5"><cfRule type="expression" dxfId="\d+" priority="1">/);
  });

  test('page setup and footer', async () => {
    const { buf, wb } = await writeAndReopen(plan('values'));
    const s = ws(wb, SUMMARY);
    expect(s.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '1:2',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
    });
    expect(s.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
    const xml = await zipText(buf, await sheetPath(buf, SUMMARY));
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(xml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    const book = (await zipText(buf, 'xl/workbook.xml')).replace(/&apos;/g, "'");
    expect(book).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="1">'汇总表'!\$1:\$2<\/definedName>/);
    // a sheet without print titles gets none
    expect(ws(wb, 'Ranks').pageSetup.printTitlesRow).toBeUndefined();
  });

  test('print titles of a sheet whose name has a quote are written with the quote doubled', async () => {
    const p = plan('values');
    p.sheets[1].name = "It's ranks";
    p.sheets[1].print = PRINT;
    const { buf, wb } = await writeAndReopen(p);
    const book = (await zipText(buf, 'xl/workbook.xml')).replace(/&apos;/g, "'");
    expect(book).toContain(`localSheetId="2">'It''s ranks'!$1:$2</definedName>`);
    expect(ws(wb, "It's ranks").pageSetup.printTitlesRow).toBe('1:2');
  });
});

describe('writePlanPackage: re-runs and our reader', () => {
  test('a second run on the saved file removes the first run’s sheets and keeps the user’s', async () => {
    const first = await writeAndReopen(plan('formulas'));
    const p2 = plan('values', { remove: [SUMMARY, 'Ranks'] });
    p2.sheets = [sheet('汇总表2', [[v('second run')]])];
    const second = writePlanPackage(first.buf, p2).bytes;
    const again = await load(second);
    expect(again.worksheets.map((w) => w.name)).toEqual([SRC, '汇总表2', REGISTRY]);
    expect(ws(again, '汇总表2').getCell('A1').value).toBe('second run');
    expect(ws(again, SRC).getCell('C10').value).toBe(42);
    expect(ws(again, REGISTRY).state).toBe('veryHidden');
    const names = (await (await readWorkbookBytes(second, 'again.xlsx')).listSheets()).map((s) => [s.name, s.hidden]);
    expect(names).toEqual([
      [SRC, false],
      ['汇总表2', false],
      [REGISTRY, true],
    ]);
  });

  test('a second run that keeps the first run’s sheets keeps their dxf number formats valid', async () => {
    const first = await writeAndReopen(plan('values'));
    const buf = writePlanPackage(first.buf, plan('values', { sheets: [sheet('新表', [[v(1)]])], remove: [] })).bytes;
    const styles = await zipText(buf, 'xl/styles.xml');
    expect(styles).not.toContain('[object Object]');
    expect(styles).toMatch(/<dxf>(?:(?!<\/dxf>)[\s\S])*<numFmt numFmtId="\d+" formatCode="0\.0&quot;\*&quot;"\/>/);
    const again = await load(buf);
    expect(cfs(ws(again, SUMMARY))[0].rules[0].style.numFmt).toMatchObject({ formatCode: '0.0"*"' });
  });

  test('our reader reads the copy back: text stays text, numbers keep their format', async () => {
    const { buf } = await writeAndReopen(plan('values'));
    const reread = await readWorkbookBytes(buf, 'again.xlsx');
    const [grid] = await reread.readGrids([SUMMARY]);
    expect(grid.rows[2]?.[3]).toEqual({ value: '=not a formula', type: 'text' });
    expect(grid.rows[2]?.[1]).toMatchObject({ value: 10.5, type: 'number', format: '0.0' });
  });
});

describe('styles are shared between cells', () => {
  test('2,000 x 20 cells with 3 formats use one cell format per combination', async () => {
    const rows = 2000;
    const cols = 20;
    const cells: PlanCell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: PlanCell[] = [];
      for (let c = 0; c < cols; c++) row.push(v(c === 0 ? `R${r}` : r * cols + c));
      cells.push(row);
    }
    const big = sheet('big', cells, {
      formats: [
        { range: { top: 0, left: 0, bottom: rows - 1, right: cols - 1 }, style: { border: true } },
        { range: { top: 0, left: 0, bottom: 0, right: cols - 1 }, style: { bold: true, fill: '#EEEEEE' } },
        { range: { top: 1, left: 1, bottom: rows - 1, right: cols - 1 }, style: { numberFormat: '#,##0' } },
      ],
    });
    const input = gridsPackage([]);
    const xfsIn = Number(/<cellXfs count="(\d+)"/.exec(await zipText(input, 'xl/styles.xml'))?.[1]);
    const buf = writePlanPackage(input, { mode: 'values', sheets: [big], remove: [], registry: registrySheet() }).bytes;
    // border only (A2:A2000), border+bold+fill (row 1), border+numFmt (the body)
    const xml = await zipText(buf, await sheetPath(buf, 'big'));
    const used = new Set([...xml.matchAll(/<c r="[A-Z]+\d+"[^>]*?\ss="(\d+)"/g)].map((m) => m[1]));
    expect(used.size).toBe(3);
    // and the saved file has one xf per combination more than it had
    const styles = await zipText(buf, 'xl/styles.xml');
    expect(Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1])).toBeLessThanOrEqual(xfsIn + 3);

    const wb = await load(buf);
    let styled = 0;
    ws(wb, 'big').eachRow((row) => row.eachCell(() => void styled++));
    expect(styled).toBe(rows * cols);
    const body = ws(wb, 'big').getCell('C100');
    expect(body.numFmt).toBe('#,##0');
    expect(body.border.top?.style).toBe('thin');
    expect(ws(wb, 'big').getCell('A2000').numFmt).toBeFalsy();
    expect(ws(wb, 'big').getCell('A1').font).toMatchObject({ bold: true });
  });
});
