/**
 * Tests of the fixture generator itself: the workbooks load back through the
 * project's reader, carry the merges, formats and planted oddities they claim,
 * and the truth is self-consistent (subtotals = members' sums, published ranks
 * = competition ranking of the displayed growth except where planted wrong).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { cellAt, type Cell, type Grid } from '../../src/core/grid';
import { readXlsxBuffer, readXlsxFile } from './exceljs';
import { readWorkbookBytes } from '../../src/workbook/read';
import { readWorkbookFile } from '../../src/workbook/read/file';
import { readWorkbook } from '../../src/core/layout';
import { summarize } from '../../src/core/summarize';
import {
  DEFAULT_COUNTIES,
  Rng,
  competitionRanks,
  countySheet,
  denseRanks,
  formatDecimals,
  generateCountyNames,
  indexGroups,
  itemsSheet,
  nearHalf,
  roundShown,
  stackedSeries,
  toFullwidthDigits,
  withThousands,
  yearbookCities,
  type CountySheetOptions,
  type CountySheetTruth,
  type SheetTruth,
} from './fixtures';
import { buildSample, SAMPLE_RELATIVE_PATH, sampleReadme } from '../../scripts/make-sample';
import { describeReal, REAL_DIR, realFixture } from './realFixtures';

const ROOT = path.resolve(__dirname, '../..');

/** A fixture as the command line reads it (src/workbook/read). */
async function load(buffer: Buffer): Promise<Grid[]> {
  const wb = await readWorkbookBytes(buffer, 'fixture.xlsx');
  return wb.grids();
}

function gridNamed(grids: Grid[], name: string): Grid {
  const g = grids.find((x) => x.name === name);
  if (!g) throw new Error(`no sheet ${name}`);
  return g;
}

function text(c: Cell): string {
  return c.value === null ? '' : String(c.value);
}

/** a text-stored number as a statistician reads it */
function parseTextNumber(s: string): number {
  const ascii = s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/[．]/g, '.');
  return Number(ascii.replace(/,/g, '').trim());
}

function shownOf(c: Cell, decimals: number): number {
  const v = c.type === 'number' ? (c.value as number) : parseTextNumber(text(c));
  return roundShown(v, decimals);
}

