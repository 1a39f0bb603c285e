import type { Mention } from '../core/matcher';
import { Highlighter, MARK_TAG, type WrapRange } from './highlighter';
import { findRoots, type Scope } from './find-roots';
import { HiddenMentions, isShown, type Found } from './hidden-mentions';
import type { PageMatcher } from './page-matcher';
import { isInSkippedArea, paragraphs, type Paragraph } from './text-walker';
import { SLICE_MS, yieldToPage } from './yield-to-page';

export interface AnnotatorOptions {
  scope: Scope;
  firstOnly: boolean;
  /** Called after each scan with the companies found so far (in order of first appearance). */
  onChange?: () => void;
  decorate: (mark: HTMLElement, companyId: string, first: boolean) => void;
}

export interface ScanStats {
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  textNodes: number;
  chars: number;
  marks: number;
}

/** Work allowed per second on a page that never stops changing: Tieline never takes over. */
const MAX_BUSY_MS_PER_SECOND = 150;

/**
 * Finds mentions under the article roots, wraps them, and keeps up with content added later. All
 * work runs in slices of a few milliseconds; the page gets the main thread back between slices.
 */
export class Annotator {
  readonly counts = new Map<string, number>();
  private readonly highlighter: Highlighter;
  private readonly hidden: HiddenMentions;
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private running = false;
  private stopped = false;
  private roots: Element[] = [];
  private windowStart = 0;
  private windowBusy = 0;

  constructor(
    private readonly doc: Document,
    private readonly matcher: PageMatcher,
    private readonly options: AnnotatorOptions,
  ) {
    this.highlighter = new Highlighter(doc, (mark, id) => {
      const first = !this.counts.has(id);
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      options.decorate(mark, id, first);
    });
    this.hidden = new HiddenMentions(doc, (found) => this.wrapShownLater(found));
  }

