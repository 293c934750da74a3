import { columnLetters } from '../core/grid';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import type { IndicatorTable, SheetLayout } from '../core/layout';

/** The JSON of `inspect`: what the reader found, rows 1-based, columns as letters. */
export function inspectJson(layouts: SheetLayout[]): unknown {
  return {
    sheets: layouts.map((l) => ({
      name: l.sheet,
      tables: l.tables.map(tableJson),
      ignored: l.ignored,
    })),
  };
}

function tableJson(tb: IndicatorTable): unknown {
  const nameOf = (row: number | null): string | null => (row === null ? null : (tb.rows.find((r) => r.row === row)?.name ?? null));
  const total = tb.rows.find((r) => r.role === 'total');
  return {
    range: tb.range,
    shape: tb.shape,
    title: tb.title,
    period: tb.period,
    unit: tb.unit,
    priceBasis: tb.priceBasis,
    labelColumn: columnLetters(tb.labelColumn),
    header: tb.headerBottom >= tb.headerTop ? { from: tb.headerTop + 1, to: tb.headerBottom + 1 } : null,
    total: total ? { name: total.name, row: total.row + 1 } : null,
    regions: tb.shape === 'items' ? [] : tb.rows.filter((r) => r.role === 'peer').map((r) => ({ name: r.name, row: r.row + 1, key: r.key, ...(r.label !== r.name ? { label: r.label } : {}), ...(r.zone ? { zone: true } : {}), ...(r.apart ? { apart: r.apart } : {}) })),
    subtotals: tb.rows.filter((r) => r.role === 'subtotal').map((r) => ({ name: r.name, row: r.row + 1, members: r.members.map((m) => ({ name: nameOf(m), row: m + 1 })) })),
    ofWhich: tb.rows.filter((r) => r.role === 'of-which').map((r) => ({ name: r.name, row: r.row + 1, partOf: r.parent === null ? null : { name: nameOf(r.parent), row: r.parent + 1 } })),
    items: tb.shape === 'items' || !tb.rows.some((r) => r.role === 'peer') ? tb.rows.filter((r) => r.role === 'item').map((r) => ({ name: r.name, row: r.row + 1, level: r.level, parent: r.parent === null ? null : r.parent + 1 })) : undefined,
    sections: tb.rows.filter((r) => r.role === 'section').map((r) => ({ name: r.name, row: r.row + 1 })),
    columns: tb.columns.map((c) => ({
      col: columnLetters(c.col),
      indicator: c.indicator.name,
      measure: c.measure,
      unit: c.unit,
      period: c.period,
      additive: c.indicator.additive,
      priceBasis: c.indicator.priceBasis,
      header: c.header,
      ...(c.partOf !== undefined ? { partOf: columnLetters(c.partOf) } : {}),
      ...(c.notes ? { notes: c.notes } : {}),
      ...(c.otherUnit ? { otherUnit: c.otherUnit } : {}),
    })),
    footnotes: tb.footnotes,
    ...(tb.notes ? { notes: tb.notes } : {}),
    ...(marked(tb).length ? { markedRows: marked(tb).map((r) => ({ name: r.name, row: r.row + 1, notes: r.notes })) } : {}),
    ...(tb.doubts ? { doubts: tb.doubts } : {}),
  };
}

function marked(tb: IndicatorTable): IndicatorTable['rows'] {
  return tb.rows.filter((r) => r.notes?.length);
}

const MAX_NAMES = 30;

