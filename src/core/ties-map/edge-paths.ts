import type { RawEdge } from './graph';
import { round } from './spacing';
import type { MapEdge, MapNode } from './types';

/** Edge geometry of the ties map: where each edge leaves and meets its nodes, and its curve. */

export interface EdgeDrawing {
  /** The nodes as drawn. */
  nodes: readonly MapNode[];
  /** Page columns. */
  k: number;
  /** Counterparties on each side. */
  nLeft: number;
  nRight: number;
  sideGap: number;
  midGap: number;
  selected: string | null;
}

export function drawEdges(edges: readonly RawEdge[], { nodes, k, nLeft, nRight, sideGap, midGap, selected }: EdgeDrawing): MapEdge[] {
  const pos = new Map<string, MapNode>();
  for (const n of nodes) pos.set(n.id, n);
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const e of edges) pairCount.set(pairKey(e.from, e.to), (pairCount.get(pairKey(e.from, e.to)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const anchorX = (n: MapNode, towardsRight: boolean) =>
    n.role === 'page' ? (towardsRight ? n.box.x + n.box.w : n.box.x) : n.side === 'left' ? n.x + n.r : n.x - n.r;
  return edges.map((e) => {
    const a = pos.get(e.from)!;
    const b = pos.get(e.to)!;
    const pk = pairKey(e.from, e.to);
    const idx = pairSeen.get(pk) ?? 0;
    pairSeen.set(pk, idx + 1);
    const off = (idx - ((pairCount.get(pk) ?? 1) - 1) / 2) * 3;
    // Draw from the left node to the right one.
    const [l, r] = a.column < b.column || (a.column === b.column && a.y <= b.y) ? [a, b] : [b, a];
    let x1: number, x2: number, path: string;
    const y1 = round(l.y + off);
    const y2 = round(r.y + off);
    if (l.column === r.column) {
      // Two page companies in one column: an arc on the side facing the middle of the map (with one
      // column, the side with fewer counterparties).
      const outRight = k === 1 ? nLeft >= nRight : l.column - 1 < (k - 1) / 2;
      x1 = round(anchorX(l, outRight));
      x2 = round(anchorX(r, outRight));
      const room = k > 1 ? midGap : sideGap;
      const bulge = Math.min(room * 0.8, 10 + Math.abs(y2 - y1) * 0.3) * (outRight ? 1 : -1);
      path = `M${x1} ${y1}C${round(x1 + bulge)} ${y1} ${round(x2 + bulge)} ${y2} ${x2} ${y2}`;
    } else {
      x1 = round(anchorX(l, true));
      x2 = round(anchorX(r, false));
      const dx = (x2 - x1) / 2;
      path = `M${x1} ${y1}C${round(x1 + dx)} ${y1} ${round(x2 - dx)} ${y2} ${x2} ${y2}`;
    }
    const flipped = l !== a;
    return {
      id: `${e.from}|${e.kind}|${e.to}`, from: e.from, to: e.to, kind: e.kind, status: e.status, exclusive: e.exclusive, ties: e.ties,
      x1: flipped ? x2 : x1, y1: flipped ? y2 : y1, x2: flipped ? x1 : x2, y2: flipped ? y1 : y2,
      path, selected: selected !== null && (e.from === selected || e.to === selected),
    };
  });
}
