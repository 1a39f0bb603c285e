import type { Mention } from '../core/matcher';
import { HiddenMentions, isShown, type Found } from './hidden-mentions';
import { Painter, type Look, type MentionRange } from './painter';
import { mentionsByNode } from './paragraph-mentions';
import { isInSkippedArea, type Paragraph } from './text-walker';
import { UndecidedMentions } from './undecided-mentions';

export interface MentionPainterOptions {
  look: Look;
  firstOnly: boolean;
  /** Whether the Annotator still runs: text shown later is painted only then. */
  running: () => boolean;
  /** Called after text that was hidden when scanned has been painted. */
  onPaintedLater: () => void;
}

/**
 * What becomes of the mentions the background found in a paragraph: painted if a reader can see
 * them, kept for later if their text is hidden now, kept until the page confirms their company if
 * they were left out for want of evidence. The Annotator decides when; this decides what.
 */
export class MentionPainter {
  readonly painter: Painter;
  private readonly undecided: UndecidedMentions;
  private readonly hidden: HiddenMentions;

  constructor(
    private readonly doc: Document,
    private readonly options: MentionPainterOptions,
  ) {
    this.painter = new Painter(options.look);
    this.undecided = new UndecidedMentions(this.painter, options.firstOnly);
    this.hidden = new HiddenMentions(doc, (found) => this.paintShownLater(found));
  }

  /** A paragraph's mentions by text node (nodes read again without mentions are cleared); returns how many. */
  find(p: Paragraph, mentions: Mention[], out: Found[]): number {
    return mentionsByNode(p, mentions, (node) => this.painter.has(node), out);
  }

  /** Whether any text node of the paragraph has mentions painted. */
  paintedAny(p: Paragraph): boolean {
    return this.painter.count > 0 && p.nodes.some((n) => this.painter.has(n));
  }

  /** Ambiguous names of a paragraph left out for want of evidence, until the page confirms their company. */
  keepUndecided(p: Paragraph, mentions: Mention[]): void {
    const found: Found[] = [];
    this.find(p, mentions, found);
    this.undecided.keep(found);
  }

  /** Paint the names held back whose company the page has confirmed since; returns how many. */
  async takeBackConfirmed(confirmed: () => ReadonlySet<string>, stopped: () => boolean, count: (spent: number) => void): Promise<number> {
    if (this.undecided.size === 0) return 0;
    return this.undecided.takeBack(confirmed(), stopped, count);
  }

  /**
   * Paint what a reader can see; what is hidden now is looked at again later (a highlight in hidden
   * text would paint nothing, but the company would be listed as on the page). Returns how many.
   */
  paintVisible(found: Found[]): number {
    const visible: Found[] = [];
    const hidden: Found[] = [];
    for (const f of found) {
      // Skipped regions above a paragraph (an editor, a hidden section) are looked for here, for the
      // few nodes with mentions, rather than for every element the walk meets.
      if (f.ranges.length > 0 && isInSkippedArea(f.node)) {
        if (this.painter.has(f.node)) visible.push({ node: f.node, ranges: [], append: f.append });
        continue;
      }
      (f.ranges.length === 0 || isShown(f.node) ? visible : hidden).push(f);
    }
    if (hidden.length > 0) this.hidden.add(hidden);
    return this.paintAll(visible);
  }

  /** Take every highlight off and forget what was kept for later. */
  stop(): void {
    this.hidden.stop();
    this.undecided.clear();
    this.painter.clear();
  }

  /** Text hidden when scanned that a reader can now see, unless it has become editable since. */
  private paintShownLater(found: Found[]): void {
    if (!this.options.running() || this.doc.designMode === 'on') return;
    const painted = this.paintAll(found.filter((f) => !isInSkippedArea(f.node)));
    if (painted > 0) this.options.onPaintedLater();
  }

  private paintAll(found: Found[]): number {
    let painted = 0;
    for (const { node, ranges, append = false } of found) {
      const kept = this.options.firstOnly ? this.firstMentions(node, ranges, append) : ranges;
      painted += append ? this.painter.add(node, kept) : this.painter.paint(node, kept);
    }
    return painted;
  }

  /** "First mention only": a company already painted elsewhere is not painted again. */
  private firstMentions(node: Text, ranges: readonly MentionRange[], append: boolean): MentionRange[] {
    const own = append ? [] : this.painter.mentionsOf(node);
    const seen = new Set<string>();
    return ranges.filter((r) => {
      const elsewhere = this.painter.countOf(r.companyId) - own.filter((m) => m.companyId === r.companyId).length;
      if (elsewhere > 0 || seen.has(r.companyId)) return false;
      seen.add(r.companyId);
      return true;
    });
  }
}
