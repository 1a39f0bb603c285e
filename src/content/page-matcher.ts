import type { Mention } from '../core/matcher';

/**
 * What the background found in each text sent, by the text's index: mentions, and ambiguous names
 * held back for want of evidence (`undecided[i]` may be missing: none). Kept as the message has it:
 * nothing is copied on the page when the answer arrives.
 */
export interface MatchAnswer {
  mentions: Mention[][];
  undecided: (Mention[] | undefined)[];
}

/**
 * How a page finds mentions: it sends its text to the background, which holds the one matcher of
 * the extension (warm, shared by every tab) and the context cues of each page.
 */
export interface PageMatcher {
  matchAll: (texts: string[]) => Promise<MatchAnswer>;
  /** Companies this page has confirmed so far. */
  confirmed: () => ReadonlySet<string>;
  /**
   * Whether each text may name a company (parts of a huge page read in one piece, see
   * `child-spans.ts`); a matcher without it has every page read node by node.
   */
  probe?: (texts: string[]) => Promise<boolean[]>;
  /** Keys this page's text in the background. */
  page?: string;
}
