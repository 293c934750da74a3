/**
 * The standalone page bundles src/workbook/file for the browser: neither it nor the readers
 * may reach a Node built-in, however indirectly (browserBundle.test.ts proves it with
 * webpack; this finds the file that would break it, quickly).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { closure as closureIn, isNodeBuiltin } from '../../support/importGraph';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

/** Every file of src/ an entry loads at run time, and the packages (by the file importing them). */
const closure = (entry: string): ReturnType<typeof closureIn> => closureIn(ROOT, 'src', [entry]);

describe.each([['src/workbook/file/index.ts'], ['src/workbook/read/index.ts']])('%s', (entry) => {
  const { files, packages } = closure(entry);

  test('loads no Node built-in module, directly or through src/', () => {
    expect(packages.filter((p) => isNodeBuiltin(p.spec))).toEqual([]);
  });

  test('uses only the packages made for the job from node_modules, and never the Node-only files', () => {
    const allowed: Record<string, string[]> = {
      // reading: fflate (the package layer), SheetJS for legacy formats (with its code pages for BIFF5 text); writing: the package writer on fflate
      'src/workbook/file/index.ts': ['@e965/xlsx', '@e965/xlsx/dist/cpexcel.full', 'fflate'],
      'src/workbook/read/index.ts': ['@e965/xlsx', '@e965/xlsx/dist/cpexcel.full', 'fflate'],
    };
    expect([...new Set(packages.map((p) => p.spec))].sort()).toEqual(allowed[entry]);
    expect(files).not.toContain('src/workbook/read/file.ts');
    expect(files).toContain('src/core/grid/index.ts');
  });
});

test('the readers never load ExcelJS or JSZip; SheetJS is loaded only by a dynamic import', () => {
  const { packages } = closure('src/workbook/read/index.ts');
  expect(packages.filter((p) => p.spec === 'exceljs' || p.spec === 'jszip')).toEqual([]);
  const open = fs.readFileSync(path.join(ROOT, 'src/workbook/read/open.ts'), 'utf8');
  expect(open).toMatch(/await import\([^)]*'\.\/legacy'\)/);
  expect(open).not.toMatch(/^import .*'\.\/legacy'/m);
});

test('ExcelJS and JSZip never reach src/workbook/file (summary and marks go through the package writer)', () => {
  const { packages, files } = closure('src/workbook/file/index.ts');
  expect(packages.filter((p) => p.spec === 'exceljs' || p.spec === 'jszip')).toEqual([]);
  expect(files).toContain('src/workbook/bytes.ts');
});

test('the browser-safe files do not touch the global Buffer', () => {
  const dir = (d: string): string[] => fs.readdirSync(path.join(SRC, d), { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => `src/${d}/${f}`);
  const files = [
    'src/workbook/bytes.ts',
    ...dir('workbook/file'),
    ...dir('workbook/ooxml'),
    ...dir('workbook/read').filter((f) => f !== 'src/workbook/read/file.ts'),
    ...dir('workbook/write'),
  ];
  for (const file of files) {
    const code = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([file, /\bBuffer\s*[.(]/.test(code)]).toEqual([file, false]);
  }
});
