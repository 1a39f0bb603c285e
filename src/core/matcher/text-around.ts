import { CH_WORD, CLASS, fillCode, isSpaceCode } from '../normalize';
import { isAsciiWordCode, isWhiteSpaceCode, phraseBefore, skipSpaceAnd, skipSpaceAndBack } from './phrases';

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

export function isDigitCode(c: number): boolean {
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
  if (token.includes('@') || token.includes('://')) return true;
  const w = '("\'“'.includes(token[0]) ? 1 : 0;
  return token.slice(w, w + 4).toLowerCase() === 'www.' || hasDomainSlash(token);
}

/** ".com/", ".co.uk/" as in "github.com/openai": a dot, two to six ASCII letters, a slash. */
function hasDomainSlash(token: string): boolean {
  for (let i = token.indexOf('.'); i >= 0; i = token.indexOf('.', i + 1)) {
    let j = i + 1;
    while (j < token.length && isAsciiLetter(token.charCodeAt(j))) j++;
    if (j - i - 1 >= 2 && j - i - 1 <= 6 && token.charCodeAt(j) === 0x2f) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

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

export function hasCapital(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isUpperCode(s.charCodeAt(i))) return true;
  return false;
}

/** No capital in text[start, end): a name the dataset writes with capitals, found so ("stripe", "discord"), is not a mention. */
export function writtenLower(text: string, start: number, end: number): boolean {
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
  return '.!?:;"“‘(\n—–'.includes(text[i]);
}

/** The word just before `start` if only spaces separate it, with its start offset. */
export function wordBefore(text: string, start: number): { word: string; at: number } | null {
  let i = start - 1;
  if (i < 0 || !isWhiteSpaceCode(text.charCodeAt(i))) return null;
  while (i >= 0 && isWhiteSpaceCode(text.charCodeAt(i))) i--;
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

/** A line in Title Case or ALL CAPS, where capitals say nothing: its number of words, else 0. */
export function titleLikeWords(text: string, start: number, end: number): number {
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
  return words >= 3 && capital / words >= 0.7 ? words : 0;
}

/** "formerly known as Facebook", "Meta, previously Facebook". */
const FORMERLY = ['formerly', 'previously', 'once'];
const FORMERLY_CALLED = ['known as', 'called', 'named'];
/** Between two names of a list: ", ", ", and ", " or ", " & ", " versus ", " / ". */
const LIST_WORDS = ['and', 'or', '&', 'versus', 'vs.', 'vs', 'as well as'];

export function isQuoteCode(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/** Lower case, without a possessive 's or a final dot. */
export function normWord(w: string): string {
  let s = w.toLowerCase();
  if (s.length >= 2 && s.charCodeAt(s.length - 1) === 0x73 && isQuoteCode(s.charCodeAt(s.length - 2))) s = s.slice(0, -2);
  if (s.endsWith('.')) s = s.slice(0, -1);
  return s;
}

/** "Name's", "Name’", "Name'S...": the name is a possessive. */
export function possessiveAt(text: string, end: number): boolean {
  if (end >= text.length || !isQuoteCode(text.charCodeAt(end))) return false;
  if (end + 1 >= text.length) return true;
  const c = text.charCodeAt(end + 1);
  return c === 0x73 || isAsciiWordCode(c) || isWhiteSpaceCode(c);
}

/** "Name 3", "Name 12": a numbered thing, not "Name 2%" or "Name 2,000". */
export function numberedAt(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 0x20 && c !== 0xa0) return false;
  let i = end + 1;
  while (i < text.length && i < end + 3 && isDigitCode(text.charCodeAt(i))) i++;
  if (i === end + 1) return false;
  const n = i < text.length ? text.charCodeAt(i) : -1;
  return !(isDigitCode(n) || n === 0x25 || n === 0x2c || n === 0x2e);
}

/** "formerly", "once known as", "previously called" just before `start` (commas and spaces between). */
export function formerlyBefore(text: string, start: number): boolean {
  const e = skipSpaceAndBack(text, start, ',');
  if (phraseBefore(text, e, FORMERLY, true) >= 0) return true;
  const called = phraseBefore(text, e, FORMERLY_CALLED, true);
  if (called < 0) return false;
  // White space between: "called" is a whole word, so "formerlycalled" was not taken.
  return phraseBefore(text, skipSpaceAndBack(text, called), FORMERLY, true) >= 0;
}

/** "Name's" or "Names'": a possessive word. */
export function possessiveWord(w: string): boolean {
  const n = w.length;
  return isQuoteCode(w.charCodeAt(n - 1)) || (n >= 2 && w[n - 1] === 's' && isQuoteCode(w.charCodeAt(n - 2)));
}

/** Whether text[from, to) is what stands between two names of a list: ", ", ", and ", " or ", " / "... */
export function listSeparator(text: string, from: number, to: number): boolean {
  const a = skipSpaceAnd(text, from);
  const b = skipSpaceAndBack(text, to);
  if (a >= b) return false;
  const core = text.slice(a, b);
  if (core === ',' || core === '/') return true;
  // A word needs white space after it, and before it unless a comma comes first.
  if (b === to) return false;
  if (core[0] === ',') {
    const word = core.slice(1).trimStart();
    return word === 'and' || word === 'or';
  }
  return a > from && LIST_WORDS.includes(core);
}
/** . ! ? or a line break followed by white space, in text[from, to). */
export function sentenceBreakIn(text: string, from: number, to: number): boolean {
  for (let i = from; i + 1 < to; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a) && isWhiteSpaceCode(text.charCodeAt(i + 1))) return true;
  }
  return false;
}
