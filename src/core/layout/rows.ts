import type { NumberFigure } from '../figures';
import type { RowRole, Shape, TableColumn, TableRow } from './Layout.types';
import {
  KNOWN_GROUPS,
  displayName,
  groupKind,
  isOfWhich,
  isTotalName,
  isZone,
  regionKey,
} from './regions';
import type { SheetCells } from './sheetCells';
import { halfWidth, indentOf, squash } from './text';

interface Draft extends TableRow {
  hasFigures: boolean;
  indent: number;
  numbered: number | null;
}

const NUMBERING: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 0],
  [/^[(（][一二三四五六七八九十]+[)）]/, 1],
  [/^\d+[.、．]\s*/, 1],
  [/^\d+[)）]/, 2],
];

function numberingLevel(label: string): number | null {
  const s = halfWidth(label).trim();
  for (const [re, level] of NUMBERING) if (re.test(s)) return level;
  return null;
}

/** Build the rows of a body with provisional roles; `figureCols` are the measure columns. */
export function draftRows(cells: SheetCells, rows: number[], labelCol: number, figureCols: number[]): Draft[] {
  const out: Draft[] = [];
  for (const r of rows) {
    const a = cells.anchorOf(r, labelCol);
    const rawLabel = String(cells.cell(a.row, a.col).value ?? '');
    const label = rawLabel.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    const hasFigures = figureCols.some((c) => cells.figure(r, c).kind !== 'empty' && cells.figure(r, c).kind !== 'text');
    out.push({
      row: r,
      label,
      name: displayName(label),
      key: regionKey(label),
      role: 'peer',
      level: 0,
      parent: null,
      members: [],
      hasFigures,
      indent: indentOf(rawLabel),
      numbered: numberingLevel(label),
    });
  }
  return out;
}

function firstNumber(cells: SheetCells, row: number, cols: number[]): NumberFigure | null {
  for (const c of cols) {
    const f = cells.figure(row, c);
    if (f.kind === 'number') return f;
  }
  return null;
}

function valueOf(cells: SheetCells, row: number, col: number): number | null {
  const f = cells.figure(row, col);
  return f.kind === 'number' ? f.value : null;
}

/** Sum of rows equals the target within what rounding of the shown figures allows. */
function sumMatches(cells: SheetCells, target: number, rows: number[], col: number): boolean {
  let sum = 0;
  let n = 0;
  for (const r of rows) {
    const v = valueOf(cells, r, col);
    if (v !== null) {
      sum += v;
      n++;
    }
  }
  if (n === 0) return false;
  const f = cells.figure(rows[0], col);
  const decimals = f.kind === 'number' && f.decimals !== null ? f.decimals : 2;
  return Math.abs(sum - target) <= sumTolerance(target, n, decimals);
}

/** How far a sum of `n` shown figures may be from its `target`: their rounding, or 0.2% of it. */
function sumTolerance(target: number, n: number, decimals: number): number {
  return Math.max(0.5 * Math.pow(10, -decimals) * (n + 1), Math.abs(target) * 0.002);
}

/**
 * Groups whatever their names (东片, 西片, 甲组 …): when the rows after the total split, from the first
 * to the last, into runs of a row followed by at least two rows it is the sum of (in every additive value
 * column, within the rounding of the shown figures), each such row is a subtotal of the rows after it.
 * Only a whole table split that way counts (two groups at least), and a row that carries a published rank
 * is never one, so a region that happens to equal the sum of its next neighbours stays a region. Linear
 * in the rows: prefix sums per column, and the first row that heads no run ends the search.
 */
