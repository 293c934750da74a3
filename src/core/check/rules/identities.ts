import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address } from '../../grid';
import type { IndicatorTable, TableColumn, TableRow } from '../../layout';
import { cleanIndicatorName } from '../../layout';
import type { Lang } from '../../i18n';
import type { IdentityDef } from '../Check.types';
import type { CheckedSheet, RuleDef, RuleOutput } from '../context';
import { floatSlack, fmt, fmtFigure, fmtTolerance, halfUnit, isRegional, num, shownDecimals } from '../context';

/**
 * The standard accounting identities, as data: a bureau adds its own in the settings (`identities` in
 * `--config`). Names are matched on the indicator's name without numbering or unit ("一、地区生产总值(GDP)"
 * is 地区生产总值), from its start, so that 第一产业增加值 is 第一产业 and 规模工业增加值 is not 工业.
 */
export const IDENTITIES: readonly IdentityDef[] = Object.freeze([
  {
    name: { 'zh-CN': '地区生产总值 = 第一产业 + 第二产业 + 第三产业', 'en-US': 'GDP = primary + secondary + tertiary industry' },
    whole: '^(?:地区生产总值|生产总值|GDP|GRDP|国内生产总值)',
    parts: ['^第一产业', '^第二产业', '^第三产业'],
    kind: 'sum',
  },
  { name: { 'zh-CN': '工业 ≤ 第二产业', 'en-US': 'industry ≤ secondary industry' }, whole: '^第二产业', parts: ['^(?:全部)?工业(?!品|企业)'], kind: 'part' },
] as IdentityDef[]);

const compiled = new WeakMap<IdentityDef, { whole: RegExp; parts: RegExp[] }>();

function patterns(def: IdentityDef): { whole: RegExp; parts: RegExp[] } {
  let c = compiled.get(def);
  if (!c) {
    c = { whole: new RegExp(def.whole, 'i'), parts: def.parts.map((p) => new RegExp(p, 'i')) };
    compiled.set(def, c);
  }
  return c;
}

/** An indicator's name as the identities see it: without numbering, unit or spaces ("一、税收收入" is 税收收入). */
export function identityTermName(raw: string): string {
  return cleanIndicatorName(raw).replace(/[\s\u3000]/g, '');
}
const nameOf = identityTermName;

const SPECIAL = /[.*+?^${}()|[\]\\]/g;
const PLAIN = /^\^((?:[^.*+?^${}()|[\]\\]|\\[.*+?^${}()|[\]\\])+)$/;

/**
 * The pattern of an indicator's name as a user types or picks it: matched from the start of the name, as
 * the catalogue's are ("第二产业" → "^第二产业", which 第二产业增加值 matches), literally (regex specials escaped).
 */
export function namePattern(name: string): string {
  return `^${nameOf(name).replace(SPECIAL, '\\$&')}`;
}

/** The indicator name a pattern stands for, when it is a plain one (namePattern's, "^第二产业"); otherwise the pattern itself. */
export function patternName(pattern: string): string {
  const m = PLAIN.exec(pattern);
  return m ? m[1].replace(/\\(.)/g, '$1') : pattern;
}

/** An identity in words: "第二产业 = 工业 + 建筑业" (sum), "工业、建筑业 ≤ 第二产业" (part). */
export function identityText(def: Pick<IdentityDef, 'whole' | 'parts' | 'kind'>, lang: Lang): string {
  const whole = patternName(def.whole);
  const parts = def.parts.map(patternName);
  return def.kind === 'sum' ? `${whole} = ${parts.join(' + ')}` : `${parts.join(lang === 'zh-CN' ? '、' : ', ')} ≤ ${whole}`;
}

/** One place an identity can be tried: the whole and its parts, each a cell with its figure. */
interface Terms {
  whole: { cell: string; f: NumberFigure; name: string };
  parts: { cell: string; f: NumberFigure; name: string }[];
}

function tryIdentity(def: IdentityDef, sheet: CheckedSheet, where: string, t: Terms, out: RuleOutput): void {
  out.items();
  const whole = shownValue(t.whole.f);
  const values = t.parts.map((p) => shownValue(p.f));
  const sum = values.reduce((a, b) => a + b, 0);
  const d = Math.max(shownDecimals(t.whole.f), ...t.parts.map((p) => shownDecimals(p.f)));
  // each shown figure may be off by half a unit of its last digit
  const tol = halfUnit(t.whole.f) + t.parts.reduce((a, p) => a + halfUnit(p.f), 0) + floatSlack(whole, sum);
  if (def.kind === 'sum') {
    if (Math.abs(sum - whole) <= tol) return;
    out.fail({
      sheet: sheet.grid.name,
      cell: t.whole.cell,
      cells: [t.whole.cell, ...t.parts.map((p) => p.cell)],
      fails: 1,
      params: { identity: def.name, where, whole: t.whole.name, actual: fmtFigure(t.whole.f), parts: t.parts.map((p) => `${p.name} ${fmtFigure(p.f)}`).join(' + '), expected: fmt(sum, d), tolerance: fmtTolerance(tol) },
      actual: whole,
      expected: Number(sum.toFixed(d)),
      tolerance: tol,
    });
    return;
  }
  for (let i = 0; i < t.parts.length; i++) {
    if (values[i] <= whole + tol) continue;
    const p = t.parts[i];
    out.fail({
      sheet: sheet.grid.name,
      cell: p.cell,
      cells: [p.cell, t.whole.cell],
      variant: 'part',
      params: { identity: def.name, where, part: p.name, actual: fmtFigure(p.f), whole: t.whole.name, wholeValue: fmtFigure(t.whole.f) },
      actual: values[i],
      expected: whole,
      related: { sheet: sheet.grid.name, cell: t.whole.cell },
    });
  }
}

