/** Text helpers for labels and headers as bureaus type them. */

const ALL_SPACE = /[\s\u3000\u00a0\u2002-\u200b\ufeff]+/g;
const EDGE_SPACE = /^[\s\u3000\u00a0\u2002-\u200b\ufeff]+|[\s\u3000\u00a0\u2002-\u200b\ufeff]+$/g;

/** Remove every kind of space and line break ("济 南 市" → "济南市", "阿坝藏族\n羌族自治州" → "阿坝藏族羌族自治州"). */
export function squash(s: string): string {
  return s.replace(ALL_SPACE, '');
}

/** Trim ordinary, full-width and no-break spaces at both ends. */
export function trimAll(s: string): string {
  return s.replace(EDGE_SPACE, '');
}

/** Count of leading spaces, a full-width space counting as two. */
export function indentOf(s: string): number {
  let n = 0;
  for (const ch of s) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000') n += 2;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

/** Full-width ASCII to half-width (（％） → (%)), so one pattern reads both. */
export function halfWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

export function hasCjk(s: string): boolean {
  return /[\u3400-\u9fff]/.test(s);
}

/** Header text in one line: line breaks and runs of spaces become nothing between CJK, one space elsewhere. */
export function oneLine(s: string): string {
  return trimAll(
    s
      .replace(/\s*[\r\n]+\s*/g, '\n')
      .split('\n')
      .reduce((acc, part) => {
        if (!acc) return part;
        const joinSpace = /[A-Za-z0-9)]$/.test(acc) && /^[A-Za-z0-9(]/.test(part);
        return acc + (joinSpace ? ' ' : '') + part;
      }, ''),
  );
}
