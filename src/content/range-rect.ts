import type { Painted } from './painter';

/** A painted mention's box on screen now (a live range, made and dropped at once). */
export function rectOf(p: Painted): DOMRect | null {
  if (!p.node.isConnected || p.end > p.node.length) return null;
  const r = p.node.ownerDocument.createRange();
  r.setStart(p.node, p.start);
  r.setEnd(p.node, p.end);
  const rects = r.getClientRects();
  r.detach();
  return rects.length > 0 ? rects[0] : null;
}

/** Whether (x, y) is inside one of the mention's boxes (a name may wrap onto two lines). */
export function mentionContainsPoint(p: Painted, x: number, y: number): boolean {
  if (!p.node.isConnected || p.end > p.node.length) return false;
  const r = p.node.ownerDocument.createRange();
  r.setStart(p.node, p.start);
  r.setEnd(p.node, p.end);
  const hit = Array.from(r.getClientRects()).some((b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom);
  r.detach();
  return hit;
}
