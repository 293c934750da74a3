/** The pane's theme from Office's (dark when the body background is dark). */
export type Theme = 'light' | 'dark';

/** Relative luminance (0 black … 1 white) of a #RRGGBB colour; null when it is not one. */
export function luminance(color: string | undefined | null): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? '').trim());
  if (!m) return null;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Office.context.officeTheme as a pane theme: dark when the body background's luminance is below 0.5. */
export function themeFrom(officeTheme: { bodyBackgroundColor?: string; isDarkTheme?: boolean } | null | undefined): Theme {
  const lum = luminance(officeTheme?.bodyBackgroundColor);
  if (lum !== null) return lum < 0.5 ? 'dark' : 'light';
  return officeTheme?.isDarkTheme ? 'dark' : 'light';
}
