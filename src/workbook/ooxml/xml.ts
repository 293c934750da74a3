/*
 * Just enough XML for the parts of a package, without a general parser: a tag scanner over
 * decoded text (attributes, entities, CDATA, comments, processing instructions, namespace
 * prefixes by local name). Chosen by measurement over saxes (BENCHMARKS.md, issue 14): the
 * sheet reader, which does most of the work, scans cells with its own loop on the same
 * helpers. Namespace prefixes are matched by local name only: SpreadsheetML parts use one
 * vocabulary, whatever prefix a producer binds it to (`<x:c>` in some generators).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replace the five predefined entities and character references. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body.charCodeAt(1) === 120 ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[body] ?? m;
  });
}

/** Text content as an XML parser gives it: line ends normalised (CR LF and CR become LF), entities replaced. */
export function textContent(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return decodeEntities(s);
}

/**
 * The escapes of ST_Xstring (ECMA-376 Part 1, 22.9.2.19): characters XML cannot hold are
 * written `_xHHHH_` (a carriage return is `_x000D_`), and a literal `_x` sequence that would
 * read as one is itself escaped as `_x005F_`.
 */
export function decodeXstring(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The local part of a qualified name ("x:c" → "c"). */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13;
}

/** Where the name of the tag whose '<' is at `lt` ends (at '>', '/' or white space), or `to` when the text ends first. */
export function nameEnd(s: string, lt: number, to = s.length): number {
  let i = lt + 1;
  while (i < to) {
    const ch = s.charCodeAt(i);
    if (ch === 62 || ch === 47 || isSpace(ch)) break;
    i++;
  }
  return i;
}

/**
 * The end ('>') of the start tag whose name ends at `from`, skipping quoted attribute
 * values (which may hold '>'); -1 when the text ends first.
 */
export function tagEnd(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 62) return i;
    if (ch === 34 || ch === 39) {
      const close = s.indexOf(ch === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/**
 * Attributes of a start tag, between `from` (after the name) and `to` (the '>' or the '/' of
 * '/>'), keyed by qualified name, values with entities replaced and whitespace normalised as
 * XML requires (tab, CR, LF become spaces).
 */
export function parseAttributes(s: string, from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (i >= to) break;
    const nameStart = i;
    while (i < to) {
      const ch = s.charCodeAt(i);
      if (ch === 61 || isSpace(ch)) break;
      i++;
    }
    const name = s.slice(nameStart, i);
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61) {
      // an attribute without a value is not XML; skip the token
      if (i === nameStart) i++;
      continue;
    }
    i++;
    while (i < to && isSpace(s.charCodeAt(i))) i++;
    const q = s.charCodeAt(i);
    if (q !== 34 && q !== 39) break;
    const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > to) break;
    let value = s.slice(i + 1, close);
    if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
    out[name] = decodeEntities(value);
    i = close + 1;
  }
  return out;
}

/** An attribute by local name ("r:id" answers "id"); the first such when several prefixes give it. */
export function attrByLocal(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const k in attrs) if (localName(k) === local) return attrs[k];
  return undefined;
}

export interface XmlElementEvent {
  kind: 'open';
  /** qualified name as written */
  name: string;
  local: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
}

export interface XmlCloseEvent {
  kind: 'close';
  name: string;
  local: string;
}

export interface XmlTextEvent {
  kind: 'text';
  /** decoded text (entities replaced, CDATA as is) */
  text: string;
}

export type XmlEvent = XmlElementEvent | XmlCloseEvent | XmlTextEvent;

/** Thrown for markup the scanner cannot make sense of (the readers report the part as damaged). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

/**
 * Every tag and text run of a small part, in order (the workbook part, relationships,
 * content types, styles, a shared-string item). Comments, processing instructions and the
 * doctype are skipped; CDATA is text. Throws XmlError on markup cut short.
 */
export function* xmlEvents(s: string): Generator<XmlEvent> {
  let pos = 0;
  const n = s.length;
  while (pos < n) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) {
      if (pos < n) {
        const text = s.slice(pos);
        if (text.trim()) yield { kind: 'text', text: textContent(text) };
      }
      return;
    }
    if (lt > pos) yield { kind: 'text', text: textContent(s.slice(pos, lt)) };
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33) {
      // <!-- comment -->, <![CDATA[ ... ]]>, <!DOCTYPE ...>
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        if (end < 0) throw new XmlError('comment not closed');
        pos = end + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) throw new XmlError('CDATA not closed');
        yield { kind: 'text', text: s.slice(lt + 9, end) };
        pos = end + 3;
      } else {
        const end = s.indexOf('>', lt);
        if (end < 0) throw new XmlError('declaration not closed');
        pos = end + 1;
      }
      continue;
    }
    if (c1 === 63) {
      const end = s.indexOf('?>', lt + 2);
      if (end < 0) throw new XmlError('processing instruction not closed');
      pos = end + 2;
      continue;
    }
    if (c1 === 47) {
      const end = s.indexOf('>', lt);
      if (end < 0) throw new XmlError('end tag not closed');
      const name = s.slice(lt + 2, end).trim();
      yield { kind: 'close', name, local: localName(name) };
      pos = end + 1;
      continue;
    }
    const ne = nameEnd(s, lt, n);
    const gt = tagEnd(s, ne);
    if (gt < 0) throw new XmlError('start tag not closed');
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const name = s.slice(lt + 1, ne);
    yield { kind: 'open', name, local: localName(name), attrs: parseAttributes(s, ne, selfClosing ? gt - 1 : gt), selfClosing };
    pos = gt + 1;
  }
}

/** A minimal element tree of a small part (for the workbook-level parts). */
export interface XmlNode {
  name: string;
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** the text directly inside, joined */
  text: string;
}

/** Parse a small part into a tree. Throws XmlError when it is not well formed enough to read. */
export function parseXml(s: string): XmlNode {
  const root: XmlNode = { name: '#document', local: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  for (const ev of xmlEvents(s)) {
    const top = stack[stack.length - 1];
    if (ev.kind === 'text') {
      top.text += ev.text;
    } else if (ev.kind === 'open') {
      const node: XmlNode = { name: ev.name, local: ev.local, attrs: ev.attrs, children: [], text: '' };
      top.children.push(node);
      if (!ev.selfClosing) stack.push(node);
    } else {
      if (stack.length < 2 || top.name !== ev.name) throw new XmlError(`unexpected </${ev.name}>`);
      stack.pop();
    }
  }
  if (stack.length !== 1) throw new XmlError(`<${stack[stack.length - 1].name}> not closed`);
  const docElement = root.children[0];
  if (!docElement) throw new XmlError('no document element');
  return docElement;
}

/** Children of a node by local name. */
export function childrenNamed(node: XmlNode | undefined, local: string): XmlNode[] {
  return node ? node.children.filter((c) => c.local === local) : [];
}

export function childNamed(node: XmlNode | undefined, local: string): XmlNode | undefined {
  return node?.children.find((c) => c.local === local);
}
