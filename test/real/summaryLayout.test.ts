/**
 * The summary of every real workbook (../shared/fixtures/real) as LibreOffice prints it,
 * left as test-artifacts/real-<name>.pdf: every summary sheet on exactly one page (so one
 * page wide, footnotes included), 分析要点 on as many A4 portrait pages as its text takes,
 * each one page wide (no word off the page), no ### anywhere; in the plan, rank columns wide enough
 * for their widest rank (11(并列)), region names and body cells uncut, no line without a
 * figure (an empty 合计 where the source has no total, empty 邵阳经开区 / 市辖区 lines),
 * ties and negative growth in the cells' own number formats.
 *
 * Without LibreOffice or the real workbooks these tests are skipped with a warning;
 * under CI either is a failure.
 */
import * as path from 'node:path';
import type { CellStyle, SheetPlan, SummaryPlanOptions } from '../../src/core/summary';
import { lineCount, planSummary, shownText } from '../../src/core/summary';
import { readWorkbook } from '../../src/core/layout';
import { summarize } from '../../src/core/summarize';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { printPlan, printProblems, squeeze } from '../support/printed';
import { REAL_DIR, realFixture } from '../support/realFixtures';
import { describeWithSoffice, disposeSoffice, pdfPageBoxes } from '../support/soffice';

jest.setTimeout(600_000);

const REAL: { file: string; lang: 'zh-CN' | 'en-US' }[] = [
  { file: 'shaoyang-monthly-2025-03.xlsx', lang: 'zh-CN' },
  { file: 'zhejiang-yearbook-2012-cities.xlsx', lang: 'zh-CN' },
  { file: 'zhejiang-yearbook-2022-cities.xlsx', lang: 'zh-CN' },
  { file: 'jiangsu-yearbook-2023-cities-gdp.xlsx', lang: 'zh-CN' },
  { file: 'shandong-yearbook-2022-cities-gdp.xlsx', lang: 'zh-CN' },
  { file: 'sichuan-yearbook-cities-gdp.xlsx', lang: 'zh-CN' },
  { file: 'kazakhstan-grp-regions.xlsx', lang: 'en-US' },
  { file: 'philippines-grdp-regions-2000-2023.xlsx', lang: 'en-US' },
];

const BODY = 5;

function styleAt(s: SheetPlan, r: number, c: number): CellStyle {
  let out: CellStyle = {};
  for (const f of s.formats) if (f.range.top <= r && r <= f.range.bottom && f.range.left <= c && c <= f.range.right) out = { ...out, ...f.style };
  return out;
}

function bodyRows(s: SheetPlan): number[] {
  const rows: number[] = [];
  for (let r = BODY; r < s.cells.length && s.cells[r]?.length; r++) rows.push(r);
  return rows;
}

async function planOf(file: string, options: SummaryPlanOptions) {
  const grids = (await readWorkbookFile(file)).grids();
  const summary = summarize(readWorkbook(grids), grids);
  return { summary, plan: planSummary(summary, options).plan };
}

