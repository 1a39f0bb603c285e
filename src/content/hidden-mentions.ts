import type { WrapRange } from './highlighter';

/** A text node's mentions, as ranges of its text. */
export interface Found {
  node: Text;
  ranges: WrapRange[];
}

/** Whether a reader can see the text (its element rendered, not `visibility: hidden`). */
export function isShown(node: Text): boolean {
  const el = node.parentElement;
  return !!el && (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));
}

/** Looked at again once the page has loaded, then after these delays (ms); then given up. */
const RECHECK_AFTER_MS = [1000, 3000];

/**
 * Mentions in text that was hidden when it was scanned, looked at again a few times: a page is
 * not always rendered when its DOM is ready. Firefox renders nothing (every element reports itself
 * hidden) until the page's stylesheets have loaded, which on a news site comes after the scan; a
 * site may also keep its body hidden until its scripts have run. Text that is still hidden after the
 * last look stays unmarked (`<details>` and the like are followed by the Annotator's reveal events).
 */
export class HiddenMentions {
  private entries: (Found & { data: string })[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;

  constructor(
    private readonly doc: Document,
    /** Wraps what has become visible. */
    private readonly wrap: (found: Found[]) => void,
  ) {}

  add(found: Found[]): void {
    for (const f of found) this.entries.push({ ...f, data: f.node.data });
    if (this.timer !== undefined) return;
    this.attempt = 0;
    if (this.doc.readyState === 'complete') this.scheduleNext();
    else this.doc.defaultView?.addEventListener('load', this.onLoad, { once: true });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.doc.defaultView?.removeEventListener('load', this.onLoad);
    this.entries = [];
  }

  private readonly onLoad = (): void => {
    this.recheck();
    this.scheduleNext();
  };

  private scheduleNext(): void {
    if (this.entries.length === 0 || this.attempt >= RECHECK_AFTER_MS.length) {
      this.entries = [];
      this.timer = undefined;
      return;
    }
    this.timer = setTimeout(() => {
      this.recheck();
      this.scheduleNext();
    }, RECHECK_AFTER_MS[this.attempt++]);
  }

  private recheck(): void {
    // A node the page changed since is read again by the Annotator's observer, if at all.
    const current = this.entries.filter((e) => e.node.isConnected && e.node.data === e.data);
    const shown = current.filter((e) => isShown(e.node));
    this.entries = current.filter((e) => !shown.includes(e));
    if (shown.length > 0) this.wrap(shown.map(({ node, ranges }) => ({ node, ranges })));
  }
}
