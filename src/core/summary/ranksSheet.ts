import type { Lang } from '../i18n';
import type { HighlightKind, PlanCell, SheetPlan } from './Plan.types';
import { SheetBuilder, rect } from './SheetBuilder';
import { a1, bottomTest, columnRange, quoteSheet } from './formula';
import type { PlacedIndicator } from './mainSheet';
import { BODY_TOP, HEAD_TOP, countHeader, tieMarksInCells, tiedKeys, titleBlock } from './mainSheet';
import { fitColumns, fitRows } from './measure';
import type { Region } from './model';
import { FONT, HIGHLIGHT_STYLE, NUMBER_FORMAT, STYLE, printSettings } from './styles';
import { tx } from './text';

export interface RanksOptions {
  lang: Lang;
  top: number;
  highlights: Record<HighlightKind, boolean>;
  /** give cells their formulas (formulas mode) */
  formulas: boolean;
}

/**
 * 位次表: regions down, one column of ranks per indicator (formulas refer to the
 * rank cells of the summary sheets), ties marked, then the counts over all
 * indicators: in the top k, the bottom k, below the total's growth.
 */
export function buildRanksSheet(
  name: string,
  title: string,
  period: string | null,
  placed: PlacedIndicator[],
  allRegions: Region[],
  o: RanksOptions,
): { plan: SheetPlan; marks: ReadonlySet<HighlightKind> } {
  const b = new SheetBuilder(name, 'ranks');
  const { lang, top: k } = o;
  // the regions ranked in some indicator; the total has no rank, so no line
  const regions = allRegions.filter((r) => !r.total && placed.some((p) => p.indicator.byKey.get(r.key)?.rank != null));
  const firstRow = BODY_TOP;
  const lastRow = BODY_TOP + regions.length - 1;
  const totalName = allRegions.find((r) => r.total)?.name ?? '';
  b.set(HEAD_TOP, 0, tx(lang, 'head.region'));
  b.merge(rect(HEAD_TOP, 0, HEAD_TOP + 1, 0));
  const widths = [6];
  const ties: { row: number; col: number }[] = [];
  const peerKeys = regions.filter((r) => !r.total).map((r) => r.key);
  const tied = placed.map((p) => tiedKeys(p.indicator, peerKeys));
  const tiesInCells = tieMarksInCells(o.highlights.tie, o.formulas, tied);
  let hasBelow = false;
  const below = new Map<number, string[]>();
  const engine = { top: new Map<number, number>(), bottom: new Map<number, number>(), below: new Map<number, number>() };
  placed.forEach((p, i) => {
    const col = 1 + i;
    const t = p.indicator.table;
    const head = p.indicator.name + (t.rankBy === 'value' ? tx(lang, 'head.period', { period: tx(lang, 'head.rank.value') }) : '');
    // a note, not a link: a linked cell does not wrap in LibreOffice, and these columns are narrow
    b.set(HEAD_TOP, col, { value: head, note: tx(lang, 'note.source', { sheet: t.sheet, cell: t.range }) });
    b.merge(rect(HEAD_TOP, col, HEAD_TOP + 1, col));
    widths.push(5);
    const rCol = p.cols.rank as number;
    const gCol = p.cols.growth;
    const tg = t.totalRow?.growthShown ?? null;
    regions.forEach((region, j) => {
      if (region.total) return;
      const row = BODY_TOP + j;
      const r = p.indicator.byKey.get(region.key);
      const at = p.rows.get(region.key);
      if (!r || at === undefined) return;
      // a number stays a number; no rank gives ""
      const ref = o.formulas ? `${quoteSheet(p.sheet)}!${a1(at, rCol)}` : '';
      const cell: PlanCell = { value: r.rank ?? '', formula: o.formulas ? `=IF(ISNUMBER(${ref}),${ref},"")` : undefined };
      b.set(row, col, cell);
      if (r.rank !== null && r.rank <= k) engine.top.set(row, (engine.top.get(row) ?? 0) + 1);
      if (r.fromBottom !== null && r.fromBottom <= k) engine.bottom.set(row, (engine.bottom.get(row) ?? 0) + 1);
      if (gCol !== undefined && tg !== null) {
        hasBelow = true;
        if (o.formulas) {
          const g = `${quoteSheet(p.sheet)}!${a1(at, gCol)}`;
          const gt = `${quoteSheet(p.sheet)}!${a1(p.totalRow as number, gCol, true)}`;
          let list = below.get(row);
          if (!list) below.set(row, (list = []));
          list.push(`IF(AND(ISNUMBER(${g}),ISNUMBER(${gt})),--(${g}<${gt}),0)`);
        }
        if (r.growthShown !== null && r.growthShown < tg) engine.below.set(row, (engine.below.get(row) ?? 0) + 1);
      }
    });
    const rc = a1(firstRow, col);
    const range = columnRange(col, firstRow, lastRow);
    const cell = rect(firstRow, col, lastRow, col);
    if (o.highlights.top) b.highlight({ kind: 'top', range: cell, formula: `=AND(ISNUMBER(${rc}),${rc}<=${k})`, style: HIGHLIGHT_STYLE.top });
    if (o.highlights.bottom) b.highlight({ kind: 'bottom', range: cell, formula: `=AND(ISNUMBER(${rc}),${bottomTest(rc, range, k, t.ties)})`, style: HIGHLIGHT_STYLE.bottom });
    // the tie mark in the tied cells' own number format (see buildMainSheet), or a rule
    if (tiesInCells) {
      b.marks.add('tie');
      for (const key of tied[i]) ties.push({ row: BODY_TOP + regions.findIndex((r) => r.key === key), col });
    } else if (o.highlights.tie) b.highlight({ kind: 'tie', range: cell, formula: `=AND(ISNUMBER(${rc}),COUNTIF(${range},${rc})>1)`, style: { numberFormat: tx(lang, 'tie.format') } });
  });
  const n = placed.length;
  const c0 = 1 + n;
  const kinds = hasBelow ? (['top', 'bottom', 'below'] as const) : (['top', 'bottom'] as const);
  const lastCol = c0 + kinds.length - 1;
  b.set(HEAD_TOP, c0, tx(lang, 'head.counts'));
  b.merge(rect(HEAD_TOP, c0, HEAD_TOP, lastCol));
  kinds.forEach((kind, i) => {
    b.set(HEAD_TOP + 1, c0 + i, countHeader(kind, k, totalName, lang));
    widths.push(5);
  });
  regions.forEach((region, j) => {
    const row = BODY_TOP + j;
    b.set(row, 0, region.name);
    if (region.total || n === 0) return;
    const ranks = `${a1(row, 1)}:${a1(row, n)}`;
    b.set(row, c0, { value: engine.top.get(row) ?? 0, formula: o.formulas ? `=COUNTIF(${ranks},"<="&${k})` : undefined });
    const bottomTerms = o.formulas
      ? placed.map((p, i) => {
          const rc = a1(row, 1 + i);
          return `IF(ISNUMBER(${rc}),--(${bottomTest(rc, columnRange(1 + i, firstRow, lastRow), k, p.indicator.table.ties)}),0)`;
        })
      : [];
    b.set(row, c0 + 1, { value: engine.bottom.get(row) ?? 0, formula: o.formulas ? `=${bottomTerms.join('+')}` : undefined });
    if (hasBelow) {
      const terms = below.get(row);
      b.set(row, c0 + 2, { value: engine.below.get(row) ?? 0, formula: terms ? `=${terms.join('+')}` : undefined });
    }
  });
  titleBlock(b, title, period, tx(lang, 'unit.ranks'), lastCol, lang);
  b.format(rect(HEAD_TOP, 0, HEAD_TOP + 1, lastCol), STYLE.header);
  b.format(rect(BODY_TOP, 0, lastRow, lastCol), { ...STYLE.body, font: FONT[lang], hAlign: 'center', numberFormat: NUMBER_FORMAT.rank });
  b.format(rect(BODY_TOP, 0, lastRow, 0), STYLE.label);
  for (const x of ties) b.format(rect(x.row, x.col, x.row, x.col), { numberFormat: tx(lang, 'tie.format') });
  fitColumns(b.plan, { top: HEAD_TOP, bottom: lastRow, headerRows: [HEAD_TOP, HEAD_TOP + 1], min: widths });
  fitRows(b.plan, [0, 1, 2]);
  b.plan.freeze = { rows: BODY_TOP, cols: 1 };
  b.plan.print = printSettings({ first: HEAD_TOP, last: HEAD_TOP + 1 }, tx(lang, 'footer.page'));
  const order: HighlightKind[] = ['top', 'bottom', 'tie'];
  b.plan.highlights.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
  return { plan: b.plan, marks: b.marks };
}
