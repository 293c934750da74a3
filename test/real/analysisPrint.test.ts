/**
 * The 分析要点 sheet as LibreOffice prints it, for the sample (assets/sample) and the real 邵阳
 * monthly report, built as `summarize -o` builds it (checked, so an indicator with an error is
 * left out): test-artifacts/analysis-<name>.pdf and a PNG a page (analysis-<name>-<page>.png) for
 * a person to look at. Every page A4 portrait with nothing off its edges (one page wide), page
 * numbers in the footer, every row of text whole in the PDF (no line cut off by its row's
 * height), and a few sentences pinned.
 *
 * Without LibreOffice (or the real workbook) these tests are skipped with a warning; under CI
 * either is a failure.
 */
import * as path from 'node:path';
import { prepareSheets } from '../../src/core/check';
import { buildSummary } from '../../src/core/session';
import type { SheetPlan, WorkbookPlan } from '../../src/core/summary';
import { splitGrids } from '../../src/core/summary';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { ARTIFACTS, isA4Portrait, offPage, planOnlyBytes, squeeze } from '../support/printed';
import { REAL_DIR, realFixture } from '../support/realFixtures';
import { describeWithSoffice, disposeSoffice, pdfPageBoxes, pdfPageTexts, renderPng } from '../support/soffice';

jest.setTimeout(300_000);

const SAMPLE = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');

async function planOf(file: string): Promise<WorkbookPlan> {
  const split = splitGrids((await readWorkbookFile(file)).grids());
  const input = { lang: 'zh-CN' as const, mode: 'values' as const, top: 3, points: false, share: false, perSheet: 6, highlights: {}, check: true, summarize: {} };
  return buildSummary(split, prepareSheets({ grids: split.grids }), input).planned.plan;
}

const CASES: { name: string; file: string | null; sentences: string[] }[] = [
  {
    name: 'sample',
    file: SAMPLE,
    sentences: [
      '全市：地区生产总值537.69亿元，增长6.1%（按可比价计算）。',
      '地方一般公共预算收入20.12亿元，增长21.1%，高于全市22.5个百分点，增速居全市第1位。',
      '「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。',
    ],
  },
  {
    name: 'shaoyang',
    file: realFixture('shaoyang-monthly-2025-03.xlsx'),
    sentences: [
      '全市：地区生产总值663.61亿元，增长6.3%（按可比价计算）。',
      '规模工业增加值：县市区中，增速最快的是隆回（增长13.0%），最慢的是大祥（增长5.0%）。',
      '邵东：地区生产总值178.55亿元，增长6.4%，高于全市0.1个百分点，增速居全市第5位。',
    ],
  },
];

describeWithSoffice('the printed 分析要点 sheets')('分析要点 as LibreOffice prints it', () => {
  afterAll(() => disposeSoffice());

  for (const c of CASES) {
    if (!c.file) {
      const why = `shaoyang-monthly-2025-03.xlsx is not in ${REAL_DIR}`;
      if (process.env.CI) test(`${c.name}: present (CI needs the real workbooks)`, () => expect(why).toBe('present'));
      else test.skip(`${c.name} (skipped: ${why})`, () => undefined);
      continue;
    }
    const file = c.file;

    test(`${c.name}: A4 portrait pages one page wide, numbered, every paragraph whole, the sentences pinned`, async () => {
      const plan = await planOf(file);
      const sheet = plan.sheets.find((s) => s.role === 'analysis') as SheetPlan;
      expect(sheet.name).toBe('分析要点');
      const { pdf, pngs } = await renderPng(planOnlyBytes(plan, [sheet]), ARTIFACTS, `analysis-${c.name}`);
      const pages = await pdfPageTexts(pdf);
      const boxes = await pdfPageBoxes(pdf);
      expect(pngs).toHaveLength(pages.length);
      expect(boxes.every(isA4Portrait)).toBe(true);
      expect(offPage(boxes)).toEqual([]);
      pages.forEach((p, i) => expect(squeeze(p)).toContain(`第${i + 1}页，共${pages.length}页`));
      const all = squeeze(pages.join(''));
      expect(squeeze(pages[0])).toContain('主要指标分析要点');
      // each row's text on its page, whole: a line cut off by too low a row would be missing
      const rows = sheet.cells.map((r) => String(r[0]?.value ?? '')).filter(Boolean);
      expect(rows.filter((t) => !all.includes(squeeze(t)))).toEqual([]);
      for (const s of c.sentences) expect(all).toContain(squeeze(s));
    });
  }
});
