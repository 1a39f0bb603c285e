import { sendToBackground } from '../messaging/send';
import { MATCH_CHARS_PER_REQUEST, MATCH_TEXTS_PER_REQUEST } from '../messaging/protocol';
import type { MatchAnswer, PageMatcher } from './page-matcher';

/** Texts `[i, j)` of each request: a slice of a huge page goes in several messages, each text in one. */
function requests(texts: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < texts.length; ) {
    let j = i + 1;
    let chars = texts[i].length;
    while (j < texts.length && j - i < MATCH_TEXTS_PER_REQUEST && chars + texts[j].length <= MATCH_CHARS_PER_REQUEST) chars += texts[j++].length;
    out.push([i, j]);
    i = j;
  }
  return out;
}

/** `forRelations`: the background keeps the paragraphs that name a company, for the relation finder. */
export function backgroundMatcher({ forRelations = false } = {}): PageMatcher {
  // Keys this page's context cues in the background; not a secret.
  const page = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  let confirmed: readonly string[] = [];
  let confirmedSet: ReadonlySet<string> | undefined;
  const matchAll = async (texts: string[]): Promise<MatchAnswer> => {
    let all: MatchAnswer | undefined;
    for (const [i, j] of requests(texts)) {
      const answer = await sendToBackground('matchTexts', forRelations ? { page, texts: texts.slice(i, j), forRelations } : { page, texts: texts.slice(i, j) });
      confirmed = answer.confirmed;
      confirmedSet = undefined;
      // One request is the rule: its answer is used as it came.
      if (!all) all = { mentions: answer.mentions, undecided: answer.undecided };
      else {
        const at = all.mentions.length;
        for (let k = 0; k < answer.mentions.length; k++) {
          all.mentions.push(answer.mentions[k]);
          all.undecided[at + k] = answer.undecided[k];
        }
      }
    }
    return all ?? { mentions: [], undecided: [] };
  };
  const probe = async (texts: string[]): Promise<boolean[]> => {
    const all: boolean[] = [];
    for (const [i, j] of requests(texts)) all.push(...(await sendToBackground('probeTexts', { texts: texts.slice(i, j) })));
    return all;
  };
  // Made when asked (after the scan), not when each answer arrives.
  return { matchAll, probe, confirmed: () => (confirmedSet ??= new Set(confirmed)), page };
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
