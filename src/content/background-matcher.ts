import { sendToBackground } from '../messaging/send';
import { MATCH_CHARS_PER_REQUEST, MATCH_TEXTS_PER_REQUEST } from '../messaging/protocol';
import type { PageMatcher, TextMentions } from './page-matcher';

/** `forRelations`: the background keeps the paragraphs that name a company, for the relation finder. */
export function backgroundMatcher({ forRelations = false } = {}): PageMatcher {
  // Keys this page's context cues in the background; not a secret.
  const page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let confirmed: ReadonlySet<string> = new Set();
  const matchAll = async (texts: string[]): Promise<TextMentions[]> => {
    const out: TextMentions[] = [];
    for (let i = 0; i < texts.length; ) {
      // At least one text per request, however long.
      let j = i + 1;
      let chars = texts[i].length;
      // A slice of a huge page goes in several messages.
      while (j < texts.length && j - i < MATCH_TEXTS_PER_REQUEST && chars + texts[j].length <= MATCH_CHARS_PER_REQUEST) chars += texts[j++].length;
      const answer = await sendToBackground('matchTexts', forRelations ? { page, texts: texts.slice(i, j), forRelations } : { page, texts: texts.slice(i, j) });
      answer.mentions.forEach((mentions, k) => out.push({ mentions, undecided: answer.undecided[k] ?? [] }));
      confirmed = new Set(answer.confirmed);
      i = j;
    }
    return out;
  };
  return { matchAll, confirmed: () => confirmed, page };
}

/**
 * Wake the background and have it load its matcher while the page is still loading: the first
 * scan then waits for nothing but its own message.
 */
export function warmBackgroundMatcher(): Promise<boolean> {
  return sendToBackground('matchTexts', { page: 'warm-up', texts: [] }).then(
    () => true,
    () => false,
  );
}
