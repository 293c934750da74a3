/** Shares, points and contributions: within range, summing to 100 (or to the total's growth), agreeing with the values they come from. */
import type { NumberFigure } from '../../figures';
import { shownValue } from '../../figures';
import { address, rangeAddress } from '../../grid';
import type { IndicatorTable, TableColumn, TableRow } from '../../layout';
import type { CheckedSheet, RuleDef } from '../context';
import { floatSlack, fmt, fmtFigure, fmtTolerance, halfUnit, isRegional, num, peers, shownDecimals, totalRow } from '../context';
import { additiveColumns, numbering } from './sums';

/** The sum of figures as shown, and half a unit of the last shown digit of each, added up. */
function shownSum(fs: NumberFigure[]): { sum: number; tolerance: number } {
  let sum = 0;
  let tolerance = 0;
  for (const f of fs) {
    sum += shownValue(f);
    tolerance += halfUnit(f);
  }
  return { sum, tolerance };
}

/** Groups of rows that partition a whole: the peers of a regional table; numbered items under one parent. */
export function partitions(table: IndicatorTable): { whole: TableRow | null; parts: TableRow[] }[] {
  if (isRegional(table)) {
    const ps = peers(table);
    return ps.length >= 2 ? [{ whole: totalRow(table), parts: ps }] : [];
  }
  if (table.shape !== 'items') return [];
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const children = new Map<number | null, TableRow[]>();
  for (const r of table.rows) if (r.role === 'item') children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  const out: { whole: TableRow | null; parts: TableRow[] }[] = [];
  for (const [parent, kids] of children) {
    const style = numbering(kids[0]?.label ?? '');
    if (kids.length < 2 || !style || !kids.every((k) => numbering(k.label) === style)) continue;
    out.push({ whole: parent === null ? null : (byRow.get(parent) ?? null), parts: kids });
  }
  return out;
}

function figures(sheet: CheckedSheet, rows: TableRow[], col: number): NumberFigure[] | null {
  const out: NumberFigure[] = [];
  for (const r of rows) {
    const f = num(sheet.cells.figure(r.row, col));
    if (!f) return null;
    out.push(f);
  }
  return out;
}

function span(rows: TableRow[], col: number): string {
  return rows.length > 1 ? rangeAddress(rows[0].row, col, rows[rows.length - 1].row, col) : address(rows[0].row, col);
}

export const shareOutOfRange: RuleDef = {
  id: 'share-out-of-range',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '比重超出 0–100', 'en-US': 'Share outside 0–100' },
  test: { 'zh-CN': '比重（占比、构成）在 0 到 100 之间（容差 ±0.1）。', 'en-US': 'A share (比重, 构成) lies between 0 and 100 (tolerance ±0.1).' },
  messages: {
    default: { 'zh-CN': '「{indicator}」{region} 的比重 {actual}% 超出 0–100', 'en-US': '"{indicator}": the share of {region}, {actual}%, is outside 0–100' },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        for (const col of table.columns.filter((c) => c.measure === 'share')) {
          for (const r of table.rows) {
            const f = num(sheet.cells.figure(r.row, col.col));
            if (!f) continue;
            out.items();
            const tol = Math.max(ctx.settings.shareTolerance, halfUnit(f));
            const v = shownValue(f);
            if (v >= -tol && v <= 100 + tol) continue;
            out.fail({
              sheet: sheet.grid.name,
              cell: address(r.row, col.col),
              params: { indicator: col.indicator.name, region: r.name, actual: fmtFigure(f) },
              actual: v,
              expected: v < 0 ? 0 : 100,
              tolerance: tol,
            });
          }
        }
      }
    }
  },
};

