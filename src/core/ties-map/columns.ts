import type { WorkNode } from './graph';
import type { LabelStyle } from './labels';
import { CP_EXTRA, PAD_X, PILL_PAD } from './spacing';

/**
 * Widths of the ties map's columns and of the gaps between them: the width is shared out so that
 * as many labels as possible show in full, then what is left goes to the gaps.
 */

/** needs: width to show each label in full, ascending; value: how much showing it matters (its edges). */
export interface ColumnWidth { needs: number[]; value: number[]; min: number; max: number; w: number }

export interface ColumnWidths {
  /** The counterparty columns (null for a side without counterparties) and the page columns. */
  colL: ColumnWidth | null;
  colR: ColumnWidth | null;
  colM: ColumnWidth[];
  sideGap: number;
  midGap: number;
  /** Left edge of the leftmost column: what is not used is shared out on both sides. */
  startX: number;
}

export function allocateColumnWidths(
  left: readonly WorkNode[],
  right: readonly WorkNode[],
  columns: readonly WorkNode[][],
  W: number,
  measure: (text: string, style: LabelStyle) => number,
): ColumnWidths {
  const k = columns.length;
  // Column widths ignore the selection (bold), so that selecting a node never moves the others.
  const labelW = (w: WorkNode) => measure(w.name, w.role === 'page' ? 'page' : 'counterparty');
  const mkCol = (list: readonly WorkNode[], extra: number, min: number, max: number): ColumnWidth => {
    const items = list.map((w) => ({ need: labelW(w) + extra, value: 1 + Math.sqrt(w.nbrs.length) })).sort((a, b) => a.need - b.need);
    const needs = items.map((i) => i.need);
    return { needs, value: items.map((i) => i.value), min: Math.min(min, needs[needs.length - 1] ?? min), max, w: 0 };
  };
  const colL: ColumnWidth | null = left.length ? mkCol(left, CP_EXTRA, 36, 150) : null;
  const colR: ColumnWidth | null = right.length ? mkCol(right, CP_EXTRA, 36, 150) : null;
  const colM: ColumnWidth[] = columns.map((col) => {
    const c = mkCol(col, 2 * PILL_PAD, 48, k === 1 ? 160 : 124);
    c.min = 48;
    return c;
  });
  const all = [colL, ...colM, colR].filter((c): c is ColumnWidth => c !== null);
  const nSideGaps = Number(!!colL) + Number(!!colR);
  const nMidGaps = k - 1;
  const gapWant = { side: 64, mid: 34 };
  const gapMin = { side: 24, mid: 14 };
  const avail = W - 2 * PAD_X;
  let sideGap = gapMin.side;
  let midGap = gapMin.mid;
  // Start every column at a fair share (or what it needs, if less), so that none is starved.
  const fair = (0.8 * (avail - nSideGaps * gapMin.side - nMidGaps * gapMin.mid)) / Math.max(1, all.length);
  for (const c of all) c.w = Math.max(c.min, Math.min(fair, c.max, c.needs[c.needs.length - 1] ?? 0));
  let budget = avail - nSideGaps * gapMin.side - nMidGaps * gapMin.mid - all.reduce((s, c) => s + c.w, 0);
  if (budget < 0) {
    // Not even the minimum fits (a very narrow map): shrink everything alike.
    const f = Math.max(0.3, (avail - nSideGaps * gapMin.side - nMidGaps * gapMin.mid) / all.reduce((s, c) => s + c.w, 0));
    for (const c of all) c.w *= f;
    budget = 0;
  }
  budget = widenForLabels(all, budget);
  // What is left: first the gaps (edges read better in room), then the columns still truncating.
  if (nSideGaps) {
    const add = Math.min(gapWant.side - gapMin.side, (budget * 0.7) / nSideGaps);
    sideGap += add;
    budget -= add * nSideGaps;
  }
  const cut = all.filter((c) => c.needs.some((n) => n > c.w) && c.w < c.max);
  for (let i = 0; i < 3 && budget > 0.5 && cut.length; i++) {
    const share = budget / cut.length;
    for (const c of cut) {
      const add = Math.min(share, c.max - c.w, Math.max(0, c.needs[c.needs.length - 1] - c.w));
      c.w += add;
      budget -= add;
    }
  }
  if (nSideGaps) {
    const add = Math.min(gapWant.side - sideGap, budget / nSideGaps);
    sideGap += add;
    budget -= add * nSideGaps;
  }
  if (nMidGaps) midGap += Math.min(gapWant.mid - gapMin.mid, budget / nMidGaps);
  const total = all.reduce((s, c) => s + c.w, 0) + nSideGaps * sideGap + nMidGaps * midGap;
  const startX = PAD_X + Math.max(0, (avail - total) / 2);
  return { colL, colR, colM, sideGap, midGap, startX };
}

/**
 * Widen columns so that as many labels as possible show in full, the most connected first: each
 * step buys the widening that shows the most (weighted) labels per pixel. Returns the budget left.
 */
function widenForLabels(all: readonly ColumnWidth[], budget: number): number {
  for (;;) {
    let best: { c: ColumnWidth; to: number; score: number } | null = null;
    for (const c of all) {
      const to = c.needs.find((n) => n > c.w && n <= c.max);
      if (to === undefined || to - c.w > budget) continue;
      let gain = 0;
      c.needs.forEach((n, i) => n > c.w && n <= to && (gain += c.value[i]));
      const score = gain / Math.max(0.5, to - c.w);
      if (!best || score > best.score) best = { c, to, score };
    }
    if (!best) break;
    budget -= best.to - best.c.w;
    best.c.w = best.to;
  }
  return budget;
}
