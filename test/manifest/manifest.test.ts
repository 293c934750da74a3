// Checks manifest.xml offline: what the XML schema cannot see (well-formedness without
// xmllint, unique ids, resources defined and used, that every URL is a file of the web
// build, icon pixel sizes, the two ribbon buttons, localized strings), the Content
// Security Policy of the web build, then the schema itself through xmllint when it is
// installed. Webpack does not run here (test/build/webBuild.test.ts builds): the served
// files are derived from webpack.config.js (PAGES, COPIES).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

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
    .replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_m, dec: string) => String.fromCodePoint(Number(dec)))
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

/**
 * Well-formedness problems of `xml` (empty when well-formed): unbalanced or crossed
 * tags, stray '<' or '&', duplicate or unquoted attributes, not exactly one root.
 */
function wellFormednessProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|<|&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);)/gi;
  let last = 0;
  for (const m of xml.matchAll(token)) {
    const between = xml.slice(last, m.index);
    if (stack.length === 0 && between.trim() !== '') problems.push(`text outside the root element: ${between.trim().slice(0, 40)}`);
    last = (m.index ?? 0) + m[0].length;
    const [whole, closing, opening, attrs, selfClosing] = m;
    if (whole === '<') problems.push(`stray '<' at offset ${m.index}`);
    else if (whole.startsWith('&')) problems.push(`stray '&' at offset ${m.index}`);
    else if (closing !== undefined) {
      const open = stack.pop();
      if (open !== closing) problems.push(`</${closing}> closes <${open ?? 'nothing'}>`);
    } else if (opening !== undefined) {
      const names = [...attrs.matchAll(/([\w:.-]+)\s*=/g)].map((a) => a[1]);
      const duplicate = names.find((n, i) => names.indexOf(n) !== i);
      if (duplicate !== undefined) problems.push(`<${opening}> repeats the attribute ${duplicate}`);
      if (stack.length === 0) roots++;
      if (selfClosing !== '/') stack.push(opening);
    }
  }
  if (xml.slice(last).trim() !== '') problems.push('text after the root element');
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
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

// ---- webpack.config.js, read but not run ----------------------------------------

interface Page {
  script: string;
  template: string;
  filename: string;
}

interface Copy {
  from: string;
  to: string;
  pattern?: RegExp;
  files?: string[];
}

interface PluginLike {
  constructor: { name: string };
  userOptions?: { filename?: string; chunks?: string[]; cspMeta?: string };
  from?: string;
  to?: string;
}

interface WebpackConfigModule {
  (env: unknown, argv: { mode: string }): { plugins: PluginLike[]; output: { path: string } };
  PAGES: Record<string, Page>;
  COPIES: Record<string, Copy>;
  OUTPUT_DIR: string;
  CSP: string;
  CSP_META: string;
}

// webpack.config.js is CommonJS; load it as webpack would.
const webpackConfig = createRequire(__filename)(path.join(ROOT, 'webpack.config.js')) as WebpackConfigModule;
const { PAGES, COPIES, CSP } = webpackConfig;

/** Every file the web build writes besides the bundles: pages and copied files, relative to dist/. */
function builtFiles(): Set<string> {
  const files = new Set(Object.values(PAGES).map((p) => p.filename));
  for (const copy of Object.values(COPIES)) {
    const names =
      copy.files ?? fs.readdirSync(copy.from).filter((n) => copy.pattern?.test(n) === true && fs.statSync(path.join(copy.from, n)).isFile());
    for (const name of names) {
      if (fs.existsSync(path.join(copy.from, name))) files.add(path.posix.join(copy.to, name));
    }
  }
  return files;
}

