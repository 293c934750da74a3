import type { CheckedSheet } from '../check';
import { columnLetters } from '../grid';
import type { TableRow } from '../layout';
import { isTargetsSheet } from '../summary';
import type { AddinSettings, RowChoice, TableInfo } from './Session.types';

const choice = (r: TableRow): RowChoice => ({ row: r.row, name: r.name, role: r.role });

/**
 * The Sheets step: one line per table found, with what the user may correct (the
 * total row, a column's measure, unit, additivity and price basis).
 */
export function describeTables(sheets: CheckedSheet[], settings: AddinSettings): TableInfo[] {
  const skip = new Set(settings.skipSheets);
  const out: TableInfo[] = [];
  for (const { layout } of sheets) {
    const targets = isTargetsSheet(layout);
    for (const table of layout.tables) {
      const total = table.rows.find((r) => r.role === 'total') ?? null;
      const indicators = [...new Set(table.columns.map((c) => c.indicator.name))];
      out.push({
        sheet: layout.sheet,
        range: table.range,
        shape: table.shape,
        title: table.title,
        period: table.period,
        unit: table.unit,
        indicators,
        regions: table.rows.filter((r) => r.role === 'peer').length,
        total: total ? choice(total) : null,
        rows: table.rows.filter((r) => r.role !== 'section').map(choice),
        columns: table.columns.map((c) => ({
          col: c.col,
          letter: columnLetters(c.col),
          header: c.header.join(' / '),
          indicator: c.indicator.name,
          measure: c.measure,
          unit: c.unit,
          additive: c.indicator.additive,
          priceBasis: c.indicator.priceBasis,
        })),
        targets,
        enabled: !skip.has(layout.sheet),
        corrected: settings.overrides[layout.sheet] !== undefined,
      });
    }
  }
  return out;
}
