import { FLAG_AMBIGUOUS, FLAG_CAPITAL, FLAG_TICKER } from './entries';
import {
  atSentenceStart, formerlyBefore, insideAddress, isLowerCode, isQuoteCode, isTitleLike, isUpperCode, listSeparator, normWord,
  numberedAt, possessiveAt, possessiveWord, sentenceAround, sentenceBreakIn, someWord, wordBefore, wordsAfter, writtenLower,
} from './text-around';
import type { CompiledMatcher } from './compile';
import { phraseAt, phraseBefore, phraseWithin, skipSpaceAnd, skipSpaceAndBack } from './phrases';
import type { RawMatch } from './scan';

/**
 * Ambiguous names (Apple, Amazon, Square, X...) are only companies when the text around them says
 * so. These cue lists are deliberately short and readable; the labelled sentences in
 * test/unit/fixtures decide whether a change to them is an improvement.
 *
 * All the work here is per raw match, on a few dozen characters around it: nothing scans the
 * whole text, so the cost grows with the number of candidate names, not with the text.
 */
const BUSINESS_WORDS = wordSet(`
  ceo cfo cto chief executive founder cofounder co-founder company companies firm startup start-up
  startups shares share stock stocks investors investor investment invested invests funding raised
  valuation ipo revenue revenues profit earnings quarter quarterly billion million trillion
  acquisition acquired acquire acquires merger deal deals contract partnership partnered cloud
  data center datacenter chips chip ai software app apps platform platforms launched launches
  announced announces unveiled customers users subscribers market markets analysts antitrust
  regulators lawsuit sued employees layoffs hiring tech technology device devices smartphone
  iphone ipad mac android browser servers gpu gpus model models subsidiary brand brands product
  products services service retailer retail e-commerce ecommerce inc corp corporation ltd llc plc
  nasdaq nyse spokesperson spokeswoman spokesman executives shareholders staff jobs job cuts sales
  sold forecast outlook estimates guidance stores shoppers payments payment pay outage memo
  bookings listing listed valuation fees fee prices price buyback dividend margins advertisers
  advertising ads carriers airline airlines flights refining oil gas royalty royalties licensing
  licence license round series seed stake profits sales enterprise passengers cancellations
  accounts
`);

/** A cue list written as one space-separated string. */
const wordList = (s: string) => s.split(' ');
/** A set of cue words written as free text (any spacing). */
function wordSet(text: string): Set<string> {
  return new Set(text.trim().split(/\s+/));
}
/** Company suffixes after a name (as written): "Oracle Corp.", "Block, Inc.". */
const SUFFIX = wordList('Inc Corp Corporation Ltd LLC plc PLC Co. Group Holdings');

/** Words that, right after an ambiguous name (any case), say it is not the company. */
const NOT_AFTER: Record<string, string[]> = {
  amazon: [...wordList('rainforest river basin jungle region forest tribe tribes delta warrior warriors women parrot'), 'rain forest'],
  apple: wordList('pie pies juice tree trees orchard orchards cider sauce seed seeds crumble tart cake picking blossom grower growers'),
  square: wordList('feet foot meters metres miles mile kilometers kilometres inch inches yards root one dancing dance'),
  target: wordList('audience audiences market date price prices range group groups area areas practice'),
  delta: wordList('variant region wave force'),
  shell: wordList('script scripts game company companies shock'),
  box: ['office'],
};
/** Words in the same sentence (any case) that give a name its ordinary sense ("the Amazon is a river"). */
const OTHER_SENSE_NEARBY: Record<string, string[]> = {
  amazon: [...wordList("river rainforest jungle basin tribe tribes indigenous deforestation brazil's peru's"), 'rain forest'],
  apple: wordList('fruit fruits pie orchard orchards cider juice apples baked bake peel eat ate'),
  oracle: wordList('delphi prophecy prophet ancient greek omaha'),
  square: [...wordList('plaza feet metres meters kilometres kilometers'), 'town square', 'city square', 'public square'],
  shell: wordList('beach turtle snail egg oyster crab'),
  delta: wordList('river mekong nile mississippi estuary marsh variant'),
  switch: [...wordList('nintendo pokemon pokémon console consoles joy-con mario zelda gaming gamers'), 'video game', 'video games'],
};

