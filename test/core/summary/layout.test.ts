/**
 * The layout of the summary as printed: columns as wide as what they show, headers
 * wrapped within their columns, no empty lines (a total no table has, a region with no
 * figure on that sheet), ties and negative growth in the cells' own number formats,
 * the page set up to hold the sheet. On generated workbooks with the layouts of the
 * real reports (test/support/layoutFixtures.ts); test/real/summaryLayout.test.ts
 * renders the real ones with LibreOffice.
 */
import type { CellStyle, SheetPlan } from '../../../src/core/summary';
import { RANKS_PER_SHEET, lineCount, planSummary, shownText, textUnits } from '../../../src/core/summary';
import { readWorkbook } from '../../../src/core/layout';
import { summarize } from '../../../src/core/summarize';
import { readXlsxBuffer } from '../../support/exceljs';
import { LONG_NAMED_CITIES, buildCountySheet, newWorkbook, workbookBuffer } from '../../support/fixtures';
import { headText } from './county';
import type { LayoutReport } from '../../support/layoutFixtures';
import { ZONE, noTotalReport, provinceReport } from '../../support/layoutFixtures';

const BODY = 5;

/** The style a cell ends up with (later formats win). */
function styleAt(s: SheetPlan, r: number, c: number): CellStyle {
  let out: CellStyle = {};
  for (const f of s.formats) if (f.range.top <= r && r <= f.range.bottom && f.range.left <= c && c <= f.range.right) out = { ...out, ...f.style };
  return out;
}

/** Body rows: from the first line under the headers to the last region (the footnotes start after a blank row). */
function bodyRows(s: SheetPlan): number[] {
  const rows: number[] = [];
  for (let r = BODY; r < s.cells.length && s.cells[r]?.length; r++) rows.push(r);
  return rows;
}

const names = (s: SheetPlan) => bodyRows(s).map((r) => s.cells[r][0]?.value);

/** The sheets that are tables (主要指标汇总表, 位次表), not 分析要点 (test/core/summary/analysisSheet.test.ts). */
const tables = (plan: { sheets: SheetPlan[] }): SheetPlan[] => plan.sheets.filter((s) => s.role === 'summary' || s.role === 'ranks');

let province: LayoutReport;
let noTotal: LayoutReport;
beforeAll(async () => {
  province = await provinceReport();
  noTotal = await noTotalReport();
});

describe('columns as wide as what they show', () => {
  test('every body cell fits its column on one line as its number format shows it (ranks like 18(并列) too)', () => {
    const { plan } = planSummary(province.summary);
    for (const s of tables(plan)) {
      for (const r of bodyRows(s)) {
        s.cells[r].forEach((cell, c) => {
          if (!cell) return;
          const st = styleAt(s, r, c);
          const text = shownText(cell.value, st.numberFormat);
          expect({ sheet: s.name, r, c, text, fits: lineCount(text, s.columns[c], st.size ?? 10, !!st.bold) === 1 }).toMatchObject({ fits: true });
        });
      }
    }
  });

  test('a two-digit tied rank gets a column of about 10 characters (it was 5.5 and showed ###)', () => {
    const main = planSummary(province.summary).plan.sheets[0];
    const gdp = province.summary.tables.find((t) => t.indicator === '地区生产总值')!;
    const tiedLow = gdp.rows.filter((r) => r.rank !== null && r.rank >= 10 && gdp.rows.some((x) => x !== r && x.rank === r.rank));
    expect(tiedLow.length).toBeGreaterThanOrEqual(2);
    const rankCol = main.cells[4].findIndex((c) => headText(c?.value) === '位次');
    expect(main.cells[BODY + 1 + gdp.rows.indexOf(tiedLow[0])][rankCol]?.value).toBe(tiedLow[0].rank);
    // 2 digits, 2 parentheses and 2 CJK characters: more than 8 characters in any font
    expect(main.columns[rankCol]).toBeGreaterThanOrEqual(9);
  });

  test('the region column holds the longest name (云岭藏族羌族自治州: 9 CJK characters, about 18 wide)', () => {
    for (const s of tables(planSummary(province.summary).plan)) {
      const longest = Math.max(...LONG_NAMED_CITIES.map((r) => textUnits(r.full)));
      expect(s.columns[0]).toBeGreaterThanOrEqual(longest);
      expect(s.columns[0]).toBeGreaterThanOrEqual(18);
    }
  });

  test('headers wrap on at most three lines in their columns, and their rows are high enough for them', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      for (const s of tables(planSummary(province.summary, { lang, points: true, share: true }).plan)) {
        const height = (r: number) => s.rowHeights.find((h) => h.row === r)?.height ?? 15;
        s.cells[4].forEach((cell, c) => {
          if (!cell?.value || s.merges.some((m) => m.top === 3 && m.left === c && m.bottom === 4)) return;
          const lines = lineCount(String(cell.value), s.columns[c], 10, true);
          expect({ sheet: s.name, c, text: cell.value, lines }).toMatchObject({ lines: expect.any(Number) });
          expect(lines).toBeLessThanOrEqual(3);
          expect(height(4)).toBeGreaterThanOrEqual(lines * 12);
        });
      }
    }
  });

  test('a linked indicator name (which LibreOffice does not wrap) fits on one line across its columns', () => {
    const s = planSummary(province.summary, { lang: 'en-US' }).plan.sheets[0];
    for (const m of s.merges.filter((x) => x.top === 3 && x.bottom === 3)) {
      const cell = s.cells[3][m.left];
      if (!cell?.link) continue;
      const width = s.columns.slice(m.left, m.right + 1).reduce((a, b) => a + b, 0);
      expect(lineCount(String(cell.value), width, 10, true)).toBe(1);
    }
  });
});

