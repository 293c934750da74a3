/**
 * Issue 14's proof at the command line: the sample saved by LibreOffice as .xls, the same
 * file named .et (WPS), and as .ods give the same `summarize --json` as the .xlsx; `check`
 * and `inspect` work on them; `summarize -o` converts them into a new .xlsx with the summary (issue 16).
 * Without LibreOffice these tests are skipped with a message, except under CI, where they fail.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { run } from '../../src/cli/main';
import type { Grid } from '../../src/core/grid';
import { address, rangeAddress } from '../../src/core/grid';
import { OpcPackage } from '../../src/workbook/ooxml/package';
import { readWorkbookBytes } from '../../src/workbook/read';
import { schemaAvailable, validateParts } from '../support/schema';
import { convert, describeWithSoffice, disposeSoffice } from '../support/soffice';

jest.setTimeout(240_000);

const SAMPLE = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');
const describeLo = describeWithSoffice('the legacy-format CLI tests');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describeLo('the sample as .xls, .et and .ods (LibreOffice)', () => {
  let work: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'legacy-cli-'));
    files.xls = await convert(SAMPLE, 'xls', work);
    files.et = path.join(work, '县区指标.et');
    copyFileSync(files.xls, files.et);
    files.ods = await convert(SAMPLE, 'ods', work);
  }, 240_000);

  afterAll(async () => {
    await disposeSoffice();
    rmSync(work, { recursive: true, force: true });
  });

  test.each(['xls', 'et', 'ods'])('summarize --json on the .%s equals the .xlsx', async (kind) => {
    const expected = await cli(['summarize', SAMPLE, '--json']);
    expect(expected.code).toBe(0);
    const got = await cli(['summarize', files[kind], '--json']);
    expect(got.err).toBe('');
    expect(got.code).toBe(0);
    const tables = JSON.parse(got.out).tables;
    expect(tables.length).toBe(JSON.parse(expected.out).tables.length);
    expect(tables).toEqual(JSON.parse(expected.out).tables);
  });

  test.each(['xls', 'et', 'ods'])('check finds the planted wrong rank in the .%s; inspect lists the tables', async (kind) => {
    const checked = await cli(['check', files[kind], '--lang', 'zh-CN']);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('C10  「固定资产投资」安平县 公布位次为第11位');
    const inspected = await cli(['inspect', files[kind], '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.out).sheets.length).toBe(10);
  });

  test.each(['xls', 'et', 'ods'])('summarize -o on the .%s writes a new .xlsx: its sheets converted, the summary added', async (kind) => {
    const out = path.join(work, `${kind}-汇总.xlsx`);
    const r = await cli(['summarize', files[kind], '-o', out, '--lang', 'zh-CN', '--force']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已转换为 .xlsx');
    const bytes = readFileSync(out);
    const book = await readWorkbookBytes(bytes, out);
    expect(book.format).toBe('xlsx');
    const source = await readWorkbookBytes(readFileSync(files[kind]), files[kind]);
    const sourceGrids = source.grids();
    const names = book.sheets.map((s) => s.name);
    // the source sheets first, then ours
    expect(names.slice(0, sourceGrids.length)).toEqual(sourceGrids.map((g) => g.name));
    expect(names).toEqual(expect.arrayContaining(['主要指标汇总表1', '位次表', '审核结果']));
    // values, number formats and merges as the reader gave them from the legacy file
    const grids = book.grids(sourceGrids.map((g) => g.name));
    expect(grids.map(gridShape)).toEqual(sourceGrids.map(gridShape));
    // column widths: column A of an indicator sheet as wide as in the .xlsx the legacy file was saved from
    // (.xls keeps widths in characters; .ods in inches, converted back at 7 pixels a character)
    const pkg = new OpcPackage(bytes);
    const widthA = (p: OpcPackage, sheet: string): number => {
      const book = p.text('xl/workbook.xml');
      const rid = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
      const part = p.relationships('xl/workbook.xml').find((r) => r.id === rid)?.part;
      const xml = p.text(part ?? '');
      return Number(/<col [^>]*min="1"[^>]*width="([\d.]+)"/.exec(xml)?.[1]);
    };
    const original = widthA(new OpcPackage(readFileSync(SAMPLE)), '一般公共预算收入');
    const converted = widthA(pkg, '一般公共预算收入');
    expect(original).toBeGreaterThan(10);
    if (kind === 'ods') expect(Math.abs(converted - original) / original).toBeLessThan(0.4);
    else {
      // the width the .xls file records (SheetJS reads it directly), to the hundredth
      const xls = XLSX.read(readFileSync(files[kind]), { type: 'buffer', cellStyles: true });
      const recorded = xls.Sheets['一般公共预算收入']['!cols']?.[0]?.width;
      expect(converted).toBeCloseTo(recorded as number, 2);
      expect(Math.abs(converted - original) / original).toBeLessThan(0.1);
    }
    if (schemaAvailable()) {
      expect(validateParts(pkg.partNames.map((name) => ({ name, xml: pkg.text(name) })).filter((p) => !p.name.endsWith('.vml')))).toBe('');
    }
    // a re-run on the converted copy is an .xlsx run: nothing converted again
    const again = await cli(['summarize', out, '-o', path.join(work, `${kind}-again.xlsx`), '--force']);
    expect(again.code).toBe(0);
    expect(again.out).not.toContain('已转换');
  });
});

/** A grid as comparable data (cells and merges). */
function gridShape(g: Grid): { name: string; cells: Record<string, unknown>; merges: string[] } {
  const cells: Record<string, unknown> = {};
  g.rows.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (!cell || (cell.type === 'empty' && !cell.format)) return;
      const { formula: _formula, ...rest } = cell;
      cells[address(r, c)] = rest;
    }),
  );
  return { name: g.name, cells, merges: g.merges.map((m) => rangeAddress(m.top, m.left, m.bottom, m.right)).sort() };
}
