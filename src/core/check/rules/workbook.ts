/** Checks across the sheets of one workbook: the same regions everywhere (不重不漏), one reporting period, the same figure in two places. */
import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address } from '../../grid';
import type { IndicatorTable, Period, TableRow } from '../../layout';
import { cleanIndicatorName, groupKind, isPeriodOnly, isZone, parsePeriod, regionKey } from '../../layout';
import type { CheckContext, CheckedSheet, Draft, RuleDef } from '../context';
import { floatSlack, fmtFigure, halfUnit, isRegional, num, peers, unitBase, unitScale } from '../context';

interface RegionalTable {
  sheet: CheckedSheet;
  table: IndicatorTable;
  keys: Set<string>;
}

function regionalTables(ctx: CheckContext): RegionalTable[] {
  const out: RegionalTable[] = [];
  for (const sheet of ctx.sheets) {
    for (const table of sheet.layout.tables) {
      if (!isRegional(table)) continue;
      out.push({ sheet, table, keys: new Set(peers(table).filter((r) => !r.zone).map((r) => r.key)) });
    }
  }
  return out;
}

/**
 * The regions every table of the family should list: from the settings, or the
 * regions that most tables sharing most of their regions list (a table of the
 * 12 counties is compared with the other tables of counties, not with a table
 * of provinces).
 */
export function expectedRegions(ctx: CheckContext, tables: RegionalTable[]): { expected: Set<string>; family: RegionalTable[] } | null {
  if (ctx.settings.expectedRegions) {
    const expected = new Set(ctx.settings.expectedRegions.map(regionKey));
    return { expected, family: tables.filter((t) => overlap(t.keys, expected) >= 0.5) };
  }
  if (tables.length < 2) return null;
  // Count how often each region appears; the family is the tables that share at least half of the most common set.
  const counts = new Map<string, number>();
  for (const t of tables) for (const k of t.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const seed = [...tables].sort((a, b) => score(b, counts) - score(a, counts))[0];
  const family = tables.filter((t) => overlap(t.keys, seed.keys) >= 0.6 && overlap(seed.keys, t.keys) >= 0.6);
  if (family.length < 2) return null;
  const inFamily = new Map<string, number>();
  for (const t of family) for (const k of t.keys) inFamily.set(k, (inFamily.get(k) ?? 0) + 1);
  // listed by most tables of the family (strictly more than half, and at least two)
  const expected = new Set([...inFamily].filter(([, n]) => n * 2 > family.length && n >= 2).map(([k]) => k));
  return { expected, family };
}

function score(t: RegionalTable, counts: Map<string, number>): number {
  let s = 0;
  for (const k of t.keys) s += counts.get(k) ?? 0;
  return s;
}

/** Share of a's regions that b lists. */
function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size) return 0;
  let n = 0;
  for (const k of a) if (b.has(k)) n++;
  return n / a.size;
}

