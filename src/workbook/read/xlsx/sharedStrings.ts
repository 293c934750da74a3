import type { OpcPackage } from '../../ooxml/package';
import { XmlError, decodeXstring, localName, nameEnd, tagEnd, textContent } from '../../ooxml/xml';

/** The longest string item held over between chunks: a cell holds at most 32,767 characters (runs and their properties add a little). */
const MAX_ITEM = 4 * 1024 * 1024;

/**
 * The text of one string item (`<si>` or `<is>` content between `from` and `to`): the `<t>`
 * of a plain string, or the `<t>` of every rich-text run `<r>` joined; phonetic runs `<rPh>`
 * (furigana/pinyin guides) are left out, as Excel shows the text without them.
 */
export function itemText(s: string, from: number, to: number): string {
  // The common case: <t>text</t> or <t xml:space="preserve">text</t> and nothing else.
  let out = '';
  let pos = from;
  let phonetic = 0;
  while (pos < to) {
    const lt = s.indexOf('<', pos);
    if (lt < 0 || lt >= to) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 47) {
      const gt = s.indexOf('>', lt);
      // an end tag cut short (`</` and no `>` in the item): the item ends there
      if (gt < 0 || gt >= to) break;
      if (localName(s.slice(lt + 2, gt).trim()) === 'rPh') phonetic = Math.max(0, phonetic - 1);
      pos = gt + 1;
      continue;
    }
    if (c1 === 33 || c1 === 63) {
      // a comment or processing instruction inside an item: skip it
      const close = c1 === 33 ? s.indexOf('-->', lt) : s.indexOf('?>', lt);
      pos = close < 0 ? to : close + (c1 === 33 ? 3 : 2);
      continue;
    }
    const ne = nameEnd(s, lt, to);
    const name = s.slice(lt + 1, ne);
    const gt = tagEnd(s, ne);
    if (gt < 0 || gt >= to) break;
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const local = localName(name);
    if (local === 'rPh' && !selfClosing) {
      phonetic++;
      pos = gt + 1;
      continue;
    }
    if (local === 't' && !selfClosing) {
      const close = s.indexOf(`</${name}>`, gt + 1);
      const end = close < 0 || close > to ? to : close;
      if (phonetic === 0) out += elementText(s, gt + 1, end);
      pos = end + name.length + 3;
      continue;
    }
    pos = gt + 1;
  }
  return out;
}

/** Element text: CDATA kept as is, the rest with entities and ST_Xstring escapes decoded. */
export function elementText(s: string, from: number, to: number): string {
  const raw = s.slice(from, to);
  if (raw.indexOf('<![CDATA[') < 0) return decodeXstring(textContent(raw));
  let out = '';
  let pos = 0;
  while (pos < raw.length) {
    const cd = raw.indexOf('<![CDATA[', pos);
    if (cd < 0) {
      out += decodeXstring(textContent(raw.slice(pos)));
      break;
    }
    out += decodeXstring(textContent(raw.slice(pos, cd)));
    const end = raw.indexOf(']]>', cd + 9);
    out += raw.slice(cd + 9, end < 0 ? raw.length : end);
    pos = end < 0 ? raw.length : end + 3;
  }
  return out;
}

/**
 * The shared-string table, read as the part inflates (a large table is never held as one
 * string): push the part's text in pieces, then take the items. Item i is the text of the
 * i-th `<si>`.
 */
export class SharedStringsReader {
  private readonly out: string[] = [];
  private carry = '';

  constructor(private readonly part: string) {}

  push(chunk: string): void {
    const out = this.out;
    const s = this.carry.length ? this.carry + chunk : chunk;
    let pos = 0;
    for (;;) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        pos = s.length;
        break;
      }
      const ne = nameEnd(s, lt, s.length);
      if (ne >= s.length) {
        pos = lt;
        break;
      }
      const name = s.slice(lt + 1, ne);
      if (localName(name) !== 'si') {
        // any other markup (the root, comments, the declaration): step past its '<'
        pos = lt + 1;
        continue;
      }
      const gt = tagEnd(s, ne);
      if (gt < 0) {
        pos = lt;
        break;
      }
      if (s.charCodeAt(gt - 1) === 47) {
        out.push('');
        pos = gt + 1;
        continue;
      }
      const closeTag = `</${name}>`;
      const close = s.indexOf(closeTag, gt + 1);
      if (close < 0) {
        pos = lt;
        break;
      }
      out.push(itemText(s, gt + 1, close));
      pos = close + closeTag.length;
    }
    this.carry = pos < s.length ? s.slice(pos) : '';
    if (this.carry.length > MAX_ITEM) throw new XmlError(`${this.part}: a string item longer than ${MAX_ITEM / 1048576} MB (markup left open?)`);
  }

  finish(): string[] {
    return this.out;
  }
}

/** The shared-string table of a package, read synchronously. */
export function readSharedStrings(pkg: OpcPackage, part: string): string[] {
  const reader = new SharedStringsReader(part);
  pkg.streamText(part, (chunk) => reader.push(chunk));
  return reader.finish();
}

/** The same, inflated by the platform's asynchronous inflater where there is one (the browser's DecompressionStream). */
export async function readSharedStringsAsync(pkg: OpcPackage, part: string): Promise<string[]> {
  const reader = new SharedStringsReader(part);
  await pkg.streamTextAsync(part, (chunk) => reader.push(chunk));
  return reader.finish();
}