function mergeStrings(g: Grid): Set<string> {
  const letters = (n: number) => {
    let s = '';
    for (let x = n + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    return s;
  };
  return new Set(g.merges.map((m) => `${letters(m.left)}${m.top + 1}:${letters(m.right)}${m.bottom + 1}`));
}

/** Every cell the truth describes is in the grid as described. */
function expectGridMatchesTruth(grid: Grid, truth: SheetTruth): void {
  const merges = mergeStrings(grid);
  for (const m of truth.merges) expect(merges.has(m)).toBe(true);
  for (const t of truth.tables) {
    for (const row of t.rows) {
      expect(text(cellAt(grid, row.row, t.labelColumn)).trim()).toBe(row.label);
      for (const [colText, f] of Object.entries(row.cells)) {
        const c = cellAt(grid, row.row, Number(colText));
        const where = `${truth.sheet}!r${row.row}c${colText}`;
        switch (f.kind) {
          case 'number':
            if (f.fromText) {
              expect([where, c.type]).toEqual([where, 'text']);
              expect(parseTextNumber(text(c))).toBe(f.value);
            } else {
              expect([where, c.type]).toEqual([where, 'number']);
              expect(c.value).toBe(f.value);
              expect(formatDecimals(c.format)).toBe(f.decimals);
            }
            break;
          case 'placeholder':
            expect(c.type).toBe('text');
            expect(c.value).toBe(f.text);
            break;
          case 'error':
            expect(c.type).toBe('error');
            expect(c.value).toBe(f.code);
            break;
          case 'empty':
            expect([where, c.type]).toEqual([where, 'empty']);
            break;
          default:
            throw new Error(`unexpected figure ${JSON.stringify(f)}`);
        }
      }
    }
  }
  for (const a of truth.textNumbers) expect(a).toMatch(/^[A-Z]+\d+$/);
}

/** Published ranks read from the grid against competition ranking of the displayed growth read from the grid. */
function rankMismatchesFromGrid(grid: Grid, truth: CountySheetTruth): { row: number; published: number; expected: number }[] {
  const { growthCol, rankCol, peers } = truth.ranks;
  if (rankCol === null) return [];
  const decimals = truth.table.columns.find((c) => c.col === growthCol)!.decimals ?? 1;
  const shown = peers.map((r) => shownOf(cellAt(grid, r, growthCol), decimals));
  const expected = competitionRanks(shown);
  const out: { row: number; published: number; expected: number }[] = [];
  peers.forEach((r, i) => {
    const published = cellAt(grid, r, rankCol).value as number;
    if (published !== expected[i]) out.push({ row: r, published, expected: expected[i] });
  });
  return out;
}

describe('helpers', () => {
  test('Rng is deterministic and in range', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(new Rng(43).next()).not.toBe(new Rng(42).next());
    const r = new Rng(7);
    for (let i = 0; i < 200; i++) {
      const k = r.int(3, 5);
      expect(k >= 3 && k <= 5).toBe(true);
    }
    expect(new Rng(1).fork('x').next()).toBe(new Rng(1).fork('x').next());
    expect(new Rng(1).fork('x').next()).not.toBe(new Rng(1).fork('y').next());
  });

  test('roundShown follows what Excel displays', () => {
    expect(roundShown(9.66, 1)).toBe(9.7);
    expect(roundShown(6.17000000000001, 1)).toBe(6.2);
    expect(roundShown(5.49999999999999, 1)).toBe(5.5);
    expect(roundShown(8.25, 1)).toBe(8.3);
    expect(roundShown(4.95, 1)).toBe(5);
    expect(roundShown(5.05, 1)).toBe(5.1);
    expect(roundShown(-4.95, 1)).toBe(-5);
    expect(roundShown(-0.04, 1)).toBe(0);
    expect(Object.is(roundShown(-0.04, 1), -0)).toBe(false);
    expect(roundShown(485745.614399879, 0)).toBe(485746);
    expect(nearHalf(8.25, 1)).toBe(true);
    expect(nearHalf(8.26, 1)).toBe(false);
  });

  test('ranks: competition and dense', () => {
    expect(competitionRanks([9.7, 9.7, 8, 10])).toEqual([2, 2, 4, 1]);
    expect(denseRanks([9.7, 9.7, 8, 10])).toEqual([2, 2, 3, 1]);
    expect(competitionRanks([1, 2, 2], true)).toEqual([1, 2, 2]);
  });

  test('formats, fullwidth digits, thousands', () => {
    expect(formatDecimals('0_ ')).toBe(0);
    expect(formatDecimals('0.0_ ')).toBe(1);
    expect(formatDecimals('0.00_ ')).toBe(2);
    expect(formatDecimals('#0.00 ;-#0.00 ')).toBe(2);
    expect(formatDecimals('0')).toBe(0);
    expect(formatDecimals(undefined)).toBeNull();
    expect(formatDecimals('@')).toBeNull();
    expect(toFullwidthDigits('1234.5')).toBe('１２３４.５');
    expect(withThousands('1234567.8')).toBe('1,234,567.8');
    expect(withThousands('-1234')).toBe('-1,234');
  });

  test('generated county names are unique in both forms', () => {
    const names = generateCountyNames(2850, 3);
    expect(new Set(names.map((n) => n.full)).size).toBe(2850);
    expect(new Set(names.map((n) => n.short)).size).toBe(2850);
    expect(generateCountyNames(50, 3)).toEqual(generateCountyNames(50, 3));
    expect(generateCountyNames(50, 4)).not.toEqual(generateCountyNames(50, 3));
    expect(DEFAULT_COUNTIES).toHaveLength(12);
  });
});

