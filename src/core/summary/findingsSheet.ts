import type { CheckResult, Finding, Severity } from '../check';
import { RULES } from '../check';
import { parseRange } from '../grid';
import type { Lang } from '../i18n';
import type { SheetPlan } from './Plan.types';
import { SheetBuilder, rect } from './SheetBuilder';
import { FONT, STYLE, printSettings } from './styles';
import { tx } from './text';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const FILL: Record<Severity, string> = { error: '#F8CBAD', warning: '#FFF2CC', info: '#FFFFFF' };

/** Row and column of a finding's cell (the top-left of a range), to sort by. */
function cellOrder(cell: string): [number, number] {
  try {
    const r = parseRange(cell);
    return [r.top, r.left];
  } catch {
    return [0, 0];
  }
}

/** Findings sorted by severity, then the sheets' order in the workbook, then row and column. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const pos = new Map(sheetOrder.map((s, i) => [s, i]));
  // sheets not in the order given follow, grouped, in the order they first appear
  for (const f of findings) if (!pos.has(f.sheet)) pos.set(f.sheet, pos.size);
  return [...findings].sort((a, b) => {
    const d = ORDER[a.severity] - ORDER[b.severity] || (pos.get(a.sheet) ?? 1e9) - (pos.get(b.sheet) ?? 1e9);
    if (d) return d;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return ra - rb || ca - cb || a.rule.localeCompare(b.rule);
  });
}

/**
 * 审核结果: the checker's findings as a table, most severe first, each cell a
 * link to the cell it is about.
 */
export function buildFindingsSheet(name: string, result: CheckResult, sheetOrder: string[], period: string | null, lang: Lang): SheetPlan {
  const b = new SheetBuilder(name, 'findings');
  // a column for the statisticians' explanations, when they confirmed a finding in the task pane
  const explained = result.issues.some((f) => f.accepted);
  const heads = [
    ...(['head.no', 'head.severity', 'head.sheet', 'head.cell', 'head.rule', 'head.message', 'head.expected', 'head.actual'] as const),
    ...(explained ? (['head.accepted'] as const) : []),
  ];
  const lastCol = heads.length - 1;
  const title = tx(lang, 'title.findings');
  b.line(0, 0, lastCol, title, { ...STYLE.title, font: FONT[lang] });
  b.rowHeight(0, 28);
  if (period) b.line(1, 0, lastCol, period, { ...STYLE.subtitle, font: FONT[lang] });
  const count = { error: 0, warning: 0, info: 0 };
  for (const f of result.issues) count[f.severity]++;
  const line = result.issues.length
    ? tx(lang, 'findings.count', { sheets: sheetOrder.length || new Set(result.issues.map((f) => f.sheet)).size, total: result.issues.length, ...count })
    : tx(lang, 'findings.none');
  b.line(2, 0, lastCol, line, { size: 10, hAlign: 'left', font: FONT[lang] });
  const head = 3;
  heads.forEach((h, c) => b.set(head, c, tx(lang, h)));
  const titles = new Map(RULES.map((r) => [r.id, r.title[lang]]));
  const sorted = sortFindings(result.issues, sheetOrder);
  sorted.forEach((f, i) => {
    const row = head + 1 + i;
    b.set(row, 0, i + 1);
    b.set(row, 1, tx(lang, `severity.${f.severity}`));
    b.set(row, 2, f.sheet);
    b.set(row, 3, { value: f.cell, link: { sheet: f.sheet, cell: f.cell.split(':')[0] } });
    b.set(row, 4, titles.get(f.rule) ?? f.rule);
    b.set(row, 5, f.message);
    if (f.expected !== undefined) b.set(row, 6, f.expected);
    if (f.actual !== undefined) b.set(row, 7, f.actual);
    if (f.accepted) b.set(row, 8, tx(lang, 'findings.accepted-note', { note: f.accepted.note }));
  });
  const last = head + Math.max(1, sorted.length);
  b.format(rect(head, 0, head, lastCol), STYLE.header);
  b.format(rect(head + 1, 0, last, lastCol), { ...STYLE.body, font: FONT[lang], ...STYLE.wrap });
  b.format(rect(head + 1, 0, last, 1), STYLE.center);
  b.format(rect(head + 1, 3, last, 3), { ...STYLE.center, color: '#0563C1', underline: true });
  // severity runs in blocks (sorted), so one fill per block
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i].severity !== sorted[start].severity) {
      const sev = sorted[start].severity;
      if (sev !== 'info') b.format(rect(head + 1 + start, 1, head + i, 1), { fill: FILL[sev], bold: sev === 'error' });
      start = i;
    }
  }
  b.plan.columns = explained ? [5, 6, 14, 9, 16, 52, 10, 10, 30] : [5, 6, 14, 9, 16, 60, 10, 10];
  b.plan.freeze = { rows: head + 1, cols: 0 };
  b.plan.print = printSettings({ first: head, last: head }, tx(lang, 'footer.page'));
  return b.plan;
}