export const missingRegion: RuleDef = {
  id: 'missing-region',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '缺少地区', 'en-US': 'Region missing' },
  test: {
    'zh-CN': '同一工作簿中各县市区表列出同样的地区（不漏）：应有的地区取自设置，或取自大多数同类表。',
    'en-US': 'Every county table of a workbook lists the same regions (none left out): the expected regions come from the settings, or from most tables of the kind.',
  },
  messages: {
    default: {
      'zh-CN': '本表缺少 {count} 个地区：{names}（其他 {tables} 张同类表都有）',
      'en-US': 'The table lacks {count} regions: {names} (listed by the other {tables} tables of its kind)',
    },
    configured: { 'zh-CN': '本表缺少 {count} 个应有的地区：{names}', 'en-US': 'The table lacks {count} expected regions: {names}' },
    merged: {
      'zh-CN': '本表未单列 {names}，以「{group}」合并列示',
      'en-US': 'The table does not list {names} separately; they are under "{group}"',
    },
  },
  run(ctx, out) {
    const tables = regionalTables(ctx);
    const found = expectedRegions(ctx, tables);
    if (!found) return;
    const names = new Map<string, string>();
    const districtKeys = new Set<string>();
    for (const t of tables) {
      for (const r of peers(t.table)) {
        if (!names.has(r.key)) names.set(r.key, r.name);
        if (/区$/.test(r.name) && !isZone(r.name)) districtKeys.add(r.key);
      }
    }
    // Short names (双清) of districts: learnt from tables that give the full name (双清区); without one, a region
    // missing from every table that lists 市辖区 is taken to be inside it.
    const withGroup = found.family.filter((t) => t.table.rows.some((r) => groupKind(r.name) === 'district'));
    for (const k of found.expected) if (withGroup.length && withGroup.every((t) => !t.keys.has(k))) districtKeys.add(k);
    for (const t of found.family) {
      out.items();
      const missing = [...found.expected].filter((k) => !t.keys.has(k));
      if (!missing.length) continue;
      const first = t.table.rows.find((r) => r.role === 'peer') ?? t.table.rows[0];
      // 市辖区 stands for the districts: the ones not listed are inside it.
      const group = t.table.rows.find((r) => (r.role === 'peer' || r.role === 'subtotal') && groupKind(r.name) === 'district' && r.members.length === 0);
      const districts = missing.filter((k) => /区$/.test(names.get(k) ?? k) || districtKeys.has(k));
      if (group && districts.length === missing.length) {
        out.fail({
          sheet: t.sheet.grid.name,
          cell: address(group.row, t.table.labelColumn),
          variant: 'merged',
          severity: 'info',
          params: { names: missing.map((k) => names.get(k) ?? k).join('、'), group: group.name },
        });
        continue;
      }
      out.fail({
        sheet: t.sheet.grid.name,
        cell: address(first.row, t.table.labelColumn),
        variant: ctx.settings.expectedRegions ? 'configured' : 'default',
        params: { count: missing.length, names: missing.map((k) => names.get(k) ?? k).join('、'), tables: found.family.length - 1 },
        expected: found.expected.size,
        actual: t.keys.size,
      });
    }
  },
};

export const duplicateRegion: RuleDef = {
  id: 'duplicate-region',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '地区重复', 'en-US': 'Region listed twice' },
  test: {
    'zh-CN': '一张表中同一地区只出现一次（不重）：简称和全称（邵东、邵东市）视为同一地区；“其中”行和小计不算。',
    'en-US': 'A region appears once in a table: short and full names (邵东, 邵东市) are the same region; "of which" rows and subtotals do not count.',
  },
  messages: {
    default: { 'zh-CN': '{name} 在本表出现了 {count} 次（第 {rows} 行）', 'en-US': '{name} appears {count} times in the table (rows {rows})' },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (!isRegional(table)) continue;
        const byKey = new Map<string, TableRow[]>();
        for (const r of table.rows) {
          if (r.role !== 'peer' && r.role !== 'total') continue;
          out.items();
          // 邵阳县 and 邵阳市 share a key but are different places: compare the suffix too.
          const id = `${r.key}|${/县$/.test(r.name) ? '县' : ''}`;
          byKey.set(id, [...(byKey.get(id) ?? []), r]);
        }
        for (const rows of byKey.values()) {
          if (rows.length < 2) continue;
          out.fail({
            sheet: sheet.grid.name,
            cell: address(rows[1].row, table.labelColumn),
            cells: rows.map((r) => address(r.row, table.labelColumn)),
            params: { name: rows[0].name, count: rows.length, rows: rows.map((r) => r.row + 1).join('、') },
            fails: rows.length - 1,
          });
        }
      }
    }
  },
};

/** Where a period label is written: the first header or preamble cell holding it. */
function periodCell(sheet: CheckedSheet, table: IndicatorTable, label: string): string {
  const from = Math.max(0, table.top - 4);
  for (let r = from; r <= table.headerBottom; r++) {
    for (let c = table.left; c <= table.right; c++) {
      const t = sheet.cells.text(r, c);
      if (t && t.replace(/\s/g, '').includes(label.replace(/\s/g, ''))) return address(sheet.cells.anchorOf(r, c).row, sheet.cells.anchorOf(r, c).col);
    }
  }
  return address(table.top, table.left);
}

