/**
 * Property tests of the checks: whatever the workbook holds (random grids of
 * every kind of cell, random merges, and random sheets laid out like county
 * tables with their oddities), checkWorkbook does not throw and no rule fails
 * internally, gives the same result for the same input, and every finding is
 * well formed: a cell (or range) inside its sheet, a known rule, a severity and
 * a message in the user's language. The per-rule summary agrees with the
 * findings.
 */
import fc from 'fast-check';
import type { CheckResult, Finding } from '../../../src/core/check';
import { checkWorkbook, RULE_IDS, RULES } from '../../../src/core/check';
import type { CheckWorkbookOptions, WorkbookInput } from '../../../src/core/check';
import type { Cell, Grid, MergedArea } from '../../../src/core/grid';
import { parseAddress, parseRange } from '../../../src/core/grid';

// ---------------------------------------------------------------- cells

const FORMATS = [undefined, 'General', '0', '0_ ', '0.0', '0.0_ ', '0.00', '0.00_ ', '#,##0', '#,##0.00', '0%', '0.0%', '@', 'yyyy-mm-dd', '0.0;-0.0', '#0.00 ;-#0.00 ', '0.000'];
const ERRORS = ['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!'];
const PLACEHOLDERS = ['—', '…', '-', '——', '/', 'x', '－', '扭亏为盈', '增亏', '持平', '不可比', 'n.a.', ' '];
const COUNTIES = ['城东', '城西区', '北湖', '新安县', '安平县', '云溪', '清河县', '白沙', '梅岭', '凤鸣县', '青山', '石门市', '双清区', '邵阳县', '开发区', '高新区', '市本级', '市辖区'];
const TOTALS = ['全市', '全省', '合计', '总计', '全 市', '全州'];
const WORDS = [
  ...COUNTIES,
  ...TOTALS,
  '地  区',
  '地区',
  '项  目',
  '指标',
  '绝对额(万元)',
  '绝对值（亿元）',
  '增速(%)',
  '增长（%）',
  '排名',
  '位次',
  '占全市比重(%)',
  '与全市增速差(百分点)',
  '上年同期(万元)',
  '贡献率(%)',
  '拉动(百分点)',
  '2025年1-3月',
  '1-2月',
  '2024年',
  '3月',
  '本月',
  '累计',
  '单位：亿元',
  '注：增速按可比价计算。',
  '地区生产总值',
  '规模工业增加值',
  '城镇居民人均可支配收入',
  '一、税收收入',
  '二、非税收入',
  '其中：增值税',
  '#工业',
  '补充资料',
];

const finite = fc.oneof(
  { arbitrary: fc.integer({ min: -1000, max: 1_000_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: -999, max: 999 }).map((k) => k / 10), weight: 4 },
  { arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }), weight: 2 },
  { arbitrary: fc.constantFrom(0, -0, 1e15, 123456789012345, 5e-324, 0.1 + 0.2, 6.17000000000001, 45658, 100, 120.5), weight: 1 },
);

const numberCell: fc.Arbitrary<Cell> = fc.record({ value: finite, format: fc.constantFrom(...FORMATS) }).map(({ value, format }) => (format ? { value, type: 'number', format } : { value, type: 'number' }));

const FULLWIDTH = '０１２３４５６７８９';
const textNumberCell: fc.Arbitrary<Cell> = fc
  .tuple(finite, fc.constantFrom('plain', 'fullwidth', 'thousands', 'percent', 'spaced', 'note', 'paren'))
  .map(([x, how]) => {
    const s = String(Math.round(x * 10) / 10);
    const text =
      how === 'fullwidth'
        ? s.replace(/\d/g, (d) => FULLWIDTH[Number(d)])
        : how === 'thousands'
          ? s.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
          : how === 'percent'
            ? `${s}%`
            : how === 'spaced'
              ? ` ${s} `
              : how === 'note'
                ? `${s}注`
                : how === 'paren'
                  ? `(${s})`
                  : s;
    return { value: text, type: 'text' };
  });

const textCell = (words: fc.Arbitrary<string>): fc.Arbitrary<Cell> => words.map((value) => ({ value, type: 'text' }));
const errorCell: fc.Arbitrary<Cell> = fc.constantFrom(...ERRORS).map((value) => ({ value, type: 'error' }));
const boolCell: fc.Arbitrary<Cell> = fc.boolean().map((value) => ({ value, type: 'boolean' }));
const emptyCell: fc.Arbitrary<Cell | undefined> = fc.constantFrom<Cell | undefined>(undefined, { value: null, type: 'empty' }, { value: null, type: 'empty', format: '0.0_ ' });

