import { halfWidth } from './text';

/** "注：…", "数据来源：…", "Source: …", "a)…", "1) …", "*…" */
const FOOTNOTE = /^(?:注\s*\d*\s*[:：.、]?|附注|说明\s*[:：]|备注\s*[:：]|资料来源|数据来源|来源\s*[:：]|source\s*:|sources?\b|note\s*s?\s*[:.]|notes?\b|[a-z]\)|\d{1,2}\)|\*|※|①|②|③)/i;

export function isFootnoteText(text: string): boolean {
  const s = halfWidth(text).trim();
  if (!s) return false;
  if (FOOTNOTE.test(s)) return true;
  // A long sentence ending like prose is a note, not a label.
  return s.length > 40 && /[。.;；]$/.test(s);
}
