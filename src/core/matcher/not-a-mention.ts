import { isSpaceCode, isWordCode } from '../normalize';
import type { CompiledMatcher } from './compile';
import type { ContextState } from './context';
import {
  FUNCTION_WORDS, INDEX_PUBLISHERS, INDEX_WORDS_AFTER, LIKE_SUFFIXES, LOWERCASE_PLATFORMS, MODEL_SENSE, MODEL_WORDS, NOT_BEFORE_NAME,
  NOT_FOLLOWED_BY, OTHER_SENSE_ON_PAGE, PLACE_AFTER_NAME, SENSE_NAMES, STATES, AFTER_NAME_OK, SUFFIX,
} from './cue-words';
import { FLAG_AMBIGUOUS, FLAG_CAPITAL, FLAG_ORGANISATION, FLAG_SYMBOL, FLAG_TICKER } from './entries';
import { FIRST_NAMES } from './first-names';
import { phraseAt } from './phrases';
import type { RawMatch } from './scan';
import { insideAddress, isDigitCode, isLowerCode, isUpperCode, possessiveWord, wordBefore, wordsAfter, writtenLower } from './text-around';

/**
 * Raw matches that are not a company mention whatever the text around them says: inside a web
 * address, written in lower case, an index or a ranking, a title, a person's surname, a place, an
 * organisation. The first pass of `resolveContext`; the ambiguous names that pass it still need a cue.
 */
export function notAMention(m: CompiledMatcher, text: string, raw: RawMatch[], i: number, state: ContextState): boolean {
  const r = raw[i];
  const flags = m.entryFlags[r.entry];
  // An organisation (policy: not a company) is in the trie only to keep a company's shorter name
  // inside its own from matching ("Raspberry Pi Foundation").
  if ((flags & FLAG_ORGANISATION) !== 0) return true;
  if ((flags & FLAG_SYMBOL) !== 0 && !symbolAfterName(text, raw, i, m)) return true;
  if (insideAddress(text, r.start, r.end)) return true;
  const name = text.slice(r.start, r.end).toLowerCase();
  if (SENSE_NAMES.has(name)) state.senses.add(name);
  const modelSense = MODEL_SENSE[name];
  if (modelSense && text.charCodeAt(r.end) === 0x20 && (isDigitCode(text.charCodeAt(r.end + 1)) || phraseAt(text, r.end + 1, MODEL_WORDS))) state.senses.add(modelSense);
  if (LIKE_SUFFIXES.some((x) => text.startsWith(x, r.end))) return true;
  // "Kodiak, Alaska": an ambiguous name before a state is the town (not a dateline's "Reuters, Washington").
  if ((flags & FLAG_AMBIGUOUS) !== 0 && text.charCodeAt(r.end) === 0x2c && text.charCodeAt(r.end + 1) === 0x20 && STATES.has(wordAfterComma(text, r.end + 2))) return true;
  const pageSense = OTHER_SENSE_ON_PAGE[name];
  if (pageSense && pageSense.some((n) => state.senses.has(n))) return true;
  if (INDEX_PUBLISHERS.has(name) && indexAfter(text, r.end)) return true;
  if (NOT_FOLLOWED_BY[name]?.some((w) => text.startsWith(w, r.end))) return true;
  const notBefore = NOT_BEFORE_NAME[name];
  if (notBefore && notBefore.includes(wordBefore(text, r.start)?.word.toLowerCase() ?? '')) return true;
  // "Dealers of Lightning: Xerox PARC and the Dawn of the Computer Age", ‘Ford v Ferrari’: a title.
  if (insideQuotedTitle(text, r.start, r.end)) return true;
  // "Michael Dell", "Joe Nocera": a one-word name right after a first name is a person's surname.
  if (afterFirstName(text, raw, i)) return true;
  // "Mercer Island-based": the place a company is based in, not the company.
  if (text.startsWith('-based', r.end)) return true;
  // ".DJI", ".SPX": an index or instrument code (Reuters' RICs), not the name.
  if (text.charCodeAt(r.start - 1) === 0x2e && (r.start === 1 || isSpaceCode(text.charCodeAt(r.start - 2)))) return true;
  if (text.charCodeAt(r.end) === 0x20 && PLACE_AFTER_NAME.has(wordsAfter(text, r.end, 1)[0] ?? '')) return true;
  if ((flags & (FLAG_TICKER | FLAG_CAPITAL)) === FLAG_CAPITAL && writtenLower(text, r.start, r.end) && !lowercasePlatform(text, r)) return true;
  return false;
}

/** "facebook" in a share bar, not "#facebook" or "@facebook". */
function lowercasePlatform(text: string, r: RawMatch): boolean {
  const before = r.start > 0 ? text.charCodeAt(r.start - 1) : 0;
  return before !== 0x23 && before !== 0x40 && LOWERCASE_PLATFORMS.has(text.slice(r.start, r.end));
}

/** A capitalised word right after `end` that is neither a company's name nor a word like "CEO" or "Inc". */
export function surnameAfter(text: string, end: number, next: RawMatch | undefined, titleLike: boolean): boolean {
  if (text.charCodeAt(end) !== 0x20 || !isUpperCode(text.charCodeAt(end + 1))) return false;
  if (next && next.start === end + 1) return false;
  const word = wordsAfter(text, end, 1)[0];
  if (word === undefined || AFTER_NAME_OK.has(word.replace(/\.$/, '')) || SUFFIX.includes(word)) return false;
  if (!titleLike) return true;
  // In a line of capitals ("Alan Fram, Zeke Miller", "Ezra Acayan / Getty Images") only a surname
  // that ends the name with a comma, a slash or the line says so; a headline goes on ("Harvey Raises").
  let i = end + 1 + word.length;
  while (text.charCodeAt(i) === 0x20) i++;
  const c = text.charCodeAt(i);
  return Number.isNaN(c) || c === 0x2c || c === 0x2f || c === 0x7c || c === 0x0a || c === 0x28;
}

