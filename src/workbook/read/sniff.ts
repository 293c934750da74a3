import { extName, indexOfBytes, latin1, utf16le } from '../bytes';
import { WorkbookReadError } from '../WorkbookPort';
import type { BookFormat } from './Book.types';

const ENCRYPTION_INFO = utf16le('EncryptionInfo');

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
