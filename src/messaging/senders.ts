import { browser } from '../platform/browser';

/**
 * Was this sent by one of Tieline's own pages (popup, settings, card), not by a content script or
 * another extension? The origin is not compared with `runtime.getURL('')`: Chrome serves the card
 * under a per-session dynamic origin (`use_dynamic_url`).
 */
export function fromExtensionPage(sender: { id?: string; url?: string } | undefined): boolean {
  return !!sender && sender.id === browser.runtime.id && /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');
}
