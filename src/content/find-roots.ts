export type Scope = 'article' | 'page';

/**
 * Where the article is. The headline usually sits outside the body container, so h1 comes along.
 * Without a recognisable article, the whole body.
 */
export function findRoots(doc: Document, scope: Scope): Element[] {
  const body = doc.body;
  if (!body) return [];
  if (scope === 'page') return [body];
  for (const selector of ['[itemprop="articleBody"]', 'article', 'main, [role="main"]']) {
    const found = Array.from(doc.querySelectorAll(selector)).filter((el) => !el.parentElement?.closest(selector));
    // A container with paragraphs, not an empty landmark (reading its text here would cost a full pass).
    if (found.some((el) => el.querySelector('p'))) {
      const headings = Array.from(doc.querySelectorAll('h1')).filter((h) => !found.some((el) => el.contains(h)));
      return [...headings, ...found];
    }
  }
  return [body];
}
