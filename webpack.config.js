'use strict';
// Builds the Office add-in's web part into dist/ (the CLI is compiled to lib/ by tsc):
// the pages Office loads (task pane, ribbon function file, message dialog), each with
// its own bundle, plus the icons (assets/*.png -> dist/assets/) and manifest.xml.
//   npx webpack --mode production        (npm run build:web; the default mode)
//   npx webpack serve --mode development (npm run dev-server: https://localhost:3000)
// Office.js itself is not bundled: each page loads it from Microsoft's CDN.

const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const OUTPUT_DIR = path.join(ROOT, 'dist');
const DEV_SERVER_PORT = 3000;

/**
 * The pages Office loads; manifest.xml points at these file names. The keys are the
 * webpack entry (and chunk) names; each page gets only its own chunk.
 */
const PAGES = {
  taskpane: { script: './src/taskpane/index.tsx', template: './src/taskpane/taskpane.html', filename: 'taskpane.html' },
  commands: { script: './src/commands/commands.ts', template: './src/commands/commands.html', filename: 'commands.html' },
  dialog: { script: './src/dialog/dialog.ts', template: './src/dialog/dialog.html', filename: 'dialog.html' },
};

/** Static files copied into the output as they are: `from` (a folder) -> `to` (a folder in the output). */
const COPIES = {
  // Manifest icon URLs (https://…/assets/icon-32.png) and the logo.
  assets: { from: path.join(ROOT, 'assets'), to: 'assets', pattern: /\.png$/i },
  // The built-in sample, for the standalone page's taskpane.html?sample (npm start prints it).
  sample: { from: path.join(ROOT, 'assets', 'sample'), to: 'assets/sample', pattern: /\.xlsx$/i },
  // The manifest beside the pages it points at, so a deployment copies one folder.
  manifest: { from: ROOT, to: '', files: ['manifest.xml'] },
};

/**
 * The Content-Security-Policy of every page in a production build (a <meta> tag; the
 * dev server's eval source maps would need 'unsafe-eval', so development has none).
 * - script-src: our bundles and Office.js from Microsoft's CDN, nothing inline, no eval.
 * - style-src 'unsafe-inline': Fluent UI v9 styles through Griffel, which inserts
 *   <style> elements at run time; the pages' own small inline <style> blocks too.
 *   Only styles are allowed inline, never scripts.
 * - frame-src: Office.js may open frames to Office on the web (*.officeapps.live.com,
 *   *.office.com).
 * - connect-src 'self': the add-in talks to Excel through Office.js only, never to a server.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' https://*.officeapps.live.com https://*.office.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** The tag each page template places first in <head> (`<%= htmlWebpackPlugin.options.cspMeta %>`). */
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(CSP)}" />`;

/**
 * Copies static files into the output, so they are served (dev server) and built
 * (dist/) with the pages. A few lines instead of copy-webpack-plugin. Either every
 * file of `from` whose name matches `pattern`, or the listed `files` of `from`.
 */
class CopyFilesPlugin {
  constructor({ from, to, pattern, files }) {
    this.from = from;
    this.to = to;
    this.pattern = pattern;
    this.files = files;
  }

  /** The file names (in `from`) this plugin copies. */
  names() {
    if (this.files !== undefined) return [...this.files];
    return fs
      .readdirSync(this.from)
      .sort()
      .filter((name) => this.pattern.test(name) && fs.statSync(path.join(this.from, name)).isFile());
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          // Watch the folder only when its listing matters (never the repository root).
          if (this.files === undefined) compilation.contextDependencies.add(this.from);
          for (const name of this.names()) {
            const file = path.join(this.from, name);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(path.posix.join(this.to, name), new sources.RawSource(fs.readFileSync(file)));
          }
        },
      );
    });
  }
}

/** Fails a production build whose page template lost the CSP placeholder. */
class RequireCspPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('RequireCspPlugin', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).afterTemplateExecution.tap('RequireCspPlugin', (data) => {
        if (!data.html.includes(CSP_META)) {
          const { WebpackError } = compiler.webpack;
          compilation.errors.push(
            new WebpackError(`${data.outputName}: no Content-Security-Policy <meta>; put <%= htmlWebpackPlugin.options.cspMeta %> first in its <head>`),
          );
        }
        return data;
      });
    });
  }
}

/** True when webpack-cli runs `webpack serve` (it sets WEBPACK_SERVE). */
function isServing(env) {
  return Boolean((env && env.WEBPACK_SERVE) || process.env.WEBPACK_SERVE);
}

/**
 * The dev server's https options: the Office add-in developer certificate
 * (office-addin-dev-certs, trusted by Office on Windows and macOS; it may ask to install
 * its CA), else webpack-dev-server's own self-signed certificate.
 */
async function httpsServer() {
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    const options = await getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    const reason = error && error.message ? error.message.split('\n')[0] : String(error);
    console.warn(`dev-server: no Office add-in dev certificate (${reason}); using a self-signed certificate instead.`);
    return 'https';
  }
}

function configFor(argv = {}) {
  const production = argv.mode !== 'development';
  const filename = production ? '[name].[contenthash:8].js' : '[name].js';
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, page.script])),
    output: {
      path: OUTPUT_DIR,
      filename,
      // Lazy chunks (import() in the task pane) are hashed too, so they can be cached forever.
      chunkFilename: filename,
      clean: true,
    },
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'ts-loader',
          // Only the files actually bundled are type-checked, so work in
          // progress elsewhere in src/core cannot break the web build.
          options: { configFile: path.join(ROOT, 'tsconfig.web.json'), onlyCompileBundledFiles: true },
        },
      ],
    },
    plugins: [
      ...Object.entries(PAGES).map(
        ([name, page]) =>
          new HtmlWebpackPlugin({
            filename: page.filename,
            template: page.template,
            chunks: [name],
            // Read by the templates: the CSP <meta> in production only.
            cspMeta: production ? CSP_META : '',
          }),
      ),
      ...(production ? [new RequireCspPlugin()] : []),
      ...Object.values(COPIES).map((copy) => new CopyFilesPlugin(copy)),
    ],
    performance: { hints: false },
  };
}

module.exports = (env = {}, argv = {}) => {
  const config = configFor(argv);
  if (!isServing(env)) return config;
  // `webpack serve` only: webpack-cli waits for the promise.
  return httpsServer().then((server) => ({
    ...config,
    devServer: {
      port: DEV_SERVER_PORT,
      server,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
    },
  }));
};

module.exports.PAGES = PAGES;
module.exports.COPIES = COPIES;
module.exports.OUTPUT_DIR = OUTPUT_DIR;
module.exports.DEV_SERVER_PORT = DEV_SERVER_PORT;
module.exports.CSP = CSP;
module.exports.CSP_META = CSP_META;
module.exports.CopyFilesPlugin = CopyFilesPlugin;
