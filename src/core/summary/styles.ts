import type { CellStyle, HighlightKind, HighlightRule, PrintSettings, RangeFormat } from './Plan.types';

/** Fonts that ship with Chinese Windows and Office; LibreOffice substitutes its own. */
export const FONT = { 'zh-CN': '宋体', 'en-US': 'Calibri' } as const;

export const STYLE = {
  title: { bold: true, size: 16, hAlign: 'center', vAlign: 'middle', wrap: true },
  subtitle: { size: 11, hAlign: 'center', vAlign: 'middle', wrap: true },
  unitLine: { size: 10, hAlign: 'right', vAlign: 'middle', wrap: true },
  header: { bold: true, size: 10, hAlign: 'center', vAlign: 'middle', wrap: true, border: true, fill: '#F2F2F2' },
  body: { size: 10, vAlign: 'middle', border: true },
  label: { hAlign: 'left' },
  number: { hAlign: 'right' },
  center: { hAlign: 'center' },
  total: { bold: true },
  footnote: { size: 9, hAlign: 'left', vAlign: 'top', wrap: true },
  wrap: { wrap: true, vAlign: 'top' },
} as const satisfies Record<string, CellStyle>;

/**
 * Default look of each highlight. Each one is told apart without colour as well
 * (bold, italic, underline, the minus sign, the 并列 word), so a black-and-white
 * print keeps the meaning.
 */
export const HIGHLIGHT_STYLE: Record<HighlightKind, HighlightRule['style']> = {
  top: { bold: true, fill: '#DDEBF7' },
  bottom: { italic: true, fill: '#FCE4D6' },
  'below-total': { underline: true },
  negative: { color: '#FF0000' },
  'behind-progress': { bold: true, fill: '#F8CBAD' },
  tie: {},
};

export const NUMBER_FORMAT = {
  rank: '0',
  growth: (decimals: number): string => (decimals > 0 ? '0.' + '0'.repeat(decimals) : '0'),
  /** growth with negative figures in red (the number format's own colour, which every program shows) */
  growthRed: (decimals: number): string => {
    const f = decimals > 0 ? '0.' + '0'.repeat(decimals) : '0';
    return `${f};[Red]-${f}`;
  },
  fixed: (decimals: number | null): string => (decimals === null ? 'General' : decimals > 0 ? '0.' + '0'.repeat(decimals) : '0'),
  change: '"↑"0;"↓"0;"—"',
  count: '0',
} as const;

/** A4 landscape, one page wide, header rows repeated, page numbers in the footer. */
export function printSettings(titleRows: { first: number; last: number } | null, footer: string | null, orientation: 'landscape' | 'portrait' = 'landscape'): PrintSettings {
  return {
    paper: 'A4',
    orientation,
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    centerHorizontally: true,
    footer,
  };
}

/**
 * The style each cell of `rows` × `cols` ends up with when a sheet's formats apply in order (a later
 * one wins for the properties it sets): `ids[r * cols + c]` indexes `styles`, 0 (no format) being `{}`.
 * Each distinct sequence of formats is merged once, so a sheet of 2,850 rows holds a handful of
 * styles and an integer per cell, not an object per cell. Used to size the columns (measure.ts) and to
 * give each cell its xf in the package writer. `only`: the rows wanted (the others stay 0).
 */
export function cellStyleIds(formats: RangeFormat[], rows: number, cols: number, only?: ReadonlySet<number>): { styles: CellStyle[]; ids: Int32Array } {
  const styles: CellStyle[] = [{}];
  const ids = new Int32Array(rows * cols);
  const next = new Map<number, number>();
  const n = formats.length;
  formats.forEach((f, fi) => {
    const { top, left, bottom, right } = f.range;
    for (let r = top; r <= Math.min(bottom, rows - 1); r++) {
      if (only && !only.has(r)) continue;
      const base = r * cols;
      for (let c = left; c <= Math.min(right, cols - 1); c++) {
        const key = ids[base + c] * n + fi;
        let id = next.get(key);
        if (id === undefined) {
          id = styles.length;
          styles.push(overlay(styles[ids[base + c]], f.style));
          next.set(key, id);
        }
        ids[base + c] = id;
      }
    }
  });
  return { styles, ids };
}

/** `over`'s set properties on top of `base`. */
function overlay(base: CellStyle, over: CellStyle): CellStyle {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) if (v !== undefined) out[k] = v;
  return out as CellStyle;
}
