// ESLint flat config.
// - TypeScript everywhere (src, test, bench) with the recommended rule sets.
// - Office.js correctness rules where Office.js is called.
// - A fence around src/core so it stays headless (no Office, DOM, UI, file system).
import { defineConfig } from 'eslint/config';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import officeAddins from 'eslint-plugin-office-addins';

const TS_FILES = ['src/**/*.ts', 'src/**/*.tsx', 'test/**/*.ts', 'test/**/*.tsx', 'bench/**/*.ts'];

// Modules the headless core must not import (see docs/architecture.md).
const CORE_FORBIDDEN_MODULES = [
  'exceljs',
  'react',
  'react-dom',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'path',
  'node:path',
  'child_process',
  'node:child_process',
];

export default defineConfig([
  { ignores: ['lib/', 'dist/', 'dist-web/', 'dist-bench/', 'node_modules/', 'coverage/', 'test-artifacts/'] },

  // Plain JavaScript: bin/ and scripts/ are CommonJS Node programs, as are the
  // root config files (webpack.config.js, jest.config.js).
  {
    files: ['bin/**/*.js', 'scripts/**/*.js', '*.js', '*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      ecmaVersion: 2022,
      globals: { ...globals.node },
    },
  },
  {
    files: ['*.mjs', 'scripts/**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: { ...globals.node } },
  },

  // TypeScript.
  {
    files: TS_FILES,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },

  // Browser code that calls Office.js.
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/workbook/excel/**/*.{ts,tsx}', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/load-object-before-read': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/call-sync-after-load': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      'office-addins/no-empty-load': 'warn',
      'office-addins/no-navigational-load': 'warn',
      'office-addins/no-office-initialize': 'warn',
      // no-context-sync-in-loop only sees a receiver literally named `context`;
      // this catches `ctx.sync()` in loops and in forEach/map callbacks too.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ':matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name="sync"][arguments.length=0]',
          message: 'No sync() inside a loop: queue the whole batch, then sync once.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(forEach|map|flatMap|reduce)$/] CallExpression[callee.property.name="sync"][arguments.length=0]',
          message: 'No sync() per element: queue the whole batch, then sync once.',
        },
      ],
    },
  },

  // Only the Office.js adapter and the entry points of the task pane and the ribbon
  // commands may reach the Excel global; everything else goes through the port.
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    ignores: ['src/workbook/excel/index.ts', 'src/taskpane/index.tsx', 'src/commands/commands.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'Use the Excel adapter (src/workbook/excel) through its port; only it and the entry points touch the Excel global.' },
      ],
    },
  },

  // The file layer: nothing in src/workbook depends on the add-in (the ports live in
  // src/workbook/WorkbookPort.ts); the package layer and the readers run in the browser too,
  // so only read/file.ts (the CLI's disk access) may use Node's modules there.
  {
    files: ['src/workbook/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/addin', '**/addin/*', '**/taskpane/*', '**/cli/*'], message: 'src/workbook must not import the add-in, the task pane or the CLI; shared port types live in src/workbook/WorkbookPort.ts.' },
            { group: ['exceljs', 'exceljs/*', 'jszip'], message: 'ExcelJS and JSZip are devDependencies (the tests\' oracle, test/support/exceljs.ts): src/workbook reads with src/workbook/read and writes with src/workbook/write.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workbook/ooxml/**/*.ts', 'src/workbook/read/**/*.ts', 'src/workbook/write/**/*.ts', 'src/workbook/bytes.ts'],
    ignores: ['src/workbook/read/file.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'fs/*', 'path', 'zlib', 'os', 'child_process', 'buffer'], message: 'The package layer, the readers and the package writer are browser-safe: Node only in src/workbook/read/file.ts.' },
            { group: ['**/addin', '**/addin/*', '**/taskpane/*', '**/cli/*'], message: 'src/workbook must not import the add-in, the task pane or the CLI.' },
            { group: ['exceljs', 'exceljs/*', 'jszip'], message: 'ExcelJS and JSZip are devDependencies (the tests\' oracle): the package layer, the readers and the writer use fflate.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Buffer', message: 'Use Uint8Array: this code runs in the browser too.' }],
    },
  },

  // The headless core.
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: CORE_FORBIDDEN_MODULES.map((name) => ({
            name,
            message: 'src/core is headless: no Office, UI, ExcelJS or Node I/O. Do this in an adapter (src/workbook, src/cli, src/taskpane).',
          })),
          patterns: [
            {
              group: ['exceljs/*', 'react/*', 'react-dom/*', '@fluentui/*', 'office-addin-*', '@microsoft/office-js*'],
              message: 'src/core is headless: no Office, UI or ExcelJS.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'Excel', message: 'src/core must not use Office.js; the Excel adapter lives in src/workbook/excel.' },
        { name: 'Office', message: 'src/core must not use Office.js; the Excel adapter lives in src/workbook/excel.' },
        { name: 'OfficeExtension', message: 'src/core must not use Office.js; the Excel adapter lives in src/workbook/excel.' },
        { name: 'window', message: 'src/core has no DOM.' },
        { name: 'document', message: 'src/core has no DOM.' },
      ],
      // no-restricted-globals sees values only; this also catches types such as Excel.Range.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSQualifiedName[left.name=/^(Excel|Office|OfficeExtension)$/]',
          message: 'src/core must not depend on Office.js types; describe the data in core terms instead.',
        },
      ],
    },
  },
]);