/**
 * The maker's own product lines and words for its customers: "Apple Watch", "an Apple device",
 * "Amazon Prime". By the product-name rule the maker's part is a company mention.
 */
const MAKER_PRODUCTS: Record<string, string[]> = {
  apple: wordList('Watch TV Music Pay iPad iPhone Mac MacBook iMac AirPods Store Arcade Card Vision Pencil Maps News Intelligence Silicon HomePod device devices users fans products stores'),
  amazon: [...wordList('Prime Echo Alexa Music Kindle Fire Fresh Basics Go Key Luna Pharmacy Ads shoppers sellers warehouse warehouses'), 'Web Services'],
};

/** Capitalised words that may follow a company's name without making it part of a longer name ("Apple CEO"). */
const AFTER_NAME_OK = new Set(wordList('CEO CFO CTO COO CMO CPO Chief President Chairman Chairwoman Founder Inc Corp Corporation Co Ltd LLC PLC Group Holdings'));

/** The words before (as written), for names that are also parts of place names and product names. */
const NOT_BEFORE = [
  ...wordList('Times Red Union Washington Tiananmen Trafalgar One Series Big Mekong Nile Mississippi Peruvian Brazilian'),
  ...wordList('Generation Project Planet Malcolm Gen'),
  'the letter',
];

/**
 * Verbs that make a name at the start of a sentence the subject of a business sentence.
 * Strong ones are enough on their own ("Block cut 1,000 jobs"); weak ones also need a business
 * word nearby ("Apple fell 2%" yes, "Acorns fell from the trees" no).
 */
const STRONG_VERBS = wordSet(`
  said says reported announced announces unveiled unveils launched launches acquired acquires
  agreed agrees signed raised sued hired priced released introduced introduces partnered invested
  invests planned cut posted delivered named confirmed denied declined disclosed discloses settled
  filed licensed laid debuted expanded recalled shipped topped beat missed told wrote owns
  acquiring buying selling removed banned suspended restricted struck
`);
// Weak verbs include nouns too ("Neon signs", "Sharp declines"): only with a business word nearby.
const WEAK_VERBS = wordSet(`
  rose fell gained lost jumped dropped slid plunged soared surged climbed sank tumbled rallied
  slipped added won opened closed led joined bought sold doubled tripled halved expects expected
  grew makes made sells offers offered builds built runs ran spent spends paid pays employs
  employed reached hit became provides reports signs raises sues hires prices releases partners
  plans cuts posts delivers names confirms denies declines settles files licenses debuts expands
  recalls ships tops beats misses tells writes
`);
/** After "is", "will", "has"...: the verb that follows decides ("Target will close stores", not "Time will tell"). */
const AUXILIARIES = new Set('is was has had will would could may might plans aims wants hopes'.split(' '));
const BASE_VERBS = wordSet(`
  buy sell cut close open launch invest acquire raise pay spend build offer release hire list
  carry move report announce expand add start stop begin shut sue appeal partner host supply use
  unveil sign become been bought sold cut closed opened launched invested acquired raised paid
  spent built offered released hired listed moved reported announced expanded added started
  stopped shut sued signed agreed lost won grown fallen risen
`);
const PASSIVE_BUSINESS = new Set('investigated probed fined valued courted targeted sold bought'.split(' '));
const NOT_BUSINESS_ING = new Set('being going running getting coming having doing'.split(' '));
/** Nouns that, right after a name, make it a company: "Uber drivers", "Oracle co-founder", "Snap shares". */
const ROLE_NOUNS = wordSet(`
  shares share stock stake chief ceo cfo cto coo president founder founders co-founder cofounder
  executive executives employees staff workers drivers users customers shareholders spokesperson
  spokeswoman spokesman rival rivals supplier suppliers maker unit division subsidiary board boss
  sellers merchants engineers researchers chairman chairwoman owner investor analysts
`);
/** After these, a capitalised name is the ordinary word or a longer proper noun: "the Amazon", "an X". */
const DETERMINERS = new Set(['the', 'a', 'an']);
/** Sentence-initial words that are not part of a name before an ambiguous one. */
const FUNCTION_WORDS = wordSet(`
  the a an in at on for but and or when after before as if while with by from to of that this
  these those why how what where who it its his her their our we i you they he she then so also
  still yet only even
`);
/** Lower-case words after "Name-" that make a business compound: "Amazon-owned", "Google-backed". */
const HYPHEN_COMPOUND = wordList(
  'owned backed funded led based made built designed branded powered run operated controlled affiliated supported ' +
    'sponsored linked related focused specific exclusive compatible style like only listed hosted',
);
export interface ContextState {
  /** Unambiguous company mentions seen so far on this page: a page full of companies is about business. */
  strongMentions: number;
  /** Companies already confirmed on this page (by an unambiguous name, a ticker or a context cue). */
  confirmed: Set<number>;
}

