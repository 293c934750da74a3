import type { Period } from './period';
import { parsePeriod } from './period';

/**
 * Can growth be computed from figures of these two periods? Only between like periods: the
 * same months of consecutive years (1-9月 2023 against 1-9月 2022, "9 months of 2023"
 * against "9 months of 2022"), or consecutive years. A year against 9 months of the same
 * year, or periods whose years are not known, are not compared.
 */
export function likePeriods(current: string | null, prior: string | null): boolean {
  const a = current ? parsePeriod(current) : null;
  const b = prior ? parsePeriod(prior) : null;
  if (!a || !b || a.year === null || b.year === null) return false;
  if (a.year !== b.year + 1) return false;
  return span(a) === span(b);
}

function span(p: Period): string {
  if (p.kind === 'year' || (p.startMonth === 1 && p.endMonth === 12 && p.kind !== 'month-end')) return 'year';
  return `${p.kind === 'month-end' ? 'end' : 'flow'}:${p.startMonth ?? ''}-${p.endMonth ?? ''}`;
}