describe('countySheet', () => {
  test('default layout mirrors the 邵阳 per-indicator sheets', async () => {
    const { buffer, truth } = await countySheet();
    const grid = gridNamed(await load(buffer), '地区生产总值');
    expectGridMatchesTruth(grid, truth);
    expect(mergeStrings(grid)).toEqual(new Set(['A1:C1', 'A3:A4', 'B3:D3', 'A18:C18']));
    expect(text(cellAt(grid, 0, 0))).toBe('地区生产总值');
    expect(text(cellAt(grid, 2, 0))).toBe('地  区');
    expect(text(cellAt(grid, 2, 1))).toBe('2025年1-3月');
    expect([1, 2, 3].map((c) => text(cellAt(grid, 3, c)))).toEqual(['绝对额(万元)', '增速(%)', '排名']);
    expect(text(cellAt(grid, 4, 0))).toBe('全市');
    expect(truth.table.range).toBe('A3:D17');
    expect(truth.table.totalRow).toBe(4);
    expect(truth.regions.filter((r) => r.role === 'peer')).toHaveLength(12);
    expect(cellAt(grid, 5, 1).format).toBe('0_ ');
    expect(cellAt(grid, 5, 2).format).toBe('0.0_ ');
    // total row has no rank
    expect(cellAt(grid, 4, 3).type).toBe('empty');
    // a tie on the displayed figure: 9.66 and 9.7
    const tied = truth.regions.filter((r) => r.growth === 9.66 || r.growth === 9.7);
    expect(tied.map((r) => r.growth).sort()).toEqual([9.66, 9.7]);
    expect(new Set(tied.map((r) => r.publishedRank)).size).toBe(1);
    expect(truth.ranks.ties.some((t) => t.includes(tied[0].row) && t.includes(tied[1].row))).toBe(true);
    // float noise is really in the cells
    expect(truth.floatNoiseRows.length).toBeGreaterThan(0);
    for (const r of truth.floatNoiseRows) {
      const v = cellAt(grid, r, 2).value as number;
      expect(v).not.toBe(roundShown(v, 2));
      expect(Math.abs(v - roundShown(v, 2))).toBeLessThan(1e-9);
    }
    // published ranks are a competition ranking of displayed growth
    expect(rankMismatchesFromGrid(grid, truth)).toEqual([]);
    // totals: the sum of the peers' values and growth from values
    const total = truth.regions.find((r) => r.role === 'total')!;
    const peers = truth.regions.filter((r) => r.role === 'peer');
    expect(truth.valueSumMatchesTotal).toBe(true);
    const sum = peers.reduce((s, r) => s + (cellAt(grid, r.row, 1).value as number), 0);
    expect(Math.abs(sum - (cellAt(grid, total.row, 1).value as number))).toBeLessThan(1e-6 * sum);
    const growth = (peers.reduce((s, r) => s + r.value, 0) / peers.reduce((s, r) => s + r.prior, 0) - 1) * 100;
    expect(cellAt(grid, total.row, 2).value as number).toBeCloseTo(growth, 9);
  });

  test('planted oddities are present and described', async () => {
    const { buffer, truth } = await countySheet({
      seed: 9,
      textNumbers: 3,
      placeholders: true,
      error: true,
      stray: true,
      footnote: true,
      wrongRanks: 2,
    });
    const grid = gridNamed(await load(buffer), '地区生产总值');
    expectGridMatchesTruth(grid, truth);
    // text-stored numbers: fullwidth digits, thousands separators, growth as text
    const texts = truth.textNumbers.map((a) => a);
    expect(texts).toHaveLength(3);
    const tcells = truth.table.rows.flatMap((r) =>
      Object.entries(r.cells)
        .filter(([, f]) => f.kind === 'number' && f.fromText)
        .map(([c]) => text(cellAt(grid, r.row, Number(c)))),
    );
    expect(tcells.some((s) => /[０-９]/.test(s))).toBe(true);
    expect(tcells.some((s) => /\d,\d{3}/.test(s))).toBe(true);
    // placeholders and error
    expect(truth.placeholders).toHaveLength(2);
    expect(truth.errors).toHaveLength(1);
    expect(truth.ranks.unranked.map((u) => u.why).sort()).toEqual(['error', 'placeholder']);
    for (const u of truth.ranks.unranked) expect(cellAt(grid, u.row, 3).type).toBe('empty');
    expect(truth.valueSumMatchesTotal).toBe(false);
    // stray cells
    expect(truth.stray).toEqual(['E6', 'F19']);
    expect(cellAt(grid, 5, 4).value).toBe(12.3);
    expect(cellAt(grid, 18, 5).value).toBe(' ');
    // footnote in the merged row after the table
    expect(text(cellAt(grid, 17, 0))).toBe('注：地区生产总值增速按可比价计算。');
    expect(truth.table.footnotes).toEqual(['注：地区生产总值增速按可比价计算。']);
    expect(truth.indicator.priceBasis).toBe('comparable');
    // wrong ranks: exactly the planted ones, found from the grid alone
    expect(truth.ranks.wrong).toHaveLength(2);
    const found = rankMismatchesFromGrid(grid, truth);
    expect(found.map((m) => m.row).sort()).toEqual(truth.ranks.wrong.map((w) => w.row).sort());
    for (const w of truth.ranks.wrong) {
      expect(Math.abs(w.published - w.expected)).toBe(1);
      expect(found.find((m) => m.row === w.row)!.expected).toBe(w.expected);
    }
  });

  test('options: columns, labels, units, total position', async () => {
    const noValue = await countySheet({ value: false, growthLabel: '增减', indicator: '规模工业增加值' });
    let grid = gridNamed(await load(noValue.buffer), '规模工业增加值');
    expectGridMatchesTruth(grid, noValue.truth);
    expect(mergeStrings(grid)).toEqual(new Set(['A1:B1', 'A3:A4', 'B3:C3', 'A18:B18']));
    expect([1, 2].map((c) => text(cellAt(grid, 3, c)))).toEqual(['增减(%)', '排名']);
    expect(rankMismatchesFromGrid(grid, noValue.truth)).toEqual([]);

    const noRank = await countySheet({ rank: false, growthLabel: '增长', fullwidthParens: true, unit: '亿元', titleSpan: 'full' });
    grid = gridNamed(await load(noRank.buffer), '地区生产总值');
    expectGridMatchesTruth(grid, noRank.truth);
    expect([1, 2].map((c) => text(cellAt(grid, 3, c)))).toEqual(['绝对额（亿元）', '增长（%）']);
    expect(cellAt(grid, 5, 1).format).toBe('0.00_ ');
    expect(noRank.truth.table.right).toBe(2);
    expect(mergeStrings(grid).has('A1:C1')).toBe(true);

    const last = await countySheet({ total: { name: '合计', position: 'last' }, regions: 5, nameForm: 'full', seed: 4 });
    grid = gridNamed(await load(last.buffer), '地区生产总值');
    expectGridMatchesTruth(grid, last.truth);
    expect(text(cellAt(grid, last.truth.table.bottom, 0))).toBe('合计');
    expect(last.truth.table.totalRow).toBe(last.truth.table.bottom);
    expect(last.truth.regions.filter((r) => r.role === 'peer')).toHaveLength(5);

    const perCapita = await countySheet({ unit: '元', indicator: '城镇居民人均可支配收入', growthRange: [4.5, 6.5], tie: 5.3 });
    expect(perCapita.truth.indicator.additive).toBe(false);
    expect(perCapita.truth.valueSumMatchesTotal).toBe(false);
    const pcTotal = perCapita.truth.regions.find((r) => r.role === 'total')!;
    const pcPeers = perCapita.truth.regions.filter((r) => r.role === 'peer');
    expect(pcTotal.value).toBeGreaterThanOrEqual(Math.min(...pcPeers.map((r) => r.value)));
    expect(pcTotal.value).toBeLessThanOrEqual(Math.max(...pcPeers.map((r) => r.value)));
  });

  test('subtotal rows come before their members and equal their sums; zones are peers outside the total', async () => {
    const { buffer, truth } = await countySheet({
      unit: '亿元',
      subtotals: [{ name: '市辖区', members: ['城东区', '城西区', '北湖区'] }],
      zones: ['安平经开区'],
      seed: 5,
    });
    const grid = gridNamed(await load(buffer), '地区生产总值');
    expectGridMatchesTruth(grid, truth);
    const sub = truth.table.rows.find((r) => r.role === 'subtotal')!;
    expect(sub.label).toBe('市辖区');
    expect(sub.members).toEqual([sub.row + 1, sub.row + 2, sub.row + 3]);
    const sum = sub.members.reduce((s, r) => s + (cellAt(grid, r, 1).value as number), 0);
    expect(cellAt(grid, sub.row, 1).value as number).toBeCloseTo(sum, 6);
    for (const m of sub.members) expect(truth.table.rows.find((r) => r.row === m)!.parent).toBe(sub.row);
    expect(cellAt(grid, sub.row, 3).type).toBe('empty');
    const zone = truth.table.rows.find((r) => r.zone)!;
    expect(zone.label).toBe('安平经开区');
    expect(truth.ranks.peers).toContain(zone.row);
    const total = truth.table.rows.find((r) => r.role === 'total')!;
    expect(total.members).not.toContain(zone.row);
    expect(total.members).not.toContain(sub.row);
    const peerSum = total.members.reduce((s, r) => s + (cellAt(grid, r, 1).value as number), 0);
    expect(cellAt(grid, total.row, 1).value as number).toBeCloseTo(peerSum, 6);
    expect(rankMismatchesFromGrid(grid, truth)).toEqual([]);
  });

  test('many seeds and option mixes: truth stays consistent', async () => {
    for (let seed = 1; seed <= 24; seed++) {
      const r = new Rng(seed * 7919);
      const options: CountySheetOptions = {
        seed,
        value: r.chance(0.8),
        rank: true,
        unit: r.pick(['万元', '亿元', '元']),
        growthRange: r.pick([
          [3, 11],
          [-20, 30],
          [-65, 300],
        ] as [number, number][]),
        growthDecimals: r.pick([1, 1, 2] as const),
        textNumbers: r.int(0, 3),
        placeholders: r.chance(0.4),
        error: r.chance(0.3),
        wrongRanks: r.int(0, 2),
        negatives: r.int(0, 3),
        regions: r.chance(0.3) ? r.int(3, 30) : undefined,
        total: r.chance(0.2) ? { name: '全州', position: 'last' } : undefined,
        order: r.chance(0.3) ? 'shuffle' : undefined,
        nameForm: r.pick(['short', 'full', 'mixed'] as const),
      };
      const { buffer, truth } = await countySheet(options);
      const grid = (await load(buffer))[0];
      expectGridMatchesTruth(grid, truth);
      const found = rankMismatchesFromGrid(grid, truth);
      expect([seed, found.map((m) => m.row).sort()]).toEqual([seed, truth.ranks.wrong.map((w) => w.row).sort()]);
      // ranks of the truth are those of the growth shown
      const d = options.growthDecimals ?? 1;
      for (const reg of truth.regions) {
        if (reg.growth !== null) {
          expect(nearHalf(reg.growth, d)).toBe(false);
          expect(reg.growthShown).toBe(roundShown(reg.growth, d));
        }
      }
      const shown = truth.ranks.peers.map((row) => truth.regions.find((x) => x.row === row)!.growthShown!);
      expect(truth.ranks.peers.map((row) => truth.regions.find((x) => x.row === row)!.expectedRank)).toEqual(competitionRanks(shown));
      expect(truth.ranks.peers.map((row) => truth.regions.find((x) => x.row === row)!.expectedDenseRank)).toEqual(denseRanks(shown));
    }
  });

  test('deterministic bytes: the same options give the same .xlsx', async () => {
    const a = await countySheet({ seed: 11, textNumbers: 1 });
    const b = await countySheet({ seed: 11, textNumbers: 1 });
    expect(a.buffer.equals(b.buffer)).toBe(true);
    await expect(readXlsxBuffer(a.buffer)).resolves.toBeDefined();
  });

  test('deterministic: same seed, same cells; another seed, other cells', async () => {
    const a = await load((await countySheet({ seed: 3, textNumbers: 2 })).buffer);
    const b = await load((await countySheet({ seed: 3, textNumbers: 2 })).buffer);
    const c = await load((await countySheet({ seed: 4, textNumbers: 2 })).buffer);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });
});

