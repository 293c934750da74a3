import type { Figure } from '../figures';
import { readFigure } from '../figures';
import type { Cell, Grid } from '../grid';
import { cellAt } from '../grid';
import { trimAll } from './text';

/**
 * A grid prepared for reading: every non-empty cell read once as a figure, the
 * text of merged areas available from every cell they cover, and a short
 * description of each row. Everything the layout steps ask is answered here in
 * constant time, so reading a sheet stays linear in its size.
 */
export interface RowInfo {
  row: number;
  /** blank: nothing; data: a text label followed by figures; text: text only; numeric: figures with no label before them */
  kind: 'blank' | 'data' | 'text' | 'numeric';
  /** columns holding a number, a placeholder or an error */
  figureCols: number[];
  /** columns holding text that is not a figure */
  textCols: number[];
  /** text columns before the first figure (the row's labels) */
  labelCols: number[];
}

export class SheetCells {
  readonly rowCount: number;
  readonly colCount: number;
  readonly info: RowInfo[] = [];
  private readonly figures: (Figure | undefined)[][] = [];
  /** for cells covered by a merge (not its anchor): the anchor, keyed by row * width + col */
  private readonly anchors = new Map<number, number>();
  private readonly width: number;

  constructor(readonly grid: Grid) {
    this.rowCount = grid.rowCount;
    this.colCount = grid.colCount;
    this.width = Math.max(grid.colCount, 1);
    for (const m of grid.merges) {
      const anchor = m.top * this.width + m.left;
      for (let r = m.top; r <= m.bottom; r++) {
        for (let c = m.left; c <= m.right; c++) {
          if (r !== m.top || c !== m.left) this.anchors.set(r * this.width + c, anchor);
        }
      }
    }
    for (let r = 0; r < this.rowCount; r++) this.info.push(this.describe(r));
  }

  cell(row: number, col: number): Cell {
    return cellAt(this.grid, row, col);
  }

  figure(row: number, col: number): Figure {
    const f = this.figures[row]?.[col];
    if (f !== undefined) return f;
    // A number stored as a number is not kept (see describe): read again, the same figure.
    const cell = this.grid.rows[row]?.[col];
    return cell !== undefined && cell.type === 'number' && typeof cell.value === 'number' ? readFigure(cell) : EMPTY;
  }

  /** The anchor of the merged area covering a cell, or the cell itself. */
  anchorOf(row: number, col: number): { row: number; col: number } {
    const a = this.anchors.get(row * this.width + col);
    if (a === undefined) return { row, col };
    return { row: Math.floor(a / this.width), col: a % this.width };
  }

  /** Is the cell covered by a merged area (anchor or not)? */
  isMerged(row: number, col: number): boolean {
    if (this.anchors.has(row * this.width + col)) return true;
    for (const m of this.grid.merges) {
      if (m.top === row && m.left === col) return true;
    }
    return false;
  }

  /** Text of a cell as printed, with merged areas filled in from their anchor. */
  text(row: number, col: number): string {
    const a = this.anchors.get(row * this.width + col);
    const c = a === undefined ? this.cell(row, col) : this.cell(Math.floor(a / this.width), a % this.width);
    if (c.value === null || c.value === undefined) return '';
    return trimAll(String(c.value));
  }

  /** Raw text of a cell (no merge filling), trimmed. */
  ownText(row: number, col: number): string {
    const c = this.cell(row, col);
    if (c.value === null || c.value === undefined) return '';
    return trimAll(String(c.value));
  }

  /** Is the row blank once merged areas are filled in? */
  blankFilled(row: number): boolean {
    if (this.info[row]?.kind !== 'blank') return false;
    for (let c = 0; c < this.colCount; c++) if (this.text(row, c) !== '') return false;
    return true;
  }

  private describe(r: number): RowInfo {
    const cells = this.grid.rows[r];
    const figureCols: number[] = [];
    const textCols: number[] = [];
    const figs: (Figure | undefined)[] = [];
    if (cells) {
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (!cell || cell.type === 'empty') continue;
        const f = readFigure(cell);
        if (f.kind === 'empty') continue;
        // Numbers stored as numbers are most of a sheet and cheap to read again: figure() does, on
        // demand, instead of keeping an object per cell (a 4-million-cell workbook kept 290 MB of them).
        if (f.kind !== 'number' || f.fromText || cell.type !== 'number') figs[c] = f;
        if (f.kind === 'text') textCols.push(c);
        else figureCols.push(c);
      }
    }
    // A code such as "X" (region ten) or "—" written before the row's label is part of the label, not a figure.
    if (figureCols.length && textCols.length && figureCols[0] < textCols[0] && figs[figureCols[0]]?.kind === 'placeholder') {
      const c = figureCols.shift() as number;
      const text = String(cells?.[c]?.value ?? '').trim();
      figs[c] = { kind: 'text', text };
      textCols.unshift(c);
    }
    this.figures[r] = figs;
    const firstFigure = figureCols.length ? figureCols[0] : Infinity;
    const labelCols = textCols.filter((c) => c < firstFigure);
    let kind: RowInfo['kind'];
    if (figureCols.length === 0) kind = textCols.length ? 'text' : 'blank';
    else if (labelCols.length === 0) kind = 'numeric';
    else {
      // A figure that is only a placeholder or a year next to a lone label is still data;
      // a row whose only "figures" are placeholders far from any number also counts.
      kind = 'data';
    }
    return { row: r, kind, figureCols, textCols, labelCols };
  }
}

const EMPTY: Figure = { kind: 'empty' };
