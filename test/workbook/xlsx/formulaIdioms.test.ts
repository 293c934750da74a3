/**
 * The Excel formula idioms the summary writer puts into a summary sheet, computed by
 * LibreOffice (headless, forced to recalculate) and compared with a JS reference.
 *
 * Every formula is written with a deliberately wrong cached result (-999), so a
 * LibreOffice that did not recalculate fails every assertion.
 *
 * The source sheet '表1 地区' (CJK name with a space, so references need quotes):
 *   row 5 全市, rows 6..17 twelve regions; B 上年同期, C 本期, D 增速(%) as published —
 *   9.66 (shown 9.7) and the text '9.7' tie at one decimal, a blank, a "" from a
 *   formula, 12.35 / 2.25 / -2.25 (halves in decimal, not in binary), 7.04 and 7 (tie),
 *   -0.04 (rounds to zero).
 * The summary sheet '汇总表' (same rows):
 *   A 地区  B 本期  C 占比  D 本期位次  E 增速(1 位)  F 与全市差  G 增速位次(降)
 *   H 增速位次(升)  I 增速位次(密集)  I' 密集(稳健形式, column O)  J 计算增速
 *   K 前三次数  L 本期倒数三位  M 上期位次  N 位次变化  O dense (guarded form)
 *   P 位次变化 (guarded form)
 *   row 19: COUNT of D, E, G; rows 22..: ROUND on constants.
 */
import { existsSync, statSync } from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { roundHalfUp } from '../../../src/core/compute/round';
import { computed, disposeSoffice, recalculate, renderPng, sofficePath } from '../../support/soffice';
import type { Computed } from '../../support/soffice';

const SRC = '表1 地区';
const SUM = '汇总表';
const Q = `'${SRC}'`; // quoted sheet name for references
const FIRST = 6;
const WRONG = -999; // cached result written with every formula

/** A published growth figure: number, text-stored number, blank, or "" from a formula. */
type Growth = { kind: 'number'; value: number } | { kind: 'text'; text: string } | { kind: 'blank' } | { kind: 'emptyText' };

interface Region {
  name: string;
  previous: number;
  current: number;
  growth: Growth;
  /** 上期增速位次 written as a value on the summary sheet; null = left blank */
  previousRank: number | null;
}

const num = (value: number): Growth => ({ kind: 'number', value });

const TOTAL: Region = { name: '全市', previous: 2000, current: 2164, growth: num(8.2), previousRank: null };
const REGIONS: Region[] = [
  { name: '城东区', previous: 100, current: 109.66, growth: num(9.66), previousRank: 3 },
  { name: '城西区', previous: 200, current: 219.4, growth: { kind: 'text', text: '9.7' }, previousRank: 1 },
  { name: '城南区', previous: 150, current: 160.5, growth: num(7), previousRank: 4 },
  { name: '城北区', previous: 80, current: 85.2, growth: { kind: 'blank' }, previousRank: 6 },
  { name: '高新区', previous: 120, current: 131.1, growth: { kind: 'emptyText' }, previousRank: 2 },
  { name: '经开区', previous: 300, current: 337.05, growth: num(12.35), previousRank: 5 },
  { name: '甲县', previous: 200, current: 195.5, growth: num(-2.25), previousRank: 9 },
  { name: '乙县', previous: 200, current: 204.5, growth: num(2.25), previousRank: 7 },
  { name: '丙县', previous: 250, current: 262.5, growth: num(5), previousRank: null },
  { name: '丁县', previous: 180, current: 192.672, growth: num(7.04), previousRank: 8 },
  { name: '戊县', previous: 110, current: 109.956, growth: num(-0.04), previousRank: 10 },
  { name: '己县', previous: 110, current: 114.4, growth: num(4), previousRank: 11 },
];

