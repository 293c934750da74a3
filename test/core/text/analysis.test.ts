/**
 * 分析要点 from summary results: every figure cited as its cell shows it, ranks and counts that agree
 * with the tables, no region the tables lack; on the real 邵阳 report, sentences written by hand from
 * its published tables.
 */
import fc from 'fast-check';
import { readFigure, shownValue } from '../../../src/core/figures';
import type { Grid } from '../../../src/core/grid';
import { cellAt, parseAddress } from '../../../src/core/grid';
import { readWorkbook } from '../../../src/core/layout';
import { summarize } from '../../../src/core/summarize';
import { analyse, analysisText, rankWords, shown } from '../../../src/core/text';
import { readWorkbookFile } from '../../../src/workbook/read/file';
import { describeReal } from '../../support/realFixtures';
import { COUNTY_VALUE, SHAOYANG_COUNTIES, competition, countySheet } from '../layout/sheets';

/** A county sheet with the growth given (one decimal), ranks published as the table ranks them. */
function sheet(name: string, growth: number[], total: number): Grid {
  const ranks = competition(growth);
  return countySheet({
    name,
    title: `2025年1-3月各县市区${name}`,
    lines: SHAOYANG_COUNTIES.map((n, i) => ({ name: n, value: COUNTY_VALUE[i], growth: growth[i], rank: ranks[i] })),
    total: { name: '全市', value: COUNTY_VALUE.reduce((a, b) => a + b, 0), growth: total, position: 'first' },
  });
}

const growthArb = fc.array(fc.integer({ min: -300, max: 600 }).map((x) => x / 10), { minLength: 12, maxLength: 12 });

