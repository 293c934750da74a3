/**
 * `JSON.stringify(value, null, 2) + '\n'`, written in pieces: the JSON of a large summary
 * (2,850 regions x 60 indicators: 67 MB) is never held as one string, which would double the
 * command's peak memory. The outer levels are walked here; below `depth` the native
 * stringifier does each value, re-indented (a raw line break in its output is always
 * formatting: line breaks inside strings are escaped). The output is the same, character for
 * character (property-tested against JSON.stringify).
 */
export function writeJson(value: unknown, out: (chunk: string) => void, depth = 3, chunkSize = 1 << 16): void {
  for (const chunk of jsonChunks(value, depth, chunkSize)) out(chunk);
}

/**
 * The same, as pieces of about `chunkSize` characters to write one after the other. One
 * extension to JSON.stringify: an iterable that is not an array, as the value of a top-level
 * property, is written as an array, each element as it is produced (and let go after).
 */
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
  // Walk the outer levels one element at a time, so that pieces go out while the rest is still unbuilt.
  yield* walk(value, depth, write, ready);
  write('\n');
  yield* ready.splice(0);
  if (buf.length) yield buf;
}

function* walk(value: unknown, depth: number, write: (s: string) => void, ready: string[]): Generator<string> {
  const v = prepare(value, '');
  if (v === null || typeof v !== 'object' || depth <= 1) {
    emit(v, '', '', depth, write);
    yield* ready.splice(0);
    return;
  }
  // The top level (an object of arrays, as every command prints): element by element.
  if (Array.isArray(v)) {
    if (v.length === 0) return write('[]');
    write('[\n  ');
    for (let i = 0; i < v.length; i++) {
      if (i) write(',\n  ');
      const item = prepare(v[i], String(i));
      if (skipped(item)) write('null');
      else emit(item, String(i), '  ', depth - 1, write);
      yield* ready.splice(0);
    }
    write('\n]');
    return;
  }
  let first = true;
  for (const k of Object.keys(v)) {
    const item = prepare((v as Record<string, unknown>)[k], k);
    if (skipped(item)) continue;
    write((first ? '{\n' : ',\n') + '  ' + JSON.stringify(k) + ': ');
    first = false;
    const iterable = !Array.isArray(item) && item !== null && typeof item === 'object' && typeof (item as Iterable<unknown>)[Symbol.iterator] === 'function';
    if ((Array.isArray(item) && item.length && depth > 2) || iterable) {
      let i = 0;
      for (const element of item as Iterable<unknown>) {
        write(i ? ',\n    ' : '[\n    ');
        const el = prepare(element, String(i));
        if (skipped(el)) write('null');
        else emit(el, String(i), '    ', depth - 2, write);
        i++;
        yield* ready.splice(0);
      }
      write(i ? '\n  ]' : '[]');
    } else {
      emit(item, k, '  ', depth - 1, write);
      yield* ready.splice(0);
    }
  }
  write(first ? '{}' : '\n}');
}

/** What JSON.stringify does with a value before writing it (toJSON), and whether it writes anything. */
function prepare(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return (value as { toJSON: (k: string) => unknown }).toJSON(key);
  }
  return value;
}

function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

function emit(raw: unknown, key: string, indent: string, depth: number, write: (s: string) => void): void {
  const value = prepare(raw, key);
  if (value === null || typeof value !== 'object' || depth <= 0) {
    const s = JSON.stringify(value, null, 2);
    write(s === undefined ? 'null' : indent && s.indexOf('\n') >= 0 ? s.replace(/\n/g, '\n' + indent) : s);
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return write('[]');
    write('[\n' + inner);
    for (let i = 0; i < value.length; i++) {
      if (i) write(',\n' + inner);
      const v = prepare(value[i], String(i));
      if (skipped(v)) write('null');
      else emit(v, String(i), inner, depth - 1, write);
    }
    write('\n' + indent + ']');
    return;
  }
  let first = true;
  for (const k of Object.keys(value)) {
    const v = prepare((value as Record<string, unknown>)[k], k);
    if (skipped(v)) continue;
    write((first ? '{\n' : ',\n') + inner + JSON.stringify(k) + ': ');
    first = false;
    emit(v, k, inner, depth - 1, write);
  }
  write(first ? '{}' : '\n' + indent + '}');
}