export const sharesNot100: RuleDef = {
  id: 'shares-not-100',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '构成之和不为 100', 'en-US': 'Shares do not sum to 100' },
  test: {
    'zh-CN': '各地区（或编号分项）的比重之和为 100（±0.1，或按显示位数累计的容差）；全市含市本级时，应等于各地区绝对额之和占全市的比重。',
    'en-US': 'The shares of the regions (or numbered items) sum to 100 (±0.1, or the tolerance of the shown digits); when the total holds city-level units, they sum to the regions\' share of it.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{count} 个{what}的比重之和为 {actual}，应为 {expected}（容差 ±{tolerance}）',
      'en-US': '"{indicator}": the shares of {count} {what} sum to {actual}, not {expected} (tolerance ±{tolerance})',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        const shareCols = table.columns.filter((c) => c.measure === 'share');
        if (!shareCols.length) continue;
        for (const part of partitions(table)) {
          for (const col of shareCols) {
            const fs = figures(sheet, part.parts, col.col);
            if (!fs) continue;
            out.items();
            const shown = shownSum(fs);
            const sum = shown.sum;
            const tol = Math.max(ctx.settings.shareTolerance, shown.tolerance) + floatSlack(sum);
            // The share the parts hold of the whole, from the values when the whole holds more (市本级).
            let expected = 100;
            const valueCol = additiveColumns(table).find((c) => c.indicator.name === col.indicator.name && c.measure === 'value');
            if (valueCol && part.whole) {
              const whole = num(sheet.cells.figure(part.whole.row, valueCol.col));
              const values = figures(sheet, part.parts, valueCol.col);
              if (whole && whole.value > 0 && values) {
                const s = values.reduce((a, f) => a + f.value, 0);
                if (s < whole.value) expected = (s / whole.value) * 100;
              }
            }
            if (Math.abs(sum - expected) <= tol) continue;
            const d = Math.max(...fs.map(shownDecimals));
            out.fail({
              sheet: sheet.grid.name,
              cell: span(part.parts, col.col),
              params: {
                indicator: col.indicator.name,
                count: fs.length,
                what: isRegional(table) ? { 'zh-CN': '地区', 'en-US': 'regions' } : { 'zh-CN': '分项', 'en-US': 'items' },
                actual: fmt(sum, d),
                expected: fmt(expected, expected === 100 ? 0 : d),
                tolerance: fmtTolerance(tol),
              },
              actual: Number(sum.toFixed(d)),
              expected: Number(expected.toFixed(Math.max(d, 1))),
              tolerance: tol,
              fails: fs.length,
            });
          }
        }
      }
    }
  },
};

export const shareMismatch: RuleDef = {
  id: 'share-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '比重与绝对额不符', 'en-US': 'Share disagrees with the values' },
  test: {
    'zh-CN': '“占全市比重”等于本地区绝对额 ÷ 全市绝对额 × 100，容差由两数和比重的显示位数算出。',
    'en-US': 'A share of the total equals the region\'s value ÷ the total\'s value × 100, within a tolerance from the shown digits of all three.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 比重 {actual}%，按绝对额 {value} ÷ {total} 应为 {expected}%（容差 ±{tolerance}）',
      'en-US': '"{indicator}": {region}\'s share is {actual}% but {value} ÷ {total} gives {expected}% (tolerance ±{tolerance})',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (!isRegional(table)) continue;
        const total = totalRow(table);
        if (!total) continue;
        for (const col of table.columns.filter((c) => c.measure === 'share')) {
          const valueCol = additiveColumns(table).find((c) => c.indicator.name === col.indicator.name && c.measure === 'value');
          if (!valueCol) continue;
          const T = num(sheet.cells.figure(total.row, valueCol.col));
          if (!T || T.value <= 0) continue;
          const t = shownValue(T);
          for (const r of table.rows.filter((x) => x.role === 'peer' || x.role === 'subtotal')) {
            const s = num(sheet.cells.figure(r.row, col.col));
            const v = num(sheet.cells.figure(r.row, valueCol.col));
            if (!s || !v) continue;
            out.items();
            const vs = shownValue(v);
            const expected = (vs / t) * 100;
            const tol = halfUnit(s) + 100 * (halfUnit(v) / t + (Math.abs(vs) * halfUnit(T)) / (t * t)) + floatSlack(expected);
            if (Math.abs(shownValue(s) - expected) <= tol) continue;
            const d = shownDecimals(s);
            out.fail({
              sheet: sheet.grid.name,
              cell: address(r.row, col.col),
              params: { indicator: col.indicator.name, region: r.name, actual: fmtFigure(s), value: fmtFigure(v), total: fmtFigure(T), expected: fmt(expected, d), tolerance: fmtTolerance(tol) },
              actual: shownValue(s),
              expected: Number(expected.toFixed(d)),
              tolerance: tol,
            });
          }
        }
      }
    }
  },
};

/** A points column that compares with the total's growth (与全市增速差, 高于全省 …), not a change against last year. */
function pointsVsTotalColumn(col: TableColumn): boolean {
  const h = col.header.join(' ');
  return /全[市州省县区盟国]|平均|合计|总体|total|average/i.test(h) && !/同比|比上年|比去年|上年同期|year/i.test(h);
}

