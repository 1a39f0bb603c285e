/**
 * Cue phrases next to a name ("rainforest", "Inc", "formerly known as"), read without regexes.
 *
 * Each regex a content script uses is compiled on a new page twice (to bytecode on its first use,
 * to native code on its second), about 0.1-0.3 ms each time. The context rules read a dozen cue
 * lists, for a handful of names a page: compiling them cost more than the whole page's scan.
 *
 * A phrase is matched as written or ignoring ASCII case; a space in a phrase stands for one or more
 * white-space characters. Like a regex's \b, a phrase that ends in a letter or digit must not be
 * followed (or, read backwards, preceded) by one.
 */

/** What a regex's \b and \w count as a word character. */
export function isAsciiWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** What a regex's \s matches. */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

function sameUnit(a: number, b: number, ignoreCase: boolean): boolean {
  return a === b || (ignoreCase && asciiLower(a) === asciiLower(b));
}

/** End of `phrase` read from `at` in `text`, or -1. */
function phraseEnd(text: string, at: number, phrase: string, ignoreCase: boolean): number {
  let i = at;
  for (let p = 0; p < phrase.length; p++) {
    const q = phrase.charCodeAt(p);
    if (q === 0x20) {
      if (i >= text.length || !isWhiteSpaceCode(text.charCodeAt(i))) return -1;
      while (i < text.length && isWhiteSpaceCode(text.charCodeAt(i))) i++;
    } else {
      if (i >= text.length || !sameUnit(text.charCodeAt(i), q, ignoreCase)) return -1;
      i++;
    }
  }
  return i;
}

/** Start of `phrase` read backwards so that it ends at `end`, or -1. */
function phraseStart(text: string, end: number, phrase: string, ignoreCase: boolean): number {
  let i = end;
  for (let p = phrase.length - 1; p >= 0; p--) {
    const q = phrase.charCodeAt(p);
    if (q === 0x20) {
      if (i <= 0 || !isWhiteSpaceCode(text.charCodeAt(i - 1))) return -1;
      while (i > 0 && isWhiteSpaceCode(text.charCodeAt(i - 1))) i--;
    } else {
      if (i <= 0 || !sameUnit(text.charCodeAt(i - 1), q, ignoreCase)) return -1;
      i--;
    }
  }
  return i;
}

/** Whether one of `phrases` starts at `at` as whole words. */
export function phraseAt(text: string, at: number, phrases: readonly string[], ignoreCase = false): boolean {
  for (const phrase of phrases) {
    const e = phraseEnd(text, at, phrase, ignoreCase);
    if (e < 0) continue;
    if (isAsciiWordCode(phrase.charCodeAt(phrase.length - 1)) && e < text.length && isAsciiWordCode(text.charCodeAt(e))) continue;
    return true;
  }
  return false;
}

/** Where one of `phrases` that ends at `end` as whole words starts, or -1. */
export function phraseBefore(text: string, end: number, phrases: readonly string[], ignoreCase = false): number {
  for (const phrase of phrases) {
    const s = phraseStart(text, end, phrase, ignoreCase);
    if (s < 0) continue;
    if (isAsciiWordCode(phrase.charCodeAt(0)) && s > 0 && isAsciiWordCode(text.charCodeAt(s - 1))) continue;
    return s;
  }
  return -1;
}

/** Whether one of `phrases` stands anywhere in `text` as whole words. */
export function phraseWithin(text: string, phrases: readonly string[], ignoreCase = false): boolean {
  for (let i = 0; i < text.length; i++) {
    if (i > 0 && isAsciiWordCode(text.charCodeAt(i - 1))) continue;
    if (phraseAt(text, i, phrases, ignoreCase)) return true;
  }
  return false;
}

/** First index from `at` that is not one of `units` or white space. */
export function skipSpaceAnd(text: string, at: number, units = ''): number {
  let i = at;
  while (i < text.length && (isWhiteSpaceCode(text.charCodeAt(i)) || units.includes(text[i]))) i++;
  return i;
}

/** Last index (exclusive) before `end` that is not one of `units` or white space. */
export function skipSpaceAndBack(text: string, end: number, units = ''): number {
  let i = end;
  while (i > 0 && (isWhiteSpaceCode(text.charCodeAt(i - 1)) || units.includes(text[i - 1]))) i--;
  return i;
}