/** The readable report of `inspect`. */
export function inspectText(layouts: SheetLayout[], lang: Lang): string {
  const out: string[] = [];
  for (const l of layouts) {
    out.push(t(lang, 'inspect.sheet', { sheet: l.sheet }));
    if (!l.tables.length) out.push(t(lang, 'inspect.no-table'));
    for (const tb of l.tables) {
      const nameOf = (row: number | null): string => (row === null ? '?' : (tb.rows.find((r) => r.row === row)?.name ?? '?'));
      out.push(t(lang, 'inspect.table', { range: tb.range, shape: t(lang, `shape.${tb.shape}`) }));
      if (tb.title) out.push(t(lang, 'inspect.title', { title: tb.title }));
      if (tb.period) out.push(t(lang, 'inspect.period', { period: tb.period }));
      if (tb.unit) out.push(t(lang, 'inspect.unit', { unit: tb.unit }));
      const total = tb.rows.find((r) => r.role === 'total');
      out.push(total ? t(lang, 'inspect.total', { name: total.name, row: total.row + 1 }) : t(lang, 'inspect.no-total'));
      const asItems = tb.shape === 'items' || !tb.rows.some((r) => r.role === 'peer');
      const main = tb.rows.filter((r) => (asItems ? r.role === 'item' : r.role === 'peer'));
      const names = main.slice(0, MAX_NAMES).map((r) => r.name).join(lang === 'zh-CN' ? '、' : ', ') + (main.length > MAX_NAMES ? ' …' : '');
      out.push(t(lang, asItems ? 'inspect.items' : 'inspect.regions', { count: main.length, names }));
      if (!asItems) for (const r of main) if (r.apart) out.push(t(lang, 'inspect.apart', { name: r.name, row: r.row + 1, why: t(lang, `apart.${r.apart}`) }));
      for (const r of tb.rows.filter((x) => x.role === 'subtotal')) {
        out.push(t(lang, 'inspect.subtotal', { name: r.name, row: r.row + 1, members: r.members.length ? r.members.map(nameOf).join(lang === 'zh-CN' ? '、' : ', ') : '—' }));
      }
      for (const r of tb.rows.filter((x) => x.role === 'of-which')) {
        out.push(t(lang, 'inspect.of-which', { name: r.name, row: r.row + 1, parent: nameOf(r.parent) }));
      }
      out.push(t(lang, 'inspect.columns'));
      for (const c of tb.columns) {
        const flags: string[] = [];
        if (!c.indicator.additive && c.measure === 'value') flags.push(t(lang, 'flag.non-additive'));
        if (c.indicator.priceBasis) flags.push(t(lang, `flag.${c.indicator.priceBasis}`));
        if (c.partOf !== undefined) flags.push(t(lang, 'flag.part-of', { col: columnLetters(c.partOf) }));
        for (const n of c.notes ?? []) flags.push(t(lang, 'flag.mark', { mark: n.mark }));
        if (c.otherUnit) flags.push(t(lang, 'flag.other-unit'));
        out.push(
          t(lang, 'inspect.column', {
            col: columnLetters(c.col),
            indicator: c.indicator.name,
            measure: t(lang, `measure.${c.measure}`),
            unit: c.unit ? ` (${c.unit})` : '',
            period: c.period ? ` · ${c.period}` : '',
            flags: flags.length ? ` [${flags.join(', ')}]` : '',
          }),
        );
      }
      for (const n of tb.footnotes) out.push(t(lang, 'inspect.footnote', { text: n }));
      const sep = lang === 'zh-CN' ? '：' : ': ';
      for (const n of tb.notes ?? []) out.push(t(lang, 'inspect.marked', { mark: n.mark, name: tb.title ?? '', note: n.note ? sep + n.note : '' }));
      for (const r of marked(tb)) for (const n of r.notes ?? []) out.push(t(lang, 'inspect.marked', { mark: n.mark, name: r.name, note: n.note ? sep + n.note : '' }));
      for (const d of tb.doubts ?? []) out.push(t(lang, 'inspect.doubt', { cell: d.cell, what: t(lang, `doubt.${d.kind}`), text: d.text }));
    }
    for (const i of l.ignored) out.push(t(lang, 'inspect.ignored', { cell: i.cell, why: t(lang, `ignored.${i.reason}`) }));
    out.push('');
  }
  return out.join('\n');
}
