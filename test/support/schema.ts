/**
 * Schema validity of package parts against the ECMA-376 schemas in ../shared/ooxml-schema,
 * with xmllint (see that folder's README). Parts other producers wrote may carry extensions
 * declared ignorable (`mc:Ignorable="x14ac xr …"`): those attributes and elements are removed
 * first and `mc:AlternateContent` is replaced by its `mc:Fallback`, as Office's validator does.
 * `xml:space` is removed too: XML itself (§2.10) gives it to every element and Excel writes it
 * on `<t>`, but the 2006 schema does not declare it.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import { findAll } from '../../src/workbook/write/xmlOut';

export const SCHEMA_DIR = path.resolve(__dirname, '../../../shared/ooxml-schema');

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((d) => d && existsSync(path.join(d, name)));
}

/** Whether xmllint and the schemas are here; under CI their absence is a failure, not a skip. */
export function schemaAvailable(): boolean {
  const ok = onPath('xmllint') && existsSync(path.join(SCHEMA_DIR, 'sml.xsd'));
  if (!ok && process.env.CI) throw new Error(`xmllint or ${SCHEMA_DIR} missing (required under CI)`);
  return ok;
}

/** The schema a part is checked with, or null for parts we do not check (VML, binaries, charts…). */
export function schemaFor(part: string): string | null {
  if (part === '[Content_Types].xml') return 'opc-xsd/opc-contentTypes.xsd';
  if (part.endsWith('.rels')) return 'opc-xsd/opc-relationships.xsd';
  if (/^docProps\/app\.xml$/i.test(part)) return 'shared-documentPropertiesExtended.xsd';
  if (/^xl\/(workbook|styles|sharedStrings)\.xml$/i.test(part)) return 'sml.xsd';
  if (/^xl\/worksheets\/[^/]+\.xml$/i.test(part) || /^xl\/comments[^/]*\.xml$/i.test(part)) return 'sml.xsd';
  return null;
}

/** Remove what mc:Ignorable declares ignorable, and xml:space. */
export function stripIgnorable(xml: string): string {
  let s = xml;
  // AlternateContent -> its Fallback's content (or nothing)
  for (;;) {
    const ac = findAll(s, 'AlternateContent')[0];
    if (!ac) break;
    const inner = s.slice(ac.openEnd, ac.closeStart);
    const fb = findAll(inner, 'Fallback')[0];
    s = s.slice(0, ac.start) + (fb && !fb.empty ? inner.slice(fb.openEnd, fb.closeStart) : '') + s.slice(ac.end);
  }
  const ign = /\b(?:\w+:)?Ignorable\s*=\s*"([^"]*)"/.exec(s);
  const prefixes = ign ? ign[1].split(/\s+/).filter(Boolean) : [];
  for (const p of prefixes) {
    s = s.replace(new RegExp(`\\s${p}:[\\w.-]+\\s*=\\s*("[^"]*"|'[^']*')`, 'g'), '');
    for (;;) {
      const m = new RegExp(`<${p}:([\\w.-]+)`).exec(s);
      if (!m) break;
      const el = findAll(s, m[1], m.index)[0];
      s = s.slice(0, el.start) + s.slice(el.end);
    }
  }
  s = s.replace(/\s(?:\w+:)?Ignorable\s*=\s*"[^"]*"/g, '');
  s = s.replace(/\sxml:space\s*=\s*"[^"]*"/g, '');
  return s;
}

/**
 * Validate parts; returns xmllint's complaints ('' when every part validates). Parts without
 * a schema are skipped.
 */
export function validateParts(parts: { name: string; xml: string }[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schema-'));
  try {
    const bySchema = new Map<string, string[]>();
    parts.forEach((p, i) => {
      const schema = schemaFor(p.name);
      if (!schema) return;
      const file = path.join(dir, `${i}-${p.name.replace(/[^\w.]+/g, '_')}`);
      writeFileSync(file, stripIgnorable(p.xml));
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), file]);
    });
    let out = '';
    for (const [schema, files] of bySchema) {
      try {
        execFileSync('xmllint', ['--noout', '--schema', path.join(SCHEMA_DIR, schema), ...files], { stdio: 'pipe' });
      } catch (e) {
        out += String((e as { stderr?: Buffer }).stderr ?? e);
      }
    }
    return out
      .split('\n')
      .filter((l) => l && !/ validates$/.test(l))
      .join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
