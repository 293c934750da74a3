/**
 * Known bugs stay visible: every `test.failing` of the suite is named in the README's "Known gaps"
 * (its file, and the words of its title).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

test('every test.failing is listed in the README under Known gaps', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const gaps = readme.slice(readme.indexOf('## Known gaps'), readme.indexOf('\n## ', readme.indexOf('## Known gaps') + 5));
  expect(gaps.length).toBeGreaterThan(100);
  const missing: string[] = [];
  for (const file of testFiles(path.join(ROOT, 'test'))) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(ROOT, file).split(path.sep).join('/');
    for (const m of text.matchAll(/(?:test|it)\.failing\)?\s*\(\s*'([^']+)'|\?\s*test\.failing\s*:\s*test\.skip\)\s*\(\s*'([^']+)'/g)) {
      const title = m[1] ?? m[2];
      if (!gaps.includes(`\`${rel}\``)) missing.push(`${rel}: ${title} (file not named)`);
    }
  }
  expect(missing).toEqual([]);
});
