import { hostInList, siteKey } from './user-settings';

/**
 * The news sites Tieline runs on out of the box. manifest.json's `content_scripts.matches` holds
 * exactly `matchPatternsFor(host)` for each of these (a unit test keeps the two in step).
 */
export const DEFAULT_SITES: readonly string[] = [
  'techcrunch.com',
  'theverge.com',
  'arstechnica.com',
  'wired.com',
  'reuters.com',
  'bloomberg.com',
  'cnbc.com',
  'ft.com',
  'wsj.com',
  'nytimes.com',
  'washingtonpost.com',
  'theguardian.com',
  'bbc.com',
  'bbc.co.uk',
  'cnn.com',
  'apnews.com',
  'axios.com',
  'businessinsider.com',
  'theinformation.com',
  'venturebeat.com',
  'geekwire.com',
  'zdnet.com',
  'cnet.com',
  'engadget.com',
  'theregister.com',
  'semafor.com',
  'siliconangle.com',
  'fortune.com',
  'forbes.com',
  'startuphub.ai',
  'news.ycombinator.com',
];

/** The host and all its subdomains, over http and https. */
export function matchPatternsFor(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/** storage.local key: the hosts the user added in the settings (permission asked at run time). */
export const USER_SITES_KEY = 'userSites';

/** The stored list, cleaned: valid hosts only, no duplicates, sorted. */
export function userSitesFrom(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const hosts = raw.filter((x): x is string => typeof x === 'string' && isHostName(x));
  return [...new Set(hosts)].sort();
}

export type SiteInputError = 'empty' | 'scheme' | 'invalid' | 'default' | 'added';
export type SiteInput = { ok: true; host: string } | { ok: false; error: SiteInputError; host?: string };

/**
 * What the user typed in "add a site": a host or a page address. `https://www.example.com/path`
 * → `example.com` (www. dropped, like `siteKey`). Refuses non-web schemes, IP addresses, single
 * labels (`localhost`), wildcards, default sites and sites already added (or covered by one).
 */
export function parseSiteInput(input: string, added: readonly string[] = []): SiteInput {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  // "example.com:8080" looks like a scheme to that regex: only a known or "//"-followed one counts.
  const hasScheme = !!scheme && (text.slice(scheme[0].length).startsWith('//') || !/^\d/.test(text.slice(scheme[0].length)));
  if (hasScheme && !/^https?$/i.test(scheme[1])) return { ok: false, error: 'scheme' };
  if (/[\s*]/.test(text)) return { ok: false, error: 'invalid' };
  let hostname: string;
  try {
    hostname = new URL(hasScheme ? text : `http://${text}`).hostname;
  } catch {
    return { ok: false, error: 'invalid' };
  }
  const host = siteKey(hostname.replace(/\.$/, ''));
  if (!isHostName(host)) return { ok: false, error: 'invalid' };
  if (hostInList(host, DEFAULT_SITES)) return { ok: false, error: 'default', host };
  if (hostInList(host, added)) return { ok: false, error: 'added', host };
  return { ok: true, host };
}

/** A DNS name with at least two labels and a non-numeric top label (so no IP addresses). */
function isHostName(host: string): boolean {
  if (host.length > 253) return false;
  const labels = host.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return false;
  return !/^\d+$/.test(labels[labels.length - 1]);
}
