/**
 * Bad input and failed writes (issue 16): a truncated or corrupted input never leaves a partial
 * OUT, and an OUT that cannot be written leaves an existing file as it was (the copy goes to a
 * temporary name beside it, then is renamed over it).
 */
import * as fsSync from 'node:fs';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { ZipArchive, writeZip } from '../../src/workbook/ooxml/zip';

const SAMPLE = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'indicator-atomic-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(dir, { recursive: true, force: true });
});

const OLD = 'the file that was there';

async function expectUntouched(out: string): Promise<void> {
  expect(await fs.readFile(out, 'utf8')).toBe(OLD);
  // no temporary file left beside it
  expect(await fs.readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
}

test('a truncated input: no OUT, and an existing OUT stays as it was', async () => {
  const bytes = await fs.readFile(SAMPLE);
  const input = path.join(dir, 'truncated.xlsx');
  await fs.writeFile(input, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
  const fresh = path.join(dir, 'fresh.xlsx');
  const r = await cli(['summarize', input, '-o', fresh]);
  expect(r.code).not.toBe(0);
  expect(fsSync.existsSync(fresh)).toBe(false);
  const existing = path.join(dir, 'existing.xlsx');
  await fs.writeFile(existing, OLD);
  expect((await cli(['summarize', input, '-o', existing, '--force'])).code).not.toBe(0);
  await expectUntouched(existing);
});

test('a part only the writer reads is damaged: the write fails whole, nothing is left', async () => {
  // docProps/app.xml stored with a byte changed after its CRC was taken: reading the sheets never inflates it, writing does
  const a = new ZipArchive(new Uint8Array(await fs.readFile(SAMPLE)));
  const inputs = a.entries.map((e) => (e.name === 'docProps/app.xml' ? { name: e.name, data: a.read(e), level: 0 } : { name: e.name, copy: e, from: a }));
  const broken = writeZip(inputs);
  const b = new ZipArchive(broken);
  const app = b.entry('docProps/app.xml');
  if (!app) throw new Error('no app.xml');
  const raw = b.raw(app);
  expect(raw.buffer).toBe(broken.buffer);
  raw[10] ^= 0x20;
  const input = path.join(dir, 'damaged.xlsx');
  await fs.writeFile(input, broken);
  const existing = path.join(dir, 'existing.xlsx');
  await fs.writeFile(existing, OLD);
  const r = await cli(['summarize', input, '-o', existing, '--force']);
  expect(r.code).not.toBe(0);
  expect(r.err).toMatch(/无法写入|Cannot write/);
  await expectUntouched(existing);
});

test('a write that fails half way (disk full) leaves the existing OUT as it was and no temporary file', async () => {
  const existing = path.join(dir, 'existing.xlsx');
  await fs.writeFile(existing, OLD);
  // the fs module itself (an `import * as` gives a copy of its bindings)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  jest.spyOn(require('node:fs') as typeof fsSync, 'writeSync').mockImplementation(() => {
    throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  });
  const r = await cli(['summarize', SAMPLE, '-o', existing, '--force']);
  expect(r.code).not.toBe(0);
  expect(r.err).toContain('ENOSPC');
  jest.restoreAllMocks();
  await expectUntouched(existing);
});

test('an OUT that is a folder: refused, the folder untouched, no temporary file', async () => {
  const folder = path.join(dir, 'folder.xlsx');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'inside'), 'x');
  const r = await cli(['summarize', SAMPLE, '-o', folder, '--force']);
  expect(r.code).not.toBe(0);
  expect(await fs.readdir(folder)).toEqual(['inside']);
  expect((await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});
