import type { CheckResult, Finding, Severity } from '../core/check';
import { RULES } from '../core/check';
import type { Lang } from '../core/i18n';
import { t } from '../core/i18n';
import { textTable } from './textTable';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Plain text: findings grouped by sheet, then severity; a per-rule summary (items, passes, fails) at the end. */
export function checkText(result: CheckResult, lang: Lang): string {
  const out: string[] = [];
  const sheets: string[] = [];
  const bySheet = new Map<string, Finding[]>();
  for (const f of result.issues) {
    if (!bySheet.has(f.sheet)) {
      bySheet.set(f.sheet, []);
      sheets.push(f.sheet);
    }
    (bySheet.get(f.sheet) as Finding[]).push(f);
  }
  for (const sheet of sheets) {
    out.push(t(lang, 'check.sheet', { sheet }));
    const findings = bySheet.get(sheet) as Finding[];
    for (const severity of SEVERITIES) {
      const group = findings.filter((f) => f.severity === severity);
      if (!group.length) continue;
      out.push(`  ${t(lang, `check.severity.${severity}`)} (${group.length})`);
      for (const f of group) {
        const more = f.cells && f.cells.length > 1 && !f.cell.includes(':') ? t(lang, 'check.more-cells', { count: f.cells.length }) : '';
        out.push(t(lang, 'check.finding', { cell: f.cell, message: f.message + more, rule: f.rule }));
      }
    }
    out.push('');
  }
  if (!result.issues.length) out.push(t(lang, 'check.clean'), '');
  out.push(t(lang, 'check.summary'));
  const title = new Map(RULES.map((r) => [r.id, r.title[lang]]));
  out.push(
    textTable(
      [t(lang, 'check.col.rule'), t(lang, 'check.col.kind'), t(lang, 'check.col.severity'), t(lang, 'check.col.items'), t(lang, 'check.col.passes'), t(lang, 'check.col.fails'), t(lang, 'check.col.findings')],
      result.summary.map((s) => [
        `${s.rule} ${title.get(s.rule) ?? ''}`,
        t(lang, `check.kind.${s.kind}`),
        t(lang, `check.sev.${s.severity}`),
        String(s.items),
        String(s.passes),
        String(s.fails),
        String(s.findings),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'right', 'right'],
    ),
  );
  const count = (s: Severity): number => result.issues.filter((f) => f.severity === s).length;
  out.push('', t(lang, 'check.totals', { errors: count('error'), warnings: count('warning'), infos: count('info'), sheets: sheets.length }));
  for (const n of result.notes) out.push(t(lang, 'check.note', { text: n }));
  return out.join('\n');
}

/** `--json`: { issues, summary, notes }. */
export function checkJson(result: CheckResult): CheckResult {
  return result;
}