  /** Scan the article now and watch for more. */
  start(): Promise<ScanStats> {
    this.roots = findRoots(this.doc, this.options.scope);
    this.observer = new MutationObserver((records) => this.queueRecords(records));
    // The whole body: a single-page app may swap the article element itself. `contenteditable`:
    // a site's in-place editor may turn the article into an editing region after we marked it.
    if (this.doc.body) this.observer.observe(this.doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['contenteditable'] });
    // Text that was hidden when scanned and is shown without any node being added: a <details>
    // opened, a popover, a hidden="until-found" section revealed by find-in-page.
    this.doc.addEventListener('toggle', this.onReveal, true);
    this.doc.addEventListener('beforematch', this.onReveal, true);
    return this.scan(this.roots);
  }

  private readonly onReveal = (e: Event): void => {
    const el = e.target;
    if (!(el instanceof Element)) return;
    if (el instanceof HTMLDetailsElement ? !el.open : (e as Event & { newState?: string }).newState === 'closed') return;
    // 'beforematch' comes just before the browser shows the section: look once it has.
    setTimeout(() => {
      if (this.stopped) return;
      this.pending.add(el);
      if (!this.running) void this.drainPending();
    }, 0);
  };

  /** Take every mark out and stop watching: the page is as it was. */
  stop(): void {
    this.stopped = true;
    this.doc.removeEventListener('toggle', this.onReveal, true);
    this.doc.removeEventListener('beforematch', this.onReveal, true);
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.hidden.stop();
    this.highlighter.unwrapAll();
    this.counts.clear();
  }

  private queueRecords(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'attributes') {
        this.editableChanged(r.target as HTMLElement);
        continue;
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === MARK_TAG) continue;
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) this.pending.add(n);
      }
    }
    if (this.pending.size > 0 && !this.running) void this.drainPending();
  }

  /**
   * A region made editable loses its marks at once, before the user types: an editor would save
   * them with the text. When it stops being editable, it is read again like added content.
   */
  private editableChanged(el: HTMLElement): void {
    if (!el.isContentEditable) {
      this.pending.add(el);
      return;
    }
    if (this.highlighter.unwrapWithin(el) === 0) return;
    // "First mention only" marks the first one again when the region is read again.
    this.counts.clear();
    for (const mark of this.marks()) this.counts.set(mark.dataset.company!, (this.counts.get(mark.dataset.company!) ?? 0) + 1);
    this.options.onChange?.();
  }

  /** Added content we read: inside the article, or a new article (single-page-app navigation). */
  private inScope(n: Node, freshRoots: () => Element[]): boolean {
    if (this.roots.some((r) => r.contains(n))) return true;
    if (n.nodeType !== Node.ELEMENT_NODE) return false;
    const fresh = freshRoots();
    if (!fresh.some((r) => n.contains(r) || r.contains(n))) return false;
    this.roots.push(...fresh.filter((r) => !this.roots.some((old) => old.contains(r))));
    return true;
  }

  private async drainPending(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped && !this.running) {
      // Looked up at most once per batch: pages with busy ad slots add nodes all the time.
      let fresh: Element[] | undefined;
      const freshRoots = () => (fresh ??= findRoots(this.doc, this.options.scope).filter((r) => !this.roots.includes(r)));
      const nodes = [...this.pending].filter((n) => n.isConnected && this.inScope(n, freshRoots) && !isInSkippedArea(n));
      this.pending.clear();
      // Nodes inside another queued node are scanned with it.
      const set = new Set(nodes);
      const tops = nodes.filter((n) => {
        for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
        return true;
      });
      if (tops.length > 0) await this.scan(tops);
    }
  }

  private async throttle(): Promise<void> {
    const now = performance.now();
    if (now - this.windowStart > 1000) {
      this.windowStart = now;
      this.windowBusy = 0;
    }
    if (this.windowBusy > MAX_BUSY_MS_PER_SECOND) {
      await new Promise((r) => setTimeout(r, 1000 - (now - this.windowStart)));
      this.windowStart = performance.now();
      this.windowBusy = 0;
    }
  }

  private async scan(roots: Node[]): Promise<ScanStats> {
    const stats: ScanStats = { busyMs: 0, slices: 0, longestSliceMs: 0, textNodes: 0, chars: 0, marks: 0 };
    // A document in design mode is editable as a whole: marks would become part of what the user edits.
    if (this.doc.designMode === 'on') return stats;
    this.running = true;
    const t0 = performance.now();
    try {
      for (const root of roots) {
        const it = root.nodeType === Node.TEXT_NODE ? single(root as Text) : paragraphs(root);
        let done = false;
        while (!done && !this.stopped) {
          await this.throttle();
          let sliceStart = performance.now();
          const deadline = sliceStart + SLICE_MS;
          const found: Found[] = [];
          const walked: Paragraph[] = [];
          const matcher = this.matcher;
          do {
            const next = it.next();
            if (next.done) {
              done = true;
              break;
            }
            stats.textNodes += next.value.nodes.length;
            stats.chars += next.value.text.length;
            if (matcher.kind === 'local') this.find(next.value, matcher.match(next.value.text), found);
            else walked.push(next.value);
          } while (performance.now() < deadline);
          let spentBefore = 0;
          if (matcher.kind === 'background' && walked.length > 0) {
            // The page has the main thread while the background matches; only our own work counts.
            spentBefore = performance.now() - sliceStart;
            // A background that cannot answer (restarting, say) costs these paragraphs their marks, not the scan.
            const mentions = await matcher.matchAll(walked.map((p) => p.text)).catch(() => walked.map((): Mention[] => []));
            if (this.stopped) break;
            sliceStart = performance.now();
            walked.forEach((p, i) => {
              if (unchanged(p)) this.find(p, mentions[i], found);
            });
          }
          stats.marks += this.wrapVisible(found);
          // Our own insertions are not news to us.
          this.observer?.takeRecords();
          const spent = spentBefore + performance.now() - sliceStart;
          stats.busyMs += spent;
          stats.slices++;
          stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
          this.windowBusy += spent;
          if (!done) await yieldToPage();
        }
      }
    } finally {
      this.running = false;
    }
    if (!this.stopped) {
      performance.measure('tieline:scan', { start: t0, end: performance.now(), detail: stats });
      if (stats.marks > 0) this.options.onChange?.();
      if (this.pending.size > 0) void this.drainPending();
    }
    return stats;
  }

  /** A paragraph's mentions, as ranges of its text nodes. */
  private find(p: Paragraph, mentions: Mention[], out: Found[]): void {
    let k = 0;
    for (let n = 0; n < p.nodes.length && k < mentions.length; n++) {
      const start = p.starts[n];
      const end = start + p.nodes[n].data.length;
      const ranges: WrapRange[] = [];
      while (k < mentions.length && mentions[k].start < end) {
        const m = mentions[k++];
        // A name split across elements ("Open<b>AI</b>") is left alone rather than half-marked.
        if (m.start < start || m.end > end) continue;
        ranges.push({ start: m.start - start, end: m.end - start, companyId: m.companyId });
      }
      if (ranges.length > 0) out.push({ node: p.nodes[n], ranges });
    }
  }

  /**
   * Wrap what a reader can see; what is hidden now is looked at again later. Visibility is asked for
   * all of a slice's nodes before any DOM change, so the page's style is computed at most once per slice.
   */
  private wrapVisible(found: Found[]): number {
    const visible: Found[] = [];
    const hidden: Found[] = [];
    for (const f of found) (isShown(f.node) ? visible : hidden).push(f);
    if (hidden.length > 0) this.hidden.add(hidden);
    return this.wrapAll(visible);
  }

  /** Text hidden when scanned that a reader can now see, unless it has become editable since. */
  private wrapShownLater(found: Found[]): void {
    if (this.stopped || this.doc.designMode === 'on') return;
    const marks = this.wrapAll(found.filter((f) => !isInSkippedArea(f.node)));
    this.observer?.takeRecords();
    if (marks > 0) this.options.onChange?.();
  }

  private wrapAll(found: Found[]): number {
    let marks = 0;
    for (const { node, ranges } of found) {
      const kept = this.options.firstOnly ? this.firstMentions(ranges) : ranges;
      marks += this.highlighter.wrap(node, kept).length;
    }
    return marks;
  }

  private firstMentions(ranges: WrapRange[]): WrapRange[] {
    const seen = new Set<string>();
    return ranges.filter((r) => {
      if (this.counts.has(r.companyId) || seen.has(r.companyId)) return false;
      seen.add(r.companyId);
      return true;
    });
  }

  /** Marks in document order (only Tieline uses this tag). */
  marks(): HTMLElement[] {
    return Array.from(this.doc.querySelectorAll<HTMLElement>(MARK_TAG));
  }
}


/** Whether a paragraph's text nodes still hold what was read (the page may change while the background matches). */
function unchanged(p: Paragraph): boolean {
  return p.nodes.every((node, n) => node.isConnected && node.data === p.text.slice(p.starts[n], n + 1 < p.starts.length ? p.starts[n + 1] : p.text.length));
}

function* single(t: Text): Generator<Paragraph> {
  if (t.parentElement && !isInSkippedArea(t)) yield { nodes: [t], starts: [0], text: t.data };
}
