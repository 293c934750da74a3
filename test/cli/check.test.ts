import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';
import type { CheckResult } from '../../src/core/check';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;

/** A county sheet: 全市 first, then regions with value, growth and published rank. */
async function countyFile(name: string, rows: [string, number, number | string, number | null][], period = '2025年1-3月'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('县域GDP');
  ws.getCell('A1').value = '社会消费品零售总额';
  ws.mergeCells('A1:D1');
  ws.getCell('A3').value = '地  区';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = period;
  ws.mergeCells('B3:D3');
  ws.getCell('B4').value = '绝对额(万元)';
  ws.getCell('C4').value = '增速(%)';
  ws.getCell('D4').value = '排名';
  rows.forEach(([label, value, growth, rk], i) => {
    const r = ws.getRow(5 + i);
    r.getCell(1).value = label;
    r.getCell(2).value = value;
    r.getCell(2).numFmt = '0_ ';
    r.getCell(3).value = growth;
    r.getCell(3).numFmt = '0.0_ ';
    if (rk !== null) r.getCell(4).value = rk;
  });
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const CLEAN: [string, number, number, number | null][] = [
  ['全市', 1000000, 6.3, null],
  ['城东区', 300000, 9.7, 1],
  ['城西区', 250000, 8.1, 2],
  ['平江县', 200000, 4.2, 4],
  ['石门市', 150000, 5.0, 3],
  ['新安县', 100000, 3.1, 5],
];

let clean: string;
let wrong: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-check-'));
  clean = await countyFile('clean.xlsx', CLEAN);
  // 石门 published 1 (should be 3); 全市 10,000 below the sum of its regions (a total above it would be 市本级).
  wrong = await countyFile('wrong.xlsx', [
    ['全市', 990000, 6.3, null],
    ['城东区', 300000, 9.7, 1],
    ['城西区', 250000, 8.1, 2],
    ['平江县', 200000, 4.2, 4],
    ['石门市', 150000, 5.0, 1],
    ['新安县', 100000, 3.1, 5],
  ]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('a clean workbook: exit 0, no findings, the per-rule summary', async () => {
  const r = await cli(['check', clean]);
  expect(r.code).toBe(0);
  expect(r.out).toContain('未发现问题。');
  expect(r.out).toMatch(/total-mismatch 合计不等于分项之和\s+硬性\s+错误\s+1\s+1\s+0\s+0/);
  expect(r.out).toMatch(/rank-mismatch 位次与公布数不符\s+硬性\s+错误\s+5\s+5\s+0\s+0/);
});

test('errors: exit 1, findings grouped by sheet and severity, on their cells', async () => {
  const r = await cli(['check', wrong]);
  expect(r.code).toBe(1);
  expect(r.err).toBe('');
  expect(r.out).toContain('工作表「县域GDP」');
  expect(r.out).toContain('  错误 (2)');
  expect(r.out).toContain('B5  「社会消费品零售总额」全市 990,000，而 5 个地区之和为 1,000,000，相差 10,000（容差 ±3）  [total-mismatch]');
  expect(r.out).toContain('D9  「社会消费品零售总额」石门市 公布位次为第1位，按增速 5.0% 应为第3位  [rank-mismatch]');
  expect(r.out).toContain('共 2 个错误、0 个疑问、0 个提示（1 张工作表）。');
});

test('--json prints { issues, summary, notes } with expected, actual and tolerance', async () => {
  const r = await cli(['check', wrong, '--json']);
  expect(r.code).toBe(1);
  const result = JSON.parse(r.out) as CheckResult;
  expect(result.issues).toEqual([
    expect.objectContaining({ sheet: '县域GDP', cell: 'B5', rule: 'total-mismatch', severity: 'error', expected: 1000000, actual: 990000, tolerance: expect.closeTo(3, 6) }),
    expect.objectContaining({ sheet: '县域GDP', cell: 'D9', rule: 'rank-mismatch', severity: 'error', expected: 3, actual: 1 }),
  ]);
  const rank = result.summary.find((s) => s.rule === 'rank-mismatch');
  expect(rank).toEqual({ rule: 'rank-mismatch', kind: 'hard', severity: 'error', items: 5, passes: 4, fails: 1, findings: 1 });
  expect(result.notes.join(' ')).toContain('--previous');
});

test('--lang en-US writes the findings and the summary in English', async () => {
  const r = await cli(['check', wrong, '--lang', 'en-US']);
  expect(r.code).toBe(1);
  expect(r.out).toContain('Sheet "县域GDP"');
  expect(r.out).toContain('"社会消费品零售总额": 石门市 is ranked 1 but its growth 5.0% ranks 3');
  expect(r.out).toContain('2 errors, 0 warnings, 0 notes (1 sheet(s)).');
});

test('--config switches rules off and changes severities; a bad config exits 2 with every problem listed', async () => {
  const config = path.join(dir, 'config.json');
  await fs.writeFile(config, JSON.stringify({ rules: { 'rank-mismatch': 'off', 'total-mismatch': 'warning' }, growthOutlier: 40 }));
  const r = await cli(['check', wrong, '--config', config, '--json']);
  expect(r.code).toBe(0);
  const result = JSON.parse(r.out) as CheckResult;
  expect(result.issues.map((i) => [i.rule, i.severity])).toEqual([['total-mismatch', 'warning']]);
  expect(result.summary.some((s) => s.rule === 'rank-mismatch')).toBe(false);

  const bad = path.join(dir, 'bad.json');
  await fs.writeFile(bad, JSON.stringify({ growthOutlier: 'high', rules: { 'no-such-rule': 'off' }, colour: 1 }));
  const b = await cli(['check', wrong, '--config', bad]);
  expect(b.code).toBe(2);
  expect(b.out).toBe('');
  expect(b.err).toContain('设置项「growthOutlier」应是 0 到 1000000 之间的数字');
  expect(b.err).toContain('未知的规则「no-such-rule」');
  expect(b.err).toContain('未知的设置项「colour」');

  const broken = path.join(dir, 'broken.json');
  await fs.writeFile(broken, '{ "growthOutlier": 30, ');
  const c = await cli(['check', wrong, '--config', broken, '--lang', 'en-US']);
  expect(c.code).toBe(2);
  expect(c.err).toContain('The settings file is not valid JSON');
  const d = await cli(['check', wrong, '--config', path.join(dir, 'none.json')]);
  expect(d.code).toBe(2);
  expect(d.err).toContain('无法读取设置文件');
});

test('--config period: a sheet labelled with another period is questioned', async () => {
  const config = path.join(dir, 'period.json');
  await fs.writeFile(config, JSON.stringify({ period: '2025年1-4月' }));
  const r = await cli(['check', clean, '--config', config, '--json']);
  expect(r.code).toBe(0);
  const result = JSON.parse(r.out) as CheckResult;
  expect(result.issues).toEqual([expect.objectContaining({ rule: 'period-mismatch', cell: 'B3', severity: 'warning', actual: '2025年1-3月', expected: '2025年1-4月' })]);
});

test('files that cannot be read exit 2, also the previous report', async () => {
  const missing = await cli(['check', path.join(dir, 'nope.xlsx')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('找不到文件');
  const prev = await cli(['check', clean, '--previous', path.join(dir, 'nope.xlsx')]);
  expect(prev.code).toBe(2);
  expect(prev.err).toContain('找不到文件');
});

test('--previous is read and the note about it disappears', async () => {
  const r = await cli(['check', clean, '--previous', clean, '--json']);
  const result = JSON.parse(r.out) as CheckResult;
  expect(result.notes.join(' ')).not.toContain('--previous');
});