export function newContextState(): ContextState {
  return { strongMentions: 0, confirmed: new Set() };
}


function windowHasBusinessWord(text: string, from: number, to: number): boolean {
  return someWord(text, Math.max(0, from), Math.min(text.length, to), (w) => BUSINESS_WORDS.has(normWord(w)));
}

/** What the words right after a sentence-initial name say: 'company', 'weak' (needs more) or 'none'. */
function subjectCue(text: string, end: number): 'company' | 'weak' | 'none' {
  const possessive = possessiveAt(text, end);
  const words = wordsAfter(text, possessive ? end + (text[end + 1] === 's' ? 2 : 1) : end, 3);
  if (possessive) return 'weak';
  const w0 = words[0]?.toLowerCase();
  if (w0 === undefined) return 'none';
  if (words[0] === ',') return 'none';
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
    if (w1 === 'not' || w1 === 'also' || w1 === 'now' || w1 === 'still') {
      const w2 = words[2]?.toLowerCase();
      if (w2 && (BASE_VERBS.has(w2) || STRONG_VERBS.has(w2) || (w2.endsWith('ing') && !NOT_BUSINESS_ING.has(w2)))) return 'company';
    }
  }
  return 'none';
}

/**
 * Keep the raw matches that are companies; drop ambiguous ones whose context says otherwise.
 * `undecided`, when given, collects the ambiguous ones dropped only for want of evidence (no cue
 * against them either): a page that later confirms the company ("Apple said…") takes them back
 * ("Apple Watch" in its menu).
 */
