import type { Grid } from '../grid';
import { address, rangeAddress } from '../grid';
import type { Body } from './findBodies';
import { findBodies, isDataRow } from './findBodies';
import { describeColumn, isOfWhichHeader } from './columns';
import { isFootnoteText } from './footnotes';
import { cleanIndicatorName, isUnit, priceBasisIn, unitLine } from './headers';
import type { IgnoredCell, IgnoredReason, IndicatorTable, LayoutOverrides, PriceBasis, SheetLayout, TableColumn } from './Layout.types';
import { parsePeriod } from './period';
import { attachNotes, splitMarks, stripHeaderMarks, unmarkRows } from './marks';
import { labelHeaderKind } from './regions';
import { applyTitleMeasure, isYearSeries, plainTitle, normalizeHeaderTexts, stackedTotals, titleMeasure } from './stacked';
import { assignItemRoles, assignRegionRoles, decideRowShape, draftRows, finishRows } from './rows';
import { SheetCells } from './sheetCells';
import { hasCjk, oneLine } from './text';

/** Why a cell was left out, in words ("en / 中文"); the codes are in `IgnoredCell.reason`. */
export const IGNORED_WHY: Record<IgnoredReason, string> = {
  contents: 'table of contents / 目录',
  'outside-text': 'text outside every table / 表格之外的文字',
  outside: 'outside every table / 表格之外',
  'no-header': 'figures without a header / 无表头的数字',
  'not-ranks': 'not ranks under a rank header / 排名表头下不是名次',
};

/** A table number (表1, 表2-3) and the row description (各县市区, 各市(州)) in front of the indicator of a title. */
const TITLE_PREFIX = /^\s*(?:表\s*\d+(?:[-.]\d+)?\s*[：:]?\s*)?(?:(?:\d{1,2}[-—~～]\d{1,2}月|\d{1,2}月)\s*)?(?:全[市省州]\s*)?(?:各(?:县市区|县（市、区）|县\(市、区\)|县市|市州|市（州）|市\(州\)|市|县|区|地区)\s*)?(?:主要)?/;