describe('yearbookCities', () => {
  test('three-level header, subtotals before members equal to their sums, 其中 row outside the sums', async () => {
    const { buffer, truth } = await yearbookCities();
    const grid = (await load(buffer))[0];
    expectGridMatchesTruth(grid, truth);
    const merges = mergeStrings(grid);
    for (const m of ['A2:B4', 'C2:C4', 'D2:D4', 'E2:H2', 'E3:E4', 'F3:F4', 'H3:H4', 'I2:I4']) expect(merges.has(m)).toBe(true);
    expect(text(cellAt(grid, 1, 3))).toBe('生产总值\n(亿元)');
    expect(text(cellAt(grid, 3, 6))).toBe('#工业');
    expect(text(cellAt(grid, 1, 8))).toBe('人均生产\n总值(元)');
    expect(truth.table.headerTop).toBe(1);
    expect(truth.table.headerBottom).toBe(3);
    expect(truth.subtotals.map((s) => text(cellAt(grid, s.row, 0)))).toEqual(['东片', '西片']);
    const additiveCols = truth.table.columns.filter((c) => c.additive).map((c) => c.col);
    const nonAdditive = truth.table.columns.filter((c) => !c.additive).map((c) => c.col);
    expect(nonAdditive.length).toBeGreaterThan(0);
    for (const s of truth.subtotals) {
      expect(s.members[0]).toBe(s.row + 1);
      for (const c of additiveCols) {
        const sum = s.members.reduce((acc, r) => acc + (cellAt(grid, r, c).value as number), 0);
        expect(Math.abs((cellAt(grid, s.row, c).value as number) - sum)).toBeLessThan(0.005 * s.members.length);
      }
      for (const c of nonAdditive) expect(cellAt(grid, s.row, c).type).toBe('empty');
    }
    expect(truth.ofWhich).toHaveLength(1);
    const ow = truth.ofWhich[0];
    expect(text(cellAt(grid, ow.row, 0))).toBe('其中：乌城市');
    expect(ow.parent).toBe(ow.row - 1);
    for (const s of truth.subtotals) expect(s.members).not.toContain(ow.row);
    const owRow = truth.table.rows.find((r) => r.row === ow.row)!;
    expect(owRow.role).toBe('of-which');
    expect(owRow.name).toBe('乌城市');
    // D = E + F + H, #工业 ≤ 第二产业, 其中 ≤ parent
    for (const row of truth.table.rows) {
      const v = (c: number) => cellAt(grid, row.row, c).value as number;
      for (const cs of truth.columnSums) expect(Math.abs(v(cs.col) - cs.parts.reduce((a, c) => a + v(c), 0))).toBeLessThan(0.011);
      for (const oc of truth.ofWhichColumns) expect(v(oc.col)).toBeLessThanOrEqual(v(oc.parent));
    }
    expect(truth.table.columns.find((c) => c.col === 6)!.ofWhichOf).toBe(5);
    for (const c of truth.table.columns.filter((c) => c.additive)) {
      expect(cellAt(grid, ow.row, c.col).value as number).toBeLessThan(cellAt(grid, ow.parent, c.col).value as number);
    }
  });

  test('the reader takes 东片 and 西片 for subtotals of the cities after them (by their sums: the names are no known group), so they take no rank', async () => {
    const { buffer, truth } = await yearbookCities();
    const grid = (await load(buffer))[0];
    const table = readWorkbook([grid])[0].tables[0];
    const subtotals = table.rows.filter((r) => r.role === 'subtotal');
    expect(subtotals.map((r) => [r.name, r.row, r.members])).toEqual(truth.subtotals.map((t) => [text(cellAt(grid, t.row, 0)), t.row, t.members]));
    const summary = summarize(readWorkbook([grid]), [grid]);
    expect(summary.tables[0].rows.map((r) => r.region)).not.toContain('东片');
  });

  test('with a total row: total = sum of cities = sum of subtotals', async () => {
    const { buffer, truth } = await yearbookCities({ total: { name: '全省' }, seed: 8, extraIndicators: 3 });
    const grid = (await load(buffer))[0];
    expectGridMatchesTruth(grid, truth);
    const total = truth.table.totalRow!;
    expect(text(cellAt(grid, total, 0))).toBe('全省');
    const cities = truth.table.rows.filter((r) => r.role === 'peer').map((r) => r.row);
    expect(cities).toHaveLength(11);
    for (const c of truth.table.columns.filter((x) => x.additive)) {
      const sum = cities.reduce((a, r) => a + (cellAt(grid, r, c.col).value as number), 0);
      expect(Math.abs((cellAt(grid, total, c.col).value as number) - sum)).toBeLessThan(0.005 * cities.length);
      const subSum = truth.subtotals.reduce((a, s) => a + (cellAt(grid, s.row, c.col).value as number), 0);
      expect(Math.abs((cellAt(grid, total, c.col).value as number) - subSum)).toBeLessThan(0.011);
    }
    expect(truth.table.right).toBe(2 + 7 + 3 - 1);
  });
});

