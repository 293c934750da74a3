/**
 * Fills as Office.js reports them ('#RRGGBB' or null), from what a file keeps: so that a
 * marks record written from a file holds the same earlier colour the add-in would record.
 */
import { applyTint, colourHex, fillColour, themeColours } from '../../../src/workbook/file/colors';

const OFFICE_2013 = themeColours(undefined);

/** Distance per channel between two 'RRGGBB'. */
const distance = (a: string, b: string): number => Math.max(...[0, 2, 4].map((i) => Math.abs(parseInt(a.slice(i, i + 2), 16) - parseInt(b.slice(i, i + 2), 16))));

test('tints lighten and darken on the lightness, within a few units of what Excel shows', () => {
  // Excel's palette: Office 2013+ accent 1 and 2, Office 2007 accent 1, white and black shades
  const cases: [string, number, string][] = [
    ['4472C4', 0.7999816888943144, 'D9E1F2'],
    ['4472C4', 0.5999938962981048, 'B4C6E7'],
    ['4472C4', -0.249977111117893, '305496'],
    ['4472C4', -0.499984740745262, '203764'],
    ['ED7D31', 0.7999816888943144, 'FCE4D6'],
    ['4F81BD', 0.7999816888943144, 'DCE6F1'],
    ['4F81BD', -0.249977111117893, '366092'],
    ['FFFFFF', -0.0499893185216834, 'F2F2F2'],
    ['FFFFFF', -0.1499984740745262, 'D9D9D9'],
    ['000000', 0.499984740745262, '808080'],
    ['000000', 0.34998626667073579, '595959'],
  ];
  for (const [base, tint, excel] of cases) expect([base, tint, distance(applyTint(base, tint), excel) <= 3]).toEqual([base, tint, true]);
  expect(applyTint('4472C4', 0)).toBe('4472C4');
});

test('a theme part gives the scheme colours in the order of the theme index (light 1 first)', () => {
  const xml =
    '<a:clrScheme name="x"><a:dk1><a:sysClr val="windowText" lastClr="111111"/></a:dk1><a:lt1><a:sysClr val="window" lastClr="FEFEFE"/></a:lt1>' +
    '<a:dk2><a:srgbClr val="1F497D"/></a:dk2><a:lt2><a:srgbClr val="EEECE1"/></a:lt2><a:accent1><a:srgbClr val="4f81bd"/></a:accent1></a:clrScheme>';
  const theme = themeColours(xml);
  expect(theme.slice(0, 5)).toEqual(['FEFEFE', '111111', 'EEECE1', '1F497D', '4F81BD']);
  // missing slots: the Office theme's
  expect(theme[5]).toBe(OFFICE_2013[5]);
});

test('fills: argb, theme, legacy palette, none, patterns and gradients', () => {
  expect(fillColour(undefined, OFFICE_2013)).toBeNull();
  expect(fillColour({ type: 'pattern', pattern: 'none' }, OFFICE_2013)).toBeNull();
  expect(fillColour({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF8CBAD' } }, OFFICE_2013)).toBe('#F8CBAD');
  expect(fillColour({ type: 'pattern', pattern: 'solid', fgColor: { theme: 5 } }, OFFICE_2013)).toBe('#ED7D31');
  expect(fillColour({ type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } }, OFFICE_2013)).toBe('#FFFF00');
  expect(fillColour({ type: 'pattern', pattern: 'solid' }, OFFICE_2013)).toBe('#000000');
  expect(fillColour({ type: 'pattern', pattern: 'darkGrid', fgColor: { argb: 'FF00B050' } }, OFFICE_2013)).toBe('#00B050');
  expect(fillColour({ type: 'gradient', stops: [{ color: { argb: 'FF112233' } }, { color: { argb: 'FFFFFFFF' } }] }, OFFICE_2013)).toBe('#112233');
  // automatic / system colours name nothing Excel would report
  expect(colourHex({ indexed: 64 }, OFFICE_2013)).toBeNull();
});
