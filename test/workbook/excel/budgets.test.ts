/**
 * Round trips and payloads, counted by the strict fake: reading any number of sheets
 * takes 2 syncs plus one per extra block; writing a plan 2 plus one per extra block;
 * formatting calls grow with columns and rules, never with rows; the 2,850 x 60
 * table goes both ways without a request or response over 5 MB.
 */
import { prepareSheets } from '../../../src/core/check';
import type { Grid } from '../../../src/core/grid';
import { summarize } from '../../../src/core/summarize';
import type { SummaryPlanOptions, WorkbookPlan } from '../../../src/core/summary';
import { TIE_CELLS_MAX, planSummary } from '../../../src/core/summary';
import { PAYLOAD_LIMIT } from '../../../src/workbook/excel';
import { FakeExcel } from '../../support/fakeExcel';
import { fakeFromGrids } from '../../support/fakeExcel/fromGrid';
import { bigTableGrid } from '../../support/bigTable';
import { gridShape } from './normalize';
import { SAMPLE, adapterOn, planOf, twoWays } from './support';

jest.setTimeout(180_000);

function planOfGrid(grid: Grid, mode: 'values' | 'formulas' = 'values', highlights: SummaryPlanOptions['highlights'] = {}, text = true): WorkbookPlan {
  const prepared = prepareSheets({ grids: [grid] });
  const result = summarize(
    prepared.map((p) => p.layout),
    prepared.map((p) => p.cells),
  );
  return planSummary(result, { mode, highlights, text, sheetOrder: [grid.name], existing: [{ name: grid.name, a1: null }] }).plan;
}

/** The sheets that are tables (主要指标汇总表, 位次表), not the text of 分析要点. */
const tables = (plan: WorkbookPlan) => plan.sheets.filter((s) => s.role === 'summary' || s.role === 'ranks');

const formatOps = (book: FakeExcel) => book.stats.log.reduce((n, s) => n + s.formatOps, 0);
const maxRequest = (book: FakeExcel) => Math.max(...book.stats.log.map((s) => s.requestBytes));
const maxResponse = (book: FakeExcel) => Math.max(...book.stats.log.map((s) => s.responseBytes));

describe('reading', () => {
  test('one sheet or all of them: two syncs', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const names = xlsx.grids().map((g) => g.name);
    expect(names.length).toBeGreaterThan(5);
    const adapter = adapterOn(book);
    book.resetStats();
    await adapter.readGrids(names.slice(0, 1));
    expect(book.stats.syncs).toBe(2);
    book.resetStats();
    await adapter.readGrids(names);
    expect(book.stats.syncs).toBe(2);
    // without names, one more to list the sheets
    book.resetStats();
    await adapter.readGrids();
    expect(book.stats.syncs).toBe(3);
  });

  test('the 2,850 x 60 table: the same grid, a few syncs, none over 5 MB', async () => {
    const grid = bigTableGrid(2850, 60);
    const book = fakeFromGrids([grid]);
    const adapter = adapterOn(book);
    book.resetStats();
    const [got] = await adapter.readGrids([grid.name]);
    const { syncs, blocks } = adapter.lastRead ?? { syncs: 0, blocks: 0 };
    expect(book.stats.syncs).toBe(syncs);
    expect(blocks).toBeGreaterThan(1);
    expect(syncs).toBeLessThanOrEqual(2 + (blocks - 1));
    expect(maxResponse(book)).toBeLessThan(PAYLOAD_LIMIT);
    expect(gridShape(got)).toEqual(gridShape(grid));
    console.log(`read 2,850 x 181: ${syncs} syncs, ${blocks} blocks, largest response ${(maxResponse(book) / 1e6).toFixed(2)} MB`);
  });
});

