import type { Tie } from '../core/model';
import { tieId } from '../core/model';
import { claimKey, compareWithKnown, findRelations, relationKnowledge, type RelationKnowledge, type Suggestion } from '../core/relations';
import { checkTie, describeProblems, type Problem } from '../core/validate-dataset';
import type { ArticleSuggestion } from '../core/views';
import type { BackgroundRequests } from '../messaging/protocol';
import { allCompanies, getCompanies } from '../storage/companies';
import { getMeta, setMeta } from '../storage/meta';
import type { Db } from '../storage/open-db';
import { tieChange } from '../core/tie-changes';
import { logTieChanges } from '../storage/tie-changes';
import { allTies, saveTie, tiesOfPair } from '../storage/ties';
import { pageKey, pageParagraphs } from './match-texts';
import { ready } from './ready';

type Handler<K extends keyof BackgroundRequests> = (req: BackgroundRequests[K]['req']) => Promise<BackgroundRequests[K]['res']>;

const DISMISSED_KEY = 'dismissedSuggestions';
/** Dismissals kept; the oldest go first. */
const MAX_DISMISSED = 5_000;
const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

let knowledge: Promise<RelationKnowledge> | undefined;
/** Which companies sell computing: read once per background run (the dataset rarely changes that). */
function relationKnowledgeOf(db: Db): Promise<RelationKnowledge> {
  knowledge ??= Promise.all([allCompanies(db), allTies(db)]).then(([companies, ties]) => relationKnowledge(companies, ties));
  knowledge.catch(() => (knowledge = undefined));
  return knowledge;
}

/**
 * What the article in a tab states, against the database: new ties, known ties it confirms (unless
 * it is already one of their sources) or changes. Dismissed suggestions and dismissed ties stay hidden.
 */
async function suggestionsFor(db: Db, tabId: number, page: string, url: string): Promise<Array<Suggestion & { known: Tie | null }>> {
  const paragraphs = pageParagraphs(pageKey(tabId, page));
  if (paragraphs.length === 0) return [];
  const found = findRelations(paragraphs, await relationKnowledgeOf(db));
  const known = new Map<string, Tie[]>();
  for (const f of found) {
    const k = `${f.kind}|${f.company}|${f.counterparty}`;
    if (!known.has(k)) known.set(k, await tiesOfPair(db, f.kind, f.company, f.counterparty));
  }
  const dismissed = new Set((await getMeta<string[]>(db, DISMISSED_KEY)) ?? []);
  const out: Array<Suggestion & { known: Tie | null }> = [];
  for (const s of compareWithKnown(found, (kind, company, counterparty) => known.get(`${kind}|${company}|${counterparty}`) ?? [])) {
    const pair = known.get(`${s.kind}|${s.company}|${s.counterparty}`) ?? [];
    if (dismissed.has(claimKey(s)) || pair.some((t) => t.dismissed)) continue;
    // Accepted already: the article is a source of a tie of this pair.
    if (pair.some((t) => t.sources.some((src) => src.url === url))) continue;
    const tie = pair.find((t) => t.id === s.tieId) ?? null;
    out.push({ ...s, known: tie });
  }
  return out;
}

export const getSuggestions: Handler<'getSuggestions'> = async ({ tabId, page, url }) => {
  const db = await ready();
  const found = await suggestionsFor(db, tabId, page, url);
  const names = await getCompanies(db, [...new Set(found.flatMap((s) => [s.company, s.counterparty]))]);
  return found.map(
    (s): ArticleSuggestion => ({
      key: claimKey(s),
      kind: s.kind,
      company: s.company,
      counterparty: s.counterparty,
      companyName: names.get(s.company)?.name ?? s.company,
      counterpartyName: names.get(s.counterparty)?.name ?? s.counterparty,
      status: s.status,
      change: s.change,
      tieId: s.tieId,
      evidence: s.evidence,
    }),
  );
};

/**
 * Store what the reader accepted, found again here from the page's text (the popup names it by key
 * only): a new tie of origin `learned` with the article as its source, or the known tie with the
 * article added as a source and, for a change, its new status.
 */
export const acceptSuggestion: Handler<'acceptSuggestion'> = async ({ tabId, page, key, article }) => {
  const db = await ready();
  const s = (await suggestionsFor(db, tabId, page, article.url)).find((x) => claimKey(x) === key);
  if (!s) throw new Error('That suggestion is no longer on this page.');
  const date = DATE.test(article.date) ? article.date : new Date().toISOString().slice(0, 10);
  const source = { url: article.url, title: article.title || article.url, date };
  const ended = s.status === 'ended';
  const next: Tie = s.known
    ? {
        ...s.known,
        status: s.change === 'changes' ? s.status : s.known.status,
        until: s.change === 'changes' ? (ended ? date : null) : s.known.until,
        sources: [...s.known.sources, source],
        asOf: date > s.known.asOf ? date : s.known.asOf,
      }
    : {
        id: tieId({ company: s.company, kind: s.kind, counterparty: s.counterparty, since: ended ? null : date }),
        company: s.company,
        counterparty: s.counterparty,
        kind: s.kind,
        status: s.status,
        since: ended ? null : date,
        until: ended ? date : null,
        exclusive: false,
        detail: '',
        sources: [source],
        asOf: date,
        origin: 'learned',
      };
  const problems: Problem[] = [];
  const checked = checkTie(next, 'tie', problems, 'learned');
  if (!checked) throw new Error(describeProblems(problems));
  await saveTie(db, checked);
  const change = tieChange(s.known, checked, Date.now(), 'article');
  if (change) await logTieChanges(db, [change]);
  return { tieId: checked.id };
};

export const dismissSuggestion: Handler<'dismissSuggestion'> = async ({ key }) => {
  const db = await ready();
  const list = (await getMeta<string[]>(db, DISMISSED_KEY)) ?? [];
  if (!list.includes(key)) await setMeta(db, DISMISSED_KEY, [...list, key].slice(-MAX_DISMISSED));
  return null;
};
