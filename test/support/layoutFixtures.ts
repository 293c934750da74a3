/**
 * Generated workbooks with the layouts that broke the printed summary of the real
 * reports (../shared/fixtures/real), so the suite covers them without those files:
 *
 *   provinceReport  21 市州 under 全省 with long 自治州 names (四川: 阿坝藏族羌族自治州), a tie
 *                   at the bottom of the ranking (rank ≥ 10: 11(并列) printed as ### in a
 *                   5.5-wide column), two negative growths (red under the bottom highlight),
 *                   and a development zone listed in one table only (邵阳经开区: an empty line
 *                   on every other summary sheet);
 *   noTotalReport   a yearbook table of cities without a total line (浙江 17-2: an empty 合计
 *                   line was printed).
 */
import { readXlsxBuffer } from './exceljs';
import type { Grid } from '../../src/core/grid';
import { readWorkbook } from '../../src/core/layout';
import type { SummaryResult } from '../../src/core/summarize';
import { summarize } from '../../src/core/summarize';
import { LONG_NAMED_CITIES, buildCountySheet, buildYearbookCities, newWorkbook, workbookBuffer } from './fixtures';

export const ZONE = '锦城经开区';

export interface LayoutReport {
  buffer: Buffer;
  grids: Grid[];
  summary: SummaryResult;
}

async function report(build: (wb: ReturnType<typeof newWorkbook>) => void): Promise<LayoutReport> {
  const wb = newWorkbook();
  build(wb);
  const buffer = await workbookBuffer(wb);
  const grids = (await readXlsxBuffer(buffer)).grids();
  return { buffer, grids, summary: summarize(readWorkbook(grids), grids) };
}

/** Three 市州 sheets under 全省: 地区生产总值 (tie at the bottom, negatives), 工业增加值 (with the zone), 固定资产投资. */
export function provinceReport(): Promise<LayoutReport> {
  return report((wb) => {
    const common = { regions: LONG_NAMED_CITIES, nameForm: 'full' as const, total: { name: '全省' }, unit: '亿元', valueDecimals: 2 as const, growthRange: [3, 11] as [number, number] };
    buildCountySheet(wb, { ...common, seed: 11, indicator: '地区生产总值', tie: 3.3, negatives: 2 });
    buildCountySheet(wb, { ...common, seed: 12, indicator: '规模以上工业增加值', zones: [ZONE], tie: false });
    buildCountySheet(wb, { ...common, seed: 13, indicator: '固定资产投资', tie: false, negatives: 1 });
  });
}

/** One yearbook table of 11 cities with no total line. */
export function noTotalReport(): Promise<LayoutReport> {
  return report((wb) => {
    buildYearbookCities(wb, { seed: 3, total: false, groups: false, ofWhich: false, extraIndicators: 2 });
  });
}
