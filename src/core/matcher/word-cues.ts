import type { RawMatch } from './scan';
import { isSpaceCode } from '../normalize';
import { isLowerCode, isUpperCode, normWord, possessiveAt, someWord, wordBefore, wordsAfter } from './text-around';
import { AFTER_NAME_OK, AUXILIARIES, BASE_VERBS, BUSINESS_WORDS, NOT_BUSINESS_ING, PASSIVE_BUSINESS, ROLE_NOUNS, STRONG_VERBS, WEAK_VERBS } from './cue-words';

/**
 * What the words right around a candidate name say, read off the text alone (no matcher, no other
 * names): the cues `resolveContext` weighs for ambiguous names.
 */

/**
 * A model code at `at`: a capital letter, then letters and at least one digit, up to 8 characters,
 * standing as a word ("GZ125", "Z6", "A7R", "RX-8"); not a year or a plain number.
 */
export function modelCodeAt(text: string, at: number): boolean {
  if (!isUpperCode(text.charCodeAt(at))) return false;
  let digits = 0;
  let i = at + 1;
  for (; i < text.length && i - at <= 8; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (!isUpperCode(c) && !(c === 0x2d && i > at + 1)) break;
  }
  if (digits === 0 || i - at > 8) return false;
  const next = i < text.length ? text.charCodeAt(i) : 0x20;
  return !isLowerCode(next) && next !== 0x2e;
}

/** The word right before or right after [start, end) begins with a lower-case letter. */
export function lowerCaseWordNextTo(text: string, start: number, end: number): boolean {
  const prev = wordBefore(text, start);
  if (prev && isLowerCode(prev.word.charCodeAt(0))) return true;
  const next = wordsAfter(text, end, 1)[0];
  return next !== undefined && isLowerCode(next.charCodeAt(0));
}

export function windowHasBusinessWord(text: string, from: number, to: number): boolean {
  return someWord(text, Math.max(0, from), Math.min(text.length, to), (w) => BUSINESS_WORDS.has(normWord(w)));
}

/** What the words right after a sentence-initial name say: 'company', 'weak' (needs more) or 'none'. */
export function subjectCue(text: string, end: number): 'company' | 'weak' | 'none' {
  const possessive = possessiveAt(text, end);
  const words = wordsAfter(text, possessive ? end + (text[end + 1] === 's' ? 2 : 1) : end, 3);
  if (possessive) return 'weak';
  let w0 = words[0]?.toLowerCase();
  if (w0 === undefined) return 'none';
  if (words[0] === ',') return 'none';
  // "Apple quietly released", "Amazon recently launched": an adverb before the verb.
  if (w0.length > 4 && w0.endsWith('ly') && words[1] !== undefined) {
    words.shift();
    w0 = words[0].toLowerCase();
  }
  if (STRONG_VERBS.has(w0)) return 'company';
  if (ROLE_NOUNS.has(w0) || (w0 === 'co-founder' || w0 === 'co')) return 'company';
  if (WEAK_VERBS.has(w0)) return 'weak';
  if (AUXILIARIES.has(w0) || w0 === 'both' || w0 === 'also' || w0 === 'now') {
    const w1 = words[1]?.toLowerCase();
    if (w1 === undefined) return 'none';
    if (STRONG_VERBS.has(w1) || BASE_VERBS.has(w1)) return 'company';
    if (WEAK_VERBS.has(w1)) return 'weak';
    if (w1.endsWith('ing') && !NOT_BUSINESS_ING.has(w1)) return 'company';
    // "is in talks", "is set to", "is being sued", "is expected to".
    const w2 = words[2]?.toLowerCase();
    if ((w1 === 'in' && w2 === 'talks') || ((w1 === 'set' || w1 === 'expected' || w1 === 'due') && w2 === 'to')) return 'company';
    if (w1 === 'being' && w2 && (STRONG_VERBS.has(w2) || PASSIVE_BUSINESS.has(w2))) return 'company';
    // "has been dealing with", "has been sued".
    if (w1 === 'been' && w2 && ((w2.endsWith('ing') && !NOT_BUSINESS_ING.has(w2)) || STRONG_VERBS.has(w2) || PASSIVE_BUSINESS.has(w2))) return 'company';
    if (w1 === 'not' || w1 === 'also' || w1 === 'now' || w1 === 'still') {
      const w2 = words[2]?.toLowerCase();
      if (w2 && (BASE_VERBS.has(w2) || STRONG_VERBS.has(w2) || (w2.endsWith('ing') && !NOT_BUSINESS_ING.has(w2)))) return 'company';
    }
  }
  return 'none';
}

/** The word right after the name is a business noun: "the Apple store", "a Jaguar dealership". */
export function businessNounAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20) return false;
  const word = wordsAfter(text, end, 1)[0]?.toLowerCase();
  return word !== undefined && (BUSINESS_WORDS.has(word) || ROLE_NOUNS.has(word));
}

/** A capitalised word right after `end` (one space between) that is not a company name or a title ("Apple CEO"). */
export function capitalisedWordAfter(text: string, end: number, next: RawMatch | undefined): boolean {
  if (text.charCodeAt(end) !== 0x20 || !isUpperCode(text.charCodeAt(end + 1))) return false;
  if (next && next.start === end + 1) return false;
  const word = wordsAfter(text, end, 1)[0];
  return word !== undefined && !AFTER_NAME_OK.has(word.replace(/\.$/, ''));
}

/** A single letter with another single letter beside it (an alphabet index, a list of grades). */
export function letterNeighbour(text: string, start: number, end: number): boolean {
  const isLetter = (i: number) => i >= 0 && i < text.length && (isUpperCode(text.charCodeAt(i)) || isLowerCode(text.charCodeAt(i)));
  const sep = (c: string) => c === '|' || c === ',' || c === '/' || c === '·' || c === '-' || isSpaceCode(c.charCodeAt(0));
  let i = start - 1;
  while (i >= 0 && sep(text[i])) i--;
  if (i < start - 1 && isLetter(i) && !isLetter(i - 1)) return true;
  let j = end;
  while (j < text.length && sep(text[j])) j++;
  return j > end && isLetter(j) && !isLetter(j + 1);
}
