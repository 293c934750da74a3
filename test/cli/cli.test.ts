import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { run } from '../../src/cli/main';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
let county: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-cli-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('县域GDP');
  ws.getCell('A1').value = '地区生产总值';
  ws.mergeCells('A1:D1');
  ws.getCell('A3').value = '地  区';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = '2025年1-3月';
  ws.mergeCells('B3:D3');
  ws.getCell('B4').value = '绝对额(万元)';
  ws.getCell('C4').value = '增速(%)';
  ws.getCell('D4').value = '排名';
  const rows: [string, number, number, number | null][] = [
    ['全市', 1000000, 6.305, null],
    ['城东区', 300000, 9.66, 2],
    ['城西区', 250000, 9.7, 2],
    ['平江县', 200000, 4.2, 4],
    ['石门市', 250000, 3.1, 1], // published rank is wrong on purpose: it should be 5
    ['新安', 0, 12.0, 1],
  ];
  rows.forEach(([name, value, growth, rk], i) => {
    const r = ws.getRow(5 + i);
    r.getCell(1).value = name;
    r.getCell(2).value = value;
    r.getCell(2).numFmt = '0_ ';
    r.getCell(3).value = growth;
    r.getCell(3).numFmt = '0.0_ ';
    if (rk !== null) r.getCell(4).value = rk;
  });
  ws.getCell('C10').value = '—';
  county = path.join(dir, 'county.xlsx');
  await wb.xlsx.writeFile(county);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test('--help lists the commands', async () => {
  const r = await cli(['--help']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('inspect');
  expect(r.out).toContain('summarize');
});

test('inspect --json reports the table, its total, regions and columns', async () => {
  const r = await cli(['inspect', county, '--json']);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  const t = j.sheets[0].tables[0];
  expect(t).toMatchObject({ range: 'A3:D10', shape: 'regions', title: '地区生产总值', period: '2025年1-3月', total: { name: '全市', row: 5 } });
  expect(t.regions.map((x: { name: string }) => x.name)).toEqual(['城东区', '城西区', '平江县', '石门市', '新安']);
  expect(t.columns.map((c: { col: string; measure: string; unit: string | null }) => [c.col, c.measure, c.unit])).toEqual([
    ['B', 'value', '万元'],
    ['C', 'growth', '%'],
    ['D', 'rank', null],
  ]);
});

test('summarize --json ranks on the displayed growth and flags a wrong published rank', async () => {
  const r = await cli(['summarize', county, '--json']);
  expect(r.code).toBe(0);
  const t = JSON.parse(r.out).tables[0];
  const byName = Object.fromEntries(t.rows.map((x: { region: string }) => [x.region, x]));
  expect(byName['城东区']).toMatchObject({ growth: 9.7, rank: 1, tied: true, publishedRank: 2, pointsVsTotal: 3.4 });
  expect(byName['城西区']).toMatchObject({ growth: 9.7, rank: 1, tied: true });
  expect(byName['平江县']).toMatchObject({ rank: 3 });
  expect(byName['石门市']).toMatchObject({ rank: 4, publishedRank: 1 });
  expect(byName['新安']).toMatchObject({ rank: null });
  expect(t.unranked).toEqual([{ region: '新安', row: 10, why: expect.any(String) }]);
  expect(t.total).toMatchObject({ name: '全市', growth: 6.3 });
});

test('summarize --ties dense and --rank-by value', async () => {
  const dense = JSON.parse((await cli(['summarize', county, '--json', '--ties', 'dense'])).out).tables[0];
  expect(dense.rows.find((x: { region: string }) => x.region === '平江县').rank).toBe(2);
  const byValue = JSON.parse((await cli(['summarize', county, '--json', '--rank-by', 'value'])).out).tables[0];
  expect(byValue.rankBy).toBe('value');
  expect(byValue.rows.find((x: { region: string }) => x.region === '城东区').rank).toBe(1);
});

test('plain output is a zh-CN table by default and en-US on request', async () => {
  const zh = await cli(['summarize', county]);
  expect(zh.out).toContain('按增速排名');
  expect(zh.out).toContain('公布位次');
  expect(zh.out).toContain('公布位次与计算不符：石门市');
  const en = await cli(['summarize', county, '--lang', 'en-US']);
  expect(en.out).toContain('ranked by growth');
  expect(en.out).toContain('Published rank differs: 石门市');
});

test('files that cannot be read give one line and exit status 2', async () => {
  const missing = await cli(['inspect', path.join(dir, 'nope.xlsx')]);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/^找不到文件/);
  const xls = path.join(dir, 'old.xls');
  await fs.writeFile(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
  expect((await cli(['inspect', xls])).err).toContain('.xls');
  const enc = path.join(dir, 'secret.xlsx');
  await fs.writeFile(enc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.from('EncryptionInfo', 'utf16le')]));
  const encrypted = await cli(['inspect', enc, '--lang', 'en-US']);
  expect(encrypted).toMatchObject({ code: 2 });
  expect(encrypted.err).toContain('password-protected');
  const csv = path.join(dir, 'data.csv');
  await fs.writeFile(csv, '地区,增速\n城东,9.7\n');
  expect((await cli(['inspect', csv])).code).toBe(2);
  const broken = path.join(dir, 'broken.xlsx');
  await fs.writeFile(broken, Buffer.from('PK\u0003\u0004 not really a zip'));
  const b = await cli(['inspect', broken]);
  expect(b.code).toBe(2);
  expect(b.err.trim().split('\n')).toHaveLength(1);
});