/** Choose the label column: the one with most labels, Chinese before English, longer names before codes. */
function chooseLabelCol(cells: SheetCells, body: Body): { labelCol: number; altCols: number[] } {
  const cols = [...body.labelCols].sort((a, b) => a - b);
  let best = cols[0];
  let bestScore = -Infinity;
  for (const c of cols) {
    let count = 0;
    let cjk = 0;
    let len = 0;
    for (const r of body.dataRows) {
      const t = cells.text(r, c);
      if (!t || cells.figure(r, c).kind !== 'text') continue;
      count++;
      if (hasCjk(t)) cjk++;
      len += t.length;
    }
    const score = count * 10 + (count ? (cjk / count) * 5 + Math.min(len / count, 20) * 0.1 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return { labelCol: best, altCols: cols.filter((c) => c !== best) };
}

/** Is the row a title: one text (a merged cell or a lone cell) over the table's width? */
function isTitleRow(cells: SheetCells, r: number, left: number, right: number): boolean {
  const texts = new Set<string>();
  let filled = 0;
  for (let c = left; c <= right; c++) {
    const t = cells.text(r, c);
    if (t) {
      texts.add(t);
      filled++;
    }
  }
  if (texts.size !== 1) return false;
  const a = cells.anchorOf(r, left);
  const spansLabel = cells.text(r, left) !== '' && (a.col <= left || filled > 1);
  return spansLabel && (filled >= Math.max(2, Math.ceil((right - left + 1) * 0.6)) || filled === 1 && right - left >= 1 && cells.text(r, left) !== '' && cells.info[r].textCols.length === 1 && !cells.isMerged(r, left) && cells.text(r + 1, left) !== cells.text(r, left));
}

/** Does the row read like part of a header over the columns left..right? */
function headerLike(cells: SheetCells, r: number, labelCol: number, firstCol: number, lastCol: number): boolean {
  if (isDataRow(cells, r)) return false;
  for (let c = firstCol; c <= lastCol; c++) if (cells.text(r, c) !== '') return true;
  // A row covered only in the label column by a vertical merge belongs to the header above.
  return cells.text(r, labelCol) !== '' && cells.anchorOf(r, labelCol).row < r;
}

/** A table of contents: labels with dot leaders ("地区生产总值……………") and page numbers. */
function isContents(cells: SheetCells, body: Body): boolean {
  let leaders = 0;
  for (const r of body.dataRows) {
    const t = cells.info[r].labelCols.map((c) => cells.ownText(r, c)).join('');
    if (/(?:…{2,}|\.{4,}|·{4,}|-{6,})/.test(t)) leaders++;
  }
  return leaders >= Math.max(2, body.dataRows.length * 0.5);
}

/** A row that only states units ("单位：亿元", "(100 million yuan)", "mln.tenge"). */
function isUnitRow(cells: SheetCells, r: number): boolean {
  const info = cells.info[r];
  if (info.kind !== 'text' || !info.textCols.length) return false;
  return info.textCols.every((c) => {
    const t = cells.ownText(r, c);
    return unitLine(t) !== null || isUnit(t.replace(/^[(（]|[)）]$/g, ''));
  });
}

/**
 * A row of units under the header's own columns ("(亿元) | (亿元)" below "3月末 | 比年初增减数") is the last
 * line of the header, not a table-wide unit line: the label cell is merged down from the header above, or
 * two or more figure columns carry a unit each.
 */
function unitsOfHeader(cells: SheetCells, r: number, labelCol: number, firstCol: number, lastCol: number): boolean {
  if (cells.text(r, labelCol) !== '' && cells.anchorOf(r, labelCol).row < r) return true;
  let units = 0;
  for (let c = firstCol; c <= lastCol; c++) {
    if (cells.anchorOf(r, c).col !== c || cells.anchorOf(r, c).row !== r) continue;
    const t = cells.ownText(r, c);
    if (t && isUnit(t.replace(/^[(（]|[)）]$/g, ''))) units++;
  }
  return units >= 2;
}

interface Found {
  body: Body;
  headerTop: number;
  headerBottom: number;
  preambleTop: number;
  labelCol: number;
  altCols: number[];
}

function locateHeader(cells: SheetCells, body: Body, floor: number): Found {
  const { labelCol, altCols } = chooseLabelCol(cells, body);
  let r = body.top - 1;
  let headerBottom = body.top;
  let headerTop = body.top;
  // One blank row may separate a header from its body.
  if (r >= floor && cells.blankFilled(r) && r - 1 >= floor && headerLike(cells, r - 1, labelCol, body.firstFigureCol, body.lastFigureCol)) r--;
  const left = Math.min(labelCol, ...altCols);
  for (; r >= floor; r--) {
    if (cells.blankFilled(r)) break;
    if (isUnitRow(cells, r) && !unitsOfHeader(cells, r, labelCol, body.firstFigureCol, body.lastFigureCol)) break;
    if (isTitleRow(cells, r, left, body.lastFigureCol)) break;
    if (!headerLike(cells, r, labelCol, body.firstFigureCol, body.lastFigureCol)) break;
    if (headerBottom === body.top) headerBottom = r;
    headerTop = r;
  }
  if (headerBottom === body.top) {
    headerTop = body.top;
    headerBottom = body.top - 1; // no header rows
  }
  return { body, headerTop, headerBottom, preambleTop: floor, labelCol, altCols };
}

function footnotesAfter(cells: SheetCells, from: number, limit: number): { notes: string[]; rows: number[] } {
  const notes: string[] = [];
  const rows: number[] = [];
  let blanks = 0;
  for (let r = from; r < limit; r++) {
    const info = cells.info[r];
    if (info.kind === 'blank') {
      if (++blanks > 3) break;
      continue;
    }
    if (info.kind !== 'text') break;
    const texts = [...new Set(info.textCols.map((c) => cells.text(r, c)))];
    const text = texts.join(' ');
    if (!isFootnoteText(text) && !(notes.length && /^[a-z\d]\)|^\s*\(/i.test(text))) break;
    notes.push(oneLine(text));
    rows.push(r);
    blanks = 0;
  }
  return { notes, rows };
}

const RANK_TOLERANCE = 0.8;

/** A rank column holds whole numbers from 1 to the number of rows. */
function looksLikeRanks(cells: SheetCells, rows: number[], col: number): boolean {
  let n = 0;
  let ok = 0;
  for (const r of rows) {
    const f = cells.figure(r, col);
    if (f.kind !== 'number') continue;
    n++;
    if (Number.isInteger(f.value) && f.value >= 1 && f.value <= rows.length) ok++;
  }
  return n === 0 || ok / n >= RANK_TOLERANCE;
}

/**
 * Find the tables of one sheet without configuration: bodies of data rows, the
 * header above each, title, unit and period in the rows before it, footnotes
 * after it, the label column, measure columns, row roles, and every cell that
 * was left out with the reason.
 */
export function readSheet(grid: Grid, overrides: LayoutOverrides = {}, prepared?: SheetCells): SheetLayout {
  const cells = prepared && prepared.grid === grid ? prepared : new SheetCells(grid);
  const bodies = findBodies(cells);
  const tables: IndicatorTable[] = [];
  const covered: { top: number; bottom: number; left: number; right: number }[] = [];
  const usedRows = new Set<number>();
  const ignored: IgnoredCell[] = [];
  const titleLines = new Map<IndicatorTable, string[]>();
  let floor = 0;
  for (let b = 0; b < bodies.length; b++) {
    const body = bodies[b];
    if (isContents(cells, body)) {
      for (const r of body.dataRows) ignored.push({ cell: address(r, [...body.labelCols][0]), reason: 'contents', why: IGNORED_WHY.contents });
      for (const r of body.dataRows) usedRows.add(r);
      for (const r of body.sectionRows) usedRows.add(r);
      continue;
    }
    const found = locateHeader(cells, body, floor);
    const { labelCol, altCols, headerTop, headerBottom } = found;
    const left = Math.min(labelCol, ...altCols);
    // Preamble: title, unit line, price basis, period.
    let title: string | null = null;
    let tableUnit: string | null = null;
    const preambleTexts: string[] = [];
    const titleCandidates: string[] = [];
    for (let r = floor; r < headerTop; r++) {
      const info = cells.info[r];
      if (info.kind === 'blank') continue;
      if (info.kind !== 'text') continue;
      const texts = [...new Set(info.textCols.map((c) => cells.text(r, c)))];
      for (const t of texts) {
        preambleTexts.push(t);
        const u = unitLine(t) ?? (isUnit(t.replace(/^[(（]|[)）]$/g, '')) ? t.replace(/^[(（]|[)）]$/g, '').trim() : null);
        if (u) tableUnit = tableUnit ?? u;
        else if (!isFootnoteText(t)) titleCandidates.push(t);
      }
      usedRows.add(r);
    }
    const numbered = titleCandidates.find((t) => /^(?:表|table)\s*\d|^\s*\d+-\d+\s/i.test(t.trim()));
    title = oneLine(numbered ?? titleCandidates[0] ?? '') || null;
    const titleMarked = splitMarks(title ?? '');
    if (title && titleMarked.marks.length) title = titleMarked.text;
    // "2-12 续表 1 continued" continues the table above: it carries that table's title.
    const continued = title ? /^\s*(?:\d+-\d+\s*)?(?:续表|continued)\s*(\d*)\s*(?:continued)?\s*$/i.exec(title) : null;
    const before = tables[tables.length - 1];
    if (continued && before?.title) {
      const base = before.title.replace(/\s*[（(](?:续表|continued)[^）)]*[）)]$/i, '');
      title = /续表/.test(title as string) ? `${base}（续表${continued[1]}）` : `${base} (continued${continued[1] ? ` ${continued[1]}` : ''})`;
    }
    const notesFound = footnotesAfter(cells, body.bottom + 1, bodies[b + 1]?.top ?? cells.rowCount);
    for (const r of notesFound.rows) usedRows.add(r);
    const allText = [...preambleTexts, ...notesFound.notes].join(' ');
    const basis = priceBasisIn(allText) ?? null;
    const titleIndicator = title ? cleanIndicatorName(plainTitle(title).replace(/\s*continued$/i, '').replace(/续表\s*\d*/, '').replace(/（\d{4}年）|\(\d{4}年\)/, '').replace(/\d{4}年\d{1,2}[-—~～]\d{1,2}月|\d{4}年/, '').replace(/[（(](?:续表|continued)[^）)]*[）)]$/i, '').replace(/^\s*\d+-\d+\s+/, '').replace(TITLE_PREFIX, '')) || null : null;
    // Columns under the header.
    const lastHeaderCol = (() => {
      let last = body.lastFigureCol;
      for (let r = headerTop; r <= headerBottom; r++) {
        for (let c = last + 1; c < cells.colCount; c++) if (cells.text(r, c) !== '' && cells.figure(r, c).kind === 'text') last = Math.max(last, c);
      }
      return last;
    })();
    const ctx = { titleIndicator, tableUnit, preamble: allText, sheetName: grid.name, priceBasis: basis };
    const columns: TableColumn[] = [];
    const columnMarks = new Map<number, string[]>();
    const ofWhichCols: number[] = [];
    const right = Math.max(body.lastFigureCol, lastHeaderCol);
    for (let c = left; c <= right; c++) {
      if (c === labelCol || altCols.includes(c)) continue;
      if (body.dataRows.every((r) => cells.anchorOf(r, c).col === labelCol && cells.anchorOf(r, c).row === r && c !== labelCol && cells.isMerged(r, c))) continue;
      const rawTexts: string[] = [];
      for (let r = headerTop; r <= headerBottom; r++) rawTexts.push(cells.text(r, c));
      const { texts: unmarked, marks } = stripHeaderMarks(rawTexts);
      const texts = normalizeHeaderTexts(unmarked);
      if (marks.length) columnMarks.set(c, marks);
      const hasHeader = texts.some((t) => t !== '');
      const hasFigures = body.dataRows.some((r) => cells.figure(r, c).kind !== 'empty');
      if (!hasHeader && headerBottom >= headerTop) {
        if (hasFigures) noteColumn(ignored, cells, body.dataRows, c, 'no-header');
        continue;
      }
      if (!hasHeader && !hasFigures) continue;
      const column = describeColumn(c, texts, ctx);
      if (column.measure === 'rank' && !looksLikeRanks(cells, body.dataRows, c)) {
        noteColumn(ignored, cells, body.dataRows, c, 'not-ranks');
        continue;
      }
      if (isOfWhichHeader(column.header) && columns.length) {
        column.partOf = columns[columns.length - 1].partOf ?? columns[columns.length - 1].col;
        ofWhichCols.push(c);
      }
      columns.push(column);
    }
    applyTitleMeasure(columns, titleMeasure(preambleTexts));
    const measureCols = columns.map((c) => c.col);
    const rowsInBody: number[] = [];
    for (let r = body.top; r <= body.bottom; r++) if (body.dataRows.includes(r) || body.sectionRows.includes(r)) rowsInBody.push(r);
    const drafts = draftRows(cells, rowsInBody, labelCol, measureCols);
    const labelHeaderTexts: string[] = [];
    for (let r = headerTop; r <= headerBottom; r++) labelHeaderTexts.push(cells.text(r, labelCol));
    const labelHeader = labelHeaderTexts.map(labelHeaderKind).find((k) => k !== null) ?? null;
    let shape = decideRowShape(drafts, labelHeader);
    const rankCol = columns.find((c) => c.measure === 'rank')?.col ?? null;
    if (shape === 'items') assignItemRoles(drafts, titleIndicator);
    else assignRegionRoles(cells, drafts, columns, rankCol);
    // Periods across for one indicator make a time series.
    const valuePeriods = new Set(columns.filter((c) => c.measure === 'value' && c.period).map((c) => c.period));
    const indicators = new Set(columns.map((c) => c.indicator.name));
    if (shape !== 'items' && ((valuePeriods.size >= 3 && indicators.size === 1) || isYearSeries(columns))) shape = 'time-series';
    if ((shape === 'regions' || labelHeader === 'periods') && drafts.length && drafts.filter((d) => d.hasFigures).every((d) => parsePeriod(d.label) !== null && !/[县区市州]$/.test(d.name))) {
      // Periods down (年份 | 1-5月 | 绝对额 | 增速): the rows are periods, not regions to rank.
      shape = 'time-series';
      for (const d of drafts) if (d.role === 'peer' || d.role === 'total') d.role = 'item';
    }
    // The table's period: the one all columns share, else from the title.
    const periods = [...new Set(columns.map((c) => c.period).filter((p): p is string => !!p))];
    let period: string | null = null;
    if (shape === 'time-series' && periods.length > 1) period = `${periods[0]}–${periods[periods.length - 1]}`;
    else if (periods.length === 1) period = periods[0];
    else period = parsePeriod(title ?? '')?.label ?? (periods.length ? periods[periods.length - 1] : null);
    const rows = finishRows(drafts);
    unmarkRows(rows);
    applyOverrides(rows, columns, overrides);
    const priceBasis: PriceBasis | null = basis?.all ?? null;
    const top = headerBottom >= headerTop ? headerTop : body.top;
    // The table ends at its last column; figures beyond it were reported above.
    const tableRight = Math.max(labelCol, ...altCols, ...columns.map((c) => c.col));
    tables.push({
      sheet: grid.name,
      range: rangeAddress(top, left, body.bottom, tableRight),
      top,
      bottom: body.bottom,
      left,
      right: tableRight,
      shape,
      title,
      period,
      unit: tableUnit ?? commonUnit(columns),
      headerTop,
      headerBottom,
      labelColumn: labelCol,
      rows,
      columns,
      footnotes: notesFound.notes,
      priceBasis,
    });
    attachNotes(tables[tables.length - 1], titleMarked.marks, columnMarks);
    titleLines.set(tables[tables.length - 1], preambleTexts);
    covered.push({ top, bottom: body.bottom, left, right: tableRight });
    floor = Math.max(body.bottom + 1, (notesFound.rows[notesFound.rows.length - 1] ?? body.bottom) + 1);
  }
  stackedTotals(tables, titleLines);
  // Everything else that holds something is reported, never silently dropped.
  const ignoredCols = new Set(ignored.map((i) => i.cell));
  for (let r = 0; r < cells.rowCount; r++) {
    const info = cells.info[r];
    if (info.kind === 'blank' || usedRows.has(r)) continue;
    const cols = [...info.figureCols, ...info.textCols].sort((a, b) => a - b);
    const stray: number[] = cols.filter((c) => !covered.some((t) => r >= t.top && r <= t.bottom && c >= t.left && c <= t.right));
    if (!stray.length) continue;
    for (const c of stray) {
      const a = address(r, c);
      if (ignoredCols.has(a)) continue;
      const reason: IgnoredReason = cells.figure(r, c).kind === 'text' ? 'outside-text' : 'outside';
      ignored.push({ cell: a, reason, why: IGNORED_WHY[reason] });
    }
  }
  return { sheet: grid.name, tables, ignored: groupIgnored(ignored) };
}

