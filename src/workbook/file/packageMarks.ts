import { address, columnLetters } from '../../core/grid';
import type { CellNow } from '../../core/marks/Marks.types';
import { OpcPackage, relType, relativeTarget, relsPartOf } from '../ooxml/package';
import type { ZipInput } from '../ooxml/zip';
import { deflatedEntry, nameKey, utf8Bytes, writeZip } from '../ooxml/zip';
import { NS_REL, commentsXml, notesVml } from '../write/sheet';
import { StyleSheet } from '../write/styles';
import type { Found } from '../write/xmlOut';
import { XML_HEAD, attrsOf, decodeAttr, findAll, findFirst, prefixOf, setAttr, tElement } from '../write/xmlOut';
import { fillColour, themeColours } from './colors';
import type { StyleColour } from './colors';

/*
 * Marks written into the package itself (issue 16): a marked cell changes only its style index
 * (`s`, to a new xf appended to styles.xml that copies the cell's own with the mark's fill), and
 * its note goes into the sheet's comments part (created, with its VML drawing, relationships and
 * content types, when the sheet has none). Every other byte of the sheet part stays; every other
 * part is copied as it was. What each cell had is kept (Exact) so that unmarking puts back the
 * very bytes: the `s` attribute as it was, the comment as it was, the parts we created removed.
 */

const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** worksheet children that come after legacyDrawing (CT_Worksheet) */
const AFTER_LEGACY = new Set(['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst']);

/** What one marked cell had in the package, and what marking added (the marks sheet's extra column, JSON). */
export interface Exact {
  v: 2;
  /** the cell's `s` as written, null when it had none */
  s: string | null;
  /** the `s` the mark set */
  ms: string;
  /** the cell element we inserted (the cell was not in the part) */
  ins?: string;
  /** the row we inserted ('new'), or the empty row element as it was that we opened */
  row?: string;
  /** the cell's comment element as it was, null when it had none (absent: the mark wrote no note) */
  comment?: string | null;
  /** the number of the VML shape we added for the note (its id is `_x0000_s` and the number) */
  shape?: string;
  /** parts and entries created for this sheet's notes (on every record of the sheet) */
  created?: Created;
}

interface Created {
  comments?: string;
  vml?: string;
  /** the sheet's relationships part was created */
  relsPart?: boolean;
  /** relationship ids added to the sheet's relationships */
  rids?: string[];
  /** the legacyDrawing element inserted into the sheet */
  legacy?: string;
  /** the vml Default added to [Content_Types].xml */
  vmlDefault?: boolean;
  /** an empty author appended to an existing comments part */
  author?: boolean;
}

export interface SheetRef {
  name: string;
  part: string;
}

/** The package opened for marking: parts edited as text, parts added and removed, then written again. */
export class MarkEditor {
  readonly pkg: OpcPackage;
  readonly sheets: SheetRef[];
  readonly styles: StyleSheet;
  private readonly stylesPart: string | null;
  private readonly theme: string[];
  private readonly texts = new Map<string, { name: string; text: string }>();
  private readonly added = new Map<string, { name: string; text: string }>();
  private readonly removed = new Set<string>();

  constructor(bytes: Uint8Array) {
    this.pkg = new OpcPackage(bytes);
    const bookPart = this.pkg.related('', 'officeDocument')?.part;
    if (!bookPart) throw new Error('the package has no workbook part');
    const book = this.pkg.text(bookPart);
    const rels = new Map(this.pkg.relationships(bookPart).map((r) => [r.id, r]));
    const sheetsEl = findFirst(book, 'sheets');
    this.sheets = [];
    if (sheetsEl && !sheetsEl.empty) {
      for (const el of findAll(book, 'sheet', sheetsEl.openEnd, sheetsEl.closeStart)) {
        const a = attrsOf(book, el);
        let rid = '';
        for (const [k, v] of a) if (k.endsWith(':id')) rid = v;
        const part = rels.get(rid)?.part;
        if (part) this.sheets.push({ name: decodeAttr(a.get('name') ?? ''), part });
      }
    }
    this.stylesPart = this.pkg.related(bookPart, 'styles')?.part ?? null;
    this.styles = new StyleSheet(
      this.stylesPart && this.pkg.has(this.stylesPart)
        ? this.pkg.text(this.stylesPart)
        : '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>',
    );
    const themePart = this.pkg.related(bookPart, 'theme')?.part;
    this.theme = themeColours(themePart && this.pkg.has(themePart) ? this.pkg.text(themePart) : undefined);
  }

