import type { Lang } from '../i18n';
import type { Analysis, ParagraphKind } from '../text';
import { SECTION_TITLE, cnNumber } from '../text';
import type { CellStyle, SheetPlan } from './Plan.types';
import { SheetBuilder, rect } from './SheetBuilder';
import { lineCount, lineHeight } from './measure';
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

/** The height a row of wrapped text needs across the columns: its lines, and a little room (as fitRows sets it). */
function heightOf(text: string, size: number): number {
  return lineCount(text, ANALYSIS_WIDTH, size) * lineHeight(size) + 4;
}

const fitsRow = (text: string): boolean => heightOf(text, BODY_SIZE) <= ANALYSIS_ROW_MAX;

/** The longest prefix count of `pieces` (one at least) whose text from `from` fits a row: found by halving, a few measures a row. */
function mostThatFit(count: number, from: number, fits: (from: number, to: number) => boolean): number {
  let lo = from + 1;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (fits(from, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * A sentence too tall for a row by itself (a list of many regions), in pieces that fit: cut after
 * its list marks and commas (、，；), and a piece with none cut between characters.
 */
function cutSentence(sentence: string): string[] {
  const clauses = sentence.match(/[^、，；,;]+(?:[、，；,;]\s*|$)|[、，；,;]\s*/g) ?? [sentence];
  const chars = clauses.flatMap((c) => (fitsRow(c) ? [c] : [...c]));
  const out: string[] = [];
  for (let from = 0; from < chars.length; ) {
    const to = mostThatFit(chars.length, from, (f, t) => fitsRow(chars.slice(f, t).join('')));
    out.push(chars.slice(from, to).join(''));
    from = to;
  }
  return out;
}

/**
 * A paragraph as the rows of the sheet: "title：sentences" on one row, or, when that would be
 * taller than a row can be, cut at the ends of sentences into as few rows as keep each under it;
 * a sentence too tall by itself is cut after a list mark or comma.
 */
export function paragraphRows(title: string, sentences: string[], lang: Lang): string[] {
  const sep = lang === 'zh-CN' ? '' : ' ';
  const lead = title + (lang === 'zh-CN' ? '：' : ': ');
  const whole = lead + sentences.join(sep);
  if (fitsRow(whole)) return [whole];
  // the pieces rows are made of: sentences, the separator before each but the first
  const pieces = sentences.flatMap((s, i) => (fitsRow(i === 0 ? lead + s : s) ? [s] : cutSentence(s)).map((p, j) => (i > 0 && j === 0 ? sep + p : p)));
  const text = (from: number, to: number): string => (from === 0 ? lead : '') + pieces.slice(from, to).join('');
  const rows: string[] = [];
  for (let from = 0; from < pieces.length; ) {
    const to = mostThatFit(pieces.length, from, (f, t) => fitsRow(text(f, t).trim()));
    rows.push(text(from, to).trim());
    from = to;
  }
  return rows;
}

/** 一、总体情况 / 1. Overall */
function sectionHeading(n: number, kind: ParagraphKind, lang: Lang): string {
  const title = SECTION_TITLE[lang][kind];
  return lang === 'zh-CN' ? `${cnNumber(n)}、${title}` : `${n}. ${title}`;
}

/**
 * 分析要点: the analysis written from the summary's figures (src/core/text) as a printable sheet,
 * in wrapped text across the merged columns of each row: the title and period, then a heading for each section
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
  // a row of text: merged across, as high as its wrapped lines (within the highest row there is)
  const textRow = (text: string, size: number): void => {
    b.set(row, 0, text);
    b.merge(rect(row, 0, row, last));
    b.rowHeight(row, Math.min(409, heightOf(text, size)));
    row++;
  };
  const body: CellStyle = { size: BODY_SIZE, hAlign: 'left', vAlign: 'top', wrap: true, font };
  let sections = 0;
  for (let i = 0; i < analysis.paragraphs.length; ) {
    const kind = analysis.paragraphs[i].kind;
    b.line(row, 0, last, sectionHeading(++sections, kind, lang), { bold: true, size: HEAD_SIZE, hAlign: 'left', vAlign: 'bottom', font });
    // a little room above each heading
    b.rowHeight(row, lineHeight(HEAD_SIZE) + 10);
    row++;
    // the section's paragraphs: one format over all their rows (formats grow with sections, not paragraphs)
    const first = row;
    for (; i < analysis.paragraphs.length && analysis.paragraphs[i].kind === kind; i++) {
      const p = analysis.paragraphs[i];
      for (const text of paragraphRows(
        p.title,
        p.sentences.map((s) => s.text),
        lang,
      ))
        textRow(text, BODY_SIZE);
    }
    b.format(rect(first, 0, row - 1, last), body);
  }
  const after = [...analysis.leftOut, ...(analysis.notes ?? [])];
  if (after.length) {
    // a row's room between the text and this line
    row++;
    b.format(rect(row, 0, row, last), { ...body, size: 10, italic: true });
    textRow(after.join(lang === 'zh-CN' ? '' : ' '), 10);
  }
  b.plan.columns = Array.from({ length: COLUMNS }, () => ANALYSIS_WIDTH / COLUMNS);
  b.plan.print = printSettings(null, tx(lang, 'footer.page'), 'portrait');
  return b.plan;
}
