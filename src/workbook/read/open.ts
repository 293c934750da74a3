import { asBytes, extName, indexOfBytes, latin1, utf16le } from '../xlsx/bytes';
import { OpcPackage } from '../ooxml/package';
import type { ZipLimits } from '../ooxml/zip';
import { platformInflateStream } from '../ooxml/zip';
import { WorkbookReadError } from '../WorkbookPort';
import type { BookFormat, ReadBook } from './Book.types';
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

const ENCRYPTION_INFO = utf16le('EncryptionInfo');
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const XLSB_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';

/** What the bytes are, before any of it is parsed. */
export type Sniffed = { kind: 'package' } | { kind: 'legacy'; format: Exclude<BookFormat, 'xlsx'> };

/**
 * Refuse what is not a workbook (WorkbookReadError): a name ending in .csv/.tsv/.txt, or text
 * with separators ('csv'); an encrypted OOXML package ('encrypted'); anything else that is
 * neither a zip package nor an OLE2 compound file ('corrupt'). An OLE2 file without encryption
 * is a BIFF workbook (.xls, also WPS .et).
 */
export function sniffWorkbook(buf: Uint8Array, file: string): Sniffed {
  const ext = extName(file);
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') throw new WorkbookReadError('csv', file);
  if (buf.length >= 4 && buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    // An OLE2 compound file: an encrypted OOXML package (it has an EncryptionInfo stream), or a legacy workbook.
    if (indexOfBytes(buf, ENCRYPTION_INFO) >= 0) throw new WorkbookReadError('encrypted', file);
    return { kind: 'legacy', format: 'xls' };
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    // What matters is ASCII (separators, line ends, NUL), so Latin-1 finds what UTF-8 would.
    const head = latin1(buf.subarray(0, 512));
    if (/^[^\0]*[,;\t][^\0]*\n/.test(head) && !head.includes('\0')) throw new WorkbookReadError('csv', file);
    throw new WorkbookReadError('corrupt', file, 'neither a zip package nor an Excel 97-2003 file');
  }
  return { kind: 'package' };
}

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
