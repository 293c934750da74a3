import { unitBase, unitScale } from '../check';
import { indicatorKey } from '../check';
import type { Grid } from '../grid';
import type { SheetLayout } from '../layout';
import { SheetCells, parsePeriod } from '../layout';
import { timeProgress } from '../compute';
import type { SummaryTable } from '../summarize';
import { TOTAL_KEY } from './model';

/** Annual targets of one indicator: by region key (the total under TOTAL_KEY), in `unit`. */
export interface TargetColumn {
  indicator: string;
  unit: string | null;
  sheet: string;
  values: Map<string, number>;
}

/** Targets by indicator key. */
export type Targets = Map<string, TargetColumn>;

/** A sheet of annual targets (目标, 任务) rather than figures: its name or title says so, and it has no growth or ranks. */
export function isTargetsSheet(layout: SheetLayout): boolean {
  if (!layout.tables.length) return false;
  const text = [layout.sheet, ...layout.tables.map((t) => t.title ?? '')].join(' ');
  if (!/目标|任务|target/i.test(text)) return false;
  return layout.tables.every((t) => t.columns.every((c) => c.measure === 'value' || c.measure === 'target'));
}

/**
 * Targets from regional tables: every value or target column that is not a rate
 * (growth targets in % are not completion targets) gives one indicator.
 */
export function readTargets(layouts: SheetLayout[], sources: (Grid | SheetCells)[]): Targets {
  const out: Targets = new Map();
  const byName = new Map(sources.map((s) => [s instanceof SheetCells ? s.grid.name : s.name, s]));
  for (const layout of layouts) {
    const src = byName.get(layout.sheet);
    if (!src) continue;
    const cells = src instanceof SheetCells ? src : new SheetCells(src);
    for (const table of layout.tables) {
      if (table.shape !== 'regions') continue;
      for (const col of table.columns) {
        if (col.measure !== 'value' && col.measure !== 'target') continue;
        const unit = col.unit ?? col.indicator.unit ?? table.unit;
        if (unit && /%|百分/.test(unit)) continue;
        const values = new Map<string, number>();
        for (const row of table.rows) {
          if (row.role !== 'peer' && row.role !== 'total') continue;
          const f = cells.figure(row.row, col.col);
          if (f.kind !== 'number') continue;
          values.set(row.role === 'total' ? TOTAL_KEY : row.key, f.value);
        }
        if (!values.size) continue;
        const name = col.indicator.name.replace(/(?:年度)?(?:目标|任务)(?:值|数)?$/, '') || col.indicator.name;
        const key = indicatorKey(name);
        if (!out.has(key)) out.set(key, { indicator: name, unit, sheet: layout.sheet, values });
      }
    }
  }
  return out;
}

/** The targets of an indicator in its own unit (亿元 targets for a 万元 indicator are ×10,000), or null when the units cannot be converted. */
export function targetsIn(target: TargetColumn, unit: string | null): Map<string, number> | null {
  if (!target.unit || !unit || target.unit === unit) return target.values;
  if (unitBase(target.unit) !== unitBase(unit)) return null;
  const from = unitScale(target.unit);
  const to = unitScale(unit);
  if (!from || !to) return null;
  const factor = from / to;
  return new Map([...target.values].map(([k, v]) => [k, v * factor]));
}

/**
 * The targets of a summary table's indicator, in its unit: null when there are none, or when the
 * table has no value to complete them (a growth-only indicator cannot take a target);
 * 'unconvertible' when the target's unit cannot be turned into the table's.
 */
export function tableTargets(targets: Targets, table: SummaryTable): Map<string, number> | 'unconvertible' | null {
  const target = targets.get(indicatorKey(table.indicator));
  if (!target || !table.rows.some((r) => r.value !== null)) return null;
  return targetsIn(target, table.unit) ?? 'unconvertible';
}

/** 序时进度 at the end of a period (1-3月: 25%), null when the period has no last month. */
export function periodProgress(period: string | null): number | null {
  const months = period ? (parsePeriod(period)?.endMonth ?? null) : null;
  return months ? timeProgress({ month: months }) : null;
}
