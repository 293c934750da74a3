import type { Finding } from '../../../src/core/check';
import { MARK_FILL, findingCells, planMarks } from '../../../src/core/marks';

const f = (over: Partial<Finding>): Finding => ({
  sheet: '表1',
  cell: 'C5',
  rule: 'total-mismatch',
  severity: 'error',
  message: '合计与分项之和不符',
  ...over,
});

describe('findingCells', () => {
  it('expands ranges and grouped cells, first cell first', () => {
    expect(findingCells(f({ cell: 'B2:C3' }))).toEqual(['B2', 'C2', 'B3', 'C3']);
    expect(findingCells(f({ cell: 'D4:D6', cells: ['D4', 'D6'] }))).toEqual(['D4', 'D6']);
    expect(findingCells(f({ cell: 'A1:A100' }), 3)).toEqual(['A1', 'A2', 'A3']);
    expect(findingCells(f({ cell: 'not a cell' }))).toEqual([]);
  });
});

describe('planMarks', () => {
  it('marks errors and warnings, not notes, with the findings sheet colours', () => {
    const marks = planMarks(
      [
        f({ cell: 'C5', expected: 120, actual: 121 }),
        f({ cell: 'D7', severity: 'warning', rule: 'growth-outlier', message: '增速偏离较大' }),
        f({ cell: 'E9', severity: 'info', rule: 'stray-value', message: '表外数值' }),
      ],
      { lang: 'zh-CN' },
    );
    expect(marks.map((m) => [m.cell, m.severity, m.fill])).toEqual([
      ['C5', 'error', MARK_FILL.error],
      ['D7', 'warning', MARK_FILL.warning],
    ]);
    expect(marks[0].note).toBe('【指标表助手·审核】\n错误｜合计不等于分项之和：合计与分项之和不符\n应为 120，实为 121');
    expect(marks[1].note).not.toContain('应为');
  });

  it('one mark per cell: the most severe fill, every finding in the note', () => {
    const marks = planMarks(
      [f({ cell: 'C5', severity: 'warning', message: 'A' }), f({ cell: 'C5', severity: 'error', message: 'B' })],
      { lang: 'en-US' },
    );
    expect(marks).toHaveLength(1);
    expect(marks[0].severity).toBe('error');
    expect(marks[0].fill).toBe(MARK_FILL.error);
    expect(marks[0].note.split('\n')).toEqual(['[indicator-tables check]', expect.stringContaining(': A'), expect.stringContaining(': B')]);
  });

  it('a finding over several cells fills them all and notes the first', () => {
    const marks = planMarks([f({ cell: 'C5:C7', rule: 'text-number', severity: 'warning', message: '文本型数字' })], { lang: 'zh-CN' });
    expect(marks.map((m) => m.cell)).toEqual(['C5', 'C6', 'C7']);
    expect(marks[0].note).toContain('（涉及 C5:C7 共 3 格）');
    expect(marks[1].note).toBe('');
    expect(marks[2].note).toBe('');
  });

  it('orders by sheet as first met, then row and column', () => {
    const marks = planMarks(
      [f({ sheet: 'B', cell: 'A2' }), f({ sheet: 'A', cell: 'C1' }), f({ sheet: 'B', cell: 'B1' }), f({ sheet: 'A', cell: 'A1' })],
      { lang: 'zh-CN', severities: ['error'] },
    );
    expect(marks.map((m) => `${m.sheet}!${m.cell}`)).toEqual(['B!B1', 'B!A2', 'A!A1', 'A!C1']);
  });

  it('can include notes when asked', () => {
    const marks = planMarks([f({ severity: 'info' })], { lang: 'zh-CN', severities: ['info'] });
    expect(marks[0].fill).toBe(MARK_FILL.info);
  });
});
