import type { CheckedSheet } from '../check';
import { identityTermName } from '../check';
import { columnLetters } from '../grid';
import type { TableRow } from '../layout';
import { isTargetsSheet } from '../summary';
import type { AddinSettings, RowChoice, TableInfo } from './Session.types';

const choice = (r: TableRow): RowChoice => ({ row: r.row, name: r.name, role: r.role });

/** Does a peer row take a rank: not when the reader or the user set it apart (a zone or 市辖区 ranks when the user chose so). */
function ranks(r: TableRow, zonesAsPeers: boolean): boolean {
  return r.role === 'peer' && (!r.apart || (r.apart !== 'user' && zonesAsPeers));
}

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
        regions: table.rows.filter((r) => ranks(r, settings.summary.zonesAsPeers)).length,
        total: total ? choice(total) : null,
        rows: table.rows
          .filter((r) => r.role !== 'section')
          .map((r) =>
            r.role === 'peer'
              ? {
                  ...choice(r),
                  ...(r.apart ? { apart: r.apart } : {}),
                  ranked: ranks(r, settings.summary.zonesAsPeers),
                  ...(settings.overrides[layout.sheet]?.peers?.[r.row] !== undefined ? { peerCorrected: true } : {}),
                }
              : choice(r),
          ),
        columns: table.columns.map((c) => ({
          col: c.col,
          letter: columnLetters(c.col),
          header: c.header.join(' / '),
          indicator: c.indicator.name,
          measure: c.measure,
          unit: c.unit,
          period: c.period,
          additive: c.indicator.additive,
          priceBasis: c.indicator.priceBasis,
        })),
        targets,
        enabled: !skip.has(layout.sheet),
        corrected: settings.overrides[layout.sheet] !== undefined,
        doubts: table.doubts ?? [],
      });
    }
  }
  return out;
}

/**
 * The names an identity can be written with, as the identities see them (identityTermName): the lines of
 * the item lists and the additive value columns of the regional tables switched on, in order, once each.
 */
export function identityNames(tables: readonly TableInfo[]): string[] {
  const names = new Set<string>();
  const add = (raw: string): void => {
    const name = identityTermName(raw);
    if (name) names.add(name);
  };
  for (const tb of tables) {
    if (!tb.enabled || tb.targets) continue;
    if (tb.shape !== 'items' && tb.rows.some((r) => r.role === 'peer')) {
      for (const c of tb.columns) if (c.additive && (c.measure === 'value' || c.measure === 'prior' || c.measure === 'increment')) add(c.indicator);
    } else for (const r of tb.rows) if (r.role === 'total' || r.role === 'item' || r.role === 'of-which') add(r.name);
  }
  return [...names];
}