describe('no empty lines', () => {
  test('no total line when no table has a total (浙江 17-2 printed an empty 合计)', () => {
    const { plan } = planSummary(noTotal.summary);
    expect(noTotal.summary.tables.every((t) => t.total === null)).toBe(true);
    for (const s of tables(plan)) {
      expect(names(s)[0]).toBe('东州市');
      expect(names(s)).toHaveLength(11);
      expect(names(s)).not.toContain('合计');
      // the first line is a region: plain, not bold
      expect(styleAt(s, BODY, 0).bold).toBeFalsy();
    }
  });

  test('a region with no figure on a summary sheet gets no line there (the zone is listed by one table only)', () => {
    const { plan } = planSummary(province.summary, { perSheet: 1 });
    const withZone = plan.sheets.filter((s) => names(s).includes(ZONE)).map((s) => s.name);
    const zoneTable = province.summary.tables.find((t) => t.rows.some((r) => r.region === ZONE))!;
    const zoneSheet = plan.sheets.find((s) => s.cells[3]?.some((c) => c?.value === zoneTable.indicator))!;
    expect(withZone.filter((n) => n !== zoneSheet.name && !n.startsWith('位次表'))).toEqual([]);
    // every line of every summary sheet has a figure
    for (const s of tables(plan)) for (const r of bodyRows(s)) expect(s.cells[r].slice(1).some((c) => c !== null && c.value !== null && c.value !== '')).toBe(true);
  });

  test('the total line is there when a table has one, bold', () => {
    const s = planSummary(province.summary).plan.sheets[0];
    expect(names(s)[0]).toBe('全省');
    expect(styleAt(s, BODY, 0).bold).toBe(true);
  });
});

describe('ties and negative growth in the cells’ own number formats (values)', () => {
  test('each tied rank cell, and only those, shows N(并列); negative growth is red by the number format', () => {
    const { plan } = planSummary(province.summary);
    const s = plan.sheets[0];
    const gdp = province.summary.tables.find((t) => t.indicator === '地区生产总值')!;
    const rankCol = s.cells[4].findIndex((c) => headText(c?.value) === '位次');
    const growthCol = s.cells[4].findIndex((c) => headText(c?.value) === '增速(%)');
    gdp.rows.forEach((row, i) => {
      const r = BODY + 1 + i;
      const tied = gdp.rows.some((x) => x !== row && x.rank === row.rank);
      expect(shownText(s.cells[r][rankCol]?.value ?? null, styleAt(s, r, rankCol).numberFormat)).toBe(tied ? `${row.rank}(并列)` : `${row.rank}`);
      expect(styleAt(s, r, growthCol).numberFormat).toBe('0.0;[Red]-0.0');
    });
    expect(gdp.rows.filter((r) => (r.growthShown ?? 0) < 0)).toHaveLength(2);
    // no rule carries them in values mode
    expect(s.highlights.map((h) => h.kind)).not.toContain('tie');
    expect(s.highlights.map((h) => h.kind)).not.toContain('negative');
  });

  test('shownText renders the formats the summary uses', () => {
    expect(shownText(11, '0"(并列)"')).toBe('11(并列)');
    expect(shownText(3, '0" (tied)"')).toBe('3 (tied)');
    expect(shownText(-2.25, '0.0;[Red]-0.0')).toBe('-2.3');
    expect(shownText(2.5, '0.00')).toBe('2.50');
    expect(shownText(-2, '"↑"0;"↓"0;"—"')).toBe('↓2');
    expect(shownText(0, '"↑"0;"↓"0;"—"')).toBe('—');
    expect(shownText(1234567.8, '#,##0.0')).toBe('1,234,567.8');
    expect(shownText(6.17000000000001, 'General')).toBe('6.17');
    // one section keeps the sign; _x leaves a space, \\x writes x; a format seen before is read the same way
    expect(shownText(5, '0.0_ ')).toBe('5.0 ');
    expect(shownText(-1, '0.0_ ')).toBe('-1.0 ');
    expect(shownText(3, '0\\%')).toBe('3%');
    expect(shownText(2, '"↑"0;"↓"0;"—"')).toBe('↑2');
    expect(shownText(7, '[Red]"第"0"位"')).toBe('第7位');
  });
});

