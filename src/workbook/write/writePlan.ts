import type { WorkbookPlan } from '../../core/summary/Plan.types';
import { OpcPackage, relType, relativeTarget, relsPartOf } from '../ooxml/package';
import type { DeflateRaw, ZipInput } from '../ooxml/zip';
import { deflatedEntry, nameKey, utf8Bytes, utf8Text, writeZip } from '../ooxml/zip';
import { NS_REL, commentsXml, notesVml, printTitles, sheetXml } from './sheet';
import { StyleSheet } from './styles';
import type { Edit, Found } from './xmlOut';
import { XML_HEAD, applyEdits, attrsOf, decodeAttr, esc, findAll, findFirst, prefixFor, prefixOf, setAttr } from './xmlOut';

/*
 * The package writer: the user's workbook is read-only data. The copy is the input package,
 * every part copied byte for byte (its compressed bytes as they were), plus our sheets; the
 * only parts changed are the few that list sheets or styles, and those are edited in place
 * (elements appended or removed, one attribute set), never re-serialised:
 *   [Content_Types].xml, xl/workbook.xml, xl/_rels/workbook.xml.rels, xl/styles.xml,
 *   docProps/app.xml,
 * and, when our first summary sheet becomes the one shown, the sheetView of the sheet that was
 * selected loses its tabSelected (or Excel would open with two sheets grouped).
 * A re-run removes our earlier sheets (plan.remove and the registry) with their parts,
 * relationships, content types and defined names, and the indices after them move down.
 */

const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_COMMENTS = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const CT_VML = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const CT_STYLES = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const REL_BASE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_URIS = [NS_REL, 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
const REL_SHEET = `${REL_BASE}/worksheet`;
const REL_COMMENTS = `${REL_BASE}/comments`;
const REL_VML = `${REL_BASE}/vmlDrawing`;
const REL_STYLES = `${REL_BASE}/styles`;
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export class PlanWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanWriteError';
  }
}

const lower = (s: string): string => s.toLowerCase();

interface BookSheet {
  name: string;
  state: string;
  rid: string;
  el: Found;
  /** the part, null when the relationship is missing */
  part: string | null;
}

export interface PlanWriteResult {
  bytes: Uint8Array;
  /** formulas written */
  formulas: number;
}

export interface PlanWriteOptions {
  /** the time stamped on new zip entries (tests pin it) */
  now?: Date;
  /** a native raw-DEFLATE compressor (the CLI passes zlib's); fflate's otherwise */
  deflateRaw?: DeflateRaw;
  /** make the first summary sheet the one shown (default true) */
  activate?: boolean;
  /**
   * write plan.registry (default true); false only removes the sheet of that name (and
   * plan.remove): the standalone page takes its very hidden marks sheet out this way
   */
  registry?: boolean;
}

/** The smallest `${prefix}${n}${suffix}` (n ≥ 1) not taken. */
function freeName(taken: Set<string>, prefix: string, suffix: string): string {
  for (let n = 1; ; n++) {
    const name = `${prefix}${n}${suffix}`;
    if (!taken.has(nameKey(name))) {
      taken.add(nameKey(name));
      return name;
    }
  }
}

/**
 * Write a plan into a copy of an .xlsx/.xlsm package. Throws PlanWriteError, before anything
 * is written, when a planned name is taken by a sheet that stays (names compare without case)
 * or the workbook would have no visible sheet; PackageError for a damaged input.
 */