export function resolveContext(m: CompiledMatcher, text: string, raw: RawMatch[], state: ContextState, undecided?: RawMatch[]): RawMatch[] {
  // Names inside web addresses and names written in lower case are not mentions.
  const real: RawMatch[] = [];
  for (const r of raw) {
    const flags = m.entryFlags[r.entry];
    if (insideAddress(text, r.start, r.end)) continue;
    if ((flags & (FLAG_TICKER | FLAG_CAPITAL)) === FLAG_CAPITAL && writtenLower(text, r.start, r.end)) continue;
    real.push(r);
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
  let titleLike: boolean | null = null;
  for (let k = 0; k < real.length; k++) {
    const r = real[k];
    if ((m.entryFlags[r.entry] & FLAG_AMBIGUOUS) === 0) {
      kept.push(r);
      continue;
    }
    const company = m.entryCompany[r.entry];
    const name = text.slice(r.start, r.end).toLowerCase();
    const notAfter = NOT_AFTER[name];
    const sepEnd = skipSpaceAnd(text, r.end, '-');
    if (notAfter && sepEnd > r.end && phraseAt(text, sepEnd, notAfter, true)) continue;
    const maker = MAKER_PRODUCTS[name];
    const makersProduct = maker !== undefined && text.charCodeAt(r.end) === 0x20 && phraseAt(text, r.end + 1, maker);
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

    titleLike ??= isTitleLike(text, r.start, r.end);
    // "W | X | Y", "X, Y, Z": a letter among letters.
    if (r.end - r.start === 1 && letterNeighbour(text, r.start, r.end)) continue;
    // "Magic Keyboard", "Switch Lite", "X Share": with a capitalised word right after, the name is
    // the first word of a longer proper noun (a product, a feature, a button), not the company,
    // unless the page names the company elsewhere ("Apple Pay" on a page about Apple).
    if (!titleLike && !hasSuffix && !makersProduct && !state.confirmed.has(company) && capitalisedWordAfter(text, r.end, real[k + 1])) {
      undecided?.push(r);
      continue;
    }
    const prev = wordBefore(text, r.start);
    const startOfSentence = atSentenceStart(text, r.start);
    if (!hasSuffix && !compound && prev) {
      const pw = prev.word.toLowerCase();
      // "the Amazon", "an X", "the Nasdaq": the ordinary word, a place or an index.
      if (DETERMINERS.has(pw) && !makersProduct && !businessNounAfter(text, r.end)) continue;
      // "Evan Spiegel", "Times Square", "Series X": part of a longer proper noun.
      const afterCompany = k > 0 && real[k - 1].end >= prev.at + prev.word.length - 1;
      // "Nintendo Switch", "Amazon Echo": right after its maker's name, a word is the maker's product.
      if (afterCompany && !titleLike && !possessiveWord(prev.word) && r.start - real[k - 1].end <= 1) continue;
      if (!titleLike && isUpperCode(prev.word.charCodeAt(0)) && !possessiveWord(prev.word) && !afterCompany) {
        const initial = atSentenceStart(text, prev.at);
        if (!initial || !FUNCTION_WORDS.has(pw)) continue;
      }
    }

    const formerly =
      formerlyBefore(text, r.start) ||
      phraseAt(text, skipSpaceAnd(text, text[r.end] === ',' ? r.end + 1 : r.end), ['formerly', 'previously'], true);
    const listed = listedWith(text, real, k, m);
    let isCompany: boolean;
    if (hasSuffix || compound || formerly || makersProduct || state.confirmed.has(company)) {
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
        state.strongMentions >= 3;
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

/** Nouns that, right after a name with "the" or "a" before it, make it a business ("a Jaguar dealership"). */
const OWNED_NOUNS = wordSet(`
  dealership dealerships factory factories plant plants headquarters campus warehouse warehouses
  workers engineers boss owner owners executive chairman shareholder
`);

/** The word right after the name is a business noun: "the Apple store", "a Jaguar dealership". */
function businessNounAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x20) return false;
  const word = wordsAfter(text, end, 1)[0]?.toLowerCase();
  return word !== undefined && (BUSINESS_WORDS.has(word) || OWNED_NOUNS.has(word));
}

/** A capitalised word right after `end` (one space between) that is not a company name or a title ("Apple CEO"). */
function capitalisedWordAfter(text: string, end: number, next: RawMatch | undefined): boolean {
  if (text.charCodeAt(end) !== 0x20 || !isUpperCode(text.charCodeAt(end + 1))) return false;
  if (next && next.start === end + 1) return false;
  const word = wordsAfter(text, end, 1)[0];
  return word !== undefined && !AFTER_NAME_OK.has(word.replace(/\.$/, ''));
}

/** A single letter with another single letter beside it (an alphabet index, a list of grades). */
function letterNeighbour(text: string, start: number, end: number): boolean {
  const isLetter = (i: number) => i >= 0 && i < text.length && (isUpperCode(text.charCodeAt(i)) || isLowerCode(text.charCodeAt(i)));
  const sep = (c: string) => c === ' ' || c === '|' || c === ',' || c === '/' || c === '·' || c === '-';
  let i = start - 1;
  while (i >= 0 && sep(text[i])) i--;
  if (i < start - 1 && isLetter(i) && !isLetter(i - 1)) return true;
  let j = end;
  while (j < text.length && sep(text[j])) j++;
  return j > end && isLetter(j) && !isLetter(j + 1);
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
