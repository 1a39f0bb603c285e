import { browser } from '../platform/browser';
import { unwrapReply } from './dispatch';
import { CHANNEL, type BackgroundRequests, type BackgroundType, type TabRequests, type TabType } from './protocol';

/** Ask the background; resolves with its typed answer, rejects with a RequestError. */
export async function sendToBackground<K extends BackgroundType>(type: K, req: BackgroundRequests[K]['req']): Promise<BackgroundRequests[K]['res']> {
  return unwrapReply(await browser.runtime.sendMessage({ channel: CHANNEL, type, ...(req as object) }));
}

/** Ask one tab's content script. Rejects when the tab has none (a site Tieline does not run on). */
export async function sendToTab<K extends TabType>(tabId: number, type: K, req: TabRequests[K]['req']): Promise<TabRequests[K]['res']> {
  return unwrapReply(await browser.tabs.sendMessage(tabId, { channel: CHANNEL, type, ...(req as object) }));
}
