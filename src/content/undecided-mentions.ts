import { dom } from './dom';
import type { Found } from './hidden-mentions';
import { isShown } from './hidden-mentions';
import type { Painter } from './painter';
import { isInSkippedArea } from './text-walker';
import { SLICE_MS, yieldToPage } from './yield-to-page';

/** Names waiting for their company to be confirmed on the page: a bound on what a page can make us keep. */
const MAX_UNDECIDED = 2_000;

type Undecided = { node: Text; start: number; end: number; companyId: string; text: string };

/**
 * Ambiguous names left out for want of evidence, until the page confirms their company. A page that
 * names a company unambiguously or in a business sentence ("Apple said…") makes its other
 * capitalised mentions that company too ("Apple Watch" in the menu above): those are painted once
 * the company is confirmed, if they are still there, shown and not editable.
 */
export class UndecidedMentions {
  private items: Undecided[] = [];

  constructor(
    private readonly painter: Painter,
    private readonly firstOnly: boolean,
  ) {}

  keep(found: readonly Found[]): void {
    for (const f of found) {
      for (const r of f.ranges) {
        if (this.items.length >= MAX_UNDECIDED) return;
        this.items.push({ node: f.node, ...r, text: dom.data(f.node).slice(r.start, r.end) });
      }
    }
  }

  /**
   * Paint those whose company is now confirmed, in slices; returns how many were painted. `count`
   * is told each slice's time (the scan's work includes this).
   */
  async takeBack(confirmed: ReadonlySet<string>, stopped: () => boolean, count: (spent: number) => void = () => {}): Promise<number> {
    let painted = 0;
    const waiting: Undecided[] = [];
    let sliceStart = performance.now();
    for (const u of this.items) {
      if (performance.now() > sliceStart + SLICE_MS) {
        count(performance.now() - sliceStart);
        await yieldToPage();
        if (stopped()) return painted;
        sliceStart = performance.now();
      }
      if (!confirmed.has(u.companyId)) {
        waiting.push(u);
        continue;
      }
      if (!dom.isConnected(u.node) || dom.data(u.node).slice(u.start, u.end) !== u.text) continue;
      if (this.painter.overlaps(u.node, u.start, u.end) || isInSkippedArea(u.node) || !isShown(u.node)) continue;
      if (this.firstOnly && this.painter.countOf(u.companyId) > 0) continue;
      painted += this.painter.add(u.node, [{ start: u.start, end: u.end, companyId: u.companyId }]);
    }
    this.items = waiting;
    count(performance.now() - sliceStart);
    return painted;
  }

  get size(): number {
    return this.items.length;
  }

  clear(): void {
    this.items = [];
  }
}