describe('stackedSeries', () => {
  test('six stacked tables, everything stored as text, region groups after the cities', async () => {
    const { buffer, truth } = await stackedSeries();
    const grid = (await load(buffer))[0];
    expectGridMatchesTruth(grid, truth);
    expect(truth.tables).toHaveLength(6);
    expect(text(cellAt(grid, 0, 0))).toBe('2-12 分市地区生产总值');
    expect(truth.tables[1].title).toBe('2-12 续表 1 continued');
    expect(truth.tables[5].unit).toBe('元');
    expect(truth.series[5].additive).toBe(false);
    for (const t of truth.tables) {
      expect(text(cellAt(grid, t.headerTop - 2, 0))).toMatch(/^本表按当年价格计算,单位:(亿元|元)$/);
      expect(text(cellAt(grid, t.headerTop, 0))).toBe('地区');
      expect(text(cellAt(grid, t.headerTop, 1))).toBe('Region');
      for (let c = 2; c <= t.right; c++) {
        const y = cellAt(grid, t.headerBottom, c);
        expect(y.type).toBe('text');
        expect(y.value).toBe(String(2016 + c - 2));
      }
      for (const row of t.rows) {
        for (let c = 2; c <= t.right; c++) {
          const cell = cellAt(grid, row.row, c);
          expect(cell.type).toBe(row.role === 'section' ? 'empty' : 'text');
          if (row.role !== 'section') expect(cell.format).toBe('@');
        }
      }
      expect(t.rows.filter((r) => r.role === 'section').map((r) => r.label)).toEqual(['按地区分', '按区域分']);
    }
    for (const s of truth.series.filter((x) => x.additive)) {
      const t = truth.tables[s.table];
      expect(s.subtotals).toHaveLength(3);
      for (const sub of s.subtotals) {
        expect(sub.row).toBeGreaterThan(Math.max(...sub.members));
        for (let c = 2; c <= t.right; c++) {
          const sum = sub.members.reduce((a, r) => a + Number(cellAt(grid, r, c).value), 0);
          expect(Math.abs(Number(cellAt(grid, sub.row, c).value) - sum)).toBeLessThan(0.005 * sub.members.length);
        }
      }
    }
    // tables are separated by blank rows and do not overlap
    for (let i = 1; i < truth.tables.length; i++) expect(truth.tables[i].top).toBeGreaterThan(truth.tables[i - 1].bottom + 2);
  });
});

