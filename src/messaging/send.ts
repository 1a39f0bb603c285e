import { browser } from '../platform/browser';
import { CHANNEL, type BackgroundRequests, type BackgroundType, type TabRequests, type TabType } from './protocol';

/** Ask the background; resolves with its typed answer. */
export async function sendToBackground<K extends BackgroundType>(
  type: K,
  req: BackgroundRequests[K]['req'],
): Promise<BackgroundRequests[K]['res']> {
  return browser.runtime.sendMessage<unknown, BackgroundRequests[K]['res']>({ channel: CHANNEL, type, ...req });
}

/** Ask one tab's content script. Rejects when the tab has none (a site Tieline does not run on). */
export async function sendToTab<K extends TabType>(tabId: number, type: K, req: TabRequests[K]['req']): Promise<TabRequests[K]['res']> {
  return browser.tabs.sendMessage<unknown, TabRequests[K]['res']>(tabId, { channel: CHANNEL, type, ...req });
}
