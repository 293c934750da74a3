import type { CellStyle, HighlightKind, HighlightRule, PlanCell, PlanValue, Rect, SheetPlan, SheetRole } from './Plan.types';
import { printSettings } from './styles';

/** Builds a SheetPlan cell by cell; formats and highlights go on ranges. */
export class SheetBuilder {
  readonly cells: (PlanCell | null)[][] = [];
  readonly plan: SheetPlan;
  /** marks shown without a rule (ties and negative figures in the cells' own number formats), for the legend */
  readonly marks = new Set<HighlightKind>();

  constructor(name: string, role: SheetRole) {
    this.plan = {
      name,
      role,
      cells: this.cells,
      merges: [],
      formats: [],
      highlights: [],
      columns: [],
      rowHeights: [],
      freeze: null,
      print: printSettings(null, null),
    };
  }

  set(row: number, col: number, cell: PlanCell | PlanValue): void {
    while (this.cells.length <= row) this.cells.push([]);
    const line = this.cells[row];
    while (line.length < col) line.push(null);
    line[col] = cell !== null && typeof cell === 'object' ? cell : cell === null ? null : { value: cell };
  }

  get(row: number, col: number): PlanCell | null {
    return this.cells[row]?.[col] ?? null;
  }

  format(range: Rect, style: CellStyle): void {
    if (range.bottom < range.top || range.right < range.left) return;
    this.plan.formats.push({ range, style });
  }

  merge(range: Rect): void {
    if (range.bottom === range.top && range.right === range.left) return;
    this.plan.merges.push(range);
  }

  /** Text across a merged row, with a style. */
  line(row: number, left: number, right: number, text: string, style: CellStyle): void {
    this.set(row, left, text);
    this.merge({ top: row, left, bottom: row, right });
    this.format({ top: row, left, bottom: row, right }, style);
  }

  highlight(rule: HighlightRule): void {
    if (rule.range.bottom < rule.range.top) return;
    this.plan.highlights.push(rule);
  }

  rowHeight(row: number, height: number): void {
    this.plan.rowHeights.push({ row, height });
  }
}

export function rect(top: number, left: number, bottom: number, right: number): Rect {
  return { top, left, bottom, right };
}
