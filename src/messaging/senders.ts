import type { SenderKind } from './protocol';

interface SenderLike {
  id?: string;
  url?: string;
  tab?: unknown;
}

const EXTENSION_URL = /^(chrome|moz)-extension:\/\/[^/]+(\/[^?#]*)/;

/**
 * Who sent a message or opened a port, as the browser (not the message) says: Tieline's own pages,
 * the card frame, or a content script in a web page; null for anyone else. The origin is not
 * compared with `runtime.getURL('')`: Chrome serves the card under a per-session dynamic origin
 * (`use_dynamic_url`), so the scheme and the path decide.
 */
export function senderKind(sender: SenderLike | undefined, ownId: string): SenderKind | null {
  if (!sender || sender.id !== ownId) return null;
  const page = EXTENSION_URL.exec(sender.url ?? '');
  if (page) return page[2] === '/card.html' ? 'card' : 'extension';
  // Only a content script sends from a tab without an extension URL.
  if (sender.tab) return 'content';
  // No tab and no URL: the background (seen by a content script), never a web page.
  return sender.url === undefined ? 'extension' : null;
}
