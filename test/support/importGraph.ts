/**
 * What a program loads at run time, from the text of its files: the local files an entry
 * reaches through static imports, re-exports, dynamic `import()` and `require()` (type-only
 * imports are erased and not followed), and the packages those files name. Quick and
 * deliberately simple: it reads specifiers with regular expressions, which the project's own
 * code (TypeScript in src/, tsc's CommonJS in lib/) writes plainly.
 */
import { builtinModules } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);

export interface Import {
  spec: string;
  /** `import type` / `export type`: erased, never loaded */
  typeOnly: boolean;
}

/** The module specifiers a TypeScript or JavaScript file imports or re-exports (static and dynamic), from its text. */
export function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

const EXTENSIONS = ['.ts', '.tsx', '.js'];

function resolveLocal(from: string, spec: string, root: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [base, ...EXTENSIONS.map((e) => `${base}${e}`), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  for (const candidate of candidates) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`cannot resolve ${spec} from ${path.relative(root, from)}`);
}

/** Whether a specifier names a Node built-in (`node:fs`, `fs`, `fs/promises` …). */
export const isNodeBuiltin = (spec: string): boolean => spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]);

/** The package a bare specifier loads: `react-dom/client` -> `react-dom`, `@e965/xlsx/dist/x` -> `@e965/xlsx`. */
export function packageOf(spec: string): string {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Every local file the entries load at run time (paths relative to `root`) and the packages,
 * each with the file naming it. A local import that leaves `within` (a folder under `root`) throws.
 */
export function closure(root: string, within: string, entries: string[]): { files: string[]; packages: { spec: string; from: string }[] } {
  const inside = path.join(root, within);
  const seen = new Set<string>();
  const packages: { spec: string; from: string }[] = [];
  const stack = entries.map((e) => path.join(root, e));
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.(tsx?|js)$/.test(file)) continue; // JSON and other data: nothing to follow
    for (const { spec, typeOnly } of importsOf(file)) {
      if (typeOnly) continue;
      if (spec.startsWith('.')) {
        const target = resolveLocal(file, spec, root);
        if (!target.startsWith(inside + path.sep)) throw new Error(`${path.relative(root, file)} imports outside ${within}/: ${spec}`);
        stack.push(target);
      } else {
        packages.push({ spec, from: path.relative(root, file) });
      }
    }
  }
  return { files: [...seen].map((f) => path.relative(root, f)).sort(), packages };
}
