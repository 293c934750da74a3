// Checks manifest.xml offline: what the XML schema cannot see (ids, that every URL
// is served by the web build, icon pixel sizes, localized strings), then the
// schema itself through xmllint when it is installed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';

// ---- a tiny XML reader, enough for the manifest --------------------------

interface XmlElement {
  attrs: Record<string, string>;
  inner: string;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) attrs[match[1]] = decodeEntities(match[2]);
  return attrs;
}

/** Elements named `name` (with prefix, e.g. "bt:Image") anywhere in `xml`; not for self-nesting elements. */
function elements(xml: string, name: string): XmlElement[] {
  const tag = name.replace(/[.:]/g, (c) => `\\${c}`);
  const pattern = new RegExp(`<${tag}(\\s[^>]*?)?(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  return [...xml.matchAll(pattern)].map((m) => ({ attrs: parseAttrs(m[1] ?? ''), inner: m[2] ?? '' }));
}

function only(xml: string, name: string): XmlElement {
  const found = elements(xml, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

function text(xml: string, name: string): string {
  return decodeEntities(only(xml, name).inner.trim());
}

// ---- helpers ---------------------------------------------------------------

function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The path a manifest URL asks the dev server for, e.g. "assets/icon-16.png". */
function servedPath(url: string): string {
  expect(url.startsWith(`${ORIGIN}/`)).toBe(true);
  return new URL(url).pathname.replace(/^\//, '');
}

interface WebpackSetup {
  pages: string[];
  copy: { from: string; to: string; pattern: RegExp };
}

function webpackSetup(): WebpackSetup {
  // webpack.config.js is CommonJS; load it as webpack would and read its plugins.
  const load = createRequire(__filename);
  const configFor = load(path.join(ROOT, 'webpack.config.js')) as (
    env: unknown,
    argv: { mode: string },
  ) => { plugins: Array<{ constructor: { name: string }; userOptions?: { filename?: string }; from?: string; to?: string; pattern?: RegExp }> };
  const { plugins } = configFor({}, { mode: 'production' });
  const pages = plugins
    .filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
    .map((p) => p.userOptions?.filename ?? 'index.html');
  const copier = plugins.find((p) => p.constructor.name === 'CopyFilesPlugin');
  if (copier?.from === undefined || copier.to === undefined || copier.pattern === undefined) {
    throw new Error('webpack.config.js has no CopyFilesPlugin for assets/');
  }
  return { pages, copy: { from: copier.from, to: copier.to, pattern: copier.pattern } };
}

/** True when webpack's output would contain `served` (an HTML page or a copied asset). */
function isServed(served: string, setup: WebpackSetup): boolean {
  if (setup.pages.includes(served)) return true;
  const dir = path.posix.dirname(served);
  const name = path.posix.basename(served);
  return dir === setup.copy.to && setup.copy.pattern.test(name) && fs.existsSync(path.join(setup.copy.from, name));
}

// ---- the manifest ------------------------------------------------------------

const manifest = fs.readFileSync(MANIFEST_PATH, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const resources = only(manifest, 'Resources').inner;
/** The manifest without <VersionOverrides>, whose <Hosts> and <Description> repeat top-level names. */
const topLevel = manifest.replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, '');

function resourceUrl(kind: 'bt:Image' | 'bt:Url', id: string): string {
  const match = elements(resources, kind).find((e) => e.attrs.id === id);
  if (match === undefined) throw new Error(`no <${kind} id="${id}"> in <Resources>`);
  return match.attrs.DefaultValue;
}

describe('manifest.xml', () => {
  const setup = webpackSetup();

  test('has a GUID as its Id', () => {
    expect(text(manifest, 'Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  test('is an Excel task pane add-in that needs ExcelApi 1.7 and may write to the workbook', () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(elements(only(topLevel, 'Hosts').inner, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = elements(only(topLevel, 'Requirements').inner, 'Set').map((s) => s.attrs);
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
    expect(text(manifest, 'Permissions')).toBe('ReadWriteDocument');
  });

  test('is named in zh-CN with an en-US override', () => {
    expect(text(manifest, 'DefaultLocale')).toBe('zh-CN');
    const name = only(manifest, 'DisplayName');
    expect(name.attrs.DefaultValue).toBe('指标表助手');
    expect(elements(name.inner, 'Override').map((o) => o.attrs)).toEqual([{ Locale: 'en-US', Value: 'Indicator tables' }]);
  });

  test('gives every ribbon string an en-US override', () => {
    const strings = elements(resources, 'bt:String');
    expect(strings.length).toBeGreaterThan(0);
    for (const s of strings) {
      const overrides = elements(s.inner, 'bt:Override').map((o) => o.attrs.Locale);
      expect({ id: s.attrs.id, overrides }).toEqual({ id: s.attrs.id, overrides: ['en-US'] });
    }
    const button = elements(resources, 'bt:String').find((s) => s.attrs.id === 'TaskpaneButton.Label');
    expect(button?.attrs.DefaultValue).toBe('指标表');
  });

  test('refers only to resources it defines', () => {
    const defined = new Set(
      [...elements(resources, 'bt:Image'), ...elements(resources, 'bt:Url'), ...elements(resources, 'bt:String')].map(
        (e) => e.attrs.id,
      ),
    );
    const referenced = [...manifest.matchAll(/\sresid="([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(0);
    expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
  });

  test('opens the task pane and function file pages that webpack builds', () => {
    expect(setup.pages).toEqual(expect.arrayContaining(['taskpane.html', 'commands.html']));
    const sourceLocation = only(only(topLevel, 'DefaultSettings').inner, 'SourceLocation').attrs.DefaultValue;
    expect(servedPath(sourceLocation)).toBe('taskpane.html');
    const action = only(manifest, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(servedPath(resourceUrl('bt:Url', only(action.inner, 'SourceLocation').attrs.resid))).toBe('taskpane.html');
    expect(servedPath(resourceUrl('bt:Url', only(manifest, 'FunctionFile').attrs.resid))).toBe('commands.html');
  });

  test('points every URL at a file the web build serves', () => {
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const served = servedPath(url);
      expect({ url, served: isServed(served, setup) }).toEqual({ url, served: true });
    }
    expect(elements(manifest, 'AppDomain').map((d) => d.inner.trim())).toEqual([ORIGIN]);
  });

  test('has icons of the declared pixel sizes in assets/', () => {
    const expected: Array<[string, number]> = [
      [only(manifest, 'IconUrl').attrs.DefaultValue, 32],
      [only(manifest, 'HighResolutionIconUrl').attrs.DefaultValue, 64],
    ];
    const hostSection = only(manifest, 'DesktopFormFactor').inner;
    for (const image of elements(hostSection, 'bt:Image')) {
      expected.push([resourceUrl('bt:Image', image.attrs.resid), Number(image.attrs.size)]);
    }
    expect(expected.length).toBeGreaterThanOrEqual(5);
    for (const [url, size] of expected) {
      const file = path.join(setup.copy.from, path.posix.basename(servedPath(url)));
      expect(fs.existsSync(file)).toBe(true);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  test('pages load Office.js from the Microsoft CDN', () => {
    for (const page of ['src/taskpane/taskpane.html', 'src/commands/commands.html']) {
      const html = fs.readFileSync(path.join(ROOT, page), 'utf8');
      expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    }
  });
});

// ---- the XML schema (needs xmllint: apt-get install -y libxml2-utils) --------

const schemaDir = process.env.OFFICE_MANIFEST_SCHEMA_DIR ?? path.join(ROOT, '..', 'shared', 'office-manifest-schema');
const schema = path.join(schemaDir, 'OfficeAppManifestV1_1.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).error === undefined;
const hasSchema = fs.existsSync(schema);
const schemaSkipReason = !hasXmllint
  ? 'xmllint is not installed (apt-get install -y libxml2-utils)'
  : !hasSchema
    ? `the manifest XSDs are not at ${schemaDir} (set OFFICE_MANIFEST_SCHEMA_DIR)`
    : undefined;

if (schemaSkipReason !== undefined) {
  console.warn(`SKIPPED manifest.xml schema validation: ${schemaSkipReason}`);
}

(schemaSkipReason === undefined ? test : test.skip)('manifest.xml validates against the Office add-in XML schema', () => {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, MANIFEST_PATH], { encoding: 'utf8' });
  expect(run.stderr.trim()).toBe(`${MANIFEST_PATH} validates`);
  expect(run.status).toBe(0);
});