/** Constants for the ROUND block: [x, decimals]. */
const ROUND_CASES: Array<[number, number]> = [
  [2.25, 1],
  [-2.25, 1],
  [1.005, 1],
  [1.005, 2],
  [-1.005, 2],
  [2.675, 2],
  [0.285, 2],
  [1.15, 1],
  [12.35, 1],
  [8.25, 1],
  [-0.04, 1],
];
const ROUND_ROW = 22;

const NUMBER_FORMAT_ARROWS = '"↑"0;"↓"0;"—"';

// ---------------------------------------------------------------------------
// JS reference
// ---------------------------------------------------------------------------

/** Excel shows no negative zero; ExcelJS may read "-0". */
const z = (x: number): number => (Object.is(x, -0) ? 0 : x);

/** E: what the summary shows for growth, rounded to one decimal; null = not a number. */
function growthShown(g: Growth): number | null {
  if (g.kind === 'number') return z(roundHalfUp(g.value, 1));
  if (g.kind === 'text') return z(roundHalfUp(Number(g.text), 1));
  return null;
}

function competition(values: Array<number | null>, v: number, ascending: boolean): number {
  return 1 + values.filter((w) => w !== null && (ascending ? w < v : w > v)).length;
}

function dense(values: Array<number | null>, v: number): number {
  return 1 + new Set(values.filter((w): w is number => w !== null && w > v)).size;
}

interface Expected {
  share: number;
  valueRank: number;
  growth: number | null;
  points: number | null;
  rankDesc: number | null;
  rankAsc: number | null;
  rankDense: number | null;
  computedGrowth: number;
  topThree: number;
  bottomThree: boolean;
  /** IFERROR(M-G,""): a blank M counts as 0, as in Excel */
  rankChange: number | '';
  /** IF(AND(ISNUMBER(M),ISNUMBER(G)),M-G,"") */
  rankChangeGuarded: number | '';
}

function reference(): Expected[] {
  const growths = REGIONS.map((r) => growthShown(r.growth));
  const currents = REGIONS.map((r) => r.current);
  const totalGrowth = growthShown(TOTAL.growth) as number;
  const valueRanks = currents.map((c) => competition(currents, c, false));
  return REGIONS.map((r, i) => {
    const g = growths[i];
    const rankDesc = g === null ? null : competition(growths, g, false);
    const valueRank = valueRanks[i];
    const rankChange: number | '' = rankDesc === null ? '' : (r.previousRank ?? 0) - rankDesc;
    return {
      share: (r.current / TOTAL.current) * 100,
      valueRank,
      growth: g,
      points: g === null ? null : z(roundHalfUp(g - totalGrowth, 1)),
      rankDesc,
      rankAsc: g === null ? null : competition(growths, g, true),
      rankDense: g === null ? null : dense(growths, g),
      computedGrowth: z(roundHalfUp((r.current / r.previous - 1) * 100, 1)),
      topThree: (valueRank <= 3 ? 1 : 0) + (rankDesc !== null && rankDesc <= 3 ? 1 : 0),
      bottomThree: valueRanks.filter((w) => w > valueRank).length < 3,
      rankChange,
      rankChangeGuarded: rankDesc === null || r.previousRank === null ? '' : r.previousRank - rankDesc,
    };
  });
}

// ---------------------------------------------------------------------------
// The workbook
// ---------------------------------------------------------------------------

function formula(f: string): ExcelJS.CellFormulaValue {
  return { formula: f, result: WRONG, date1904: false };
}

