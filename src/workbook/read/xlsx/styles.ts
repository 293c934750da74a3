import { formatInfo } from '../../../core/figures/formatInfo';
import type { XmlNode } from '../../ooxml/xml';
import { childNamed, childrenNamed } from '../../ooxml/xml';

/**
 * Number formats that a workbook may use by id without writing them out (ECMA-376 Part 1,
 * 18.8.30). Ids 5–8 and 41–44 are the locale's currency and accounting formats, and 27–36,
 * 50–58 the East Asian dates and times: files made by Chinese-locale Excel and WPS use
 * them bare, so they are read as zh-CN Excel shows them (`yyyy"年"m"月"` …). What matters
 * to the core is what kind of format it is (a date) and how many decimals it shows.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = Object.freeze({
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
});

/** The cell formats of a workbook (cellXfs), by the index a cell's `s` attribute gives. */
export interface CellFormats {
  /** number-format code per xf; undefined for General */
  formats: (string | undefined)[];
  /** whether the xf's format shows a date or time (1904 serials are moved to 1900 ones) */
  dates: boolean[];
}

function codeOf(id: number, custom: Map<number, string>): string | undefined {
  const code = custom.get(id) ?? BUILTIN_FORMATS[id];
  return code === undefined || code === '' || code === 'General' ? undefined : code;
}

/** Read the cell formats from styles.xml (null part: every cell General). */
export function readCellFormats(styles: XmlNode | null): CellFormats {
  const custom = new Map<number, string>();
  const formats: (string | undefined)[] = [];
  const dates: boolean[] = [];
  if (!styles) return { formats, dates };
  for (const f of childrenNamed(childNamed(styles, 'numFmts'), 'numFmt')) {
    const id = Number(f.attrs.numFmtId);
    if (Number.isInteger(id) && f.attrs.formatCode !== undefined) custom.set(id, f.attrs.formatCode);
  }
  for (const xf of childrenNamed(childNamed(styles, 'cellXfs'), 'xf')) {
    const id = Number(xf.attrs.numFmtId ?? 0);
    const code = Number.isInteger(id) ? codeOf(id, custom) : undefined;
    formats.push(code);
    dates.push(code !== undefined && formatInfo(code).date);
  }
  return { formats, dates };
}