describeWithSoffice('the printed summaries of the real workbooks')('the printed summaries of the real workbooks', () => {
  afterAll(() => disposeSoffice());

  for (const { file, lang } of REAL) {
    const found = realFixture(file);
    if (!found) {
      const why = `${file} is not in ${REAL_DIR}`;
      if (process.env.CI) test(`${file}: present (CI needs the real workbooks)`, () => expect(why).toBe('present'));
      else test.skip(`${file} (skipped: ${why})`, () => undefined);
      continue;
    }

    describe(file, () => {
      let plan: Awaited<ReturnType<typeof planOf>>['plan'];
      beforeAll(async () => {
        plan = (await planOf(found, { lang })).plan;
      });

      test('every body cell fits its column as its number format shows it (names, 11(并列)); every line has a figure', () => {
        const cut: string[] = [];
        const empty: string[] = [];
        for (const s of plan.sheets) {
          if (s.role !== 'summary' && s.role !== 'ranks') continue;
          for (const r of bodyRows(s)) {
            if (!s.cells[r].slice(1).some((c) => c !== null && c.value !== null && c.value !== '')) empty.push(`${s.name}!${r + 1} ${String(s.cells[r][0]?.value)}`);
            s.cells[r].forEach((cell, c) => {
              if (!cell) return;
              const st = styleAt(s, r, c);
              const text = shownText(cell.value, st.numberFormat);
              if (lineCount(text, s.columns[c], st.size ?? 10, !!st.bold) > 1) cut.push(`${s.name}!${r + 1}:${c + 1} ${text} in ${s.columns[c]}`);
            });
          }
        }
        expect(cut).toEqual([]);
        expect(empty).toEqual([]);
      });

      test('ties in the tied cells’ own number format, negative growth red by the growth format (values mode)', () => {
        const tie = lang === 'zh-CN' ? '0"(并列)"' : '0" (tied)"';
        for (const s of plan.sheets.filter((x) => x.role === 'summary')) {
          expect(s.highlights.some((h) => h.kind === 'tie' || h.kind === 'negative')).toBe(false);
          for (const r of bodyRows(s)) {
            s.cells[4].forEach((cell, c) => {
              const head = { value: String(cell?.value ?? '').replace(/\n/g, '') };
              const v = s.cells[r][c]?.value;
              if (typeof v !== 'number') return;
              const f = styleAt(s, r, c).numberFormat ?? '';
              if (head?.value === (lang === 'zh-CN' ? '增速(%)' : 'Growth (%)')) expect(f).toMatch(/;\[Red\]-/);
              if (String(head?.value ?? '').startsWith(lang === 'zh-CN' ? '位次' : 'Rank') || head?.value === '总量位次') {
                const tied = bodyRows(s).some((x) => x !== r && s.cells[x][c]?.value === v);
                expect({ at: `${s.name}!${r + 1}:${c + 1}`, f }).toEqual({ at: `${s.name}!${r + 1}:${c + 1}`, f: tied ? tie : '0' });
              }
            });
          }
        }
      });

      test('LibreOffice prints each summary sheet on one page (one page wide, footnotes in), 分析要点 one page wide in portrait, no ###', async () => {
        const name = `real-${path.basename(file, '.xlsx')}`;
        const { pdf, pages } = await printPlan(plan, name);
        // every table exactly one page; 分析要点 as many pages as it needs, A4 portrait; nothing off a page's edges
        expect(printProblems(plan, pages, await pdfPageBoxes(pdf))).toEqual([]);
        expect(plan.sheets.some((s) => s.role === 'analysis')).toBe(true);
        expect(pages.filter((p) => p.includes('###'))).toEqual([]);
      });
    });
  }

  // The layouts the issue names, on the files where they were seen.
  const pin = (file: string, fn: (plan: Awaited<ReturnType<typeof planOf>>) => void) => {
    const found = realFixture(file);
    (found ? test : test.skip)(`${file}: ${fn.name}`, async () => fn(await planOf(found as string, {})));
  };
  pin('shandong-yearbook-2022-cities-gdp.xlsx', function twoDigitTiesFit({ plan }) {
    const s = plan.sheets[0];
    const wide = bodyRows(s).flatMap((r) => s.cells[r].map((cell, c) => ({ text: shownText(cell?.value ?? null, styleAt(s, r, c).numberFormat), c }))).filter((x) => /^\d\d\(并列\)$/.test(x.text));
    expect(wide.length).toBeGreaterThan(0);
    for (const x of wide) expect(s.columns[x.c]).toBeGreaterThanOrEqual(9);
  });
  pin('sichuan-yearbook-cities-gdp.xlsx', function longNamesAndTiesFit({ plan }) {
    const s = plan.sheets[0];
    const names = bodyRows(s).map((r) => String(s.cells[r][0]?.value));
    expect(names).toContain('阿坝藏族羌族自治州');
    expect(s.columns[0]).toBeGreaterThanOrEqual(18);
    const texts = bodyRows(s).flatMap((r) => s.cells[r].map((cell, c) => shownText(cell?.value ?? null, styleAt(s, r, c).numberFormat)));
    expect(texts.filter((t) => /^\d\d\(并列\)$/.test(t)).length).toBeGreaterThan(0);
  });
  for (const file of ['zhejiang-yearbook-2012-cities.xlsx', 'zhejiang-yearbook-2022-cities.xlsx', 'jiangsu-yearbook-2023-cities-gdp.xlsx']) {
    pin(file, function noTotalLine({ plan, summary }) {
      expect(summary.tables.every((t) => t.total === null)).toBe(true);
      for (const s of plan.sheets.filter((x) => x.role === 'summary' || x.role === 'ranks')) {
        expect(bodyRows(s).map((r) => s.cells[r][0]?.value)).not.toContain('合计');
        expect(styleAt(s, BODY, 0).bold).toBeFalsy();
      }
    });
  }
  pin('shaoyang-monthly-2025-03.xlsx', function zonesOnlyWhereTheyHaveFigures({ plan }) {
    for (const zone of ['邵阳经开区', '市辖区']) {
      const on = plan.sheets.filter((s) => s.role === 'summary' && bodyRows(s).some((r) => s.cells[r][0]?.value === zone));
      expect(on.length).toBeLessThanOrEqual(1);
    }
  });
  pin('shaoyang-monthly-2025-03.xlsx', function sameRowsOnRanksAndSummary({ plan }) {
    // 位次表 has no total line: the total has no rank
    const ranks = plan.sheets.find((s) => s.role === 'ranks') as SheetPlan;
    expect(bodyRows(ranks).map((r) => ranks.cells[r][0]?.value)).not.toContain('全市');
    expect(squeeze(String(ranks.cells[0][0]?.value))).toBe('各县市区主要指标位次表');
  });
});
