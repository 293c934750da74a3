/**
 * Builds the built-in sample: assets/sample/county-indicators-2025-03.xlsx, the
 * 统计月报 of the fictional prefecture city 安平市 for 2025年1-3月, and its
 * README (what is planted where). Deterministic: every run writes the same cell
 * contents.
 *
 *   npm run make-sample
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type ExcelJS from 'exceljs';
import {
  buildContentsSheet,
  buildCountySheet,
  buildItemsSheet,
  newWorkbook,
  workbookBuffer,
  type CountySheetOptions,
  type CountySheetTruth,
  type ItemsSheetTruth,
  type SheetTruth,
} from '../test/support/fixtures';

export const SAMPLE_RELATIVE_PATH = 'assets/sample/county-indicators-2025-03.xlsx';
export const SAMPLE_CITY = '安平市';
export const SAMPLE_PERIOD = '2025年1-3月';

const DISTRICTS = ['城东区', '城西区', '北湖区'];

/** The county sheets, in workbook order. */
export const SAMPLE_COUNTY_SHEETS: readonly (CountySheetOptions & { sheetName: string; indicator: string; note: string })[] = [
  {
    seed: 2501,
    sheetName: '地区生产总值',
    indicator: '地区生产总值',
    unit: '万元',
    growthRange: [4.2, 7.4],
    tie: 6.6,
    footnote: '注：地区生产总值增速按可比价计算。',
    priceBasis: 'comparable',
    stray: true,
    note: 'comparable-price growth (footnote); two regions tie at 6.6 shown; stray cells right of the table',
  },
  {
    seed: 2502,
    sheetName: '规模工业增加值',
    indicator: '规模工业增加值',
    value: false,
    growthRange: [3.5, 13],
    tie: 9.7,
    footnote: '注：规模工业增加值增速按可比价计算。',
    priceBasis: 'comparable',
    note: 'growth and rank only; 9.66 and 9.7 share a rank',
  },
  {
    seed: 2503,
    sheetName: '固定资产投资',
    indicator: '固定资产投资',
    value: false,
    growthRange: [-12, 15],
    negatives: 2,
    tie: false,
    wrongRanks: 1,
    note: 'growth and rank only; negative growth; ONE PUBLISHED RANK IS WRONG (see below)',
  },
  {
    seed: 2504,
    sheetName: '社会消费品零售总额',
    indicator: '社会消费品零售总额',
    unit: '万元',
    growthRange: [4, 7.5],
    tie: 5.7,
    textNumbers: 2,
    note: 'float noise in growth; two values stored as text (fullwidth digits, thousands separators)',
  },
  {
    seed: 2505,
    sheetName: '地方一般公共预算收入',
    indicator: '地方一般公共预算收入',
    unit: '万元',
    growthLabel: '增长',
    growthRange: [-15, 22],
    negatives: 3,
    tie: false,
    note: '"增长(%)" header; negative growth; total equals the items sheet 一般公共预算收入',
  },
  {
    seed: 2506,
    sheetName: '进出口',
    indicator: '进出口',
    unit: '万元',
    valueLabel: '绝对值',
    fullwidthParens: true,
    growthRange: [-65, 300],
    negatives: 4,
    tie: false,
    placeholders: { growth: '—' },
    order: [0, 1, 2, 11, 3, 4, 5, 6, 7, 8, 9, 10],
    bigRegion: 6,
    note: '"—" placeholder in one growth (no rank); large swings; 石门 listed fourth (order differs from the other sheets)',
  },
  {
    seed: 2507,
    sheetName: '城镇居民人均可支配收入',
    indicator: '城镇居民人均可支配收入',
    unit: '元',
    perCapita: true,
    growthLabel: '增长',
    growthRange: [4.6, 6.4],
    tie: 5.3,
    nameForm: 'full',
    bigRegion: 1,
    note: 'per capita (元, not additive; 全市 is not the sum); full names (城东区 …); ties',
  },
  {
    seed: 2508,
    sheetName: '金融机构本外币存款余额',
    indicator: '金融机构本外币存款余额',
    unit: '亿元',
    growthRange: [5, 14],
    subtotals: [{ name: '市辖区', members: DISTRICTS }],
    tie: false,
    note: '亿元 with "0.00_ "; a 市辖区 subtotal (城东, 城西, 北湖) before its members, not ranked',
  },
];