function samePeriodEnd(a: Period, b: Period): boolean {
  if (a.endMonth !== b.endMonth) return false;
  return a.year === null || b.year === null || a.year === b.year;
}

export const periodMismatch: RuleDef = {
  id: 'period-mismatch',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '时期不一致', 'en-US': 'Different period' },
  test: {
    'zh-CN': '表的时期与报告期一致（如 1-9月 报告中标为 1-8月 的表）；报告期取自设置，或取大多数表的时期。',
    'en-US': 'A table\'s period is the report\'s (a table labelled 1-8月 in a 1-9月 report); the report period comes from the settings, or from most tables.',
  },
  messages: {
    default: { 'zh-CN': '本表时期为「{actual}」，报告期为「{expected}」', 'en-US': 'The table is for "{actual}"; the report is for "{expected}"' },
  },
  run(ctx, out) {
    const report = ctx.period;
    if (!report || report.endMonth === null) return;
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (table.shape === 'time-series' || !table.period) continue;
        const p = parsePeriod(table.period);
        if (!p || p.endMonth === null || p.kind === 'year') continue;
        out.items();
        if (samePeriodEnd(p, report)) continue;
        out.fail({ sheet: sheet.grid.name, cell: periodCell(sheet, table, table.period), params: { actual: table.period, expected: report.label }, actual: table.period, expected: report.label });
      }
    }
  },
};

/** Indicator names compared loosely: no spaces, brackets or units, no 规模以上/规上 difference. */
export function indicatorKey(name: string): string {
  return name
    .replace(/[\s\u3000]/g, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/规模以上|规上/g, '规模')
    .replace(/^全市|^全省/, '')
    .toLowerCase();
}

