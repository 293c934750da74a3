/**
 * Issue 17, built without ../shared: accounting identities in an item list and across the columns of a
 * regional table, a bureau's own identity from the settings, a line above the heading it details, and
 * a city-wide item list against the total of a county sheet.
 */
import { checkWorkbook, IDENTITIES, identityFromDraft, identityOf, identityText, namePattern, parseSettings, patternName, RULE_IDS } from '../../../src/core/check';
import type { Finding, RuleId } from '../../../src/core/check';
import type { Grid } from '../../../src/core/grid';
import { gridFromValues } from '../../../src/core/grid';

const findings = (grids: Grid[], rule: RuleId, settings = {}): Finding[] => checkWorkbook({ grids }, { only: [rule], settings }).issues;
const items = (grids: Grid[], rule: RuleId, settings = {}): number => checkWorkbook({ grids }, { only: [rule], settings }).summary.find((s) => s.rule === rule)!.items;

/** 核算 as 邵阳 lays it out: GDP, then 按行业分 and 按产业分 sections (亿元, two decimals). */
function accounts(secondary = 169.97, gdp = 663.61): Grid {
  return gridFromValues(
    '核算5',
    [
      ['地区生产总值', null, null],
      [null, null, null],
      ['指  标', '2025年1-3月', null],
      [null, '绝对额(亿元)', '增速(%)'],
      ['一、地区生产总值（GDP）', gdp, 6.3],
      ['按行业分', null, null],
      ['  农、林、牧、渔业', 64.14, 3.8],
      ['  工业', 138.33, 7.4],
      ['  建筑业', 32.1, 5.1],
      ['  其他服务业', 429.04, 6.6],
      ['按产业分', null, null],
      ['第一产业', 59.6, 3.6],
      ['第二产业', secondary, 6.9],
      ['第三产业', 434.04, 6.5],
    ],
    { merges: ['A1:C1', 'B3:C3', 'A3:A4'], formats: Array.from({ length: 14 }, (_, r) => (r >= 4 ? [undefined, '0.00', '0.0'] : [])) },
  );
}

/** A yearbook table: cities down, GDP and its industries across (亿元 over GDP only). */
function cities(change?: { row: number; col: number; value: number }): Grid {
  const rows: (string | number | null)[][] = [
    ['各市地区生产总值', null, null, null, null, null],
    ['地区', '地区生产总值(亿元)', '第一产业', '第二产业', '工业', '第三产业'],
    ['东平市', 1000.5, 50.2, 400.1, 350.4, 550.2],
    ['西岭市', 800.3, 80.1, 300.1, 260.9, 420.1],
    ['南湖市', 600.6, 60.3, 250.2, 210.5, 290.1],
  ];
  if (change) rows[change.row][change.col] = change.value;
  return gridFromValues('城市', rows, { formats: rows.map((_, r) => (r >= 2 ? [undefined, '0.0', '0.0', '0.0', '0.0', '0.0'] : [])) });
}

