import type { Grid } from '../../../core/grid';
import { rangeAddress } from '../../../core/grid';
import type { ZipLimits } from '../../ooxml/zip';
import { OpcPackage, PackageError, attrByLocal, relType } from '../../ooxml/package';
import { childNamed, childrenNamed } from '../../ooxml/xml';
import type { SheetInfo, SheetState } from '../../WorkbookPort';
import { WorkbookReadError } from '../../WorkbookPort';
import type { BookSheet, DefinedName, ReadBook, SheetKind } from '../Book.types';
import { pickGrids, pickSheets } from '../pick';
import { SheetError, SheetReader } from './sheet';
import type { SheetContext } from './sheet';
import { readSharedStrings, readSharedStringsAsync } from './sharedStrings';
import type { CellFormats } from './styles';
import { readCellFormats } from './styles';

/** Content types of a SpreadsheetML workbook part (workbook, macro-enabled, template, add-in). */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
]);

const KIND_OF_REL: Record<string, SheetKind> = {
  worksheet: 'worksheet',
  chartsheet: 'chartsheet',
  dialogsheet: 'dialogsheet',
  xlMacrosheet: 'macrosheet',
  xlIntlMacrosheet: 'macrosheet',
};

/** What other documents a package's main part can be (for a message that says what the file is). */
function otherDocument(contentType: string | null): string | null {
  if (!contentType) return null;
  if (contentType.includes('wordprocessingml')) return 'a Word document';
  if (contentType.includes('presentationml')) return 'a PowerPoint presentation';
  if (contentType.includes('sheet.binary') || contentType.includes('ms-excel.sheet.binary')) return 'an Excel binary workbook (.xlsb)';
  return null;
}

interface SheetEntry extends BookSheet {
  /** the worksheet part, or null when it is not a worksheet */
  part: string | null;
}

function toState(v: string | undefined): SheetState {
  return v === 'hidden' ? 'hidden' : v === 'veryHidden' ? 'veryHidden' : 'visible';
}

/**
 * An .xlsx/.xlsm workbook read with our own reader (the package layer on fflate). The
 * workbook part, relationships and styles are read when it opens; shared strings when the
 * first sheet is read; each sheet when it is first asked for, as its part inflates.
 */
export class XlsxBook implements ReadBook {
  readonly format = 'xlsx' as const;
  readonly sheets: readonly SheetEntry[];
  readonly definedNames: readonly DefinedName[];
  readonly date1904: boolean;
  private readonly workbookPart: string;
  private strings: string[] | null = null;
  private readonly formats: CellFormats;
  private readonly cache = new Map<string, Grid>();

  private constructor(
    readonly pkg: OpcPackage,
    readonly file: string,
  ) {
    const main = pkg.related('', 'officeDocument');
    let workbookPart = main?.part ?? null;
    // A package without its root relationship but with the usual part name still opens in Excel.
    if (!workbookPart && pkg.has('xl/workbook.xml')) workbookPart = 'xl/workbook.xml';
    if (!workbookPart || !pkg.has(workbookPart)) {
      const what = main?.part ? otherDocument(pkg.contentType(main.part)) : null;
      if (what) throw new WorkbookReadError('unsupported', file, what);
      throw new WorkbookReadError('corrupt', file, main?.part ? `the workbook part ${main.part} is missing` : 'no workbook part (not a spreadsheet package)');
    }
    const type = pkg.contentType(workbookPart);
    if (type && !WORKBOOK_TYPES.has(type)) {
      const what = otherDocument(type);
      throw new WorkbookReadError(what ? 'unsupported' : 'corrupt', file, what ?? `the main part is ${type}, not a workbook`);
    }
    this.workbookPart = workbookPart;
    const wb = pkg.xml(workbookPart);
    const pr = childNamed(wb, 'workbookPr');
    const d1904 = pr?.attrs.date1904;
    this.date1904 = d1904 === '1' || d1904 === 'true';

    const rels = new Map(pkg.relationships(workbookPart).map((r) => [r.id, r]));
    const sheets: SheetEntry[] = [];
    for (const s of childrenNamed(childNamed(wb, 'sheets'), 'sheet')) {
      const rid = attrByLocal(s.attrs, 'id');
      const rel = rid === undefined ? undefined : rels.get(rid);
      const kind = rel ? (KIND_OF_REL[relType(rel.type)] ?? 'worksheet') : 'worksheet';
      const name = s.attrs.name ?? '';
      if (kind === 'worksheet' && (!rel || !rel.part || !pkg.has(rel.part))) {
        throw new WorkbookReadError('corrupt', file, `the part of sheet "${name}" is missing${rel?.part ? ` (${rel.part})` : ''}`);
      }
      sheets.push({ name, state: toState(s.attrs.state), kind, part: kind === 'worksheet' && rel ? rel.part : null });
    }
    this.sheets = sheets;

    const names: DefinedName[] = [];
    for (const d of childrenNamed(childNamed(wb, 'definedNames'), 'definedName')) {
      const local = d.attrs.localSheetId;
      const scope = local === undefined ? null : Number(local);
      names.push({
        name: d.attrs.name ?? '',
        formula: d.text,
        scope: scope !== null && Number.isInteger(scope) ? scope : null,
        hidden: d.attrs.hidden === '1' || d.attrs.hidden === 'true',
      });
    }
    this.definedNames = names;

    const styles = pkg.related(workbookPart, 'styles');
    this.formats = readCellFormats(styles?.part && pkg.has(styles.part) ? pkg.xml(styles.part) : null);

    if (!sheets.some((s) => s.kind === 'worksheet')) throw new WorkbookReadError('no-sheets', file, 'the workbook lists no worksheet');
  }

