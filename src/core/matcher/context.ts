import { FLAG_AMBIGUOUS, FLAG_TICKER } from './entries';
import { FIRST_NAMES } from './first-names';
import { atSentenceStart, formerlyBefore, isLowerCode, isQuoteCode, titleLikeWords, isUpperCode, listSeparator, numberedAt, possessiveWord, sentenceAround, sentenceBreakIn, wordBefore } from './text-around';
import type { CompiledMatcher } from './compile';
import { phraseAt, phraseBefore, phraseWithin, skipSpaceAnd, skipSpaceAndBack } from './phrases';
import { notAMention, singleLetterInName, surnameAfter } from './not-a-mention';
import type { RawMatch } from './scan';
import { businessNounAfter, capitalisedWordAfter, letterNeighbour, lowerCaseWordNextTo, modelCodeAt, subjectCue, windowHasBusinessWord } from './word-cues';
import { SUFFIX, NOT_AFTER, MISSION_WORDS, MAKER_PRODUCTS_NEARBY, VERB_NAMES, OTHER_SENSE_NEARBY, MAKER_PRODUCTS, NOT_BEFORE, DETERMINERS, FUNCTION_WORDS, HYPHEN_COMPOUND, DATE_WORDS } from './cue-words';

/**
 * Ambiguous names (Apple, Amazon, Square, X...) are only companies when the text around them says
 * so; the cue words are in `cue-words.ts`. All the work here is per raw match, on a few dozen
 * characters around it: nothing scans the whole text, so the cost grows with the number of
 * candidate names, not with the text.
 */
/** A Title Case line of this many words or more is a headline, not a menu item. */
const HEADLINE_WORDS = 5;

export interface ContextState {
  /** Unambiguous company mentions seen so far on this page: a page full of companies is about business. */
  strongMentions: number;
  /** Companies already confirmed on this page (by an unambiguous name, a ticker or a context cue). */
  confirmed: Set<number>;
  /** Those of SENSE_NAMES seen on this page ("nintendo"): they give other names their other sense. */
  senses: Set<string>;
}

export function newContextState(): ContextState {
  return { strongMentions: 0, confirmed: new Set(), senses: new Set() };
}

/**
 * Keep the raw matches that are companies; drop ambiguous ones whose context says otherwise.
 * `undecided`, when given, collects the ambiguous ones dropped only for want of evidence (no cue
 * against them either): a page that later confirms the company ("Apple said…") takes them back
 * ("Apple Watch" in its menu).
 */