test('an unknown sheet or a bad option value exits with 2', async () => {
  expect((await cli(['inspect', county, '--sheet', '没有这个表'])).code).toBe(2);
  expect((await cli(['summarize', county, '--ties', 'olympic'])).code).toBe(2);
});

test('summarize leaves a development zone and 市辖区 out of the ranking, says so in inspect, and --zones-as-peers puts them back', async () => {
  const { balanceSheet } = await import('../support/fixtures');
  const { buffer } = await balanceSheet({ zone: '安平经开区' });
  const file = path.join(dir, 'balances.xlsx');
  await fs.writeFile(file, buffer);
  const byDefault = JSON.parse((await cli(['summarize', file, '--json'])).out).tables[0];
  expect(byDefault.peers).toBe(9);
  expect(byDefault.unranked.map((u: { region: string }) => u.region)).toEqual(['市辖区', '安平经开区']);
  const all = JSON.parse((await cli(['summarize', file, '--json', '--zones-as-peers'])).out).tables[0];
  expect(all.peers).toBe(11);
  const inspect = await cli(['inspect', file, '--lang', 'zh-CN']);
  expect(inspect.out).toContain('不参与排名：安平经开区（第16行，开发区，不是县市区的同级；要参与排名用 --zones-as-peers 或在“修正”中勾选）');
  expect(inspect.out).toContain('不参与排名：市辖区（第6行，代表几个区的合计');
  const json = JSON.parse((await cli(['inspect', file, '--json'])).out);
  expect(json.sheets[0].tables[0].regions.filter((r: { apart?: string }) => r.apart).map((r: { name: string; apart: string }) => [r.name, r.apart])).toEqual([
    ['市辖区', 'districts'],
    ['安平经开区', 'zone'],
  ]);
});

test('text writes the analysis of the sample: overall, by indicator, by region, key points for a region; JSON keeps the cited cells', async () => {
  const sample = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');
  const r = await cli(['text', sample, '--region', '石门', '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  const lines = r.out.split('\n');
  expect(lines[0]).toBe('总体情况');
  expect(r.out).toContain('全市：地区生产总值537.69亿元，增长6.1%（按可比价计算）。');
  expect(r.out).toContain('地方一般公共预算收入：县市区中，增速最快的是新安（增长21.1%），最慢的是清河（下降14.1%）。');
  expect(lines).toContain('要点');
  // 固定资产投资 has the planted wrong rank (an error): left out, and said so
  expect(r.out).toContain('「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。');
  expect(r.out).not.toMatch(/固定资产投资\d/);
  const json = JSON.parse((await cli(['text', sample, '--format', 'json'])).out);
  const gdp = json.paragraphs[0].sentences[0];
  expect(gdp.figures).toEqual([
    { text: '537.69', value: 5376902, sheet: '地区生产总值', cell: 'B5', scale: 0.0001 },
    { text: '6.1', value: 6.1, sheet: '地区生产总值', cell: 'C5' },
  ]);
  const missing = await cli(['text', sample, '--region', '火星', '--lang', 'zh-CN']);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('表中没有地区「火星」');
});

test('text with targets: 完成年度目标 against 序时进度, from --targets or from the workbook\'s own sheet of targets (not read as figures)', async () => {
  const sample = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(sample);
  const gdp = wb.getWorksheet('地区生产总值') as ExcelJS.Worksheet;
  const rows: [string, number][] = [];
  gdp.eachRow((r, i) => {
    if (i >= 5 && typeof r.getCell(1).value === 'string' && typeof r.getCell(2).value === 'number') rows.push([r.getCell(1).value as string, r.getCell(2).value as number]);
  });
  // targets in 亿元 (the sample is in 万元): 1-3月 completes a quarter of each, 序时进度 is 25.0%
  const fill = (ws: ExcelJS.Worksheet) => {
    ws.getCell('A1').value = '2025年各县市区年度目标任务';
    ws.getRow(2).values = ['地区', '地区生产总值（亿元）'];
    rows.forEach(([name, value], i) => (ws.getRow(3 + i).values = [name, Math.round((value * 4) / 100) / 100]));
  };
  const own = new ExcelJS.Workbook();
  fill(own.addWorksheet('目标任务'));
  const targets = path.join(dir, 'text-targets.xlsx');
  await own.xlsx.writeFile(targets);
  const r = await cli(['text', sample, '--targets', targets, '--lang', 'zh-CN']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('全市：地区生产总值537.69亿元，增长6.1%（按可比价计算），完成年度目标的25.0%，与序时进度持平。');
  expect(r.out).toMatch(/个县市区中，有0个超序时进度，0个落后序时进度，\d+个与序时进度持平。/);
  fill(wb.addWorksheet('目标任务'));
  const inside = path.join(dir, 'sample-with-targets.xlsx');
  await wb.xlsx.writeFile(inside);
  const r2 = await cli(['text', inside, '--lang', 'zh-CN']);
  expect(r2.code).toBe(0);
  expect(r2.out).toBe(r.out);
  const plain = await cli(['text', sample, '--lang', 'zh-CN']);
  expect(plain.out).not.toContain('序时进度');
});
