import { dom } from './dom';
import type { Painter } from './painter';
import { isInSkippedArea } from './text-walker';

/**
 * What the page changes after a scan: the nodes to read again (added, written, revealed, no longer
 * editable), and the marks that come off at once (text written under them, nodes taken out, a
 * region made editable). The Annotator drains `pending` when told; this class only reads the page.
 */
export class PageChanges {
  /** Nodes to read again. */
  readonly pending = new Set<Node>();
  /** Batches of mutation records seen: while it stays the same, the page has changed nothing. */
  batches = 0;
  private observer: MutationObserver | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly painter: Painter,
    /** Marks came off. */
    private readonly onUnpainted: () => void,
    /** `pending` has nodes. */
    private readonly onPending: () => void,
  ) {}

  start(): void {
    this.observer = new MutationObserver((records) => this.take(records));
    // The whole body: a single-page app may swap the article element itself. `contenteditable`:
    // a site's in-place editor may turn the article into an editing region after we marked it.
    // `characterData`: frameworks update text by writing `nodeValue` of nodes they keep.
    if (this.doc.body) {
      this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable', 'role'] });
    }
    // Text that was hidden when scanned and is shown without any node being added: a <details>
    // opened, a popover, a hidden="until-found" section revealed by find-in-page.
    this.doc.addEventListener('toggle', this.onReveal, true);
    this.doc.addEventListener('beforematch', this.onReveal, true);
  }

  stop(): void {
    this.stopped = true;
    this.doc.removeEventListener('toggle', this.onReveal, true);
    this.doc.removeEventListener('beforematch', this.onReveal, true);
    this.observer?.disconnect();
    this.observer = null;
    this.pending.clear();
  }

  /** Changes the page made that the observer has not handed over yet, taken now. */
  takeRecords(): void {
    const records = this.observer?.takeRecords();
    if (records && records.length > 0) this.take(records);
  }

  private readonly onReveal = (e: Event): void => {
    const el = e.target;
    if (!(el instanceof Element)) return;
    if (el instanceof HTMLDetailsElement ? !el.open : (e as Event & { newState?: string }).newState === 'closed') return;
    // 'beforematch' comes just before the browser shows the section: look once it has.
    setTimeout(() => {
      if (this.stopped) return;
      this.pending.add(el);
      this.onPending();
    }, 0);
  };

  private take(records: MutationRecord[]): void {
    this.batches++;
    let removed = false;
    for (const r of records) {
      if (r.type === 'attributes') {
        this.editableChanged(r.target as Element);
        continue;
      }
      if (r.type === 'characterData') {
        // The text changed under its mentions: they come off now and the paragraph is read again.
        const t = r.target as Text;
        if (this.painter.unpaintNode(t)) removed = true;
        const block = dom.parentElement(t);
        if (block) this.pending.add(block);
        continue;
      }
      if (r.removedNodes.length > 0) removed = true;
      for (const n of Array.from(r.addedNodes)) {
        const type = dom.nodeType(n);
        if (type === Node.ELEMENT_NODE || type === Node.TEXT_NODE) this.pending.add(n);
      }
    }
    // Mentions in nodes the page took out: off the highlights (a detached node paints nothing, but
    // it would stay listed and keep the node alive).
    if (removed && this.painter.unpaintWhere((n) => !dom.isConnected(n)) > 0) this.onUnpainted();
    if (this.pending.size > 0) this.onPending();
  }

  /**
   * A region made editable loses its highlights at once: what the user edits is theirs. When it stops
   * being editable, it is read again like added content.
   */
  private editableChanged(el: Element): void {
    if (!isInSkippedArea(el)) {
      this.pending.add(el);
      return;
    }
    if (this.painter.unpaintWhere((n) => dom.contains(el, n)) > 0) this.onUnpainted();
  }
}
