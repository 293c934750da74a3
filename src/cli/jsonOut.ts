/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces: the JSON of a large summary
 * (2,850 regions x 60 indicators: 67 MB) is never held as one string, which would double the
 * command's peak memory. The outer levels (down to `depth`) are walked here, a piece going
 * out after each of their elements; below, the native stringifier does each value, re-indented
 * (a raw line break in its output is always formatting: line breaks inside strings are
 * escaped). The output is the same, character for character (property-tested against
 * JSON.stringify), with one extension: an iterable that is not an array is written as an
 * array, each element as it is produced and let go after (so `summarize --json` never holds
 * all its tables).
 */
export function writeJson(value: unknown, out: (chunk: string) => void, depth = 3, chunkSize = 1 << 16): void {
  for (const chunk of jsonChunks(value, depth, chunkSize)) out(chunk);
}

/** The same, as pieces of about `chunkSize` characters to write one after the other. */
export function* jsonChunks(value: unknown, depth = 3, chunkSize = 1 << 16): Generator<string> {
  const ready: string[] = [];
  let buf = '';
  const write = (s: string): void => {
    buf += s;
    if (buf.length >= chunkSize) {
      ready.push(buf);
      buf = '';
    }
  };
  for (const _ of walk(prepare(value, ''), '', depth, write)) yield* ready.splice(0);
  write('\n');
  yield* ready.splice(0);
  if (buf.length) yield buf;
}

/** What JSON.stringify does with a value before writing it (toJSON). */
function prepare(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  return value;
}

/** Values JSON.stringify leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function lazyArray(v: object): v is Iterable<unknown> {
  return !Array.isArray(v) && typeof (v as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
}

/** Write a prepared value at `indent`; yields after each element of a level above `depth`. */
function* walk(value: unknown, indent: string, depth: number, write: (s: string) => void): Generator<void> {
  if (value === null || typeof value !== 'object' || (depth <= 0 && !lazyArray(value))) {
    const s = JSON.stringify(value, null, 2);
    write(s === undefined ? 'null' : indent && s.indexOf('\n') >= 0 ? s.replace(/\n/g, '\n' + indent) : s);
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value) || lazyArray(value)) {
    let i = 0;
    for (const element of value) {
      write(i ? ',\n' + inner : '[\n' + inner);
      const v = prepare(element, String(i));
      if (skipped(v)) write('null');
      else yield* walk(v, inner, depth - 1, write);
      i++;
      yield;
    }
    write(i ? '\n' + indent + ']' : '[]');
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const v = prepare((value as Record<string, unknown>)[k], k);
    if (skipped(v)) continue;
    write((first ? '{\n' : ',\n') + inner + JSON.stringify(k) + ': ');
    first = false;
    yield* walk(v, inner, depth - 1, write);
    yield;
  }
  write(first ? '{}' : '\n' + indent + '}');
}