/**
 * What a name says beyond the words an identity matched, so that whole and parts are the same kind
 * of figure: 地区生产总值（当月） adds up with 第一产业增加值（当月）…, never with the cumulative
 * 第一产业增加值 beside it, and 工业 ≤ 第二产业 holds for 工业增加值, not for 工业投资 or 工业用电量.
 * 增加值 is the default measure of an industry (第一产业 = 第一产业增加值), and an abbreviation in
 * brackets (GDP) names the indicator again rather than qualifying it.
 */
function rest(name: string, re: RegExp): string {
  return name
    .replace(re, '')
    .replace(/[（(][A-Za-z]+[）)]/g, '')
    .replace(/增加值/g, '')
    .replace(/[\s（）()]/g, '');
}

/** Columns that add up: values (not growth, shares or per-capita figures) of one period and unit. */
function additiveValue(c: TableColumn): boolean {
  return (c.measure === 'value' || c.measure === 'prior' || c.measure === 'increment') && c.indicator.additive;
}

/** An item list: the lines named in an identity, per value column. */
function inItems(def: IdentityDef, sheet: CheckedSheet, table: IndicatorTable, out: RuleOutput): void {
  const { whole, parts } = patterns(def);
  const lines = table.rows.filter((r) => r.role === 'total' || r.role === 'item' || r.role === 'of-which');
  const w = lines.find((r) => whole.test(nameOf(r.name)));
  if (!w) return;
  const q = rest(nameOf(w.name), whole);
  const ps = parts.map((re) => lines.find((r) => re.test(nameOf(r.name)) && rest(nameOf(r.name), re) === q));
  if (ps.some((p) => !p || p === w)) return;
  for (const col of table.columns.filter(additiveValue)) {
    const wf = num(sheet.cells.figure(w.row, col.col));
    const pf = (ps as TableRow[]).map((p) => num(sheet.cells.figure(p.row, col.col)));
    if (!wf || pf.some((f) => !f)) continue;
    tryIdentity(
      def,
      sheet,
      '',
      {
        whole: { cell: address(w.row, col.col), f: wf, name: nameOf(w.name) },
        parts: (ps as TableRow[]).map((p, i) => ({ cell: address(p.row, col.col), f: pf[i] as NumberFigure, name: nameOf(p.name) })),
      },
      out,
    );
  }
}

/** A regional table: the columns of an identity's indicators (same measure, period and unit), row by row. */
function inColumns(def: IdentityDef, sheet: CheckedSheet, table: IndicatorTable, out: RuleOutput): void {
  const { whole, parts } = patterns(def);
  const cols = table.columns.filter(additiveValue);
  for (const wc of cols.filter((c) => whole.test(nameOf(c.indicator.name)))) {
    // a yearbook states the unit once over 生产总值 and leaves the sector columns beside it without one
    const q = rest(nameOf(wc.indicator.name), whole);
    const like = (c: TableColumn): boolean => c.measure === wc.measure && c.period === wc.period && (c.unit === wc.unit || c.unit === null) && c.partOf === undefined;
    const pcs = parts.map((re) => cols.find((c) => c !== wc && like(c) && re.test(nameOf(c.indicator.name)) && rest(nameOf(c.indicator.name), re) === q));
    if (pcs.some((c) => !c)) continue;
    for (const r of table.rows) {
      if (r.role !== 'total' && r.role !== 'peer' && r.role !== 'subtotal') continue;
      const wf = num(sheet.cells.figure(r.row, wc.col));
      const pf = (pcs as TableColumn[]).map((c) => num(sheet.cells.figure(r.row, c.col)));
      if (!wf || pf.some((f) => !f)) continue;
      tryIdentity(
        def,
        sheet,
        r.name,
        {
          whole: { cell: address(r.row, wc.col), f: wf, name: nameOf(wc.indicator.name) },
          parts: (pcs as TableColumn[]).map((c, i) => ({ cell: address(r.row, c.col), f: pf[i] as NumberFigure, name: nameOf(c.indicator.name) })),
        },
        out,
      );
    }
  }
}

export const identityMismatch: RuleDef = {
  id: 'identity-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '核算关系不成立', 'en-US': 'Accounting identity broken' },
  test: {
    'zh-CN': '标准核算关系（地区生产总值 = 三次产业之和，工业 ≤ 第二产业，以及设置中加入的关系，如第二产业 = 工业 + 建筑业）在同一表中按行或按列成立，容差为各数显示位数的半个单位之和。',
    'en-US': 'The standard identities (GDP = the three industries, industry ≤ secondary, and those added in the settings, such as secondary = industry + construction) hold within a table, by line or by column, within half a unit of the shown digits of each figure.',
  },
  messages: {
    default: {
      'zh-CN': '{where}「{whole}」为 {actual}，但 {parts} = {expected}（{identity}，容差 {tolerance}）',
      'en-US': '{where}"{whole}" is {actual} but {parts} = {expected} ({identity}, tolerance {tolerance})',
    },
    part: {
      'zh-CN': '{where}「{part}」为 {actual}，大于「{whole}」{wholeValue}（{identity}）',
      'en-US': '{where}"{part}" is {actual}, more than "{whole}" {wholeValue} ({identity})',
    },
  },
  run(ctx, out) {
    const defs = [...IDENTITIES, ...ctx.settings.identities];
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        for (const def of defs) {
          if (isRegional(table)) inColumns(def, sheet, table, out);
          else inItems(def, sheet, table, out);
        }
      }
    }
  },
};
