import { matchCompanies, newContextState, type CompiledMatcher, type Mention } from '../core/matcher';

/**
 * How a page finds mentions: with a matcher loaded in the page (the bundled dataset, or a user's
 * of modest size), at once; or by asking the background, which holds a user's large matcher.
 */
export type PageMatcher =
  | { kind: 'local'; match: (text: string) => Mention[] }
  | { kind: 'background'; matchAll: (texts: string[]) => Promise<Mention[][]> };

export function localMatcher(m: CompiledMatcher): PageMatcher {
  // Context cues carry over from paragraph to paragraph of one page.
  const state = newContextState();
  return { kind: 'local', match: (text) => matchCompanies(m, text, state) };
}