describe('the page', () => {
  test('位次表 of many indicators is split so each sheet prints one page wide at a readable size (at most RANKS_PER_SHEET ranks a sheet)', () => {
    const gdp = province.summary.tables[0];
    const many = { ...province.summary, tables: Array.from({ length: 30 }, (_, i) => ({ ...gdp, indicator: `指标${i + 1}` })) };
    const { plan } = planSummary(many);
    const ranks = plan.sheets.filter((s) => s.role === 'ranks');
    expect(ranks.map((s) => s.name)).toEqual(['位次表1', '位次表2']);
    expect(ranks.map((s) => s.cells[0][0]?.value)).toEqual(['各市州主要指标位次表（1）', '各市州主要指标位次表（2）']);
    // 15 + 15, each sheet's counts over its own indicators
    expect(ranks.map((s) => s.cells[3].filter((c) => String(c?.value ?? '').startsWith('指标')).length)).toEqual([15, 15]);
    expect(ranks[1].cells[3][1]?.value).toBe('指标16');
    for (const s of ranks) expect(s.cells.flat().some((c) => String(c?.value ?? '').includes('位次统计为本表15项指标'))).toBe(true);
    expect(RANKS_PER_SHEET).toBe(24);
    expect(planSummary({ ...many, tables: many.tables.slice(0, 24) }).plan.sheets.filter((s) => s.role === 'ranks').map((s) => s.name)).toEqual(['位次表']);
  });

  test('small summaries print on one page, one page wide, the header rows repeated', () => {
    for (const s of tables(planSummary(province.summary).plan)) {
      expect(s.print).toMatchObject({ fitToWidth: 1, fitToHeight: 1, titleRows: { first: 3, last: 4 } });
    }
  });

  test('a table too tall for one page at half size goes one page wide over several pages, header rows repeated', async () => {
    const wb = newWorkbook();
    buildCountySheet(wb, { seed: 21, regions: 150, indicator: '地区生产总值' });
    const buffer = await workbookBuffer(wb);
    const grids = (await readXlsxBuffer(buffer)).grids();
    const { plan } = planSummary(summarize(readWorkbook(grids), grids));
    const s = plan.sheets[0];
    expect(bodyRows(s).length).toBeGreaterThan(150);
    // one indicator: narrow, so portrait; 150 lines do not fit one page at a readable size
    expect(s.print).toMatchObject({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 0, titleRows: { first: 3, last: 4 } });
    // a small table of many indicators is wide: landscape, one page
    const wide = planSummary(province.summary, { perSheet: 3 }).plan.sheets[0];
    expect(wide.print).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 1 });
    const narrow = planSummary(province.summary, { perSheet: 1 }).plan.sheets[0];
    expect(narrow.print).toMatchObject({ orientation: 'portrait', fitToWidth: 1, fitToHeight: 1 });
  });

  test('footnote rows are high enough for their lines in the table’s width', () => {
    for (const s of tables(planSummary(province.summary).plan)) {
      const last = bodyRows(s).pop() as number;
      const width = s.columns.reduce((a, b) => a + b, 0);
      for (let r = last + 2; r < s.cells.length; r++) {
        const text = String(s.cells[r][0]?.value ?? '');
        const height = s.rowHeights.find((h) => h.row === r)?.height ?? 0;
        expect(s.merges).toContainEqual({ top: r, left: 0, bottom: r, right: s.columns.length - 1 });
        expect(height).toBeGreaterThanOrEqual(lineCount(text, width, 9) * 11);
      }
    }
  });
});
