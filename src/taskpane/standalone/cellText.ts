/**
 * What a cell shows in the read-only sheet view: text as it is, numbers with the
 * decimals (and %, thousands separators, dates) of their number format as the core
 * reads it, booleans and error codes as Excel writes them.
 */
import { formatFixed } from '../../core/compute';
import { readFigure, shownValue } from '../../core/figures';
import type { Cell } from '../../core/grid';

/** "1234567.5" -> "1,234,567.5" */
function group(digits: string): string {
  const [int, frac] = digits.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const body = sign ? int.slice(1) : int;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** The number format's first section groups thousands ("#,##0.0"). */
function groupsThousands(format: string | undefined): boolean {
  if (!format) return false;
  const first = format.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[#0?],[#0?]/.test(first);
}

export function cellText(cell: Cell | undefined): string {
  if (!cell || cell.value === null) return '';
  switch (cell.type) {
    case 'text':
    case 'error':
      return String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'number': {
      const f = readFigure(cell);
      if (f.kind === 'text') return f.text; // a date
      if (f.kind !== 'number') return String(cell.value);
      const shown = shownValue(f);
      let text = f.decimals !== null ? formatFixed(shown, f.decimals) : String(shown);
      if (groupsThousands(cell.format)) text = group(text);
      return f.percent ? `${text}%` : text;
    }
    default:
      return cell.value === null ? '' : String(cell.value);
  }
}
