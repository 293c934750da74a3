/**
 * `npm start` on a machine without desktop Excel: it serves the built add-in and prints
 * the address of the standalone page. Run here on a folder standing in for dist/.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function startOn(dist: string, lang: string): Promise<{ out: () => string; address: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js'), '--no-build', '--dist', dist, '--port', '0'], {
    env: { ...process.env, INDICATOR_TABLES_NO_EXCEL: '1', LANG: lang, LC_ALL: '' },
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed:\n${out}`)), 15_000);
    child.stdout.on('data', () => {
      const m = /(http:\/\/localhost:\d+\/taskpane\.html)\s/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      resolve({
        out: () => out,
        address: m[1],
        stop: () =>
          new Promise((done) => {
            child.on('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`start.js exited (${code}):\n${out}`)));
  });
}

describe('npm start without Excel', () => {
  let dist: string;
  beforeAll(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'it-start-'));
    fs.writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>pane</title>');
    fs.mkdirSync(path.join(dist, 'assets', 'sample'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'assets', 'sample', 'x.xlsx'), 'PK');
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  test('serves the page and prints its address, the sample link and how to use Excel on the web (zh-CN)', async () => {
    const s = await startOn(dist, 'zh_CN.UTF-8');
    try {
      expect(s.out()).toContain('本机没有桌面版 Excel');
      expect(s.out()).toContain(`${s.address}?sample`);
      expect(s.out()).toContain('上传我的加载项');
      const page = await fetch(s.address);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await page.text()).toContain('<title>pane</title>');
      const root = new URL(s.address).origin;
      expect((await fetch(`${root}/`)).status).toBe(200);
      expect((await fetch(`${root}/assets/sample/x.xlsx`)).headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      for (const bad of ['/nope.html', '/assets/', '/..%2F..%2Fetc%2Fpasswd', '/taskpane.exe']) expect([bad, (await fetch(`${root}${bad}`)).status]).toEqual([bad, 404]);
      expect((await fetch(s.address, { method: 'POST' })).status).toBe(405);
    } finally {
      expect(await s.stop()).toBe(0);
    }
  });

  test('English environment: English words', async () => {
    const s = await startOn(dist, 'en_US.UTF-8');
    try {
      expect(s.out()).toContain('No desktop Excel here');
      expect(s.out()).toContain('Upload My Add-in');
    } finally {
      await s.stop();
    }
  });

  test('no built add-in: says what to do and exits with 2', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'it-start-empty-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.js'), '--no-build', '--dist', empty, '--port', '0'], {
      env: { ...process.env, INDICATOR_TABLES_NO_EXCEL: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '' },
    });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const code = await new Promise((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(out).toContain('去掉 --no-build');
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
