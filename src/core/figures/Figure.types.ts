/**
 * A cell read as a statistician reads it.
 *
 * - number: a usable figure. `decimals` is the precision the reader sees (from the
 *   number format, or from the digits written when the number is stored as text);
 *   null means General (shown as stored, up to about 10 significant digits).
 *   `fromText` marks text-stored numbers (reported by checks, still used).
 *   `percent` marks a value shown with a % format or written with a % sign; the
 *   value is kept in percent units (12.5 for "12.5%", 12.5 for 0.125 with "0.0%").
 * - placeholder: —, -, …, /, .., x and similar: "no figure", not an error.
 * - error: an Excel error value (#DIV/0!, #N/A …).
 * - text: text that is not a number (a label, a note, "扭亏为盈").
 * - empty: blank or whitespace only.
 */
export type Figure =
  | {
      kind: 'number';
      value: number;
      decimals: number | null;
      fromText: boolean;
      percent: boolean;
    }
  | { kind: 'placeholder'; text: string }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string }
  | { kind: 'empty' };

export type NumberFigure = Extract<Figure, { kind: 'number' }>;

/** What a number format shows. */
export interface FormatInfo {
  /** digits after the decimal point in the positive section; null for General */
  decimals: number | null;
  /** the format multiplies by 100 and shows % */
  percent: boolean;
  /** the format is text ("@") */
  text: boolean;
  /** a date or time format */
  date: boolean;
}
