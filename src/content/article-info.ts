import { dom } from './dom';

/** Where news pages state when an article was published, most reliable first. */
const PUBLISHED = [
  ['meta[property="article:published_time"]', 'content'],
  ['meta[itemprop="datePublished"]', 'content'],
  ['meta[name="date"]', 'content'],
  ['meta[name="pubdate"]', 'content'],
  ['time[datetime]', 'datetime'],
] as const;

/** The article's title and publication day (YYYY-MM-DD), as the page states them; null when it does not. */
export function articleInfo(doc: Document): { title: string; published: string | null } {
  let published: string | null = null;
  for (const [selector, attribute] of PUBLISHED) {
    const el = dom.querySelector(doc, selector);
    const day = el ? /^\d{4}-\d{2}-\d{2}/.exec(dom.getAttribute(el, attribute) ?? '')?.[0] : undefined;
    if (day) {
      published = day;
      break;
    }
  }
  return { title: dom.title(doc).trim().slice(0, 500), published };
}
