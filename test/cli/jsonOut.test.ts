/**
 * The command line writes JSON in pieces (src/cli/jsonOut.ts) instead of one JSON.stringify
 * string; the text must be the same, character for character, whatever the value.
 */
import fc from 'fast-check';
import { jsonChunks, writeJson } from '../../src/cli/jsonOut';

const whole = (v: unknown, depth?: number, chunk?: number): string => {
  let out = '';
  writeJson(v, (s) => (out += s), depth, chunk);
  return out;
};

describe('writeJson / jsonChunks', () => {
  test('the same text as JSON.stringify(value, null, 2) + newline, for any JSON value, depth and piece size', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 200 }), (v, depth, chunk) => {
        expect(whole(v, depth, chunk)).toBe(JSON.stringify(v, null, 2) + '\n');
      }),
      { numRuns: 400 },
    );
  });

  test('what JSON.stringify leaves out or changes: undefined and functions, NaN, toJSON, dates, line breaks in strings', () => {
    const v = {
      a: undefined,
      b: () => 1,
      c: [undefined, () => 2, NaN, -0, Infinity],
      d: { toJSON: () => ({ x: [1, 2] }) },
      e: new Date(Date.UTC(2025, 2, 31)),
      f: 'line\nbreak\u2028"quoted"',
      g: [[], {}, [[]]],
      h: { nested: { deeper: { deepest: [1, { k: 'v' }] } } },
    };
    for (const depth of [0, 1, 2, 3, 5]) expect(whole(v, depth)).toBe(JSON.stringify(v, null, 2) + '\n');
  });

  test('a top-level iterable property is written as an array, each element when it is produced', () => {
    const produced: number[] = [];
    function* tables(): Generator<{ n: number }> {
      for (let n = 0; n < 3; n++) {
        produced.push(n);
        yield { n };
      }
    }
    const chunks = jsonChunks({ tables: tables() }, 3, 1);
    const first = chunks.next();
    expect(first.done).toBe(false);
    // nothing is computed ahead of what has been written
    expect(produced.length).toBeLessThanOrEqual(1);
    const text = first.value + [...chunks].join('');
    expect(text).toBe(JSON.stringify({ tables: [{ n: 0 }, { n: 1 }, { n: 2 }] }, null, 2) + '\n');
    expect([...jsonChunks({ tables: tables(), empty: (function* () {})() })].join('')).toBe(
      JSON.stringify({ tables: [{ n: 0 }, { n: 1 }, { n: 2 }], empty: [] }, null, 2) + '\n',
    );
  });
});
