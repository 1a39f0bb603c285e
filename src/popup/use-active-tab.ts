import { useLayoutEffect, useState } from 'preact/hooks';
import type { PageMention } from '../core/card-data';
import { sendToTab } from '../messaging/send';
import { browser } from '../platform/browser';

export interface ActiveTab {
  tabId: number | null;
  host: string;
  /** null: Tieline does not run on this tab (yet). */
  page: { url: string; enabled: boolean; mentions: PageMention[] } | null;
  /** The tab has answered (or failed to) at least once. */
  ready: boolean;
  refresh: () => void;
}

type PageAnswer = NonNullable<ActiveTab['page']>;

/** The tab this popup is about. `popup.html?tab=ID` shows another tab (the popup opened as a page: tests, keyboard users). */
function findTab(): Promise<number | null> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const find = forced > 0 ? browser.tabs.get(forced).then((t) => [t]) : browser.tabs.query({ active: true, currentWindow: true });
  return find.then(([tab]) => tab?.id ?? null, () => null);
}

// Asked as soon as the script runs, before the first render and its effects: the popup's first
// useful frame waits on this answer.
const firstTab = findTab();
const firstAnswer = firstTab.then((id) => (id === null ? null : sendToTab(id, 'getPageMentions', {}).catch(() => null)));

/** The current tab and what Tieline found on it; polls briefly while a page is still being scanned. */
export function useActiveTab(): ActiveTab {
  const [tabId, setTabId] = useState<number | null>(null);
  const [host, setHost] = useState('');
  const [page, setPage] = useState<ActiveTab['page']>(null);
  const [ready, setReady] = useState(false);
  const [tick, setTick] = useState(0);

  useLayoutEffect(() => {
    void firstTab.then(setTabId);
  }, []);
  useLayoutEffect(() => {
    if (tabId === null) return;
    let alive = true;
    let first = tick === 0;
    const ask = (): Promise<PageAnswer> => {
      if (first) {
        first = false;
        return firstAnswer.then((a) => (a === null ? Promise.reject(new Error("no content script")) : a));
      }
      return sendToTab(tabId, 'getPageMentions', {});
    };
    const load = () =>
      ask().then(
        (p) => {
          if (!alive) return;
          setPage(p);
          setReady(true);
          // Without the "tabs" permission the tab's URL is hidden from us; the content script knows it.
          setHost(new URL(p.url).hostname);
        },
        () => {
          if (!alive) return;
          setPage(null);
          setReady(true);
        },
      );
    void load();
    const poll = setInterval(load, 1000);
    return () => {
      alive = false;
      clearInterval(poll);
    };
  }, [tabId, tick]);
  return { tabId, host, page, ready, refresh: () => setTick((n) => n + 1) };
}
