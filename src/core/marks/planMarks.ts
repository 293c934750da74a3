import type { Finding, Severity } from '../check';
import { RULES } from '../check';
import { address, parseRange } from '../grid';
import type { Lang } from '../i18n';
import { t } from '../i18n';
import type { CellMark } from './Marks.types';

/** Fills for marked cells: the 审核结果 sheet's colours, so a mark reads like its line there. */
export const MARK_FILL: Record<Severity, string> = { error: '#F8CBAD', warning: '#FFF2CC', info: '#DDEBF7' };
const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Cells of one finding, the first one first; at most `max` (a finding over a whole block is marked by its first cells). */
export function findingCells(f: Finding, max = 10_000): string[] {
  const refs = f.cells && f.cells.length ? f.cells : [f.cell];
  const out: string[] = [];
  for (const ref of refs) {
    let r;
    try {
      r = parseRange(ref);
    } catch {
      continue;
    }
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        if (out.length >= max) return out;
        out.push(address(row, col));
      }
    }
  }
  return out;
}

export interface MarkOptions {
  lang: Lang;
  /** severities to mark; errors and warnings by default (notes stay on the 审核结果 sheet) */
  severities?: Severity[];
}

function noteLine(f: Finding, lang: Lang, count: number): string {
  const title = RULES.find((r) => r.id === f.rule)?.title[lang] ?? f.rule;
  const parts = [t(lang, 'mark.line', { severity: t(lang, `mark.severity.${f.severity}`), rule: title, message: f.message })];
  if (f.expected !== undefined || f.actual !== undefined) {
    parts.push(t(lang, 'mark.values', { expected: f.expected ?? '—', actual: f.actual ?? '—' }));
  }
  if (count > 1) parts.push(t(lang, 'mark.cells', { count, range: f.cell }));
  return parts.join('\n');
}

/**
 * One mark per cell: the fill of the most severe finding on it, and a note listing
 * every finding that starts at it (a finding over several cells notes its first cell
 * and fills the rest). Cells come in the order their sheets first appear, then by row
 * and column, so the marks read top to bottom.
 */
export function planMarks(findings: Finding[], options: MarkOptions): CellMark[] {
  const wanted = new Set<Severity>(options.severities ?? ['error', 'warning']);
  const sheetOrder = new Map<string, number>();
  const byCell = new Map<string, { sheet: string; cell: string; severity: Severity; lines: string[] }>();
  for (const f of findings) {
    // a confirmed finding is explained on the 审核结果 sheet; its cell is not marked
    if (!wanted.has(f.severity) || f.accepted) continue;
    if (!sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
    const cells = findingCells(f);
    cells.forEach((cell, i) => {
      const key = `${f.sheet}\u0000${cell}`;
      let m = byCell.get(key);
      if (!m) {
        m = { sheet: f.sheet, cell, severity: f.severity, lines: [] };
        byCell.set(key, m);
      } else if (ORDER[f.severity] < ORDER[m.severity]) {
        m.severity = f.severity;
      }
      if (i === 0) m.lines.push(noteLine(f, options.lang, cells.length));
    });
  }
  const head = t(options.lang, 'mark.head');
  const marks = [...byCell.values()].map((m) => ({
    sheet: m.sheet,
    cell: m.cell,
    severity: m.severity,
    fill: MARK_FILL[m.severity],
    note: m.lines.length ? `${head}\n${m.lines.join('\n')}` : '',
  }));
  const pos = (m: CellMark): [number, number, number] => {
    const p = parseRange(m.cell);
    return [sheetOrder.get(m.sheet) ?? 0, p.top, p.left];
  };
  return marks
    .map((m) => ({ m, k: pos(m) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2])
    .map((x) => x.m);
}