export const pointsMismatch: RuleDef = {
  id: 'points-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '百分点与增速不符', 'en-US': 'Points disagree with growth' },
  test: {
    'zh-CN': '“与全市增速差（百分点）”等于本地区增速减全市增速，按公布的增速计算。',
    'en-US': 'Points against the total ("与全市增速差") equal the region\'s growth minus the total\'s growth, as published.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{region} 与{total}增速差 {actual} 个百分点，按增速 {growth}% − {totalGrowth}% 应为 {expected}',
      'en-US': '"{indicator}": {region} is {actual} points from {total}, but {growth}% − {totalGrowth}% gives {expected}',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        if (!isRegional(table)) continue;
        const total = totalRow(table);
        if (!total) continue;
        for (const col of table.columns.filter((c) => c.measure === 'points' && pointsVsTotalColumn(c))) {
          const growths = table.columns.filter((c) => c.measure === 'growth');
          const growthCol = growths.find((c) => c.indicator.name === col.indicator.name) ?? (growths.length === 1 ? growths[0] : undefined);
          if (!growthCol) continue;
          const G = num(sheet.cells.figure(total.row, growthCol.col));
          if (!G) continue;
          for (const r of peers(table)) {
            const p = num(sheet.cells.figure(r.row, col.col));
            const g = num(sheet.cells.figure(r.row, growthCol.col));
            if (!p || !g) continue;
            out.items();
            const expected = shownValue(g) - shownValue(G);
            const tol = halfUnit(p) + halfUnit(g) + halfUnit(G) + floatSlack(expected);
            if (Math.abs(shownValue(p) - expected) <= tol) continue;
            const d = shownDecimals(p);
            out.fail({
              sheet: sheet.grid.name,
              cell: address(r.row, col.col),
              params: { indicator: col.indicator.name, region: r.name, total: total.name, actual: fmtFigure(p), growth: fmtFigure(g), totalGrowth: fmtFigure(G), expected: fmt(expected, d) },
              actual: shownValue(p),
              expected: Number(expected.toFixed(d)),
              tolerance: tol,
            });
          }
        }
      }
    }
  },
};

export const contributionMismatch: RuleDef = {
  id: 'contribution-mismatch',
  kind: 'hard',
  severity: 'error',
  title: { 'zh-CN': '贡献率、拉动之和不符', 'en-US': 'Contributions do not add up' },
  test: {
    'zh-CN': '各部分的贡献率之和为 100；拉动（百分点）之和等于总体增速。容差按显示位数累计。',
    'en-US': 'The contributions of the parts sum to 100; their pulls (points) sum to the growth of the whole. Tolerance from the shown digits.',
  },
  messages: {
    default: {
      'zh-CN': '「{indicator}」{count} 个部分的贡献率之和为 {actual}%，应为 100%（容差 ±{tolerance}）',
      'en-US': '"{indicator}": the contributions of {count} parts sum to {actual}%, not 100% (tolerance ±{tolerance})',
    },
    pull: {
      'zh-CN': '「{indicator}」{count} 个部分的拉动之和为 {actual} 个百分点，而{total}增速为 {expected}%（容差 ±{tolerance}）',
      'en-US': '"{indicator}": the pulls of {count} parts sum to {actual} points, but {total} grew {expected}% (tolerance ±{tolerance})',
    },
  },
  run(ctx, out) {
    for (const sheet of ctx.sheets) {
      for (const table of sheet.layout.tables) {
        for (const col of table.columns.filter((c) => c.measure === 'contribution' || c.measure === 'pull')) {
          for (const part of partitions(table)) {
            const fs = figures(sheet, part.parts, col.col);
            if (!fs) continue;
            const { sum, tolerance } = shownSum(fs);
            let tol = tolerance;
            let expected: number | null = null;
            let expectedFigure: NumberFigure | null = null;
            if (col.measure === 'contribution') expected = 100;
            else if (part.whole) {
              const growthCol = table.columns.find((c) => c.indicator.name === col.indicator.name && c.measure === 'growth');
              expectedFigure = num(sheet.cells.figure(part.whole.row, growthCol?.col ?? col.col));
              if (expectedFigure) {
                expected = shownValue(expectedFigure);
                tol += halfUnit(expectedFigure);
              }
            }
            if (expected === null) continue;
            out.items();
            tol += floatSlack(sum);
            if (Math.abs(sum - expected) <= tol) continue;
            const d = Math.max(...fs.map(shownDecimals));
            out.fail({
              sheet: sheet.grid.name,
              cell: span(part.parts, col.col),
              variant: col.measure === 'pull' ? 'pull' : 'default',
              params: { indicator: col.indicator.name, count: fs.length, actual: fmt(sum, d), expected: expectedFigure ? fmtFigure(expectedFigure) : '100', total: part.whole?.name ?? '', tolerance: fmtTolerance(tol) },
              actual: Number(sum.toFixed(d)),
              expected,
              tolerance: tol,
              fails: fs.length,
            });
          }
        }
      }
    }
  },
};

export const SHARE_RULES: RuleDef[] = [shareOutOfRange, sharesNot100, shareMismatch, pointsMismatch, contributionMismatch];
