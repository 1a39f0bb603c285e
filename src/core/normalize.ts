/**
 * Character folding for matching. Folding is one UTF-16 unit to one unit, so offsets in folded
 * text are offsets in the original text: the DOM layer can wrap exactly what was found.
 */

const SOFT_HYPHEN = 0x00ad;
const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const table = new Uint16Array(0x0250);
for (let c = 0; c < table.length; c++) {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const base = (lower.length === 1 ? lower : ch).normalize('NFD')[0] ?? ch;
  table[c] = base.length === 1 ? base.charCodeAt(0) : c;
}
table[0x00a0] = 0x20; // non-breaking space reads as a space
table[0x00df] = 0x00df; // ß has no one-unit fold; keep it

/** Fold one UTF-16 code unit: lower case, accents off, curly quotes and dashes to ASCII. */
export function foldCode(c: number): number {
  if (c < 0x0250) return table[c];
  switch (c) {
    case 0x2018: case 0x2019: case 0x02bc: case 0x2032: return 0x27; // ’ ‘ ʼ ′ -> '
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: return 0x2d; // hyphens, en dash -> -
    case 0x2007: case 0x202f: case 0x2009: case 0x200a: return 0x20; // thin and narrow spaces
    case 0xff04: return 0x24;
  }
  if (c >= 0x0370 && c < 0x0530) {
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return c;
}

/** Characters that may sit inside a word without being seen (soft hyphen, zero-width joiners). */
export function isIgnorable(c: number): boolean {
  return c === SOFT_HYPHEN || ZERO_WIDTH.has(c);
}

const wordRe = /[\p{L}\p{N}\p{M}]/u;
const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWord[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Letters, digits and combining marks continue a word; everything else ends it. */
export function isWordCode(c: number): boolean {
  if (c < 128) return asciiWord[c] === 1;
  if (isIgnorable(c)) return false;
  if (c >= 0xd800 && c <= 0xdfff) return true; // astral letters (CJK ext, etc.): treat as word
  return wordRe.test(String.fromCharCode(c));
}

/** Fold a whole string the way the matcher folds text (drops ignorable characters). */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorable(c)) continue;
    out += String.fromCharCode(foldCode(c));
  }
  return out.replace(/\s+/g, ' ').trim();
}
