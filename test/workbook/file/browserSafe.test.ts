/**
 * The standalone page bundles src/workbook/file for the browser: neither it nor the xlsx
 * adapter's browser entry may reach a Node built-in, however indirectly (browserBundle.test.ts
 * proves it with webpack; this finds the file that would break it, quickly).
 */
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');
const NODE_BUILTINS = new Set(builtinModules);

interface Import {
  spec: string;
  /** `import type` / `export type`: erased, never loaded */
  typeOnly: boolean;
}

/** The module specifiers a TypeScript file imports or re-exports (static and dynamic), from its text. */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

function resolveLocal(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${path.relative(ROOT, from)}`);
}

/** Every file of src/ an entry loads at run time, and the packages (by the file importing them). */
function closure(entry: string): { files: string[]; packages: { spec: string; from: string }[] } {
  const seen = new Set<string>();
  const packages: { spec: string; from: string }[] = [];
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec);
        if (!target.startsWith(SRC)) throw new Error(`${path.relative(ROOT, file)} imports outside src/: ${spec}`);
        stack.push(target);
      } else {
        packages.push({ spec, from: path.relative(ROOT, file) });
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(ROOT, f)).sort(), packages };
}

const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);

describe.each([['src/workbook/xlsx/browser.ts'], ['src/workbook/file/index.ts'], ['src/workbook/read/index.ts']])('%s', (entry) => {
  const { files, packages } = closure(path.join(ROOT, entry));

  test('loads no Node built-in module, directly or through src/', () => {
    expect(packages.filter((p) => isNodeBuiltin(p.spec))).toEqual([]);
  });

  test('uses only the packages made for the job from node_modules, and never the Node-only files', () => {
    const allowed: Record<string, string[]> = {
      'src/workbook/xlsx/browser.ts': ['exceljs', 'jszip'],
      // reading: fflate (the package layer), SheetJS for legacy formats (with its code pages for BIFF5 text); writing: the package writer on fflate
      'src/workbook/file/index.ts': ['@e965/xlsx', '@e965/xlsx/dist/cpexcel.full', 'fflate'],
      'src/workbook/read/index.ts': ['@e965/xlsx', '@e965/xlsx/dist/cpexcel.full', 'fflate'],
    };
    expect([...new Set(packages.map((p) => p.spec))].sort()).toEqual(allowed[entry]);
    expect(files).not.toContain('src/workbook/xlsx/readFile.ts');
    expect(files).not.toContain('src/workbook/xlsx/nodeBuffer.ts');
    expect(files).not.toContain('src/workbook/xlsx/index.ts');
    expect(files).not.toContain('src/workbook/read/file.ts');
    expect(files).toContain('src/core/grid/index.ts');
  });
});

test('the readers never load ExcelJS or JSZip; SheetJS is loaded only by a dynamic import', () => {
  const { packages } = closure(path.join(ROOT, 'src/workbook/read/index.ts'));
  expect(packages.filter((p) => p.spec === 'exceljs' || p.spec === 'jszip')).toEqual([]);
  const open = fs.readFileSync(path.join(ROOT, 'src/workbook/read/open.ts'), 'utf8');
  expect(open).toMatch(/await import\([^)]*'\.\/legacy'\)/);
  expect(open).not.toMatch(/^import .*'\.\/legacy'/m);
});

test('ExcelJS and JSZip never reach src/workbook/file (summary and marks go through the package writer)', () => {
  const { packages, files } = closure(path.join(ROOT, 'src/workbook/file/index.ts'));
  expect(packages.filter((p) => p.spec === 'exceljs' || p.spec === 'jszip')).toEqual([]);
  expect(files.filter((f) => f.startsWith('src/workbook/xlsx/') && f !== 'src/workbook/xlsx/bytes.ts')).toEqual([]);
});

test('the browser-safe files do not touch the global Buffer', () => {
  const dir = (d: string): string[] => fs.readdirSync(path.join(SRC, d), { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => `src/${d}/${f}`);
  const files = [
    'src/workbook/xlsx/readXlsx.ts',
    'src/workbook/xlsx/writePlan.ts',
    'src/workbook/xlsx/browser.ts',
    ...dir('workbook/file'),
    ...dir('workbook/ooxml'),
    ...dir('workbook/read').filter((f) => f !== 'src/workbook/read/file.ts'),
  ];
  for (const file of files) {
    const code = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([file, /\bBuffer\s*[.(]/.test(code)]).toEqual([file, false]);
  }
});
