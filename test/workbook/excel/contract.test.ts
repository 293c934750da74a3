/**
 * The contract: a plan written by the package writer (src/workbook/write; the result read
 * back with ExcelJS, the test oracle, and the links from the sheet parts) and by the Office.js
 * adapter (into the strict fake Excel) gives the same cells, formulas, links, notes,
 * formats, merges, highlight rules, widths, heights, frozen panes and print settings;
 * and a workbook read through either adapter gives the same grids.
 */
import ExcelJS from 'exceljs';
import { parseAddress } from '../../../src/core/grid';
import type { CellStyle, SheetPlan, WorkbookPlan } from '../../../src/core/summary';
import { OpcPackage } from '../../../src/workbook/ooxml/package';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { writePlanPackage } from '../../../src/workbook/write';
import { decodeAttr } from '../../../src/workbook/write/xmlOut';
import { splitGrids } from '../../../src/core/summary';
import { describeReal } from '../../support/realFixtures';
import type { Area, Style } from './normalize';
import { fromExcelJs, fromFake, gridShape } from './normalize';
import { SAMPLE, adapterOn, planOf, twoWays } from './support';

function areaOf(sheet: SheetPlan): Area {
  let rows = sheet.cells.length;
  let cols = sheet.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  for (const f of sheet.formats) {
    rows = Math.max(rows, f.range.bottom + 1);
    cols = Math.max(cols, f.range.right + 1);
  }
  return { rows: rows + 1, cols: cols + 1 };
}

