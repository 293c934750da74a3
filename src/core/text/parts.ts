/**
 * A sentence cut into its words and the figures it cites, in reading order, so a front end can
 * make each figure a link to its cell. Each figure is found after the one before it, where it
 * stands as a whole number (6.1 is not found inside 16.1 or 6.15).
 */
import type { CitedFigure, Sentence } from './analysis';

export type SentencePart = { text: string; figure: null } | { text: string; figure: CitedFigure };

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Where `needle` stands on its own in `text`, from `from` on (-1 when it does not): a number not inside a longer one. */
function findFigure(text: string, needle: string, from: number): number {
  if (!needle) return -1;
  const numeric = isDigit(needle[0]) || isDigit(needle[needle.length - 1]);
  for (let at = text.indexOf(needle, from); at >= 0; at = text.indexOf(needle, at + 1)) {
    if (!numeric) return at;
    const end = at + needle.length;
    if (isDigit(text[at - 1]) || (text[at - 1] === '.' && isDigit(text[at - 2]))) continue;
    if (isDigit(text[end]) || (text[end] === '.' && isDigit(text[end + 1]))) continue;
    return at;
  }
  return -1;
}

/**
 * The parts of a sentence: runs of words, and each cited figure where the sentence says it. A
 * figure the sentence does not show as written (it never should) is left unlinked.
 */
export function sentenceParts(s: Sentence): SentencePart[] {
  const parts: SentencePart[] = [];
  let pos = 0;
  for (const figure of s.figures) {
    const at = findFigure(s.text, figure.text, pos);
    if (at < 0) continue;
    if (at > pos) parts.push({ text: s.text.slice(pos, at), figure: null });
    parts.push({ text: figure.text, figure });
    pos = at + figure.text.length;
  }
  if (pos < s.text.length) parts.push({ text: s.text.slice(pos), figure: null });
  return parts;
}
