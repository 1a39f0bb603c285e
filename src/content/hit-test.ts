import type { Painter, Painted } from './painter';
import { mentionContainsPoint } from './range-rect';

type HitResult = Highlight | { highlight?: Highlight; ranges?: AbstractRange[] };
type WithHits = HighlightRegistry & { highlightsFromPoint?: (x: number, y: number) => HitResult[] };
type WithCaret = Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };

/**
 * The painted mention under a point, if any: asked of the highlight registry where the browser can
 * (`highlightsFromPoint`), else from the caret position at the point. Only our own highlight objects
 * count: a page can register look-alikes under our names, and they never open a card.
 */
export function mentionAt(doc: Document, painter: Painter, x: number, y: number): Painted | null {
  const registry = CSS.highlights as WithHits;
  if (typeof registry.highlightsFromPoint === 'function') {
    for (const hit of registry.highlightsFromPoint(x, y)) {
      const h = hit instanceof Highlight ? hit : hit.highlight;
      if (!h || painter.companyOfHighlight(h) === undefined) continue;
      // The hit's own ranges where the browser gives them; else the highlight's, with forEach:
      // Firefox cannot iterate a setlike through a content script's Xray wrapper.
      const ranges: AbstractRange[] = [];
      if (!(hit instanceof Highlight) && Array.isArray(hit.ranges)) ranges.push(...hit.ranges);
      else h.forEach((r) => ranges.push(r));
      for (const range of ranges) {
        const p = painter.mentionsOf(range.startContainer as Text).find((m) => m.range === range);
        if (p && mentionContainsPoint(p, x, y)) return p;
      }
    }
  }
  const caret = (doc as WithCaret).caretPositionFromPoint?.(x, y);
  if (!caret || caret.offsetNode.nodeType !== Node.TEXT_NODE) return null;
  const node = caret.offsetNode as Text;
  for (const p of painter.mentionsOf(node)) {
    if (caret.offset >= p.start && caret.offset <= p.end && mentionContainsPoint(p, x, y)) return p;
  }
  return null;
}
