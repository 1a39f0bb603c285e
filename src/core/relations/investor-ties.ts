import type { TieStatus } from '../model';
import * as cue from './cues';
import type { RelationPhase } from './find-relations';
import { byOrder, clause, hedged, listFrom, negated, type Found, type Party, type Skeleton } from './skeleton';

/** Verbs whose subject is the investor: "Sequoia led…", "Microsoft sold its stake…". */
const INVESTOR_VERB = /\b(?:invest(?:s|ed|ing|ment)?|stake|back|backing|will invest|led|leads|leading|co-led|co-leads|joined|joins|join|participated|participates|backed|backs|poured|pumped|put|committed|took|takes|taking|bought|buys|holds|held|owns|sold|sells|selling|exited|exits|wrote off|writes off|doubled down|upped|increased|boosted|lead|added|is leading|to lead|wrote|made)\b/gi;
/** Verbs whose subject is the company funded: "Anthropic raised…". */
const FUNDED_VERB = /\b(?:raised|raises|raising|raise|closed|closes|secured|secures|landed|lands|won|wins|received|receives|got|gets|attracted|drew|draws|took in|brought in|announced|completed|has raised|is raising|picked up|nabbed|bagged)\b/gi;

/**
 * Investor ties of a sentence: first those it states by description ("X-backed Y", "Y's largest
 * shareholder, X", "investors in Y include X"), then by its verb; when the sentence as a whole states
 * none, those its relative clauses do ("Tencent, which owns about 40% of Epic Games, is…").
 */
export function investorTies(sk: Skeleton): Found[] {
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
