import type { CompiledMatcher } from '../core/matcher';
import { matchCompanies, newContextState, type ContextState } from '../core/matcher';
import { Highlighter, MARK_TAG, type WrapRange } from './highlighter';
import { findRoots, type Scope } from './find-roots';
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
  private readonly context: ContextState = newContextState();
  private observer: MutationObserver | null = null;
  private pending = new Set<Node>();
  private running = false;
  private stopped = false;
  private roots: Element[] = [];
  private windowStart = 0;
  private windowBusy = 0;

  constructor(
    private readonly doc: Document,
    private readonly matcher: CompiledMatcher,
    private readonly options: AnnotatorOptions,
  ) {
    this.highlighter = new Highlighter(doc, (mark, id) => {
      const first = !this.counts.has(id);
      this.counts.set(id, (this.counts.get(id) ?? 0) + 1);
      options.decorate(mark, id, first);
    });
  }

  /** Scan the article now and watch for more. */
  start(): Promise<ScanStats> {
    this.roots = findRoots(this.doc, this.options.scope);
    this.observer = new MutationObserver((records) => this.queueRecords(records));
    for (const root of this.roots) this.observer.observe(root, { childList: true, subtree: true });
    return this.scan(this.roots);
  }

  /** Take every mark out and stop watching: the page is as it was. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
    this.highlighter.unwrapAll();
    this.counts.clear();
  }

  private queueRecords(records: MutationRecord[]): void {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === MARK_TAG) continue;
        if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) this.pending.add(n);
      }
    }
    if (this.pending.size > 0 && !this.running) void this.drainPending();
  }

  private async drainPending(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped && !this.running) {
      const nodes = [...this.pending].filter((n) => n.isConnected && !isInSkippedArea(n));
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
    this.running = true;
    const stats: ScanStats = { busyMs: 0, slices: 0, longestSliceMs: 0, textNodes: 0, chars: 0, marks: 0 };
    const t0 = performance.now();
    try {
      for (const root of roots) {
        const it = root.nodeType === Node.TEXT_NODE ? single(root as Text) : paragraphs(root);
        let done = false;
        while (!done && !this.stopped) {
          await this.throttle();
          const sliceStart = performance.now();
          const deadline = sliceStart + SLICE_MS;
          do {
            const next = it.next();
            if (next.done) {
              done = true;
              break;
            }
            stats.textNodes += next.value.nodes.length;
            stats.chars += next.value.text.length;
            stats.marks += this.annotate(next.value);
          } while (performance.now() < deadline);
          // Our own insertions are not news to us.
          this.observer?.takeRecords();
          const spent = performance.now() - sliceStart;
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

  private annotate(p: Paragraph): number {
    const mentions = matchCompanies(this.matcher, p.text, this.context);
    if (mentions.length === 0) return 0;
    let marks = 0;
    let k = 0;
    for (let n = 0; n < p.nodes.length && k < mentions.length; n++) {
      const start = p.starts[n];
      const end = start + p.nodes[n].data.length;
      const ranges: WrapRange[] = [];
      while (k < mentions.length && mentions[k].start < end) {
        const m = mentions[k++];
        // A name split across elements ("Open<b>AI</b>") is left alone rather than half-marked.
        if (m.start < start || m.end > end) continue;
        if (this.options.firstOnly && this.counts.has(m.companyId)) continue;
        ranges.push({ start: m.start - start, end: m.end - start, companyId: m.companyId });
      }
      marks += this.highlighter.wrap(p.nodes[n], ranges).length;
    }
    return marks;
  }

  /** Marks in document order. */
  marks(): HTMLElement[] {
    return this.roots.flatMap((r) => Array.from(r.querySelectorAll<HTMLElement>(MARK_TAG)));
  }
}

function* single(t: Text): Generator<Paragraph> {
  if (t.parentElement && !isInSkippedArea(t)) yield { nodes: [t], starts: [0], text: t.data };
}
