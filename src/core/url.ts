/** The host of a URL as a reader names a site: lower case, without `www.`; '' for what is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The part of a page's address that reading history keeps: origin and path. The query string and
 * the fragment often carry session tokens, search terms or tracking ids, so they are never stored.
 * '' for what is not an http(s) URL (nothing worth remembering).
 */
export function pageAddress(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return '';
    return u.origin + u.pathname;
  } catch {
    return '';
  }
}
