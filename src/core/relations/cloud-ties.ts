import type { TieStatus } from '../model';
import * as cue from './cues';
import type { RelationKnowledge, RelationPhase } from './find-relations';
import { byOrder, clause, hedged, listFrom, negated, type Found, type Party, type Skeleton } from './skeleton';

/** "Nvidia-backed Nscale", "led by Coatue", "whose investors include Founders Fund": an investor here. */
function backer(s: string, p: Party): boolean {
  return /^\s*-?\s*backed\b/.test(s.slice(p.end, p.end + 10)) || /\b(?:by|from|include|including|investors?|backers?)\s+(?:§\d+(?:,\s*|\s+and\s+|,\s+and\s+))*(?:[^§]{0,12})?$/i.test(s.slice(Math.max(0, p.at - 60), p.at)) || /\b(?:led by|participation from)\b[^§]*(?:§\d+[^§]*)*$/i.test(s.slice(0, p.at)) && /\b(?:round|raised|raises|funding|series)\b/i.test(s);
}

/**
 * Cloud ties of a sentence; when the sentence as a whole is about something else (a hire, a rival),
 * those its relative clauses state: "Cohere, which runs its models on Oracle Cloud, said it hired…".
 */
export function cloudTies(sk: Skeleton, know: RelationKnowledge): Found[] {
  const whole = cloudTiesOf(sk, know);
  if (whole.length > 0) return whole;
  const out: Found[] = [...customersNamed(sk, know)];
  for (const m of sk.text.matchAll(/§(\d+),\s+(?:which|that)\s+([^,;]+)[,;]/g)) out.push(...cloudTiesOf(clause(sk, `§${m[1]} ${m[2]}`), know));
  return out;
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
