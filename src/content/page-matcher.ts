import type { Mention } from '../core/matcher';

/** What the background found in one text: mentions, and ambiguous names held back for want of evidence. */
export interface TextMentions {
  mentions: Mention[];
  undecided: Mention[];
}

/**
 * How a page finds mentions: it sends its text to the background, which holds the one matcher of
 * the extension (warm, shared by every tab) and the context cues of each page.
 */
export interface PageMatcher {
  matchAll: (texts: string[]) => Promise<TextMentions[]>;
  /** Companies this page has confirmed so far. */
  confirmed: () => ReadonlySet<string>;
  /** Keys this page's text in the background. */
  page?: string;
}