/** The package writer's result as ExcelJS reads it, and each sheet's links (ExcelJS does not read `location` links). */
async function written(bytes: Uint8Array): Promise<{ wb: ExcelJS.Workbook; links: Map<string, Map<string, string>> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const pkg = new OpcPackage(bytes);
  const links = new Map<string, Map<string, string>>();
  const book = pkg.text('xl/workbook.xml');
  for (const m of book.matchAll(/<sheet name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const part = pkg.relationships('xl/workbook.xml').find((r) => r.id === m[2])?.part;
    if (!part) continue;
    const map = new Map<string, string>();
    for (const h of pkg.text(part).matchAll(/<hyperlink ref="([^"]*)" location="([^"]*)"/g)) map.set(h[1], decodeAttr(h[2]));
    links.set(decodeAttr(m[1]), map);
  }
  return { wb, links };
}

async function writeBoth(file: string, plan: (x: Awaited<ReturnType<typeof twoWays>>['read']) => WorkbookPlan, apiVersion = '1.18') {
  const { read, bytes, book } = await twoWays(file, apiVersion);
  const p = plan(read);
  const out = writePlanPackage(bytes, p).bytes;
  const { wb, links } = await written(out);
  const adapter = adapterOn(book);
  await adapter.writePlan(p);
  return { wb, links, bytes: out, book, plan: p, adapter };
}

/** The style the plan gives a cell: its formats in order, later ones winning. */
function planStyleAt(sheet: SheetPlan, row: number, col: number): CellStyle {
  const out: CellStyle = {};
  for (const f of sheet.formats) {
    const r = f.range;
    if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
    for (const [k, v] of Object.entries(f.style)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

function expectSameSheets(r: Awaited<ReturnType<typeof writeBoth>>): number {
  let cells = 0;
  for (const sp of [...r.plan.sheets, r.plan.registry]) {
    const ws = r.wb.getWorksheet(sp.name);
    const fake = r.book.sheet(sp.name);
    if (!ws || !fake) throw new Error(`sheet ${sp.name} missing: xlsx ${!!ws}, fake ${!!fake}`);
    const area = areaOf(sp);
    const a = fromExcelJs(ws, area);
    for (const [ref, location] of r.links.get(sp.name) ?? []) {
      const cell = a.cells[ref];
      if (cell) cell.link = location;
    }
    const b = fromFake(fake, area);
    // What the plan leaves unset (a font name or size) is the workbook's default font: Excel's
    // Normal style, which the package writer takes from styles.xml and the fake does not model
    // (it always has Calibri 11). Those fields are compared where the plan sets them.
    for (const a1 of Object.keys(a.styles)) {
      const { row, col } = parseAddress(a1);
      const set = planStyleAt(sp, row, col);
      for (const k of ['font', 'size'] as const) {
        if (set[k] === undefined) {
          delete (a.styles[a1] as Partial<Style>)[k];
          delete (b.styles[a1] as Partial<Style>)[k];
        }
      }
    }
    // field by field, so that a failure names what differs
    expect({ sheet: sp.name, cells: b.cells }).toEqual({ sheet: sp.name, cells: a.cells });
    expect({ sheet: sp.name, styles: b.styles }).toEqual({ sheet: sp.name, styles: a.styles });
    expect({ sheet: sp.name, merges: b.merges }).toEqual({ sheet: sp.name, merges: a.merges });
    expect({ sheet: sp.name, rules: b.rules }).toEqual({ sheet: sp.name, rules: a.rules });
    expect({ sheet: sp.name, widths: b.widths, heights: b.heights, freeze: b.freeze }).toEqual({ sheet: sp.name, widths: a.widths, heights: a.heights, freeze: a.freeze });
    expect({ sheet: sp.name, print: b.print }).toEqual({ sheet: sp.name, print: a.print });
    expect({ sheet: sp.name, visibility: b.visibility }).toEqual({ sheet: sp.name, visibility: a.visibility });
    cells += Object.keys(a.cells).length;
  }
  // same sheets, same order
  expect(r.book.sheets().map((s) => s.name)).toEqual(r.wb.worksheets.map((ws) => ws.name));
  return cells;
}

describe('the built-in sample', () => {
  test('values: both adapters write the same sheets', async () => {
    const r = await writeBoth(SAMPLE, (x) => planOf(x, { points: true, share: true }));
    const cells = expectSameSheets(r);
    expect(cells).toBeGreaterThan(300);
    // the comparison is not vacuous: highlight rules, merges, links and notes are there
    const main = r.plan.sheets[0];
    expect(main.highlights.length).toBeGreaterThan(3);
    expect(main.merges.length).toBeGreaterThan(3);
    expect(r.plan.sheets.some((s) => s.cells.some((row) => row?.some((c) => c?.link)))).toBe(true);
    // the first summary sheet is the one shown
    expect(r.book.activeSheet).toBe(main.name);
  });

  test('formulas: both adapters write the same formulas', async () => {
    const r = await writeBoth(SAMPLE, (x) => planOf(x, { mode: 'formulas', points: true, share: true }));
    expectSameSheets(r);
    const formulas = r.plan.sheets[0].cells.flat().filter((c) => c?.formula).length;
    expect(formulas).toBeGreaterThan(100);
    const fake = r.book.sheet(r.plan.sheets[0].name);
    const written = r.plan.sheets[0].cells.flatMap((row, i) => row.map((c, j) => (c?.formula ? fake?.cell(i, j).formula : undefined))).filter(Boolean);
    expect(written).toHaveLength(formulas);
  });

  test('en-US, and a second run replaces the add-in’s sheets only', async () => {
    const { read, bytes, book } = await twoWays(SAMPLE);
    const adapter = adapterOn(book);
    const first = planOf(read, {}, 'en-US');
    const once = writePlanPackage(bytes, first).bytes;
    await adapter.writePlan(first);
    // the second run reads the registry back through the Office.js adapter, and from the written file
    const split = splitGrids(await adapter.readGrids());
    expect(split.owned.sort()).toEqual(first.sheets.map((s) => s.name).sort());
    const second = planOf(await readWorkbookBytes(once, 'once.xlsx'), {}, 'en-US');
    expect(second.remove.sort()).toEqual(first.sheets.map((s) => s.name).sort());
    const twice = writePlanPackage(once, second).bytes;
    await adapter.writePlan(second);
    expect(book.sheets().map((s) => s.name)).toEqual((await written(twice)).wb.worksheets.map((ws) => ws.name));
  });

  test('reading: both adapters give the same grids', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const expected = xlsx.grids();
    const adapter = adapterOn(book);
    const got = await adapter.readGrids(expected.map((g) => g.name));
    expect(got.map(gridShape)).toEqual(expected.map(gridShape));
    expect(adapter.lastRead?.syncs).toBe(2);
  });
});

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  jest.setTimeout(120_000);

  test('reading 39 sheets: the same grids in two syncs', async () => {
    const { xlsx, book } = await twoWays(file);
    const expected = xlsx.grids();
    const adapter = adapterOn(book);
    book.resetStats();
    const got = await adapter.readGrids(expected.map((g) => g.name));
    expect(got.map(gridShape)).toEqual(expected.map(gridShape));
    expect(book.stats.syncs).toBe(2);
    expect(expected.length).toBeGreaterThan(30);
  });

  test('reading in small blocks gives the same grids, one sync per extra block', async () => {
    const { xlsx, book } = await twoWays(file);
    const expected = xlsx.grids();
    const adapter = adapterOn(book, { budget: 64 * 1024 });
    book.resetStats();
    const got = await adapter.readGrids(expected.map((g) => g.name));
    expect(got.map(gridShape)).toEqual(expected.map(gridShape));
    const { syncs, blocks } = adapter.lastRead ?? { syncs: 0, blocks: 0 };
    expect(book.stats.syncs).toBe(syncs);
    expect(syncs).toBeGreaterThan(2);
    expect(syncs).toBeLessThanOrEqual(2 + blocks);
    for (const s of book.stats.log) expect(s.responseBytes).toBeLessThan(2 * 64 * 1024);
  });

  test('values and formulas: both adapters write the same sheets', async () => {
    const r = await writeBoth(file, (x) => planOf(x, { points: true }));
    expectSameSheets(r);
    // a header cell, whose format sets no font name: the workbook's own default font (宋体 12 here), as in Excel
    const header = r.wb.getWorksheet(r.plan.sheets[0].name)?.getCell('A4');
    expect(header?.font?.name).toBe('宋体');
    expect(header?.font?.size).toBe(10);
    expectSameSheets(await writeBoth(file, (x) => planOf(x, { mode: 'formulas', share: true })));
  });
});