/** The source file a served asset is copied from, e.g. assets/icon-16.png -> <root>/assets/icon-16.png. */
function sourceOf(served: string): string {
  for (const copy of Object.values(COPIES)) {
    const name = path.posix.basename(served);
    if (path.posix.dirname(served) === (copy.to === '' ? '.' : copy.to)) {
      const file = path.join(copy.from, name);
      if ((copy.files?.includes(name) ?? copy.pattern?.test(name) === true) && fs.existsSync(file)) return file;
    }
  }
  throw new Error(`${served} is not copied by the web build`);
}

// ---- the manifest ------------------------------------------------------------

const rawManifest = fs.readFileSync(MANIFEST_PATH, 'utf8');
const manifest = rawManifest.replace(/<!--[\s\S]*?-->/g, '');
const resources = only(manifest, 'Resources').inner;
/** The manifest without <VersionOverrides>, whose <Hosts> and <Description> repeat top-level names. */
const topLevel = manifest.replace(/<VersionOverrides[\s\S]*<\/VersionOverrides>/, '');

type ResourceKind = 'bt:Image' | 'bt:Url' | 'bt:String';

function resource(kind: ResourceKind, id: string, section?: string): XmlElement {
  const scope = section === undefined ? resources : only(resources, section).inner;
  const match = elements(scope, kind).find((e) => e.attrs.id === id);
  if (match === undefined) throw new Error(`no <${kind} id="${id}"> in <${section ?? 'Resources'}>`);
  return match;
}

function resourceUrl(kind: 'bt:Image' | 'bt:Url', id: string): string {
  return resource(kind, id).attrs.DefaultValue;
}

/** The zh-CN default and the en-US override of a string resource. */
function localized(id: string, section: 'bt:ShortStrings' | 'bt:LongStrings'): { zh: string; en: string | undefined } {
  const s = resource('bt:String', id, section);
  const en = elements(s.inner, 'bt:Override').find((o) => o.attrs.Locale === 'en-US')?.attrs.Value;
  return { zh: s.attrs.DefaultValue, en };
}

/** The <Control> elements of the add-in's ribbon group, in order. */
function controls(): XmlElement[] {
  return elements(only(manifest, 'Group').inner, 'Control');
}

function control(id: string): XmlElement {
  const found = controls().find((c) => c.attrs.id === id);
  if (found === undefined) throw new Error(`no <Control id="${id}">`);
  return found;
}

