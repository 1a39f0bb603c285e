/**
 * Settings the content script needs at page start. They live in `storage.local` (not IndexedDB)
 * because a content script can read that directly, without waking the background.
 */
export interface ContentSettings {
  /** Hosts (without `www.`) where the user turned Tieline off. */
  offSites: string[];
  style: 'underline' | 'background';
  firstOnly: boolean;
  scope: 'article' | 'page';
  theme: 'system' | 'light' | 'dark';
}

/** A change to the settings, computed from the settings as stored when it is applied. */
export type SettingsChange = (now: ContentSettings) => Partial<ContentSettings>;

export const DEFAULT_SETTINGS: ContentSettings = {
  offSites: [],
  style: 'underline',
  firstOnly: false,
  scope: 'article',
  theme: 'system',
};

export const SETTINGS_KEY = 'settings';

export function siteKey(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** Is `host` (or a parent domain of it) in the list? */
export function hostInList(host: string, list: readonly string[]): boolean {
  const h = siteKey(host);
  return list.some((site) => h === site || h.endsWith('.' + site));
}

export function withDefaults(raw: unknown): ContentSettings {
  const s = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<ContentSettings>;
  return {
    offSites: Array.isArray(s.offSites) ? s.offSites.filter((x) => typeof x === 'string') : [],
    style: s.style === 'background' ? 'background' : 'underline',
    firstOnly: s.firstOnly === true,
    scope: s.scope === 'page' ? 'page' : 'article',
    theme: s.theme === 'light' || s.theme === 'dark' ? s.theme : 'system',
  };
}
