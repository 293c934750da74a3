import type { RowInfo, SheetCells } from './sheetCells';
import { isFootnoteText } from './footnotes';
import { splitMarks } from './marks';
import { isPeriodOnly } from './period';

/** A run of data rows that belong to one table (with the label-only rows between them). */
export interface Body {
  top: number;
  bottom: number;
  /** data rows, in order */
  dataRows: number[];
  /** label-only rows inside the body (section labels) */
  sectionRows: number[];
  /** columns that hold labels in the body's data rows */
  labelCols: Set<number>;
  firstFigureCol: number;
  lastFigureCol: number;
}

const MAX_BLANK_GAP = 2;
const MAX_TEXT_GAP = 3;

/** Labels that are years or periods ("19901)", "1993") mean the row is a header, not data. */
function yearLabels(cells: SheetCells, info: RowInfo): boolean {
  if (info.labelCols.every((c) => /^(?:19|20)\d{2}(?:年)?(?:\d\))?$/.test(cells.ownText(info.row, c).replace(/\s/g, '')))) return true;
  // "1 quarter of 2022 | 1 half-year of 2022 | 9 months of 2022 | 2022": periods (marks aside) over figures that are years only.
  return (
    info.labelCols.length >= 2 &&
    info.labelCols.every((c) => isPeriodOnly(splitMarks(cells.ownText(info.row, c)).text)) &&
    info.figureCols.every((c) => {
      const f = cells.figure(info.row, c);
      return f.kind === 'number' && Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2100;
    })
  );
}

/** Figures that are only ascending years (2012 2013 … or "2016" as text) make a header row. */
function yearFigures(cells: SheetCells, info: RowInfo): boolean {
  if (info.figureCols.length < 2) return false;
  let prev = -Infinity;
  for (const c of info.figureCols) {
    const f = cells.figure(info.row, c);
    if (f.kind !== 'number' || !Number.isInteger(f.value) || f.value < 1900 || f.value > 2100 || f.value <= prev) return false;
    prev = f.value;
  }
  return true;
}

export function isDataRow(cells: SheetCells, r: number): boolean {
  const info = cells.info[r];
  return info.kind === 'data' && !yearLabels(cells, info) && !yearFigures(cells, info);
}

function compatible(cells: SheetCells, info: RowInfo, body: Body): boolean {
  if (!info.labelCols.some((c) => body.labelCols.has(c))) {
    // A label written one column off (an indented code column) still belongs when it sits in the label area.
    const minLabel = Math.min(...body.labelCols);
    if (!info.labelCols.every((c) => c < body.firstFigureCol && c >= minLabel - 1)) return false;
  }
  const first = info.figureCols[0];
  const last = info.figureCols[info.figureCols.length - 1];
  return last >= body.firstFigureCol - 1 && first <= body.lastFigureCol + 2 && first > Math.min(...body.labelCols);
}

/** A text row that can sit inside a body: text only in the label columns, and not a footnote. */
function sectionLike(cells: SheetCells, info: RowInfo, body: Body): boolean {
  if (info.kind !== 'text') return false;
  if (!info.textCols.every((c) => c < body.firstFigureCol)) return false;
  const text = info.textCols.map((c) => cells.ownText(info.row, c)).join(' ');
  return !isFootnoteText(text) && text.length <= 40;
}

/** Is there a header row (text over the figure columns) at or right above r? */
function headerAbove(cells: SheetCells, r: number, body: Body): boolean {
  for (let k = r; k >= Math.max(0, r - 1); k--) {
    const info = cells.info[k];
    if (info.kind === 'blank') continue;
    return [...info.textCols, ...info.figureCols].some((c) => c >= body.firstFigureCol);
  }
  return false;
}

/** Split a sheet into bodies: maximal runs of compatible data rows. */
export function findBodies(cells: SheetCells): Body[] {
  const bodies: Body[] = [];
  let r = 0;
  while (r < cells.rowCount) {
    if (!isDataRow(cells, r)) {
      r++;
      continue;
    }
    const info = cells.info[r];
    const body: Body = {
      top: r,
      bottom: r,
      dataRows: [r],
      sectionRows: [],
      labelCols: new Set(info.labelCols),
      firstFigureCol: info.figureCols[0],
      lastFigureCol: info.figureCols[info.figureCols.length - 1],
    };
    let pendingSections: number[] = [];
    let blanks = 0;
    let texts = 0;
    let j = r + 1;
    for (; j < cells.rowCount; j++) {
      const next = cells.info[j];
      if (isDataRow(cells, j) && compatible(cells, next, body)) {
        body.sectionRows.push(...pendingSections);
        pendingSections = [];
        blanks = 0;
        texts = 0;
        body.dataRows.push(j);
        body.bottom = j;
        for (const c of next.labelCols) if (c < body.firstFigureCol) body.labelCols.add(c);
        body.firstFigureCol = Math.min(body.firstFigureCol, next.figureCols[0]);
        body.lastFigureCol = Math.max(body.lastFigureCol, next.figureCols[next.figureCols.length - 1]);
        continue;
      }
      if (next.kind === 'blank') {
        if (++blanks > MAX_BLANK_GAP) break;
        continue;
      }
      if (sectionLike(cells, next, body) && blanks === 0 && ++texts <= MAX_TEXT_GAP) {
        pendingSections.push(j);
        continue;
      }
      break;
    }
    // Label-only rows right above the first data row open its first section ("按地区分", "一、工业总产值").
    for (let k = body.top - 1, n = 0; k >= 0 && n < MAX_TEXT_GAP && sectionLike(cells, cells.info[k], body) && !cells.isMerged(k, [...body.labelCols][0]); k--, n++) {
      if (bodies.length && k <= bodies[bodies.length - 1].bottom) break;
      if (k > 0 && cells.info[k - 1].kind === 'blank' && !headerAbove(cells, k - 1, body)) break;
      body.sectionRows.unshift(k);
      body.top = k;
    }
    bodies.push(body);
    r = body.bottom + 1;
  }
  return bodies;
}
