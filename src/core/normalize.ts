/**
 * Character folding for matching. Folding is one UTF-16 unit to one unit, so offsets in folded
 * text are offsets in the original text: the DOM layer can wrap exactly what was found.
 *
 * The scanner asks about every character of a page, so answers come from two flat tables, each
 * entry filled the first time its character is seen: a page uses a hundred or so distinct
 * characters, and filling all of Latin up front cost a content script more than a page's scan.
 */

export const CH_WORD = 1;
export const CH_SPACE = 2;
export const CH_IGNORABLE = 3;
export const CH_OTHER = 4;

/** Class of each UTF-16 unit (0: not filled yet, see `fillCode`). Read directly in the scanner's hot loop. */
export const CLASS = new Uint8Array(0x10000);
/** Fold of each UTF-16 unit; valid once `CLASS[c]` is non-zero. */
export const FOLD = new Uint16Array(0x10000);
const wordRe = /[\p{L}\p{N}\p{M}]/u;
const IGNORABLE = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
const SPACES = [0x20, 0x0a, 0x09, 0x0d, 0x0c, 0xa0, 0x202f, 0x205f, 0x3000];
const FOLD_SPECIAL: Record<number, number> = {
  0x2018: 0x27, 0x2019: 0x27, 0x02bc: 0x27, 0x2032: 0x27, // ’ ‘ ʼ ′ -> '
  0x2010: 0x2d, 0x2011: 0x2d, 0x2012: 0x2d, 0x2013: 0x2d, // hyphens, en dash -> -
  0xff04: 0x24,
};

/** Latin-1 symbols that are letters or digits: ª ² ³ µ ¹ º ¼ ½ ¾. */
const LATIN1_WORD = [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe];

/**
 * The class of the non-ASCII units nearly every English page has (curly quotes, dashes, accented
 * Latin letters), or 0 when the Unicode regex must decide. The first uses of that regex cost a
 * page about a millisecond (compiled, then compiled again to native code), more than its scan.
 */
function knownLatinClass(c: number): number {
  if (c < 0xc0) return LATIN1_WORD.includes(c) ? CH_WORD : CH_OTHER;
  // Latin-1 letters and Latin Extended-A/B, but × and ÷.
  if (c <= 0x24f) return c === 0xd7 || c === 0xf7 ? CH_OTHER : CH_WORD;
  // General Punctuation (its spaces and invisible joiners are sorted out before), currency signs.
  if ((c >= 0x2010 && c <= 0x205e) || (c >= 0x20a0 && c <= 0x20c0)) return CH_OTHER;
  return 0;
}

/** Hangul syllables, CJK ideographs, kana: letters without case or accents to fold. */
function caselessScript(c: number): boolean {
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa);
}

/**
 * Lower case, then accents off: "É" to "e". Only combining accents come off. A Hangul syllable
 * decomposes into letters (jamo), and a kana's voicing mark makes another sound: both stay whole.
 */
function foldLetter(c: number): number {
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const base = lower.length === 1 ? lower : ch;
  const nfd = base.normalize('NFD');
  for (let i = 1; i < nfd.length; i++) {
    const mark = nfd.charCodeAt(i);
    if (mark < 0x300 || mark > 0x36f) return base.charCodeAt(0);
  }
  return nfd.charCodeAt(0);
}

/** Fill the tables for one unit; returns its class. */
export function fillCode(c: number): number {
  // ASCII, most of every page: no regex, no Unicode normalisation.
  if (c < 0x80) {
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    const word = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39);
    const cls = word ? CH_WORD : SPACES.includes(c) ? CH_SPACE : CH_OTHER;
    FOLD[c] = cls === CH_SPACE ? 0x20 : lower;
    CLASS[c] = cls;
    return cls;
  }
  let cls: number;
  if (IGNORABLE.includes(c)) cls = CH_IGNORABLE;
  else if (SPACES.includes(c) || (c >= 0x2000 && c <= 0x200a)) cls = CH_SPACE;
  else if ((c >= 0xd800 && c <= 0xdfff) || caselessScript(c)) cls = CH_WORD; // astral letters (CJK ext, etc.): treat as word
  else cls = knownLatinClass(c) || (wordRe.test(String.fromCharCode(c)) ? CH_WORD : CH_OTHER);
  let f = c;
  if (cls === CH_SPACE) f = 0x20;
  else if (FOLD_SPECIAL[c] !== undefined) f = FOLD_SPECIAL[c];
  else if (cls === CH_WORD && c < 0xd800 && !caselessScript(c)) f = foldLetter(c); else if (c < 0x80) f = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  if (c === 0xdf) f = 0xdf; // ß has no one-unit fold; keep it
  FOLD[c] = f;
  CLASS[c] = cls;
  return cls;
}

/** CH_WORD, CH_SPACE, CH_IGNORABLE or CH_OTHER. */
export function charClass(c: number): number {
  const k = CLASS[c];
  return k !== 0 ? k : fillCode(c);
}

/** Fold one UTF-16 code unit: lower case, accents off, curly quotes and dashes to ASCII, spaces to ' '. */
export function foldCode(c: number): number {
  if (CLASS[c] === 0) fillCode(c);
  return FOLD[c];
}

/** Characters that may sit inside a word without being seen (soft hyphen, zero-width joiners). */
export function isIgnorable(c: number): boolean {
  return charClass(c) === CH_IGNORABLE;
}

/** Letters, digits and combining marks continue a word; everything else ends it. */
export function isWordCode(c: number): boolean {
  return charClass(c) === CH_WORD;
}

export function isSpaceCode(c: number): boolean {
  return charClass(c) === CH_SPACE;
}

/** Fold a whole string the way the matcher folds text: ignorable characters out, spaces collapsed and trimmed. */
export function foldString(s: string): string {
  return foldedByLowerCase(s) ?? foldEachCode(s);
}

/**
 * Most names fold to their native lower case ("Blue Summit Labs" to "blue summit labs"): take it
 * when every unit agrees with the tables, which a matcher build of 100,000 names does 100,000 times.
 */
function foldedByLowerCase(s: string): string | null {
  const lower = s.toLowerCase();
  if (lower.length !== s.length || s.length === 0) return null;
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = CLASS[c] !== 0 ? CLASS[c] : fillCode(c);
    if (cls === CH_IGNORABLE || FOLD[c] !== lower.charCodeAt(i)) return null;
    const space = cls === CH_SPACE;
    if (space && lastSpace) return null;
    lastSpace = space;
  }
  return lastSpace ? null : lower;
}

function foldEachCode(s: string): string {
  const codes: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CH_IGNORABLE) continue;
    if (cls === CH_SPACE) {
      if (!lastSpace) codes.push(0x20);
      lastSpace = true;
      continue;
    }
    codes.push(FOLD[c]);
    lastSpace = false;
  }
  if (codes.length > 0 && codes[codes.length - 1] === 0x20) codes.pop();
  return String.fromCharCode(...codes);
}