function subtotalsBySums(cells: SheetCells, main: Draft[], valueCols: number[], ranked: (d: Draft) => boolean): void {
  if (main.some((d) => d.role === 'subtotal')) return;
  const peers = main.filter((d) => d.role === 'peer');
  const cols = valueCols.slice(0, 5);
  if (peers.length < 6 || !cols.length) return;
  // per column: prefix sums and counts of the numbers, and the decimals shown
  const prefix = cols.map((col) => {
    const sum = [0];
    const count = [0];
    let decimals = 0;
    for (const d of peers) {
      const f = cells.figure(d.row, col);
      const v = f.kind === 'number' ? f.value : null;
      if (f.kind === 'number' && f.decimals !== null) decimals = Math.max(decimals, f.decimals);
      sum.push(sum[sum.length - 1] + (v ?? 0));
      count.push(count[count.length - 1] + (v === null ? 0 : 1));
    }
    return { col, sum, count, decimals };
  });
  const heads = (i: number, k: number): boolean => {
    let tried = 0;
    for (const p of prefix) {
      const v = valueOf(cells, peers[i].row, p.col);
      if (v === null) continue;
      const n = p.count[i + 1 + k] - p.count[i + 1];
      if (n === 0) return false;
      const s = p.sum[i + 1 + k] - p.sum[i + 1];
      if (Math.abs(s - v) > sumTolerance(v, n, p.decimals)) return false;
      tried++;
    }
    return tried > 0;
  };
  const groups: { head: Draft; members: Draft[] }[] = [];
  let i = 0;
  while (i < peers.length) {
    if (ranked(peers[i])) return;
    let found = 0;
    for (let k = 2; i + k < peers.length; k++) {
      if (heads(i, k)) {
        found = k;
        break;
      }
    }
    if (!found) return;
    groups.push({ head: peers[i], members: peers.slice(i + 1, i + 1 + found) });
    i += found + 1;
  }
  if (groups.length < 2) return;
  for (const g of groups) {
    g.head.role = 'subtotal';
    g.head.members = g.members.map((m) => m.row);
    for (const m of g.members) m.parent = g.head.row;
  }
}