  /**
   * Open an .xlsx/.xlsm from its bytes. Throws WorkbookReadError: 'corrupt' (not a package,
   * a damaged or missing part, with the cause as detail), 'unsupported' (another kind of
   * document), 'too-large' (past the limits), 'no-sheets' (no worksheet).
   */
  static open(bytes: Uint8Array, file: string, limits: ZipLimits = {}): XlsxBook {
    try {
      return new XlsxBook(new OpcPackage(bytes, limits), file);
    } catch (e) {
      throw asReadError(e, file);
    }
  }

  /** The workbook of a package already opened. */
  static fromPackage(pkg: OpcPackage, file: string): XlsxBook {
    try {
      return new XlsxBook(pkg, file);
    } catch (e) {
      throw asReadError(e, file);
    }
  }

  /** The file's bytes (the package as read). */
  get bytes(): Uint8Array {
    return this.pkg.zip.bytes;
  }

  private stringsPart(): string | null {
    const rel = this.pkg.related(this.workbookPart, 'sharedStrings');
    return rel?.part && this.pkg.has(rel.part) ? rel.part : null;
  }

  private sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const part = this.stringsPart();
    this.strings = part ? readSharedStrings(this.pkg, part) : [];
    return this.strings;
  }

  private async sharedStringsAsync(): Promise<string[]> {
    if (this.strings) return this.strings;
    const part = this.stringsPart();
    const strings = part ? await readSharedStringsAsync(this.pkg, part) : [];
    this.strings ??= strings;
    return this.strings;
  }

  private readSheet(sheet: SheetEntry): Grid {
    const cached = this.cache.get(sheet.name);
    if (cached) return cached;
    const part = sheet.part as string;
    try {
      const reader = new SheetReader(sheet.name, { strings: this.sharedStrings(), formats: this.formats, date1904: this.date1904, part });
      this.pkg.streamText(part, (text) => reader.push(text));
      return this.keep(sheet, reader.finish());
    } catch (e) {
      throw asReadError(e, this.file);
    }
  }

  /** readSheet through the asynchronous inflater (the browser's DecompressionStream). */
  private async readSheetAsync(sheet: SheetEntry): Promise<Grid> {
    const cached = this.cache.get(sheet.name);
    if (cached) return cached;
    const part = sheet.part as string;
    try {
      const ctx: SheetContext = { strings: await this.sharedStringsAsync(), formats: this.formats, date1904: this.date1904, part };
      const reader = new SheetReader(sheet.name, ctx);
      await this.pkg.streamTextAsync(part, (text) => reader.push(text));
      return this.keep(sheet, reader.finish());
    } catch (e) {
      throw asReadError(e, this.file);
    }
  }

  private keep(sheet: SheetEntry, grid: Grid): Grid {
    // a sheet read twice at once (two asynchronous reads) keeps the first grid: the same object every time
    const first = this.cache.get(sheet.name);
    if (first) return first;
    this.cache.set(sheet.name, grid);
    return grid;
  }

  grids(names?: string[]): Grid[] {
    return pickGrids(this.sheets, names, (s) => this.readSheet(s));
  }

  /** The grids, read through the asynchronous inflater where the package has one (else as grids()). */
  async readGrids(names?: string[]): Promise<Grid[]> {
    if (!this.pkg.inflatesAsync) return this.grids(names);
    const out: Grid[] = [];
    for (const s of pickSheets(this.sheets, names)) out.push(await this.readSheetAsync(s));
    return out;
  }

  async listSheets(): Promise<SheetInfo[]> {
    const grids = await this.readGrids();
    const byName = new Map(grids.map((g) => [g.name, g]));
    return this.sheets
      .filter((s) => s.kind === 'worksheet')
      .map((s) => ({ name: s.name, usedRange: usedRange(byName.get(s.name) as Grid), hidden: s.state !== 'visible', state: s.state }));
  }
}

/** The range of the cells present in a grid ("B2:F20"), or null when none. */
export function usedRange(g: Grid): string | null {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  g.rows.forEach((cells, r) => {
    if (!cells) return;
    let any = false;
    cells.forEach((c, col) => {
      if (!c) return;
      any = true;
      if (col < left) left = col;
      if (col > right) right = col;
    });
    if (!any) return;
    if (top < 0) top = r;
    bottom = r;
  });
  for (const m of g.merges) {
    if (top < 0 || m.top < top) top = m.top;
    if (m.bottom > bottom) bottom = m.bottom;
    if (m.left < left) left = m.left;
    if (m.right > right) right = m.right;
  }
  return top < 0 ? null : rangeAddress(top, left, bottom, right);
}

/** Any failure while reading a package as the one error the front ends know. */
export function asReadError(e: unknown, file: string): WorkbookReadError {
  if (e instanceof WorkbookReadError) return e;
  if (e instanceof PackageError) {
    const code = e.code === 'not-zip' ? 'corrupt' : e.code === 'unsupported' ? 'corrupt' : e.code;
    return new WorkbookReadError(code, file, e.message);
  }
  if (e instanceof SheetError) return new WorkbookReadError('corrupt', file, e.message);
  if (e instanceof RangeError && /alloc|memory|Invalid (array|string|typed array) length/i.test(e.message)) {
    return new WorkbookReadError('too-large', file, e.message);
  }
  return new WorkbookReadError('corrupt', file, e instanceof Error ? e.message : String(e));
}
