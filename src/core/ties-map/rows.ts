import type { WorkNode } from './graph';
import { MAP_FONT_SIZE } from './labels';
import { CP_COMFORT_GAP, CP_MIN_GAP, PAD_Y, PAGE_MAX_ROW, PAGE_MIN_ROW } from './spacing';
import { mean, spread } from './spread';

/**
 * Vertical placement of the ties map: how many page columns, how tall the map, and the height of
 * every node (page columns in fixed rows, counterparties near their neighbours).
 */

/** Vertical metrics: how many page columns (`k`) hold `nPage` rows of at least PAGE_MIN_ROW px in `Hmax`, and the rows of each. */
export function pageGrid(nPage: number, Hmax: number): { k: number; rowsPerCol: number } {
  const rowsCap = Math.max(1, Math.floor((Hmax - 2 * PAD_Y) / PAGE_MIN_ROW));
  const k = Math.max(1, Math.ceil(nPage / rowsCap));
  const rowsPerCol = Math.ceil(nPage / k);
  return { k, rowsPerCol };
}

export interface MapHeight {
  /** Row height of the page columns. */
  rowH: number;
  /** Height of the drawing, between the paddings. */
  contentH: number;
  /** Height of the map, paddings included. */
  H: number;
  top: number;
  /** Range of counterparty centres. */
  yLo: number;
  yHi: number;
}

/** Height actually needed, at most `Hmax`. */
export function mapHeight(rowsPerCol: number, nLeft: number, nRight: number, Hmax: number): MapHeight {
  const rowH = Math.min(PAGE_MAX_ROW, Math.max(PAGE_MIN_ROW, (Hmax - 2 * PAD_Y) / Math.max(1, rowsPerCol)));
  const maxSide = Math.max(nLeft, nRight);
  const pageSpan = rowsPerCol * rowH;
  const cpSpan = maxSide > 0 ? (maxSide - 1) * CP_COMFORT_GAP + MAP_FONT_SIZE + 4 : 0;
  const contentH = Math.min(Hmax - 2 * PAD_Y, Math.max(pageSpan, cpSpan, 48));
  const H = Math.round(contentH + 2 * PAD_Y);
  const top = PAD_Y;
  const yLo = top + MAP_FONT_SIZE / 2 + 2;
  const yHi = top + contentH - MAP_FONT_SIZE / 2 - 2;
  return { rowH, contentH, H, top, yLo, yHi };
}

/**
 * Rows: page columns in fixed rows, counterparties near their neighbours; barycenter sweeps.
 * Sets every node's `y` and sorts `left` and `right` top to bottom; returns the page columns, each
 * top to bottom.
 */
export function placeRows(
  work: ReadonlyMap<string, WorkNode>,
  pages: readonly WorkNode[],
  colOf: ReadonlyMap<string, number>,
  k: number,
  left: WorkNode[],
  right: WorkNode[],
  { rowH, contentH, top, yLo, yHi }: MapHeight,
): WorkNode[][] {
  const columns: WorkNode[][] = Array.from({ length: k }, () => []);
  for (const p of pages) columns[colOf.get(p.id)!].push(p);
  for (const col of columns) col.sort((a, b) => a.order - b.order);
  const placeColumn = (col: WorkNode[]) => {
    const off = top + (contentH - col.length * rowH) / 2;
    col.forEach((p, i) => (p.y = off + (i + 0.5) * rowH));
  };
  const placeSide = (list: WorkNode[]) => {
    const gap = list.length > 1 ? Math.max(Math.min(CP_COMFORT_GAP, (yHi - yLo) / (list.length - 1)), Math.min(CP_MIN_GAP, (yHi - yLo) / (list.length - 1))) : 0;
    for (const c of list) c.y = mean(c.nbrs.map((n) => work.get(n)!.y), (yLo + yHi) / 2);
    list.sort((a, b) => a.y - b.y || a.order - b.order);
    const ys = spread(list.map((c) => c.y), gap, yLo, yHi);
    list.forEach((c, i) => (c.y = ys[i]));
  };
  const orderColumn = (col: WorkNode[]) => {
    // Companies without edges go to the bottom; the rest by the mean height of their neighbours.
    const key = new Map(col.map((p) => [p.id, mean(p.nbrs.map((n) => work.get(n)!.y), p.y)]));
    col.sort((a, b) => Number(a.nbrs.length === 0) - Number(b.nbrs.length === 0) || key.get(a.id)! - key.get(b.id)! || a.order - b.order);
    placeColumn(col);
  };
  for (const col of columns) {
    // Start: most connected first so that hubs sit in the middle of the sweeps' attention.
    col.sort((a, b) => Number(a.nbrs.length === 0) - Number(b.nbrs.length === 0) || a.order - b.order);
    placeColumn(col);
  }
  for (let sweep = 0; sweep < 8; sweep++) {
    placeSide(left);
    placeSide(right);
    for (const col of columns) orderColumn(col);
  }
  placeSide(left);
  placeSide(right);
  return columns;
}
