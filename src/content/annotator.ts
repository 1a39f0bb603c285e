import { dom } from './dom';
import { findRoots, type Scope } from './find-roots';
import type { Found } from './hidden-mentions';
import { MentionPainter } from './mention-painter';
import type { MatchAnswer, PageMatcher } from './page-matcher';
import { PageChanges } from './page-changes';
import type { Look, Painter } from './painter';
import { single, unchanged } from './paragraph-mentions';
import { spanBounds, spansAfter, type ChildSpan } from './child-spans';
import { SpanQueue } from './span-queue';
import { isInSkippedArea, paragraphs, type Paragraph } from './text-walker';
import { WorkBudget } from './work-budget';
import { SLICE_MS, yieldToPage } from './yield-to-page';

export interface AnnotatorOptions {
  scope: Scope;
  firstOnly: boolean;
  look: Look;
  /** Called after each scan that changed what is painted. */
  onChange?: () => void;
  /** The background did not answer: the extension may have been reloaded under this script. */
  onNoAnswer?: () => void;
  /** Text nodes walked under one root before the rest is read in spans (`MAX_NODES_WALKED`). */
  nodesBeforeSpans?: number;
}

export interface ScanStats {
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  textNodes: number;
  chars: number;
  marks: number;
}

/**
 * Finds mentions under the article roots, paints them, and keeps up with content the page adds or
 * changes later. All work runs in slices of a few milliseconds; the page gets the main thread back
 * between slices. The page's DOM is only read, never written.
 */
export class Annotator {
  readonly painter: Painter;
  /** What is painted now, kept for later (hidden text), or kept until the page confirms a company. */
  private readonly mentions: MentionPainter;
  private readonly changes: PageChanges;
  private running = false;
  private stopped = false;
  private roots: Element[] = [];
  private readonly budget = new WorkBudget();

  constructor(
    private readonly doc: Document,
    private readonly matcher: PageMatcher,
    private readonly options: AnnotatorOptions,
  ) {
    this.mentions = new MentionPainter(doc, {
      look: options.look,
      firstOnly: options.firstOnly,
      running: () => !this.stopped,
      onPaintedLater: () => this.options.onChange?.(),
    });
    this.painter = this.mentions.painter;
    this.changes = new PageChanges(doc, this.painter, () => this.options.onChange?.(), () => {
      if (!this.running) void this.drainPending();
    });
  }

  /** Scan the article now and watch for more. */
  start(): Promise<ScanStats> {
    this.roots = findRoots(this.doc, this.options.scope);
    this.changes.start();
    return this.scan(this.roots);
  }

  /** Take every highlight off and stop watching: the page's DOM was never changed. */
  stop(): void {
    this.stopped = true;
    this.changes.stop();
    this.mentions.stop();
  }

  /** Added content we read: inside the article, or a new article (single-page-app navigation). */
  private inScope(n: Node, freshRoots: () => Element[]): boolean {
    if (this.roots.some((r) => dom.contains(r, n))) return true;
    if (dom.nodeType(n) !== Node.ELEMENT_NODE) return false;
    const fresh = freshRoots();
    if (!fresh.some((r) => dom.contains(n, r) || dom.contains(r, n))) return false;
    this.roots.push(...fresh.filter((r) => !this.roots.some((old) => dom.contains(old, r))));
    return true;
  }

  private async drainPending(): Promise<void> {
    const pending = this.changes.pending;
    while (pending.size > 0 && !this.stopped && !this.running) {
      // Looked up at most once per batch: pages with busy ad slots add nodes all the time.
      let fresh: Element[] | undefined;
      const freshRoots = () => (fresh ??= findRoots(this.doc, this.options.scope).filter((r) => !this.roots.includes(r)));
      const nodes = [...pending].filter((n) => dom.isConnected(n) && this.inScope(n, freshRoots) && !isInSkippedArea(n));
      pending.clear();
      // Nodes inside another queued node are scanned with it.
      const set = new Set(nodes);
      const tops = nodes.filter((n) => {
        for (let p = dom.parentNode(n); p; p = dom.parentNode(p)) if (set.has(p)) return false;
        return true;
      });
      if (tops.length > 0) await this.scan(tops);
    }
  }

