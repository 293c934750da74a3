'use strict';
// Builds the Office add-in's web part into dist-web/: the task pane page and the
// (ribbon) commands page, each with its own bundle, plus the icons in assets/.
//   npx webpack --mode production
// Office.js itself is not bundled: each page loads it from Microsoft's CDN.

const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const ROOT = __dirname;
const OUTPUT_DIR = path.join(ROOT, 'dist-web');

/** The pages Office loads; manifest.xml points at these file names. */
const PAGES = {
  taskpane: { script: './src/taskpane/taskpane.ts', template: './src/taskpane/taskpane.html', filename: 'taskpane.html' },
  commands: { script: './src/commands/commands.ts', template: './src/commands/commands.html', filename: 'commands.html' },
};

/**
 * Copies every file matching `pattern` in `from` to `to` inside the output, so
 * manifest icon URLs (https://…/assets/icon-32.png) resolve. A few lines instead
 * of copy-webpack-plugin.
 */
class CopyFilesPlugin {
  constructor({ from, to, pattern }) {
    this.from = from;
    this.to = to;
    this.pattern = pattern;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CopyFilesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.contextDependencies.add(this.from);
          for (const name of fs.readdirSync(this.from).sort()) {
            const file = path.join(this.from, name);
            if (!this.pattern.test(name) || !fs.statSync(file).isFile()) continue;
            compilation.fileDependencies.add(file);
            compilation.emitAsset(path.posix.join(this.to, name), new sources.RawSource(fs.readFileSync(file)));
          }
        },
      );
    });
  }
}

module.exports = (_env, argv = {}) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: ROOT,
    devtool: production ? 'source-map' : 'eval-source-map',
    entry: Object.fromEntries(Object.entries(PAGES).map(([name, page]) => [name, page.script])),
    output: {
      path: OUTPUT_DIR,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
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
        ([name, page]) => new HtmlWebpackPlugin({ filename: page.filename, template: page.template, chunks: [name] }),
      ),
      new CopyFilesPlugin({ from: path.join(ROOT, 'assets'), to: 'assets', pattern: /\.png$/i }),
    ],
    performance: { hints: false },
  };
};

module.exports.PAGES = PAGES;
module.exports.OUTPUT_DIR = OUTPUT_DIR;
module.exports.CopyFilesPlugin = CopyFilesPlugin;
