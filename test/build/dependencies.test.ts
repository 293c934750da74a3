/**
 * What ships loads only what package.json lists under "dependencies": the command line
 * (bin/ and lib/, which `npm run build:cli` makes from src/) and the web pages (webpack from
 * src/taskpane, src/commands, src/dialog). ExcelJS and JSZip are the tests' oracle and
 * fixture builder and the benchmark's peer (devDependencies): src/ never names them.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { closure, importsOf, isNodeBuiltin, packageOf } from '../support/importGraph';

const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const DEPENDENCIES = new Set(Object.keys(pkg.dependencies));
const DEV_ONLY = ['exceljs', 'jszip'];

/** The bare specifiers (with the file naming them) whose package is neither a dependency nor a Node built-in. */
const undeclared = (packages: { spec: string; from: string }[]): string[] =>
  packages.filter((p) => !isNodeBuiltin(p.spec) && !DEPENDENCIES.has(packageOf(p.spec))).map((p) => `${p.from}: ${p.spec}`);

test('ExcelJS and JSZip are not dependencies, in package.json and in the lock file', () => {
  expect(DEV_ONLY.filter((name) => name in pkg.dependencies)).toEqual([]);
  // ExcelJS stays as the tests' oracle (it brings JSZip with it)
  expect(pkg.devDependencies.exceljs).toBeDefined();
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string>; dev?: boolean }>;
  };
  const top = lock.packages[''];
  expect(Object.keys(top.dependencies ?? {}).sort()).toEqual([...DEPENDENCIES].sort());
  expect(Object.keys(top.devDependencies ?? {}).sort()).toEqual(Object.keys(pkg.devDependencies).sort());
  // `npm ci --omit=dev` leaves them out: nothing a dependency needs pulls them in
  for (const name of DEV_ONLY) expect([name, lock.packages[`node_modules/${name}`]?.dev]).toEqual([name, true]);
});

test('no file of src/ imports ExcelJS or JSZip, not even for its types', () => {
  const files = fs
    .readdirSync(path.join(ROOT, 'src'), { recursive: true })
    .map(String)
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(ROOT, 'src', f));
  const offenders = files.flatMap((file) =>
    importsOf(file)
      .filter((i) => DEV_ONLY.includes(packageOf(i.spec)))
      .map((i) => `${path.relative(ROOT, file)}: ${i.spec}`),
  );
  expect(offenders).toEqual([]);
  expect(fs.existsSync(path.join(ROOT, 'src/workbook/xlsx'))).toBe(false);
});

describe.each([['src/cli/main.ts'], ['src/taskpane/index.tsx'], ['src/commands/commands.ts'], ['src/dialog/dialog.ts']])('%s', (entry) => {
  test('loads at run time only dependencies and Node built-ins', () => {
    const { files, packages } = closure(ROOT, 'src', [entry]);
    expect(undeclared(packages)).toEqual([]);
    expect(files).toContain(entry);
  });
});

test('the taskpane entry reaches the standalone page, its reader and its writer (the walk follows dynamic imports)', () => {
  const { files, packages } = closure(ROOT, 'src', ['src/taskpane/index.tsx']);
  expect(files).toEqual(expect.arrayContaining(['src/taskpane/standalone/index.ts', 'src/workbook/file/index.ts', 'src/workbook/write/index.ts', 'src/workbook/read/legacy.ts']));
  expect(packages.map((p) => p.spec)).toEqual(expect.arrayContaining(['fflate', '@e965/xlsx']));
});

describe('npm run build:cli', () => {
  let out: string;
  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'indicator-lib-'));
    // the same compilation as `npm run build:cli`, into a fresh folder (lib/ may hold files of older builds)
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', out], { cwd: ROOT, stdio: 'pipe' });
  }, 120_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  test('every file it emits (what bin/indicator-tables.js runs and npm publishes) requires only dependencies and Node built-ins', () => {
    const files = fs
      .readdirSync(out, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'));
    expect(files).toContain(path.join('cli', 'main.js'));
    const packages = files.flatMap((f) => importsOf(path.join(out, f)).map((i) => ({ spec: i.spec, from: f })));
    expect(packages.filter((p) => p.spec === 'commander')).not.toEqual([]);
    expect(undeclared(packages.filter((p) => !p.spec.startsWith('.')))).toEqual([]);
    // and the command line's own graph stays inside the build
    expect(closure(out, '.', ['cli/main.js']).files).toContain(path.join('workbook', 'write', 'index.js'));
  });
});
