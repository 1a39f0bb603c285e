import type { ContentSettings } from '../core/user-settings';
import { onSettingsChanged, readSettings } from './settings-store';

function setTheme(doc: Document, theme: ContentSettings['theme']): void {
  if (theme === 'system') doc.documentElement.removeAttribute('data-theme');
  else doc.documentElement.setAttribute('data-theme', theme);
}

/** Follow the user's appearance setting (system, light, dark) on an extension page, now and when it changes. */
export async function applyTheme(doc: Document): Promise<void> {
  onSettingsChanged((next) => setTheme(doc, next.theme));
  setTheme(doc, (await readSettings()).theme);
}
