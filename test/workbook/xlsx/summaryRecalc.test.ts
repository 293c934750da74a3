/**
 * The formulas version of the summary, recalculated by LibreOffice, gives the
 * engine's numbers: every formula cell of every summary sheet is compared with the
 * value the core computed. The values version is rendered to PNG for a person to
 * look at (test-artifacts/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { checkWorkbook, prepareSheets } from '../../../src/core/check';
import { summarize } from '../../../src/core/summarize';
import type { SheetPlan, WorkbookPlan } from '../../../src/core/summary';
import type { Targets } from '../../../src/core/summary';
import { planSummary } from '../../../src/core/summary';
import { TOTAL_KEY } from '../../../src/core/summary/model';
import { indicatorKey } from '../../../src/core/check';
import { columnLetters } from '../../../src/core/grid';
import { readXlsxFile } from '../../support/exceljs';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { writePlanPackage } from '../../../src/workbook/write';
import { gridsPackage } from '../../../src/workbook/write/legacy';
import { describeReal } from '../../support/realFixtures';
import { computed, disposeSoffice, recalculate, renderPng, sofficePath } from '../../support/soffice';

const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts');

interface Mismatch {
  sheet: string;
  cell: string;
  formula: string;
  engine: unknown;
  libreoffice: unknown;
}

/** Every formula cell of the plan against the recalculated workbook. */
function compare(plan: WorkbookPlan, wb: ExcelJS.Workbook): { checked: number; mismatches: Mismatch[] } {
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) throw new Error(`sheet ${sheet.name} missing after recalculation`);
    sheet.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        checked++;
        const got = computed(ws.getCell(r + 1, c + 1));
        const want = cell.value;
        const ok =
          typeof want === 'number' && typeof got === 'number'
            ? Math.abs(want - got) <= 1e-9 * Math.max(1, Math.abs(want))
            : (want ?? '') === (got ?? '');
        if (!ok) mismatches.push({ sheet: sheet.name, cell: `${columnLetters(c)}${r + 1}`, formula: cell.formula, engine: want, libreoffice: got });
      }),
    );
  }
  return { checked, mismatches };
}

const soffice = sofficePath();
const describeLo = soffice ? describe : describe.skip;
if (!soffice) console.warn('LibreOffice (soffice) is absent: the recalculation tests are skipped. .ci/run installs libreoffice-calc-nogui.');

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  describeLo('formulas recalculated in LibreOffice', () => {
    jest.setTimeout(300_000);
    afterAll(() => disposeSoffice());

    async function planFor(options: Parameters<typeof planSummary>[1], rank: Parameters<typeof summarize>[2] = {}) {
      const bytes = fs.readFileSync(file);
      const grids = (await readWorkbookBytes(bytes, file)).grids();
      const prepared = prepareSheets({ grids });
      const result = summarize(
        prepared.map((p) => p.layout),
        prepared.map((p) => p.cells),
        rank,
      );
      const findings = checkWorkbook(prepared, { lang: 'zh-CN' });
      const { plan } = planSummary(result, { ...options, findings, sheetOrder: grids.map((g) => g.name), existing: grids.map((g) => ({ name: g.name, a1: null })) });
      return { plan, buffer: Buffer.from(writePlanPackage(bytes, plan).bytes), result };
    }

    test('competition ranks, gaps, shares and targets: every formula gives the engine value', async () => {
      // annual targets for 地区生产总值 in 亿元 (the sheet is in 万元): about four quarters, some regions behind
      const wb0 = await readXlsxFile(file);
      const gdp = summarize(prepareSheets({ grids: wb0.grids() }).map((p) => p.layout), wb0.grids()).tables.find((t) => t.indicator === '地区生产总值');
      if (!gdp?.totalRow?.value) throw new Error('no 地区生产总值 table');
      const values = new Map<string, number>([[TOTAL_KEY, Math.round(gdp.totalRow.value / 2500)]]);
      gdp.rows.forEach((r, i) => r.value !== null && values.set(r.key, Math.round((r.value * (i % 2 ? 4.6 : 3.6)) / 10000)));
      const targets: Targets = new Map([[indicatorKey('地区生产总值'), { indicator: '地区生产总值', unit: '亿元', sheet: '目标', values }]]);
      const { plan, buffer, result } = await planFor({ mode: 'formulas', points: true, share: true, previous: null, targets });
      const first = plan.sheets[0];
      // (headers that do not fit on one line are broken before their unit)
      expect(first.cells[4].map((c) => String(c?.value ?? '').replace(/\n/g, ''))).toEqual(expect.arrayContaining(['年度目标(万元)', '完成目标(%)', '与序时进度差(个百分点)']));
      expect(first.highlights.some((h) => h.kind === 'behind-progress')).toBe(true);
      const recalculated = await recalculate(buffer);
      const { checked, mismatches } = compare(plan, recalculated);
      expect(mismatches).toEqual([]);
      // the comparison sees a wrong figure: change one rank in a copy of the plan
      const copy: WorkbookPlan = JSON.parse(JSON.stringify(plan));
      const rankCell = copy.sheets[0].cells[6].find((c) => c?.formula?.includes('RANK('));
      if (!rankCell) throw new Error('no rank formula on the first region row');
      rankCell.value = (rankCell.value as number) + 1;
      expect(compare(copy, recalculated).mismatches).toHaveLength(1);
      // ranks, growth, values, gaps, shares and counts of 24 indicators over 12+ regions
      expect(checked).toBeGreaterThan(24 * 12 * 3);
      expect(result.tables.length).toBeGreaterThanOrEqual(24);
    });

    test('dense ranks and rank changes: every formula gives the engine value', async () => {
      const wb = await readXlsxFile(file);
      const previous = summarize(
        prepareSheets({ grids: wb.grids() }).map((p) => p.layout),
        wb.grids(),
        { ties: 'dense' },
      );
      // a previous report where every region stood one place lower: changes are +1 or clipped
      for (const t of previous.tables) for (const r of t.rows) if (r.rank !== null) r.rank = r.rank + 1;
      const { plan, buffer } = await planFor({ mode: 'formulas', previous: { result: previous, label: '1-2月' } }, { ties: 'dense' });
      const recalculated = await recalculate(buffer);
      const { checked, mismatches } = compare(plan, recalculated);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(24 * 12 * 3);
      const main = plan.sheets[0];
      const changes = main.cells.flatMap((row) => row.filter((c) => c?.formula?.includes('-') && c.formula.startsWith('=IF(ISNUMBER(') && !c.formula.includes('RANK')));
      expect(changes.length).toBeGreaterThan(0);
    });

    test('the values version renders to PNG (one page wide) for a person to look at', async () => {
      const { plan } = await planFor({ mode: 'values', points: true });
      // render only the summary sheets: a fresh workbook with just them
      const buffer = Buffer.from(writePlanPackage(gridsPackage([]), { ...plan, remove: [] }).bytes);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      fs.writeFileSync(path.join(ARTIFACTS, 'shaoyang-summary.xlsx'), buffer);
      const { pngs, pdf } = await renderPng(buffer, ARTIFACTS, 'shaoyang-summary');
      // each summary sheet prints one page wide: 4 summary pages, the ranks, and the findings
      const summarySheets = plan.sheets.filter((s: SheetPlan) => s.role === 'summary').length;
      expect(pngs.length).toBeGreaterThanOrEqual(summarySheets + 2);
      for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(5_000);
      expect(fs.statSync(pdf).size).toBeGreaterThan(10_000);
    });
  });
});
