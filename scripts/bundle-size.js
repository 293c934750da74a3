#!/usr/bin/env node
'use strict';
// Sizes of the web build's initial JavaScript, per page, as a Markdown table:
//   npm run build:web && npm run bundle-size       (or: node scripts/bundle-size.js [DIST_DIR])
// A page's initial JavaScript is what its HTML loads with <script src> (the bundles
// webpack injected), without Office.js from Microsoft's CDN; lazy chunks (import())
// load later and are not counted. Sizes are raw and gzip (level 9) bytes.
// Exits 1 when the task pane's initial gzip total is over TASKPANE_GZIP_LIMIT.
// test/build/webBuild.test.ts uses measurePages() on a temporary build.

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.join(__dirname, '..');

/** 300 KB: the task pane must stay quick to open on Excel on the web. */
const TASKPANE_GZIP_LIMIT = 300 * 1024;

/** The src of every <script src="…"> in `html`, in document order. */
function scriptSources(html) {
  const sources = [];
  for (const match of html.matchAll(/<script\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi)) {
    sources.push(match[1] ?? match[2] ?? match[3]);
  }
  return sources;
}

/** True for a script served by another origin (Office.js from the CDN), not by the build. */
function isExternal(src) {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(src);
}

/** The local script files `html` loads at start-up, as paths relative to the build folder. */
function initialScripts(html) {
  return scriptSources(html)
    .filter((src) => !isExternal(src))
    .map((src) => decodeURIComponent(src.replace(/[?#].*$/, '')).replace(/^\.?\//, ''));
}

/** Raw and gzip (level 9) size of one file. */
function fileSize(file) {
  const bytes = fs.readFileSync(file);
  return { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/**
 * Measures every page of `pages` ({ name: { filename } }, as webpack.config.js's PAGES)
 * built into `distDir`: [{ page, html, files: [{ file, raw, gzip }], raw, gzip }].
 */
function measurePages(distDir, pages) {
  return Object.entries(pages).map(([page, { filename }]) => {
    const htmlFile = path.join(distDir, filename);
    if (!fs.existsSync(htmlFile)) throw new Error(`${htmlFile} does not exist; build the web part first (npm run build:web)`);
    const html = fs.readFileSync(htmlFile, 'utf8');
    const files = initialScripts(html).map((file) => {
      const absolute = path.join(path.dirname(htmlFile), file);
      if (!fs.existsSync(absolute)) throw new Error(`${filename} loads ${file}, which is not in ${distDir}`);
      return { file, ...fileSize(absolute) };
    });
    const raw = files.reduce((sum, f) => sum + f.raw, 0);
    const gzip = files.reduce((sum, f) => sum + f.gzip, 0);
    return { page, html: filename, files, raw, gzip };
  });
}

function formatBytes(bytes) {
  return `${bytes.toLocaleString('en-US')} B (${(bytes / 1024).toFixed(1)} KB)`;
}

/** The measurements as a Markdown table: one row per file, one total row per page. */
function markdownTable(results) {
  const lines = ['| page | initial script | raw | gzip -9 |', '| --- | --- | ---: | ---: |'];
  for (const r of results) {
    for (const f of r.files) lines.push(`| ${r.page} | ${f.file} | ${formatBytes(f.raw)} | ${formatBytes(f.gzip)} |`);
    lines.push(`| **${r.page}** | **total** (${r.files.length} file${r.files.length === 1 ? '' : 's'}) | **${formatBytes(r.raw)}** | **${formatBytes(r.gzip)}** |`);
  }
  return lines.join('\n');
}

/** The task pane's result, or undefined. */
function taskpaneOf(results) {
  return results.find((r) => r.page === 'taskpane');
}

function main() {
  const distDir = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
  const { PAGES } = require(path.join(ROOT, 'webpack.config.js'));
  let results;
  try {
    results = measurePages(distDir, PAGES);
  } catch (error) {
    process.stderr.write(`bundle-size: ${error.message}\n`);
    return 2;
  }
  process.stdout.write(`${markdownTable(results)}\n`);
  const taskpane = taskpaneOf(results);
  if (taskpane !== undefined && taskpane.gzip > TASKPANE_GZIP_LIMIT) {
    process.stderr.write(
      `bundle-size: the task pane's initial JavaScript is ${formatBytes(taskpane.gzip)} gzipped, over the limit of ` +
        `${formatBytes(TASKPANE_GZIP_LIMIT)}; load rarely used parts lazily with import().\n`,
    );
    return 1;
  }
  return 0;
}

module.exports = { TASKPANE_GZIP_LIMIT, scriptSources, initialScripts, fileSize, measurePages, markdownTable, taskpaneOf };

if (require.main === module) process.exitCode = main();
