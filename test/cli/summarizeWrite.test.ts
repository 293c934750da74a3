/**
 * `indicator-tables summarize FILE -o OUT.xlsx`: a copy of the workbook with the
 * summary sheets added; the input untouched; a second run replaces the add-in's
 * own sheets and never a user's sheet.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { run } from '../../src/cli/main';
import { REGISTRY_SHEET } from '../../src/core/summary';

const SAMPLE = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

async function sha(file: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(file))
    .digest('hex');
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-write-'));
});

function out(name: string): string {
  return path.join(dir, name);
}

test('writes a copy with the summary sheets added and leaves the input unchanged', async () => {
  const before = await sha(SAMPLE);
  const target = out('sample-summary.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--lang', 'zh-CN']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain(`已写入 ${target}`);
  expect(r.out).toContain('「主要指标汇总表1」');
  expect(r.out).toContain('「位次表」');
  expect(r.out).toContain('「审核结果」');
  expect(r.out).toMatch(/审核：错误1条/);
  expect(await sha(SAMPLE)).toBe(before);

  const wb = await open(target);
  const src = await open(SAMPLE);
  const names = wb.worksheets.map((w) => w.name);
  // the user's sheets first, unchanged in order, then ours, then the hidden registry
  expect(names.slice(0, src.worksheets.length)).toEqual(src.worksheets.map((w) => w.name));
  expect(names.slice(src.worksheets.length)).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果', REGISTRY_SHEET]);
  expect(wb.getWorksheet(REGISTRY_SHEET)?.state).toBe('veryHidden');
  // the user's figures are still there
  expect(wb.getWorksheet('固定资产投资')?.getCell('C10').value).toBe(src.getWorksheet('固定资产投资')?.getCell('C10').value);

  const main = wb.getWorksheet('主要指标汇总表1') as ExcelJS.Worksheet;
  expect(main.getCell('A1').value).toBe('各县市区主要指标汇总表（1）');
  expect(main.getCell('A6').value).toBe('全市');
  expect(main.getCell('B4').value).toBe('地区生产总值');
  expect(main.pageSetup.orientation).toBe('landscape');
  expect(main.pageSetup.paperSize).toBe(9);
  expect(main.pageSetup.fitToWidth).toBe(1);

  // the planted wrong rank: 安平县 is 12th in 固定资产投资 (the sheet says 11), with a note
  const ranks = wb.getWorksheet('位次表') as ExcelJS.Worksheet;
  const header = ranks.getRow(4).values as ExcelJS.CellValue[];
  const col = header.findIndex((v) => v === '固定资产投资');
  expect(col).toBeGreaterThan(0);
  let anping = 0;
  ranks.eachRow((row, i) => {
    if (row.getCell(1).value === '安平县') anping = i;
  });
  expect(anping).toBeGreaterThan(6);
  expect(ranks.getCell(anping, col).value).toBe(12);

  const findings = wb.getWorksheet('审核结果') as ExcelJS.Worksheet;
  expect(findings.getCell('B5').value).toBe('错误');
  expect(findings.getCell('C5').value).toBe('固定资产投资');
  expect(findings.getCell('D5').text).toBe('C10');
});

test('a second run on its own output replaces its sheets instead of adding more', async () => {
  const first = out('first.xlsx');
  const second = out('second.xlsx');
  expect((await cli(['summarize', SAMPLE, '-o', first])).code).toBe(0);
  const r = await cli(['summarize', first, '-o', second, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('替换了上次生成的工作表');
  const a = (await open(first)).worksheets.map((w) => w.name);
  const b = (await open(second)).worksheets.map((w) => w.name);
  expect(b.sort()).toEqual(a.sort());
  // one 分析要点, not a second one beside it
  expect(b.filter((n) => n.startsWith('分析要点'))).toEqual(['分析要点']);
});

test('分析要点: the analysis text, one paragraph a row, printable A4 portrait; --no-text leaves it out', async () => {
  const target = out('text.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('「分析要点」');
  const wb = await open(target);
  const sheet = wb.getWorksheet('分析要点') as ExcelJS.Worksheet;
  const rows: string[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(String(row.getCell(1).value ?? '')));
  expect(rows.slice(0, 3)).toEqual(['主要指标分析要点', '2025年1-3月', '一、总体情况']);
  expect(rows[3]).toMatch(/^全市：地区生产总值537\.69亿元，增长6\.1%（按可比价计算）。/);
  expect(rows).toContain('二、分指标');
  expect(rows.find((t) => t.startsWith('新安：'))).toContain('进出口78.84亿元，增长289.1%，高于全市245.5个百分点，增速居全市第1位。');
  expect(rows[rows.length - 1]).toBe('「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。');
  // wrapped, merged across the text's columns, each paragraph row with its own height
  expect(sheet.getCell('A4').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  expect(sheet.getCell('A4').isMerged).toBe(true);
  expect(sheet.getRow(4).height).toBeGreaterThan(30);
  expect(sheet.pageSetup).toMatchObject({ orientation: 'portrait', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });

  const none = out('no-text.xlsx');
  const n = await cli(['summarize', SAMPLE, '-o', none, '--no-text', '--lang', 'zh-CN']);
  expect(n.code).toBe(0);
  expect(n.out).not.toContain('分析要点');
  const names = (await open(none)).worksheets.map((w) => w.name);
  expect(names).not.toContain('分析要点');
  expect(names).toEqual(expect.arrayContaining(['主要指标汇总表1', '位次表', '审核结果']));

  // --no-text on a copy that has one removes ours (the registry knows it) and adds none
  const rerun = out('text-then-none.xlsx');
  expect((await cli(['summarize', target, '-o', rerun, '--no-text'])).code).toBe(0);
  expect((await open(rerun)).worksheets.map((w) => w.name)).not.toContain('分析要点');
});

test("a user's sheet with the summary's name is kept, and the summary takes another name", async () => {
  const wb = await open(SAMPLE);
  const mine = wb.addWorksheet('位次表');
  mine.getCell('A1').value = '我自己的位次表';
  mine.getCell('B2').value = 42;
  const input = out('with-user-sheet.xlsx');
  await wb.xlsx.writeFile(input);
  const target = out('with-user-sheet-out.xlsx');
  const r = await cli(['summarize', input, '-o', target, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('汇总表改名为「位次表(2)」');
  const res = await open(target);
  expect(res.getWorksheet('位次表')?.getCell('B2').value).toBe(42);
  expect(res.getWorksheet('位次表(2)')?.getCell('A1').value).toBe('各县市区主要指标位次表');
  // and a run on that output still keeps the user's sheet
  const again = out('with-user-sheet-again.xlsx');
  expect((await cli(['summarize', target, '-o', again])).code).toBe(0);
  const res2 = await open(again);
  expect(res2.getWorksheet('位次表')?.getCell('B2').value).toBe(42);
  expect(res2.worksheets.filter((w) => w.name.startsWith('位次表')).length).toBe(2);
});

test('--formulas writes formulas that refer to the source cells', async () => {
  const target = out('formulas.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--formulas', '--indicators', '地区生产总值,固定资产投资', '--points']);
  expect(r.code).toBe(0);
  const wb = await open(target);
  const main = wb.getWorksheet('主要指标汇总表') as ExcelJS.Worksheet;
  expect(main.getCell('B4').value).toBe('地区生产总值');
  const formulas: string[] = [];
  main.eachRow((row) => row.eachCell((c) => c.formula && formulas.push(c.formula)));
  expect(formulas.some((f) => f.startsWith("ROUND('地区生产总值'!"))).toBe(true);
  expect(formulas.some((f) => f.includes('RANK('))).toBe(true);
  // Excel recalculates on opening (ExcelJS does not read calcPr back: look at the XML)
  const zip = await JSZip.loadAsync(await fs.readFile(target));
  expect(await zip.file('xl/workbook.xml')?.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
});

test('--lang en-US names the sheets in English', async () => {
  const target = out('english.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--lang', 'en-US', '--no-check']);
  expect(r.code).toBe(0);
  expect(r.out).toContain(`Wrote ${target}`);
  const names = (await open(target)).worksheets.map((w) => w.name);
  expect(names).toEqual(expect.arrayContaining(['Summary1', 'Ranks', 'Analysis']));
  expect(names).not.toContain('Check results');
});

test('refuses to overwrite the input or an existing file, and options that need -o', async () => {
  const same = await cli(['summarize', SAMPLE, '-o', SAMPLE, '--lang', 'zh-CN']);
  expect(same.code).toBe(2);
  expect(same.err).toContain('输出文件不能是输入文件本身');
  const target = out('exists.xlsx');
  await fs.writeFile(target, 'keep me');
  const exists = await cli(['summarize', SAMPLE, '-o', target, '--lang', 'zh-CN']);
  expect(exists.code).toBe(2);
  expect(exists.err).toContain('--force');
  expect(await fs.readFile(target, 'utf8')).toBe('keep me');
  expect((await cli(['summarize', SAMPLE, '-o', target, '--force'])).code).toBe(0);
  const ext = await cli(['summarize', SAMPLE, '-o', out('x.xls'), '--lang', 'zh-CN']);
  expect(ext.code).toBe(2);
  expect(ext.err).toContain('须为 .xlsx');
  const prev = await cli(['summarize', SAMPLE, '--previous', SAMPLE, '--lang', 'zh-CN']);
  expect(prev.code).toBe(2);
  expect(prev.err).toContain('--previous 需要与 -o 一起使用');
  const bad = await cli(['summarize', SAMPLE, '-o', out('bad.xlsx'), '--no-highlight', 'sparkles', '--lang', 'zh-CN']);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain('sparkles');
});

test('an unknown indicator is named, the others are summarised; highlights can be switched off', async () => {
  const target = out('picked.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--indicators', '进出口,不存在的指标', '--no-highlight', 'tie,negative', '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('找不到指标「不存在的指标」');
  const main = (await open(target)).getWorksheet('主要指标汇总表') as ExcelJS.Worksheet;
  expect(main.getCell('B4').value).toBe('进出口');
  const cf = (main as unknown as { conditionalFormattings: { rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
  const formulas = cf.flatMap((c) => c.rules.flatMap((rule) => rule.formulae ?? []));
  expect(formulas.some((f) => f.includes('<=3'))).toBe(true);
  expect(formulas.some((f) => f.includes('<0'))).toBe(false);
  expect(formulas.some((f) => f.includes('COUNTIF') && f.includes('>1'))).toBe(false);
});

test('--previous adds rank changes against last period', async () => {
  const target = out('previous.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--previous', SAMPLE, '--indicators', '地区生产总值']);
  expect(r.code).toBe(0);
  const main = (await open(target)).getWorksheet('主要指标汇总表') as ExcelJS.Worksheet;
  expect(main.getCell('E5').value).toBe('位次变化');
  // the same report as its own previous: no region moved
  expect(main.getCell('E7').value).toBe(0);
  expect(main.getCell('E7').numFmt).toBe('"↑"0;"↓"0;"—"');
});

/** An annual-targets workbook for the sample's regions: 地区生产总值 and 社零 in 亿元 (the sample is in 万元). */
async function targetsWorkbook(): Promise<ExcelJS.Workbook> {
  const src = await open(SAMPLE);
  const gdp = src.getWorksheet('地区生产总值') as ExcelJS.Worksheet;
  const rows: [string, number][] = [];
  gdp.eachRow((r, i) => {
    if (i >= 5 && i <= 17 && typeof r.getCell(1).value === 'string') rows.push([r.getCell(1).value as string, Number(r.getCell(2).value)]);
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目标任务');
  ws.getCell('A1').value = '2025年各县市区主要指标年度目标任务';
  ws.mergeCells('A1:C1');
  ws.getRow(2).values = ['地区', '地区生产总值（亿元）', '社会消费品零售总额（亿元）'];
  // every other region is behind 序时进度 (25% at the end of March)
  rows.forEach(([name, value], i) => (ws.getRow(3 + i).values = [name, Math.round((value * (i % 2 ? 3.6 : 4.6)) / 100) / 100, Math.round((value * 1.5) / 100) / 100]));
  return wb;
}

test('--targets adds 年度目标, 完成目标 and the gap to 序时进度, with 亿元 targets converted to 万元', async () => {
  const targets = out('targets.xlsx');
  await (await targetsWorkbook()).xlsx.writeFile(targets);
  const target = out('with-targets.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--targets', targets, '--indicators', '地区生产总值', '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('目标任务：地区生产总值');
  const main = (await open(target)).getWorksheet('主要指标汇总表') as ExcelJS.Worksheet;
  // A5 is inside the merged 地区 header (ExcelJS reads the merge's value there)
  // (a header that does not fit on one line is broken before its unit: 绝对额\n(万元))
  const heads = (main.getRow(5).values as ExcelJS.CellValue[]).slice(2).map((v) => String(v).replace(/\n/g, ''));
  expect(heads).toEqual(['绝对额(万元)', '增速(%)', '位次', '年度目标(万元)', '完成目标(%)', '与序时进度差(个百分点)', '前3位', '后3位', '低于全市']);
  // 城东: value / (target in 万元) × 100, and the gap to 25.0
  const value = Number(main.getCell('B7').value);
  const annual = Number(main.getCell('E7').value);
  const done = Number(main.getCell('F7').value);
  expect(annual).toBeGreaterThan(value * 3);
  expect(done).toBeCloseTo(Math.round((value / annual) * 1000) / 10, 10);
  expect(Number(main.getCell('G7').value)).toBeCloseTo(done - 25, 10);
  const foot: string[] = [];
  main.eachRow((row) => typeof row.getCell(1).value === 'string' && foot.push(row.getCell(1).value as string));
  expect(foot.some((l) => l.includes('序时进度为25.0%（3个月/12个月）'))).toBe(true);
});

test('a targets sheet inside the workbook is used as targets, not summarised as an indicator', async () => {
  const wb = await open(SAMPLE);
  const t = (await targetsWorkbook()).getWorksheet('目标任务') as ExcelJS.Worksheet;
  const ws = wb.addWorksheet('目标任务');
  t.eachRow((row, i) => (ws.getRow(i).values = (row.values as ExcelJS.CellValue[]).slice(1)));
  const input = out('own-targets.xlsx');
  await wb.xlsx.writeFile(input);
  const target = out('own-targets-out.xlsx');
  const r = await cli(['summarize', input, '-o', target, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('目标任务：地区生产总值、社会消费品零售总额');
  expect(r.out).toContain('8项指标');
});

test('-o with --json writes the copy and prints the summary as JSON (the summary is kept only when asked for)', async () => {
  const target = out('json.xlsx');
  const r = await cli(['summarize', SAMPLE, '-o', target, '--json']);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out);
  expect(json.tables.map((t: { indicator: string }) => t.indicator)).toContain('地区生产总值');
  expect((await open(target)).worksheets.map((w) => w.name)).toContain('分析要点');
});