  /** A sheet by name: exactly, else ignoring case. */
  sheet(name: string): SheetRef | undefined {
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  has(part: string): boolean {
    const k = nameKey(part);
    return !this.removed.has(k) && (this.added.has(k) || this.texts.has(k) || this.pkg.has(part));
  }

  text(part: string): string {
    const k = nameKey(part);
    const t = this.added.get(k) ?? this.texts.get(k);
    if (t) return t.text;
    return this.pkg.text(part);
  }

  set(part: string, text: string): void {
    const k = nameKey(part);
    if (this.added.has(k)) this.added.set(k, { name: part, text });
    else if (this.pkg.has(part) && !this.removed.has(k)) this.texts.set(k, { name: part, text });
    else {
      this.removed.delete(k);
      this.added.set(k, { name: part, text });
    }
  }

  remove(part: string): void {
    const k = nameKey(part);
    this.added.delete(k);
    this.texts.delete(k);
    if (this.pkg.has(part)) this.removed.add(k);
  }

  /** The part names as they are now (removed ones left out, added ones in). */
  get names(): string[] {
    return [...this.pkg.partNames.filter((n) => !this.removed.has(nameKey(n))), ...[...this.added.values()].map((a) => a.name)];
  }

  /** Whether a sheet is protected (its sheetProtection has sheet="1"). */
  protectedSheet(ref: SheetRef): boolean {
    const m = /<(?:[\w.-]+:)?sheetProtection\b[^>]*\ssheet\s*=\s*["'](1|true)["']/.exec(this.text(ref.part));
    return m !== null;
  }

  /** The relationships of a part as they are now: [id, type's last segment, target part]. */
  rels(part: string): { id: string; type: string; part: string }[] {
    const rp = relsPartOf(part);
    if (!this.has(rp)) return [];
    const xml = this.text(rp);
    const dir = part.slice(0, part.lastIndexOf('/') + 1);
    return findAll(xml, 'Relationship').map((r) => {
      const a = attrsOf(xml, r);
      const target = decodeAttr(a.get('Target') ?? '');
      const resolved = target.startsWith('/') ? target.slice(1) : normalise(dir + target);
      return { id: a.get('Id') ?? '', type: relType(a.get('Type') ?? ''), part: (a.get('TargetMode') ?? '').toLowerCase() === 'external' ? '' : resolved };
    });
  }

  /** The fill of a cell format as Office.js reports it ('#RRGGBB' or null). */
  fillOf(s: number): string | null {
    const xf = this.styles.item('cellXfs', s) ?? this.styles.item('cellXfs', 0);
    const fillId = xf ? Number(/\sfillId\s*=\s*["'](\d+)["']/.exec(xf)?.[1] ?? 0) : 0;
    const fill = this.styles.item('fills', fillId);
    if (!fill) return null;
    const colour = (el: string | undefined): StyleColour | undefined => {
      if (!el) return undefined;
      const a = (n: string): string | undefined => new RegExp(`\\s${n}\\s*=\\s*["']([^"']*)["']`).exec(el)?.[1];
      const c: StyleColour = {};
      if (a('rgb') !== undefined) c.argb = a('rgb');
      else if (a('theme') !== undefined) c.theme = Number(a('theme'));
      else if (a('indexed') !== undefined) c.indexed = Number(a('indexed'));
      if (a('tint') !== undefined) c.tint = Number(a('tint'));
      return c;
    };
    const pattern = /<(?:[\w.-]+:)?patternFill\b[^>]*>/.exec(fill)?.[0];
    if (pattern) {
      const type = /\spatternType\s*=\s*["']([^"']*)["']/.exec(pattern)?.[1];
      return fillColour({ type: 'pattern', pattern: type, fgColor: colour(/<(?:[\w.-]+:)?fgColor\b[^>]*>/.exec(fill)?.[0]) }, this.theme);
    }
    const stop = /<(?:[\w.-]+:)?stop\b[^>]*>\s*(<(?:[\w.-]+:)?color\b[^>]*>)/.exec(fill)?.[1];
    return fillColour({ type: 'gradient', stops: [{ color: colour(stop) }] }, this.theme);
  }

  /** The bytes of the package with the edits. */
  toBytes(): Uint8Array {
    if (this.styles.changed && this.stylesPart) this.set(this.stylesPart, this.styles.toString());
    const inputs: ZipInput[] = [];
    const seen = new Set<string>();
    for (const e of this.pkg.zip.entries) {
      const k = nameKey(e.name);
      if (seen.has(k) || this.removed.has(k)) continue;
      seen.add(k);
      const t = this.texts.get(k);
      const bytes = t ? utf8Bytes(t.text) : null;
      // a part edited back to what it was is copied as it was (its compressed bytes too)
      inputs.push(bytes && !sameBytes(bytes, this.pkg.zip.read(e)) ? deflatedEntry(e.name, bytes) : { name: e.name, copy: e, from: this.pkg.zip });
    }
    for (const a of this.added.values()) inputs.push(deflatedEntry(a.name, utf8Bytes(a.text)));
    return writeZip(inputs);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A cell element of a sheet part by its reference. */
export function findCell(xml: string, ref: string): Found | undefined {
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?c\\s[^>]*?\\sr\\s*=\\s*["']${esc(ref)}["']`).exec(xml) ?? new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?c\\s+r\\s*=\\s*["']${esc(ref)}["']`).exec(xml);
  if (!m) return undefined;
  return findFirst(xml, 'c', m.index, m.index + 1);
}

function findRow(xml: string, row: number): Found | undefined {
  const m = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?row\\s[^>]*?\\br\\s*=\\s*["']${row}["']`).exec(xml);
  if (!m) return undefined;
  return findFirst(xml, 'row', m.index, m.index + 1);
}

function colOf(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function rowOf(ref: string): number {
  return Number(/\d+$/.exec(ref)?.[0] ?? 1);
}

/** The text of a comment element (its runs, phonetic runs left out). */
function commentText(raw: string): string {
  const body = raw.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const m of body.matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g)) out += decodeAttr(m[1]);
  return out.replace(/\r\n/g, '\n');
}

interface SheetNotes {
  comments: string | null;
  vml: string | null;
}

/** The comments part and the VML drawing of a sheet, as related now. */
function notesParts(ed: MarkEditor, ref: SheetRef): SheetNotes {
  const rels = ed.rels(ref.part);
  const c = rels.find((r) => r.type === 'comments' && r.part && ed.has(r.part));
  const v = rels.find((r) => r.type === 'vmlDrawing' && r.part && ed.has(r.part));
  return { comments: c?.part ?? null, vml: v?.part ?? null };
}

function commentOf(ed: MarkEditor, parts: SheetNotes, cell: string): { xml: string; el: Found } | null {
  if (!parts.comments) return null;
  const xml = ed.text(parts.comments);
  const m = new RegExp(`<(?:[\\w.-]+:)?comment\\s[^>]*?\\bref\\s*=\\s*["']${esc(cell)}["']`).exec(xml);
  if (!m) return null;
  const el = findFirst(xml, 'comment', m.index, m.index + 1);
  return el ? { xml, el } : null;
}

/** A cell as it is now: its style index and what Office.js would report of it. */
export function cellNow(ed: MarkEditor, ref: SheetRef, cell: string): CellNow & { s: number; el: Found | undefined } {
  const xml = ed.text(ref.part);
  const el = findCell(xml, cell);
  const s = el ? Number(attrsOf(xml, el).get('s') ?? 0) || 0 : 0;
  const c = commentOf(ed, notesParts(ed, ref), cell);
  return { s, el, fill: ed.fillOf(s), note: c ? commentText(c.xml.slice(c.el.start, c.el.end)) : null };
}

/** Give a cell another style index; inserts the cell (and its row) when the part has none. */
function setStyle(ed: MarkEditor, ref: SheetRef, cell: string, s: number, exact: Exact): void {
  const xml = ed.text(ref.part);
  const el = findCell(xml, cell);
  if (el) {
    const tag = xml.slice(el.start, el.openEnd);
    ed.set(ref.part, xml.slice(0, el.start) + setAttr(tag, 's', String(s)) + xml.slice(el.openEnd));
    return;
  }
  const sd = findFirst(xml, 'sheetData');
  if (!sd) throw new Error(`${ref.part} has no sheetData`);
  const p = prefixOf(sd.qname);
  const ins = `<${p}c r="${cell}" s="${s}"/>`;
  exact.ins = ins;
  const r = rowOf(cell);
  const row = findRow(xml, r);
  if (row && !row.empty) {
    let at = row.closeStart;
    for (const c of findAll(xml, 'c', row.openEnd, row.closeStart)) {
      const cr = attrsOf(xml, c).get('r');
      if (cr && colOf(cr) > colOf(cell)) {
        at = c.start;
        break;
      }
    }
    ed.set(ref.part, xml.slice(0, at) + ins + xml.slice(at));
  } else if (row) {
    const tag = xml.slice(row.start, row.openEnd);
    exact.row = tag;
    ed.set(ref.part, `${xml.slice(0, row.start)}${tag.replace(/\s*\/>$/, '>')}${ins}</${row.qname}>${xml.slice(row.end)}`);
  } else {
    exact.row = 'new';
    const text = `<${p}row r="${r}">${ins}</${p}row>`;
    if (sd.empty) {
      ed.set(ref.part, `${xml.slice(0, sd.start)}<${sd.qname}>${text}</${sd.qname}>${xml.slice(sd.end)}`);
      return;
    }
    let at = sd.closeStart;
    for (const rw of findAll(xml, 'row', sd.openEnd, sd.closeStart)) {
      if (Number(attrsOf(xml, rw).get('r')) > r) {
        at = rw.start;
        break;
      }
    }
    ed.set(ref.part, xml.slice(0, at) + text + xml.slice(at));
  }
}

/** Put a cell's style back: its `s` as it was, or the cell we inserted taken out. */
function restoreStyle(ed: MarkEditor, ref: SheetRef, cell: string, exact: Exact): void {
  const xml = ed.text(ref.part);
  const el = findCell(xml, cell);
  if (!el) return;
  if (exact.ins && xml.slice(el.start, el.end) === exact.ins) {
    let text = xml.slice(0, el.start) + xml.slice(el.end);
    const row = findRow(text, rowOf(cell));
    if (row && !row.empty && row.closeStart === row.openEnd && exact.row) {
      text = text.slice(0, row.start) + (exact.row === 'new' ? '' : exact.row) + text.slice(row.end);
    }
    ed.set(ref.part, text);
    return;
  }
  const tag = xml.slice(el.start, el.openEnd);
  ed.set(ref.part, xml.slice(0, el.start) + setAttr(tag, 's', exact.s) + xml.slice(el.openEnd));
}

/** The next free VML drawing block (1024 shape ids each) in the package. */
function freeVmlBlock(ed: MarkEditor): number {
  let block = 0;
  for (const name of ed.names) {
    if (!/\.vml$/i.test(name)) continue;
    for (const m of ed.text(name).matchAll(/data\s*=\s*"([\d,\s]+)"/g)) for (const d of m[1].split(',')) block = Math.max(block, Number(d) || 0);
  }
  return block + 1;
}

function freeName(ed: MarkEditor, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) if (!ed.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
}

/** Add a relationship to a part's relationships (creating the part); returns its id. */
function addRel(ed: MarkEditor, part: string, type: string, target: string, created: Created): string {
  const rp = relsPartOf(part);
  const xml = ed.has(rp) ? ed.text(rp) : (created.relsPart = true, `${XML_HEAD}<Relationships xmlns="${RELS_NS}"></Relationships>`);
  const ids = new Set(findAll(xml, 'Relationship').map((r) => attrsOf(xml, r).get('Id')));
  let n = 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = findFirst(xml, 'Relationships');
  if (!root) throw new Error(`${rp} is damaged`);
  const el = `<${prefixOf(root.qname)}Relationship Id="${id}" Type="${REL_BASE}/${type}" Target="${relativeTarget(part, target)}"/>`;
  const text = root.empty ? `${xml.slice(0, root.start)}${xml.slice(root.start, root.end).replace(/\s*\/>$/, '>')}${el}</${root.qname}>${xml.slice(root.end)}` : xml.slice(0, root.closeStart) + el + xml.slice(root.closeStart);
  ed.set(rp, text);
  (created.rids ??= []).push(id);
  return id;
}

function addOverride(ed: MarkEditor, part: string, type: string): void {
  const xml = ed.text('[Content_Types].xml');
  const root = findFirst(xml, 'Types') as Found;
  ed.set('[Content_Types].xml', `${xml.slice(0, root.closeStart)}<${prefixOf(root.qname)}Override PartName="/${part}" ContentType="${type}"/>${xml.slice(root.closeStart)}`);
}

/** The comments part and VML drawing of a sheet, created (with everything that points to them) when missing. */
function ensureNotesParts(ed: MarkEditor, ref: SheetRef, created: Created): { comments: string; vml: string } {
  const now = notesParts(ed, ref);
  let { comments, vml } = now;
  const dir = ref.part.replace(/[^/]*$/, '').replace(/worksheets\/$/, '');
  if (!vml) {
    vml = freeName(ed, `${dir}drawings/vmlDrawing`, '.vml');
    ed.set(vml, notesVml([], freeVmlBlock(ed)));
    created.vml = vml;
    const rid = addRel(ed, ref.part, 'vmlDrawing', vml, created);
    const types = ed.text('[Content_Types].xml');
    if (!/<(?:[\w.-]+:)?Default\b[^>]*\sExtension\s*=\s*["']vml["']/i.test(types)) {
      const root = findFirst(types, 'Types') as Found;
      ed.set('[Content_Types].xml', `${types.slice(0, root.closeStart)}<${prefixOf(root.qname)}Default Extension="vml" ContentType="${CT_VML}"/>${types.slice(root.closeStart)}`);
      created.vmlDefault = true;
    }
    // the legacyDrawing element, before the worksheet children that follow it
    const xml = ed.text(ref.part);
    const root = findFirst(xml, 'worksheet');
    if (!root || root.empty) throw new Error(`${ref.part} has no worksheet`);
    const p = prefixOf(root.qname);
    const sd = findFirst(xml, 'sheetData', root.openEnd, root.closeStart);
    let pos = sd ? sd.end : root.openEnd;
    let at = root.closeStart;
    const tagRe = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(?=[\s/>])|<!--|<\?/g;
    for (;;) {
      tagRe.lastIndex = pos;
      const m = tagRe.exec(xml);
      if (!m || m.index >= root.closeStart) break;
      if (m[0] === '<!--') {
        pos = xml.indexOf('-->', m.index) + 3;
        continue;
      }
      if (m[0] === '<?') {
        pos = xml.indexOf('?>', m.index) + 2;
        continue;
      }
      if (AFTER_LEGACY.has(m[2])) {
        at = m.index;
        break;
      }
      const el = findFirst(xml, m[2], m.index, m.index + 1);
      pos = el ? el.end : m.index + 1;
    }
    const declared = [...attrsOf(xml, root)].find(([k, v]) => k.startsWith('xmlns:') && v === NS_REL);
    const legacy = declared ? `<${p}legacyDrawing ${declared[0].slice(6)}:id="${rid}"/>` : `<${p}legacyDrawing xmlns:r="${NS_REL}" r:id="${rid}"/>`;
    created.legacy = legacy;
    ed.set(ref.part, xml.slice(0, at) + legacy + xml.slice(at));
  }
  if (!comments) {
    comments = freeName(ed, `${dir}comments`, '.xml');
    ed.set(comments, commentsXml([]).replace('<commentList></commentList>', '<commentList/>'));
    created.comments = comments;
    addRel(ed, ref.part, 'comments', comments, created);
    addOverride(ed, comments, CT_COMMENTS);
  }
  return { comments, vml };
}

/** Add our text to a cell's comment (a run below the cell's own), or a new comment with it. */
function writeNote(ed: MarkEditor, ref: SheetRef, cell: string, full: string, exact: Exact, created: Created): void {
  const parts = ensureNotesParts(ed, ref, created);
  const had = commentOf(ed, parts, cell);
  const run = (text: string): string => `<r><rPr><sz val="9"/><rFont val="Tahoma"/></rPr>${tElement('t', text)}</r>`;
  if (had) {
    const raw = had.xml.slice(had.el.start, had.el.end);
    exact.comment = raw;
    const before = commentText(raw);
    const ours = full.startsWith(before) ? full.slice(before.length) : `\n\n${full}`;
    const textEl = findFirst(had.xml, 'text', had.el.openEnd, had.el.closeStart);
    if (!textEl) return;
    const p = prefixOf(textEl.qname);
    const ph = /<(?:[\w.-]+:)?(?:rPh|phoneticPr)\b/.exec(had.xml.slice(textEl.openEnd, textEl.closeStart));
    const at = ph ? textEl.openEnd + ph.index : textEl.closeStart;
    const ours2 = run(ours).replace(/<(\/?)(r|rPr|sz|rFont|t)\b/g, `<$1${p}$2`);
    if (textEl.empty) {
      ed.set(parts.comments, `${had.xml.slice(0, textEl.start)}<${textEl.qname}>${ours2}</${textEl.qname}>${had.xml.slice(textEl.end)}`);
    } else ed.set(parts.comments, had.xml.slice(0, at) + ours2 + had.xml.slice(at));
    return;
  }
  exact.comment = null;
  let xml = ed.text(parts.comments);
  const root = findFirst(xml, 'comments') as Found;
  const p = prefixOf(root.qname);
  // an empty author for our notes (Excel shows none)
  const authors = findFirst(xml, 'authors', root.openEnd, root.closeStart);
  let authorId = -1;
  if (authors && !authors.empty) {
    findAll(xml, 'author', authors.openEnd, authors.closeStart).forEach((a, i) => {
      if (authorId < 0 && a.closeStart === a.openEnd) authorId = i;
      if (authorId < 0 && a.empty) authorId = i;
    });
  }
  if (authorId < 0) {
    const n = authors && !authors.empty ? findAll(xml, 'author', authors.openEnd, authors.closeStart).length : 0;
    if (authors && !authors.empty) xml = xml.slice(0, authors.closeStart) + `<${p}author></${p}author>` + xml.slice(authors.closeStart);
    else if (authors) xml = `${xml.slice(0, authors.start)}<${p}authors><${p}author></${p}author></${p}authors>${xml.slice(authors.end)}`;
    else xml = `${xml.slice(0, root.openEnd)}<${p}authors><${p}author></${p}author></${p}authors>${xml.slice(root.openEnd)}`;
    authorId = n;
    if (!created.comments) created.author = true;
  }
  const comment = `<${p}comment ref="${cell}" authorId="${authorId}"><${p}text>${run(full).replace(/<(\/?)(r|rPr|sz|rFont|t)\b/g, `<$1${p}$2`)}</${p}text></${p}comment>`;
  const list = findFirst(xml, 'commentList');
  if (!list) throw new Error(`${parts.comments} has no commentList`);
  xml = list.empty ? `${xml.slice(0, list.start)}<${list.qname}>${comment}</${list.qname}>${xml.slice(list.end)}` : xml.slice(0, list.closeStart) + comment + xml.slice(list.closeStart);
  ed.set(parts.comments, xml);
  // its shape in the drawing
  const vml = ed.text(parts.vml);
  let max = 0;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Number(m[1]));
  const block = Number(/data\s*=\s*"(\d+)/.exec(vml)?.[1] ?? 1);
  const id = Math.max(max + 1, block * 1024 + 1);
  const shape = (/<v:shape\b[\s\S]*<\/v:shape>/.exec(notesVml([{ row: rowOf(cell) - 1, col: colOf(cell), text: full }], block))?.[0] ?? '').replace(/_x0000_s\d+/, `_x0000_s${id}`);
  exact.shape = String(id);
  let withShape = vml;
  if (!/id\s*=\s*"_x0000_t202"/.test(vml)) {
    const type = /<v:shapetype\b[\s\S]*?<\/v:shapetype>/.exec(notesVml([], block))?.[0] ?? '';
    withShape = insertBeforeEnd(withShape, type);
  }
  ed.set(parts.vml, insertBeforeEnd(withShape, shape));
}

function insertBeforeEnd(vml: string, text: string): string {
  const end = vml.lastIndexOf('</xml>');
  return end < 0 ? vml + text : vml.slice(0, end) + text + vml.slice(end);
}

/** Take our note off a cell: the comment as it was, or `to` as a plain note, or none (null). */
function restoreNote(ed: MarkEditor, ref: SheetRef, cell: string, to: string | null, exact: Exact | undefined): void {
  const parts = notesParts(ed, ref);
  const had = commentOf(ed, parts, cell);
  if (!had || !parts.comments) return;
  if (to !== null) {
    const original = exact?.comment;
    let text: string;
    if (original && commentText(original) === to) text = original;
    else {
      const p = prefixOf(had.el.qname);
      const ref0 = attrsOf(had.xml, had.el);
      text = `<${p}comment ref="${cell}" authorId="${ref0.get('authorId') ?? '0'}"><${p}text><${p}r>${tElement(`${p}t`, to)}</${p}r></${p}text></${p}comment>`;
    }
    ed.set(parts.comments, had.xml.slice(0, had.el.start) + text + had.xml.slice(had.el.end));
    return;
  }
  ed.set(parts.comments, had.xml.slice(0, had.el.start) + had.xml.slice(had.el.end));
  if (parts.vml) {
    const vml = ed.text(parts.vml);
    let re: RegExp | null = null;
    if (exact?.shape) re = new RegExp(`<v:shape\\b[^>]*\\sid\\s*=\\s*"_x0000_s${esc(exact.shape)}"[\\s\\S]*?</v:shape>`);
    const m = re?.exec(vml) ?? findShape(vml, rowOf(cell) - 1, colOf(cell));
    if (m) ed.set(parts.vml, vml.slice(0, m.index) + vml.slice(m.index + m[0].length));
  }
}

function findShape(vml: string, row: number, col: number): RegExpExecArray | null {
  const re = /<v:shape\b[\s\S]*?<\/v:shape>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(vml))) {
    if (new RegExp(`<x:Row>\\s*${row}\\s*</x:Row>`).test(m[0]) && new RegExp(`<x:Column>\\s*${col}\\s*</x:Column>`).test(m[0]) && /ObjectType\s*=\s*"Note"/.test(m[0])) return m;
  }
  return null;
}

function removeRel(ed: MarkEditor, part: string, id: string): void {
  const rp = relsPartOf(part);
  if (!ed.has(rp)) return;
  const xml = ed.text(rp);
  const el = findAll(xml, 'Relationship').find((r) => attrsOf(xml, r).get('Id') === id);
  if (el) ed.set(rp, xml.slice(0, el.start) + xml.slice(el.end));
}

function removeOverride(ed: MarkEditor, part: string): void {
  const xml = ed.text('[Content_Types].xml');
  const el = findAll(xml, 'Override').find((o) => nameKey(decodeAttr(attrsOf(xml, o).get('PartName') ?? '')) === nameKey(`/${part}`));
  if (el) ed.set('[Content_Types].xml', xml.slice(0, el.start) + xml.slice(el.end));
}

/**
 * Remove what marking created for a sheet's notes, once none of our notes is left in it: only
 * what is still as we made it (the same part, related by the id we gave), so that a file
 * rewritten by another program in between loses nothing of its own.
 */
function dropCreated(ed: MarkEditor, ref: SheetRef, created: Created): void {
  const rids = new Set(created.rids ?? []);
  const ours = (r: { id: string; part: string } | undefined, part: string | undefined): boolean => !!r && !!part && rids.has(r.id) && nameKey(r.part) === nameKey(part);
  let rels = ed.rels(ref.part);
  const c = rels.find((r) => r.type === 'comments');
  if (c && ours(c, created.comments) && ed.has(c.part) && findAll(ed.text(c.part), 'comment').length === 0) {
    ed.remove(c.part);
    removeRel(ed, ref.part, c.id);
    removeOverride(ed, c.part);
  } else if (c && created.author && ed.has(c.part)) {
    const xml = ed.text(c.part);
    const authors = findFirst(xml, 'authors');
    const list = authors && !authors.empty ? findAll(xml, 'author', authors.openEnd, authors.closeStart) : [];
    const last = list[list.length - 1];
    if (last && (last.empty || last.closeStart === last.openEnd) && !new RegExp(`authorId\\s*=\\s*["']${list.length - 1}["']`).test(xml)) {
      ed.set(c.part, xml.slice(0, last.start) + xml.slice(last.end));
    }
  }
  rels = ed.rels(ref.part);
  const v = rels.find((r) => r.type === 'vmlDrawing');
  if (v && ours(v, created.vml) && !rels.some((r) => r.type === 'comments') && ed.has(v.part) && !/<v:shape\s/.test(ed.text(v.part))) {
    ed.remove(v.part);
    removeRel(ed, ref.part, v.id);
    const xml = ed.text(ref.part);
    const m = new RegExp(`<(?:[\\w.-]+:)?legacyDrawing\\b[^>]*:id\\s*=\\s*["']${esc(v.id)}["'][^>]*/>`).exec(xml);
    if (m) ed.set(ref.part, xml.slice(0, m.index) + xml.slice(m.index + m[0].length));
  }
  const rp = relsPartOf(ref.part);
  if (created.relsPart && ed.has(rp) && findAll(ed.text(rp), 'Relationship').length === 0) ed.remove(rp);
}

export interface PlannedMark {
  sheet: SheetRef;
  cell: string;
  fill: string;
  /** the note's full text after marking, or null when the mark writes none */
  note: string | null;
  exact: Exact;
}

/** Write marks into the editor's package; fills in each mark's Exact. */
export function applyMarks(ed: MarkEditor, marks: PlannedMark[]): void {
  const created = new Map<string, Created>();
  for (const m of marks) {
    const now = cellNow(ed, m.sheet, m.cell);
    const s = ed.styles.withFill(now.s, m.fill);
    m.exact.ms = String(s);
    setStyle(ed, m.sheet, m.cell, s, m.exact);
    if (m.note !== null) {
      const c = created.get(m.sheet.part) ?? {};
      created.set(m.sheet.part, c);
      writeNote(ed, m.sheet, m.cell, m.note, m.exact, c);
    }
  }
  for (const m of marks) {
    const c = created.get(m.sheet.part);
    if (c && Object.keys(c).length) m.exact.created = c;
  }
}

/** What unmarking does to one cell, decided by restoreOf. */
export interface PlannedRestore {
  sheet: SheetRef;
  cell: string;
  fill: 'keep' | { to: string | null };
  note: 'keep' | 'delete' | { to: string };
  exact: Exact | undefined;
}

export function applyRestores(ed: MarkEditor, restores: PlannedRestore[]): void {
  // the cells first (latest marked first, so that inserted cells come out in order), then the parts we created
  for (const r of [...restores].reverse()) {
    if (r.fill !== 'keep') {
      const now = cellNow(ed, r.sheet, r.cell);
      if (r.exact && now.el && String(now.s) === r.exact.ms) restoreStyle(ed, r.sheet, r.cell, r.exact);
      else if (now.el) {
        const xml = ed.text(r.sheet.part);
        const s = ed.styles.withFill(now.s, r.fill.to);
        const tag = xml.slice(now.el.start, now.el.openEnd);
        ed.set(r.sheet.part, xml.slice(0, now.el.start) + setAttr(tag, 's', String(s)) + xml.slice(now.el.openEnd));
      }
    }
    if (r.note !== 'keep') restoreNote(ed, r.sheet, r.cell, r.note === 'delete' ? null : r.note.to, r.exact);
  }
  const done = new Set<string>();
  for (const r of restores) {
    if (!r.exact?.created || done.has(r.sheet.part)) continue;
    done.add(r.sheet.part);
    dropCreated(ed, r.sheet, r.exact.created);
  }
  // the vml Default we added, once no drawing is left
  if (restores.some((r) => r.exact?.created?.vmlDefault) && !ed.names.some((n) => /\.vml$/i.test(n))) {
    const types = ed.text('[Content_Types].xml');
    ed.set('[Content_Types].xml', types.replace(/<(?:[\w.-]+:)?Default\s+Extension="vml"[^>]*\/>/, ''));
  }
}

export { address, columnLetters };
