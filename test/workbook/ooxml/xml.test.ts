import {
  XmlError,
  attrByLocal,
  childNamed,
  childrenNamed,
  decodeEntities,
  decodeXstring,
  localName,
  parseAttributes,
  parseXml,
  tagEnd,
  textContent,
  xmlEvents,
} from '../../../src/workbook/ooxml/xml';
import type { XmlEvent } from '../../../src/workbook/ooxml/xml';

/*
 * The tag scanner the package layer reads its small parts with (content types, relationships,
 * the workbook part, styles): entities, character references, CDATA, comments, namespace
 * prefixes, quoted '>' in attributes, and the ST_Xstring `_xHHHH_` escapes.
 */

describe('entities', () => {
  test('the five predefined entities', () => {
    expect(decodeEntities('&lt;a href=&quot;x&quot;&gt; &amp; &apos;y&apos;')).toBe(`<a href="x"> & 'y'`);
  });

  test('decimal and hexadecimal character references, astral planes included', () => {
    expect(decodeEntities('&#20013;&#x56FD;&#X56FD;')).toBe('中国&#X56FD;');
    expect(decodeEntities('&#128512;&#x1F600;')).toBe('😀😀');
    expect(decodeEntities('&#x000D;&#10;&#9;')).toBe('\r\n\t');
  });

  test('one pass only: an escaped ampersand is not decoded twice', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
    expect(decodeEntities('&amp;#65;')).toBe('&#65;');
  });

  test('unknown entities, out-of-range references and bare ampersands stay as written', () => {
    expect(decodeEntities('&nbsp; &#x110000; & x;')).toBe('&nbsp; &#x110000; & x;');
    expect(decodeEntities('AT&T')).toBe('AT&T');
  });

  test('text content: CR LF and lone CR become LF (as an XML parser normalises them), then entities', () => {
    expect(textContent('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    // a character reference survives the normalisation: that is how a writer keeps a CR
    expect(textContent('a&#13;\nb')).toBe('a\r\nb');
  });
});

describe('ST_Xstring escapes (_xHHHH_)', () => {
  test('_x000D_ is a carriage return, other code units as written', () => {
    expect(decodeXstring('line1_x000D_\nline2')).toBe('line1\r\nline2');
    expect(decodeXstring('_x0041__x0009_b')).toBe('A\tb');
    expect(decodeXstring('tab_x0009_end_x001F_')).toBe('tab\tend\u001f');
  });

  test('hex digits in either case; a surrogate pair written as two escapes joins', () => {
    expect(decodeXstring('_x004a__x004A_')).toBe('JJ');
    expect(decodeXstring('_xD83D__xDE00_')).toBe('😀');
  });

  test('an escaped underscore (_x005F_) keeps a literal "_x0041_" as text', () => {
    expect(decodeXstring('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeXstring('a_x005F_x000D_b')).toBe('a_x000D_b');
  });

  test('what only looks like an escape stays', () => {
    for (const s of ['_x41_', '_x00411', 'x0041_', '_X0041_', '_x00G1_', '__x', '_x_']) expect(decodeXstring(s)).toBe(s);
  });
});

describe('names and attributes', () => {
  test('local names drop the prefix', () => {
    expect(localName('x:c')).toBe('c');
    expect(localName('c')).toBe('c');
    expect(localName('r:id')).toBe('id');
  });

  test("tagEnd skips '>' inside double and single quotes", () => {
    const s = `<definedName comment="a>b" other='c>d'>x</definedName>`;
    const gt = tagEnd(s, '<definedName'.length);
    expect(s.slice(gt)).toBe('>x</definedName>');
    expect(tagEnd('<a b="never closed', 2)).toBe(-1);
  });

  test('attributes: both quotes, spaces around =, entities, whitespace normalised', () => {
    const s = `<a  x = "1"\ty='two &amp; &quot;three&quot;' z="l1\nl2\tl3&#10;l4" r:id="rId7" />`;
    const attrs = parseAttributes(s, 2, s.length - 2);
    expect(attrs).toEqual({ x: '1', y: 'two & "three"', z: 'l1 l2 l3\nl4', 'r:id': 'rId7' });
    expect(attrByLocal(attrs, 'id')).toBe('rId7');
    expect(attrByLocal(attrs, 'x')).toBe('1');
    expect(attrByLocal(attrs, 'nope')).toBeUndefined();
  });

  test("an attribute value holding '>' and '/>' is read whole", () => {
    const root = parseXml(`<r><n f="A1>B1" g='x/>y'/><m/></r>`);
    expect(root.children.map((c) => [c.name, c.attrs])).toEqual([
      ['n', { f: 'A1>B1', g: 'x/>y' }],
      ['m', {}],
    ]);
  });
});

describe('xmlEvents and parseXml', () => {
  const events = (s: string): XmlEvent[] => [...xmlEvents(s)];

  test('declaration, comments, processing instructions and a doctype are skipped; CDATA is text as is', () => {
    const ev = events(`<?xml version="1.0"?><!DOCTYPE x><!-- <c>not a tag</c> --><a><?pi data?><![CDATA[<b>&amp;</b>]]>&amp;</a>`);
    expect(ev).toEqual([
      { kind: 'open', name: 'a', local: 'a', attrs: {}, selfClosing: false },
      { kind: 'text', text: '<b>&amp;</b>' },
      { kind: 'text', text: '&' },
      { kind: 'close', name: 'a', local: 'a' },
    ]);
  });

  test('prefixed elements keep their qualified name and give their local name', () => {
    const root = parseXml(
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="urn:r"><x:sheets><x:sheet name="一" r:id="rId1"/></x:sheets></x:workbook>`,
    );
    expect(root.name).toBe('x:workbook');
    expect(root.local).toBe('workbook');
    const sheet = childNamed(childNamed(root, 'sheets'), 'sheet');
    expect(sheet?.name).toBe('x:sheet');
    expect(sheet && attrByLocal(sheet.attrs, 'id')).toBe('rId1');
  });

  test('the text of an element joins its runs (entities, numeric references, CDATA)', () => {
    const root = parseXml(`<n>Sheet1!$A$1:&#x24;B&#36;2<![CDATA[&x]]></n>`);
    expect(root.text).toBe('Sheet1!$A$1:$B$2&x');
  });

  test('a BOM-less document may start with whitespace and a comment before the root', () => {
    const root = parseXml(`\n  <!-- made by hand -->\n<Types><Default Extension="xml" ContentType="application/xml"/></Types>`);
    expect(root.local).toBe('Types');
    expect(childrenNamed(root, 'Default')).toHaveLength(1);
  });

  test('children by local name; self-closing elements have no children', () => {
    const root = parseXml(`<r><a/><b>t</b><a k="2"></a><p:a/></r>`);
    expect(childrenNamed(root, 'a').map((a) => a.attrs.k ?? a.name)).toEqual(['a', '2', 'p:a']);
    expect(childNamed(root, 'b')?.text).toBe('t');
    expect(childNamed(root, 'zz')).toBeUndefined();
    expect(childrenNamed(undefined, 'a')).toEqual([]);
  });

  test('markup cut short or mismatched is an XmlError', () => {
    for (const bad of [
      '<a><b></a>',
      '<a>',
      '<a',
      '<a b="1>',
      '<a><!-- never closed </a>',
      '<a><![CDATA[ never closed</a>',
      '<a><?pi never closed</a>',
      '</a>',
      '',
      'just text',
    ]) {
      expect(() => parseXml(bad)).toThrow(XmlError);
    }
  });

  test('end tags must match the qualified name', () => {
    expect(() => parseXml('<x:a></a>')).toThrow(XmlError);
    expect(parseXml('<x:a></x:a>').local).toBe('a');
  });
});
