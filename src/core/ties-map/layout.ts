import { allocateColumnWidths } from './columns';
import { drawEdges } from './edge-paths';
import { TIE_KINDS } from '../model';
import { buildGraph, mergeTies, pageCompanyNames, rankCounterparties } from './graph';
import { estimateLabelWidth, MAP_FONT_SIZE } from './labels';
import { drawNodes } from './nodes';
import { mapHeight, pageGrid, placeRows } from './rows';
import { assignSidesAndColumns } from './sides';
import { CP_MIN_GAP, PAD_Y } from './spacing';
import type { MapInput, MapLayout } from './types';

/**
 * Layout of the popup's ties map: pure, DOM-free and deterministic (same input, same output).
 *
 * A layered picture, read from left to right:
 *
 *   cloud providers  |  companies on the page (1 column, or 2 when many)  |  investors, owners
 *
 * Page companies are pills in evenly spaced rows; counterparties (companies not on the page) are a
 * dot and a label on the outer sides, each placed at the height of the companies it connects to
 * (then pushed apart so labels never overlap). Clouds go left and investors/owners right, unless a
 * side is full or (with two page columns) the other side avoids edges crossing a column. Rows are
 * ordered by a fixed number of barycenter sweeps to keep edges short and crossings few.
 *
 * The steps, one file each: graph (which nodes and edges), sides (sides and page columns),
 * rows (heights), columns (widths), nodes and edge-paths (the drawing).
 */
export function layoutTiesMap(input: MapInput): MapLayout {
  const W = Math.max(120, input.width);
  const measure = input.measure ?? estimateLabelWidth;
  const Hmax = Math.max(80, input.height);
  const selected = input.selected;

  const page = pageCompanyNames(input);
  const rawEdges = mergeTies(input.ties, page);
  const ranked = rankCounterparties(rawEdges, page, selected);

  // How many counterparties fit, at the minimum spacing, on the two sides.
  const usableMax = Hmax - 2 * PAD_Y - MAP_FONT_SIZE;
  const sideCapacity = Math.floor(usableMax / CP_MIN_GAP) + 1;
  const cap = Math.max(0, Math.min(input.maxCounterparties ?? 24, 2 * sideCapacity));
  const { work, pages, cps, edges: shown, omittedCounterparties, omittedEdges } = buildGraph(page, rawEdges, ranked, cap, input.names);

  const { k, rowsPerCol } = pageGrid(pages.length, Hmax);
  const { colOf, left, right } = assignSidesAndColumns(pages, cps, k, rowsPerCol, sideCapacity);
  const height = mapHeight(rowsPerCol, left.length, right.length, Hmax);
  const columns = placeRows(work, pages, colOf, k, left, right, height);
  const widths = allocateColumnWidths(left, right, columns, W, measure);
  const nodes = drawNodes({ work, left, right, columns, widths, rowH: height.rowH, selected, measure, aliases: input.aliases });
  const edges = drawEdges(shown, { nodes, k, nLeft: left.length, nRight: right.length, sideGap: widths.sideGap, midGap: widths.midGap, selected });

  const kindSet = new Set(edges.map((e) => e.kind));
  const statusSet = new Set(edges.map((e) => e.status));
  return {
    width: W,
    height: height.H,
    nodes,
    edges,
    omittedCounterparties,
    omittedEdges,
    kinds: TIE_KINDS.filter((kd) => kindSet.has(kd)),
    statuses: (['active', 'reported', 'ended'] as const).filter((s) => statusSet.has(s)),
    hasExclusive: edges.some((e) => e.exclusive),
  };
}
