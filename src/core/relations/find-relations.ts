import type { TieStatus } from '../model';
import type { Mention } from '../matcher';
import * as cue from './cues';
import { splitSentences } from './sentences';

export type RelationKind = 'cloud' | 'investor';
/** What the sentence does to the tie: starts it, says it holds, or ends it. */
export type RelationPhase = 'start' | 'continue' | 'end';

export interface FoundRelation {
  kind: RelationKind;
  /** The customer (cloud) or the company funded (investor). */
  company: string;
  /** The cloud provider or the investor. */
  counterparty: string;
  status: TieStatus;
  phase: RelationPhase;
  /** The sentence that states it, as written. */
  evidence: string;
  /** Which paragraph of the input it came from. */
  paragraph: number;
}

/** What the finder needs to know about companies: which sell computing, and which cloud is whose. */
export interface RelationKnowledge {
  /** A cloud or GPU cloud (AWS, CoreWeave): naming it in a deal is naming the cloud. */
  isCloudProvider: (id: string) => boolean;
  /** The cloud of a company that has one under another name: Microsoft's is Azure. */
  cloudUnitOf: (id: string) => string | undefined;
  /** One of those clouds (Azure, AWS): the cloud of a company known for more than its cloud. */
  isPublicCloud: (id: string) => boolean;
}

export interface TextWithMentions {
  text: string;
  /** In text order. */
  mentions: readonly Mention[];
}

interface Party {
  id: string;
  /** Index of its `§n` in the skeleton. */
  at: number;
  end: number;
  /** Named for its product or as a description of someone else: not a party to anything. */
  inert: boolean;
}

/** A sentence with each company name replaced by `§n` (n its party), so cues read around names. */
interface Skeleton {
  text: string;
  parties: Party[];
  /** The company the paragraph named last before this sentence. */
  antecedent: string | null;
  /** The company whose funding the paragraph's previous sentences told of. */
  funded?: string | null;
}

const MAX_SENTENCE = 600;

/**
 * Ties stated by the sentences of an article's paragraphs: cloud (who runs on whose computing) and
 * investor (who funds whom), with whether the sentence starts, continues or ends them, and whether it
 * hedges. Pronouns and "the company" stand for the company named first in the paragraph's latest
 * sentence that named one. Sentences that only list companies state nothing.
 */
