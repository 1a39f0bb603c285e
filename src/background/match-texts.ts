import { confirmedCompanies, matchCompanies, mayNameCompany, newContextState, type ContextState, type Mention } from '../core/matcher';
import type { TextWithMentions } from '../core/relations';
import type { BackgroundRequests } from '../messaging/protocol';
import { currentCompiledMatcher } from './matcher-cache';
import { ready } from './ready';

type MatchTexts = BackgroundRequests['matchTexts'];
type ProbeTexts = BackgroundRequests['probeTexts'];

/** Pages send at most 500,000 characters a request, or one paragraph; more than this is not a page's. */
const MAX_CHARS_PER_REQUEST = 16_000_000;
/** Pages scanned lately: their context cues (a page full of companies is about business) and their text. */
const MAX_PAGES = 64;
/** The paragraphs with a company kept per page sent for the relation finder; the rest of a huge page is not. */
const MAX_KEPT_CHARS = 300_000;

interface PageState {
  context: ContextState;
  /** Paragraphs that name a company, in page order, for "From this article" (text sent `forRelations`). */
  paragraphs: TextWithMentions[];
  keptChars: number;
}
const pages = new Map<string, PageState>();

function pageState(key: string): PageState {
  const state = pages.get(key) ?? { context: newContextState(), paragraphs: [], keptChars: 0 };
  // Most recently used last; the oldest page goes first.
  pages.delete(key);
  pages.set(key, state);
  if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value!);
  return state;
}

export function pageKey(tabId: number | undefined, page: string): string {
  return `${tabId ?? 'page'}:${page}`;
}

/** The paragraphs naming a company that a tab's page sent (none when the background has since restarted). */
export function pageParagraphs(key: string): readonly TextWithMentions[] {
  return pages.get(key)?.paragraphs ?? [];
}

/** Company mentions in a page's texts: pages keep no matcher of their own (one warm matcher here serves them all). */
export async function handleMatchTexts({ page, texts, forRelations }: MatchTexts['req'], sender: { tab?: { id?: number } }): Promise<MatchTexts['res']> {
  let chars = 0;
  for (const t of texts) chars += t.length;
  if (chars > MAX_CHARS_PER_REQUEST) throw new Error('matchTexts: too much text in one request');
  const matcher = await currentCompiledMatcher(await ready());
  // A page's first message, sent as it starts loading: the matcher is loaded now, nothing to match.
  if (texts.length === 0) return { mentions: [], undecided: [], confirmed: [] };
  const state = pageState(pageKey(sender.tab?.id, page));
  const undecided: Mention[][] = [];
  const mentions = texts.map((text) => {
    const u: Mention[] = [];
    const found = matchCompanies(matcher, text, state.context, u);
    undecided.push(u);
    if (forRelations && found.length > 0 && state.keptChars + text.length <= MAX_KEPT_CHARS) {
      state.paragraphs.push({ text, mentions: found });
      state.keptChars += text.length;
    }
    return found;
  });
  return { mentions, undecided, confirmed: [...confirmedCompanies(matcher, state.context)] };
}

/** Whether each part of a huge page may name a company; the page's own context cues are left alone. */
export async function handleProbeTexts({ texts }: ProbeTexts['req']): Promise<ProbeTexts['res']> {
  let chars = 0;
  for (const t of texts) chars += t.length;
  if (chars > MAX_CHARS_PER_REQUEST) throw new Error('probeTexts: too much text in one request');
  const matcher = await currentCompiledMatcher(await ready());
  return texts.map((text) => mayNameCompany(matcher, text));
}
