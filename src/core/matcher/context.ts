import { FLAG_AMBIGUOUS, FLAG_TICKER } from './entries';
import type { CompiledMatcher } from './compile';
import type { RawMatch } from './scan';

/**
 * Ambiguous names (Apple, Amazon, Square, X...) are only companies when the text around them says
 * so. These cue lists are deliberately short and readable; the labelled sentences in
 * test/unit/fixtures decide whether a change to them is an improvement.
 */
const BUSINESS_WORDS = new Set(
  ('ceo cfo cto chief executive founder cofounder co-founder company companies firm startup start-up startups ' +
    'shares share stock stocks investors investor investment invested invests funding raised valuation ipo ' +
    'revenue revenues profit earnings quarter quarterly billion million trillion acquisition acquired acquire ' +
    'acquires merger deal deals contract partnership partnered cloud data center datacenter chips chip ai ' +
    'software app apps platform platforms launched launches announced announces unveiled customers users ' +
    'subscribers market markets analysts antitrust regulators lawsuit sued employees layoffs hiring tech ' +
    'technology device devices smartphone iphone ipad mac android browser servers gpu gpus model models ' +
    'subsidiary brand brands product products services service retailer retail e-commerce ecommerce ' +
    'inc corp corporation ltd llc plc nasdaq nyse spokesperson spokeswoman spokesman executives shareholders').split(' '),
);

const SUFFIX = /^[\s,]*(Inc|Inc\.|Corp|Corp\.|Corporation|Ltd|Ltd\.|LLC|plc|PLC|Co\.|Group|Holdings)\b/;

/** Words that, next to an ambiguous name, say it is not the company. */
const NOT_AFTER: Record<string, RegExp> = {
  amazon: /^[\s-]+(rainforest|rain forest|river|basin|jungle|region|forest|tribe|tribes|delta|warrior|warriors|women|parrot)\b/i,
  apple: /^[\s-]+(pie|pies|juice|tree|trees|orchard|orchards|cider|sauce|seed|seeds|crumble|tart|cake|picking|blossom)\b/i,
  square: /^[\s-]+(feet|foot|meters|metres|miles|mile|kilometers|kilometres|inch|inches|yards|root|one)\b/i,
  target: /^[\s-]+(audience|audiences|market|date|price|range|group|groups|area|areas)\b/i,
  delta: /^[\s-]+(variant|region|wave)\b/i,
  shell: /^[\s-]+(script|scripts|game|company|companies|shock)\b/i,
  box: /^[\s-]+(office)\b/i,
};
/** Words in the same sentence that give a name its ordinary sense ("the Amazon is a river"). */
const OTHER_SENSE_NEARBY: Record<string, RegExp> = {
  amazon: /\b(river|rainforest|rain forest|jungle|basin|tribes?|indigenous|deforestation|brazil's|peru's)\b/i,
  apple: /\b(fruit|fruits|pie|orchards?|cider|juice|apples|baked|bake|peel|eat|ate|core)\b/i,
  oracle: /\b(delphi|prophecy|prophet|ancient|greek|omaha)\b/i,
  square: /\b(plaza|town square|city square|public square|feet|metres|meters|kilometres|kilometers)\b/i,
  shell: /\b(beach|turtle|snail|egg|oyster|crab)\b/i,
  delta: /\b(river|mekong|nile|mississippi|estuary|marsh|variant)\b/i,
};

/** The sentence around [start, end), at most `radius` characters each way. */
function sentenceAround(text: string, start: number, end: number, radius = 100): string {
  let a = start;
  while (a > 0 && start - a < radius && !/[.!?\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < radius && !/[.!?\n]/.test(text[b])) b++;
  return text.slice(a, start) + ' ' + text.slice(end, b);
}

/** The word before, for names that are also parts of place names and product names. */
const NOT_BEFORE = /(Times|Red|Union|Washington|Tiananmen|Trafalgar|One|Series|Big|Mekong|Nile|Mississippi|Peruvian|Brazilian|Big\s+Apple|Generation|Project|Planet|Malcolm|Gen|the\s+letter)[\s-]+$/;

export interface ContextState {
  /** Unambiguous company mentions seen so far on this page: a page full of companies is about business. */
  strongMentions: number;
  /** Companies already confirmed on this page (by an unambiguous name, a ticker or a context cue). */
  confirmed: Set<number>;
}

export function newContextState(): ContextState {
  return { strongMentions: 0, confirmed: new Set() };
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;

function windowHasBusinessWord(text: string, from: number, to: number): boolean {
  const slice = text.slice(Math.max(0, from), Math.min(text.length, to));
  for (const w of slice.matchAll(WORD)) {
    if (BUSINESS_WORDS.has(w[0].toLowerCase().replace(/['’]s$/, '').replace(/\.$/, ''))) return true;
  }
  return false;
}

/** Keep the raw matches that are companies; drop ambiguous ones whose context says otherwise. */
export function resolveContext(m: CompiledMatcher, text: string, raw: RawMatch[], state: ContextState): RawMatch[] {
  // Unambiguous names and tickers first: they are context for the ambiguous ones in the same text.
  for (const r of raw) {
    const flags = m.entryFlags[r.entry];
    if ((flags & FLAG_AMBIGUOUS) === 0) {
      state.strongMentions++;
      state.confirmed.add(m.entryCompany[r.entry]);
    }
    if ((flags & FLAG_TICKER) !== 0) state.confirmed.add(m.entryCompany[r.entry]);
  }
  const kept: RawMatch[] = [];
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k];
    if ((m.entryFlags[r.entry] & FLAG_AMBIGUOUS) === 0) {
      kept.push(r);
      continue;
    }
    const company = m.entryCompany[r.entry];
    const name = text.slice(r.start, r.end).toLowerCase();
    const after = text.slice(r.end, r.end + 40);
    const before = text.slice(Math.max(0, r.start - 24), r.start);
    if (NOT_AFTER[name]?.test(after) || NOT_BEFORE.test(before)) continue;
    const hasSuffix = SUFFIX.test(after);
    if (!hasSuffix && OTHER_SENSE_NEARBY[name]?.test(sentenceAround(text, r.start, r.end))) continue;
    const isCompany =
      hasSuffix ||
      state.confirmed.has(company) ||
      (k > 0 && r.start - raw[k - 1].end < 160 && (m.entryFlags[raw[k - 1].entry] & FLAG_AMBIGUOUS) === 0) ||
      (k + 1 < raw.length && raw[k + 1].start - r.end < 160 && (m.entryFlags[raw[k + 1].entry] & FLAG_AMBIGUOUS) === 0) ||
      windowHasBusinessWord(text, r.start - 120, r.end + 120) ||
      state.strongMentions >= 3;
    if (!isCompany) continue;
    state.confirmed.add(company);
    kept.push(r);
  }
  return kept;
}