const anyCell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  { arbitrary: emptyCell, weight: 6 },
  { arbitrary: numberCell, weight: 6 },
  { arbitrary: textNumberCell, weight: 2 },
  { arbitrary: textCell(fc.constantFrom(...PLACEHOLDERS)), weight: 1 },
  { arbitrary: textCell(fc.constantFrom(...WORDS)), weight: 4 },
  { arbitrary: textCell(fc.string({ unit: 'grapheme', maxLength: 8 })), weight: 1 },
  { arbitrary: errorCell, weight: 1 },
  { arbitrary: boolCell, weight: 1 },
);

// ---------------------------------------------------------------- grids

/** Merged areas that do not overlap (later ones overlapping earlier ones are dropped), inside the grid. */
function merges(rows: number, cols: number): fc.Arbitrary<MergedArea[]> {
  const area = fc
    .record({ top: fc.nat({ max: rows - 1 }), left: fc.nat({ max: cols - 1 }), h: fc.integer({ min: 1, max: 4 }), w: fc.integer({ min: 1, max: 5 }) })
    .map(({ top, left, h, w }) => ({ top, left, bottom: Math.min(rows - 1, top + h - 1), right: Math.min(cols - 1, left + w - 1) }));
  return fc.array(area, { maxLength: 6 }).map((ms) => {
    const out: MergedArea[] = [];
    for (const m of ms) {
      if (m.bottom === m.top && m.right === m.left) continue; // a single cell is no merge
      if (!out.some((o) => m.top <= o.bottom && o.top <= m.bottom && m.left <= o.right && o.left <= m.right)) out.push(m);
    }
    return out;
  });
}

/** A grid as an adapter builds it: covered cells of a merged area are empty. */
function makeGrid(name: string, rows: (Cell | undefined)[][], areas: MergedArea[]): Grid {
  const copy = rows.map((r) => r.slice());
  for (const m of areas) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) copy[r][c] = undefined;
  }
  return { name, rows: copy, merges: areas, rowCount: copy.length, colCount: Math.max(0, ...copy.map((r) => r.length)) };
}

