// Dictionaries of N patterns ("names": company names, aliases and ticker forms, each one pattern of
// the matcher) for the benchmark: the bundled dataset first, in its own order, then generated
// company names when the dataset runs out. Deterministic: the same seed gives the same names.

import { seededRandom } from '../harness/seeded-random.mjs';

const SYLLABLES = (
  'ka lo ri ven tor mi sa qua zen del or bri nex vo lu tra fi cor da mon ex is al ter gen ro pha ly quin sol ' +
  'ar bel cy dor el fen gal hal ix jan kel lum mar nor ol pel quar ras sen tal ul var wen xen yor zir ston ' +
  'vex trin ael cas dra fly gri hon ivo jul kor lex myr nav oph pix rho syn tek umb vio wyl zo nu ki'
).split(' ');
const WORDS = (
  'Blue North Summit Global First Green River Pacific Atlas Silver Red Bright Clear Open Union Pioneer Harbor ' +
  'Eagle Liberty Granite Frontier Golden Meridian Vertex Crown Apex Horizon Cedar Oak Stone Iron Star Sun Ocean ' +
  'Alpine Prime United National American Digital Quantum Smart New Western Eastern Southern Coastal Royal Metro ' +
  'Pinnacle Beacon Keystone Sterling Evergreen Lakeside Highland Falcon Phoenix Orbit Nova Vector Signal Bridge'
).split(' ');
const SUFFIXES = (
  'Labs Systems Capital Technologies Holdings Partners Group Networks Software Bio Therapeutics Energy Robotics ' +
  'AI Analytics Ventures Media Health Pay Security Cloud Data Games Logistics Foods Motors Semiconductor ' +
  'Financial Insurance Pharma Industries Solutions Dynamics Devices Mobility Materials Interactive Studios Bank'
).split(' ');


/** An endless, deterministic stream of plausible company names. */
export function* generatedNames(seed = 20261129) {
  const rnd = seededRandom(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const invented = () => {
    const n = 2 + (rnd() < 0.35 ? 1 : 0);
    let w = '';
    for (let i = 0; i < n; i++) w += pick(SYLLABLES);
    return w[0].toUpperCase() + w.slice(1);
  };
  for (;;) {
    const r = rnd();
    if (r < 0.3) yield invented(); // Velorix
    else if (r < 0.65) yield `${invented()} ${pick(SUFFIXES)}`; // Quorinta Labs
    else if (r < 0.8) yield `${pick(WORDS)} ${invented()}`; // Summit Kelvora
    else if (r < 0.9) yield `${pick(WORDS)} ${pick(SUFFIXES)}`; // North Capital
    else yield `${pick(WORDS)} ${pick(WORDS)} ${pick(SUFFIXES)}`; // Blue Harbor Partners
  }
}

/** Close to the matcher's folding (lower case, accents off, spaces collapsed), for de-duplication. */
const keyOf = (s) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').trim();

/**
 * A dictionary of exactly `size` distinct patterns: matcher entries (`{pattern, company, flags}`)
 * and company ids, compiled and serialized. `core` is build.mjs's loadCore().
 */
export function makeDictionary(core, companies, size) {
  const ids = [];
  const entries = [];
  const seen = new Set();
  let datasetCompanies = 0;
  for (let i = 0; i < companies.length && entries.length < size; i++) {
    let added = 0;
    for (const e of core.companyEntries(companies[i], i)) {
      if (entries.length >= size) break;
      const k = keyOf(e.pattern);
      if (seen.has(k)) continue;
      seen.add(k);
      entries.push({ ...e, company: ids.length });
      added++;
    }
    if (added > 0) {
      ids.push(companies[i].id);
      datasetCompanies++;
    }
  }
  const datasetPatterns = entries.length;
  const gen = generatedNames();
  while (entries.length < size) {
    const name = gen.next().value;
    const k = keyOf(name);
    if (seen.has(k)) continue;
    seen.add(k);
    entries.push({ pattern: name, company: ids.length, flags: 0 });
    ids.push(`gen-${ids.length}`);
  }
  return { size, entries, ids, datasetCompanies, datasetPatterns, generated: size - datasetPatterns };
}

/** Escape for a RegExp source. */
export const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * mark.js's markRegExp input: one alternation of every pattern, longest first (so that
 * "Microsoft Azure" wins over "Microsoft"), standing as whole words. Flags `gi`: ASCII word
 * edges and no `u` flag, the cheapest form V8 runs (Tieline's edges are Unicode-aware; this errs in
 * mark.js's favour).
 */
export function bigRegExpSource(patterns) {
  const sorted = [...patterns].sort((a, b) => b.length - a.length);
  return `(?<![A-Za-z0-9])(?:${sorted.map(escapeRe).join('|')})(?![A-Za-z0-9])`;
}
