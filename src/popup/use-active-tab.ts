import { useLayoutEffect, useState } from 'preact/hooks';
import type { PageMention } from '../core/views';
import { sendToTab } from '../messaging/send';
import { browser } from '../platform/browser';
import { hostOf } from '../core/url';

export interface ActiveTab {
  tabId: number | null;
  host: string;
  /** null: Tieline does not run on this tab (yet). */
  page: { url: string; enabled: boolean; mentions: PageMention[]; title: string; published: string | null } | null;
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

// Asked as soon as the script runs: the popup's first frame waits for this answer (see index.tsx),
// so that it shows the page's companies at once instead of an empty list that fills a moment later.
const firstTab = findTab();
const firstAnswer = firstTab.then((id) => (id === null ? null : sendToTab(id, 'getPageMentions', {}).catch(() => null)));
let settled: { tabId: number | null; page: PageAnswer | null } | undefined;

/** Resolves once the tab has answered (or has no content script), for the popup to render its first frame. */
export const firstTabAnswer: Promise<void> = Promise.all([firstTab, firstAnswer]).then(([tabId, page]) => {
  settled = { tabId, page };
});

/** The current tab and what Tieline found on it; polls briefly while a page is still being scanned. */
export function useActiveTab(): ActiveTab {
  const [tabId, setTabId] = useState<number | null>(() => settled?.tabId ?? null);
  const [host, setHost] = useState(() => hostOfPage(settled?.page));
  const [page, setPage] = useState<ActiveTab['page']>(() => settled?.page ?? null);
  const [ready, setReady] = useState(() => settled !== undefined);
  const [tick, setTick] = useState(0);
  const [answeredBeforeFirstFrame] = useState(() => settled !== undefined);

  useLayoutEffect(() => {
    if (!answeredBeforeFirstFrame) void firstTab.then(setTabId);
  }, []);
  useLayoutEffect(() => {
    if (tabId === null) return;
    let alive = true;
    // Already shown in the first frame: the next ask is the poll's.
    let first = tick === 0 && !answeredBeforeFirstFrame;
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
          setHost(hostOfPage(p));
        },
        () => {
          if (!alive) return;
          setPage(null);
          setReady(true);
        },
      );
    if (!(tick === 0 && answeredBeforeFirstFrame)) void load();
    const poll = setInterval(load, 1000);
    return () => {
      alive = false;
      clearInterval(poll);
    };
  }, [tabId, tick]);
  return { tabId, host, page, ready, refresh: () => setTick((n) => n + 1) };
}

/** Without the "tabs" permission the tab's URL is hidden from us; the content script knows it. */
function hostOfPage(page: PageAnswer | null | undefined): string {
  return page ? hostOf(page.url) : '';
}
