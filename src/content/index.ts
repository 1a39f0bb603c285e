import { hostInList, SETTINGS_KEY, withDefaults, type ContentSettings } from '../core/user-settings';
import type { PageMention } from '../core/views';
import type { TabRequests } from '../messaging/protocol';
import { listen } from '../messaging/router';
import { sendToBackground } from '../messaging/send';
import { browser } from '../platform/browser';
import { Annotator } from './annotator';
import { decorateMark } from './decorate-mark';
import { CardHost } from './card-host';
import { MARK_TAG } from './highlighter';
import { bundledMatcher, userMatcher } from './load-matcher';
import { asMatcherSource, MATCHER_SOURCE_KEY, type MatcherSource } from '../core/matcher-source';
import { backgroundMatcher } from './background-matcher';

const GUARD = '__tielineContentScript';

/** One running instance per page: "annotate once" may inject us into a page that already has us. */
async function main(): Promise<void> {
  const g = globalThis as Record<string, unknown>;
  if (g[GUARD]) return;
  g[GUARD] = true;

  const stored = await browser.storage.local.get([SETTINGS_KEY, MATCHER_SOURCE_KEY]);
  const settings = withDefaults(stored[SETTINGS_KEY]);
  const page = new PageSession(document, settings);
  listen<TabRequests>({
    getPageMentions: () => ({ url: location.href, enabled: page.enabled, mentions: page.mentions() }),
    setPageEnabled: async ({ enabled }) => {
      if (enabled) await page.enable();
      else page.disable();
      return { ok: true };
    },
    focusNextHighlight: () => ({ ok: page.focusNext() }),
  });
  // A page on the user's off list keeps only the listener, to be turned back on from the popup.
  const injectedOnce = !!g.__tielineInjected;
  if (hostInList(location.hostname, settings.offSites) && !injectedOnce) return;
  await page.enable(asMatcherSource(stored[MATCHER_SOURCE_KEY]));
}

class PageSession {
  enabled = false;
  private annotator: Annotator | null = null;
  private card: CardHost | null = null;
  private detach: (() => void) | null = null;
  private focusIndex = -1;

  constructor(private readonly doc: Document, private readonly settings: ContentSettings) {}

  async enable(matcherSource?: MatcherSource): Promise<void> {
    if (this.enabled) return;
    this.enabled = true;
    const source = matcherSource ?? asMatcherSource((await browser.storage.local.get(MATCHER_SOURCE_KEY))[MATCHER_SOURCE_KEY]);
    const loadStart = performance.now();
    const matcher = source === 'user-remote' ? backgroundMatcher() : source === 'user' ? await userMatcher() : bundledMatcher();
    performance.measure('tieline:load', {
      start: loadStart,
      end: performance.now(),
      detail: { source: matcher.kind === 'background' ? 'user, in the background' : source === 'user' ? 'user' : 'bundled' },
    });
    await domReady(this.doc);
    await firstFrame(this.doc);
    if (!this.enabled) return;
    this.card = new CardHost(this.doc);
    this.annotator = new Annotator(this.doc, matcher, {
      scope: this.settings.scope,
      firstOnly: this.settings.firstOnly,
      decorate: (mark, _id, first) => decorateMark(mark, first, this.settings.style),
      onChange: () => this.report(),
    });
    this.detach = this.listenForActivation();
    await this.annotator.start();
  }

  disable(): void {
    this.enabled = false;
    this.detach?.();
    this.card?.destroy();
    this.annotator?.stop();
    this.annotator = this.card = this.detach = null;
  }

  /** The companies on the page now, in order of first appearance (a single-page app may have replaced content). */
  mentions(): PageMention[] {
    const byCompany = new Map<string, PageMention>();
    for (const mark of this.annotator?.marks() ?? []) {
      const id = mark.dataset.company!;
      const m = byCompany.get(id);
      if (m) m.count++;
      else byCompany.set(id, { companyId: id, count: 1, name: mark.textContent ?? id });
    }
    return [...byCompany.values()];
  }

  focusNext(): boolean {
    const marks = this.annotator?.marks() ?? [];
    if (marks.length === 0) return false;
    this.focusIndex = (this.focusIndex + 1) % marks.length;
    marks[this.focusIndex].focus();
    marks[this.focusIndex].scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sightings for "seen in N articles", once things settle; again after a single-page-app navigation. */
  private report(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      const companies = this.mentions().map((m) => m.companyId);
      void sendToBackground('pageScanned', { url: location.href, title: this.doc.title, companies }).catch(() => undefined);
    }, 1500);
  }

  /** Click or Enter on a mark opens its card; a mark inside a link leaves clicks to the link. */
  private listenForActivation(): () => void {
    const markOf = (e: Event) => {
      const t = e.target;
      return t instanceof Element ? t.closest<HTMLElement>(MARK_TAG) : null;
    };
    const onClick = (e: MouseEvent) => {
      const mark = markOf(e);
      if (!mark || e.button !== 0 || e.defaultPrevented || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      if (mark.closest('a[href]')) return;
      e.preventDefault();
      this.toggleCard(mark);
    };
    const onKey = (e: KeyboardEvent) => {
      const mark = markOf(e);
      if (!mark || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      e.stopPropagation();
      this.toggleCard(mark);
    };
    this.doc.addEventListener('click', onClick, true);
    this.doc.addEventListener('keydown', onKey, true);
    return () => {
      this.doc.removeEventListener('click', onClick, true);
      this.doc.removeEventListener('keydown', onKey, true);
    };
  }

  private toggleCard(mark: HTMLElement): void {
    if (!this.card) return;
    if (this.card.openFor === mark) this.card.close(true);
    else this.card.open(mark, mark.dataset.company!);
  }
}

/**
 * After the page's first frame: the browser has then styled and laid out the page in its own
 * rendering task. Scanning before it, the first visibility check would force that whole layout
 * inside Tieline's slice (80 ms on a large page) and hold back the page's first paint. A tab in
 * the background renders no frames: it is scanned after a second.
 */
function firstFrame(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 1000);
    win.requestAnimationFrame(() => setTimeout(done, 0));
  });
}

function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

void main().catch((e: unknown) => console.warn('Tieline:', e));
