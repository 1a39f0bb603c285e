import type { ColumnWidths } from './columns';
import { dominantKind, type WorkNode } from './graph';
import { fitLabel, MAP_FONT_SIZE, type LabelStyle } from './labels';
import { CP_DOT, CP_EXTRA, CP_LABEL_GAP, PILL_PAD, round } from './spacing';
import type { MapNode, MapSide } from './types';

/** The ties map's nodes as drawn: placed nodes, their columns' widths and their labels, fitted. */

export interface NodeDrawing {
  work: ReadonlyMap<string, WorkNode>;
  /** Counterparties of each side and page columns, each top to bottom. */
  left: readonly WorkNode[];
  right: readonly WorkNode[];
  columns: readonly WorkNode[][];
  widths: ColumnWidths;
  rowH: number;
  selected: string | null;
  measure: (text: string, style: LabelStyle) => number;
  aliases: Record<string, readonly string[]> | undefined;
}

/** The nodes in reading order. */
export function drawNodes({ work, left, right, columns, widths, rowH, selected, measure, aliases }: NodeDrawing): MapNode[] {
  const { colL, colR, colM, sideGap, midGap } = widths;
  const k = columns.length;
  let x = widths.startX;
  const styleOf = (w: WorkNode): LabelStyle => (w.id === selected ? 'selected' : w.role === 'page' ? 'page' : 'counterparty');
  const nodes: MapNode[] = [];
  const relatedIds = new Set<string>();
  if (selected && work.has(selected)) {
    relatedIds.add(selected);
    for (const n of work.get(selected)!.nbrs) relatedIds.add(n);
  }
  const half = MAP_FONT_SIZE / 2 + 2;
  const taken = new Set([...work.values()].map((w) => w.name.toLowerCase()));
  const fit = (w: WorkNode, maxW: number) => fitLabel(w.name, aliases?.[w.id] ?? [], maxW, (s) => measure(s, styleOf(w)), taken);
  const base = (w: WorkNode, column: number, s: MapSide) => ({
    id: w.id, name: w.name, role: w.role, side: s, column, degree: w.nbrs.length, kind: dominantKind(w.kindCount),
    selected: w.id === selected, related: relatedIds.has(w.id), y: round(w.y), labelY: round(w.y),
  });
  if (colL) {
    const dotX = x + colL.w - CP_DOT;
    for (const c of left) {
      const { label, truncated, width: lw } = fit(c, colL.w - CP_EXTRA);
      const n: MapNode = {
        ...base(c, 0, 'left'), label, truncated, x: round(dotX), r: CP_DOT, labelX: round(dotX - CP_DOT - CP_LABEL_GAP), anchor: 'end',
        box: { x: round(dotX - CP_DOT - CP_LABEL_GAP - lw - 2), y: round(c.y - half), w: round(lw + CP_LABEL_GAP + 2 * CP_DOT + 4), h: round(2 * half) },
      };
      nodes.push(n);
    }
    x += colL.w + sideGap;
  }
  columns.forEach((col, i) => {
    const cw = colM[i].w;
    const pillH = Math.min(18, rowH - 3);
    for (const p of col) {
      const { label, truncated } = fit(p, cw - 2 * PILL_PAD);
      nodes.push({
        ...base(p, i + 1, 'middle'), label, truncated, x: round(x + cw / 2), r: round(Math.min(5, pillH / 2)), labelX: round(x + cw / 2), anchor: 'middle',
        box: { x: round(x), y: round(p.y - pillH / 2), w: round(cw), h: round(pillH) },
      });
    }
    x += cw + (i < k - 1 ? midGap : colR ? sideGap : 0);
  });
  if (colR) {
    const dotX = x + CP_DOT;
    for (const c of right) {
      const { label, truncated, width: lw } = fit(c, colR.w - CP_EXTRA);
      nodes.push({
        ...base(c, k + 1, 'right'), label, truncated, x: round(dotX), r: CP_DOT, labelX: round(dotX + CP_DOT + CP_LABEL_GAP), anchor: 'start',
        box: { x: round(dotX - CP_DOT - 2), y: round(c.y - half), w: round(lw + CP_LABEL_GAP + 2 * CP_DOT + 4), h: round(2 * half) },
      });
    }
  }
  // Reading order (also the keyboard's): page companies column by column, top to bottom, then the
  // counterparties, left side first.
  nodes.sort((a, b) => Number(a.role !== 'page') - Number(b.role !== 'page') || a.column - b.column || a.y - b.y);
  return nodes;
}
