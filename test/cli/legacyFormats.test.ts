/**
 * Issue 14's proof at the command line: the sample saved by LibreOffice as .xls, the same
 * file named .et (WPS), and as .ods give the same `summarize --json` as the .xlsx; `check`
 * and `inspect` work on them; `summarize -o` asks to save as .xlsx first (exit 2, one line).
 * Without LibreOffice these tests are skipped with a message, except under CI, where they fail.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { convert, describeWithSoffice, disposeSoffice } from '../support/soffice';

jest.setTimeout(240_000);

const SAMPLE = path.resolve(__dirname, '../../assets/sample/county-indicators-2025-03.xlsx');
const describeLo = describeWithSoffice('the legacy-format CLI tests');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describeLo('the sample as .xls, .et and .ods (LibreOffice)', () => {
  let work: string;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'legacy-cli-'));
    files.xls = await convert(SAMPLE, 'xls', work);
    files.et = path.join(work, '县区指标.et');
    copyFileSync(files.xls, files.et);
    files.ods = await convert(SAMPLE, 'ods', work);
  }, 240_000);

  afterAll(async () => {
    await disposeSoffice();
    rmSync(work, { recursive: true, force: true });
  });

  test.each(['xls', 'et', 'ods'])('summarize --json on the .%s equals the .xlsx', async (kind) => {
    const expected = await cli(['summarize', SAMPLE, '--json']);
    expect(expected.code).toBe(0);
    const got = await cli(['summarize', files[kind], '--json']);
    expect(got.err).toBe('');
    expect(got.code).toBe(0);
    const tables = JSON.parse(got.out).tables;
    expect(tables.length).toBe(JSON.parse(expected.out).tables.length);
    expect(tables).toEqual(JSON.parse(expected.out).tables);
  });

  test.each(['xls', 'et', 'ods'])('check finds the planted wrong rank in the .%s; inspect lists the tables', async (kind) => {
    const checked = await cli(['check', files[kind], '--lang', 'zh-CN']);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('C10  「固定资产投资」安平县 公布位次为第11位');
    const inspected = await cli(['inspect', files[kind], '--json']);
    expect(inspected.code).toBe(0);
    expect(JSON.parse(inspected.out).sheets.length).toBe(10);
  });

  test('summarize -o on a legacy file asks to save it as .xlsx first: exit 2, one line', async () => {
    const out = path.join(work, 'out.xlsx');
    for (const [kind, lang, words] of [
      ['xls', 'zh-CN', '另存为 .xlsx'],
      ['ods', 'en-US', 'save it as .xlsx'],
    ] as const) {
      const r = await cli(['summarize', files[kind], '-o', out, '--lang', lang]);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(words);
      expect(r.err).toContain(path.basename(files[kind]));
    }
  });
});
