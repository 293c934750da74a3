/**
 * Hand-built grids in the layouts bureaus publish, shared by the layout and
 * summarize tests. Everything is 0-based like src/core/layout; in a merged area
 * only the top-left cell holds the value.
 */
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';

export type V = number | string | null;

/** The 12 counties of 邵阳 (note 邵阳县, a county named like the city). */
export const SHAOYANG_COUNTIES = [
  '双清区',
  '大祥区',
  '北塔区',
  '邵东市',
  '新邵县',
  '邵阳县',
  '隆回县',
  '洞口县',
  '绥宁县',
  '新宁县',
  '城步苗族自治县',
  '武冈市',
] as const;

export interface CountyLine {
  name: string;
  value: V;
  growth: V;
  rank: V;
}

/** Competition ranks (RANK.EQ, descending) of the figures as given. */
export function competition(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

/** Growth of the 12 counties, all distinct at one decimal. */
export const COUNTY_GROWTH = [8.2, 7.5, 6.9, 10.3, 5.4, 9.1, 4.8, 6.1, 3.7, 7.8, 2.9, 8.8];
export const COUNTY_VALUE = [152340, 98211, 87650, 301245, 120987, 110456, 143210, 132876, 64532, 71234, 40987, 125678];
export const COUNTY_RANK = competition(COUNTY_GROWTH);
export const TOTAL_VALUE = COUNTY_VALUE.reduce((a, b) => a + b, 0);
export const TOTAL_GROWTH = 7.4;

export function countyLines(): CountyLine[] {
  return SHAOYANG_COUNTIES.map((name, i) => ({ name, value: COUNTY_VALUE[i], growth: COUNTY_GROWTH[i], rank: COUNTY_RANK[i] }));
}

export interface CountyOptions {
  name?: string;
  title?: string;
  period?: string;
  lines?: CountyLine[];
  total?: { name: string; value: V; growth: V; position: 'first' | 'last' } | false;
  /** extra rows after the body (footnotes …), each written in column A */
  after?: V[][];
  /** extra cells: [row, col, value] */
  extra?: [number, number, V][];
  headers?: [string, string, string];
  valueFormat?: string;
  growthFormat?: string;
}

/**
 * 邵阳-style county sheet:
 *   row 0  title, merged A1:D1
 *   row 1  blank
 *   row 2  "地  区" (A3:A4 merged), "2025年1-3月" (B3:D3 merged)
 *   row 3  绝对额(万元) | 增速(%) | 排名
 *   row 4… 全市 and the 12 counties
 */
export function countySheet(options: CountyOptions = {}): Grid {
  const title = options.title ?? '2025年1-3月各县市区一般公共预算收入';
  const period = options.period ?? '2025年1-3月';
  const lines = options.lines ?? countyLines();
  const total = options.total === undefined ? { name: '全市', value: TOTAL_VALUE, growth: TOTAL_GROWTH, position: 'first' as const } : options.total;
  const headers = options.headers ?? ['绝对额(万元)', '增速(%)', '排名'];
  const vf = options.valueFormat ?? '0_ ';
  const gf = options.growthFormat ?? '0.0_ ';
  const values: V[][] = [
    [title, null, null, null],
    [null, null, null, null],
    ['地  区', period, null, null],
    [null, ...headers],
  ];
  const formats: (string | undefined)[][] = [[], [], [], []];
  const body: V[][] = lines.map((l) => [l.name, l.value, l.growth, l.rank]);
  if (total) {
    const t: V[] = [total.name, total.value, total.growth, null];
    if (total.position === 'first') body.unshift(t);
    else body.push(t);
  }
  for (const b of body) {
    values.push(b);
    formats.push([undefined, vf, gf, '0_ ']);
  }
  for (const a of options.after ?? []) {
    values.push(a);
    formats.push([]);
  }
  for (const [r, c, v] of options.extra ?? []) {
    while (values.length <= r) values.push([]);
    const row = values[r];
    while (row.length <= c) row.push(null);
    row[c] = v;
  }
  return gridFromValues(options.name ?? '一般公共预算收入', values, { formats, merges: ['A1:D1', 'A3:A4', 'B3:D3'] });
}