export function findRelations(paragraphs: readonly TextWithMentions[], know: RelationKnowledge): FoundRelation[] {
  const out: FoundRelation[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((p, index) => {
    let antecedent: string | null = null;
    let funded: string | null = null;
    for (const s of splitSentences(p.text)) {
      const mentions = p.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
      const sentence = p.text.slice(s.start, s.end).trim();
      if (sentence.length <= MAX_SENTENCE && sentence.length > 0) {
        const sk = skeleton(p.text, s.start, s.end, mentions, antecedent);
        sk.funded = funded;
        const investing = investorTies(sk);
        if (investing.length > 0) funded = investing[0].company;
        for (const r of [...cloudTies(sk, know), ...investing]) {
          const key = `${r.kind}|${r.company}|${r.counterparty}|${index}|${s.start}`;
          if (r.company === r.counterparty || seen.has(key)) continue;
          seen.add(key);
          out.push({ ...r, evidence: sentence, paragraph: index });
        }
      }
      const first = firstActive(mentions, p.text);
      if (first) antecedent = first;
    }
  });
  return out;
}

function firstActive(mentions: readonly Mention[], text: string): string | null {
  for (const m of mentions) if (!isInert(text, m)) return m.companyId;
  return null;
}

function isInert(text: string, m: Mention, sentenceEnd = text.length): boolean {
  const after = text.slice(m.end, m.end + 40);
  const before = text.slice(Math.max(0, m.start - 20), m.start);
  if (cue.PRODUCT_AFTER.test(after) || cue.DESCRIPTOR_AFTER.test(after) || /\b(?:former|ex-)\s*$/i.test(before)) return true;
  if (cue.ATTRIBUTION_BEFORE.test(before)) return true;
  // A dateline's credit: "TOKYO, Nov 11 (Reuters) -"
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  return /,\s*$/.test(before) && cue.ATTRIBUTION_AFTER.test(text.slice(m.end, sentenceEnd));
}

function skeleton(text: string, from: number, to: number, mentions: readonly Mention[], antecedent: string | null): Skeleton {
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

type Found = Omit<FoundRelation, 'evidence' | 'paragraph'>;

/** Hedged, unless the hedge is the party's own "said it would" or a filing's "according to". */
function hedged(s: string): boolean {
  const cleaned = s.replace(cue.SAID_WOULD, ' ').replace(cue.FIRM_ATTRIBUTION, ' ');
  if (cue.HEDGE.test(cleaned)) return true;
  // "…, The Information reported": another outlet's reporting.
  return /\b(?:[A-Z][\w.]*\s+){1,3}(?:reported|reports)\b/.test(cleaned) || /\baccording to\b/i.test(cleaned);
}

function negated(s: string): boolean {
  return cue.NEGATION.test(s.replace(/\bno longer\b/gi, ' ').replace(/\bnot only\b/gi, ' '));
}

function byOrder(parties: Party[]): Party[] {
  return [...parties].sort((a, b) => a.at - b.at);
}

/** Parties listed together with `first` ("Netflix and Airbnb", "A, B and C"). */
function listFrom(s: string, parties: Party[], first: Party): Party[] {
  const ordered = byOrder(parties);
  const out = [first];
  for (let i = ordered.indexOf(first) + 1; i < ordered.length; i++) {
    const gap = s.slice(ordered[i - 1].end, ordered[i].at);
    if (!/^(?:,\s*|\s+and\s+|,\s+and\s+|\s*&\s*)$/.test(gap) || ordered[i].inert) break;
    out.push(ordered[i]);
  }
  return out;
}

/** "Nvidia-backed Nscale", "led by Coatue", "whose investors include Founders Fund": an investor here. */
function backer(s: string, p: Party): boolean {
  return /^\s*-?\s*backed\b/.test(s.slice(p.end, p.end + 10)) || /\b(?:by|from|include|including|investors?|backers?)\s+(?:§\d+(?:,\s*|\s+and\s+|,\s+and\s+))*(?:[^§]{0,12})?$/i.test(s.slice(Math.max(0, p.at - 60), p.at)) || /\b(?:led by|participation from)\b[^§]*(?:§\d+[^§]*)*$/i.test(s.slice(0, p.at)) && /\b(?:round|raised|raises|funding|series)\b/i.test(s);
}

/**
 * Cloud ties of a sentence; when the sentence as a whole is about something else (a hire, a rival),
 * those its relative clauses state: "Cohere, which runs its models on Oracle Cloud, said it hired…".
 */
function cloudTies(sk: Skeleton, know: RelationKnowledge): Found[] {
  const whole = cloudTiesOf(sk, know);
  if (whole.length > 0) return whole;
  const out: Found[] = [...customersNamed(sk, know)];
  for (const m of sk.text.matchAll(/§(\d+),\s+(?:which|that)\s+([^,;]+)[,;]/g)) out.push(...cloudTiesOf(clause(sk, `§${m[1]} ${m[2]}`), know));
  return out;
}

/** A clause of a sentence as a sentence of its own, its parties where they now stand. */
function clause(sk: Skeleton, text: string): Skeleton {
  const parties = sk.parties.map((p) => ({ ...p, at: -1, end: -1, inert: true }));
  for (const m of text.matchAll(/§(\d+)/g)) {
    const n = Number(m[1]);
    parties[n] = { ...sk.parties[n], at: m.index, end: m.index + m[0].length };
  }
  return { text, parties, antecedent: sk.antecedent };
}

/** "Netflix, one of AWS's best-known customers", "CoreWeave, whose largest customers include Microsoft and OpenAI". */
function customersNamed(sk: Skeleton, know: RelationKnowledge): Found[] {
  const s = sk.text;
  if (negated(s) || s.trim().endsWith('?')) return [];
  const out: Found[] = [];
  const provider = (p: Party) => (know.isCloudProvider(p.id) ? p.id : know.cloudUnitOf(p.id));
  const add = (customer: Party | undefined, cloud: Party | undefined) => {
    const id = cloud && !cloud.inert ? provider(cloud) : undefined;
    if (customer && !customer.inert && id && customer.id !== id) out.push({ kind: 'cloud', company: customer.id, counterparty: id, status: hedged(s) ? 'reported' : 'active', phase: 'continue' });
  };
  for (const m of s.matchAll(/§(\d+),\s+(?:one of|an?|the)\s+(?:the\s+)?§(\d+)'s?\s+(?:[\w-]+\s+){0,2}(?:cloud\s+)?customers?\b/gi)) add(sk.parties[Number(m[1])], sk.parties[Number(m[2])]);
  for (const m of s.matchAll(/§(\d+)(?:,\s+whose|'s)\s+(?:[\w-]+\s+){0,2}(?:cloud\s+)?customers\s+(?:include|including|are)\s+(§\d+(?:(?:,\s*|\s+and\s+|,\s+and\s+)§\d+)*)/gi)) {
    for (const c of m[2].matchAll(/§(\d+)/g)) add(sk.parties[Number(c[1])], sk.parties[Number(m[1])]);
  }
  return out;
}

function cloudTiesOf(sk: Skeleton, know: RelationKnowledge): Found[] {
  const s = sk.text;
  if (s.trim().endsWith('?') || negated(s) || cue.PEOPLE.test(s) || cue.ORIGINS.test(s)) return [];
  // "from its own data centers to Oracle Cloud", "after running its own data centres", "since it
  // shut its own data centres": leaving one's own for a cloud.
  const leftOwn = /\b(?:from|shut|shutting|closed|closing|left|leaving|after running|instead of|moved out of)\b[^§.;]{0,30}\b(?:its|their) own\b/i.test(s);
  // A deal stated outright; "…as it races to catch up with rivals" is then background.
  const deal = /\b(?:signed|agreement|contract|deal|rent\w*|mov(?:e|ed|es|ing)|migrat\w+|chose|selected|switch\w*|runs?\s+on|hosted|hosts)\b/i.test(s);
  if (cue.MARKETPLACE.test(s) || (cue.COMPETITION.test(s) && !deal) || (cue.OWN_INFRASTRUCTURE.test(s) && !leftOwn)) return [];
  // "runs nearly all of its streaming systems on AWS", "draws on Google Cloud's TPUs"
  const strong = cue.CLOUD_WORDS.test(s) || /\b(?:runs?|ran|running|hosts?|hosted|hosting|trains?|trained|training|draws?|drew|relies|relied|built|builds)\b[^§.;]{0,60}\bon\s+§/i.test(s);
  const parties = sk.parties.filter((p) => !p.inert);
  const direct = parties.filter((p) => know.isCloudProvider(p.id) && !cue.EXAMPLES_BEFORE.test(s.slice(Math.max(0, p.at - 20), p.at)));
  if (!strong && !(direct.length > 0 && cue.CLOUD_DEAL_WORDS.test(s))) return [];
  // A company with a cloud of its own is the provider only when no cloud is named outright:
  // "Microsoft rents from Nebius" buys; "Oracle will supply OpenAI" sells.
  const withCloud = strong ? parties.filter((p) => know.cloudUnitOf(p.id) && !backer(s, p)) : [];
  const others = parties.filter((p) => !know.isCloudProvider(p.id) && !know.cloudUnitOf(p.id) && !backer(s, p));
  const parents = direct.length === 0 || others.length > 0 ? withCloud : [];
  const providers = [...direct.map((p) => ({ p, id: p.id })), ...parents.map((p) => ({ p, id: know.cloudUnitOf(p.id)! }))];
  if (providers.length === 0) return [];
  const providerParties = new Set(providers.map((x) => x.p));
  const ids = new Set(providers.map((x) => x.id));
  // Never the cloud's own parent ("Microsoft said Azure…"), nor an investor named as "X-backed".
  // A company with a cloud of its own buys only from a GPU cloud ("Microsoft rents from Nebius"), never from a rival's.
  const rivalClouds = providers.some((x) => know.isPublicCloud(x.id));
  const customers = byOrder(
    parties.filter((p) => !providerParties.has(p) && !ids.has(p.id) && !backer(s, p) && !(know.cloudUnitOf(p.id) && rivalClouds) && !cue.EXAMPLES_BEFORE.test(s.slice(Math.max(0, p.at - 20), p.at))),
  );
  // A list of five companies is a list, whatever its verbs.
  if (customers.length === 0 || parties.length > 4) return [];
  const buyers = listFrom(s, customers, customers[0]);
  const ends = cue.END_WORDS.test(s);
  const hedge = hedged(s);
  const goesOn = cue.CONTINUE_WORDS.test(s);
  const left = new Set<Party>();
  const joined = new Set<Party>();
  for (const re of [cue.FROM_TO, cue.SWAP]) {
    for (const m of s.matchAll(re)) {
      left.add(sk.parties[Number(m[1])]);
      joined.add(sk.parties[Number(m[2])]);
    }
  }
  const out: Found[] = [];
  for (const { p, id } of providers) {
    const before = s.slice(Math.max(0, p.at - 30), p.at);
    const leaving = left.has(p) || (ends && !joined.has(p) && (providers.length === 1 || /\b(?:from|off|away from|out of|replac\w+|instead of|with|drop\w*|left|leaving|quit|stopp?\w*|using|ended|ends)\s+(?:its |their |the |\w+ ){0,2}$/i.test(before)));
    let status: TieStatus;
    let phase: RelationPhase;
    if (leaving && hedge) [status, phase] = ['active', 'continue'];
    else if (leaving) [status, phase] = ['ended', 'end'];
    else if (hedge) [status, phase] = ['reported', goesOn && !ends ? 'continue' : 'start'];
    else [status, phase] = ['active', goesOn && !ends && !joined.has(p) ? 'continue' : 'start'];
    for (const b of buyers) out.push({ kind: 'cloud', company: b.id, counterparty: id, status, phase });
  }
  return out;
}

/** Verbs whose subject is the investor: "Sequoia led…", "Microsoft sold its stake…". */
const INVESTOR_VERB = /\b(?:invest(?:s|ed|ing|ment)?|stake|back|backing|will invest|led|leads|leading|co-led|co-leads|joined|joins|join|participated|participates|backed|backs|poured|pumped|put|committed|took|takes|taking|bought|buys|holds|held|owns|sold|sells|selling|exited|exits|wrote off|writes off|doubled down|upped|increased|boosted|lead|added|is leading|to lead|wrote|made)\b/gi;
/** Verbs whose subject is the company funded: "Anthropic raised…". */
const FUNDED_VERB = /\b(?:raised|raises|raising|raise|closed|closes|secured|secures|landed|lands|won|wins|received|receives|got|gets|attracted|drew|draws|took in|brought in|announced|completed|has raised|is raising|picked up|nabbed|bagged)\b/gi;

/**
 * Investor ties of a sentence: first those it states by description ("X-backed Y", "Y's largest
 * shareholder, X", "investors in Y include X"), then by its verb; when the sentence as a whole states
 * none, those its relative clauses do ("Tencent, which owns about 40% of Epic Games, is…").
 */
function investorTies(sk: Skeleton): Found[] {
  const s = sk.text;
  if (s.trim().endsWith('?') || negated(s) || !cue.INVEST_WORDS.test(s)) return [];
  const described = describedInvestors(sk);
  if (described.length > 0) return described;
  const stated = investorTiesByVerb(sk);
  if (stated.length > 0) return stated;
  const out: Found[] = [];
  for (const m of s.matchAll(/§(\d+),\s+(?:which|who)\s+([^,;]+)[,;]/g)) out.push(...investorTiesByVerb(clause(sk, `§${m[1]} ${m[2]}`)));
  return out;
}

/** Whether a sentence is about owning, lending or a fund rather than investing in a company. */
function notInvesting(s: string): boolean {
  // "founded by a former OpenAI executive" in a sentence about a round is background, not the news.
  if (cue.PEOPLE.test(s) && !cue.MONEY.test(s)) return true;
  if (cue.OWN_FUND.test(s)) return true;
  if (cue.ACQUISITION.test(s) && !/\b(?:minority|stake|shares|invest\w*|round)\b/i.test(s.replace(/\bmajority stake\b/gi, ''))) return true;
  if (/\bmajority (?:stake|owner|ownership|control)\b/i.test(s)) return true;
  // "Intel, which owns about 80% of Mobileye": an owner, not an investor.
  const owns = /\b(?:owns?|owned|holds?|held)\s+(?:about|roughly|around|nearly|almost|more than|some|over)?\s*(\d+(?:\.\d+)?)\s*(?:%|per ?cent)/i.exec(s);
  if (owns && Number(owns[1]) >= 50) return true;
  // "Vizio televisions will be sold at Walmart": selling goods, not a stake.
  if (/\b(?:sold|sells|selling)\b/i.test(s) && !/\b(?:stakes?|shares|holdings?|position|interest|invest\w*|round|backed|backers?|investors?|stock)\b/i.test(s)) return true;
  return cue.DEBT.test(s) && !cue.EQUITY.test(s);
}

function describedInvestors(sk: Skeleton): Found[] {
  const s = sk.text;
  const parties = byOrder(sk.parties.filter((p) => !p.inert));
  const described: Found[] = [];
  // "Andreessen Horowitz-backed Anysphere": a standing fact, whatever else the sentence hedges.
  for (const m of s.matchAll(/§(\d+)(?:\s*-\s*|\s+)backed\b/g)) {
    const investor = sk.parties[Number(m[1])];
    // "Perplexity AI, the Nvidia-backed search startup": the company comes first.
    const before = /§(\d+),\s+(?:the|a|an)\s+$/.exec(s.slice(0, m.index));
    const company = before ? sk.parties[Number(before[1])] : parties.find((p) => p.at > m.index);
    if (company && !investor.inert) described.push({ kind: 'investor', company: company.id, counterparty: investor.id, status: 'active', phase: 'continue' });
  }
  const standing = (company: Party | undefined, investor: Party | undefined) => {
    if (company && investor && company !== investor && !investor.inert && !company.inert) {
      described.push({ kind: 'investor', company: company.id, counterparty: investor.id, status: hedged(s) ? 'reported' : 'active', phase: 'continue' });
    }
  };
  const party = (n: string) => sk.parties[Number(n)];
  // "ASML became Mistral AI's largest shareholder", "Menlo Ventures, one of Anthropic's earliest backers"
  for (const m of s.matchAll(/§(\d+)(?:,\s+|\s+(?:is|was|became|becomes|remains|remained|has been)\s+)(?:also\s+)?(?:the\s+|an?\s+|one of\s+)?§(\d+)'s?\s+(?:[\w-]+\s+){0,2}(?:shareholders?|investors?|backers?)\b/gi)) standing(party(m[2]), party(m[1]));
  // "Wiz's venture backers, including Sequoia Capital, Index Ventures…"
  for (const m of s.matchAll(/§(\d+)(?:'s?|,\s+whose)\s+(?:[\w-]+\s+){0,2}(?:shareholders|investors|backers)(?:,)?\s+(?:include|including|such as|are)\s+/gi)) {
    const first = parties.find((p) => p.at >= m.index + m[0].length);
    if (first) for (const i of listFrom(s, parties, first)) standing(party(m[1]), i);
  }
  // "Google is also an investor in the Claude developer", "Microsoft's $1.5 billion investment in G42"
  for (const m of s.matchAll(/§(\d+)(?:\s+(?:is|was|remains|has been|became)\s+(?:also\s+)?(?:an?|the|one of the)\s+(?:[\w-]+\s+){0,2}(?:investors?|shareholders?|backers?)|'s\s+(?:[$€£]?[\d.,]+\s*(?:billion|million|bn|m)?\s+)?(?:[\w-]+\s+)?(?:investment|stake))\s+in\s+§(\d+)/gi)) standing(party(m[2]), party(m[1]));
  // "Hugging Face, which counts Salesforce and Nvidia among its investors"
  for (const m of s.matchAll(/§(\d+),?\s+(?:which|that)\s+counts\s+(§\d+(?:(?:,\s*|\s+and\s+|,\s+and\s+)§\d+)*)\s+among\s+its\s+(?:[\w-]+\s+)?(?:investors|backers|shareholders)/gi)) {
    for (const i of m[2].matchAll(/§(\d+)/g)) standing(party(m[1]), party(i[1]));
  }
  // "Microsoft, Coatue and Thrive Capital also participated." (the round's company named before)
  const joinedToo = /^\s*(?:(?:the\s+)?(?:existing|other|new|earlier|early)\s+(?:investors|backers|shareholders)\s+(?:including\s+|such as\s+)?)?(§\d+(?:(?:,\s*|\s+and\s+|,\s+and\s+)§\d+)*)\s+(?:also\s+|all\s+|both\s+)?(?:participated|took part|joined(?: in)?|invested|chipped in)\b/i.exec(s);
  const roundOf = sk.funded ?? sk.antecedent;
  if (joinedToo && roundOf) {
    const company: Party = { id: roundOf, at: -1, end: -1, inert: false };
    const rest = s.slice(joinedToo.index + joinedToo[0].length);
    // "…, as did new backer Lightspeed", "…, alongside existing backers Nvidia and Khosla Ventures"
    const also = /\b(?:as did|alongside|along with|joined by)\s+(?:(?:new|existing|other)\s+(?:backers?|investors?)\s+)?(§\d+(?:(?:,\s*|\s+and\s+|,\s+and\s+)§\d+)*)/i.exec(rest);
    for (const i of [...joinedToo[1].matchAll(/§(\d+)/g), ...(also ? also[1].matchAll(/§(\d+)/g) : [])]) standing(company, party(i[1]));
    for (const d of described) d.phase = /\bexisting\b/i.test(s) ? 'continue' : 'start';
  }
  // "SoftBank … to help fund its $22.5 billion investment in OpenAI": the subject's investment.
  const own = /\b(?:its|their)\s+(?:[$€£]?[\d.,]+\s*(?:billion|million|bn|m)?\s+)?(?:[\w-]+\s+)?(?:investment|stake|holding)\s+in\s+§(\d+)/i.exec(s);
  const ending = /\b(?:sold|sells|selling|exit\w*|divest\w*|wrote off|writes off|offload\w*|dump\w*|unwound)\b/i.test(s);
  if (own && !ending && parties[0] && parties[0].at < own.index) standing(party(own[1]), parties[0]);
  // "WeWork agreed to a rescue by its largest shareholder, SoftBank": the investor named as such.
  const holder = /\b(?:its|their)\s+(?:(?:largest|biggest|main|major|key|existing|early|lead|top|longtime|long-time)\s+)?(?:shareholder|investor|backer)s?\b[^§]{0,60}?§(\d+)/i.exec(s);
  if (holder) {
    const investor = sk.parties[Number(holder[1])];
    const company = parties.find((p) => p.end <= holder.index && p !== investor);
    if (company && !investor.inert) described.push({ kind: 'investor', company: company.id, counterparty: investor.id, status: hedged(s) ? 'reported' : 'active', phase: 'continue' });
  }
  // "a lifeline from investor SoftBank": the other of two companies is the one funded.
  const called = /\b(?:from|by)\s+(?:its\s+)?(?:investor|backer|shareholder)\s+§(\d+)/i.exec(s);
  if (called && parties.length === 2 && described.length === 0) {
    const investor = sk.parties[Number(called[1])];
    const company = parties.find((p) => p !== investor);
    if (company && !investor.inert) described.push({ kind: 'investor', company: company.id, counterparty: investor.id, status: hedged(s) ? 'reported' : 'active', phase: 'continue' });
  }
  return described;
}

function investorTiesByVerb(sk: Skeleton): Found[] {
  const s = sk.text;
  if (notInvesting(s)) return [];
  const parties = byOrder(sk.parties.filter((p) => !p.inert));
  if (parties.length < 2) return [];
  const pairs = roles(s, parties);
  if (pairs.length === 0) return [];
  const hedge = hedged(s);
  const ends = /\b(?:sold|sells|selling|exited|exits|exit|divest\w*|wrote off|written off|writes off|offloaded|dumped|unwound|cashed out)\b/i.test(s);
  const goesOn = cue.CONTINUE_WORDS.test(s);
  let status: TieStatus;
  let phase: RelationPhase;
  if (ends && hedge) [status, phase] = ['active', 'continue'];
  else if (ends) [status, phase] = ['ended', 'end'];
  else if (hedge) [status, phase] = ['reported', /\b(?:additional|more|further|deepen\w*|another)\b/i.test(s) ? 'continue' : 'start'];
  else [status, phase] = ['active', goesOn ? 'continue' : 'start'];
  return pairs.map(({ company, investor }) => ({ kind: 'investor', company: company.id, counterparty: investor.id, status, phase }));
}

/** Who funds whom, from the first investing verb and the voice around it. */
function roles(s: string, parties: Party[]): Array<{ company: Party; investor: Party }> {
  const verb = firstVerb(s, parties);
  if (!verb) return [];
  const before = parties.filter((p) => p.end <= verb.at);
  const after = parties.filter((p) => p.at >= verb.at);
  const pairsOf = (company: Party, investors: Party[]) => investors.filter((i) => i.id !== company.id).map((investor) => ({ company, investor }));
  // "Anthropic is backed by Amazon", "a round led by Sequoia": the investors follow "by".
  const passive = /^(?:backed|led|co-led|funded|financed|joined)\s+by\b/i.test(s.slice(verb.at));
  if (passive || verb.funded) {
    if (!passive && !cue.MONEY.test(s)) return [];
    const company = before[0] ?? roundOwner(s, after);
    if (!company) return [];
    return pairsOf(company, named(s, after.filter((p) => p !== company)));
  }
  // "Investors in OpenAI include Microsoft"
  if (before.length === 0) return [];
  const investors = listFrom(s, parties, before[0]);
  const company = after.find((p) => /^(?:'s\b|\s*$)/.test(s.slice(p.end, p.end + 3)) || /\b(?:in|into|for|of|to|backing)\s+(?:\w+\s+){0,3}$/i.test(s.slice(Math.max(0, p.at - 40), p.at)));
  if (!company) return [];
  const more = named(s, after.filter((p) => p.at > company.at && /\b(?:participation|joined by|alongside|along with|with)\b/i.test(s.slice(company.end, p.at))));
  // "holds shares in Recursion and WeRide": each company listed.
  const companies = listFrom(s, parties, company);
  return companies.flatMap((c) => pairsOf(c, [...investors, ...more]));
}

/**
 * The investors among parties after a funding verb: those introduced as such ("led by", "from",
 * "including", "with participation from") and the names listed with them.
 */
function named(s: string, after: Party[]): Party[] {
  const out: Party[] = [];
  // "with Nvidia, AMD and Cisco also investing"
  const joining = /\bwith\s+(§\d+(?:(?:,\s*|\s+and\s+|,\s+and\s+)§\d+)*)\s+(?:also\s+)?(?:participating|investing|joining|contributing|taking part|putting)/i.exec(s);
  const together = new Set(joining ? [...joining[1].matchAll(/§(\d+)/g)].map((m) => Number(m[1])) : []);
  let prev: Party | null = null;
  for (const p of after) {
    const lead = s.slice(Math.max(0, p.at - 45), p.at);
    const listed = prev !== null && out.includes(prev) && /^(?:,\s*|\s+and\s+|,\s+and\s+|\s*&\s*|,\s+as well as\s+)$/.test(s.slice(prev.end, p.at));
    const introduced = /\b(?:by|from|including|include|participation (?:from|of)|joined by|alongside|along with|such as|like|investors?|backers?)\s+(?:[^§\s]+\s+){0,3}$/i.test(lead);
    const acting = /^\s+(?:leading|led|joined|joining|participated|participating|also (?:invested|investing|joined|participated)|invested|investing)\b/i.test(s.slice(p.end, p.end + 30));
    const among = together.has(Number(/§(\d+)/.exec(s.slice(p.at, p.end))?.[1]));
    if (listed || introduced || acting || among) out.push(p);
    prev = p;
  }
  return out;
}

/** In "led by X for Y" or "a round for Y": the company after "for"/"in". */
function roundOwner(s: string, after: Party[]): Party | undefined {
  return after.find((p) => /\b(?:for|in|into)\s+$/i.test(s.slice(Math.max(0, p.at - 6), p.at)));
}

function firstVerb(s: string, parties: Party[]): { at: number; funded: boolean } | null {
  const first = parties[0];
  const found: Array<{ at: number; funded: boolean }> = [];
  for (const re of [INVESTOR_VERB, FUNDED_VERB]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m.index < first.end) continue;
      found.push({ at: m.index, funded: re === FUNDED_VERB });
      break;
    }
  }
  // "backers include", "investors include": the investors follow, the company is before.
  const include = /\b(?:backers|investors|shareholders)\s+(?:include|including|are)\b/i.exec(s);
  if (include && include.index > first.end) found.push({ at: include.index, funded: true });
  found.sort((a, b) => a.at - b.at);
  return found[0] ?? null;
}
