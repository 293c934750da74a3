/**
 * The contract of issue 14: the new reader (src/workbook/read, our own .xlsx reader on the
 * package layer) gives the same grids as ExcelJS's reading did, cell for cell (value, type,
 * number format, formula, merges, extent), on the sample, every published workbook in
 * ../shared/fixtures/real and the generated fixtures. Where they differ, each difference is
 * named here with the reason the new reading is the right one, and checked to be exactly that:
 *
 * - ESCAPES: ExcelJS drops the backslash escapes of a format code (`0_);[Red]\(0\)` becomes
 *   `0_);[Red](0)`); the new reader keeps the code as stored, as Excel and Office.js report
 *   it. Both read the same for the core (formatInfo equal) except where the escape matters:
 *   `0.0\%` shows a literal %, while ExcelJS's `0.0%` would scale by 100.
 * - BUILTIN: format ids that the file uses without writing them out (5–8, 27–36, 41–44,
 *   50–58: the currency, accounting and East Asian date formats Chinese Excel and WPS use):
 *   ExcelJS gives no format (a date such as 2025年3月 reads as the number 45717); the new
 *   reader gives the code zh-CN Excel shows.
 * - SHARED: a shared formula's follower cells: ExcelJS gives the master cell's address
 *   (`D4`) as the formula; the new reader gives the master's formula moved to the cell
 *   (`SUM(E5:E20)`).
 * - DATE: a date-formatted number that ExcelJS turned into a Date and back may differ below
 *   a millisecond.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Cell, Grid } from '../../../src/core/grid';
import { address } from '../../../src/core/grid';
import { formatInfo } from '../../../src/core/figures/formatInfo';
import { readWorkbookBytes } from '../../../src/workbook/read';
import { BUILTIN_FORMATS, shiftFormula } from '../../../src/workbook/read';
import { readXlsxBuffer } from '../../support/exceljs';
import { countySheet, indexGroups, itemsSheet, stackedSeries, yearbookCities } from '../../support/fixtures';
import { REAL_DIR, describeReal } from '../../support/realFixtures';

const SAMPLE = path.resolve(__dirname, '../../../assets/sample/county-indicators-2025-03.xlsx');

type Kind = 'ESCAPES' | 'BUILTIN' | 'SHARED' | 'DATE';

interface Difference {
  sheet: string;
  cell: string;
  what: 'value' | 'type' | 'format' | 'formula' | 'presence' | 'merges' | 'extent' | 'sheets';
  old: unknown;
  now: unknown;
  /** the named reason, or null when it is not one of them */
  kind: Kind | null;
}

const BUILTIN_IDS = [5, 6, 7, 8, ...Array.from({ length: 10 }, (_, i) => 27 + i), 41, 42, 43, 44, ...Array.from({ length: 9 }, (_, i) => 50 + i)];
const UNWRITTEN_BUILTINS = new Set(BUILTIN_IDS.map((id) => BUILTIN_FORMATS[id]));

/** A format code without its backslash escapes, as ExcelJS reads it. */
const unescaped = (code: string): string => code.replace(/\\(.)/g, '$1');

function sameInfo(a: string | undefined, b: string | undefined): boolean {
  return JSON.stringify(formatInfo(a)) === JSON.stringify(formatInfo(b));
}

/** The master of the shared formula a follower cell names (ExcelJS's `sharedFormula` is the master's address). */
function isSharedFollower(old: string | undefined, now: string | undefined, grid: Grid, row: number, col: number): boolean {
  if (old === undefined || now === undefined || !/^[A-Z]{1,3}\d+$/.test(old)) return false;
  const m = /^([A-Z]{1,3})(\d+)$/.exec(old) as RegExpExecArray;
  let mc = 0;
  for (const ch of m[1]) mc = mc * 26 + ch.charCodeAt(0) - 64;
  const mr = Number(m[2]) - 1;
  const master = grid.rows[mr]?.[mc - 1]?.formula;
  return master !== undefined && shiftFormula(master, row - mr, col - (mc - 1)) === now;
}

