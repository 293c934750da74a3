/**
 * The fake Excel must bundle for the browser (the task pane's end-to-end tests inject
 * it into the page): webpack, target web, no Node built-ins.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';

jest.setTimeout(120_000);

test('test/support/fakeExcel bundles for the browser with no Node built-ins', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-excel-bundle-'));
  const stats = await new Promise<webpack.Stats>((resolve, reject) => {
    webpack(
      {
        mode: 'production',
        target: 'web',
        entry: path.resolve(__dirname, 'fakeExcel/index.ts'),
        output: { path: out, filename: 'fakeExcel.js', library: { name: 'FakeExcelLib', type: 'umd' } },
        resolve: { extensions: ['.ts', '.js'], fallback: {} },
        module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true }, exclude: /node_modules/ }] },
        performance: { hints: false },
      },
      (err, s) => (err || !s ? reject(err ?? new Error('no stats')) : resolve(s)),
    );
  });
  const info = stats.toJson({ all: false, errors: true, modules: true });
  expect(info.errors ?? []).toEqual([]);
  const names = (info.modules ?? []).map((m) => String(m.name));
  expect(names.some((n) => /fakeExcel\/FakeExcel\.ts/.test(n))).toBe(true);
  expect(names.filter((n) => /^(node:|fs$|path$|exceljs)/.test(n) || /node_modules\/exceljs/.test(n))).toEqual([]);
  const bundle = fs.readFileSync(path.join(out, 'fakeExcel.js'), 'utf8');
  expect(bundle.length).toBeGreaterThan(10_000);
  // it runs as a browser script would: a workbook, a sheet, a sync
  const lib = new Function('self', `${bundle}; return self.FakeExcelLib;`)({}) as { FakeExcel: new () => { addSheet(n: string): unknown; sheets(): { name: string }[] } };
  const book = new lib.FakeExcel();
  book.addSheet('表1');
  expect(book.sheets().map((s) => s.name)).toEqual(['表1']);
  fs.rmSync(out, { recursive: true, force: true });
});
