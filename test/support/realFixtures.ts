/**
 * Where the published workbooks live (../shared/fixtures/real from the project
 * root, see its README). They are never copied into the project.
 *
 * Set INDICATOR_TABLES_REAL_FIXTURES to another folder to use a different copy.
 * When the folder or a file is absent, `describeReal` still registers a describe
 * block with one skipped test and prints a warning, so the gap is visible in the
 * test report instead of silently passing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REAL_DIR: string =
  process.env.INDICATOR_TABLES_REAL_FIXTURES ?? path.resolve(__dirname, '../../../shared/fixtures/real');

/** Absolute path of a real fixture, or null when it is not there. */
export function realFixture(name: string): string | null {
  const file = path.join(REAL_DIR, name);
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** describe(...) over a real workbook when it exists; otherwise a visible skip. */
export function describeReal(name: string, fn: (file: string) => void): void {
  const file = realFixture(name);
  if (file) {
    describe(`real fixture ${name}`, () => fn(file));
    return;
  }
  describe(`real fixture ${name}`, () => {
    const why = fs.existsSync(REAL_DIR)
      ? `${name} is not in ${REAL_DIR}`
      : `the real fixtures folder ${REAL_DIR} is absent (set INDICATOR_TABLES_REAL_FIXTURES)`;
    console.warn(`[real fixtures] skipped: ${why}`);
    test.skip(`${name} (skipped: ${why})`, () => undefined);
  });
}
