import { dom } from './dom';

/** A mention found in one text node: offsets into the node's text. */
export interface MentionRange {
  start: number;
  end: number;
  companyId: string;
}

/** A mention as painted: where it is, and the range object both highlights hold. */
export interface Painted extends MentionRange {
  node: Text;
  range: StaticRange;
}

export type Look = 'underline' | 'background';

/** Highlight names that only style; every other `tieline-…` name is `tieline-<companyId>`. */
export const STYLE_HIGHLIGHTS = { underline: 'tieline', background: 'tieline-background', focus: 'tieline-focus' } as const;
export const companyHighlightName = (companyId: string): string => `tieline-${companyId}`;

/**
 * Paints mentions with the CSS Custom Highlight API: the page's DOM is never touched. One styled
 * highlight holds every mention (its name picks the look in marks.css); one unstyled highlight per
 * company, `tieline-<id>`, holds that company's ranges (the same objects), so that what is painted
 * can be read back by company. Ranges are `StaticRange`s: live ranges would tax every DOM change of
 * the page. When the page changes a text node, its mentions are taken off and the node read again.
 */
export class Painter {
  private readonly byNode = new Map<Text, Painted[]>();
  private readonly byCompany = new Map<string, Highlight>();
  private readonly ours = new Map<Highlight, string>();
  private readonly styled = new Highlight();
  private readonly styleName: string;
  private size = 0;
  /**
   * The page's highlight registry, read once: in Firefox every read of `CSS.highlights` and every
   * call on it crosses from the content script's world into the page's.
   */
  private readonly registry: HighlightRegistry = CSS.highlights;
  /** Companies whose registry entry was checked in this task: the page cannot run in between. */
  private readonly checked = new Set<string>();

  constructor(look: Look) {
    this.styleName = STYLE_HIGHLIGHTS[look];
    this.registry.set(this.styleName, this.styled);
  }

  get count(): number {
    return this.size;
  }

  /** Paint sorted, non-overlapping mentions of one text node (replacing what it had). */
  paint(node: Text, mentions: readonly MentionRange[]): number {
    this.unpaintNode(node);
    return this.add(node, mentions);
  }

  /** Paint more mentions of a node, after those it has (the next window of a very long text node). */
  add(node: Text, mentions: readonly MentionRange[]): number {
    if (mentions.length === 0) return 0;
    const painted = this.byNode.get(node) ?? [];
    for (const m of mentions) {
      const range = new StaticRange({ startContainer: node, startOffset: m.start, endContainer: node, endOffset: m.end });
      painted.push({ ...m, node, range });
      this.styled.add(range);
      this.companyHighlight(m.companyId).add(range);
    }
    // Kept in text order: a mention taken back later may sit before ones painted first.
    if (painted.length > mentions.length) painted.sort((a, b) => a.start - b.start);
    this.byNode.set(node, painted);
    this.size += mentions.length;
    return mentions.length;
  }

  unpaintNode(node: Text): boolean {
    const painted = this.byNode.get(node);
    if (!painted) return false;
    this.byNode.delete(node);
    this.size -= painted.length;
    for (const p of painted) {
      this.styled.delete(p.range);
      const h = this.byCompany.get(p.companyId);
      if (!h) continue;
      h.delete(p.range);
      if (h.size === 0) {
        this.byCompany.delete(p.companyId);
        this.ours.delete(h);
        this.registry.delete(companyHighlightName(p.companyId));
        this.checked.delete(p.companyId);
      }
    }
    return true;
  }

  /** Take off the mentions of every text node under `root` (or no longer in the document). */
  unpaintWhere(test: (node: Text) => boolean): number {
    let n = 0;
    for (const node of [...this.byNode.keys()]) if (test(node) && this.unpaintNode(node)) n++;
    return n;
  }

  /** Whether a range of a node overlaps a mention painted there. */
  overlaps(node: Text, start: number, end: number): boolean {
    return this.mentionsOf(node).some((p) => p.start < end && start < p.end);
  }

  /** How many mentions of a company are painted. */
  countOf(companyId: string): number {
    return this.byCompany.get(companyId)?.size ?? 0;
  }

  has(node: Text): boolean {
    return this.byNode.has(node);
  }

  mentionsOf(node: Text): readonly Painted[] {
    return this.byNode.get(node) ?? [];
  }

  /** Which company a highlight object stands for, if it is one of ours (a page can register look-alikes). */
  companyOfHighlight(h: unknown): string | undefined {
    return this.ours.get(h as Highlight);
  }

  /** Every painted mention in document order. */
  inOrder(): Painted[] {
    const nodes = [...this.byNode.keys()].filter((n) => dom.isConnected(n));
    nodes.sort((a, b) => (dom.compareDocumentPosition(a, b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return nodes.flatMap((n) => this.byNode.get(n)!);
  }

  /** Take every highlight of ours off the page. */
  clear(): void {
    for (const id of this.byCompany.keys()) this.registry.delete(companyHighlightName(id));
    if (this.registry.get(this.styleName) === this.styled) this.registry.delete(this.styleName);
    this.checked.clear();
    this.byCompany.clear();
    this.ours.clear();
    this.byNode.clear();
    this.styled.clear();
    this.size = 0;
  }

  private companyHighlight(id: string): Highlight {
    let h = this.byCompany.get(id);
    if (!h) {
      h = new Highlight();
      this.byCompany.set(id, h);
      this.ours.set(h, id);
    }
    // Set again in each task that paints the company: a page may have put a look-alike under our
    // name in the meantime, though not while this task runs.
    if (!this.checked.has(id)) {
      if (this.checked.size === 0) queueMicrotask(() => this.checked.clear());
      this.checked.add(id);
      const name = companyHighlightName(id);
      if (this.registry.get(name) !== h) this.registry.set(name, h);
    }
    return h;
  }
}
