import { backgroundMatcher } from './background-matcher';
import { findRoots, type Scope } from './find-roots';
import { readableParagraphs } from './text-walker';
import { SLICE_MS, yieldToPage } from './yield-to-page';

/** Text sent for "From this article": an article's worth; the rest of a huge page is not read. */
const MAX_CHARS = 300_000;

/**
 * Read the article again, in slices, and hand its text to the background under a fresh key, for the
 * relation finder. Asked when the popup opens: the background's memory of a page does not outlive the
 * background itself (a service worker stops when idle), so what it finds never depends on that.
 */
export async function sendArticleText(doc: Document, scope: Scope): Promise<string> {
  const matcher = backgroundMatcher({ forRelations: true });
  const texts: string[] = [];
  let chars = 0;
  let deadline = performance.now() + SLICE_MS;
  outer: for (const root of findRoots(doc, scope)) {
    for (const p of readableParagraphs(root)) {
      texts.push(p.text);
      chars += p.text.length;
      if (chars >= MAX_CHARS) break outer;
      if (performance.now() > deadline) {
        await yieldToPage();
        deadline = performance.now() + SLICE_MS;
      }
    }
  }
  await matcher.matchAll(texts);
  return matcher.page!;
}
