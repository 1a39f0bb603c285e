import type { Mention } from '../matcher';
import * as cue from './cues';
import type { FoundRelation } from './find-relations';

export interface Party {
  id: string;
  /** Index of its `§n` in the skeleton. */
  at: number;
  end: number;
  /** Named for its product or as a description of someone else: not a party to anything. */
  inert: boolean;
}

/** A sentence with each company name replaced by `§n` (n its party), so cues read around names. */
export interface Skeleton {
  text: string;
  parties: Party[];
  /** The company the paragraph named last before this sentence. */
  antecedent: string | null;
  /** The company whose funding the paragraph's previous sentences told of. */
  funded?: string | null;
}

export function firstActive(mentions: readonly Mention[], text: string): string | null {
  for (const m of mentions) if (!isInert(text, m)) return m.companyId;
  return null;
}

export function isInert(text: string, m: Mention, sentenceEnd = text.length): boolean {
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 20), m.start);
  if (cue.PRODUCT_AFTER.test(after) || cue.DESCRIPTOR_AFTER.test(after) || /\b(?:former|ex-)\s*$/i.test(before)) return true;
  if (cue.ATTRIBUTION_BEFORE.test(before)) return true;
  // A dateline's credit: "TOKYO, Nov 11 (Reuters) -"
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  return /,\s*$/.test(before) && cue.ATTRIBUTION_AFTER.test(text.slice(m.end, sentenceEnd));
}

export function skeleton(text: string, from: number, to: number, mentions: readonly Mention[], antecedent: string | null): Skeleton {
  const kept: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    const next = mentions[i + 1];
    // "Nvidia's NVentures", "Microsoft's Azure": the second name is the party.
    if (next && /^'s?\s+$/.test(text.slice(m.end, next.start))) continue;
    const last = kept[kept.length - 1];
    if (last && last.companyId === m.companyId && /^\s*$/.test(text.slice(last.end, m.start))) continue;
    kept.push(m);
  }
  const parties: Party[] = [];
  let s = '';
  let at = from;
  for (const m of kept) {
    s += text.slice(at, m.start);
    parties.push({ id: m.companyId, at: s.length, end: s.length + `§${parties.length}`.length, inert: isInert(text, m, to) });
    s += `§${parties.length - 1}`;
    at = m.end;
  }
  s += text.slice(at, to);
  const active = new Set(parties.filter((p) => !p.inert).map((p) => p.id));
  if (antecedent && !active.has(antecedent)) s = withPronoun(s, parties, antecedent, active.size < 2);
  return { text: s, parties, antecedent };
}

/** The first pronoun or "the company" becomes the paragraph's company; later parties shift along. */
function withPronoun(s: string, parties: Party[], antecedent: string, anywhere: boolean): string {
  cue.PRONOUN.lastIndex = 0;
  const m = cue.PRONOUN.exec(s);
  // With two companies named, only a sentence's subject ("The startup said…") is taken for a pronoun.
  if (!m || (!anywhere && s.slice(0, m.index).trim() !== '')) return s;
  const mark = `§${parties.length}`;
  const shift = mark.length - m[0].length;
  for (const p of parties) {
    if (p.at > m.index) {
      p.at += shift;
      p.end += shift;
    }
  }
  parties.push({ id: antecedent, at: m.index, end: m.index + mark.length, inert: false });
  return s.slice(0, m.index) + mark + s.slice(m.index + m[0].length);
}
export type Found = Omit<FoundRelation, 'evidence' | 'paragraph'>;
/** Hedged, unless the hedge is the party's own "said it would" or a filing's "according to". */
export function hedged(s: string): boolean {
  const cleaned = s.replace(cue.SAID_WOULD, ' ').replace(cue.FIRM_ATTRIBUTION, ' ');
  if (cue.HEDGE.test(cleaned)) return true;
  // "…, The Information reported": another outlet's reporting.
  return /\b(?:[A-Z][\w.]*\s+){1,3}(?:reported|reports)\b/.test(cleaned) || /\baccording to\b/i.test(cleaned);
}

export function negated(s: string): boolean {
  return cue.NEGATION.test(s.replace(/\bno longer\b/gi, ' ').replace(/\bnot only\b/gi, ' '));
}

export function byOrder(parties: Party[]): Party[] {
  return [...parties].sort((a, b) => a.at - b.at);
}

/** Parties listed together with `first` ("Netflix and Airbnb", "A, B and C"). */
export function listFrom(s: string, parties: Party[], first: Party): Party[] {
  const ordered = byOrder(parties);
  const out = [first];
  for (let i = ordered.indexOf(first) + 1; i < ordered.length; i++) {
    const gap = s.slice(ordered[i - 1].end, ordered[i].at);
    if (!/^(?:,\s*|\s+and\s+|,\s+and\s+|\s*&\s*)$/.test(gap) || ordered[i].inert) break;
    out.push(ordered[i]);
  }
  return out;
}

/** A clause of a sentence as a sentence of its own, its parties where they now stand. */
export function clause(sk: Skeleton, text: string): Skeleton {
  const parties = sk.parties.map((p) => ({ ...p, at: -1, end: -1, inert: true }));
  for (const m of text.matchAll(/§(\d+)/g)) {
    const n = Number(m[1]);
    parties[n] = { ...sk.parties[n], at: m.index, end: m.index + m[0].length };
  }
  return { text, parties, antecedent: sk.antecedent };
}
