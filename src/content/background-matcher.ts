import type { Mention } from '../core/matcher';
import { sendToBackground } from '../messaging/send';
import { MATCH_CHARS_PER_REQUEST, MATCH_TEXTS_PER_REQUEST } from '../messaging/protocol';
import type { PageMatcher } from './page-matcher';

export function backgroundMatcher(): PageMatcher {
  // Keys this page's context cues in the background; not a secret.
  const page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const matchAll = async (texts: string[]): Promise<Mention[][]> => {
    const out: Mention[][] = [];
    for (let i = 0; i < texts.length; ) {
      // At least one text per request, however long.
      let j = i + 1;
      let chars = texts[i].length;
      // A slice of a huge page goes in several messages.
      while (j < texts.length && j - i < MATCH_TEXTS_PER_REQUEST && chars + texts[j].length <= MATCH_CHARS_PER_REQUEST) chars += texts[j++].length;
      out.push(...(await sendToBackground('matchTexts', { page, texts: texts.slice(i, j) })).mentions);
      i = j;
    }
    return out;
  };
  return { kind: 'background', matchAll };
}
