/**
 * The add-in's work without React: the session reads the workbook open in (fake)
 * Excel, checks it, marks and unmarks cells, and writes the summary sheets, keeping
 * the user's choices in the workbook's settings.
 */
import { ExcelAdapterError } from '../../src/workbook/excel';
import { AddinSession, MemoryStore, errorText, quickSummary } from '../../src/addin';
import { MARK_FILL, MARKS_SHEET } from '../../src/core/marks';
import { REGISTRY_SHEET } from '../../src/core/summary';
import { cellAt, gridFromValues } from '../../src/core/grid';
import { fakeFromGrids } from '../support/fakeExcel/fromGrid';
import { adapterOn } from '../workbook/excel/support';
import { sampleGridsOnce, sampleSession } from './support';

const RANK_SHEET = '固定资产投资';

describe('AddinSession on the sample county report', () => {
  test('reading lists the tables of the user sheets in three syncs', async () => {
    const { book, session } = await sampleSession();
    book.resetStats();
    const tables = await session.read();
    expect(book.stats.syncs).toBe(3);
    const gdp = tables.find((t) => t.sheet === '地区生产总值')!;
    expect(gdp).toMatchObject({ shape: 'regions', period: '2025年1-3月', regions: 12, enabled: true, corrected: false });
    expect(gdp.total).toMatchObject({ name: '全市', row: 4 });
    expect(gdp.columns.map((c) => c.measure)).toEqual(expect.arrayContaining(['value', 'growth']));
    expect(tables.some((t) => t.sheet === '目录')).toBe(false);
    expect(session.indicatorNames).toEqual(expect.arrayContaining(['地区生产总值', '固定资产投资']));
  });

  test('检查数据 finds the planted wrong rank; going to it selects its cell', async () => {
    const { book, session } = await sampleSession();
    const result = await session.check();
    const wrong = result.issues.find((f) => f.rule === 'rank-mismatch')!;
    expect(wrong).toMatchObject({ sheet: RANK_SHEET, cell: 'C10', severity: 'error' });
    expect(wrong.message).toContain('安平县 公布位次为第11位');
    book.resetStats();
    await session.goTo(wrong);
    expect(book.stats.syncs).toBe(1);
    expect(book.activeSheet).toBe(RANK_SHEET);
    expect(book.selection).toEqual({ sheet: RANK_SHEET, address: 'C10' });
  });

  test('a confirmed finding is saved in the workbook, survives a re-check, and is not marked', async () => {
    const { book, store, session } = await sampleSession();
    const result = await session.check();
    const outlier = result.issues.find((f) => f.rule === 'growth-outlier' && f.sheet === '进出口' && f.cell === 'C10')!;
    await session.accept(outlier, '新投产外贸企业拉动', '2026-03-05T02:00:00.000Z');
    expect(JSON.parse(store.text!).accepted).toEqual([
      { rule: 'growth-outlier', sheet: '进出口', cell: 'C10', actual: String(outlier.actual), note: '新投产外贸企业拉动', at: '2026-03-05T02:00:00.000Z' },
    ]);
    const again = await session.check();
    expect(again.issues.find((f) => f.cell === 'C10' && f.sheet === '进出口')!.accepted?.note).toBe('新投产外贸企业拉动');

    book.resetStats();
    const marked = await session.mark();
    expect(book.stats.syncs).toBe(3);
    expect(marked.cells).toBeGreaterThan(0);
    const rankCell = book.sheet(RANK_SHEET)!.cell(9, 2);
    expect(rankCell.fill.color).toBe(MARK_FILL.error);
    expect(book.sheet('进出口')!.cell(8, 2).fill.color).toBeNull();
    expect(book.sheets().map((s) => s.name)).toContain(MARKS_SHEET);

    book.resetStats();
    const cleared = await session.unmark();
    expect(book.stats.syncs).toBe(3);
    expect(cleared.cells).toBe(marked.cells);
    expect(book.sheet(RANK_SHEET)!.cell(9, 2).fill.color).toBeNull();
  });

  test('switching a sheet off and correcting a total are saved and change what is checked', async () => {
    const { store, session } = await sampleSession();
    await session.read();
    await session.setEnabled('进出口', false);
    await session.correct('地区生产总值', { totalRow: null });
    const saved = JSON.parse(store.text!);
    expect(saved.skipSheets).toEqual(['进出口']);
    expect(saved.overrides).toEqual({ 地区生产总值: { totalRow: null } });
    expect(session.tables.find((t) => t.sheet === '地区生产总值')).toMatchObject({ total: null, corrected: true });
    const result = await session.check();
    expect(result.issues.some((f) => f.sheet === '进出口')).toBe(false);
    await session.resetCorrections('地区生产总值');
    expect(session.tables.find((t) => t.sheet === '地区生产总值')!.total?.name).toBe('全市');
  });

  test("the bureau's own identities (自定义平衡关系) are saved in the workbook, checked, named by the user's name, and used by 审核结果", async () => {
    const { book, store, session } = await sampleSession();
    const before = await session.check();
    expect(before.issues.filter((f) => f.rule === 'identity-mismatch')).toEqual([]);
    // holds in the sample (3,117,060 + 2,683,903 = 5,800,963): silent
    const holds = { name: '收入 = 税收 + 非税', whole: '^地方一般公共预算收入', parts: ['^税收收入', '^非税收入'], kind: 'sum' as const };
    await session.setIdentities([holds]);
    expect(JSON.parse(store.text!).identities).toEqual([holds]);
    expect(session.findings!.issues.filter((f) => f.rule === 'identity-mismatch')).toEqual([]);
    expect(session.findings!.summary.find((s) => s.rule === 'identity-mismatch')!.items).toBe(1);
    // does not hold (增值税 + 企业所得税 is not all the tax): found at once, the findings shown checked again
    const broken = { name: '税收只有两项', whole: '^税收收入', parts: ['^增值税', '^企业所得税'], kind: 'sum' as const };
    await session.setIdentities([holds, broken]);
    const found = session.findings!.issues.filter((f) => f.rule === 'identity-mismatch');
    expect(found).toEqual([expect.objectContaining({ sheet: '一般公共预算收入', cell: 'B6', actual: 3117060, expected: 1394624 })]);
    expect(found[0].message).toContain('（税收只有两项，容差');
    // kept in the workbook: a new session over it checks with them
    const again = new AddinSession(adapterOn(book), new MemoryStore(store.text), 'zh-CN');
    expect((await again.check()).issues.filter((f) => f.rule === 'identity-mismatch').map((f) => f.cell)).toEqual(['B6']);
    // the summary's 审核结果 sheet lists it
    await again.generate();
    const texts = Object.values(book.sheet('审核结果')!.cellsSnapshot()).map((c) => String(c.value ?? ''));
    expect(texts.some((t) => t.includes('税收只有两项'))).toBe(true);
    // taken out: gone from the findings
    await session.setIdentities([holds]);
    expect(session.findings!.issues.filter((f) => f.rule === 'identity-mismatch')).toEqual([]);
    expect(JSON.parse(store.text!).identities).toEqual([holds]);
  });

  test('生成汇总表 writes the summary sheets, activates the first, shows confirmations, and saves the choices', async () => {
    const { book, store, session } = await sampleSession();
    const checked = await session.check();
    const outlier = checked.issues.find((f) => f.rule === 'growth-outlier' && f.sheet === '进出口')!;
    await session.accept(outlier, '加工贸易订单回流');
    await session.choose({ rankBy: 'growth', top: 2 });
    const steps: string[] = [];
    book.resetStats();
    const outcome = await session.generate((s) => steps.push(s), new Date('2026-04-02T01:00:00Z'));
    expect(steps).toEqual(['read', 'check', 'plan', 'write', 'save']);
    expect(outcome.sheets).toEqual(['主要指标汇总表1', '主要指标汇总表2', '位次表', '分析要点', '审核结果']);
    expect(book.activeSheet).toBe('主要指标汇总表1');
    expect(outcome.regions).toBe(12);
    expect(outcome.counts).toMatchObject({ error: 1, accepted: 1 });
    // 3 syncs to read, 2 to write the plan
    expect(book.stats.syncs).toBe(5);
    const findings = book.sheet('审核结果')!;
    const texts = Object.values(findings.cellsSnapshot()).map((c) => String(c.value ?? ''));
    expect(texts).toContain('已确认：加工贸易订单回流');
    expect(texts).toContain('确认说明');
    const saved = JSON.parse(store.text!);
    expect(saved.summary.top).toBe(2);
    expect(saved.lastRun).toBe('2026-04-02T01:00:00.000Z');
    expect(book.sheets().find((s) => s.name === REGISTRY_SHEET)?.visibility).toBe('VeryHidden');

    // again: the sheets are replaced, not added a second time
    const again = await session.generate();
    expect(again.sheets).toEqual(outcome.sheets);
    expect(again.notes.join('\n')).toContain('替换了上次生成的工作表');
    expect(book.sheets().filter((s) => !s.deleted).map((s) => s.name).filter((n) => n.startsWith('主要指标汇总表'))).toEqual(['主要指标汇总表1', '主要指标汇总表2']);
  });

  test('English: sheet names and messages in en-US', async () => {
    const { book, session } = await sampleSession('en-US');
    const outcome = await session.generate();
    expect(outcome.sheets).toEqual(['Summary1', 'Summary2', 'Ranks', 'Analysis', 'Check results']);
    expect(book.activeSheet).toBe('Summary1');
  });

  test('a cell in edit mode: a clear message, and nothing changed', async () => {
    const { book, store, session } = await sampleSession();
    await session.read();
    const before = book.sheets().map((s) => s.name);
    book.editing = true;
    const error = await session.generate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelAdapterError);
    expect(errorText(error, 'zh-CN')).toBe('Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。');
    expect(errorText(error, 'en-US')).toBe('Excel is editing a cell: press Enter or Esc to finish, then try again.');
    expect(book.sheets().map((s) => s.name)).toEqual(before);
    expect(store.text).toBeNull();
    expect(session.tables.length).toBeGreaterThan(0);
  });

  test('分析文字 reads the workbook again, writes the analysis with the summary choices, and a new region costs no round trip', async () => {
    const { book, session } = await sampleSession();
    await session.read();
    // the user corrects the total's growth of GDP in Excel (C5, shown with one decimal)
    book.sheet('地区生产总值')!.setValues(4, 2, [[7.04]]);
    book.resetStats();
    const first = await session.analysis();
    expect(book.stats.syncs).toBe(3);
    const total = first.analysis.paragraphs.find((p) => p.kind === 'total')!;
    expect(total.sentences[0]).toEqual({
      text: '地区生产总值537.69亿元，增长7.0%（按可比价计算）。',
      figures: [
        { text: '537.69', value: 5376902, sheet: '地区生产总值', cell: 'B5', scale: 0.0001 },
        { text: '7.0', value: 7, sheet: '地区生产总值', cell: 'C5' },
      ],
    });
    expect(first.analysis.leftOut).toEqual(['「固定资产投资」（固定资产投资）有待更正的错误，未写入分析。']);
    expect(first.regions).toHaveLength(12);
    expect(first.analysis.paragraphs.some((p) => p.kind === 'leadership')).toBe(false);

    // the summary choices hold: k of 前k位 is 2 now
    await session.choose({ top: 2 });
    const two = await session.analysis('石门');
    expect(two.analysis.paragraphs.find((p) => p.kind === 'region' && p.title === '石门')!.sentences.at(-1)!.text).toMatch(
      /^地方一般公共预算收入增速居全市前两位；城镇居民人均可支配收入增速居全市后两位。$/, // 前两位, never 前二位
    );
    book.resetStats();
    const other = session.analysisFor('城东')!;
    expect(book.stats.syncs).toBe(0);
    expect(other.analysis.paragraphs.find((p) => p.kind === 'leadership')!.title).toBe('城东');
    expect(session.text).toBe(other);
  });

  test('分析文字 with the workbook\'s own sheet of targets: 完成年度目标 against 序时进度 while the summary step uses the targets, none when it does not', async () => {
    const grids = await sampleGridsOnce();
    const gdp = grids.find((g) => g.name === '地区生产总值')!;
    const lines: [string, number][] = [];
    for (let r = 4; r < gdp.rowCount; r++) {
      const name = cellAt(gdp, r, 0).value;
      const value = cellAt(gdp, r, 1).value;
      if (typeof name === 'string' && typeof value === 'number') lines.push([name, value]);
    }
    // targets in 亿元 (the sheet is in 万元): 1-3月 completes a quarter of each, 序时进度 is 25.0%
    const targets = gridFromValues('目标任务', [['2025年各县市区年度目标任务'], ['地区', '地区生产总值（亿元）'], ...lines.map(([n, v]) => [n, Math.round((v * 4) / 100) / 100])]);
    const book = fakeFromGrids([...grids, targets], { apiVersion: '1.18' });
    const session = new AddinSession(adapterOn(book), new MemoryStore(), 'zh-CN');
    const withTargets = await session.analysis();
    const total = withTargets.analysis.paragraphs.find((p) => p.kind === 'total')!.sentences[0];
    expect(total.text).toBe('地区生产总值537.69亿元，增长6.1%（按可比价计算），完成年度目标的25.0%，与序时进度持平。');
    expect(total.figures.find((f) => f.computed === 'completion')).toEqual({ text: '25.0', value: 25, sheet: '地区生产总值', cell: 'B5', computed: 'completion' });
    // the targets sheet is not an indicator of the text
    expect(withTargets.analysis.paragraphs.some((p) => p.title === '目标任务')).toBe(false);
    await session.choose({ targets: false });
    const without = await session.analysis();
    expect(without.analysis.paragraphs.find((p) => p.kind === 'total')!.sentences[0].text).toBe('地区生产总值537.69亿元，增长6.1%（按可比价计算）。');
  });
});

