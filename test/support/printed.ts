/**
 * A summary plan as LibreOffice prints it: the plan's sheets alone in a fresh workbook,
 * converted to PDF, and the text of each page. `pageOfSheet` tells which sheet each page
 * shows by its title (row 1 of every summary sheet), so a test can say that every sheet
 * prints on exactly one page, hence one page wide.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SheetPlan, WorkbookPlan } from '../../src/core/summary';
import { writePlanPackage } from '../../src/workbook/write';
import { gridsPackage } from '../../src/workbook/write/legacy';
import type { PdfPage } from './soffice';
import { pdfPageTexts, renderPdf } from './soffice';

export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

/** The .xlsx bytes of a workbook holding only the plan's sheets, as the package writer writes them. */
export function planOnlyBytes(plan: WorkbookPlan, sheets: SheetPlan[] = plan.sheets): Uint8Array {
  return writePlanPackage(gridsPackage([]), { ...plan, sheets, remove: [] }).bytes;
}

/** Text without white space (pdftotext spaces and breaks CJK text as the layout falls). */
export const squeeze = (s: string): string => s.replace(/\s+/g, '');

export interface Printed {
  /** the PDF in test-artifacts */
  pdf: string;
  /** text of each page, in order */
  pages: string[];
}

/**
 * Renders the plan's visible sheets to `<ARTIFACTS>/<baseName>.pdf`, `perPdf` sheets a
 * LibreOffice run (a workbook of hundreds of sheets would take longer than one run may),
 * the parts joined with pdfunite.
 */
export async function printPlan(plan: WorkbookPlan, baseName: string, perPdf = 60): Promise<Printed> {
  const sheets = plan.sheets.filter((s) => !s.hidden);
  const parts: string[] = [];
  const pages: string[] = [];
  for (let i = 0; i < sheets.length; i += perPdf) {
    const name = sheets.length > perPdf ? `${baseName}.part${i / perPdf + 1}` : baseName;
    const pdf = await renderPdf(planOnlyBytes(plan, sheets.slice(i, i + perPdf)), ARTIFACTS, name);
    parts.push(pdf);
    pages.push(...(await pdfPageTexts(pdf)));
  }
  const pdf = path.join(ARTIFACTS, `${baseName}.pdf`);
  if (parts.length > 1) {
    execFileSync('pdfunite', [...parts, pdf]);
    for (const p of parts) fs.rmSync(p, { force: true });
  }
  return { pdf, pages };
}

/** The title of a summary sheet (A1, merged across the table). */
export function titleOf(sheet: SheetPlan): string {
  return String(sheet.cells[0]?.[0]?.value ?? '');
}

/**
 * For each page, the index of the sheet whose title it shows (-1 for a page with none:
 * a second page of a sheet). Titles are matched in order, so equal titles are told apart.
 */
export function pageOfSheet(sheets: SheetPlan[], pages: string[]): number[] {
  let next = 0;
  return pages.map((text) => {
    if (next < sheets.length && squeeze(text).includes(squeeze(titleOf(sheets[next])))) return next++;
    return -1;
  });
}

/** Words (page number: text) that run off the left or right edge of their page: what printing one page wide must not do. */
export function offPage(pages: PdfPage[]): string[] {
  return pages.flatMap((p, i) => p.words.filter((w) => w.xMin < -0.5 || w.xMax > p.width + 0.5).map((w) => `${i + 1}: ${w.text}`));
}

/** A4 portrait, as pdftotext gives its size (595 x 842 points). */
export function isA4Portrait(p: PdfPage): boolean {
  return Math.abs(p.width - 595.3) < 1 && Math.abs(p.height - 841.9) < 1;
}

/**
 * What is wrong with a printed plan (empty when nothing): a table (summary, ranks, findings) on more
 * than one page, a sheet whose title no page shows, a page of 分析要点 that is not A4 portrait, any
 * word off a page's edges (so more than one page wide). `pages` and `boxes` are the PDF's pages.
 */
export function printProblems(plan: WorkbookPlan, pages: string[], boxes: PdfPage[]): string[] {
  const sheets = plan.sheets.filter((s) => !s.hidden);
  const shown = pageOfSheet(sheets, pages);
  const problems: string[] = [];
  if (boxes.length !== pages.length) problems.push(`${pages.length} pages of text, ${boxes.length} of boxes`);
  sheets.forEach((s, i) => {
    if (!shown.includes(i)) problems.push(`${s.name}: no page shows its title`);
  });
  // a page without a title is a further page of the sheet before it
  let owner = -1;
  shown.forEach((i, p) => {
    if (i >= 0) owner = i;
    const sheet = sheets[owner];
    if (!sheet) return problems.push(`page ${p + 1}: before the first title`);
    if (i < 0 && sheet.role !== 'analysis') problems.push(`${sheet.name}: more than one page (page ${p + 1})`);
    if (sheet.role === 'analysis' && boxes[p] && !isA4Portrait(boxes[p])) problems.push(`${sheet.name}: page ${p + 1} is not A4 portrait`);
  });
  return [...problems, ...offPage(boxes).map((w) => `off the page: ${w}`)];
}
