// Which company names are also ordinary words, places, people's names or generic phrases, and so
// must be listed in a record's `ambiguous` (see src/data/SOURCES-companies.md, "Ambiguity rules").
// Word lists: /usr/share/dict/words (Debian package wamerican), and tools/data/wordlists/.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const DICT = process.env.TIELINE_DICT ?? '/usr/share/dict/words';
if (!existsSync(DICT)) throw new Error(`${DICT} is missing: apt-get install -y wamerican`);

const listFile = (f) =>
  readFileSync(join(here, 'wordlists', f), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const dictLines = readFileSync(DICT, 'utf8').split('\n').filter((w) => w && !w.endsWith("'s"));
/** Ordinary words: the dictionary's lower-case entries (its capitalised ones are proper nouns, brands among them). */
const words = new Set(dictLines.filter((w) => w === w.toLowerCase()));
/**
 * The larger word list (Debian package wamerican-large), for records added in bulk, whose names are
 * rarely famous brands: "Penumbra", "Frontline", "Capstone" are ordinary words it has and the small one lacks.
 */
const LARGE = '/usr/share/dict/american-english-large';
const largeWords = existsSync(LARGE)
  ? new Set(readFileSync(LARGE, 'utf8').split('\n').filter((w) => w && w === w.toLowerCase() && !w.endsWith("'s")))
  : null;
/** The dictionary's capitalised entries: places, people, myths, and some famous brands. */
const properNouns = new Set(dictLines.filter((w) => w !== w.toLowerCase()).map((w) => w.toLowerCase()));
const lower = (list) => new Set(list.map((s) => s.toLowerCase()));
const places = lower(listFile('places.txt'));
const names = lower(listFile('names.txt'));
const generic = lower(listFile('generic.txt'));
const foreign = lower(listFile('foreign-words.txt'));
const exceptions = new Set(listFile('not-ambiguous.txt'));
/** Words after which a name is a company's rather than a phrase: "Fortune Brands", "Match Group". */
const DESIGNATORS = lower(
  ('Inc Corp Corporation Company Co Companies Ltd Limited LLC LP PLC Group Holdings Holding Brands Bancorp Bancshares ' +
    'Bankshares Technologies Therapeutics Pharmaceuticals Biosciences Biotherapeutics Laboratories Labs Airlines ' +
    'Enterprises Industries Motors Semiconductor Semiconductors Software Networks Systems Communications Entertainment ' +
    'Studios Ventures Partners Capital Financial Realty Properties Resources Petroleum Insurance Solutions Technology ' +
    'Pharma Biopharma Bio Healthcare Brewing Foods Apparel Aerospace Robotics Logistics Telecom Airways Railroad ' +
    'Railway Electronics Devices Instruments Microsystems Biologics Oncology Genomics Diagnostics Medical Energy ' +
    'Materials Chemicals Minerals Mining Gold Metals Steel Motor Automotive Interactive Games Gaming Media Pictures ' +
    'Research Security Computing Computer Space Machines Lab Center Services Management Fund Global News Times Journal ' +
    'Post Press Mail Telegraph Music Pizza Retailing Retail Exchange Brokers Mortgage Mobile Display Identity Logic ' +
    'Graphics Innovation Motion Trust Institute Associates Advisers Advisors Investments Engine Hardware Wire Tower ' +
    'Market Markets Sciences Scientific Platforms Blockchain Electric Aviation Bank Health International Hotels Resorts ' +
    'Medicine Therapeutics Pharmaceutical Biotherapeutics Bancorporation Financial Midstream Royalty Shipping Tankers').split(' '),
);
const FILLER = new Set(['of', 'and', '&', 'the', 'for', 'de', 'a', 'an', 'in', 'on', 'at', 'to']);

const clean = (t) => t.replace(/^[("'“‘]+|[)"'”’.,!?:;]+$/g, '').replace(/['’]s$/i, '');

/**
 * Single-word names of companies already in the dataset ("Google", "Amazon", "Toyota"): inside a
 * longer name they make it a company's ("Google Cloud", "Toyota Motor"), whatever else they mean.
 */
const brands = new Set();
export function addBrandWords(list) {
  for (const n of list) if (!/\s/.test(n.trim()) && !generic.has(n.trim().toLowerCase())) brands.add(n.trim().toLowerCase());
}

/**
 * One word of a longer name that is ordinary English or generic. Places and people's names count
 * only as whole names: "Palo Alto Networks" and "Morgan Stanley" are no everyday phrases.
 */
export function commonWord(token) {
  const c = clean(token);
  const t = c.toLowerCase();
  if (t === '') return true;
  // Acronyms ("ON Semiconductor", "MS NOW") and single letters ("Seven & i") are no ordinary words.
  if (/^[A-Z0-9]{2,}$/.test(c) || (t.length === 1 && t !== 'a' && t !== '&')) return false;
  if (brands.has(t)) return false;
  return words.has(t) || foreign.has(t) || generic.has(t) || FILLER.has(t);
}

/**
 * Why a name is ambiguous ('' when it is not): for the review log. `properNouns`: also count the
 * dictionary's capitalised entries (used for imported listings, whose names are rarely famous brands:
 * there such an entry is a place or a person; the famous brands are hand-made records).
 */
export function ambiguityReason(name, { properNouns: useProper = false, large = false } = {}) {
  if (large && !largeWords) throw new Error(`${LARGE} is missing: apt-get install -y wamerican-large`);
  const n = name.trim();
  if (exceptions.has(n)) return '';
  const lowerName = clean(n).toLowerCase();
  if (words.has(lowerName)) return 'word';
  if (foreign.has(lowerName)) return 'word (other language)';
  if (large && largeWords.has(lowerName)) return 'word (large list)';
  if (places.has(lowerName)) return 'place';
  if (names.has(lowerName)) return 'person name';
  if (generic.has(lowerName)) return 'generic';
  if (useProper && properNouns.has(lowerName)) return 'proper noun';
  const tokens = n.split(/[\s/]+/).filter(Boolean);
  if (tokens.length === 1) {
    // "Match.com" style names and numbers are not words; "3M" is not a word.
    return '';
  }
  if (!tokens.every(commonWord)) return '';
  // All words common: a phrase, unless a designator follows a word that is not generic ("Fortune Brands").
  const last = clean(tokens[tokens.length - 1]).toLowerCase();
  if (DESIGNATORS.has(last)) {
    const before = tokens.slice(0, -1).map((t) => clean(t).toLowerCase()).filter((t) => !FILLER.has(t));
    if (before.some((t) => !generic.has(t))) return '';
    return 'generic phrase';
  }
  return 'common words';
}

export const isAmbiguous = (name) => ambiguityReason(name) !== '';