  private async scan(roots: Node[]): Promise<ScanStats> {
    const stats: ScanStats = { busyMs: 0, slices: 0, longestSliceMs: 0, textNodes: 0, chars: 0, marks: 0 };
    // A document in design mode is editable as a whole: marks would become part of what the user edits.
    if (this.doc.designMode === 'on') return stats;
    this.running = true;
    const t0 = performance.now();
    const count = (spent: number) => {
      stats.busyMs += spent;
      stats.slices++;
      stats.longestSliceMs = Math.max(stats.longestSliceMs, spent);
      this.budget.spent(spent);
    };
    try {
      for (const root of roots) {
        if (this.stopped) break;
        if (dom.nodeType(root) === Node.TEXT_NODE) {
          await this.walk(single(root as Text), root, stats, count, false);
          continue;
        }
        const rest = await this.walk(paragraphs(root), root, stats, count, this.matcher.probe !== undefined);
        if (rest.length > 0) await this.readSpans(rest, stats, count);
      }
    } finally {
      this.running = false;
    }
    if (!this.stopped) {
      stats.marks += await this.mentions.takeBackConfirmed(() => this.matcher.confirmed(), () => this.stopped, count);
      performance.measure('tieline:scan', { start: t0, end: performance.now(), detail: stats });
      if (stats.marks > 0) this.options.onChange?.();
      if (this.changes.pending.size > 0) void this.drainPending();
    }
    return stats;
  }

  /**
   * Walk paragraphs in slices: read some, have the background match them while the page has the
   * thread, paint the answers. With `mayStop`, a walk past `MAX_NODES_WALKED` text nodes stops at
   * the end of a paragraph and returns the rest of `root`, to be read in spans.
   */
  private async walk(it: Iterator<Paragraph>, root: Node, stats: ScanStats, count: (spent: number) => void, mayStop: boolean): Promise<ChildSpan[]> {
    let rest: ChildSpan[] = [];
    let walkedNodes = 0;
    let done = false;
    while (!done && !this.stopped) {
      await this.budget.wait();
      // A slice reads paragraphs; the background finds their mentions while the page has the thread.
      const sliceStart = performance.now();
      const deadline = sliceStart + SLICE_MS;
      const walked: Paragraph[] = [];
      let chars = 0;
      let nodesSinceClock = 0;
      for (;;) {
        const next = it.next();
        if (next.done) {
          done = true;
          break;
        }
        const p = next.value;
        walked.push(p);
        stats.textNodes += p.nodes.length;
        walkedNodes += p.nodes.length;
        chars += p.text.length;
        if (mayStop && walkedNodes >= (this.options.nodesBeforeSpans ?? MAX_NODES_WALKED) && endsItsNode(p)) {
          rest = spansAfter(p.nodes[p.nodes.length - 1], root);
          done = true;
          break;
        }
        if (chars >= MAX_CHARS_PER_SLICE) break;
        // The clock is read every few dozen text nodes: reading it per paragraph cost as much as the walk.
        nodesSinceClock += p.nodes.length;
        if (nodesSinceClock >= NODES_PER_CLOCK_READ) {
          nodesSinceClock = 0;
          if (performance.now() >= deadline) break;
        }
      }
      stats.chars += chars;
      // Any change the page makes from here on is in the observer's records by the time the
      // answer is painted (pending ones are taken then).
      const batches = this.changes.batches;
      if (walked.length === 0) {
        count(performance.now() - sliceStart);
        break;
      }
      // A background that cannot answer (restarting, say) costs these paragraphs their marks, not the scan.
      const asked = this.matcher.matchAll(walked.map((p) => p.text)).catch(() => null);
      // Sending (the texts copied into the message) is this slice's work too.
      count(performance.now() - sliceStart);
      const answers = await asked;
      if (!answers) this.options.onNoAnswer?.();
      if (this.stopped) break;
      if (answers) stats.marks += await this.paintAnswers(walked, answers, batches, count);
      if (!done && !this.stopped) await yieldToPage();
    }
    return rest;
  }

