import type { Lang } from '../i18n';
import type { Analysis, ParagraphKind } from '../text';
import { SECTION_TITLE, cnNumber } from '../text';
import type { SheetPlan } from './Plan.types';
import { SheetBuilder } from './SheetBuilder';
import { fitRows, lineCount, lineHeight } from './measure';
import { FONT, STYLE, printSettings } from './styles';
import { tx } from './text';

/**
 * The width the text runs in, in width units: A4 portrait with the sheets' half-inch side margins
 * leaves 523 pt, and 96 units are 508 pt in Excel's Calibri, so the sheet prints one page wide at
 * full size. The text goes across COLUMNS columns merged, not one wide column: a workbook whose
 * default font is wider makes each unit wider, and the programs shrink a sheet to one page wide
 * by its columns, never one column wider than the page (LibreOffice cuts that at the page edge).
 */
export const ANALYSIS_WIDTH = 96;
const COLUMNS = 8;
/** points: the paragraphs, the section headings */
const BODY_SIZE = 11;
const HEAD_SIZE = 12;
/** Excel's highest row is 409 pt: a paragraph taller than this goes on more rows, cut at the end of a sentence. */
export const ANALYSIS_ROW_MAX = 400;

/** The height a row of wrapped text needs across the columns (as fitRows gives it). */
function heightOf(text: string, size: number): number {
  return lineCount(text, ANALYSIS_WIDTH, size) * lineHeight(size) + 4;
}

/**
 * A paragraph as the rows of the sheet: "title：sentences" on one row, or, when that would be
 * taller than a row can be, cut at the ends of sentences into as few rows as keep each under it.
 */
export function paragraphRows(title: string, sentences: string[], lang: Lang): string[] {
  const sep = lang === 'zh-CN' ? '' : ' ';
  const rows: string[] = [];
  let row = title + (lang === 'zh-CN' ? '：' : ': ');
  let first = true;
  for (const s of sentences) {
    if (first) row += s;
    else if (heightOf(row + sep + s, BODY_SIZE) > ANALYSIS_ROW_MAX) {
      rows.push(row);
      row = s;
    } else row += sep + s;
    first = false;
  }
  rows.push(row);
  return rows;
}

/** 一、总体情况 / 1. Overall */
function sectionHeading(n: number, kind: ParagraphKind, lang: Lang): string {
  const title = SECTION_TITLE[lang][kind];
  return lang === 'zh-CN' ? `${cnNumber(n)}、${title}` : `${n}. ${title}`;
}

/**
 * 分析要点: the analysis written from the summary's figures (src/core/text) as a printable sheet,
 * in one wide column of wrapped text: the title and period, then a heading for each section
 * (总体情况, 分指标, 分地区, 要点) and one row for each paragraph ("城东：地区生产总值…"), each row
 * as high as its wrapped lines; last, the indicators left out of the text. A4 portrait, one page
 * wide, as many pages tall as the text needs, page numbers in the footer.
 */
export function buildAnalysisSheet(name: string, analysis: Analysis, period: string | null, lang: Lang): SheetPlan {
  const b = new SheetBuilder(name, 'analysis');
  const font = FONT[lang];
  const last = COLUMNS - 1;
  b.line(0, 0, last, tx(lang, 'title.analysis'), { ...STYLE.title, font });
  b.rowHeight(0, 28);
  let row = 1;
  if (period) b.line(row++, 0, last, period, { ...STYLE.subtitle, font });
  const texts: number[] = [];
  let kind: ParagraphKind | null = null;
  let sections = 0;
  for (const p of analysis.paragraphs) {
    if (p.kind !== kind) {
      kind = p.kind;
      b.line(row, 0, last, sectionHeading(++sections, kind, lang), { bold: true, size: HEAD_SIZE, hAlign: 'left', vAlign: 'bottom', font });
      // a little room above each heading
      b.rowHeight(row, lineHeight(HEAD_SIZE) + 10);
      row++;
    }
    for (const text of paragraphRows(
      p.title,
      p.sentences.map((s) => s.text),
      lang,
    )) {
      b.line(row, 0, last, text, { size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true, font });
      texts.push(row++);
    }
  }
  if (analysis.leftOut.length) {
    const text = analysis.leftOut.join(lang === 'zh-CN' ? '' : ' ');
    // a row's room between the text and this line
    row++;
    b.line(row, 0, last, text, { size: 10, italic: true, hAlign: 'left', vAlign: 'top', wrap: true, font });
    texts.push(row);
  }
  b.plan.columns = Array.from({ length: COLUMNS }, () => ANALYSIS_WIDTH / COLUMNS);
  // each row of text as high as its wrapped lines, within the highest row there is
  fitRows(b.plan, texts);
  for (const h of b.plan.rowHeights) h.height = Math.min(h.height, 409);
  b.plan.print = printSettings(null, tx(lang, 'footer.page'), 'portrait');
  return b.plan;
}
