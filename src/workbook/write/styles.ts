import type { CellStyle, HighlightRule } from '../../core/summary/Plan.types';
import type { Edit, Found } from './xmlOut';
import { applyEdits, attrsOf, decodeAttr, esc, findAll, findFirst, prefixOf } from './xmlOut';

/*
 * styles.xml, edited by appending: the fonts, fills, borders, number formats, cell formats
 * (xf) and conditional-format styles (dxf) our sheets need go at the end of their lists, each
 * once; everything the workbook had keeps its index and its bytes. An element we would append
 * that is already there, written the same (ours from an earlier run), is reused, so a re-run
 * gives the same part.
 */

/** Built-in number formats (ECMA-376 Part 1, 18.8.30) that our plans use by their codes. */
const BUILTIN: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '@': 49,
};

/** The order of styleSheet's children (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
/** the child element of each list */
const ITEM: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf', dxfs: 'dxf' };

type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

interface List {
  /** items as written (raw XML) -> index */
  known: Map<string, number>;
  /** the items the part has, as written, by index */
  items: string[];
  count: number;
  added: string[];
}

function argb(color: string): string {
  const hex = color.replace(/^#/, '');
  if (!/^[0-9A-Fa-f]{6}$/.test(hex)) throw new Error(`not a '#RRGGBB' colour: ${color}`);
  return `FF${hex.toUpperCase()}`;
}

export class StyleSheet {
  private readonly p: string;
  private readonly lists = new Map<ListName, List>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly xfCache = new Map<string, number>();
  /** the default font's name and size (font 0), which our fonts start from */
  readonly baseFont: { name?: string; size?: number };

  constructor(private readonly xml: string) {
    const root = findFirst(xml, 'styleSheet');
    if (!root || root.empty) throw new Error('styles.xml has no styleSheet');
    this.p = prefixOf(root.qname);
    for (const name of Object.keys(ITEM) as ListName[]) {
      const list: List = { known: new Map(), items: [], count: 0, added: [] };
      const el = this.top(name);
      if (el && !el.empty) {
        const items = findAll(xml, ITEM[name], el.openEnd, el.closeStart);
        items.forEach((it, i) => {
          const raw = xml.slice(it.start, it.end);
          list.items.push(raw);
          if (!list.known.has(raw)) list.known.set(raw, i);
          if (name === 'numFmts') {
            const a = attrsOf(xml, it);
            const id = Number(a.get('numFmtId'));
            const code = decodeAttr(a.get('formatCode') ?? '');
            if (Number.isInteger(id)) {
              if (!this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
              this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
            }
          }
        });
        list.count = items.length;
      }
      this.lists.set(name, list);
    }
    // dxf number formats carry ids too; keep ours clear of them
    const dxfs = this.top('dxfs');
    if (dxfs && !dxfs.empty) {
      for (const nf of findAll(xml, 'numFmt', dxfs.openEnd, dxfs.closeStart)) {
        const id = Number(attrsOf(xml, nf).get('numFmtId'));
        if (Number.isInteger(id)) this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
      }
    }
    const fonts = this.top('fonts');
    const font0 = fonts && !fonts.empty ? findAll(xml, 'font', fonts.openEnd, fonts.closeStart)[0] : undefined;
    const base: { name?: string; size?: number } = {};
    if (font0 && !font0.empty) {
      const sz = findFirst(xml, 'sz', font0.openEnd, font0.closeStart);
      const nm = findFirst(xml, 'name', font0.openEnd, font0.closeStart);
      const size = sz ? Number(attrsOf(xml, sz).get('val')) : NaN;
      if (Number.isFinite(size) && size > 0) base.size = size;
      const name = nm ? attrsOf(xml, nm).get('val') : undefined;
      if (name) base.name = decodeAttr(name);
    }
    this.baseFont = base;
  }

  /** a direct child of styleSheet */
  private top(local: string): Found | undefined {
    const root = findFirst(this.xml, 'styleSheet');
    if (!root || root.empty) return undefined;
    // direct children only: findAll reports outermost elements, and no list nests in another
    return findAll(this.xml, local, root.openEnd, root.closeStart)[0];
  }

  private add(name: ListName, raw: string): number {
    const list = this.lists.get(name) as List;
    const had = list.known.get(raw);
    if (had !== undefined) return had;
    const i = list.count + list.added.length;
    list.added.push(raw);
    list.known.set(raw, i);
    return i;
  }

  private numFmtId(code: string): number {
    if (code in BUILTIN) return BUILTIN[code];
    const had = this.numFmtIds.get(code);
    if (had !== undefined) return had;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`);
    return id;
  }

  private fontXml(s: Pick<CellStyle, 'bold' | 'italic' | 'underline' | 'color' | 'size' | 'font'>, dxf: boolean): string {
    const p = this.p;
    let x = '';
    if (s.bold) x += `<${p}b/>`;
    else if (dxf && s.bold === false) x += `<${p}b val="0"/>`;
    if (s.italic) x += `<${p}i/>`;
    else if (dxf && s.italic === false) x += `<${p}i val="0"/>`;
    if (s.underline) x += `<${p}u/>`;
    else if (dxf && s.underline === false) x += `<${p}u val="none"/>`;
    if (!dxf) {
      const size = s.size ?? this.baseFont.size;
      if (size !== undefined) x += `<${p}sz val="${size}"/>`;
    }
    if (s.color !== undefined) x += `<${p}color rgb="${argb(s.color)}"/>`;
    if (!dxf) {
      const name = s.font ?? this.baseFont.name;
      if (name !== undefined) x += `<${p}name val="${esc(name)}"/>`;
    }
    return `<${p}font>${x}</${p}font>`;
  }

  /** The cellXfs index of a plan style (appended once per distinct style). */
  xf(s: CellStyle): number {
    const key = JSON.stringify([s.bold, s.italic, s.underline, s.size, s.font, s.color, s.fill, s.hAlign, s.vAlign, s.wrap, s.border, s.numberFormat]);
    const had = this.xfCache.get(key);
    if (had !== undefined) return had;
    const p = this.p;
    const fontId = this.add('fonts', this.fontXml(s, false));
    const fillId =
      s.fill !== undefined
        ? this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(s.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`)
        : 0;
    const borderId = s.border
      ? this.add(
          'borders',
          `<${p}border><${p}left style="thin"><${p}color indexed="64"/></${p}left><${p}right style="thin"><${p}color indexed="64"/></${p}right><${p}top style="thin"><${p}color indexed="64"/></${p}top><${p}bottom style="thin"><${p}color indexed="64"/></${p}bottom><${p}diagonal/></${p}border>`,
        )
      : 0;
    const numFmtId = s.numberFormat !== undefined ? this.numFmtId(s.numberFormat) : 0;
    let align = '';
    if (s.hAlign !== undefined) align += ` horizontal="${s.hAlign}"`;
    if (s.vAlign !== undefined) align += ` vertical="${s.vAlign === 'middle' ? 'center' : s.vAlign}"`;
    if (s.wrap !== undefined) align += ` wrapText="${s.wrap ? 1 : 0}"`;
    let attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"`;
    if (s.numberFormat !== undefined) attrs += ' applyNumberFormat="1"';
    if (s.fill !== undefined) attrs += ' applyFill="1"';
    if (s.border) attrs += ' applyBorder="1"';
    const raw = align ? `<${p}xf ${attrs} applyAlignment="1"><${p}alignment${align}/></${p}xf>` : `<${p}xf ${attrs}/>`;
    const i = this.add('cellXfs', raw);
    this.xfCache.set(key, i);
    return i;
  }

  /** An item of a list as written (the part's, or one appended), or undefined past its end. */
  item(name: 'cellXfs' | 'fills', i: number): string | undefined {
    const list = this.lists.get(name) as List;
    return i < list.count ? list.items[i] : list.added[i - list.count];
  }

  /**
   * The cellXfs index of a copy of cell format `xf` with another fill: a solid `colour`
   * ('#RRGGBB'), no fill (null), or a fill element as written (`raw`). Everything else of the
   * format (font, border, number format, alignment, protection, its own attributes) is kept.
   * A missing `xf` is taken as the workbook's default (0).
   */
  withFill(xf: number, fill: string | null | { raw: string }): number {
    const p = this.p;
    const raw =
      fill === null
        ? `<${p}fill><${p}patternFill patternType="none"/></${p}fill>`
        : typeof fill === 'string'
          ? `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`
          : fill.raw;
    const fillId = this.add('fills', raw);
    const base = this.item('cellXfs', xf) ?? this.item('cellXfs', 0) ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const gt = base.indexOf('>') + (base.startsWith('/>', base.indexOf('>') - 1) ? -1 : 0);
    let tag = base.slice(0, gt);
    const rest = base.slice(gt);
    tag = /\sfillId\s*=/.test(tag) ? tag.replace(/(\sfillId\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${fillId}"`) : `${tag} fillId="${fillId}"`;
    tag = /\sapplyFill\s*=/.test(tag) ? tag.replace(/(\sapplyFill\s*=\s*)(?:"[^"]*"|'[^']*')/, '$1"1"') : `${tag} applyFill="1"`;
    return this.add('cellXfs', tag + rest);
  }

  /** The dxfs index of a highlight's style. */
  dxf(s: HighlightRule['style']): number {
    const p = this.p;
    let x = '';
    if (s.bold !== undefined || s.italic !== undefined || s.underline !== undefined || s.color !== undefined) x += this.fontXml(s, true);
    if (s.numberFormat !== undefined) {
      const code = s.numberFormat;
      const id = code in BUILTIN ? BUILTIN[code] : (this.numFmtIds.get(code) ?? this.numFmtId(code));
      x += `<${p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`;
    }
    if (s.fill !== undefined) {
      // in a dxf a solid fill shows bgColor (Excel writes that); fgColor too, for readers that take the cell meaning
      const c = argb(s.fill);
      x += `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${c}"/><${p}bgColor rgb="${c}"/></${p}patternFill></${p}fill>`;
    }
    return this.add('dxfs', `<${p}dxf>${x}</${p}dxf>`);
  }

  /** Whether anything was appended. */
  get changed(): boolean {
    for (const l of this.lists.values()) if (l.added.length) return true;
    return false;
  }

  /** The edited part. */
  toString(): string {
    if (!this.changed) return this.xml;
    const s = this.xml;
    const root = findFirst(s, 'styleSheet') as Found;
    const edits: Edit[] = [];
    const p = this.p;
    for (const name of Object.keys(ITEM) as ListName[]) {
      const list = this.lists.get(name) as List;
      if (!list.added.length) continue;
      const total = list.count + list.added.length;
      const el = this.top(name);
      const body = list.added.join('');
      if (el) {
        const tag = s.slice(el.start, el.openEnd);
        const counted = /\scount\s*=/.test(tag) ? tag.replace(/(\scount\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${total}"`) : tag;
        if (el.empty) {
          edits.push({ from: el.start, to: el.end, text: `${counted.replace(/\s*\/>$/, '>')}${body}</${el.qname}>` });
        } else {
          edits.push({ from: el.start, to: el.openEnd, text: counted });
          edits.push({ from: el.closeStart, to: el.closeStart, text: body });
        }
      } else {
        // a list the part lacks: insert it before the first child that must follow it
        const after = ORDER.slice(ORDER.indexOf(name) + 1);
        let at = root.closeStart;
        for (const next of after) {
          const f = findAll(s, next, root.openEnd, root.closeStart)[0];
          if (f && f.start < at) at = f.start;
        }
        edits.push({ from: at, to: at, text: `<${p}${name} count="${total}">${body}</${p}${name}>` });
      }
    }
    return applyEdits(s, edits);
  }
}
