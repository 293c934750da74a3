#!/usr/bin/env node
'use strict';
// The command line entry; the TypeScript sources are built to lib/ by `npm run build:cli` (run by `prepare` on npm ci).
// dist/ is the web add-in (npm run build:web), not the CLI.
const path = require('node:path');
// A batch command favours memory over speed: V8 collects the old generation once it has grown
// by half since the last collection (its default lets it grow up to four times, which for the
// 2,850 x 60 benchmark table means a peak of ~360 MB instead of ~215 MB; BENCHMARKS.md case 5).
// The flag is read at each collection, so setting it here, before any work, takes effect.
require('node:v8').setFlagsFromString('--heap-growing-percent=50');
let main;
try {
  main = require(path.join(__dirname, '..', 'lib', 'cli', 'main.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('indicator-tables: not built yet; run `npm run build:cli` (npm ci does it through `prepare`).\n');
    process.exit(2);
  }
  throw e;
}
main.run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`indicator-tables: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  },
);
