import { confirmedCompanies, matchCompanies, newContextState, type CompiledMatcher, type Mention } from '../core/matcher';

/**
 * How a page finds mentions: with a matcher loaded in the page (the bundled dataset, or a user's
 * of modest size), at once; or by asking the background, which holds a user's large matcher.
 */
export type PageMatcher =
  | {
      kind: 'local';
      /** Mentions; `undecided` receives ambiguous names dropped only for want of evidence. */
      match: (text: string, undecided?: Mention[]) => Mention[];
      /** Companies this page has confirmed so far. */
      confirmed: () => Set<string>;
    }
  | { kind: 'background'; matchAll: (texts: string[]) => Promise<Mention[][]> };

export function localMatcher(m: CompiledMatcher): PageMatcher {
  // Context cues carry over from paragraph to paragraph of one page.
  const state = newContextState();
  return { kind: 'local', match: (text, undecided) => matchCompanies(m, text, state, undecided), confirmed: () => confirmedCompanies(m, state) };
}