describe('一键汇总 (the ribbon command)', () => {
  test('without saved settings it asks for the task pane and writes nothing', async () => {
    const { book, session } = await sampleSession();
    const before = book.sheets().map((s) => s.name);
    const r = await quickSummary(session);
    expect(r.openPane).toBe(true);
    expect(r.notice?.title).toBe('请先打开任务窗格');
    expect(book.sheets().map((s) => s.name)).toEqual(before);
  });

  test('with saved settings it writes the same summary as the pane, and says so when the figures have errors', async () => {
    const pane = await sampleSession();
    await pane.session.choose({ rankBy: 'value', ties: 'dense' });
    await pane.session.generate();
    const byPane = pane.book.sheet('主要指标汇总表1')!.cellsSnapshot();

    const ribbon = await sampleSession('zh-CN', new MemoryStore(pane.store.text));
    const r = await quickSummary(ribbon.session);
    expect(r.openPane).toBe(false);
    expect(ribbon.book.activeSheet).toBe('主要指标汇总表1');
    expect(ribbon.book.sheet('主要指标汇总表1')!.cellsSnapshot()).toEqual(byPane);
    // the sample's planted wrong rank is an error: the command says so
    expect(r.notice).toMatchObject({ kind: 'info', title: '汇总表已生成，请先核对' });
    expect(r.notice!.text).toContain('审核发现错误1条');
  });

  test('an Excel problem becomes an error notice', async () => {
    const ribbon = await sampleSession('en-US', new MemoryStore('{}'));
    ribbon.book.editing = true;
    const r = await quickSummary(ribbon.session);
    expect(r.notice).toEqual({ kind: 'error', title: 'Quick summary did not finish', text: 'Excel is editing a cell: press Enter or Esc to finish, then try again.' });
  });
});