async function buildWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const src = wb.addWorksheet(SRC);
  src.getCell('A1').value = '表1 分地区主要指标';
  src.getRow(3).values = ['地区', '上年同期', '本期', '增速(%)'];
  [TOTAL, ...REGIONS].forEach((r, i) => {
    const row = 5 + i;
    src.getCell(row, 1).value = r.name;
    src.getCell(row, 2).value = r.previous;
    src.getCell(row, 3).value = r.current;
    const d = src.getCell(row, 4);
    if (r.growth.kind === 'number') d.value = r.growth.value;
    else if (r.growth.kind === 'text') d.value = r.growth.text;
    else if (r.growth.kind === 'emptyText') d.value = { formula: 'IF(C' + row + '>0,"","-")', result: 'x' };
    d.numFmt = '0.0';
  });

  const sum = wb.addWorksheet(SUM);
  sum.getCell('A1').value = '主要指标汇总表';
  sum.getRow(3).values = ['地区', '本期', '占比(%)', '本期位次', '增速(%)', '与全市差', '增速位次', '升序位次', '密集位次', '计算增速', '前三次数', '倒数三位', '上期位次', '位次变化', '密集(稳健)', '位次变化(稳健)'];
  sum.getCell('A5').value = formula(`${Q}!A5`);
  sum.getCell('B5').value = formula(`${Q}!C5`);
  sum.getCell('E5').value = formula(`ROUND(${Q}!D5,1)`);
  const E = 'E$6:E$17';
  for (let i = 0; i < REGIONS.length; i++) {
    const r = REGIONS[i];
    const n = FIRST + i;
    const cell = (col: string) => sum.getCell(`${col}${n}`);
    cell('A').value = formula(`${Q}!A${n}`);
    cell('B').value = formula(`${Q}!C${n}`);
    cell('C').value = formula(`${Q}!C${n}/${Q}!C$5*100`);
    cell('C').numFmt = '0.0';
    cell('D').value = formula(`IF(ISNUMBER(B${n}),RANK(B${n},B$6:B$17,0),"")`);
    // E: the growth as the writer would round it, per kind of source cell
    if (r.growth.kind === 'number') cell('E').value = formula(`ROUND(${Q}!D${n},1)`);
    else if (r.growth.kind === 'text') cell('E').value = formula(`ROUND(VALUE(${Q}!D${n}),1)`);
    else if (r.growth.kind === 'emptyText') cell('E').value = formula(`IF(ISNUMBER(${Q}!D${n}),ROUND(${Q}!D${n},1),"")`);
    // blank: E stays an empty cell
    cell('E').numFmt = '0.0';
    cell('F').value = formula(r.growth.kind === 'number' || r.growth.kind === 'text' ? `ROUND(E${n}-E$5,1)` : `IF(ISNUMBER(E${n}),ROUND(E${n}-E$5,1),"")`);
    cell('G').value = formula(`IF(ISNUMBER(E${n}),RANK(E${n},${E},0),"")`);
    cell('H').value = formula(`IF(ISNUMBER(E${n}),RANK(E${n},${E},1),"")`);
    cell('I').value = formula(`IF(ISNUMBER(E${n}),SUMPRODUCT(ISNUMBER(${E})*(${E}>E${n})/COUNTIF(${E},${E}&""))+1,"")`);
    cell('J').value = formula(`ROUND((${Q}!C${n}/${Q}!B${n}-1)*100,1)`);
    cell('K').value = formula(`IF(ISNUMBER(D${n}),--(D${n}<=3),0)+IF(ISNUMBER(G${n}),--(G${n}<=3),0)`);
    cell('L').value = formula(`COUNTIF(D$6:D$17,">"&D${n})<3`);
    if (r.previousRank !== null) cell('M').value = r.previousRank;
    cell('N').value = formula(`IFERROR(M${n}-G${n},"")`);
    cell('N').numFmt = NUMBER_FORMAT_ARROWS;
    cell('O').value = formula(`IF(ISNUMBER(E${n}),SUMPRODUCT(ISNUMBER(${E})*(${E}>E${n})/(COUNTIF(${E},${E}&"")+NOT(ISNUMBER(${E}))))+1,"")`);
    cell('P').value = formula(`IF(AND(ISNUMBER(M${n}),ISNUMBER(G${n})),M${n}-G${n},"")`);
    cell('P').numFmt = NUMBER_FORMAT_ARROWS;
  }
  sum.getCell('A19').value = '个数';
  sum.getCell('D19').value = formula('COUNT(D$6:D$17)');
  sum.getCell('E19').value = formula('COUNT(E$6:E$17)');
  sum.getCell('G19').value = formula('COUNT(G$6:G$17)');
  sum.getCell('I19').value = formula(`COUNTIF(${E},"")`);

  sum.getCell(`A${ROUND_ROW - 1}`).value = 'ROUND';
  ROUND_CASES.forEach(([x, d], i) => {
    const n = ROUND_ROW + i;
    sum.getCell(`A${n}`).value = `ROUND(${x},${d})`;
    sum.getCell(`B${n}`).value = x;
    sum.getCell(`C${n}`).value = formula(`ROUND(B${n},${d})`);
    sum.getCell(`D${n}`).value = formula(`ROUND(${x},${d})`);
  });
  sum.getColumn(1).width = 14;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Reading results