describe('writing', () => {
  test('the sample summary: two syncs', async () => {
    const { xlsx, book } = await twoWays(SAMPLE);
    const adapter = adapterOn(book);
    book.resetStats();
    await adapter.writePlan(planOf(xlsx, { points: true, share: true }));
    expect(book.stats.syncs).toBe(2);
    expect(adapter.lastWrite?.syncs).toBe(2);
  });

  test('formatting calls grow with columns and rules, not with rows; 分析要点 adds one merge a paragraph row', async () => {
    const counts = [];
    // 190 regions: 分析要点 writes a paragraph for each region up to ANALYSIS_REGIONS_MAX (200)
    for (const regions of [40, 190]) {
      for (const text of [false, true]) {
        const grid = bigTableGrid(regions, 6, 7);
        // ties take a format per tied cell (see the next test)
        const plan = planOfGrid(grid, 'values', { tie: false }, text);
        const book = fakeFromGrids([grid]);
        book.resetStats();
        await adapterOn(book).writePlan(plan);
        const rules = tables(plan).reduce((n, s) => n + s.formats.length + s.highlights.length, 0);
        const analysis = plan.sheets.find((s) => s.role === 'analysis');
        const textRows = analysis?.cells.filter((r) => r[0]?.value).length ?? 0;
        counts.push({ formatOps: formatOps(book), rules, textFormats: analysis?.formats.length ?? 0, textMerges: analysis?.merges.length ?? 0, textRows });
      }
    }
    const [small, smallText, large, largeText] = counts;
    // five times the rows, the same plan structure, the same formatting calls
    expect(large.rules).toBe(small.rules);
    expect(large.formatOps).toBe(small.formatOps);
    expect(large.formatOps).toBeGreaterThan(0);
    // the text: formats per section, a merge per row of text (a paragraph a row: regions and indicators, not cells)
    expect(largeText.textFormats).toBe(smallText.textFormats);
    expect(largeText.textMerges).toBe(largeText.textRows);
    expect(largeText.textRows - smallText.textRows).toBeGreaterThanOrEqual(190 - 40);
    // its formatting calls: the section formats, and the row heights (in runs of equal heights, so at most one a row)
    expect(largeText.formatOps - large.formatOps).toBeLessThanOrEqual(largeText.textFormats * 8 + largeText.textRows);
  });

  test('tie marks: a format per tied cell up to TIE_CELLS_MAX per sheet, beyond it one rule per rank column', async () => {
    const ops = async (regions: number, tie: boolean) => {
      const grid = bigTableGrid(regions, 6, 7);
      const plan = planOfGrid(grid, 'values', { tie });
      const book = fakeFromGrids([grid]);
      book.resetStats();
      await adapterOn(book).writePlan(plan);
      return { plan, formatOps: formatOps(book) };
    };
    const tiedFormats = (plan: WorkbookPlan) => tables(plan).map((s) => s.formats.filter((f) => f.style.numberFormat === '0"(并列)"').length);
    const small = await ops(40, true);
    const counts = tiedFormats(small.plan);
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(TIE_CELLS_MAX);
    expect(small.plan.sheets.flatMap((s) => s.highlights).some((h) => h.kind === 'tie')).toBe(false);
    // 400 regions: over the cap, so rules (one per rank column: 6 on the summary, 6 on 位次表)
    const [on, off] = [await ops(400, true), await ops(400, false)];
    expect(tiedFormats(on.plan)).toEqual([0, 0]);
    expect(on.plan.sheets.flatMap((s) => s.highlights).filter((h) => h.kind === 'tie')).toHaveLength(12);
    expect(on.formatOps - off.formatOps).toBeLessThanOrEqual(12 * 4);
  });

  test('the 2,850 x 60 summary: no sync over 5 MB, 2 syncs plus one per extra block', async () => {
    const grid = bigTableGrid(2850, 60);
    const plan = planOfGrid(grid);
    const book = fakeFromGrids([grid]);
    const adapter = adapterOn(book);
    book.resetStats();
    await adapter.writePlan(plan);
    const syncs = book.stats.syncs;
    const sent = book.stats.log.reduce((n, s) => n + s.requestBytes, 0);
    expect(maxRequest(book)).toBeLessThan(PAYLOAD_LIMIT);
    expect(syncs).toBeGreaterThan(2);
    // every sync but the first carries a nearly full request
    expect(syncs).toBeLessThanOrEqual(2 + Math.ceil(sent / (3 * 1024 * 1024)));
    // what was written is the plan
    const main = plan.sheets[0];
    const fake = book.sheet(main.name);
    const last = main.cells.length - 1;
    expect(fake?.cell(last, 0).value).toBe(main.cells[last][0]?.value ?? null);
    console.log(`write 2,850 x 60 summary: ${syncs} syncs, ${(sent / 1e6).toFixed(1)} MB sent, largest request ${(maxRequest(book) / 1e6).toFixed(2)} MB`);
  });
});