export function singleLetterInName(text: string, start: number, end: number, before: RawMatch | undefined): boolean {
  if (text.charCodeAt(end) === 0x2d && isUpperCode(text.charCodeAt(end + 1))) return true;
  const prev = wordBefore(text, start);
  if (!prev || possessiveWord(prev.word) || FUNCTION_WORDS.has(prev.word.toLowerCase())) return false;
  if (before && before.end > prev.at) return false;
  const c = prev.word.charCodeAt(0);
  // "iPhone X": a capital inside the word counts too.
  return isUpperCode(c) || (isLowerCode(c) && /[A-Z]/.test(prev.word));
}

function afterFirstName(text: string, raw: RawMatch[], i: number): boolean {
  const r = raw[i];
  if (text.charCodeAt(r.start - 1) !== 0x20) return false;
  for (let k = r.start; k < r.end; k++) if (!isWordCode(text.charCodeAt(k))) return false;
  const prev = wordBefore(text, r.start);
  if (!prev || prev.at + prev.word.length !== r.start - 1 || !FIRST_NAMES.has(prev.word)) return false;
  // "Dell EMC": the word before is itself a company's name.
  return !(i > 0 && raw[i - 1].end > prev.at);
}

/** The word at `at`, with a trailing dot kept ("Calif."). */
function wordAfterComma(text: string, at: number): string {
  let i = at;
  while (i < text.length && (isWordCode(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2e)) i++;
  return text.slice(at, i);
}

/** "Fortune 500", "Nasdaq Composite", "Dow Jones Industrial Average": an index or a ranking. */
function indexAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20 && text.charCodeAt(end) !== 0x2d) return false;
  let i = end + 1;
  while (i < text.length && isDigitCode(text.charCodeAt(i))) i++;
  if (i > end + 1 && !isWordCode(text.charCodeAt(i))) return true;
  return phraseAt(text, end + 1, INDEX_WORDS_AFTER);
}

const TITLE_SMALL_WORDS = new Set(['of', 'the', 'a', 'an', 'and', 'or', 'v', 'v.', 'vs', 'vs.', 'in', 'on', 'to', 'for', 'at', 'with', 'from', 'by', 'de', '&']);

/**
 * Inside quotation marks holding a Title Case phrase of four words or more, or "X v Y" (a book,
 * film or song title: policy says a title is not a mention). Quotes are ‘…’, “…” or "…" on one line.
 */
function insideQuotedTitle(text: string, start: number, end: number): boolean {
  let open = -1;
  let close = -1;
  for (let i = start - 1; i >= 0 && start - i <= 100; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x201d) return false;
    if (c === 0x201c || c === 0x2018 || (c === 0x22 && (i === 0 || !isWordCode(text.charCodeAt(i - 1))))) { open = i; break; }
  }
  if (open < 0) return false;
  const opener = text.charCodeAt(open);
  const closer = opener === 0x201c ? 0x201d : opener === 0x2018 ? 0x2019 : 0x22;
  for (let i = end; i < text.length && i - end <= 100; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return false;
    if (c === closer && !isWordCode(text.charCodeAt(i + 1))) { close = i; break; }
  }
  if (close < 0) return false;
  // A quoted headline starts with its subject ("Ford Recalls F-150s…"): a company there is named.
  if (open + 1 === start) return false;
  const words = text.slice(open + 1, close).split(/\s+/).filter((w) => w.length > 0);
  // Four words or more, or "X v Y": shorter quotes are names and slogans ("All About Space", ‘Not on Netflix’).
  if (words.length < 4 && !(words.length === 3 && /^(v|v\.|vs|vs\.)$/i.test(words[1]))) return false;
  return words.every((w) => isUpperCode(w.charCodeAt(0)) || isDigitCode(w.charCodeAt(0)) || TITLE_SMALL_WORDS.has(w.toLowerCase()));
}

/** A line break, or . ! ? then a space and a capital: not the dot of "Inc. (AAPL)". */
function newSentenceIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if ((c === 0x2e || c === 0x21 || c === 0x3f) && text.charCodeAt(i + 1) === 0x20 && isUpperCode(text.charCodeAt(i + 2))) return true;
  }
  return false;
}

/** "Apple Inc. (AAPL)": a bare symbol in parentheses, its company's name just before it in the sentence. */
function symbolAfterName(text: string, raw: RawMatch[], i: number, m: CompiledMatcher): boolean {
  const r = raw[i];
  if (text.charCodeAt(r.start - 1) !== 0x28 || text.charCodeAt(r.end) !== 0x29) return false;
  const company = m.entryCompany[r.entry];
  for (let j = i - 1; j >= 0; j--) {
    const o = raw[j];
    if (r.start - o.end > 60 || newSentenceIn(text, o.end, r.start)) return false;
    if (m.entryCompany[o.entry] === company && (m.entryFlags[o.entry] & FLAG_SYMBOL) === 0) return true;
  }
  return false;
}