export interface SampleTruth {
  file: string;
  sheets: SheetTruth[];
  contents: SheetTruth;
  items: ItemsSheetTruth;
  county: CountySheetTruth[];
  wrongRank: { sheet: string; cell: string; region: string; published: number; expected: number };
}

function countyOptions(spec: (typeof SAMPLE_COUNTY_SHEETS)[number]): CountySheetOptions {
  const { note: _note, ...options } = spec;
  void _note;
  return { period: SAMPLE_PERIOD, ...options };
}

/** Build the sample workbook in memory with what is planted in it. */
export function buildSample(): { workbook: ExcelJS.Workbook; truth: SampleTruth } {
  // the county fiscal sheet fixes the city total that the items sheet repeats
  const fiscalSpec = SAMPLE_COUNTY_SHEETS.find((s) => s.sheetName === '地方一般公共预算收入')!;
  const scratch = buildCountySheet(newWorkbook(), countyOptions(fiscalSpec));
  const fiscalTotal = scratch.regions.find((r) => r.role === 'total')!;

  const wb = newWorkbook();
  wb.title = `${SAMPLE_CITY}统计月报（${SAMPLE_PERIOD}）`;
  const contents = buildContentsSheet(wb, [
    { heading: '一、全市主要经济指标', entries: ['一般公共预算收入'] },
    { heading: '二、分县市区主要经济指标', entries: SAMPLE_COUNTY_SHEETS.map((s) => s.indicator) },
  ]);
  const items = buildItemsSheet(wb, {
    seed: 2500,
    preset: 'finance',
    sheetName: '一般公共预算收入',
    period: '1-3月',
    indent: 'none',
    totalValue: Math.round(fiscalTotal.value),
    totalPrior: fiscalTotal.prior,
  });
  const county = SAMPLE_COUNTY_SHEETS.map((spec) => buildCountySheet(wb, countyOptions(spec)));
  const wrongSheet = county.find((c) => c.ranks.wrong.length > 0)!;
  const wrong = wrongSheet.ranks.wrong[0];
  const region = wrongSheet.regions.find((r) => r.row === wrong.row)!;
  return {
    workbook: wb,
    truth: {
      file: SAMPLE_RELATIVE_PATH,
      sheets: [contents, items, ...county],
      contents,
      items,
      county,
      wrongRank: { sheet: wrongSheet.sheet, cell: wrong.cell, region: region.label, published: wrong.published, expected: wrong.expected },
    },
  };
}