export function resolveContext(m: CompiledMatcher, text: string, raw: RawMatch[], state: ContextState, undecided?: RawMatch[]): RawMatch[] {
  const real: RawMatch[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (!notAMention(m, text, raw, i, state)) real.push(raw[i]);
  }
  // Unambiguous names and tickers first: they are context for the ambiguous ones in the same text.
  for (const r of real) {
    const flags = m.entryFlags[r.entry];
    if ((flags & FLAG_AMBIGUOUS) === 0) {
      state.strongMentions++;
      state.confirmed.add(m.entryCompany[r.entry]);
    }
    if ((flags & FLAG_TICKER) !== 0) state.confirmed.add(m.entryCompany[r.entry]);
  }
  const kept: RawMatch[] = [];
  let titleWords: number | null = null;
  for (let k = 0; k < real.length; k++) {
    const r = real[k];
    if ((m.entryFlags[r.entry] & FLAG_AMBIGUOUS) === 0) {
      kept.push(r);
      continue;
    }
    const company = m.entryCompany[r.entry];
    // "Subscribe to WIRED and…": a name in capitals inside a sentence in lower case is the name as
    // its owner styles it; in a line of capitals (a menu, a shouted headline) it says nothing.
    if (r.capitals) {
      if (lowerCaseWordNextTo(text, r.start, r.end)) {
        state.confirmed.add(company);
        kept.push(r);
      }
      continue;
    }
    const name = text.slice(r.start, r.end).toLowerCase();
    const notAfter = NOT_AFTER[name];
    const sepEnd = skipSpaceAnd(text, r.end, '-');
    if (notAfter && sepEnd > r.end && phraseAt(text, sepEnd, notAfter, true)) continue;
    if (text.charCodeAt(r.end) === 0x20 && phraseAt(text, r.end + 1, MISSION_WORDS, true)) continue;
    const maker = MAKER_PRODUCTS[name];
    // "Apple Watch", "Suzuki GZ125", "Nikon Z6": the maker's product line or model; the maker is the mention.
    const nearby = MAKER_PRODUCTS_NEARBY[name];
    const makersProduct =
      (text.charCodeAt(r.end) === 0x20 && ((maker !== undefined && phraseAt(text, r.end + 1, maker)) || modelCodeAt(text, r.end + 1))) ||
      (nearby !== undefined && phraseWithin(sentenceAround(text, r.start, r.end), nearby));
    const beforeEnd = skipSpaceAndBack(text, r.start, '-');
    if (!makersProduct && beforeEnd < r.start && phraseBefore(text, beforeEnd, NOT_BEFORE) >= 0) continue;
    const hasSuffix = phraseAt(text, skipSpaceAnd(text, r.end, ','), SUFFIX);
    const hyphen = text.charCodeAt(r.end) === 0x2d;
    const compound = hyphen && phraseAt(text, r.end + 1, HYPHEN_COMPOUND);
    const otherSense = OTHER_SENSE_NEARBY[name];
    if (!hasSuffix && otherSense && phraseWithin(sentenceAround(text, r.start, r.end), otherSense, true)) continue;
    // "Uber-rich", "Sky-high", "Front-line": a prefix or an adjective, not a name.
    if (!compound && hyphen && isLowerCode(text.charCodeAt(r.end + 1))) continue;
    // "Figure 3", "Switch 2": a numbered thing.
    if (numberedAt(text, r.end)) continue;

    titleWords ??= titleLikeWords(text, r.start, r.end);
    const titleLike = titleWords > 0;
    // A headline in Title Case ("Mystery Creature With Square Head Featured in…"): every word is
    // capitalised, so a page full of companies says nothing about one of its words (a menu item
    // of three words, "Yahoo Browns News", still goes by the page).
    const headline = titleWords >= HEADLINE_WORDS;
    // "on Track to Zoom Past Earth": in a headline, a name that is also a verb, after "to", is the verb.
    if (titleLike && VERB_NAMES.has(name) && wordBefore(text, r.start)?.word === 'to') continue;
    // "Ezra Acayan / Getty Images": a company named like a first name, then a surname, is a person.
    if (FIRST_NAMES.has(text.slice(r.start, r.end)) && surnameAfter(text, r.end, real[k + 1], titleLike)) continue;
    // "OS X", "iPhone X", "Mortal Kombat X", "X-Men": a letter that ends or starts a longer name.
    if (r.end - r.start === 1 && singleLetterInName(text, r.start, r.end, k > 0 ? real[k - 1] : undefined)) continue;
    // "W | X | Y", "X, Y, Z": a letter among letters.
    if (r.end - r.start === 1 && letterNeighbour(text, r.start, r.end)) continue;
    // A letter that is all the text there is: a close button, an icon's label.
    if (r.end - r.start === 1 && text.trim().length === 1) continue;
    // "Magic Keyboard", "Switch Lite", "X Share": with a capitalised word right after, the name is
    // the first word of a longer proper noun (a product, a feature, a button), not the company,
    // unless the page names the company elsewhere ("Apple Pay" on a page about Apple).
    if (!titleLike && !hasSuffix && !makersProduct && !state.confirmed.has(company) && capitalisedWordAfter(text, r.end, real[k + 1])) {
      undecided?.push(r);
      continue;
    }
    const prev = wordBefore(text, r.start);
    const startOfSentence = atSentenceStart(text, r.start);
    // "the Dubai-based Emirates", "London-based Arm": only an organisation is based somewhere.
    const based = prev !== null && /-based$/i.test(prev.word);
    if (!hasSuffix && !compound && !based && prev) {
      const pw = prev.word.toLowerCase();
      // "the Amazon", "an X", "the Nasdaq": the ordinary word, a place or an index.
      if (DETERMINERS.has(pw) && !makersProduct && !businessNounAfter(text, r.end)) continue;
      // "Evan Spiegel", "Times Square", "Series X": part of a longer proper noun.
      const afterCompany = k > 0 && real[k - 1].end >= prev.at + prev.word.length - 1;
      // "Nintendo Switch", "Amazon Echo": right after its maker's name, a word is the maker's product.
      if (afterCompany && !possessiveWord(prev.word) && r.start - real[k - 1].end <= 1) continue;
      if (!titleLike && isUpperCode(prev.word.charCodeAt(0)) && !possessiveWord(prev.word) && !afterCompany && !DATE_WORDS.has(pw)) {
        const initial = atSentenceStart(text, prev.at);
        if (!initial || !FUNCTION_WORDS.has(pw)) continue;
      }
    }

    const formerly =
      formerlyBefore(text, r.start) ||
      phraseAt(text, skipSpaceAnd(text, text[r.end] === ',' ? r.end + 1 : r.end), ['formerly', 'previously'], true);
    const listed = listedWith(text, real, k, m);
    let isCompany: boolean;
    if (hasSuffix || compound || formerly || makersProduct || based || state.confirmed.has(company)) {
      isCompany = true;
    } else if (startOfSentence && !titleLike) {
      // Every word is capitalised here: only what follows the name tells a company from a word.
      const cue = subjectCue(text, r.end);
      const business = windowHasBusinessWord(text, r.start - 120, r.end + 120);
      if (cue === 'company') isCompany = true;
      else if (listed === 'strong') isCompany = true;
      else if (cue === 'weak' || listed === 'weak' || (text[r.end] === ',' && phraseAt(text, skipSpaceAnd(text, r.end + 1), ['which', 'whose']))) {
        isCompany = business || companyInSentence(text, r, real, kept, m);
      }
      else isCompany = false;
    } else {
      // A capitalised word inside a sentence is a proper noun; the text around says whose.
      isCompany =
        listed !== 'none' ||
        companyInSentence(text, r, real, kept, m) ||
        subjectCue(text, r.end) !== 'none' ||
        windowHasBusinessWord(text, r.start - 120, r.end + 120) ||
        businessNounAfter(text, r.end) ||
        (state.strongMentions >= 3 && !headline);
    }
    if (!isCompany) {
      undecided?.push(r);
      continue;
    }
    state.confirmed.add(company);
    kept.push(r);
  }
  return kept;
}

