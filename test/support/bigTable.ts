/**
 * The large test table: ONE sheet of county-level regions x indicators, each
 * indicator a merged group header over 绝对额(unit) | 增速(%) | 排名, a period row
 * merged on top and a 全国 total row first. Deterministic for a seed.
 *
 * The bench writes it as an .xlsx (streaming) and reads it back; the Office.js
 * adapter's tests and bench put the same table into the fake Excel as a grid.
 */
import type { Cell, Grid, MergedArea } from '../../src/core/grid';
import { Rng, competitionRanks, excelDouble, generateCountyNames, roundShown } from './fixtures';

const INDICATORS: [string, string][] = [
  ['地区生产总值', '万元'],
  ['第一产业增加值', '万元'],
  ['第二产业增加值', '万元'],
  ['第三产业增加值', '万元'],
  ['规模工业增加值', '万元'],
  ['规模工业营业收入', '万元'],
  ['规模工业利润总额', '万元'],
  ['建筑业总产值', '万元'],
  ['固定资产投资', '万元'],
  ['工业投资', '万元'],
  ['基础设施投资', '万元'],
  ['民间投资', '万元'],
  ['房地产开发投资', '万元'],
  ['商品房销售面积', '万平方米'],
  ['社会消费品零售总额', '万元'],
  ['规上服务业营业收入', '万元'],
  ['进出口总额', '万元'],
  ['出口总额', '万元'],
  ['实际使用外资', '万美元'],
  ['一般公共预算收入', '万元'],
  ['税收收入', '万元'],
  ['一般公共预算支出', '万元'],
  ['金融机构本外币存款余额', '万元'],
  ['金融机构本外币贷款余额', '万元'],
  ['全社会用电量', '万千瓦时'],
  ['工业用电量', '万千瓦时'],
  ['货物运输量', '万吨'],
  ['全体居民人均可支配收入', '元'],
  ['城镇居民人均可支配收入', '元'],
  ['农村居民人均可支配收入', '元'],
];

export function indicatorList(n: number): [string, string][] {
  const out: [string, string][] = [];
  for (let k = 0; k < n; k++) {
    const [name, unit] = INDICATORS[k % INDICATORS.length];
    const round = Math.floor(k / INDICATORS.length);
    out.push([round === 0 ? name : `${name}（${round === 1 ? '当月' : `口径${round}`}）`, unit]);
  }
  return out;
}

export const BIG_SHEET = '各县主要经济指标';
const VALUE_FORMAT = '0_ ';
const GROWTH_FORMAT = '0.0_ ';

/** The table as a core grid: rows[r][c] with values and number formats, merges 0-based. */
export function bigTableGrid(regions: number, indicators: number, seed = 2850): Grid {
  const rng = new Rng(seed);
  const names = generateCountyNames(regions, seed);
  const inds = indicatorList(indicators);
  // figures column-wise, so that ranks can be computed before rows are built
  const value: Float64Array[] = [];
  const growth: Float64Array[] = [];
  const rank: Int32Array[] = [];
  const totals: { value: number; growth: number }[] = [];
  for (let k = 0; k < indicators; k++) {
    const perCapita = inds[k][1] === '元';
    const v = new Float64Array(regions);
    const g = new Float64Array(regions);
    for (let i = 0; i < regions; i++) {
      const gi = Number(rng.between(-15, 25).toFixed(2));
      const vi = perCapita ? Math.round(rng.between(18000, 60000)) : excelDouble(rng.between(5000, 900000) * (rng.chance(0.05) ? 8 : 1));
      g[i] = Math.round(Math.abs(gi) * 100) % 10 === 5 ? Number((gi + 0.01).toFixed(2)) : gi;
      v[i] = vi;
    }
    value.push(v);
    growth.push(g);
  }
  // 地区生产总值 is the sum of the three 产业 that follow it, as in a real table (the identity the checks hold it to)
  for (let k = 0; k + 3 < indicators; k++) {
    if (!inds[k][0].startsWith('地区生产总值') || !inds[k + 1][0].startsWith('第一产业')) continue;
    for (let i = 0; i < regions; i++) value[k][i] = excelDouble(value[k + 1][i] + value[k + 2][i] + value[k + 3][i]);
  }
  for (let k = 0; k < indicators; k++) {
    const perCapita = inds[k][1] === '元';
    const v = value[k];
    const g = growth[k];
    let sumV = 0;
    let sumP = 0;
    for (let i = 0; i < regions; i++) {
      sumV += v[i];
      sumP += v[i] / (1 + g[i] / 100);
    }
    const shown = Array.from(g, (x) => roundShown(x, 1));
    rank.push(Int32Array.from(competitionRanks(shown)));
    totals.push(
      perCapita
        ? { value: Math.round(sumV / regions), growth: excelDouble((sumV / sumP - 1) * 100) }
        : { value: excelDouble(sumV), growth: excelDouble((sumV / sumP - 1) * 100) },
    );
  }

  const lastCol = 3 * indicators; // 0-based
  const rows: Cell[][] = [];
  const text = (s: string): Cell => ({ value: s, type: 'text' });
  const num = (x: number, format?: string): Cell => (format ? { value: x, type: 'number', format } : { value: x, type: 'number' });
  const merges: MergedArea[] = [];
  const merge = (top: number, left: number, bottom: number, right: number) => merges.push({ top, left, bottom, right });

  rows[0] = [text('全国县级单位主要经济指标（2025年1-3月）')];
  merge(0, 0, 0, Math.min(lastCol, 11));
  rows[1] = [text('地  区'), text('2025年1-3月')];
  merge(1, 0, 3, 0);
  merge(1, 1, 1, lastCol);
  rows[2] = [];
  rows[3] = [];
  for (let k = 0; k < indicators; k++) {
    const c = 1 + 3 * k;
    const [name, unit] = inds[k];
    rows[2][c] = text(name);
    merge(2, c, 2, c + 2);
    rows[3][c] = text(`绝对额(${unit})`);
    rows[3][c + 1] = text('增速(%)');
    rows[3][c + 2] = text('排名');
  }
  const total: Cell[] = [text('全国')];
  for (let k = 0; k < indicators; k++) {
    total[1 + 3 * k] = num(totals[k].value, VALUE_FORMAT);
    total[2 + 3 * k] = num(totals[k].growth, GROWTH_FORMAT);
  }
  rows[4] = total;
  for (let i = 0; i < regions; i++) {
    const row: Cell[] = [text(names[i].full)];
    for (let k = 0; k < indicators; k++) {
      const c = 1 + 3 * k;
      row[c] = num(value[k][i], VALUE_FORMAT);
      row[c + 1] = num(growth[k][i], GROWTH_FORMAT);
      row[c + 2] = num(rank[k][i]);
    }
    rows[5 + i] = row;
  }
  return { name: BIG_SHEET, rows, merges, rowCount: 5 + regions, colCount: lastCol + 1 };
}