/** Roles for a table of regions: total, subtotals and their members, "其中" rows, sections, peers. */
export function assignRegionRoles(cells: SheetCells, drafts: Draft[], columns: TableColumn[], rankCol: number | null): void {
  const valueCols = columns.filter((c) => c.measure === 'value' && c.indicator.additive).map((c) => c.col);
  let lastMain: Draft | null = null;
  let inGroupSection = false;
  for (const d of drafts) {
    if (!d.hasFigures) {
      d.role = 'section';
      inGroupSection = /按区域分|按地区分组|by region|分区域|区域/i.test(d.label) && !/按地区分\b|by city/i.test(d.label);
      continue;
    }
    if (isOfWhich(d.label)) {
      d.role = 'of-which';
      d.parent = lastMain?.row ?? null;
      continue;
    }
    if (isTotalName(d.label)) d.role = 'total';
    else if (inGroupSection) d.role = 'subtotal';
    lastMain = d;
  }
  const main = drafts.filter((d) => d.role !== 'section' && d.role !== 'of-which');
  // No total by name: a first or last row that equals the sum of the others is the total.
  if (!main.some((d) => d.role === 'total') && main.length >= 3 && valueCols.length) {
    for (const cand of [main[0], main[main.length - 1]]) {
      const others = main.filter((d) => d !== cand && d.role === 'peer' && !groupKind(d.label)).map((d) => d.row);
      const checked = valueCols.slice(0, 5);
      let agree = 0;
      let tried = 0;
      for (const col of checked) {
        const v = valueOf(cells, cand.row, col);
        if (v === null) continue;
        tried++;
        if (sumMatches(cells, v, others, col)) agree++;
      }
      const formula = checked.some((col) => /^SUM\(/i.test(cells.cell(cand.row, col).formula ?? ''));
      if ((tried && agree / tried >= 0.6) || formula) {
        cand.role = 'total';
        break;
      }
    }
  }
  // Subtotals and their members.
  const byKey = new Map<string, Draft>();
  for (const d of main) if (d.role === 'peer') byKey.set(d.key, d);
  const firstValueCol = valueCols[0] ?? null;
  const hasRank = (d: Draft): boolean => rankCol !== null && cells.figure(d.row, rankCol).kind === 'number';
  const anyRanked = rankCol !== null && main.some((d) => hasRank(d));
  for (let i = 0; i < main.length; i++) {
    const d = main[i];
    if (d.role === 'total') continue;
    const kind = groupKind(d.label);
    if (!kind && d.role !== 'subtotal') continue;
    let members: Draft[] = [];
    const known = KNOWN_GROUPS[squash(halfWidth(d.label))];
    if (known && known.length) members = known.map((k) => byKey.get(k)).filter((x): x is Draft => !!x);
    if (!members.length && firstValueCol !== null) {
      const target = valueOf(cells, d.row, firstValueCol);
      if (target !== null) {
        const runAfter: Draft[] = [];
        for (let j = i + 1; j < main.length && main[j].role === 'peer' && !groupKind(main[j].label); j++) runAfter.push(main[j]);
        const runBefore: Draft[] = [];
        for (let j = i - 1; j >= 0 && main[j].role === 'peer' && !groupKind(main[j].label); j--) runBefore.unshift(main[j]);
        const districts = main.filter((x) => x.role === 'peer' && x !== d && /区$/.test(x.name) && !groupKind(x.label));
        const tries = kind === 'district' ? [districts, runAfter, runBefore] : [runAfter, runBefore];
        for (const run of tries) {
          // Only runs of at least two, and prefix sums: a group is the rows next to it.
          for (let len = run.length; len >= 2; len--) {
            const part = run === runBefore ? run.slice(run.length - len) : run.slice(0, len);
            if (sumMatches(cells, target, part.map((x) => x.row), firstValueCol)) {
              members = part;
              break;
            }
          }
          if (members.length) break;
        }
        // 市辖区 without a rank above districts that are ranked: it groups them even when its figure does not add up (a checker reports that).
        if (!members.length && kind === 'district' && anyRanked && !hasRank(d) && districts.length >= 2) members = districts;
      }
    }
    const isGroup =
      members.length > 0 ||
      d.role === 'subtotal' ||
      kind === 'known' ||
      (kind === 'suffix' && anyRanked && !hasRank(d));
    if (!isGroup) continue;
    d.role = 'subtotal';
    d.members = members.map((m) => m.row);
    for (const m of members) m.parent = d.row;
  }
  subtotalsBySums(cells, main, valueCols, (d) => anyRanked && hasRank(d));
  for (const d of main) {
    if (d.role !== 'peer') continue;
    if (isZone(d.label)) d.zone = true;
    // 市辖区 left as a peer (its districts are not listed) stands in for several districts: not a peer of 县市区.
    if (d.zone) d.apart = 'zone';
    else if (groupKind(d.label) === 'district') d.apart = 'districts';
  }
}

/** Categories that split a whole between them: neither is part of the other (城镇 140.49 + 乡村 7.60 = the total). */
const COMPLEMENTS: [RegExp, RegExp][] = [
  [/城镇/, /乡村|农村/],
  [/城市/, /农村|乡村/],
  [/轻工业/, /重工业/],
  [/内资/, /外资|港澳台/],
  [/国有/, /非国有/],
  [/公有/, /非公有/],
  [/^男/, /^女/],
];

/** The category after a section word ("1、按地区分：城镇" → 城镇). */
function categoryName(name: string): string {
  return squash(halfWidth(name)).replace(/^.*[:：]/, '').replace(/^(?:[一二三四五六七八九十]+、|\d+[.、．])/, '');
}

/** Do two lines name complementary categories (城镇 and 乡村, X and 非X)? Then the second is no part of the first. */
export function complementary(a: string, b: string): boolean {
  const x = categoryName(a);
  const y = categoryName(b);
  if (!x || !y) return false;
  if (y === `非${x}` || x === `非${y}`) return true;
  // a whole that names both halves (城乡, 进出口) is their parent, not their complement
  return COMPLEMENTS.some(([p, q]) => !(p.test(x) && q.test(x)) && ((p.test(x) && q.test(y)) || (q.test(x) && p.test(y))));
}

/** "二、…", "三、…": a later heading of a numbered list, which cannot be the total of the whole list. */
const LATER_HEADING = /^[\s\u3000]*(?:[二三四五六七八九十]+、|[2-9][.、．]|[1-9]\d[.、．])/;

/** Roles for an item list: the total (first line naming the table's indicator, or 合计), items by level, "其中" and "#" rows. */
export function assignItemRoles(drafts: Draft[], titleIndicator: string | null): void {
  const title = titleIndicator ? squash(titleIndicator) : '';
  const stack: Draft[] = [];
  let totalSeen = false;
  let ofWhichIndent: number | null = null;
  let ofWhichParent: number | null = null;
  let lastNumbered: number | null = null;
  const complementsParent = (d: Draft): boolean => {
    const parent = ofWhichParent === null ? undefined : drafts.find((x) => x.row === ofWhichParent);
    return !!parent && complementary(parent.name, d.name);
  };
  for (const d of drafts) {
    const name = squash(d.name);
    const byIndent = Math.floor(d.indent / 2) + (d.indent > 0 ? 1 : 0);
    const level = d.numbered ?? Math.max(byIndent, lastNumbered !== null ? lastNumbered + 1 : 0);
    if (d.numbered !== null) lastNumbered = d.numbered;
    d.level = level;
    if (!d.hasFigures) {
      d.role = 'section';
      ofWhichIndent = null;
    } else if (isOfWhich(d.label)) {
      d.role = 'of-which';
      // Only a "其中：" line opens a list that continues on the deeper-indented lines below it; "#" marks one line.
      ofWhichIndent = /^[\s\u3000]*其\s*中/.test(d.label) ? d.indent : null;
    } else if (ofWhichIndent !== null && d.indent > ofWhichIndent && d.numbered === null && !complementsParent(d)) {
      // Lines under "其中：A" indented like it continue the list (其中：工资性收入 / 经营净收入 …).
      d.role = 'of-which';
      d.parent = ofWhichParent;
      continue;
    } else if (ofWhichIndent !== null && d.numbered === null && complementsParent(d)) {
      // "城镇 / 其中：城区 / 乡村": 乡村 is the other half of 城镇, its sibling, whatever its indent.
      const parent = drafts.find((x) => x.row === ofWhichParent) as Draft;
      ofWhichIndent = null;
      d.role = 'item';
      d.level = parent.level;
      d.parent = parent.parent;
      while (stack.length && stack[stack.length - 1].level >= d.level) stack.pop();
      stack.push(d);
      continue;
    } else {
      ofWhichIndent = null;
      if (!totalSeen && !LATER_HEADING.test(d.label) && (/(合计|总计)$/.test(name) || (title && (name === title || name.includes(title) || (title.includes(name) && name.length >= 4))))) {
        d.role = 'total';
        totalSeen = true;
      } else d.role = 'item';
    }
    while (stack.length && stack[stack.length - 1].level >= level && d.role !== 'of-which') stack.pop();
    if (d.role === 'of-which') {
      const parent = [...stack].reverse().find((s) => s.role !== 'of-which' && s.role !== 'section') ?? stack[stack.length - 1];
      d.parent = parent?.row ?? null;
      ofWhichParent = d.parent;
      continue;
    }
    const parent = stack[stack.length - 1];
    d.parent = parent && parent.role !== 'total' ? parent.row : parent?.role === 'total' && d.role === 'item' ? parent.row : null;
    stack.push(d);
  }
}

/** Decide whether a body lists regions, items or periods. */
export function decideRowShape(drafts: Draft[], labelHeader: 'regions' | 'items' | 'periods' | null): Shape {
  if (labelHeader === 'periods') return 'time-series';
  if (labelHeader === 'regions') return 'regions';
  if (labelHeader === 'items') return 'items';
  const main = drafts.filter((d) => d.hasFigures);
  if (!main.length) return 'regions';
  const itemish = main.filter((d) => d.numbered !== null || isOfWhich(d.label) || d.indent >= 2 || (/[\u3400-\u9fff]/.test(d.name) && d.name.length > 10)).length;
  const regionish = main.filter((d) => isTotalName(d.label) || /^[\u3400-\u9fff]{2,10}(?:市|县|区|州|盟|旗)$/.test(squash(d.label)) || groupKind(d.label)).length;
  if (regionish >= main.length * 0.5) return 'regions';
  if (itemish >= main.length * 0.2) return 'items';
  return 'regions';
}

export type { Draft };

export function finishRows(drafts: Draft[]): TableRow[] {
  return drafts.map((d) => {
    const row: TableRow = {
      row: d.row,
      label: d.label,
      name: d.name,
      key: d.key,
      role: d.role as RowRole,
      level: d.level,
      parent: d.parent,
      members: d.members,
    };
    if (d.zone) row.zone = true;
    if (d.apart) row.apart = d.apart;
    return row;
  });
}

export { firstNumber };
