/*
 * Small helpers for the XML the package writer produces and for the surgical edits it makes
 * to parts other producers wrote (find an element by name whatever its prefix, insert before
 * its end tag, change one attribute). Browser-safe.
 */

import { utf8Bytes } from '../ooxml/zip';

// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute content escaped; characters XML 1.0 cannot hold are dropped. */
export function esc(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** `<t>` text, with xml:space="preserve" when spaces at either end or line breaks would be lost. */
export function tElement(tag: string, s: string): string {
  const preserve = /^\s|\s$|\n/.test(s);
  // text that reads as an escaped character (`_x000D_`) keeps its underscore escaped (ST_Xstring)
  const text = esc(s).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return preserve ? `<${tag} xml:space="preserve">${text}</${tag}>` : `<${tag}>${text}</${tag}>`;
}

/** A number as XML Schema double text ('' for NaN and infinities, which a cell cannot hold). */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '';
  return Object.is(n, -0) ? '-0' : String(n);
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A found element: where its start tag begins and ends, and its end tag (for non-empty elements). */
export interface Found {
  /** index of '<' of the start tag */
  start: number;
  /** index just after the start tag's '>' */
  openEnd: number;
  /** whether the start tag is self-closing */
  empty: boolean;
  /** index of '<' of the end tag (= openEnd for an empty element) */
  closeStart: number;
  /** index just after the whole element */
  end: number;
  /** the qualified name as written */
  qname: string;
}

function re(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** End of a start tag from `from` (inside it), skipping quoted attribute values; -1 when cut short. */
function tagClose(s: string, from: number): number {
  let q = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (q) {
      if (c === q) q = 0;
    } else if (c === 34 || c === 39) q = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * Every element named `local` (any prefix) in s[from, to), outermost first, skipping comments,
 * CDATA and processing instructions. Elements of the same name nested inside one found are not
 * reported separately.
 */
export function findAll(s: string, local: string, from = 0, to = s.length): Found[] {
  const out: Found[] = [];
  const open = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${re(local)}(?=[\\s/>])|<!--|<!\\[CDATA\\[|<\\?`, 'g');
  open.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = open.exec(s)) && m.index < to) {
    if (m[0] === '<!--') {
      const e = s.indexOf('-->', m.index + 4);
      open.lastIndex = e < 0 ? s.length : e + 3;
      continue;
    }
    if (m[0] === '<![CDATA[') {
      const e = s.indexOf(']]>', m.index + 9);
      open.lastIndex = e < 0 ? s.length : e + 3;
      continue;
    }
    if (m[0] === '<?') {
      const e = s.indexOf('?>', m.index + 2);
      open.lastIndex = e < 0 ? s.length : e + 2;
      continue;
    }
    const qname = m[0].slice(1);
    const gt = tagClose(s, m.index + m[0].length);
    if (gt < 0) throw new Error(`<${qname}> not closed`);
    const empty = s.charCodeAt(gt - 1) === 47;
    if (empty) {
      out.push({ start: m.index, openEnd: gt + 1, empty, closeStart: gt + 1, end: gt + 1, qname });
      open.lastIndex = gt + 1;
      continue;
    }
    // the matching end tag, counting nested elements of the same name
    const pair = new RegExp(`<(/?)${re(qname)}(?=[\\s/>])`, 'g');
    pair.lastIndex = gt + 1;
    let depth = 1;
    let p: RegExpExecArray | null;
    let closeStart = -1;
    while ((p = pair.exec(s))) {
      const g = tagClose(s, p.index + p[0].length);
      if (g < 0) break;
      if (p[1] === '/') {
        depth--;
        if (depth === 0) {
          closeStart = p.index;
          out.push({ start: m.index, openEnd: gt + 1, empty, closeStart, end: g + 1, qname });
          open.lastIndex = g + 1;
          break;
        }
      } else if (s.charCodeAt(g - 1) !== 47) depth++;
    }
    if (closeStart < 0) throw new Error(`</${qname}> missing`);
  }
  return out;
}

export function findFirst(s: string, local: string, from = 0, to = s.length): Found | undefined {
  // findAll stops at nothing; scan only until the first
  const all = findAll(s, local, from, to);
  return all[0];
}

/** The attributes of a start tag s[start, openEnd) by qualified name (values as written, still escaped). */
export function attrsOf(s: string, f: Found): Map<string, string> {
  const tag = s.slice(f.start, f.openEnd);
  const out = new Map<string, string>();
  const a = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  a.lastIndex = 1 + f.qname.length;
  while ((m = a.exec(tag))) out.set(m[1], m[2] ?? m[3]);
  return out;
}

/** The start tag with one attribute set (replaced in place, or added at the end), or removed when value is null. */
export function setAttr(tag: string, qname: string, value: string | null): string {
  const a = new RegExp(`(\\s)${re(qname)}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  if (a.test(tag)) return value === null ? tag.replace(new RegExp(`\\s${re(qname)}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '') : tag.replace(a, `$1${qname}="${value}"`);
  if (value === null) return tag;
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close).replace(/\s+$/, '')} ${qname}="${value}"${tag.slice(close)}`;
}

/** The prefix (with ':') of a qualified name, '' when there is none. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** The prefix declared for a namespace URI on the root element ('' for the default namespace), or undefined. */
export function prefixFor(s: string, root: Found, uris: readonly string[]): string | undefined {
  for (const [k, v] of attrsOf(s, root)) {
    if (!uris.includes(v)) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return undefined;
}

/** One edit of a text: replace s[from, to) with `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/** Apply non-overlapping edits (in any order); edits at the same point keep their given order. */
export function applyEdits(s: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.from < pos) throw new Error('overlapping edits');
    out += s.slice(pos, e.from) + e.text;
    pos = e.to;
  }
  return out + s.slice(pos);
}

export function decodeAttr(v: string): string {
  return v.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g, (_m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e];
  });
}

/**
 * Text collected as UTF-8 bytes as it is written, so that a large part is never one large
 * string (nor a list of them) before it is encoded.
 */
export class ByteSink {
  private buf: Uint8Array;
  private len = 0;
  private readonly encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

  constructor(capacity = 1 << 16) {
    this.buf = new Uint8Array(capacity);
  }

  private grow(need: number): void {
    if (this.len + need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  write(s: string): void {
    // at most 3 bytes per UTF-16 unit
    this.grow(s.length * 3);
    if (this.encoder) {
      this.len += this.encoder.encodeInto(s, this.buf.subarray(this.len)).written ?? 0;
    } else {
      const b = utf8Bytes(s); // without TextEncoder (jsdom): the package layer's encoder
      this.buf.set(b, this.len);
      this.len += b.length;
    }
  }

  writeBytes(b: Uint8Array): void {
    this.grow(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  get length(): number {
    return this.len;
  }

  /** The bytes written (a view: write nothing more after taking it). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}
