import type { ZipEntry, ZipLimits } from './zip';
import { ZipArchive, ZipError, nameKey, utf8Text } from './zip';
import type { XmlNode } from './xml';
import { XmlError, attrByLocal, childrenNamed, parseXml } from './xml';

/*
 * An Open Packaging Conventions package (ECMA-376 Part 2) over a zip archive: parts by name,
 * their content types from [Content_Types].xml, and relationships resolved as OPC says. The
 * readers use it to find the workbook and its parts; the writer (issue 16) will use the same
 * object to copy every part it does not change and add its own.
 */

export class PackageError extends Error {
  constructor(
    readonly code: 'not-zip' | 'corrupt' | 'too-large' | 'encrypted' | 'unsupported',
    message: string,
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface Relationship {
  id: string;
  /** the relationship type URI */
  type: string;
  /** the target as written */
  target: string;
  /** the part name it points to (no leading '/'), or null for an external target */
  part: string | null;
  external: boolean;
}

/** Relationship type URIs end the same in transitional and strict OOXML; match on the last segment. */
export function relType(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

const RELS_PART = /^(.*\/)?_rels\/([^/]*)\.rels$/i;

/** The relationships part of a part ('' is the package itself): `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relsPartOf(part: string): string {
  const p = part.replace(/^\/+/, '');
  if (p === '') return '_rels/.rels';
  const slash = p.lastIndexOf('/');
  return `${p.slice(0, slash + 1)}_rels/${p.slice(slash + 1)}.rels`;
}

/** The part a relationships part describes (the inverse of relsPartOf). */
export function sourceOfRels(relsPart: string): string {
  const m = RELS_PART.exec(relsPart.replace(/^\/+/, ''));
  if (!m) return '';
  return `${m[1] ?? ''}${m[2]}`;
}

/** The relative target of `part` from the folder of `from` (both package part names): the inverse of resolveTarget. */
export function relativeTarget(from: string, part: string): string {
  const base = from.split('/').slice(0, -1);
  const to = part.split('/');
  let i = 0;
  while (i < base.length && i < to.length - 1 && base[i] === to[i]) i++;
  return [...base.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

/**
 * Resolve a relationship target against the part that holds the relationships (OPC §9.3 /
 * RFC 3986): a target starting with '/' is absolute from the package root; anything else is
 * relative to the source part's folder; '.' and '..' segments are resolved, percent escapes
 * decoded. Returns the part name without a leading '/'.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  let t = target.trim().replace(/\\/g, '/');
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  let path: string;
  if (t.startsWith('/')) {
    path = t;
  } else {
    const src = sourcePart.replace(/^\/+/, '');
    const dir = src.slice(0, src.lastIndexOf('/') + 1);
    path = '/' + dir + t;
  }
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  const joined = out.join('/');
  try {
    return decodeURIComponent(joined);
  } catch {
    return joined;
  }
}

function wrap(e: unknown, part: string): never {
  if (e instanceof ZipError) throw new PackageError(e.code === 'not-zip' ? 'corrupt' : e.code, e.message);
  if (e instanceof XmlError) throw new PackageError('corrupt', `${part}: ${e.message}`);
  throw e;
}

/**
 * A package read from bytes. Part names are compared without case (as OPC requires) and
 * returned as stored.
 */
export class OpcPackage {
  readonly zip: ZipArchive;
  private defaults = new Map<string, string>();
  private overrides = new Map<string, string>();
  private relsCache = new Map<string, Relationship[]>();

  /**
   * Throws PackageError: 'not-zip' when the bytes are no zip archive, 'corrupt' when the
   * archive or its [Content_Types].xml is damaged, 'too-large' past the limits.
   */
  constructor(bytes: Uint8Array, limits: ZipLimits = {}) {
    try {
      this.zip = new ZipArchive(bytes, limits);
    } catch (e) {
      if (e instanceof ZipError) throw new PackageError(e.code, e.message);
      throw e;
    }
    const ct = this.zip.entry('[Content_Types].xml');
    if (ct) {
      const root = this.xml('[Content_Types].xml');
      for (const d of childrenNamed(root, 'Default')) {
        const ext = d.attrs.Extension;
        if (ext && d.attrs.ContentType) this.defaults.set(ext.toLowerCase(), d.attrs.ContentType.trim());
      }
      for (const o of childrenNamed(root, 'Override')) {
        const name = o.attrs.PartName;
        if (name && o.attrs.ContentType) this.overrides.set(nameKey(name), o.attrs.ContentType.trim());
      }
    }
  }

  /** Whether the package has [Content_Types].xml (every OOXML package does). */
  get hasContentTypes(): boolean {
    return this.zip.has('[Content_Types].xml');
  }

  /** Part names as stored, in archive order (folders left out). */
  get partNames(): string[] {
    return this.zip.entries.filter((e) => !e.name.endsWith('/')).map((e) => e.name);
  }

  has(part: string): boolean {
    return this.zip.has(part);
  }

  entry(part: string): ZipEntry | undefined {
    return this.zip.entry(part);
  }

  /** The content type of a part: its Override, else the Default of its extension, else null. */
  contentType(part: string): string | null {
    const o = this.overrides.get(nameKey(part));
    if (o) return o;
    const p = part.replace(/^\/+/, '');
    const slash = p.lastIndexOf('/');
    const dot = p.lastIndexOf('.');
    if (dot <= slash) return null;
    return this.defaults.get(p.slice(dot + 1).toLowerCase()) ?? null;
  }

  private need(part: string): ZipEntry {
    const e = this.zip.entry(part);
    if (!e) throw new PackageError('corrupt', `the package has no part ${part}`);
    return e;
  }

  /** A part's bytes. Throws PackageError('corrupt') when it is missing or damaged. */
  bytes(part: string): Uint8Array {
    try {
      return this.zip.read(this.need(part));
    } catch (e) {
      return wrap(e, part);
    }
  }

  /** A part's text (UTF-8). */
  text(part: string): string {
    return utf8Text(this.bytes(part));
  }

  /** A part's text in decoded pieces, never held whole (sheets, shared strings). */
  streamText(part: string, onText: (text: string) => void): void {
    try {
      this.zip.streamText(this.need(part), onText);
    } catch (e) {
      wrap(e, part);
    }
  }

  /**
   * The same, through the asynchronous inflater when the package has one (the browser's
   * DecompressionStream: native, and the page stays responsive between pieces); otherwise as
   * streamText.
   */
  async streamTextAsync(part: string, onText: (text: string) => void): Promise<void> {
    try {
      await this.zip.streamTextAsync(this.need(part), onText);
    } catch (e) {
      wrap(e, part);
    }
  }

  /** Whether parts inflate asynchronously (streamTextAsync differs from streamText). */
  get inflatesAsync(): boolean {
    return this.zip.inflatesAsync;
  }

  /** A small part as an element tree. */
  xml(part: string): XmlNode {
    try {
      return parseXml(this.text(part));
    } catch (e) {
      return wrap(e, part);
    }
  }

  /**
   * The relationships of a part ('' for the package's own), targets resolved. A missing
   * relationships part means none.
   */
  relationships(part: string): Relationship[] {
    const relsPart = relsPartOf(part);
    const key = nameKey(relsPart);
    const cached = this.relsCache.get(key);
    if (cached) return cached;
    const out: Relationship[] = [];
    if (this.zip.has(relsPart)) {
      for (const r of childrenNamed(this.xml(relsPart), 'Relationship')) {
        const target = r.attrs.Target ?? '';
        const external = (r.attrs.TargetMode ?? '').toLowerCase() === 'external';
        out.push({
          id: r.attrs.Id ?? '',
          type: r.attrs.Type ?? '',
          target,
          part: external ? null : resolveTarget(part, target),
          external,
        });
      }
    }
    this.relsCache.set(key, out);
    return out;
  }

  /** The first relationship of a part whose type ends in `/${type}` (e.g. 'officeDocument', 'sharedStrings'). */
  related(part: string, type: string): Relationship | undefined {
    return this.relationships(part).find((r) => !r.external && relType(r.type) === type);
  }
}

/** An attribute by local name (e.g. the `r:id` of a sheet, whatever its prefix). */
export { attrByLocal };
