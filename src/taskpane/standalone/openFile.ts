/**
 * The standalone page's default way to open a file: FileWorkbook, imported lazily so that
 * ExcelJS is a chunk of its own ("file-workbook"), fetched from the page's own origin
 * only when a file is chosen, never part of the task pane's initial JavaScript.
 */
import type { OpenFile } from './types';

/**
 * The largest file the page tries to read (60 MB, as FileWorkbook's MAX_FILE_BYTES):
 * checked on the File's size before its bytes are read, so a huge file is refused at
 * once. FileWorkbook checks again on the bytes.
 */
export const FILE_LIMIT_BYTES = 60 * 1024 * 1024;

export const openFileWorkbook: OpenFile = async (data, name, onGoTo) => {
  const { FileWorkbook } = await import(/* webpackChunkName: "file-workbook" */ '../../workbook/file');
  return FileWorkbook.open(data, name, { onGoTo });
};

/** The bytes of a chosen or dropped file (File.arrayBuffer, or FileReader where it is missing). */
export function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}
