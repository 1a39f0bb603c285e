import { confirmedCompanies, matchCompanies, newContextState, type ContextState, type Mention } from '../core/matcher';
import type { BackgroundRequests } from '../messaging/protocol';
import { currentCompiledMatcher } from './matcher-cache';
import { ready } from './ready';

type MatchTexts = BackgroundRequests['matchTexts'];

/** Pages send at most 500,000 characters a request, or one paragraph; more than this is not a page's. */
const MAX_CHARS_PER_REQUEST = 16_000_000;
/** Context cues of the pages scanned lately (a page full of companies is about business). */
const MAX_PAGES = 64;
const pages = new Map<string, ContextState>();

function pageState(key: string): ContextState {
  const state = pages.get(key) ?? newContextState();
  // Most recently used last; the oldest page goes first.
  pages.delete(key);
  pages.set(key, state);
  if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!);
  return state;
}

/** Company mentions in a page's texts: pages keep no matcher of their own (one warm matcher here serves them all). */
export async function handleMatchTexts({ page, texts }: MatchTexts['req'], sender: { tab?: { id?: number } }): Promise<MatchTexts['res']> {
  let chars = 0;
  for (const t of texts) chars += t.length;
  if (chars > MAX_CHARS_PER_REQUEST) throw new Error('matchTexts: too much text in one request');
  const matcher = await currentCompiledMatcher(await ready());
  // A page's first message, sent as it starts loading: the matcher is loaded now, nothing to match.
  if (texts.length === 0) return { mentions: [], undecided: [], confirmed: [] };
  const state = pageState(`${sender.tab?.id ?? 'page'}:${page}`);
  const undecided: Mention[][] = [];
  const mentions = texts.map((t) => {
    const u: Mention[] = [];
    const found = matchCompanies(matcher, t, state, u);
    undecided.push(u);
    return found;
  });
  return { mentions, undecided, confirmed: [...confirmedCompanies(matcher, state)] };
}
