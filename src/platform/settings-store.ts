import { SETTINGS_KEY, withDefaults, type ContentSettings, type SettingsChange } from '../core/user-settings';
import { browser } from './browser';

/**
 * The one way to read and write the user's settings, from every part (popup, settings page, content
 * scripts, theme). A write changes only the fields it names, on the settings as stored at that
 * moment, so a page holding an older copy never overwrites what another part changed meanwhile
 * (the settings page used to write back the whole object, undoing a site switched off in the popup).
 */
export async function readSettings(): Promise<ContentSettings> {
  return withDefaults((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
}

/** Change some settings; `change` sees the stored settings and returns the fields to change. */
export async function updateSettings(change: SettingsChange): Promise<ContentSettings> {
  const now = await readSettings();
  const next = withDefaults({ ...now, ...change(now) });
  await browser.storage.local.set({ [SETTINGS_KEY]: next });
  return next;
}

/** Call `listener` with the new settings whenever any part changes them; returns the unsubscribe. */
export function onSettingsChanged(listener: (next: ContentSettings, before: ContentSettings) => void): () => void {
  const onChanged = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !Object.hasOwn(changes, SETTINGS_KEY)) return;
    listener(withDefaults(changes[SETTINGS_KEY].newValue), withDefaults(changes[SETTINGS_KEY].oldValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
