import type { CheckResult, Finding } from '../../../src/core/check';
import { acceptable, applyAcceptances, countFindings, withAcceptance } from '../../../src/core/session';
import { planMarks } from '../../../src/core/marks';

const soft: Finding = { sheet: '表1', cell: 'D7', rule: 'growth-outlier', severity: 'warning', message: '增速48.2%', actual: 48.2 };
const hard: Finding = { sheet: '表1', cell: 'C10', rule: 'rank-mismatch', severity: 'error', message: '位次不符', expected: 3, actual: 11 };
const result: CheckResult = { issues: [hard, soft], summary: [], notes: [] };

describe('confirming soft findings', () => {
  test('only soft rules can be confirmed', () => {
    expect(acceptable(soft)).toBe(true);
    expect(acceptable(hard)).toBe(false);
    expect(withAcceptance([], hard, '我确认', 'x')).toEqual([]);
  });

  test('a confirmation attaches to the same rule, cell and figure, and lapses when the figure changes', () => {
    const accepted = withAcceptance([], soft, ' 新项目投产 ', '2026-03-02');
    expect(accepted).toEqual([{ rule: 'growth-outlier', sheet: '表1', cell: 'D7', actual: '48.2', note: '新项目投产', at: '2026-03-02' }]);
    const applied = applyAcceptances(result, accepted);
    expect(applied.issues[1].accepted).toEqual({ note: '新项目投产', at: '2026-03-02' });
    expect(applied.issues[0].accepted).toBeUndefined();
    const nextMonth = applyAcceptances({ ...result, issues: [{ ...soft, actual: 51.0 }] }, accepted);
    expect(nextMonth.issues[0].accepted).toBeUndefined();
  });

  test('a stored confirmation of a hard finding is ignored', () => {
    const forged = [{ rule: hard.rule, sheet: hard.sheet, cell: hard.cell, actual: '11', note: '忽略', at: '' }];
    expect(applyAcceptances(result, forged).issues[0].accepted).toBeUndefined();
  });

  test('an empty note withdraws; a new note replaces', () => {
    const once = withAcceptance([], soft, 'a', 't1');
    expect(withAcceptance(once, soft, 'b', 't2')).toEqual([{ ...once[0], note: 'b', at: 't2' }]);
    expect(withAcceptance(once, soft, '  ', 't3')).toEqual([]);
  });

  test('counts keep confirmed findings apart, and confirmed cells are not marked', () => {
    const applied = applyAcceptances(result, withAcceptance([], soft, '已核实', 't'));
    expect(countFindings(applied.issues)).toEqual({ error: 1, warning: 0, info: 0, accepted: 1 });
    expect(planMarks(applied.issues, { lang: 'zh-CN' }).map((m) => m.cell)).toEqual(['C10']);
    expect(planMarks(result.issues, { lang: 'zh-CN' }).map((m) => m.cell).sort()).toEqual(['C10', 'D7']);
  });
});
