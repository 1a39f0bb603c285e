import type { WorkNode } from './graph';
import { mean } from './spread';

/**
 * Sides of counterparties and columns of page companies, settled together: a counterparty picks
 * the side its edges reach with fewest columns crossed, and page companies are sorted into columns
 * by the side their counterparties lean to.
 */

export interface SidesAndColumns {
  /** Page column of each page company, 0..k-1. */
  colOf: Map<string, number>;
  left: WorkNode[];
  right: WorkNode[];
}

/** `k` page columns of at most `rowsPerCol` rows; at most `sideCapacity` counterparties a side. */
export function assignSidesAndColumns(
  pages: readonly WorkNode[],
  cps: readonly WorkNode[],
  k: number,
  rowsPerCol: number,
  sideCapacity: number,
): SidesAndColumns {
  const side = new Map<string, 'left' | 'right'>();
  for (const c of cps) side.set(c.id, c.pref);
  const colOf = new Map<string, number>(); // 0..k-1 among page columns
  const assignSides = () => {
    // Cost of a side: columns crossed by its edges, plus a small penalty for the unexpected side.
    const cost = (c: WorkNode, s: 'left' | 'right') => {
      let x = s === c.pref ? 0 : 0.75;
      for (const n of c.nbrs) {
        const col = colOf.get(n);
        if (col !== undefined) x += s === 'left' ? col : k - 1 - col; // every edge touches a page company
      }
      return x;
    };
    const want = cps.map((c) => ({ c, l: cost(c, 'left'), r: cost(c, 'right') }));
    for (const w of want) side.set(w.c.id, w.l < w.r ? 'left' : w.r < w.l ? 'right' : w.c.pref);
    // Respect capacity: move those that mind least.
    for (const s of ['left', 'right'] as const) {
      const other = s === 'left' ? 'right' : 'left';
      const on = want.filter((w) => side.get(w.c.id) === s);
      const room = sideCapacity - (cps.length - on.length);
      const excess = on.length - sideCapacity;
      if (excess <= 0 || room <= 0) continue;
      on.sort((a, b) => (s === 'left' ? a.r - a.l - (b.r - b.l) : a.l - a.r - (b.l - b.r)) || b.c.order - a.c.order);
      for (const w of on.slice(0, Math.min(excess, room))) side.set(w.c.id, other);
    }
  };
  const assignColumns = () => {
    if (k === 1) {
      for (const p of pages) colOf.set(p.id, 0);
      return;
    }
    // Lean: -1 when all its counterparties are on the left, +1 when all are on the right.
    const lean = (p: WorkNode) => {
      const v = p.nbrs.filter((n) => side.has(n)).map((n) => (side.get(n) === 'left' ? -1 : 1));
      return mean(v, 0);
    };
    const sorted = pages.map((p) => ({ p, l: lean(p) })).sort((a, b) => a.l - b.l || a.p.order - b.p.order);
    sorted.forEach(({ p }, i) => colOf.set(p.id, Math.min(k - 1, Math.floor(i / rowsPerCol))));
  };
  for (const c of pages) colOf.set(c.id, 0);
  assignColumns();
  for (let i = 0; i < 3; i++) {
    assignSides();
    assignColumns();
  }
  const left = cps.filter((c) => side.get(c.id) === 'left');
  const right = cps.filter((c) => side.get(c.id) === 'right');
  return { colOf, left, right };
}