export function writePlanPackage(input: Uint8Array, plan: WorkbookPlan, options: PlanWriteOptions = {}): PlanWriteResult {
  const pkg = new OpcPackage(input);
  const bookRel = pkg.related('', 'officeDocument');
  if (!bookRel?.part || !pkg.has(bookRel.part)) throw new PlanWriteError('the package has no workbook part');
  const bookPart = bookRel.part;
  const bookRelsPart = relsPartOf(bookPart);
  let book = pkg.text(bookPart);
  const bookRoot = findFirst(book, 'workbook');
  if (!bookRoot || bookRoot.empty) throw new PlanWriteError('the workbook part has no <workbook>');
  const mp = prefixOf(bookRoot.qname);
  const rp = prefixFor(book, bookRoot, REL_URIS);
  const rels = pkg.relationships(bookPart);
  const relById = new Map(rels.map((r) => [r.id, r]));

  // the sheets as listed
  const sheetsEl = findFirst(book, 'sheets', bookRoot.openEnd, bookRoot.closeStart);
  if (!sheetsEl) throw new PlanWriteError('the workbook part has no <sheets>');
  const sheets: BookSheet[] = (sheetsEl.empty ? [] : findAll(book, 'sheet', sheetsEl.openEnd, sheetsEl.closeStart)).map((el) => {
    const a = attrsOf(book, el);
    let rid = '';
    for (const [k, v] of a) if (k === 'r:id' || (k.endsWith(':id') && rp !== undefined && k === `${rp}id`)) rid = v;
    if (!rid) for (const [k, v] of a) if (k.endsWith(':id')) rid = v;
    const rel = relById.get(rid);
    return { name: decodeAttr(a.get('name') ?? ''), state: a.get('state') ?? 'visible', rid, el, part: rel?.part ?? null };
  });

  // which go, which stay; refuse clashes before changing anything
  const removeSet = new Set(plan.remove.map(lower));
  const registryName = lower(plan.registry.name);
  const goes = (s: BookSheet): boolean => removeSet.has(lower(s.name)) || lower(s.name) === registryName;
  const staying = sheets.filter((s) => !goes(s));
  const taken = new Map(staying.map((s) => [lower(s.name), s.name]));
  const planned = new Set<string>([registryName]);
  for (const sp of plan.sheets) {
    const n = lower(sp.name);
    if (taken.has(n)) throw new PlanWriteError(`cannot add sheet '${sp.name}': the workbook already has a sheet named '${taken.get(n)}'`);
    if (planned.has(n)) throw new PlanWriteError(`sheet '${sp.name}' is planned twice`);
    planned.add(n);
  }
  if (staying.filter((s) => s.state === 'visible').length + plan.sheets.filter((s) => !s.hidden).length === 0) {
    throw new PlanWriteError('the plan would leave the workbook without a visible sheet');
  }

  // parts that go with the removed sheets: the sheet, its relationships, its notes
  const removedParts = new Set<string>();
  const removedIdx: number[] = [];
  const removedRids = new Set<string>();
  sheets.forEach((s, i) => {
    if (!goes(s)) return;
    removedIdx.push(i);
    removedRids.add(s.rid);
    if (!s.part) return;
    removedParts.add(nameKey(s.part));
    const sr = relsPartOf(s.part);
    if (pkg.has(sr)) {
      removedParts.add(nameKey(sr));
      for (const r of pkg.relationships(s.part)) {
        const t = relType(r.type);
        if (r.part && (t === 'comments' || t === 'vmlDrawing')) removedParts.add(nameKey(r.part));
      }
    }
  });
  const newIndex = (old: number): number => old - removedIdx.filter((i) => i < old).length;

  // names for the new parts
  const takenParts = new Set(pkg.partNames.map(nameKey).filter((k) => !removedParts.has(k)));
  const sheetDir = sheets.find((s) => s.part && !goes(s))?.part?.replace(/[^/]*$/, '') ?? 'xl/worksheets/';
  const bookDir = bookPart.replace(/[^/]*$/, '');
  const takenRids = new Set(rels.filter((r) => !removedRids.has(r.id)).map((r) => r.id));
  const freeRid = (): string => {
    for (let n = 1; ; n++) if (!takenRids.has(`rId${n}`)) return (takenRids.add(`rId${n}`), `rId${n}`);
  };
  let maxSheetId = 0;
  for (const s of staying) maxSheetId = Math.max(maxSheetId, Number(attrsOf(book, s.el).get('sheetId')) || 0);
  // VML shape-id blocks in use by the drawings that stay
  let vmlBlock = 0;
  for (const name of pkg.partNames) {
    if (!/\.vml$/i.test(name) || removedParts.has(nameKey(name))) continue;
    try {
      for (const m of pkg.text(name).matchAll(/data\s*=\s*"([\d,\s]+)"/g)) for (const d of m[1].split(',')) vmlBlock = Math.max(vmlBlock, Number(d) || 0);
    } catch {
      // an unreadable drawing: keep well clear
      vmlBlock = Math.max(vmlBlock, 100);
    }
  }

  // styles
  let stylesPart = pkg.related(bookPart, 'styles')?.part ?? null;
  const stylesExisted = !!stylesPart && pkg.has(stylesPart);
  const styles = new StyleSheet(
    stylesExisted
      ? pkg.text(stylesPart as string)
      : `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  );

  // our sheets: summary sheets, then the registry
  const all = options.registry === false ? [...plan.sheets] : [...plan.sheets, { ...plan.registry, hidden: true }];
  const firstNew = staying.length;
  const activeNew = options.activate === false ? -1 : plan.sheets.findIndex((s) => !s.hidden);
  const added: ZipInput[] = [];
  const overrides: string[] = [];
  const newRels: string[] = [];
  const newSheetEls: string[] = [];
  const newNames: string[] = [];
  let formulas = 0;
  all.forEach((sp, k) => {
    const part = freeName(takenParts, `${sheetDir}sheet`, '.xml');
    const rid = freeRid();
    const id = ++maxSheetId;
    const sheetRels: string[] = [];
    let legacyDrawingId: string | undefined;
    const hasNotes = sp.cells.some((row) => row?.some((c) => c?.note !== undefined && c.note !== ''));
    let commentsPart = '';
    let vmlPart = '';
    if (hasNotes) {
      commentsPart = freeName(takenParts, `${bookDir}comments`, '.xml');
      vmlPart = freeName(takenParts, `${bookDir}drawings/vmlDrawing`, '.vml');
      legacyDrawingId = 'rId2';
      sheetRels.push(`<Relationship Id="rId1" Type="${REL_COMMENTS}" Target="${esc(relativeTarget(part, commentsPart))}"/>`);
      sheetRels.push(`<Relationship Id="rId2" Type="${REL_VML}" Target="${esc(relativeTarget(part, vmlPart))}"/>`);
    }
    const out = sheetXml(sp, plan.mode, styles, { selected: k === activeNew, legacyDrawingId });
    formulas += out.formulas;
    // deflated now: the part's text is not kept until the archive is written
    added.push(deflatedEntry(part, out.bytes, options.deflateRaw));
    overrides.push(`<Override PartName="/${esc(part)}" ContentType="${CT_SHEET}"/>`);
    if (hasNotes) {
      added.push({ name: relsPartOf(part), data: utf8Bytes(`${XML_HEAD}<Relationships xmlns="${RELS_NS}">${sheetRels.join('')}</Relationships>`) });
      added.push({ name: commentsPart, data: utf8Bytes(commentsXml(out.notes)) });
      added.push({ name: vmlPart, data: utf8Bytes(notesVml(out.notes, ++vmlBlock)) });
      overrides.push(`<Override PartName="/${esc(commentsPart)}" ContentType="${CT_COMMENTS}"/>`);
    }
    newRels.push(`<Relationship Id="${rid}" Type="${REL_SHEET}" Target="${esc(relativeTarget(bookPart, part))}"/>`);
    const ridAttr = rp !== undefined ? `${rp}id="${rid}"` : `xmlns:r="${NS_REL}" r:id="${rid}"`;
    newSheetEls.push(`<${mp}sheet name="${esc(sp.name)}" sheetId="${id}"${sp.hidden ? ' state="veryHidden"' : ''} ${ridAttr}/>`);
    newNames.push(sp.name);
  });

  // -- workbook.xml
  {
    const edits: Edit[] = [];
    for (const i of removedIdx) edits.push({ from: sheets[i].el.start, to: sheets[i].el.end, text: '' });
    if (sheetsEl.empty) {
      edits.push({ from: sheetsEl.start, to: sheetsEl.end, text: `<${sheetsEl.qname}>${newSheetEls.join('')}</${sheetsEl.qname}>` });
    } else edits.push({ from: sheetsEl.closeStart, to: sheetsEl.closeStart, text: newSheetEls.join('') });
    // defined names: those of removed sheets go, later sheets' indices move down, print titles added
    const titles: string[] = [];
    all.forEach((sp, k) => {
      const t = printTitles(sp);
      if (t) titles.push(`<${mp}definedName name="_xlnm.Print_Titles" localSheetId="${firstNew + k}">${esc(t)}</${mp}definedName>`);
    });
    const dn = findFirst(book, 'definedNames', bookRoot.openEnd, bookRoot.closeStart);
    if (dn && !dn.empty) {
      for (const d of findAll(book, 'definedName', dn.openEnd, dn.closeStart)) {
        const local = attrsOf(book, d).get('localSheetId');
        if (local === undefined || removedIdx.length === 0) continue;
        const old = Number(local);
        if (removedIdx.includes(old)) edits.push({ from: d.start, to: d.end, text: '' });
        else if (newIndex(old) !== old) {
          const tag = book.slice(d.start, d.openEnd);
          edits.push({ from: d.start, to: d.openEnd, text: setAttr(tag, 'localSheetId', String(newIndex(old))) });
        }
      }
      if (titles.length) edits.push({ from: dn.closeStart, to: dn.closeStart, text: titles.join('') });
    } else if (titles.length) {
      const text = `<${mp}definedNames>${titles.join('')}</${mp}definedNames>`;
      if (dn) edits.push({ from: dn.start, to: dn.end, text });
      else {
        let at = sheetsEl.end;
        for (const after of ['functionGroups', 'externalReferences']) {
          const f = findFirst(book, after, bookRoot.openEnd, bookRoot.closeStart);
          if (f) at = Math.max(at, f.end);
        }
        edits.push({ from: at, to: at, text });
      }
    }
    // the first summary sheet is shown; firstSheet stays valid
    const views = findFirst(book, 'bookViews', bookRoot.openEnd, bookRoot.closeStart);
    const view = views && !views.empty ? findFirst(book, 'workbookView', views.openEnd, views.closeStart) : undefined;
    if (view) {
      const a = attrsOf(book, view);
      let tag = book.slice(view.start, view.openEnd);
      if (activeNew >= 0) tag = setAttr(tag, 'activeTab', String(firstNew + activeNew));
      else {
        const old = Number(a.get('activeTab') ?? 0);
        if (removedIdx.includes(old) || newIndex(old) !== old) tag = setAttr(tag, 'activeTab', String(Math.min(newIndex(old), staying.length - 1 < 0 ? 0 : staying.length - 1)));
      }
      const first = a.get('firstSheet');
      if (first !== undefined && removedIdx.length && newIndex(Number(first)) !== Number(first)) tag = setAttr(tag, 'firstSheet', String(newIndex(Number(first))));
      if (tag !== book.slice(view.start, view.openEnd)) edits.push({ from: view.start, to: view.openEnd, text: tag });
    } else if (activeNew >= 0) {
      const text = `<${mp}bookViews><${mp}workbookView activeTab="${firstNew + activeNew}"/></${mp}bookViews>`;
      if (views) edits.push({ from: views.start, to: views.end, text });
      else edits.push({ from: sheetsEl.start, to: sheetsEl.start, text });
    }
    if (formulas > 0) {
      const calc = findFirst(book, 'calcPr', bookRoot.openEnd, bookRoot.closeStart);
      if (calc) {
        const tag = book.slice(calc.start, calc.openEnd);
        const set = setAttr(tag, 'fullCalcOnLoad', '1');
        if (set !== tag) edits.push({ from: calc.start, to: calc.openEnd, text: set });
      } else {
        // after definedNames (or where they would be)
        const before = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
        let at = bookRoot.closeStart;
        for (const b of before) {
          const f = findFirst(book, b, bookRoot.openEnd, bookRoot.closeStart);
          if (f && f.start < at) at = f.start;
        }
        edits.push({ from: at, to: at, text: `<${mp}calcPr fullCalcOnLoad="1"/>` });
      }
    }
    book = applyEdits(book, edits);
  }

  // -- workbook relationships
  let bookRels = pkg.has(bookRelsPart) ? pkg.text(bookRelsPart) : `${XML_HEAD}<Relationships xmlns="${RELS_NS}"></Relationships>`;
  {
    const root = findFirst(bookRels, 'Relationships');
    if (!root) throw new PlanWriteError('the workbook relationships are damaged');
    const edits: Edit[] = [];
    for (const r of findAll(bookRels, 'Relationship', root.openEnd, root.closeStart)) {
      if (removedRids.has(attrsOf(bookRels, r).get('Id') ?? '')) edits.push({ from: r.start, to: r.end, text: '' });
    }
    if (!stylesExisted) {
      stylesPart = `${bookDir}styles.xml`;
      newRels.push(`<Relationship Id="${freeRid()}" Type="${REL_STYLES}" Target="styles.xml"/>`);
      overrides.push(`<Override PartName="/${stylesPart}" ContentType="${CT_STYLES}"/>`);
    }
    if (root.empty) edits.push({ from: root.start, to: root.end, text: `<${root.qname} xmlns="${RELS_NS}">${newRels.join('')}</${root.qname}>` });
    else edits.push({ from: root.closeStart, to: root.closeStart, text: newRels.join('') });
    bookRels = applyEdits(bookRels, edits);
  }

  // -- content types
  let types = pkg.text('[Content_Types].xml');
  {
    const root = findFirst(types, 'Types');
    if (!root || root.empty) throw new PlanWriteError('[Content_Types].xml is damaged');
    const edits: Edit[] = [];
    let hasVml = false;
    for (const d of findAll(types, 'Default', root.openEnd, root.closeStart)) {
      if (lower(attrsOf(types, d).get('Extension') ?? '') === 'vml') hasVml = true;
    }
    for (const o of findAll(types, 'Override', root.openEnd, root.closeStart)) {
      const name = decodeAttr(attrsOf(types, o).get('PartName') ?? '');
      if (removedParts.has(nameKey(name))) edits.push({ from: o.start, to: o.end, text: '' });
    }
    const needVml = added.some((a) => /\.vml$/i.test(a.name));
    const cp = prefixOf(root.qname);
    const more = (needVml && !hasVml ? `<${cp}Default Extension="vml" ContentType="${CT_VML}"/>` : '') + overrides.map((o) => (cp ? o.replace('<Override', `<${cp}Override`) : o)).join('');
    edits.push({ from: root.closeStart, to: root.closeStart, text: more });
    types = applyEdits(types, edits);
  }

  // -- docProps/app.xml: the sheet titles
  const appPart = pkg.related('', 'extended-properties')?.part ?? null;
  let app: string | null = null;
  if (appPart && pkg.has(appPart)) app = editAppXml(pkg.text(appPart), sheets.map((s) => s.name), removedIdx, newNames);

  // -- the sheet selected before: its tab is no longer selected
  const unselect = new Map<string, string>();
  if (activeNew >= 0) {
    for (const s of staying) {
      if (!s.part || !pkg.has(s.part)) continue;
      const e = pkg.entry(s.part);
      if (!e) continue;
      // the sheetView comes before the cells: look at the start of the part only
      let head = '';
      const enough = {};
      try {
        pkg.zip.streamText(e, (t) => {
          head += t;
          if (head.length > 65536 || /<(?:\w+:)?sheetData[\s/>]/.test(head)) throw enough;
        });
      } catch (err) {
        if (err !== enough) continue;
      }
      const end = head.search(/<(?:\w+:)?sheetData[\s/>]/);
      const scope = end >= 0 ? head.slice(0, end) : head;
      if (!/<(?:\w+:)?sheetView\b[^>]*\stabSelected\s*=\s*["'](?:1|true)["']/.test(scope)) continue;
      const text = pkg.text(s.part);
      unselect.set(nameKey(s.part), text.replace(/(<(?:\w+:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*["'](?:1|true)["']/g, '$1'));
    }
  }

  // -- the package: every part in its place, changed ones replaced, ours at the end
  const changed = new Map<string, string>();
  changed.set(nameKey('[Content_Types].xml'), types);
  changed.set(nameKey(bookPart), book);
  changed.set(nameKey(bookRelsPart), bookRels);
  const stylesText = styles.toString();
  if (stylesExisted) {
    if (styles.changed) changed.set(nameKey(stylesPart as string), stylesText);
  } else added.push(deflatedEntry(stylesPart as string, utf8Bytes(stylesText), options.deflateRaw));
  if (app !== null && appPart) changed.set(nameKey(appPart), app);
  for (const [k, v] of unselect) changed.set(k, v);
  if (!pkg.has(bookRelsPart)) added.push({ name: bookRelsPart, data: utf8Bytes(bookRels) });

  const inputs: ZipInput[] = [];
  const seen = new Set<string>();
  for (const e of pkg.zip.entries) {
    const k = nameKey(e.name);
    if (seen.has(k)) continue; // a duplicate entry: the first wins, as readers take it
    seen.add(k);
    if (removedParts.has(k)) continue;
    const text = changed.get(k);
    if (text !== undefined) {
      const original = pkg.zip.read(e);
      const bytes = utf8Bytes(text);
      if (sameBytes(original, bytes)) inputs.push({ name: e.name, copy: e, from: pkg.zip });
      else inputs.push(deflatedEntry(e.name, bytes, options.deflateRaw));
    } else inputs.push({ name: e.name, copy: e, from: pkg.zip });
  }
  inputs.push(...added);
  return { bytes: writeZip(inputs, options.now), formulas };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * docProps/app.xml lists the sheets (TitlesOfParts, counted in the first HeadingPairs pair,
 * which Excel writes for its worksheets). Ours are taken out and put in after the sheets that
 * stay; a part of another shape is left as it is (readers ignore it when it disagrees).
 */
export function editAppXml(app: string, sheetNames: string[], removedIdx: number[], added: string[]): string | null {
  const hp = findFirst(app, 'HeadingPairs');
  const tp = findFirst(app, 'TitlesOfParts');
  if (!hp || !tp || hp.empty || tp.empty) return null;
  const hv = findFirst(app, 'vector', hp.openEnd, hp.closeStart);
  const tv = findFirst(app, 'vector', tp.openEnd, tp.closeStart);
  if (!hv || !tv || hv.empty || tv.empty) return null;
  const counts = findAll(app, 'i4', hv.openEnd, hv.closeStart);
  if (!counts.length) return null;
  const c0 = counts[0];
  const n = Number(app.slice(c0.openEnd, c0.closeStart));
  const titles = findAll(app, 'lpstr', tv.openEnd, tv.closeStart);
  if (!Number.isInteger(n) || n !== sheetNames.length || titles.length < n) return null;
  const vp = prefixOf(tv.qname);
  const edits: Edit[] = [];
  for (const i of removedIdx) edits.push({ from: titles[i].start, to: titles[i].end, text: '' });
  const at = n > 0 ? titles[n - 1].end : tv.openEnd;
  edits.push({ from: at, to: at, text: added.map((s) => `<${vp}lpstr>${esc(s)}</${vp}lpstr>`).join('') });
  const total = n - removedIdx.length + added.length;
  edits.push({ from: c0.openEnd, to: c0.closeStart, text: String(total) });
  const vtag = app.slice(tv.start, tv.openEnd);
  edits.push({ from: tv.start, to: tv.openEnd, text: setAttr(vtag, 'size', String(titles.length - removedIdx.length + added.length)) });
  return applyEdits(app, edits);
}

export { utf8Text };
