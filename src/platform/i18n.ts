import { browser } from './browser';

/** A user-facing string from `_locales`; the key itself if a translation is missing (never blank). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