/** Every difference between ExcelJS's grids and the new reader's, each with its named reason (or null). */
function compare(reference: Grid[], candidate: Grid[]): Difference[] {
  const out: Difference[] = [];
  const names = (gs: Grid[]): string => gs.map((g) => g.name).join('|');
  if (names(reference) !== names(candidate)) {
    out.push({ sheet: '', cell: '', what: 'sheets', old: names(reference), now: names(candidate), kind: null });
    return out;
  }
  reference.forEach((a, i) => {
    const b = candidate[i];
    const merges = (g: Grid): string => JSON.stringify(g.merges.map((m) => [m.top, m.left, m.bottom, m.right]).sort());
    if (merges(a) !== merges(b)) out.push({ sheet: a.name, cell: '', what: 'merges', old: merges(a), now: merges(b), kind: null });
    if (a.rowCount !== b.rowCount || a.colCount !== b.colCount) {
      out.push({ sheet: a.name, cell: '', what: 'extent', old: [a.rowCount, a.colCount], now: [b.rowCount, b.colCount], kind: null });
    }
    const rows = Math.max(a.rowCount, b.rowCount);
    const cols = Math.max(a.colCount, b.colCount);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const x: Cell | undefined = a.rows[r]?.[c];
        const y: Cell | undefined = b.rows[r]?.[c];
        if (!x && !y) continue;
        const d = (what: Difference['what'], old: unknown, now: unknown, kind: Kind | null): void => {
          out.push({ sheet: a.name, cell: address(r, c), what, old, now, kind });
        };
        if (!x || !y) {
          d('presence', x, y, null);
          continue;
        }
        const dated = formatInfo(y.format).date || formatInfo(x.format).date;
        if (x.type !== y.type) d('type', x, y, null);
        else if (x.value !== y.value) {
          const close = typeof x.value === 'number' && typeof y.value === 'number' && Math.abs(x.value - y.value) < 1e-8;
          d('value', x.value, y.value, close && dated ? 'DATE' : null);
        }
        if (x.format !== y.format) {
          let kind: Kind | null = null;
          if (x.format !== undefined && y.format !== undefined && unescaped(y.format) === x.format) kind = 'ESCAPES';
          else if (x.format === undefined && y.format !== undefined && UNWRITTEN_BUILTINS.has(y.format)) kind = 'BUILTIN';
          d('format', x.format, y.format, kind);
        }
        if (x.formula !== y.formula) d('formula', x.formula, y.formula, isSharedFollower(x.formula, y.formula, b, r, c) ? 'SHARED' : null);
      }
    }
  });
  return out;
}

async function bothWays(bytes: Uint8Array, name: string): Promise<{ diffs: Difference[]; reference: Grid[]; candidate: Grid[] }> {
  const reference = (await readXlsxBuffer(bytes, name)).grids();
  const candidate = (await readWorkbookBytes(bytes, name)).grids();
  return { diffs: compare(reference, candidate), reference, candidate };
}

function summary(diffs: Difference[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of diffs) out[`${d.what}:${d.kind ?? 'UNEXPLAINED'}`] = (out[`${d.what}:${d.kind ?? 'UNEXPLAINED'}`] ?? 0) + 1;
  return out;
}

/** Only named differences; and where a format differs by escapes only, the core reads both alike unless noted. */
function expectExplained(diffs: Difference[], allowInfoChange: (d: Difference) => boolean = () => false): void {
  const unexplained = diffs.filter((d) => d.kind === null);
  expect(unexplained.slice(0, 10)).toEqual([]);
  for (const d of diffs.filter((x) => x.kind === 'ESCAPES')) {
    if (!allowInfoChange(d)) expect({ cell: `${d.sheet}!${d.cell}`, same: sameInfo(d.old as string, d.now as string) }).toEqual({ cell: `${d.sheet}!${d.cell}`, same: true });
  }
}

