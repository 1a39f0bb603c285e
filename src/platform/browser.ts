import browser from 'webextension-polyfill';

/**
 * The one module that touches the WebExtension API. Unit tests replace it; content scripts import
 * it at document_start, before a page can clobber `chrome`/`browser` with named form elements.
 */
export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';

/** False once this script's extension was reloaded, updated or removed (Chrome then clears `runtime.id`). */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime.id === 'string' && browser.runtime.id !== '';
  } catch {
    return false;
  }
}
