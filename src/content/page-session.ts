import type { ContentSettings } from '../core/user-settings';
import type { PageMention } from '../core/views';
import { sendToBackground } from '../messaging/send';
import { extensionAlive } from '../platform/browser';
import { Annotator } from './annotator';
import { backgroundMatcher, warmBackgroundMatcher } from './background-matcher';
import { CardHost } from './card-host';
import { dom } from './dom';
import { mentionAt } from './hit-test';
import { KeyboardFocus } from './keyboard-focus';
import { OverlayHost } from './overlay-host';
import type { Painted } from './painter';
import { rectOf } from './range-rect';

/** Tieline on one page: the scan, the card, the keyboard focus; all of it goes with `disable()`. */
export class PageSession {
  enabled = false;
  private annotator: Annotator | null = null;
  private card: CardHost | null = null;
  private focus: KeyboardFocus | null = null;
  private overlay: OverlayHost | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private settings: ContentSettings,
  ) {}

  /** New highlighting settings (style, scope, first mention only): an annotated page is repainted with them. */
  async useSettings(settings: ContentSettings): Promise<void> {
    const same = settings.style === this.settings.style && settings.scope === this.settings.scope && settings.firstOnly === this.settings.firstOnly;
    this.settings = settings;
    if (same || !this.enabled) return;
    this.disable();
    await this.enable();
  }

  /** Annotate the page; a second call while the first is under way waits for the same start. */
  enable(): Promise<void> {
    if (!this.enabled) {
      this.enabled = true;
      this.starting = this.start();
    }
    return this.starting ?? Promise.resolve();
  }

  private starting: Promise<void> | null = null;
  /** Article text or the whole page, as the settings say. */
  get scope(): ContentSettings['scope'] {
    return this.settings.scope;
  }

  /** Bumped by every start and stop: a start overtaken by a stop (and maybe a new start) gives up. */
  private run = 0;

  private async start(): Promise<void> {
    const run = ++this.run;
    // The page holds no matcher: the background's, loaded once and warm, matches every tab's text.
    // Waking it now, while the page still loads, takes its start-up off the first scan.
    const loadStart = performance.now();
    void warmBackgroundMatcher().then((ok) => {
      if (ok) performance.measure('tieline:load', { start: loadStart, end: performance.now(), detail: { source: 'background' } });
    });
    const matcher = backgroundMatcher();
    await domReady(this.doc);
    await firstFrame(this.doc);
    if (run !== this.run) return;
    // One controller for the session: aborting it takes every listener, highlight and element of ours.
    const abort = (this.abort = new AbortController());
    const overlay = (this.overlay = new OverlayHost(this.doc));
    this.annotator = new Annotator(this.doc, matcher, {
      scope: this.settings.scope,
      firstOnly: this.settings.firstOnly,
      look: this.settings.style,
      onChange: () => this.report(),
      onNoAnswer: () => this.checkOrphanedSoon(),
    });
    const painter = this.annotator.painter;
    this.focus = new KeyboardFocus(this.doc, overlay, () => painter.inOrder(), (id) => this.nameOf(id), (p) => this.openCard(p));
    this.card = new CardHost(this.doc, overlay, abort.signal, (byKeyboard) => {
      if (byKeyboard) this.focus?.refocus();
      else this.focus?.leave();
    });
    this.focus.cardOpen = () => this.card?.openFor != null;
    const { annotator, card, focus } = this;
    abort.signal.addEventListener('abort', () => {
      card.close(false);
      focus.leave();
      overlay.remove();
      annotator.stop();
    }, { once: true });
    this.listenForClicks(abort.signal);
    await this.annotator.start();
  }

  disable(): void {
    this.enabled = false;
    this.starting = null;
    this.run++;
    clearTimeout(this.reportTimer);
    this.abort?.abort();
    this.annotator = this.card = this.focus = this.overlay = this.abort = null;
  }

  /** The companies on the page now, in order of first appearance (a single-page app may have replaced content). */
  mentions(): PageMention[] {
    const byCompany = new Map<string, PageMention>();
    for (const p of this.annotator?.painter.inOrder() ?? []) {
      const m = byCompany.get(p.companyId);
      if (m) m.count++;
      else byCompany.set(p.companyId, { companyId: p.companyId, count: 1, name: p.node.data.slice(p.start, p.end) });
    }
    return [...byCompany.values()];
  }

  focusNext(): boolean {
    return this.focus?.next() ?? false;
  }

  private nameOf(companyId: string): string {
    const p = this.annotator?.painter.inOrder().find((m) => m.companyId === companyId);
    return p ? p.node.data.slice(p.start, p.end) : companyId;
  }

  /**
   * An update or reload of Tieline leaves this script behind in open pages, cut off from the
   * extension: it then takes its highlights and listeners off the page instead of offering cards
   * that can no longer open. Checked when the page changes or is clicked.
   */
  private detachIfOrphaned(): boolean {
    if (extensionAlive()) return false;
    this.disable();
    return true;
  }

  private orphanChecks: ReturnType<typeof setTimeout>[] = [];
  /**
   * The background did not answer: Tieline may be reloading under this script, and Chrome cuts the
   * script off only once the new version has started. Checked now and again over a few seconds.
   */
  private checkOrphanedSoon(): void {
    if (this.detachIfOrphaned() || this.orphanChecks.length > 0) return;
    this.orphanChecks = [1000, 3000, 8000].map((ms, i, all) =>
      setTimeout(() => {
        if (this.detachIfOrphaned() || i === all.length - 1) {
          this.orphanChecks.forEach(clearTimeout);
          this.orphanChecks = [];
        }
      }, ms),
    );
  }

  private reportTimer: ReturnType<typeof setTimeout> | undefined;
  /** Sightings for "seen in N articles", once things settle; again after a single-page-app navigation. */
  private report(): void {
    clearTimeout(this.reportTimer);
    this.reportTimer = setTimeout(() => {
      if (this.detachIfOrphaned()) return;
      const companies = this.mentions().map((m) => m.companyId);
      // Origin and path only: the query and fragment (tokens, search terms) never leave the page.
      void sendToBackground('pageScanned', { url: location.origin + location.pathname, companies }).catch(() => undefined);
    }, 1500);
  }

  /**
   * A plain click on a painted mention opens its card. Tieline only watches clicks: it neither
   * cancels nor stops them, so the page's own handlers see them as always. A mention inside a link
   * or a control stays the link's: its card opens from the keyboard (Alt+Shift+J, Enter) or the popup.
   * A click that ends a text selection is a selection, not a request.
   */
  private listenForClicks(signal: AbortSignal): void {
    const win = this.doc.defaultView;
    if (!win) return;
    let lastPress = -1;
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !this.annotator) return;
      if (this.annotator.painter.count === 0 || this.detachIfOrphaned()) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target && dom.closest(target, 'a[href], button, input, textarea, select, label, summary, [role="button"], [role="link"]')) return;
      if (!(win.getSelection()?.isCollapsed ?? true)) return;
      const p = mentionAt(this.doc, this.annotator.painter, e.clientX, e.clientY);
      if (!p) return;
      const key = keyOf(p);
      if (this.card?.openFor === key) return this.card.close(false);
      // The press that closed this mention's card was this click's own press: leave it closed.
      const last = this.card?.lastClosed;
      if (last && last.key === key && last.at === lastPress) return;
      this.focus?.leave();
      this.openCard(p);
    };
    win.addEventListener('pointerdown', (e) => (lastPress = e.timeStamp), { capture: true, passive: true, signal });
    win.addEventListener('click', onClick, { capture: true, passive: true, signal });
  }

  private openCard(p: Painted): void {
    this.card?.open({ key: keyOf(p), rect: () => rectOf(p) }, p.companyId);
  }
}

const keys = new WeakMap<StaticRange, string>();
let nextKey = 0;
function keyOf(p: Painted): string {
  let k = keys.get(p.range);
  if (!k) keys.set(p.range, (k = String(++nextKey)));
  return k;
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