describe('itemsSheet', () => {
  test('finance: sums, 其中 rows, section rows', async () => {
    const { buffer, truth } = await itemsSheet({ totalValue: 321298, totalPrior: 350180 });
    const grid = (await load(buffer))[0];
    expectGridMatchesTruth(grid, truth);
    expect(text(cellAt(grid, 2, 0))).toBe('项  目');
    expect(text(cellAt(grid, 2, 1))).toBe('1-3月');
    expect([1, 2].map((c) => text(cellAt(grid, 3, c)))).toEqual(['绝对额(万元)', '增长（%）']);
    expect(text(cellAt(grid, 4, 0))).toBe('地方一般公共预算收入');
    expect(cellAt(grid, 4, 1).value).toBe(321298);
    expect(cellAt(grid, 4, 2).value as number).toBeCloseTo((321298 / 350180 - 1) * 100, 6);
    expect(text(cellAt(grid, 5, 0))).toBe('一、税收收入');
    for (const s of truth.sums) {
      const sum = s.parts.reduce((a, r) => a + (cellAt(grid, r, 1).value as number), 0);
      expect(cellAt(grid, s.row, 1).value).toBe(sum);
    }
    for (const o of truth.ofWhich) {
      expect(cellAt(grid, o.row, 1).value as number).toBeLessThan(cellAt(grid, o.parent, 1).value as number);
      expect(text(cellAt(grid, o.row, 0)).trim()).toMatch(/^(#|其中：)/);
    }
    expect(truth.ofWhich.length).toBeGreaterThanOrEqual(3);
    for (const r of truth.sectionRows) {
      expect(cellAt(grid, r, 1).type).toBe('empty');
      expect(cellAt(grid, r, 2).type).toBe('empty');
    }
    // indented items (default spaces)
    expect(text(cellAt(grid, 6, 0))).toMatch(/^ {2}\S/);
  });

  test('industry preset and no indentation', async () => {
    const ind = await itemsSheet({ preset: 'industry' });
    const grid = (await load(ind.buffer))[0];
    expectGridMatchesTruth(grid, ind.truth);
    expect(text(cellAt(grid, 2, 0))).toBe('指标');
    const growthOnly = ind.truth.table.rows.filter((r) => r.cells[1]?.kind === 'empty' && r.cells[2]?.kind === 'number');
    expect(growthOnly.length).toBeGreaterThan(0);
    expect(ind.truth.figures.find((f) => f.unit === '人')).toBeDefined();
    const flat = await itemsSheet({ indent: 'none' });
    const g2 = (await load(flat.buffer))[0];
    expect(text(cellAt(g2, 6, 0))).toBe('增值税');
  });
});

describe('indexGroups', () => {
  test('groups of year values and 上年=100 indices, padded names, total = sum', async () => {
    const { buffer, truth } = await indexGroups();
    const grid = (await load(buffer))[0];
    expectGridMatchesTruth(grid, truth);
    expect(text(cellAt(grid, 4, 0))).toBe('地   区');
    expect(text(cellAt(grid, 6, 3))).toBe('2021年为\n2020年%\n2020=100');
    expect(cellAt(grid, 6, 2).value).toBe(2021);
    expect(mergeStrings(grid).has('C5:F6')).toBe(true);
    expect(text(cellAt(grid, truth.table.totalRow!, 0))).toBe('全    省');
    expect(text(cellAt(grid, truth.table.totalRow! + 1, 0))).toBe('东 平 市');
    expect(truth.table.rows[1].name).toBe('东平市');
    expect(truth.table.totalRow).toBe(10);
    for (let c = 0; c <= truth.table.right; c++) expect(cellAt(grid, 9, c).type).toBe('empty');
    const cities = truth.table.rows.filter((r) => r.role === 'peer').map((r) => r.row);
    expect(cities).toHaveLength(16);
    for (const g of truth.groups.filter((x) => x.additive)) {
      for (const y of g.years) {
        const sum = cities.reduce((a, r) => a + (cellAt(grid, r, y.valueCol).value as number), 0);
        expect(Math.abs((cellAt(grid, truth.table.totalRow!, y.valueCol).value as number) - sum)).toBeLessThan(0.005 * cities.length);
        expect(formatDecimals(cellAt(grid, truth.table.totalRow!, y.indexCol).format)).toBe(1);
      }
    }
    // nominal growth from the values is not the published real index
    const gaps = truth.nominalVsIndex.map((x) => Math.abs(x.nominal - x.real));
    expect(Math.max(...gaps)).toBeGreaterThan(0.5);
    expect(truth.table.footnotes[0]).toBe('注:本表绝对额按当年价格计算,指数按可比价格计算。');
    expect(truth.table.columns.filter((c) => c.measure === 'index').every((c) => c.priceBasis === 'comparable')).toBe(true);
  });
});

describe('built-in sample (scripts/make-sample.ts)', () => {
  test('builds deterministically, with one planted wrong rank', async () => {
    const a = buildSample();
    const b = buildSample();
    const ga = await load(Buffer.from(await a.workbook.xlsx.writeBuffer()));
    const gb = await load(Buffer.from(await b.workbook.xlsx.writeBuffer()));
    expect(JSON.stringify(ga)).toBe(JSON.stringify(gb));
    expect(ga.map((g) => g.name)).toEqual([
      '目录',
      '一般公共预算收入',
      '地区生产总值',
      '规模工业增加值',
      '固定资产投资',
      '社会消费品零售总额',
      '地方一般公共预算收入',
      '进出口',
      '城镇居民人均可支配收入',
      '金融机构本外币存款余额',
    ]);
    const wrong = a.truth.county.flatMap((c) => c.ranks.wrong.map((w) => ({ sheet: c.sheet, ...w })));
    expect(wrong).toHaveLength(1);
    for (const c of a.truth.county) {
      const grid = gridNamed(ga, c.sheet);
      expectGridMatchesTruth(grid, c);
      expect(rankMismatchesFromGrid(grid, c).map((m) => m.row)).toEqual(c.ranks.wrong.map((w) => w.row));
      expect(c.regions.filter((r) => r.role === 'peer')).toHaveLength(12);
    }
    expectGridMatchesTruth(gridNamed(ga, '一般公共预算收入'), a.truth.items);
    // the items sheet repeats the county fiscal sheet's total
    const fiscal = a.truth.county.find((c) => c.sheet === '地方一般公共预算收入')!;
    const itemsTotal = cellAt(gridNamed(ga, '一般公共预算收入'), a.truth.items.table.totalRow!, 1).value as number;
    expect(itemsTotal).toBe(Math.round(fiscal.regions.find((r) => r.role === 'total')!.value));
    // what the brief asks for
    const byName = (n: string) => a.truth.county.find((c) => c.sheet === n)!;
    expect(byName('规模工业增加值').table.columns.map((c) => c.measure)).toEqual(['growth', 'rank']);
    expect(byName('固定资产投资').table.columns.map((c) => c.measure)).toEqual(['growth', 'rank']);
    expect(byName('进出口').placeholders).toHaveLength(1);
    expect(byName('进出口').regions.some((r) => r.growth !== null && r.growth < 0)).toBe(true);
    expect(byName('城镇居民人均可支配收入').indicator.unit).toBe('元');
    expect(byName('城镇居民人均可支配收入').ranks.ties.length).toBeGreaterThan(0);
    expect(byName('金融机构本外币存款余额').table.rows.some((r) => r.role === 'subtotal' && r.label === '市辖区')).toBe(true);
    expect(a.truth.county.reduce((n, c) => n + c.textNumbers.length, 0)).toBeGreaterThanOrEqual(2);
    // the README names the wrong rank
    const readme = sampleReadme(a.truth);
    expect(readme).toContain(`**${a.truth.wrongRank.sheet}**, cell **${a.truth.wrongRank.cell}**`);
  });

  test('the committed sample file and README match a fresh build', async () => {
    const file = path.join(ROOT, SAMPLE_RELATIVE_PATH);
    if (!fs.existsSync(file)) {
      console.warn(`[sample] ${SAMPLE_RELATIVE_PATH} is missing: run npm run make-sample`);
      return;
    }
    const fresh = buildSample();
    const committed = (await readWorkbookFile(file)).grids();
    const rebuilt = await load(Buffer.from(await fresh.workbook.xlsx.writeBuffer()));
    expect(committed.map((g) => g.name)).toEqual(rebuilt.map((g) => g.name));
    const firstDifference = (): string | null => {
      for (let i = 0; i < rebuilt.length; i++) {
        const [a, b] = [committed[i], rebuilt[i]];
        if (JSON.stringify(a.merges) !== JSON.stringify(b.merges)) return `${b.name}: merges differ`;
        for (let r = 0; r < Math.max(a.rowCount, b.rowCount); r++)
          for (let c = 0; c < Math.max(a.colCount, b.colCount); c++) {
            const [x, y] = [JSON.stringify(cellAt(a, r, c)), JSON.stringify(cellAt(b, r, c))];
            if (x !== y) return `${b.name}!r${r}c${c}: committed ${x}, rebuilt ${y} (run npm run make-sample)`;
          }
      }
      return null;
    };
    expect(firstDifference()).toBeNull();
    const readme = path.join(path.dirname(file), 'README.md');
    expect(fs.readFileSync(readme, 'utf8')).toBe(sampleReadme(fresh.truth));
  });
});

describe('realFixtures helper', () => {
  test('REAL_DIR and realFixture', () => {
    expect(path.isAbsolute(REAL_DIR)).toBe(true);
    expect(realFixture('no-such-file.xlsx')).toBeNull();
  });
});

// The generator mirrors the published layouts it imitates (when they are around).
describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = (await readXlsxFile(file)).workbook;
  });

  test('countySheet has the merge pattern of 23核算处1 and 30工业处1', async () => {
    const real = (await readWorkbookFile(file)).grids(['23核算处1', '30工业处1 ']);
    const ours = await load((await countySheet()).buffer);
    expect(mergeStrings(ours[0])).toEqual(mergeStrings(real[0]));
    const oursNoValue = await load((await countySheet({ value: false })).buffer);
    expect(mergeStrings(oursNoValue[0])).toEqual(mergeStrings(real[1]));
    expect(wb.worksheets.length).toBeGreaterThan(30);
  });

  test('the bureau ranks by competition ranking on displayed growth (what the generator plants)', async () => {
    const grids = (await readWorkbookFile(file)).grids(['23核算处1', '30工业处1 ', '42贸外处1', '45贸外处4']);
    for (const g of grids) {
      const growthCol = text(cellAt(g, 3, 1)).startsWith('增') ? 1 : 2;
      const rankCol = growthCol + 1;
      const rows: number[] = [];
      for (let r = 5; r < g.rowCount; r++) if (cellAt(g, r, rankCol).type === 'number') rows.push(r);
      const shown = rows.map((r) => roundShown(cellAt(g, r, growthCol).value as number, 1));
      expect([g.name, rows.map((r) => cellAt(g, r, rankCol).value)]).toEqual([g.name, competitionRanks(shown)]);
    }
  });
});

describeReal('zhejiang-yearbook-2012-cities.xlsx', (file) => {
  test('yearbookCities has the header merges of 17-2', async () => {
    const real = (await readWorkbookFile(file)).grids()[0];
    const ours = (await load((await yearbookCities({ groups: [{ name: '东片', size: 6 }, { name: '西片', size: 5 }] })).buffer))[0];
    const header = (s: Set<string>) => new Set([...s].filter((m) => /^[A-Z]+[1-4]:/.test(m)));
    expect(header(mergeStrings(ours))).toEqual(header(mergeStrings(real)));
  });
});
