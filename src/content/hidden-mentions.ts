import type { MentionRange } from './painter';
import { SLICE_MS, yieldToPage } from './yield-to-page';

/** A text node's mentions, as ranges of its text. */
export interface Found {
  node: Text;
  ranges: MentionRange[];
  /** More mentions of a node already painted (a later window of a very long text node). */
  append?: boolean;
}

/** Whether a reader can see the text (its element rendered, not `visibility: hidden`). */
export function isShown(node: Text): boolean {
  const el = node.parentElement;
  return !!el && (typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true }));
}

type Entry = Found & { data: string };

/** The page may have changed the node since it was scanned: the Annotator's observer reads it again then. */
const unchanged = (e: Entry) => e.node.isConnected && e.node.data === e.data;

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
  private entries: Entry[] = [];
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
    const shown: Entry[] = [];
    const still: Entry[] = [];
    for (const e of this.entries) {
      if (!unchanged(e)) continue;
      (isShown(e.node) ? shown : still).push(e);
    }
    this.entries = still;
    if (shown.length > 0) void this.wrapInSlices(shown);
  }

  /** A whole page may have been hidden (Firefox before its stylesheets): wrapped slice by slice. */
  private async wrapInSlices(shown: Entry[]): Promise<void> {
    const t0 = performance.now();
    const stats = { busyMs: 0, slices: 0, longestSliceMs: 0 };
    for (let i = 0; i < shown.length; ) {
      const start = performance.now();
      const deadline = start + SLICE_MS;
      for (; i < shown.length && performance.now() < deadline; i++) {
        const e = shown[i];
        if (unchanged(e)) this.wrap([{ node: e.node, ranges: e.ranges, append: e.append }]);
      }
      const spent = performance.now() - start;
      stats.busyMs += spent;
      stats.slices++;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
      if (i < shown.length) await yieldToPage();
    }
    // Measured like the scan: Firefox has no Long Tasks API, so Tieline times its own slices.
    performance.measure('tieline:paint-shown', { start: t0, end: performance.now(), detail: stats });
  }
}