// ---------------------------------------------------------------------------

type Result = Computed;

function resultOf(ws: ExcelJS.Worksheet, address: string): Result {
  return computed(ws.getCell(address));
}

function close(actual: Result, expected: number, digits = 10): void {
  expect(typeof actual).toBe('number');
  expect(actual as number).toBeCloseTo(expected, digits);
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

const soffice = sofficePath();
if (!soffice) {
  console.log('LibreOffice (soffice) is absent: formula idiom tests are skipped (CI installs libreoffice-calc-nogui).');
}
const describeLo = soffice ? describe : describe.skip;

describeLo('summary formula idioms computed by LibreOffice', () => {
  let ws: ExcelJS.Worksheet;
  let buffer: Buffer;
  const expected = reference();
  const at = (col: string, i: number) => resultOf(ws, `${col}${FIRST + i}`);

  beforeAll(async () => {
    buffer = await buildWorkbook();
    const t0 = Date.now();
    const book = await recalculate(buffer);
    console.log(`recalculate(): ${Date.now() - t0} ms`);
    const sheet = book.getWorksheet(SUM);
    if (!sheet) throw new Error(`no sheet ${SUM} after recalculation`);
    ws = sheet;
  }, 240_000);

  afterAll(() => disposeSoffice());

  it('recalculates: no cached -999 survives', () => {
    const stale: string[] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (resultOf(ws, c.address) === WRONG) stale.push(c.address);
      }),
    );
    expect(stale).toEqual([]);
  });

  it("references another sheet by its quoted name ('表1 地区'!C5)", () => {
    expect(resultOf(ws, 'A5')).toBe('全市');
    expect(resultOf(ws, 'B5')).toBe(TOTAL.current);
    REGIONS.forEach((r, i) => {
      expect(at('A', i)).toBe(r.name);
      expect(at('B', i)).toBe(r.current);
    });
  });

  it('ROUND is half away from zero, also where the binary value is just below the half', () => {
    ROUND_CASES.forEach(([x, d], i) => {
      const n = ROUND_ROW + i;
      const want = z(roundHalfUp(x, d));
      expect({ x, d, cell: resultOf(ws, `C${n}`) }).toEqual({ x, d, cell: want });
      expect({ x, d, literal: resultOf(ws, `D${n}`) }).toEqual({ x, d, literal: want });
    });
    // the cases spelled out
    expect(resultOf(ws, `C${ROUND_ROW}`)).toBe(2.3);
    expect(resultOf(ws, `C${ROUND_ROW + 1}`)).toBe(-2.3);
    expect(resultOf(ws, `C${ROUND_ROW + 3}`)).toBe(1.01);
  });

  it('ROUND(…,1) and ROUND(VALUE(…),1) give the growth shown; blank and "" stay non-numbers', () => {
    expect(resultOf(ws, 'E5')).toBe(8.2);
    REGIONS.forEach((r, i) => {
      const want = expected[i].growth;
      const got = at('E', i);
      if (want === null) expect({ region: r.name, got }).toEqual({ region: r.name, got: r.growth.kind === 'blank' ? null : '' });
      else expect({ region: r.name, got }).toEqual({ region: r.name, got: want });
    });
    // 9.66 and '9.7' tie at one decimal
    expect(at('E', 0)).toBe(9.7);
    expect(at('E', 1)).toBe(9.7);
  });

  it('competition rank, descending and ascending, skips blanks and ""', () => {
    REGIONS.forEach((r, i) => {
      const e = expected[i];
      expect({ region: r.name, desc: at('G', i), asc: at('H', i) }).toEqual({ region: r.name, desc: e.rankDesc ?? '', asc: e.rankAsc ?? '' });
    });
    expect(at('G', 0)).toBe(2);
    expect(at('G', 1)).toBe(2);
  });

  it('dense rank (SUMPRODUCT/COUNTIF) with blanks and "" in the range, and the guarded form', () => {
    REGIONS.forEach((r, i) => {
      const e = expected[i];
      expect({ region: r.name, dense: at('I', i), guarded: at('O', i) }).toEqual({ region: r.name, dense: e.rankDense ?? '', guarded: e.rankDense ?? '' });
    });
    // COUNTIF(range,"") counts the blank and the "" cell, so no denominator is 0
    expect(resultOf(ws, 'I19')).toBe(2);
  });

  it('points, share and growth', () => {
    REGIONS.forEach((r, i) => {
      const e = expected[i];
      expect({ region: r.name, points: at('F', i) }).toEqual({ region: r.name, points: e.points ?? '' });
      close(at('C', i), e.share);
      expect({ region: r.name, growth: at('J', i) }).toEqual({ region: r.name, growth: e.computedGrowth });
    });
  });

  it('counts across non-adjacent cells, the 倒数 test and COUNT', () => {
    REGIONS.forEach((r, i) => {
      const e = expected[i];
      expect({ region: r.name, top: at('K', i), bottom: at('L', i) }).toEqual({ region: r.name, top: e.topThree, bottom: e.bottomThree });
    });
    expect(resultOf(ws, 'D19')).toBe(REGIONS.length);
    expect(resultOf(ws, 'E19')).toBe(expected.filter((e) => e.growth !== null).length);
    expect(resultOf(ws, 'G19')).toBe(expected.filter((e) => e.rankDesc !== null).length);
  });

  it('rank change IFERROR(M-G,"") (a blank M counts as 0) and the guarded form; the ↑↓ format survives', () => {
    REGIONS.forEach((r, i) => {
      const e = expected[i];
      expect({ region: r.name, change: at('N', i), guarded: at('P', i) }).toEqual({ region: r.name, change: e.rankChange, guarded: e.rankChangeGuarded });
    });
    // LibreOffice writes the format back without the quotes: ↑0;↓0;—
    expect(ws.getCell('N6').numFmt.replace(/"/g, '')).toBe(NUMBER_FORMAT_ARROWS.replace(/"/g, ''));
  });

  it('renders the summary sheet to PNG', async () => {
    // only the summary sheet: hide the source sheet in a copy
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const src = wb.getWorksheet(SRC);
    if (!src) throw new Error('no source sheet');
    src.state = 'hidden';
    const sum = wb.getWorksheet(SUM);
    if (!sum) throw new Error('no summary sheet');
    wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
    sum.pageSetup = { ...sum.pageSetup, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
    const hidden = Buffer.from(await wb.xlsx.writeBuffer());
    const outDir = path.resolve(__dirname, '../../../test-artifacts');
    const t0 = Date.now();
    const { pdf, pngs } = await renderPng(hidden, outDir, 'formula-idioms');
    console.log(`renderPng(): ${Date.now() - t0} ms → ${pngs.join(', ')}`);
    expect(existsSync(pdf)).toBe(true);
    expect(pngs.length).toBeGreaterThanOrEqual(1);
    for (const png of pngs) {
      expect(existsSync(png)).toBe(true);
      expect(statSync(png).size).toBeGreaterThan(5000);
    }
  }, 240_000);
});