  /**
   * The rest of a huge page: spans read in one piece each, without touching their nodes, and only
   * those that may name a company walked (see `child-spans.ts`).
   */
  private async readSpans(spans: ChildSpan[], stats: ScanStats, count: (spent: number) => void): Promise<void> {
    const queue = new SpanQueue(this.doc, spans);
    while (!queue.done && !this.stopped) {
      await this.budget.wait();
      const sliceStart = performance.now();
      const read = queue.take(sliceStart + SLICE_MS, MAX_CHARS_PER_SLICE);
      const asked = read.filter((r) => r.text !== null).map((r) => r.text!);
      const answers = asked.length === 0 ? Promise.resolve([]) : this.matcher.probe!(asked).catch(() => null);
      count(performance.now() - sliceStart);
      const named = await answers;
      if (named === null) {
        this.options.onNoAnswer?.();
        return;
      }
      for (let k = 0, a = 0; k < read.length && !this.stopped; k++) {
        if (read[k].text !== null && !named[a++]) continue;
        const span = queue.narrow(read[k]);
        if (span) await this.walk(paragraphs(span.parent, spanBounds(span)), span.parent, stats, count, false);
      }
      if (!queue.done && !this.stopped) await yieldToPage();
    }
  }

  /**
   * Paint the background's answers for walked paragraphs, in slices (a page dense with names, 10,000
   * in one text node, has many to paint); paragraphs the page changed meanwhile are read again later.
   * `batches`: the observer's count of record batches when the paragraphs were walked.
   */
  private async paintAnswers(walked: Paragraph[], answers: MatchAnswer, batches: number, count: (spent: number) => void): Promise<number> {
    let marks = 0;
    for (let i = 0; i < walked.length && !this.stopped; ) {
      const sliceStart = performance.now();
      const deadline = sliceStart + SLICE_MS;
      // Changes the page made that the observer has not been handed yet count too.
      this.changes.takeRecords();
      const found: Found[] = [];
      let mentions = 0;
      while (i < walked.length && mentions < MAX_MENTIONS_PER_SLICE) {
        const p = walked[i];
        const named = answers.mentions[i];
        const undecided = answers.undecided[i++];
        // Nothing to paint and nothing painted to clear: most paragraphs of a page.
        if (named.length === 0 && (undecided === undefined || undecided.length === 0) && !this.mentions.paintedAny(p)) continue;
        // The page changed it while the background matched: its mutation records bring it back.
        // Checked only if the page has changed anything at all since the walk.
        if (this.changes.batches !== batches && !unchanged(p)) continue;
        mentions += this.mentions.find(p, named, found);
        if (undecided !== undefined && undecided.length > 0) this.mentions.keepUndecided(p, undecided);
        if (performance.now() >= deadline) break;
      }
      marks += this.mentions.paintVisible(found);
      count(performance.now() - sliceStart);
      if (i < walked.length) await yieldToPage();
    }
    return marks;
  }
}


/**
 * Painting is most of a slice's work on a page dense with names (10,000 in one text node): the slice
 * stops looking for more once it has this many to paint.
 */
const MAX_MENTIONS_PER_SLICE = 100;
/**
 * Text nodes a scan walks under one root before it reads the rest in spans: with their parents,
 * about 20,000 touched nodes, under the 32,768 at which Chromium's rebuild of its table of the
 * content script's wrappers takes 10-20 ms (see `child-spans.ts`). The largest news page of the
 * corpus has about 3,600.
 */
const MAX_NODES_WALKED = 10_000;
/** Text nodes walked between two readings of the clock. */
const NODES_PER_CLOCK_READ = 64;
/** Text a slice reads before it asks the background: one request stays quick to match and to answer. */
const MAX_CHARS_PER_SLICE = 200_000;


/** Whether a paragraph ends where its last node's text does (not a window of a long node). */
function endsItsNode(p: Paragraph): boolean {
  const i = p.nodes.length - 1;
  return p.offset + p.ends[i] - p.starts[i] >= dom.data(p.nodes[i]).length;
}
