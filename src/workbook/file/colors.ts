/**
 * A cell's fill as Excel reports it through Office.js (`range.format.fill.color`): one
 * '#RRGGBB', or null for no fill. A file keeps fills as written (an argb, a theme colour with
 * a tint, or an index into the legacy palette); this resolves them the way Excel shows them,
 * so a marks record written from a file reads the same as one written by the add-in.
 */

/** A colour of a style as the file has it (`<fgColor rgb|theme|indexed tint>`; `rgb` as `argb`). */
export interface StyleColour {
  argb?: string;
  theme?: number;
  indexed?: number;
  tint?: number;
}

/** A fill as the file has it: a pattern and its foreground colour, or a gradient and its stops. */
export type StyleFill = { type: 'pattern'; pattern?: string; fgColor?: StyleColour } | { type: 'gradient'; stops?: { color?: StyleColour }[] };

/** Excel's default legacy palette (`<indexedColors>`), indices 0–63. */
const INDEXED = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF',
  '800000', '008000', '000080', '808000', '800080', '008080', 'C0C0C0', '808080',
  '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF',
  '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99', '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99',
  '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

/** The Office theme's colours (Excel 2013 and later), in the order the `theme` index uses. */
const OFFICE_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47', '0563C1', '954F72'];

/** Scheme slots in the order of SpreadsheetML's `theme` index (light 1 and dark 1 swapped, as Excel does). */
const SLOTS = ['lt1', 'dk1', 'lt2', 'dk2', 'accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6', 'hlink', 'folHlink'];

/** The colours of a theme part (`xl/theme/theme1.xml`), by `theme` index; the Office theme where missing. */
export function themeColours(themeXml: string | undefined): string[] {
  const out = [...OFFICE_THEME];
  if (!themeXml) return out;
  SLOTS.forEach((slot, i) => {
    const m = new RegExp(`<a:${slot}>\\s*<a:(?:srgbClr\\s+val|sysClr\\b[^>]*?lastClr)="([0-9A-Fa-f]{6})"`).exec(themeXml);
    if (m) out[i] = m[1].toUpperCase();
  });
  return out;
}

/** Lighten (tint > 0) or darken (tint < 0) a colour as Excel does: on the HLS lightness. */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  let l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  let s = 0;
  if (d > 0) {
    s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
    if (max === r) h = ((g - b) / d + (g < b ? 6 : 0)) / 6;
    else if (max === g) h = ((b - r) / d + 2) / 6;
    else h = ((r - g) / d + 4) / 6;
  }
  l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const hue = (p: number, q: number, t: number): number => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  let rgb: number[];
  if (s === 0) rgb = [l, l, l];
  else {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    rgb = [hue(p, q, h + 1 / 3), hue(p, q, h), hue(p, q, h - 1 / 3)];
  }
  return rgb.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0').toUpperCase()).join('');
}

/** A colour of a style as 'RRGGBB', or null when it names none Excel would show (automatic, system). */
export function colourHex(c: StyleColour | undefined, theme: string[]): string | null {
  if (!c) return null;
  let hex: string | null = null;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(c.argb)) hex = c.argb.slice(-6).toUpperCase();
  else if (typeof c.theme === 'number') hex = theme[c.theme] ?? null;
  else if (typeof c.indexed === 'number') hex = INDEXED[c.indexed] ?? null;
  if (hex === null) return null;
  return typeof c.tint === 'number' ? applyTint(hex, c.tint) : hex;
}

/** A fill as Office.js reports it: '#RRGGBB' (a pattern's foreground, a gradient's first stop), or null for none. */
export function fillColour(fill: StyleFill | undefined, theme: string[]): string | null {
  if (!fill) return null;
  if (fill.type === 'pattern') {
    if (!fill.pattern || fill.pattern === 'none') return null;
    // A solid fill without a colour is automatic: Excel shows it black.
    const hex = colourHex(fill.fgColor, theme) ?? (fill.pattern === 'solid' && !fill.fgColor ? '000000' : null);
    return hex === null ? null : `#${hex}`;
  }
  if (fill.type === 'gradient') {
    const hex = colourHex(fill.stops?.[0]?.color, theme);
    return hex === null ? null : `#${hex}`;
  }
  return null;
}
