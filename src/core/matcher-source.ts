/**
 * Which matcher a page should use, kept in `storage.local` so that a content script knows without
 * waking the background: the bundled one, the user's (small enough to hand to each page), or the
 * user's kept in the background, which then matches the page's text itself.
 */
export type MatcherSource = 'bundled' | 'user' | 'user-remote';

export const MATCHER_SOURCE_KEY = 'matcherSource';

export function asMatcherSource(value: unknown): MatcherSource {
  return value === 'user' || value === 'user-remote' ? value : 'bundled';
}