describe('identity-mismatch', () => {
  test('an item list: 第一 + 第二 + 第三产业 = 地区生产总值, reported at GDP with every cell it used', () => {
    expect(findings([accounts()], 'identity-mismatch')).toEqual([]);
    expect(items([accounts()], 'identity-mismatch')).toBe(2); // GDP = 一+二+三, and 工业 ≤ 第二产业
    const f = findings([accounts(179.97)], 'identity-mismatch');
    expect(f).toEqual([
      expect.objectContaining({
        cell: 'B5',
        cells: ['B5', 'B12', 'B13', 'B14'],
        actual: 663.61,
        expected: 673.61,
        severity: 'error',
        message: '「地区生产总值(GDP)」为 663.61，但 第一产业 59.60 + 第二产业 179.97 + 第三产业 434.04 = 673.61（地区生产总值 = 第一产业 + 第二产业 + 第三产业，容差 0.02）',
      }),
    ]);
  });

  test('within the rounding of the shown figures, the identity holds (59.60 + 169.97 + 434.04 = 663.61 shown as 663.6 is fine)', () => {
    expect(findings([accounts(169.97, 663.62)], 'identity-mismatch')).toEqual([]);
    expect(findings([accounts(169.97, 663.64)], 'identity-mismatch')).toHaveLength(1);
  });

  test('a regional table: GDP = 一+二+三 and 工业 ≤ 第二产业 per city, the sector columns without a unit of their own', () => {
    expect(findings([cities()], 'identity-mismatch')).toEqual([]);
    expect(items([cities()], 'identity-mismatch')).toBe(6);
    const sum = findings([cities({ row: 3, col: 3, value: 330.1 })], 'identity-mismatch');
    expect(sum.map((f) => [f.cell, f.message])).toEqual([['B4', expect.stringMatching(/^西岭市「地区生产总值」为 800\.3，但 第一产业 80\.1 \+ 第二产业 330\.1 \+ 第三产业 420\.1 = 830\.3/)]]);
    const part = findings([cities({ row: 4, col: 4, value: 260.0 })], 'identity-mismatch');
    expect(part.map((f) => [f.cell, f.related?.cell, f.message])).toEqual([['E5', 'D5', '南湖市「工业」为 260.0，大于「第二产业」250.2（工业 ≤ 第二产业）']]);
  });

  test('a month\'s GDP（当月） adds up with the month\'s industries, never with the cumulative ones beside it; 工业投资 is not 工业', () => {
    const rows: (string | number | null)[][] = [
      ['各县主要指标', null, null, null, null, null, null, null, null, null, null],
      ['地区', '地区生产总值(万元)', '第一产业增加值(万元)', '第二产业增加值(万元)', '第三产业增加值(万元)', '地区生产总值（当月）(万元)', '第一产业增加值（当月）(万元)', '第二产业增加值（当月）(万元)', '第三产业增加值（当月）(万元)', '工业投资(万元)', '工业用电量(万千瓦时)'],
      ['甲县', 600, 100, 200, 300, 210, 30, 80, 100, 900, 5000],
      ['乙县', 900, 150, 350, 400, 320, 50, 120, 150, 800, 6000],
      ['丙县', 700, 120, 260, 320, 250, 40, 90, 120, 700, 7000],
    ];
    const grid = (change?: [number, number, number]) => {
      const r = rows.map((x) => [...x]);
      if (change) r[change[0]][change[1]] = change[2];
      return gridFromValues('县', r, { formats: r.map((_, i) => (i >= 2 ? Array(11).fill('0') : [])) });
    };
    expect(findings([grid()], 'identity-mismatch')).toEqual([]);
    expect(items([grid()], 'identity-mismatch')).toBe(6);
    expect(findings([grid([3, 7, 130])], 'identity-mismatch').map((f) => [f.cell, f.cells])).toEqual([['F4', ['F4', 'G4', 'H4', 'I4']]]);
  });

  test("a bureau's own identity from the settings (第二产业 = 工业 + 建筑业) is checked beside the standard ones", () => {
    const { settings, problems } = parseSettings({ identities: [{ name: '第二产业 = 工业 + 建筑业', whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'sum' }] }, RULE_IDS);
    expect(problems).toEqual([]);
    const f = findings([accounts()], 'identity-mismatch', settings);
    // 138.33 + 32.10 = 170.43 against 169.97
    expect(f).toEqual([expect.objectContaining({ cell: 'B13', expected: 170.43, message: expect.stringContaining('（第二产业 = 工业 + 建筑业') })]);
  });

  test("a bureau's own identity is silent where it holds (第二产业 170.43 = 工业 138.33 + 建筑业 32.10, GDP 664.07)", () => {
    const { settings } = parseSettings({ identities: [{ name: '第二产业 = 工业 + 建筑业', whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'sum' }] }, RULE_IDS);
    expect(findings([accounts(170.43, 664.07)], 'identity-mismatch', settings)).toEqual([]);
    expect(items([accounts(170.43, 664.07)], 'identity-mismatch', settings)).toBe(3);
  });

  test('an identity in the settings without a name is called by its relation in the finding', () => {
    const { settings } = parseSettings({ identities: [{ whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'sum' }] }, RULE_IDS);
    const [zh] = checkWorkbook({ grids: [accounts()] }, { only: ['identity-mismatch'], settings }).issues;
    expect(zh.message).toContain('（第二产业 = 工业 + 建筑业，容差');
    const [en] = checkWorkbook({ grids: [accounts()] }, { only: ['identity-mismatch'], settings, lang: 'en-US' }).issues;
    expect(en.message).toContain('(第二产业 = 工业 + 建筑业, tolerance');
  });

  test('identities in the settings are checked as they are read: a list of whole, parts (regular expressions) and kind', () => {
    for (const bad of [{}, [{ whole: '^a', parts: [], kind: 'sum' }], [{ whole: '(', parts: ['^b'], kind: 'sum' }], [{ whole: '^a', parts: ['^b'], kind: 'max' }]]) {
      const { settings, problems } = parseSettings({ identities: bad }, RULE_IDS);
      expect(settings.identities).toBeUndefined();
      expect(problems).toEqual([expect.stringContaining('设置项「identities」应是核算关系的列表')]);
    }
  });
});

