import type { CheckResult, Finding } from '../check';
import { RULES } from '../check';
import type { Acceptance, FindingCounts } from './Session.types';

const SOFT = new Set(RULES.filter((r) => r.kind === 'soft').map((r) => r.id));

/** Only soft findings (suspicious, not wrong) can be confirmed with an explanation. */
export function acceptable(f: Finding): boolean {
  return SOFT.has(f.rule);
}

const figure = (v: Finding['actual']): string | null => (v === undefined ? null : String(v));

/** Does this confirmation still hold for the finding (same rule, cell and figure)? */
export function accepts(a: Acceptance, f: Finding): boolean {
  return a.rule === f.rule && a.sheet === f.sheet && a.cell === f.cell && a.actual === figure(f.actual);
}

/** A confirmation for a finding, with the user's explanation. */
export function acceptanceFor(f: Finding, note: string, at: string): Acceptance {
  return { rule: f.rule, sheet: f.sheet, cell: f.cell, actual: figure(f.actual), note: note.trim(), at };
}

/**
 * The findings with the user's confirmations attached. Hard findings cannot be
 * confirmed away: a stored confirmation for one is ignored.
 */
export function applyAcceptances(result: CheckResult, accepted: Acceptance[]): CheckResult {
  if (!accepted.length) return result;
  const issues = result.issues.map((f) => {
    if (!acceptable(f)) return f;
    const a = accepted.find((x) => accepts(x, f));
    return a ? { ...f, accepted: { note: a.note, at: a.at } } : f;
  });
  return { ...result, issues };
}

/** Replace (or add) the confirmation of a finding; an empty note withdraws it. */
export function withAcceptance(accepted: Acceptance[], f: Finding, note: string, at: string): Acceptance[] {
  const rest = accepted.filter((a) => !(a.rule === f.rule && a.sheet === f.sheet && a.cell === f.cell));
  if (!note.trim() || !acceptable(f)) return rest;
  return [...rest, acceptanceFor(f, note, at)];
}

export function countFindings(issues: Finding[]): FindingCounts {
  const n: FindingCounts = { error: 0, warning: 0, info: 0, accepted: 0 };
  for (const f of issues) {
    if (f.accepted) n.accepted++;
    else n[f.severity]++;
  }
  return n;
}
