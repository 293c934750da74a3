import type { Grid } from '../../core/grid';
import { address, rangeAddress } from '../../core/grid';
import type { ReadBook } from '../read/Book.types';
import { utf8Bytes, writeZip } from '../ooxml/zip';
import { NS_MAIN, NS_REL } from './sheet';
import { StyleSheet } from './styles';
import { XML_HEAD, esc, num, tElement } from './xmlOut';

/*
 * A legacy workbook (.xls, .et, .ods, .xlsb) as a new .xlsx package holding its worksheets:
 * values, number formats, merged cells and column widths, as the readers give them. The
 * summary is then written into it like into any .xlsx. Formulas, styles other than number
 * formats, charts and the rest are not converted (the message says so).
 */

const BASE_STYLES = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Column widths in characters, from A, where the reader knows them. */
export interface WidthSource {
  columnWidths?(sheet: string): (number | undefined)[] | undefined;
}

function gridXml(g: Grid, styles: StyleSheet, widths: (number | undefined)[] | undefined): string {
  const xfByFormat = new Map<string, number>();
  const rows: string[] = [];
  let maxCol = -1;
  let maxRow = -1;
  g.rows.forEach((row, r) => {
    if (!row) return;
    let cells = '';
    row.forEach((cell, c) => {
      if (!cell) return;
      let s = '';
      if (cell.format && cell.format !== 'General') {
        let xf = xfByFormat.get(cell.format);
        if (xf === undefined) {
          xf = styles.xf({ numberFormat: cell.format });
          xfByFormat.set(cell.format, xf);
        }
        s = ` s="${xf}"`;
      }
      const ref = address(r, c);
      const v = cell.value;
      let x = '';
      if (cell.type === 'number' && typeof v === 'number' && Number.isFinite(v)) x = `<c r="${ref}"${s}><v>${num(v)}</v></c>`;
      else if (cell.type === 'text' && typeof v === 'string') x = `<c r="${ref}"${s} t="inlineStr"><is>${tElement('t', v)}</is></c>`;
      else if (cell.type === 'boolean') x = `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
      else if (cell.type === 'error' && typeof v === 'string') x = `<c r="${ref}"${s} t="e"><v>${esc(v)}</v></c>`;
      else if (s) x = `<c r="${ref}"${s}/>`;
      if (!x) return;
      cells += x;
      maxCol = Math.max(maxCol, c);
      maxRow = r;
    });
    if (cells) rows.push(`<row r="${r + 1}">${cells}</row>`);
  });
  let x = `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${maxRow >= 0 ? rangeAddress(0, 0, maxRow, maxCol) : 'A1'}"/>`;
  x += '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>';
  // runs of equal widths as one <col min max>, up to the last column used
  let cols = '';
  const ws = (widths ?? []).slice(0, Math.max(maxCol + 1, 1)).map((w) => (w !== undefined && Number.isFinite(w) && w > 0 ? Math.round(w * 100) / 100 : undefined));
  for (let i = 0; i < ws.length; ) {
    let j = i;
    while (j + 1 < ws.length && ws[j + 1] === ws[i]) j++;
    if (ws[i] !== undefined) cols += `<col min="${i + 1}" max="${j + 1}" width="${ws[i]}" customWidth="1"/>`;
    i = j + 1;
  }
  if (cols) x += `<cols>${cols}</cols>`;
  x += rows.length ? `<sheetData>${rows.join('')}</sheetData>` : '<sheetData/>';
  const merges = g.merges.filter((m) => m.top !== m.bottom || m.left !== m.right);
  if (merges.length) x += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeAddress(m.top, m.left, m.bottom, m.right)}"/>`).join('')}</mergeCells>`;
  x += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  return x;
}

/** The worksheets of a legacy book as an .xlsx package (bytes). */
export function legacyPackage(book: ReadBook & WidthSource, now?: Date): Uint8Array {
  const sheets = book.sheets.filter((s) => s.kind === 'worksheet');
  const grids = book.grids(sheets.map((s) => s.name));
  return gridsPackage(
    grids.map((g) => ({ grid: g, state: sheets.find((s) => s.name === g.name)?.state ?? 'visible', widths: book.columnWidths?.(g.name) })),
    { date1904: book.date1904, now },
  );
}

/** A new .xlsx package holding these sheets (none gives a workbook with no sheet, to write a plan into). */
export function gridsPackage(
  sheets: { grid: Grid; state?: string; widths?: (number | undefined)[] }[],
  o: { date1904?: boolean; now?: Date } = {},
): Uint8Array {
  const styles = new StyleSheet(BASE_STYLES);
  const grids = sheets.map((s) => s.grid);
  const parts: { name: string; data: Uint8Array }[] = [];
  let wbSheets = '';
  let rels = '';
  let overrides = '';
  sheets.forEach(({ grid: g, state = 'visible', widths }, i) => {
    const n = i + 1;
    parts.push({ name: `xl/worksheets/sheet${n}.xml`, data: utf8Bytes(gridXml(g, styles, widths)) });
    wbSheets += `<sheet name="${esc(g.name)}" sheetId="${n}"${state !== 'visible' ? ` state="${state}"` : ''} r:id="rId${n}"/>`;
    rels += `<Relationship Id="rId${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`;
    overrides += `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`;
  });
  const k = grids.length + 1;
  rels += `<Relationship Id="rId${k}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`;
  const firstVisible = Math.max(0, sheets.findIndex((s) => (s.state ?? 'visible') === 'visible'));
  const workbook = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr${o.date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="${firstVisible}"/></bookViews><sheets>${wbSheets}</sheets><calcPr calcId="191029"/></workbook>`;
  const types = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return writeZip(
    [
      { name: '[Content_Types].xml', data: utf8Bytes(types) },
      { name: '_rels/.rels', data: utf8Bytes(rootRels) },
      { name: 'xl/workbook.xml', data: utf8Bytes(workbook) },
      { name: 'xl/_rels/workbook.xml.rels', data: utf8Bytes(`${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
      { name: 'xl/styles.xml', data: utf8Bytes(styles.toString()) },
      ...parts,
    ],
    o.now,
  );
}