describe("a bureau's own identities written by indicator name (the task pane's 自定义平衡关系)", () => {
  const add = (draft: Partial<Parameters<typeof identityFromDraft>[0]>, taken: string[] = [], lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
    identityFromDraft({ name: '', whole: '', parts: [], kind: 'sum', ...draft }, taken, lang);

  test('names become the patterns the catalogue uses: from the start of the name, specials escaped, numbering and unit dropped', () => {
    expect(namePattern('第二产业')).toBe('^第二产业');
    expect(namePattern(' 一、税收收入 ')).toBe('^税收收入');
    expect(namePattern('国有资源（资产）有偿使用收入')).toBe('^国有资源\\(资产\\)有偿使用收入');
    expect(namePattern('a.b+c*[d]')).toBe('^a\\.b\\+c\\*\\[d\\]');
    expect(new RegExp(namePattern('a.b+c')).test('a.b+c')).toBe(true);
    expect(new RegExp(namePattern('a.b+c')).test('axb+c')).toBe(false);
    expect(patternName(namePattern('国有资源（资产）有偿使用收入'))).toBe('国有资源(资产)有偿使用收入');
    expect(patternName('^第二产业')).toBe('第二产业');
    expect(patternName('^(?:全部)?工业(?!品|企业)')).toBe('^(?:全部)?工业(?!品|企业)');
    expect(identityText({ whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'part' }, 'zh-CN')).toBe('工业、建筑业 ≤ 第二产业');
    expect(identityText({ whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'part' }, 'en-US')).toBe('工业, 建筑业 ≤ 第二产业');
  });

  test('a draft becomes the settings format (named by its relation when no name is given); blank parts are left out', () => {
    expect(add({ whole: '第二产业', parts: ['工业', ' ', '建筑业'] })).toEqual({ identity: { name: '第二产业 = 工业 + 建筑业', whole: '^第二产业', parts: ['^工业', '^建筑业'], kind: 'sum' } });
    expect(add({ name: ' 二产 ', whole: '第二产业', parts: ['工业'], kind: 'part' })).toEqual({ identity: { name: '二产', whole: '^第二产业', parts: ['^工业'], kind: 'part' } });
  });

  test('what is wrong, field by field, in zh-CN and en-US', () => {
    expect(add({ whole: ' ', parts: ['', ''] })).toEqual({ problems: { whole: '请填写总量指标（各分项加总得到的指标）', parts: '请至少填写一个分项指标' } });
    expect(add({ whole: '', parts: [] }, [], 'en-US')).toEqual({ problems: { whole: 'Name the whole (the indicator the parts add up to)', parts: 'Name at least one part' } });
    expect(add({ whole: '第二产业', parts: ['工业', '第二产业'] })).toEqual({ problems: { parts: '分项「第二产业」与总量指标相同' } });
    expect(add({ whole: '第二产业', parts: ['工业', '工业'] }, [], 'en-US')).toEqual({ problems: { parts: 'The part "工业" is given twice' } });
    // the name of a standard identity, or of one of the bureau's, is taken (spaces do not make it another)
    const taken = [...IDENTITIES.flatMap((d) => Object.values(d.name)), '二产'];
    expect(add({ whole: '地区生产总值', parts: ['第一产业', '第二产业', '第三产业'] }, taken)).toEqual({
      problems: { name: '已有名为「地区生产总值 = 第一产业 + 第二产业 + 第三产业」的核算关系，请换一个名称' },
    });
    expect(add({ name: '二 产', whole: '第二产业', parts: ['工业'] }, taken, 'en-US')).toEqual({ problems: { name: 'There is already an identity named "二 产"; choose another name' } });
  });

  test('an identity written by name finds the planted error in an item list with numbered headings, and is silent on the clean one', () => {
    const budget = (tax: number, resource = 9000): Grid =>
      gridFromValues('财政', [
        ['一般公共预算收入', null],
        ['项目', '1-3月(万元)'],
        ['地方一般公共预算收入', 100000],
        ['一、税收收入', tax],
        ['  增值税', 40000],
        ['二、非税收入', 30000],
        ['  国有资源（资产）有偿使用收入', resource],
      ]);
    const own = ['地方一般公共预算收入 = 税收收入 + 非税收入', '国有资源（资产）有偿使用收入 ≤ 非税收入'].map((name, i) => {
      const r = add(i === 0 ? { name, whole: '地方一般公共预算收入', parts: ['一、税收收入', '二、非税收入'] } : { name, whole: '二、非税收入', parts: ['国有资源（资产）有偿使用收入'], kind: 'part' });
      if (!('identity' in r)) throw new Error(JSON.stringify(r));
      return identityOf(r.identity)!;
    });
    expect(findings([budget(70000)], 'identity-mismatch', { identities: own })).toEqual([]);
    expect(items([budget(70000)], 'identity-mismatch', { identities: own })).toBe(2);
    expect(findings([budget(71000)], 'identity-mismatch', { identities: own })).toEqual([
      expect.objectContaining({ cell: 'B3', actual: 100000, expected: 101000, message: '「地方一般公共预算收入」为 100,000，但 税收收入 71,000 + 非税收入 30,000 = 101,000（地方一般公共预算收入 = 税收收入 + 非税收入，容差 1.5）' }),
    ]);
    expect(findings([budget(70000, 31000)], 'identity-mismatch', { identities: own })).toEqual([
      expect.objectContaining({ cell: 'B7', related: { sheet: '财政', cell: 'B6' }, message: '「国有资源(资产)有偿使用收入」为 31,000，大于「非税收入」30,000（国有资源（资产）有偿使用收入 ≤ 非税收入）' }),
    ]);
  });
});

describe('part-exceeds-total in an item list', () => {
  const budget = (vat: number): Grid =>
    gridFromValues('财政', [
      ['一般公共预算收入', null, null],
      ['项目', '1-3月(万元)', '增长(%)'],
      ['一般公共预算收入', 100000, 4.1],
      ['一、税收收入', 70000, 3.0],
      ['  增值税', vat, 3.2],
      ['  企业所得税', 12000, 5.5],
      ['二、非税收入', 30000, 6.0],
      ['  专项收入', 9000, 2.1],
    ]);

  test('增值税 above 一、税收收入, the numbered heading it details, is found; its clean twin gives nothing', () => {
    expect(findings([budget(30000)], 'part-exceeds-total')).toEqual([]);
    expect(findings([budget(75000)], 'part-exceeds-total')).toEqual([expect.objectContaining({ cell: 'B5', actual: 75000, expected: 70000, related: { sheet: '财政', cell: 'B4' } })]);
  });

  test('increments are not bounded by their whole (a part may rise more than the whole when another fell)', () => {
    const g = gridFromValues('金融', [
      ['金融机构存款', null, null],
      ['项  目', '本月余额', '比年初增减额'],
      ['各项存款', 5084.58, 266.0],
      ['  住户存款', 4250.36, 268.87],
      ['  非金融企业存款', 377.52, -2.87],
    ]);
    expect(findings([g], 'part-exceeds-total')).toEqual([]);
  });
});

describe('figure-differs: a city-wide item list against the total of a county sheet', () => {
  const county = (total: number): Grid =>
    gridFromValues(
      '县域GDP',
      [
        ['地区生产总值', null, null],
        ['地区', '2025年1-3月', null],
        [null, '绝对额(万元)', '增速(%)'],
        ['全市', total, 6.3],
        ['东平区', 1636061, 5.1],
        ['西岭县', 2000000, 6.5],
        ['南湖县', 3000000, 7.0],
      ],
      { merges: ['B2:C2', 'A2:A3'], formats: Array.from({ length: 7 }, (_, r) => (r >= 3 ? [undefined, '0', '0.0'] : [])) },
    );

  test('663.61 亿元 is 6,636,061 万元: the same figure; 6,736,061 is not, and 核算5 says so', () => {
    expect(findings([accounts(), county(6636061)], 'figure-differs')).toEqual([]);
    expect(items([accounts(), county(6636061)], 'figure-differs')).toBe(2); // the value and the growth
    const f = findings([accounts(), county(6736061)], 'figure-differs');
    expect(f).toEqual([expect.objectContaining({ sheet: '核算5', cell: 'B5', related: { sheet: '县域GDP', cell: 'B4' }, message: '「地区生产总值」全市 为 663.61亿元，而「县域GDP」B4 为 6,736,061万元' })]);
  });

  test('two item lists that both have a 第三产业 line (investment, GDP) are not compared', () => {
    const investment = gridFromValues('投资', [
      ['固定资产投资', null, null],
      ['指  标', '2025年1-3月', null],
      [null, '绝对额(亿元)', '增速(%)'],
      ['固定资产投资', 300.5, 9.2],
      ['第一产业', 10.2, -3.0],
      ['第二产业', 120.1, 12.0],
      ['第三产业', 170.2, 8.0],
    ]);
    expect(items([accounts(), investment], 'figure-differs')).toBe(0);
  });
});
