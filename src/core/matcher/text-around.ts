import { CH_WORD, CLASS, fillCode, isSpaceCode } from '../normalize';

/**
 * Reading the text around a match: words, sentences, case, addresses. Per match, on a few dozen
 * characters; nothing here scans a whole page.
 */

// Words and letters are told by the character tables, not by regexes with Unicode property classes:
// each of those costs a new page up to a millisecond to compile, for a handful of ambiguous names.

function isWordUnit(c: number): boolean {
  return (CLASS[c] !== 0 ? CLASS[c] : fillCode(c)) === CH_WORD;
}

/** A word may hold apostrophes, dots and hyphens ("Macy's", "Amazon.com", "co-founder") but not start with one. */
function isInnerPunct(c: number): boolean {
  return c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Each word of text[from, to) in order; stops when `visit` returns true, and says whether it did. */
export function someWord(text: string, from: number, to: number, visit: (word: string) => boolean): boolean {
  let i = from;
  while (i < to) {
    if (!isWordUnit(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && (isWordUnit(text.charCodeAt(j)) || isInnerPunct(text.charCodeAt(j)))) j++;
    if (visit(text.slice(i, j))) return true;
    i = j;
  }
  return false;
}

/** . ! ? or a line break. */
function isSentenceEnd(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a;
}

/** The sentence around [start, end), at most `radius` characters each way. */
export function sentenceAround(text: string, start: number, end: number, radius = 100): string {
  let a = start;
  while (a > 0 && start - a < radius && !isSentenceEnd(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < radius && !isSentenceEnd(text.charCodeAt(b))) b++;
  return text.slice(a, start) + ' ' + text.slice(end, b);
}

/** Whether [start, end) sits inside a URL, an e-mail address or a path ("github.com/openai"). */
export function insideAddress(text: string, start: number, end: number): boolean {
  let a = start;
  while (a > 0 && start - a < 200 && !isSpaceCode(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && b - end < 200 && !isSpaceCode(text.charCodeAt(b))) b++;
  if (a === start && b === end) return false;
  const token = text.slice(a, b);
  return token.includes('@') || token.includes('://') || /^[("'“]?www\./i.test(token) || /\.[a-z]{2,6}\//i.test(token);
}

/** A name the dataset writes with capitals, found written all in lower case ("stripe", "discord"). */
/** Per character, without making a one-character string for ASCII (this runs for every match). */
export function isUpperCode(c: number): boolean {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

export function isLowerCode(c: number): boolean {
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  const ch = String.fromCharCode(c);
  return ch.toUpperCase() !== ch;
}

function hasUpper(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isUpperCode(s.charCodeAt(i))) return true;
  return false;
}

export function writtenLower(text: string, start: number, end: number, pattern: string): boolean {
  if (!hasUpper(pattern)) return false;
  for (let i = start; i < end; i++) if (isUpperCode(text.charCodeAt(i))) return false;
  return true;
}

/** Index of the first non-space character before `pos` (or -1), skipping spaces of any kind. */
function prevNonSpace(text: string, pos: number): number {
  let i = pos - 1;
  while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
  return i;
}

/** Whether a name at `start` opens a sentence or a quotation, where every word is capitalised. */
export function atSentenceStart(text: string, start: number): boolean {
  const i = prevNonSpace(text, start);
  if (i < 0) return true;
  return /[.!?:;"“‘(\n—–]/.test(text[i]);
}

/** The word just before `start` if only spaces separate it, with its start offset. */
export function wordBefore(text: string, start: number): { word: string; at: number } | null {
  let i = start - 1;
  if (i < 0 || !/\s/.test(text[i])) return null;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const e = i + 1;
  while (i >= 0 && (isWordUnit(text.charCodeAt(i)) || isInnerPunct(text.charCodeAt(i)) || text.charCodeAt(i) === 0x26)) i--;
  if (i + 1 >= e) return null;
  return { word: text.slice(i + 1, e), at: i + 1 };
}

/** Up to `n` words after `end` (lower-cased), stopping at sentence punctuation. */
export function wordsAfter(text: string, end: number, n: number): string[] {
  const out: string[] = [];
  const limit = Math.min(text.length, end + 80);
  let i = end;
  while (out.length < n && i < limit) {
    const c = text.charCodeAt(i);
    if (isWordUnit(c)) {
      let j = i + 1;
      // Words here keep apostrophes and hyphens, not dots: a dot ends the sentence.
      while (j < text.length && (isWordUnit(text.charCodeAt(j)) || (isInnerPunct(text.charCodeAt(j)) && text.charCodeAt(j) !== 0x2e))) j++;
      out.push(text.slice(i, j));
      i = j;
    } else if (c === 0x2c) {
      out.push(',');
      i++;
    } else if (c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x28 || c === 0x29) {
      break;
    } else i++;
  }
  return out;
}

/** A line in Title Case or ALL CAPS: capitals say nothing there. */
export function isTitleLike(text: string, start: number, end: number): boolean {
  const s = sentenceAround(text, start, end, 80);
  let words = 0;
  let capital = 0;
  someWord(s, 0, s.length, (w) => {
    const c = w.charCodeAt(0);
    if (isDigitCode(c)) return false;
    words++;
    if (isUpperCode(c)) capital++;
    return false;
  });
  return words >= 3 && capital / words >= 0.7;
}