function commonUnit(columns: TableColumn[]): string | null {
  const units = new Set(columns.filter((c) => c.measure === 'value').map((c) => c.unit));
  return units.size === 1 ? ([...units][0] ?? null) : null;
}

function noteColumn(ignored: IgnoredCell[], cells: SheetCells, rows: number[], col: number, reason: IgnoredReason): void {
  for (const r of rows) if (cells.figure(r, col).kind !== 'empty') ignored.push({ cell: address(r, col), reason, why: IGNORED_WHY[reason] });
}

/** Runs of ignored cells in one column with one reason become a range ("E5:E17"). */
function groupIgnored(items: IgnoredCell[]): IgnoredCell[] {
  const parsed = items.map((i) => {
    const m = /^([A-Z]+)(\d+)$/.exec(i.cell);
    return { ...i, colName: m ? m[1] : i.cell, row: m ? Number(m[2]) : 0 };
  });
  parsed.sort((a, b) => (a.colName === b.colName ? a.row - b.row : a.colName.length - b.colName.length || a.colName.localeCompare(b.colName)));
  const out: IgnoredCell[] = [];
  let i = 0;
  while (i < parsed.length) {
    let j = i;
    while (j + 1 < parsed.length && parsed[j + 1].colName === parsed[i].colName && parsed[j + 1].reason === parsed[i].reason && parsed[j + 1].row === parsed[j].row + 1) j++;
    out.push({ cell: j > i ? `${parsed[i].colName}${parsed[i].row}:${parsed[j].colName}${parsed[j].row}` : parsed[i].cell, reason: parsed[i].reason, why: parsed[i].why });
    i = j + 1;
  }
  out.sort((a, b) => rowOf(a.cell) - rowOf(b.cell));
  return out;
}

