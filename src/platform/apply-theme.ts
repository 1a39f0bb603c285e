import { SETTINGS_KEY, withDefaults } from '../core/user-settings';
import { browser } from './browser';

/** Follow the user's appearance setting (system, light, dark) on an extension page. */
export async function applyTheme(doc: Document): Promise<void> {
  const { theme } = withDefaults((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}