/** The README that goes next to the sample, generated from the same truth. */
export function sampleReadme(truth: SampleTruth): string {
  const lines: string[] = [];
  const w = truth.wrongRank;
  lines.push('# Built-in sample: 安平市统计月报 2025年1-3月');
  lines.push('');
  lines.push('`county-indicators-2025-03.xlsx` is a fictional monthly report (统计月报) of the fictional');
  lines.push('prefecture city 安平市 with 12 县市区. Every figure is generated; no bureau published it.');
  lines.push('It is laid out like real county sheets (see `../../../shared/fixtures/real/README.md`) so that');
  lines.push('`indicator-tables inspect|summarize` has something realistic to show.');
  lines.push('');
  lines.push('Generated by `scripts/make-sample.ts` (`npm run make-sample`) with `test/support/fixtures.ts`;');
  lines.push('this README is written by the same script. Do not edit either by hand: change the script and');
  lines.push('rerun it. Rebuilding gives the same file, byte for byte.');
  lines.push('');
  lines.push('## Planted error (for the rank check)');
  lines.push('');
  lines.push(
    `- Sheet **${w.sheet}**, cell **${w.cell}** (${w.region}): the published rank is **${w.published}**, but competition ranking of the displayed growth gives **${w.expected}**.`,
  );
  lines.push('  It is the only published rank in the workbook that is wrong.');
  lines.push('');
  lines.push('## Sheets');
  lines.push('');
  lines.push('| sheet | layout | notes |');
  lines.push('|---|---|---|');
  lines.push(`| ${truth.contents.sheet} | contents, no table | |`);
  const it = truth.items.table;
  lines.push(
    `| ${it.sheet} | items: 项目 \\| 绝对额(万元) \\| 增长(%), ${it.range} | 地方一般公共预算收入 = 税收收入 + 非税收入; "#…" and "其中：…" rows under 补充资料 are parts, never added |`,
  );
  truth.county.forEach((c, i) => {
    const spec = SAMPLE_COUNTY_SHEETS[i];
    const cols = c.table.columns.map((col) => col.header[col.header.length - 1]).join(' \\| ');
    lines.push(`| ${c.sheet} | regions: 地区 \\| ${cols}, ${c.table.range} | ${spec.note} |`);
  });
  lines.push('');
  lines.push('## Other planted details');
  lines.push('');
  for (const c of truth.county) {
    const bits: string[] = [];
    if (c.ranks.ties.length) {
      bits.push(
        `ties on displayed growth: ${c.ranks.ties
          .map((t) => t.map((r) => c.regions.find((x) => x.row === r)!.label).join(' = '))
          .join('; ')}`,
      );
    }
    if (c.textNumbers.length) bits.push(`text-stored numbers: ${c.textNumbers.join(', ')}`);
    if (c.placeholders.length) bits.push(`placeholders: ${c.placeholders.join(', ')}`);
    if (c.stray.length) bits.push(`stray cells outside the table: ${c.stray.join(', ')}`);
    if (c.floatNoiseRows.length) bits.push(`float noise in growth on rows ${c.floatNoiseRows.map((r) => r + 1).join(', ')}`);
    if (c.ranks.unranked.length) bits.push(`unranked: ${c.ranks.unranked.map((u) => `row ${u.row + 1} (${u.why})`).join(', ')}`);
    if (bits.length) lines.push(`- **${c.sheet}**: ${bits.join('; ')}.`);
  }
  lines.push('');
  lines.push('The 12 regions: 城东区, 城西区, 北湖区 (districts; 市辖区 in the deposits sheet), 新安县, 安平县');
  lines.push('(always written in full, like 邵阳县), 云溪县, 清河县, 白沙县, 梅岭县, 凤鸣县, 青山县, 石门市 (a');
  lines.push('county-level city, the largest economy). Most sheets use short names (城东, 石门); the income sheet');
  lines.push('uses full names.');
  lines.push('');
  return lines.join('\n');
}

function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'indicator-tables') return dir;
      } catch {
        // keep looking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export async function writeSample(root = repoRoot()): Promise<{ file: string; truth: SampleTruth; bytes: number }> {
  const { workbook, truth } = buildSample();
  const file = path.join(root, SAMPLE_RELATIVE_PATH);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const buffer = await workbookBuffer(workbook);
  fs.writeFileSync(file, buffer);
  fs.writeFileSync(path.join(path.dirname(file), 'README.md'), sampleReadme(truth));
  return { file, truth, bytes: buffer.length };
}

if (require.main === module) {
  writeSample().then(
    ({ file, truth, bytes }) => {
      const w = truth.wrongRank;
      console.log(`wrote ${path.relative(process.cwd(), file)} (${bytes} bytes, ${truth.sheets.length} sheets)`);
      console.log(`planted wrong rank: ${w.sheet}!${w.cell} (${w.region}) published ${w.published}, expected ${w.expected}`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