function rowOf(cell: string): number {
  return Number(/\d+/.exec(cell)?.[0] ?? 0);
}

function applyOverrides(rows: ReturnType<typeof finishRows>, columns: TableColumn[], overrides: LayoutOverrides): void {
  if (overrides.totalRow !== undefined) {
    for (const r of rows) {
      if (r.role === 'total') r.role = 'peer';
      if (overrides.totalRow !== null && r.row === overrides.totalRow) r.role = 'total';
    }
  }
  if (overrides.peers) {
    for (const r of rows) {
      const peer = overrides.peers[r.row];
      if (peer === undefined || r.role !== 'peer') continue;
      if (peer) delete r.apart;
      else r.apart = 'user';
    }
  }
  if (overrides.columns) {
    for (const c of columns) {
      const o = overrides.columns[c.col];
      if (!o) continue;
      if (o.measure) c.measure = o.measure;
      if (o.unit !== undefined) c.unit = o.unit;
      if (o.period !== undefined) c.period = o.period;
      if (o.additive !== undefined) c.indicator.additive = o.additive;
      if (o.priceBasis !== undefined) c.indicator.priceBasis = o.priceBasis;
      if (o.name) c.indicator.name = o.name;
    }
  }
}

/** Read every sheet of a workbook. */
export function readWorkbook(grids: Grid[], overrides: Record<string, LayoutOverrides> = {}): SheetLayout[] {
  return grids.map((g) => readSheet(g, overrides[g.name]));
}
