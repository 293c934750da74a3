/**
 * The summary of the generated workbooks with the real reports' layouts
 * (test/support/layoutFixtures.ts) as LibreOffice prints it: every table on one page
 * (so one page wide, footnotes included), 分析要点 one page wide in A4 portrait, no ### for a rank too wide for its column, the
 * long names whole, the tie mark shown where a top or bottom highlight also applies.
 * The PDFs are left in test-artifacts/ to look at.
 */
import { planSummary } from '../../../src/core/summary';
import type { SummaryPlanOptions } from '../../../src/core/summary';
import { ZONE, noTotalReport, provinceReport } from '../../support/layoutFixtures';
import type { LayoutReport } from '../../support/layoutFixtures';
import { printPlan, printProblems, squeeze } from '../../support/printed';
import { describeWithSoffice, disposeSoffice, pdfPageBoxes } from '../../support/soffice';

jest.setTimeout(300_000);

describeWithSoffice('the printed summary of the generated layouts')('the printed summary of the generated layouts', () => {
  afterAll(() => disposeSoffice());

  async function printed(report: LayoutReport, name: string, options: SummaryPlanOptions = {}) {
    const { plan } = planSummary(report.summary, options);
    const { pdf, pages } = await printPlan(plan, name);
    return { plan, pdf, pages, problems: printProblems(plan, pages, await pdfPageBoxes(pdf)) };
  }

  test('21 市州 with long names, a low tie and negatives: each sheet one page, names whole, 18(并列) not ###', async () => {
    const report = await provinceReport();
    for (const [lang, options] of [
      ['zh-CN', {}],
      ['en-US', { lang: 'en-US', points: true, share: true }],
    ] as const) {
      const { plan, pages, problems } = await printed(report, `layout-province-${lang}`, options);
      expect(problems).toEqual([]);
      expect(plan.sheets.map((s) => s.role)).toContain('analysis');
      const all = pages.map(squeeze).join('\n');
      expect(all).not.toContain('###');
      expect(all).toContain('云岭藏族羌族自治州');
      expect(all).toContain(ZONE);
      // the tie at the bottom, shown with its mark (a number format, so no rule can hide it)
      const gdp = report.summary.tables.find((t) => t.indicator === '地区生产总值')!;
      const low = gdp.rows.find((r) => r.rank !== null && r.rank >= 10 && gdp.rows.some((x) => x !== r && x.rank === r.rank))!;
      expect(squeeze(pages[0])).toContain(lang === 'zh-CN' ? `${low.rank}(并列)` : `${low.rank}(tied)`);
    }
  });

  test('a table without a total: no 合计 line printed; one page', async () => {
    const { pages, problems } = await printed(await noTotalReport(), 'layout-no-total');
    expect(problems).toEqual([]);
    // 合计 appears in the footnotes (分项之和与合计), never as a line of the table
    for (const page of pages) expect(page.split('\n').some((line) => /^\s*合计\s*$/.test(line) || /^\s*合计\s/.test(line))).toBe(false);
  });
});
