import browser from 'webextension-polyfill';

/**
 * The one module that touches the WebExtension API. Unit tests replace it; content scripts import
 * it at document_start, before a page can clobber `chrome`/`browser` with named form elements.
 */
export { browser };
export type { Runtime, Tabs } from 'webextension-polyfill';