const randomGrid: fc.Arbitrary<Omit<Grid, 'name'>> = fc
  .record({ rows: fc.integer({ min: 1, max: 30 }), cols: fc.integer({ min: 1, max: 12 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      cells: fc.array(fc.array(anyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      areas: merges(rows, cols),
    }),
  )
  .map(({ cells, areas }) => makeGrid('', cells, areas));

type ColumnKind = 'value' | 'growth' | 'rank' | 'share' | 'points' | 'prior';
const COLUMN_HEADERS: Record<ColumnKind, string[]> = {
  value: ['绝对额(万元)', '绝对值（亿元）', '本月', '累计(元)'],
  growth: ['增速(%)', '增长（%）', '比上年增长(%)'],
  rank: ['排名', '位次', '增速位次'],
  share: ['占全市比重(%)', '比重(%)'],
  points: ['与全市增速差(百分点)', '比上年增减(百分点)'],
  prior: ['上年同期(万元)', '去年同期'],
};

/** A figure for a county table cell: mostly plausible for its column, sometimes any cell at all. */
function figure(kind: ColumnKind, i: number): fc.Arbitrary<Cell | undefined> {
  const plausible: fc.Arbitrary<Cell> =
    kind === 'rank'
      ? fc.oneof(fc.constant<Cell>({ value: i + 1, type: 'number' }), fc.integer({ min: 0, max: 15 }).map((value): Cell => ({ value, type: 'number' })))
      : kind === 'value' || kind === 'prior'
        ? fc.oneof(
            fc.integer({ min: 1000, max: 900000 }).map((value): Cell => ({ value, type: 'number', format: '0_ ' })),
            fc.integer({ min: 1000, max: 900000 }).map((value): Cell => ({ value: value * 10000, type: 'number', format: '0_ ' })),
          )
        : fc.integer({ min: -300, max: 1200 }).map((k): Cell => ({ value: k / 10, type: 'number', format: '0.0_ ' }));
  return fc.oneof({ arbitrary: plausible, weight: 8 }, { arbitrary: anyCell, weight: 1 });
}

/** A sheet laid out like a county table: title, period and column headers, 全市 and the counties, figures with oddities. */
const countyGrid: fc.Arbitrary<Omit<Grid, 'name'>> = fc
  .record({
    title: fc.constantFrom('地区生产总值', '规模工业增加值', '社会消费品零售总额', '城镇居民人均可支配收入', '一般公共预算收入', '2025年1-3月各县市区固定资产投资'),
    period: fc.constantFrom('2025年1-3月', '2025年1-2月', '1-3月', '2024年', '3月', ''),
    kinds: fc.subarray<ColumnKind>(['value', 'prior', 'share', 'growth', 'points', 'rank'], { minLength: 1 }),
    names: fc.array(fc.constantFrom(...COUNTIES), { minLength: 0, maxLength: 14 }),
    total: fc.option(fc.constantFrom(...TOTALS), { nil: null }),
    totalLast: fc.boolean(),
    footnote: fc.option(fc.constantFrom('注：增速按可比价计算。', '说明：开发区数据不参与排名', '12.3'), { nil: null }),
    pick: fc.nat(),
  })
  .chain((s) => {
    const labels = s.total === null ? s.names : s.totalLast ? [...s.names, s.total] : [s.total, ...s.names];
    return fc.record({
      s: fc.constant(s),
      labels: fc.constant(labels),
      body: fc.tuple(...labels.map((_, i) => fc.tuple(...s.kinds.map((k) => figure(k, i))))),
      stray: fc.option(fc.tuple(fc.nat({ max: 3 }), finite), { nil: null }),
    });
  })
  .map(({ s, labels, body, stray }) => {
    const cols = s.kinds.length + 1;
    const t = (value: string): Cell => ({ value, type: 'text' });
    const rows: (Cell | undefined)[][] = [];
    const blank = () => Array.from<Cell | undefined>({ length: cols }).fill(undefined);
    rows.push([t(s.title), ...blank().slice(1)]);
    rows.push(blank());
    rows.push([t('地  区'), s.period ? t(s.period) : undefined, ...blank().slice(2)]);
    rows.push([undefined, ...s.kinds.map((k) => t(COLUMN_HEADERS[k][s.pick % COLUMN_HEADERS[k].length]))]);
    labels.forEach((label, i) => rows.push([t(label), ...(body[i] as (Cell | undefined)[])]));
    rows.push([s.footnote ? t(s.footnote) : undefined, ...blank().slice(1)]);
    if (stray) {
      const r = rows.length;
      rows.push(blank());
      rows[r][stray[0] % cols] = { value: stray[1], type: 'number' };
    }
    const areas: MergedArea[] = [{ top: 2, left: 0, bottom: 3, right: 0 }];
    if (cols > 2) areas.push({ top: 2, left: 1, bottom: 2, right: cols - 1 }, { top: 0, left: 0, bottom: 0, right: cols - 1 });
    return makeGrid('', rows, areas);
  });

const workbook: fc.Arbitrary<Grid[]> = fc
  .array(fc.oneof({ arbitrary: countyGrid, weight: 3 }, { arbitrary: randomGrid, weight: 2 }), { minLength: 1, maxLength: 4 })
  .chain((gs) => fc.tuple(fc.constant(gs), fc.array(fc.constantFrom('地区生产总值', '表', 'Sheet', '2025', ' 增速 '), { minLength: gs.length, maxLength: gs.length })))
  .map(([gs, names]) => gs.map((g, i) => ({ ...g, name: `${names[i]}${i + 1}` })));

// ---------------------------------------------------------------- properties

const SEVERITIES = new Set(['error', 'warning', 'info']);
const A1 = /^[A-Z]{1,3}[1-9]\d*$/;
const RUNS = { numRuns: 150 };

function deepCopy(grids: Grid[]): Grid[] {
  return grids.map((g) => ({ ...g, rows: g.rows.map((r) => (r ? r.map((c) => (c ? { ...c } : c)) : r)), merges: g.merges.map((m) => ({ ...m })) }));
}

function run(input: WorkbookInput, options?: CheckWorkbookOptions): CheckResult {
  return checkWorkbook(input, options);
}

function inside(grid: Grid, a1: string): boolean {
  if (!A1.test(a1)) return false;
  const a = parseAddress(a1);
  return a.row >= 0 && a.col >= 0 && a.row < Math.max(grid.rowCount, grid.rows.length) && a.col < Math.max(grid.colCount, 1);
}

function wellFormed(f: Finding, grids: Grid[], lang: 'zh-CN' | 'en-US'): void {
  const grid = grids.find((g) => g.name === f.sheet);
  expect(grid).toBeDefined();
  expect(RULE_IDS).toContain(f.rule);
  expect(SEVERITIES.has(f.severity)).toBe(true);
  expect(f.message.trim()).not.toBe('');
  expect(f.message).not.toMatch(/\{\w+\}/);
  if (lang === 'zh-CN') expect(f.message).toMatch(/[\u4e00-\u9fff]/);
  const parts = f.cell.split(':');
  expect(parts.length === 1 || parts.length === 2).toBe(true);
  for (const p of parts) expect({ cell: f.cell, inside: inside(grid!, p) }).toEqual({ cell: f.cell, inside: true });
  if (parts.length === 2) {
    const r = parseRange(f.cell);
    expect(r.top <= r.bottom && r.left <= r.right).toBe(true);
  }
  for (const c of f.cells ?? []) expect({ cell: c, inside: inside(grid!, c) }).toEqual({ cell: c, inside: true });
  if (f.related && f.related.workbook !== 'previous') {
    const other = grids.find((g) => g.name === f.related!.sheet);
    expect(other).toBeDefined();
    expect(inside(other!, f.related.cell)).toBe(true);
  }
  if (f.tolerance !== undefined) expect(f.tolerance).toBeGreaterThanOrEqual(0);
}

function noRuleFailed(result: CheckResult): void {
  expect(result.notes.filter((n) => /未能完成|could not finish/.test(n))).toEqual([]);
}

describe('checkWorkbook on any workbook', () => {
  test('does not throw, no rule fails internally, and every finding is well formed', () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const result = run({ grids });
        noRuleFailed(result);
        for (const f of result.issues) wellFormed(f, grids, 'zh-CN');
      }),
      RUNS,
    );
  });

  test('the summary agrees with the findings', () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const result = run({ grids });
        expect(result.summary.map((s) => s.rule)).toEqual(RULES.map((r) => r.id).filter((id) => !RULES.find((r) => r.id === id)!.needsPrevious));
        for (const s of result.summary) {
          expect(s.fails).toBeLessThanOrEqual(s.items);
          expect(s.passes + s.fails).toBe(s.items);
          expect(s.passes).toBeGreaterThanOrEqual(0);
          expect(s.findings).toBe(result.issues.filter((f) => f.rule === s.rule).length);
          if (s.findings > 0) expect(s.fails).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  test('is deterministic and leaves its input alone', () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const before = deepCopy(grids);
        const a = run({ grids });
        expect(grids).toEqual(before);
        const b = run({ grids: deepCopy(grids) });
        expect(b).toEqual(a);
      }),
      { numRuns: 80 },
    );
  });

  test('English gives the same findings, in English', () => {
    fc.assert(
      fc.property(workbook, (grids) => {
        const zh = run({ grids });
        const en = run({ grids }, { lang: 'en-US' });
        noRuleFailed(en);
        expect(en.issues.map(({ message: _m, ...rest }) => rest)).toEqual(zh.issues.map(({ message: _m, ...rest }) => rest));
        for (const f of en.issues) wellFormed(f, grids, 'en-US');
        expect(en.summary).toEqual(zh.summary);
      }),
      { numRuns: 80 },
    );
  });

  test('one rule alone finds what it finds among all the others', () => {
    fc.assert(
      fc.property(workbook, fc.constantFrom(...RULE_IDS), (grids, rule) => {
        const all = run({ grids });
        const one = run({ grids }, { only: [rule] });
        expect(one.issues).toEqual(all.issues.filter((f) => f.rule === rule));
      }),
      { numRuns: 80 },
    );
  });

  test('with a previous report, settings and switched-off rules, still does not throw', () => {
    fc.assert(
      fc.property(
        workbook,
        workbook,
        fc.record({
          growthOutlier: fc.integer({ min: 0, max: 100 }),
          unitScaleRatio: fc.integer({ min: 2, max: 100000 }),
          shareTolerance: fc.constantFrom(0, 0.1, 1),
          period: fc.constantFrom(null, '2025年1-3月', '1-2月', 'nonsense'),
          expectedRegions: fc.option(fc.subarray(COUNTIES), { nil: null }),
        }),
        fc.subarray(RULE_IDS),
        (grids, previous, settings, off) => {
          const rules = Object.fromEntries(off.map((id) => [id, { enabled: false }]));
          const result = run({ grids }, { previous: { grids: previous }, settings: { ...settings, rules } });
          noRuleFailed(result);
          for (const f of result.issues) {
            wellFormed(f, grids, 'zh-CN');
            expect(off).not.toContain(f.rule);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
