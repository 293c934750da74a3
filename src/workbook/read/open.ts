import { asBytes } from '../bytes';
import { OpcPackage } from '../ooxml/package';
import type { ZipLimits } from '../ooxml/zip';
import { platformInflateStream } from '../ooxml/zip';
import { WorkbookReadError } from '../WorkbookPort';
import type { BookFormat, ReadBook } from './Book.types';
import { sniffWorkbook } from './sniff';
import { XlsxBook, asReadError } from './xlsx/XlsxBook';

/*
 * Open any workbook file from its bytes, in Node and in the browser. The content decides, not
 * the name: an .xlsx renamed .xls opens as .xlsx, a BIFF8 file named .et opens as .xls. Only a
 * name ending in .csv/.tsv/.txt is refused by name. Legacy formats go through SheetJS, which is
 * loaded only then (its own chunk in the browser).
 */

export interface OpenOptions {
  /** refuse packages whose parts unpack to more than this ('too-large') */
  maxUnpackedBytes?: number;
  /** a native inflater (Node: zlib), see ZipLimits */
  inflateRaw?: ZipLimits['inflateRaw'];
  /**
   * an asynchronous inflater for readGrids (see ZipLimits); by default the platform's
   * DecompressionStream where there is one and no synchronous native inflater was given;
   * null for none
   */
  inflateRawStream?: ZipLimits['inflateRawStream'] | null;
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const XLSB_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

/** Which legacy format a zip package is (OpenDocument, Excel binary), or null for an OOXML workbook. */
function packageFormat(pkg: OpcPackage, file: string): 'ods' | 'xlsb' | null {
  const mime = pkg.entry('mimetype');
  if (mime && !pkg.hasContentTypes) {
    const type = pkg.text('mimetype').trim();
    if (type === ODS_MIME || type === `${ODS_MIME}-template`) return 'ods';
    throw new WorkbookReadError('unsupported', file, `an OpenDocument file of type ${type}, not a spreadsheet`);
  }
  const main = pkg.related('', 'officeDocument');
  if (main?.part && (pkg.contentType(main.part) ?? '').startsWith(XLSB_TYPE)) return 'xlsb';
  return null;
}

async function legacy(bytes: Uint8Array, file: string, format: Exclude<BookFormat, 'xlsx'>): Promise<ReadBook> {
  const { readLegacyBook } = await import(/* webpackChunkName: "legacy-reader" */ './legacy');
  return readLegacyBook(bytes, file, format);
}

/**
 * Read a workbook held in memory (a Node Buffer is a Uint8Array). Throws WorkbookReadError:
 * 'csv', 'encrypted', 'corrupt' (with the cause), 'unsupported' (another kind of document),
 * 'too-large', 'no-sheets' (nothing that can be read: never a clean book of 0 sheets).
 */
export async function readWorkbookBytes(data: Uint8Array | ArrayBuffer, file = 'workbook.xlsx', options: OpenOptions = {}): Promise<ReadBook> {
  const bytes = asBytes(data);
  const sniffed = sniffWorkbook(bytes, file);
  if (sniffed.kind === 'legacy') return legacy(bytes, file, sniffed.format);
  let pkg: OpcPackage;
  let format: 'ods' | 'xlsb' | null;
  try {
    const inflateRawStream = options.inflateRawStream === null ? undefined : (options.inflateRawStream ?? (options.inflateRaw ? undefined : platformInflateStream()));
    pkg = new OpcPackage(bytes, { maxUnpackedBytes: options.maxUnpackedBytes, inflateRaw: options.inflateRaw, inflateRawStream });
    format = packageFormat(pkg, file);
  } catch (e) {
    throw asReadError(e, file);
  }
  if (format) return legacy(bytes, file, format);
  return XlsxBook.fromPackage(pkg, file);
}