/**
 * Whether the name stands in a list with another company name ("Visa and Mastercard",
 * "Amazon, Microsoft and Google"): 'strong' next to an unambiguous name, 'weak' next to another
 * ambiguous one.
 */
function listedWith(text: string, raw: RawMatch[], k: number, m: CompiledMatcher): 'strong' | 'weak' | 'none' {
  let best: 'strong' | 'weak' | 'none' = 'none';
  const check = (a: RawMatch, b: RawMatch, other: RawMatch) => {
    let from = a.end;
    if (isQuoteCode(text.charCodeAt(from))) from += text[from + 1] === 's' ? 2 : 1;
    if (b.start - from > 20 || !listSeparator(text, from, b.start)) return;
    const strong = (m.entryFlags[other.entry] & FLAG_AMBIGUOUS) === 0;
    if (strong) best = 'strong';
    else if (best === 'none') best = 'weak';
  };
  if (k > 0) check(raw[k - 1], raw[k], raw[k - 1]);
  if (k + 1 < raw.length) check(raw[k], raw[k + 1], raw[k + 1]);
  return best;
}

/** Whether another company (an unambiguous name, or an ambiguous one already kept) is in the same sentence. */
function companyInSentence(text: string, r: RawMatch, raw: RawMatch[], kept: RawMatch[], m: CompiledMatcher): boolean {
  const near = (o: RawMatch) => {
    if (o === r || Math.abs(o.start - r.start) > 160) return false;
    const a = Math.min(o.end, r.end);
    const b = Math.max(o.start, r.start);
    return a >= b || !sentenceBreakIn(text, a, b);
  };
  for (const o of raw) if ((m.entryFlags[o.entry] & FLAG_AMBIGUOUS) === 0 && near(o)) return true;
  for (const o of kept) if (near(o)) return true;
  return false;
}