describe('analyse (property)', () => {
  test('every cited figure is its cell as shown; every rank and count agrees with the tables; no region the tables lack', () => {
    fc.assert(
      fc.property(growthArb, growthArb, fc.integer({ min: -100, max: 300 }), (a, b, tg) => {
        const grids = [sheet('一般公共预算收入', a, tg / 10), sheet('税收收入', b, tg / 10)];
        const result = summarize(readWorkbook(grids), grids);
        const text = analyse(result, { lang: 'zh-CN', region: '武冈' });
        const byName = new Map(grids.map((g) => [g.name, g]));
        for (const p of text.paragraphs) {
          for (const s of p.sentences) {
            for (const f of s.figures) {
              expect(s.text).toContain(f.text);
              const at = parseAddress(f.cell);
              const cell = readFigure(cellAt(byName.get(f.sheet)!, at.row, at.col));
              expect(cell.kind).toBe('number');
              if (cell.kind !== 'number') continue;
              expect(f.value).toBe(shownValue(cell));
              // a number is the cell as shown (its sign said in words); 持平 cites the cell without one
              if (/^\d/.test(f.text)) expect(f.text).toBe(f.scale ? shown(Math.abs(f.value) * f.scale, 2) : shown(Math.abs(f.value), cell.decimals));
              else expect(f.text).toBe('持平');
            }
            // negative growth is never written with a sign, and never as 增长
            expect(s.text).not.toMatch(/增长-|下降-/);
          }
        }
        // region paragraphs: exactly the regions of the tables, each rank sentence as the rank column says
        const regions = new Set(result.tables.flatMap((t) => t.rows.map((r) => r.region)));
        for (const p of text.paragraphs.filter((x) => x.kind === 'region')) {
          expect(regions.has(p.title)).toBe(true);
          for (const t of result.tables) {
            const r = t.rows.find((x) => x.region === p.title)!;
            if (r.rank === null) continue;
            const said = p.sentences.find((s) => s.text.startsWith(t.indicator))!;
            expect(said.text).toContain(`增速${rankWords({ rank: r.rank, tied: r.tied, fromBottom: r.fromBottom, peers: t.peers }, '全市', 'zh-CN')}`);
          }
        }
        // counts above and below the total
        for (const t of result.tables) {
          const p = text.paragraphs.find((x) => x.kind === 'indicator' && x.about === t.indicator);
          const tgShown = t.totalRow?.growthShown;
          if (!p || tgShown == null) continue;
          const above = t.rows.filter((r) => r.growthShown !== null && r.growthShown > tgShown).length;
          const below = t.rows.filter((r) => r.growthShown !== null && r.growthShown < tgShown).length;
          expect(p.sentences.some((s) => s.text.includes(`有${above}个增速高于全市，${below}个低于全市`))).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('analyse (cases)', () => {
  const growth = [8.2, 7.5, 6.9, 10.3, 5.4, 9.1, 4.8, 6.1, 3.7, 7.8, 2.9, 8.8];

  test('the fastest and the slowest, the counts, and the falls with 分别', () => {
    const g = [...growth];
    g[3] = -2.5; // 邵东市
    g[10] = -0.04; // 城步: shown as -0.0, 持平, not a fall
    const grids = [sheet('税收收入', g, 6.0)];
    const a = analyse(summarize(readWorkbook(grids), grids));
    const p = a.paragraphs.find((x) => x.kind === 'indicator')!;
    expect(p.sentences.map((s) => s.text)).toEqual([
      '县市区中，增速最快的是邵阳县（增长9.1%），最慢的是邵东市（下降2.5%）。',
      '12个县市区中，有7个增速高于全市，5个低于全市。',
      '邵东市下降2.5%。',
    ]);
  });

  test('a tie at the top is named with both regions; ranks are said with 并列', () => {
    const g = [...growth];
    g[0] = 10.3; // 双清区 ties 邵东市 at 10.3
    const grids = [sheet('税收收入', g, 6.0)];
    const a = analyse(summarize(readWorkbook(grids), grids));
    expect(a.paragraphs.find((x) => x.kind === 'indicator')!.sentences[0].text).toBe('县市区中，增速最快的是双清区、邵东市（增长10.3%），最慢的是城步苗族自治县（增长2.9%）。');
    expect(a.paragraphs.find((x) => x.title === '双清区')!.sentences[0].text).toContain('增速居全市并列第1位');
  });

  test('a leadership summary groups the indicators by place; an error of the checks keeps its indicator out', () => {
    const grids = [sheet('一般公共预算收入', growth, 6.0), sheet('税收收入', growth, 6.0)];
    const result = summarize(readWorkbook(grids), grids);
    const a = analyse(result, { region: '邵东' });
    const lead = a.paragraphs.find((x) => x.kind === 'leadership')!;
    expect(lead.sentences.map((s) => s.text)).toEqual(['一般公共预算收入、税收收入两项指标增速居全市第1位。', '两项指标中，有2项增速高于全市，0项低于全市。']);
    const withError = analyse(result, { findings: [{ sheet: '税收收入', cell: 'D8', rule: 'rank-mismatch', severity: 'error', message: '' }] });
    expect(withError.paragraphs.some((p) => p.sentences.some((s) => s.text.includes('税收收入')))).toBe(false);
    expect(withError.leftOut).toEqual(['「税收收入」（税收收入）有待更正的错误，未写入分析。']);
  });

  test('one region only: no fastest/slowest, no counts; a sum in 万元 of 1亿 or more is said in 亿元', () => {
    const grids = [
      countySheet({ name: '税收收入', lines: [{ name: '双清', value: 123456, growth: 5.5, rank: 1 }], total: { name: '全市', value: 2345678, growth: 6.1, position: 'first' } }),
    ];
    const a = analyse(summarize(readWorkbook(grids), grids));
    expect(a.paragraphs.some((p) => p.kind === 'indicator')).toBe(false);
    expect(a.paragraphs.find((p) => p.kind === 'total')!.sentences[0].text).toBe('一般公共预算收入234.57亿元，增长6.1%。');
  });

  test('a level whose unit the table does not say is left out (never 第一产业828.17); its growth is still said', () => {
    const grids = [countySheet({ name: '税收收入', headers: ['绝对额', '增速(%)', '排名'] })];
    const a = analyse(summarize(readWorkbook(grids), grids));
    const total = a.paragraphs.find((p) => p.kind === 'total')!.sentences[0];
    expect(total.text).toBe('一般公共预算收入增长7.4%。');
    expect(total.figures.map((f) => f.cell)).toEqual(['C5']);
  });

  test('more than ten falls are counted, not listed; over regionsMax regions no paragraph per region, and a note says so', () => {
    const g = growth.map((x, i) => (i < 11 ? -x : x));
    const grids = [sheet('税收收入', g, -3.0)];
    const result = summarize(readWorkbook(grids), grids);
    const a = analyse(result, { region: '武冈' });
    const p = a.paragraphs.find((x) => x.kind === 'indicator')!;
    expect(p.sentences[p.sentences.length - 1]).toEqual({ text: '有11个县市区下降。', figures: [] });
    expect(a.paragraphs.filter((x) => x.kind === 'region')).toHaveLength(12);
    expect(a.notes).toBeUndefined();
    const capped = analyse(result, { region: '武冈', regionsMax: 11 });
    expect(capped.paragraphs.filter((x) => x.kind === 'region')).toEqual([]);
    // the key points of the region picked are still written
    expect(capped.paragraphs.filter((x) => x.kind === 'leadership').map((x) => x.title)).toEqual(['武冈市']);
    expect(capped.notes).toEqual(['共12个地区，多于11个，未逐一写出分地区段落；可在任务窗格或用 indicator-tables text 命令按地区查看。']);
    expect(analysisText(capped)).toContain('\n共12个地区，多于11个');
    expect(analyse(result, { regionsMax: 12 }).paragraphs.filter((x) => x.kind === 'region')).toHaveLength(12);
  });

  test('no total row: the whole is not named (居第1位, 地区中), never a 全市 the table does not have', () => {
    const ranks = competition(growth);
    const grids = [countySheet({ name: '税收收入', lines: SHAOYANG_COUNTIES.map((n, i) => ({ name: n, value: COUNTY_VALUE[i], growth: growth[i], rank: ranks[i] })), total: false })];
    const a = analyse(summarize(readWorkbook(grids), grids), { region: '邵东' });
    expect(JSON.stringify(a)).not.toContain('全市');
    expect(a.paragraphs.find((p) => p.kind === 'indicator')!.sentences[0].text).toBe('地区中，增速最快的是邵东市（增长10.3%），最慢的是城步苗族自治县（增长2.9%）。');
    expect(a.paragraphs.find((p) => p.title === '邵东市' && p.kind === 'region')!.sentences[0].text).toContain('增速居第1位');
    expect(a.paragraphs.find((p) => p.kind === 'leadership')!.sentences[0].text).toBe('一般公共预算收入增速居第1位。');
    const en = analyse(summarize(readWorkbook(grids), grids), { lang: 'en-US', region: '邵东' });
    expect(en.paragraphs.find((p) => p.kind === 'leadership')!.sentences[0].text).toBe('一般公共预算收入: growth 1st of 12.');
  });

  test('text and Markdown: a heading per part, one line per paragraph', () => {
    const grids = [sheet('税收收入', growth, 6.0)];
    const a = analyse(summarize(readWorkbook(grids), grids), { lang: 'en-US' });
    const md = analysisText(a, 'md');
    expect(md).toMatch(/^## Overall\n/);
    expect(md).toContain('\n## By region\n');
    expect(analysisText(a, 'txt').split('\n')[0]).toBe('Overall');
  });
});

describeReal('shaoyang-monthly-2025-03.xlsx', (file) => {
  test('sentences a statistician writes from the published tables', async () => {
    const grids = (await readWorkbookFile(file)).grids();
    const result = summarize(readWorkbook(grids), grids);
    const a = analyse(result, { region: '隆回' });
    const text = analysisText(a);
    // 规模工业增加值: 全市 8.8%, 隆回 13.0% is the fastest, 4.2 points above 全市, first of 12
    expect(text).toContain('规模工业增加值：县市区中，增速最快的是隆回（增长13.0%）');
    expect(text).toContain('规模工业增加值增长13.0%，高于全市4.2个百分点，增速居全市第1位。');
    // 地区生产总值 of 全市: 663.61亿元 (6,636,061万元 in 23核算处1), 6.3% at comparable prices
    expect(text).toContain('地区生产总值663.61亿元，增长6.3%（按可比价计算）。');
    // 邵阳经开区 is listed with its figure, never ranked
    const zone = a.paragraphs.find((p) => p.title === '邵阳经开区')!;
    expect(zone.sentences.map((s) => s.text)).toEqual(['外商直接投资162.0万美元。']);
    expect(a.paragraphs.find((p) => p.kind === 'leadership')!.title).toBe('隆回');
  });
});