describe('the built-in sample', () => {
  test('identical grids', async () => {
    const { diffs, candidate } = await bothWays(new Uint8Array(fs.readFileSync(SAMPLE)), 'sample.xlsx');
    expect(diffs).toEqual([]);
    expect(candidate.length).toBe(10);
  });
});

/** What each published workbook is expected to show: the named differences, counted. */
const REAL: Record<string, Record<string, number>> = {
  'shaoyang-monthly-2025-03.xlsx': { 'format:ESCAPES': 122 },
  'zhejiang-yearbook-2012-cities.xlsx': {},
  'zhejiang-yearbook-2022-cities.xlsx': {},
  'jiangsu-yearbook-2023-cities-gdp.xlsx': {},
  'shandong-yearbook-2022-cities-gdp.xlsx': { 'format:ESCAPES': 357 },
  'sichuan-yearbook-cities-gdp.xlsx': {},
  'philippines-grdp-regions-2000-2023.xlsx': { 'format:ESCAPES': 34216 },
  'kazakhstan-grp-regions.xlsx': { 'formula:SHARED': 67 },
};

describe('the published workbooks', () => {
  test('every workbook in the folder is in this list', () => {
    if (!fs.existsSync(REAL_DIR)) return;
    const present = fs.readdirSync(REAL_DIR).filter((f) => /\.xlsx$/i.test(f));
    expect(present.sort()).toEqual(Object.keys(REAL).sort());
  });
  for (const [name, expected] of Object.entries(REAL)) {
    describeReal(name, (file) => {
      test('the same grids but for the named differences', async () => {
        const { diffs, reference } = await bothWays(new Uint8Array(fs.readFileSync(file)), name);
        expectExplained(diffs);
        expect(summary(diffs)).toEqual(expected);
        expect(reference.length).toBeGreaterThan(0);
      });
    });
  }

  describeReal('kazakhstan-grp-regions.xlsx', (file) => {
    test('a shared formula: ExcelJS names the master cell, the new reader moves its formula', async () => {
      const { diffs } = await bothWays(new Uint8Array(fs.readFileSync(file)), 'kz.xlsx');
      const shared = diffs.find((d) => d.kind === 'SHARED') as Difference;
      expect(shared.old).toMatch(/^[A-Z]+\d+$/);
      expect(shared.now).toMatch(/^SUM\(/);
    });
  });
});

describe('the generated fixtures', () => {
  const cases: [string, () => Promise<{ buffer: Buffer }>][] = [
    ['county sheet', () => countySheet()],
    ['county sheet, another seed', () => countySheet({ seed: 7 })],
    ['yearbook cities', () => yearbookCities()],
    ['stacked series', () => stackedSeries()],
    ['items sheet', () => itemsSheet()],
    ['index groups', () => indexGroups()],
  ];
  for (const [label, make] of cases) {
    test(`${label}: identical grids`, async () => {
      const { diffs } = await bothWays((await make()).buffer, `${label}.xlsx`);
      expectExplained(diffs);
      expect(diffs.filter((d) => d.what !== 'format')).toEqual([]);
    });
  }
});

describe('the named differences, each shown on a small case', () => {
  test('ESCAPES: 0.0\\% keeps its literal percent sign (ExcelJS would make it a percent format)', () => {
    expect(formatInfo('0.0\\%').percent).toBe(false);
    expect(formatInfo(unescaped('0.0\\%')).percent).toBe(true);
  });
  test('BUILTIN: id 27 is a date in zh-CN Excel; 43 shows two decimals', () => {
    expect(formatInfo(BUILTIN_FORMATS[27]).date).toBe(true);
    expect(formatInfo(BUILTIN_FORMATS[31]).date).toBe(true);
    expect(formatInfo(BUILTIN_FORMATS[58]).date).toBe(true);
    expect(formatInfo(BUILTIN_FORMATS[43]).decimals).toBe(2);
  });
});