export const figureDiffers: RuleDef = {
  id: 'figure-differs',
  kind: 'soft',
  severity: 'warning',
  title: { 'zh-CN': '同一数字两处不同', 'en-US': 'Same figure, two values' },
  test: {
    'zh-CN': '同一指标、同一地区、同一时期在两张表中的数相同（万元与亿元换算后，容差为两数显示位数的半个单位之和）。',
    'en-US': 'The same indicator, region and period has the same figure in two sheets (after converting 万元 and 亿元, within half a unit of the shown digits of both).',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 为 {actual}{unit}，而「{otherSheet}」{otherCell} 为 {expected}{otherUnit}',
      'en-US': '"{indicator}": {region} is {actual} {unit} here but {expected} {otherUnit} in "{otherSheet}" {otherCell}',
    },
  },
  run(ctx, out) {
    interface Seen {
      sheet: string;
      row: number;
      col: number;
      value: number;
      tol: number;
      figure: NumberFigure;
      unit: string | null;
      /** the region as named here (null for a line of an item list: the whole area, unnamed) */
      region: string | null;
      indicator: string;
    }
    const seen = new Map<string, Seen>();
    // Pairs of sheets: when most of their shared figures differ, they hold different indicators under a like name.
    const pairs = new Map<string, { items: number; drafts: Draft[] }>();
    // Regional tables repeat a figure, and a city-wide item list repeats the total of a regional table
    // (核算5's 地区生产总值 in 亿元 is 23核算处1's 全市 in 万元); with fewer than two sheets there is nothing to compare.
    const comparable = (t: IndicatorTable): boolean => isRegional(t) || t.shape === 'items';
    if (ctx.sheets.filter((sh) => sh.layout.tables.some(comparable)).length < 2) return;
    // Regional tables first; then the lines of item lists, each compared with a regional table's total only
    // (two item lists may both have a 第三产业 line, of investment and of GDP: not the same figure).
    const order = ctx.sheets.flatMap((sheet) => sheet.layout.tables.filter(comparable).map((table) => ({ sheet, table })));
    order.sort((a, b) => Number(!isRegional(a.table)) - Number(!isRegional(b.table)));
    for (const { sheet, table } of order) {
      const items = !isRegional(table);
      for (const col of table.columns) {
        if (col.measure !== 'value' && col.measure !== 'growth' && col.measure !== 'prior') continue;
        if (!items && (GENERIC_NAME.test(col.indicator.name.trim()) || isPeriodOnly(col.indicator.name))) continue;
        const period = parsePeriod(col.period ?? table.period ?? '');
        const periodKey = period ? `${period.year ?? ctx.period?.year ?? ''}-${period.startMonth ?? ''}-${period.endMonth ?? ''}` : '';
        const unit = col.unit ?? (col.measure === 'growth' ? '%' : table.unit);
        const scale = col.measure === 'growth' ? 1 : unitScale(unit);
        if (scale === null) continue;
        const tail = [col.measure, periodKey, unitBase(unit), ''].join('|');
        const prefix = indicatorKey(col.indicator.name) + '|' + tail;
        for (const r of table.rows) {
          // an item list's lines are indicators of the whole area: its total's figures
          if (items ? r.role !== 'total' && r.role !== 'item' && r.role !== 'of-which' : r.role !== 'peer' && r.role !== 'total') continue;
          const f = num(sheet.cells.figure(r.row, col.col));
          if (!f) continue;
          const key = items ? `${indicatorKey(cleanIndicatorName(r.name))}|${tail}${WHOLE_AREA}` : prefix + (r.role === 'total' ? WHOLE_AREA : r.key);
          const indicator = items ? cleanIndicatorName(r.name) : col.indicator.name;
          const here: Seen = { sheet: sheet.grid.name, row: r.row, col: col.col, value: shownValue(f) * scale, tol: halfUnit(f) * scale, figure: f, unit, region: items ? null : r.name, indicator };
          const before = seen.get(key);
          if (!before) {
            if (!items) seen.set(key, here);
            continue;
          }
          if (before.sheet === here.sheet) continue;
          const pairKey = `${before.sheet}\u0000${here.sheet}\u0000${col.measure}`;
          const pair = pairs.get(pairKey) ?? { items: 0, drafts: [] };
          pairs.set(pairKey, pair);
          pair.items++;
          const tol = before.tol + here.tol + floatSlack(before.value, here.value);
          if (Math.abs(before.value - here.value) <= tol) continue;
          // Figures more than twice apart are another indicator under a like name (per capita vs total), not the same figure.
          const ratio = Math.abs(here.value) / Math.abs(before.value);
          if (!(ratio >= 0.5 && ratio <= 2)) {
            pair.items--;
            continue;
          }
          const otherCell = address(before.row, before.col);
          pair.drafts.push({
            sheet: here.sheet,
            cell: address(here.row, here.col),
            params: { indicator: before.region === null ? here.indicator : before.indicator, region: here.region ?? before.region ?? '', actual: fmtFigure(here.figure), unit: unit ?? '', expected: fmtFigure(before.figure), otherUnit: before.unit ?? '', otherSheet: before.sheet, otherCell },
            actual: shownValue(here.figure),
            // in this sheet's unit
            expected: Number((before.value / scale).toPrecision(12)),
            tolerance: tol / scale,
            related: { sheet: before.sheet, cell: otherCell },
          });
        }
      }
  }
    for (const pair of pairs.values()) {
      if (pair.items >= 4 && pair.drafts.length * 2 > pair.items) continue;
      out.items(pair.items);
      for (const d of pair.drafts) out.fail(d);
    }
  },
};

/** The key of the whole area (全市, 全省 …): a regional table's total row, or an item list. */
const WHOLE_AREA = '\u0000whole';

/** Header words that name no indicator: figures under them in two sheets need not be the same thing. */
const GENERIC_NAME = /^(?:annual|total|value|level|growth|合计|总计|绝对额|绝对值|数值|增速|本月|累计|当月)$/i;

export const WORKBOOK_RULES: RuleDef[] = [missingRegion, duplicateRegion, periodMismatch, figureDiffers];