describe('manifest.xml', () => {
  test('is well-formed XML', () => {
    expect(rawManifest.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(wellFormednessProblems(rawManifest)).toEqual([]);
    // The checker itself catches the usual mistakes.
    expect(wellFormednessProblems('<a><b></a></b>')).not.toEqual([]);
    expect(wellFormednessProblems('<a x="1" x="2"/>')).not.toEqual([]);
    expect(wellFormednessProblems('<a>R&D</a>')).not.toEqual([]);
    expect(wellFormednessProblems('<a/><b/>')).not.toEqual([]);
    if (hasXmllint) {
      const run = spawnSync('xmllint', ['--noout', MANIFEST_PATH], { encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
  });

  test('keeps its identity: Id, version, provider', () => {
    expect(text(manifest, 'Id')).toBe('6dea257e-f7cb-4fe3-b835-e1535c1f37d4');
    expect(text(manifest, 'Version')).toBe('0.1.0.0');
    expect(text(manifest, 'ProviderName')).not.toBe('');
  });

  test('is an Excel task pane add-in that needs ExcelApi 1.7 and may write to the workbook', () => {
    expect(manifest).toMatch(/<OfficeApp[^>]*xsi:type="TaskPaneApp"/);
    expect(elements(only(topLevel, 'Hosts').inner, 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    const sets = elements(only(topLevel, 'Requirements').inner, 'Set').map((s) => s.attrs);
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);
    expect(text(manifest, 'Permissions')).toBe('ReadWriteDocument');
    expect(manifest).toMatch(/<VersionOverrides[^>]*xsi:type="VersionOverridesV1_0"/);
  });

  test('is named and described in zh-CN with en-US overrides', () => {
    expect(text(manifest, 'DefaultLocale')).toBe('zh-CN');
    const name = only(topLevel, 'DisplayName');
    expect(name.attrs.DefaultValue).toBe('指标表助手');
    expect(elements(name.inner, 'Override').map((o) => o.attrs)).toEqual([{ Locale: 'en-US', Value: 'Indicator tables' }]);
    const description = only(topLevel, 'Description');
    expect(description.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
    expect(elements(description.inner, 'Override').map((o) => o.attrs.Locale)).toEqual(['en-US']);
  });

  test('gives every string an en-US override', () => {
    const strings = elements(resources, 'bt:String');
    expect(strings.length).toBeGreaterThanOrEqual(8);
    for (const s of strings) {
      const overrides = elements(s.inner, 'bt:Override');
      expect({ id: s.attrs.id, overrides: overrides.map((o) => o.attrs.Locale) }).toEqual({ id: s.attrs.id, overrides: ['en-US'] });
      expect({ id: s.attrs.id, zh: /[\u4e00-\u9fff]/.test(s.attrs.DefaultValue) }).toEqual({ id: s.attrs.id, zh: true });
      expect({ id: s.attrs.id, en: /^[\x20-\x7e]+$/.test(overrides[0].attrs.Value) }).toEqual({ id: s.attrs.id, en: true });
    }
  });

  test('uses each id once', () => {
    const ids = [...manifest.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test('defines every resource it uses, of the right kind, and uses every resource it defines', () => {
    const defined = (section: string, kind: ResourceKind): string[] => elements(only(resources, section).inner, kind).map((e) => e.attrs.id);
    const images = defined('bt:Images', 'bt:Image');
    const urls = defined('bt:Urls', 'bt:Url');
    const shortStrings = defined('bt:ShortStrings', 'bt:String');
    const longStrings = defined('bt:LongStrings', 'bt:String');
    const used = [...manifest.matchAll(/<([\w:]+)\s[^>]*?\bresid="([^"]+)"/g)].map((m) => ({ element: m[1], resid: m[2] }));
    expect(used.length).toBeGreaterThan(10);
    const kindOf: Record<string, string[]> = {
      'bt:Image': images,
      SourceLocation: urls,
      FunctionFile: urls,
      LearnMoreUrl: urls,
      Label: shortStrings,
      Title: shortStrings,
      Description: longStrings,
    };
    for (const { element, resid } of used) {
      const pool = kindOf[element];
      expect({ element, resid, known: pool !== undefined, defined: pool?.includes(resid) }).toEqual({ element, resid, known: true, defined: true });
    }
    const usedIds = new Set(used.map((u) => u.resid));
    expect([...images, ...urls, ...shortStrings, ...longStrings].filter((id) => !usedIds.has(id))).toEqual([]);
  });

  test('has one group on the Home tab with the task pane and the quick summary buttons', () => {
    const tabs = elements(manifest, 'OfficeTab');
    expect(tabs.map((t) => t.attrs.id)).toEqual(['TabHome']);
    const group = only(manifest, 'Group');
    expect(group.attrs.id).toBe('IndicatorTables.Group');
    expect(localized(only(group.inner.replace(/<Control[\s\S]*<\/Control>/, ''), 'Label').attrs.resid, 'bt:ShortStrings')).toEqual({
      zh: '指标表助手',
      en: 'Indicator tables',
    });
    expect(controls().map((c) => [c.attrs['xsi:type'], c.attrs.id])).toEqual([
      ['Button', 'IndicatorTables.TaskpaneButton'],
      ['Button', 'IndicatorTables.SummaryButton'],
    ]);
  });

  test('opens the task pane and the function file that webpack builds', () => {
    expect(Object.keys(PAGES).sort()).toEqual(['commands', 'dialog', 'taskpane']);
    const sourceLocation = only(only(topLevel, 'DefaultSettings').inner, 'SourceLocation').attrs.DefaultValue;
    expect(servedPath(sourceLocation)).toBe(PAGES.taskpane.filename);
    const taskpane = control('IndicatorTables.TaskpaneButton');
    const action = only(taskpane.inner, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(text(action.inner, 'TaskpaneId')).toBe('IndicatorTables.Taskpane');
    expect(servedPath(resourceUrl('bt:Url', only(action.inner, 'SourceLocation').attrs.resid))).toBe(PAGES.taskpane.filename);
    expect(localized(only(taskpane.inner, 'Label').attrs.resid, 'bt:ShortStrings')).toEqual({ zh: '指标表', en: 'Indicator tables' });
    expect(servedPath(resourceUrl('bt:Url', only(manifest, 'FunctionFile').attrs.resid))).toBe(PAGES.commands.filename);
  });

  test('runs generateSummary from the quick summary button, with a supertip in both languages', () => {
    const summary = control('IndicatorTables.SummaryButton');
    const action = only(summary.inner, 'Action');
    expect(action.attrs['xsi:type']).toBe('ExecuteFunction');
    expect(text(action.inner, 'FunctionName')).toBe('generateSummary');
    expect(localized(only(summary.inner, 'Label').attrs.resid, 'bt:ShortStrings')).toEqual({ zh: '一键汇总', en: 'Quick summary' });
    const supertip = only(summary.inner, 'Supertip').inner;
    const title = localized(only(supertip, 'Title').attrs.resid, 'bt:ShortStrings');
    expect(title.zh).not.toBe('');
    expect(title.en).not.toBe('');
    expect(localized(only(supertip, 'Description').attrs.resid, 'bt:LongStrings')).toEqual({
      zh: '用上次保存的设置重新生成汇总表，不打开任务窗格。尚未保存设置时会提示先打开任务窗格。',
      en: 'Regenerate the summary sheets with the saved settings, without opening the task pane. Without saved settings it asks you to open the pane first.',
    });
  });

  test('points every URL at a file the web build writes', () => {
    const built = builtFiles();
    expect([...built]).toEqual(
      expect.arrayContaining(['taskpane.html', 'commands.html', 'dialog.html', 'manifest.xml', 'assets/icon-16.png', 'assets/icon-80.png']),
    );
    const urls = [...manifest.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) {
      const served = servedPath(url);
      expect({ url, built: built.has(served) }).toEqual({ url, built: true });
    }
    expect(elements(manifest, 'AppDomain').map((d) => d.inner.trim())).toEqual([ORIGIN]);
  });

  test('has icons of the declared pixel sizes (16, 32, 64, 80)', () => {
    const expected: Array<[string, number]> = [
      [only(topLevel, 'IconUrl').attrs.DefaultValue, 32],
      [only(topLevel, 'HighResolutionIconUrl').attrs.DefaultValue, 64],
    ];
    const hostSection = only(manifest, 'DesktopFormFactor').inner;
    const iconLists = elements(hostSection, 'Icon');
    expect(iconLists).toHaveLength(3); // the group and both buttons
    for (const list of iconLists) {
      const images = elements(list.inner, 'bt:Image');
      expect(images.map((i) => i.attrs.size)).toEqual(['16', '32', '80']);
      for (const image of images) expected.push([resourceUrl('bt:Image', image.attrs.resid), Number(image.attrs.size)]);
    }
    for (const [url, size] of expected) {
      const file = sourceOf(servedPath(url));
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
    for (const size of [16, 32, 64, 80]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

describe('the web build (webpack.config.js, not run)', () => {
  test('builds each page from its own template with its own chunk only, into dist/', () => {
    const config = webpackConfig({}, { mode: 'production' });
    expect(config.output.path).toBe(path.join(ROOT, 'dist'));
    const pages = config.plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin').map((p) => p.userOptions);
    expect(pages.map((p) => [p?.filename, p?.chunks])).toEqual(Object.entries(PAGES).map(([name, page]) => [page.filename, [name]]));
    expect(config.plugins.filter((p) => p.constructor.name === 'CopyFilesPlugin')).toHaveLength(Object.keys(COPIES).length);
  });

  test('pages load Office.js from the Microsoft CDN and carry the CSP placeholder', () => {
    for (const page of Object.values(PAGES)) {
      const html = fs.readFileSync(path.join(ROOT, page.template), 'utf8');
      expect({ page: page.template, officeJs: html.includes(`<script src="${OFFICE_JS}"></script>`) }).toEqual({
        page: page.template,
        officeJs: true,
      });
      expect(html).toContain('<%= htmlWebpackPlugin.options.cspMeta %>');
      // The policy comes before any script.
      expect(html.indexOf('htmlWebpackPlugin.options.cspMeta')).toBeLessThan(html.indexOf('<script'));
    }
  });

  test('sets the Content-Security-Policy in production only', () => {
    const cspOf = (mode: string): Array<string | undefined> =>
      webpackConfig({}, { mode })
        .plugins.filter((p) => p.constructor.name === 'HtmlWebpackPlugin')
        .map((p) => p.userOptions?.cspMeta);
    expect(cspOf('production')).toEqual(Object.keys(PAGES).map(() => webpackConfig.CSP_META));
    expect(cspOf('development')).toEqual(Object.keys(PAGES).map(() => ''));
    expect(webpackConfig.CSP_META).toContain('http-equiv="Content-Security-Policy"');
  });

  test('the CSP allows only the add-in itself and Microsoft hosts', () => {
    const KEYWORDS = new Set(["'self'", "'none'", "'unsafe-inline'"]);
    // https, one host name (or a *. wildcard) ending with a Microsoft domain; no path, no port.
    const MICROSOFT = /^https:\/\/(?:\*|[a-z0-9-]+)(?:\.[a-z0-9-]+)*\.(?:microsoft\.com|officeapps\.live\.com|office\.com)$/;
    const directives = new Map(
      CSP.split(';')
        .map((d) => d.trim())
        .filter((d) => d !== '')
        .map((d) => {
          const [name, ...sources] = d.split(/\s+/);
          return [name, sources] as const;
        }),
    );
    expect([...directives.keys()]).toEqual(
      expect.arrayContaining(['default-src', 'script-src', 'style-src', 'object-src', 'base-uri', 'form-action', 'frame-src', 'connect-src']),
    );
    for (const [name, sources] of directives) {
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const allowed = KEYWORDS.has(source) || source === 'data:' || MICROSOFT.test(source);
        expect({ name, source, allowed }).toEqual({ name, source, allowed: true });
      }
    }
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", 'https://appsforoffice.microsoft.com']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    // Inline code is never allowed; inline styles only (Fluent UI's Griffel).
    for (const [name, sources] of directives) {
      if (name !== 'style-src') expect({ name, inline: sources.includes("'unsafe-inline'") }).toEqual({ name, inline: false });
    }
    expect(CSP).not.toMatch(/unsafe-eval|\*(?!\.)|http:/);
    // The pattern itself refuses look-alikes.
    for (const bad of ['https://microsoft.com.evil.example', 'https://evilmicrosoft.com', 'http://x.office.com', 'https://*', 'https://x.office.com/path']) {
      expect({ bad, allowed: MICROSOFT.test(bad) }).toEqual({ bad, allowed: false });
    }
    expect(OFFICE_JS.startsWith(`${directives.get('script-src')?.[1]}/`)).toBe(true);
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

// The schema also checks the order of the elements (e.g. <Requirements> after <Hosts>).
(schemaSkipReason === undefined ? test : test.skip)('manifest.xml validates against the Office add-in XML schema', () => {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, MANIFEST_PATH], { encoding: 'utf8' });
  expect(run.stderr.trim()).toBe(`${MANIFEST_PATH} validates`);
  expect(run.status).toBe(0);
});
