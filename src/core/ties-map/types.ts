import type { LabelStyle } from './labels';
import type { Tie, TieKind, TieStatus } from '../model';

/** The ties map's input and output: what the popup hands to layoutTiesMap and draws from it. */

export interface MapInput {
  pageCompanies: { id: string; name: string }[];
  ties: readonly Tie[];
  names: Record<string, string>;
  selected: string | null;
  width: number;
  height: number;
  /** How many companies not on the page to show at most (the most connected); default 24. */
  maxCounterparties?: number;
  /**
   * Width in px of a label as drawn (the component measures with a canvas); by default an estimate.
   * `style`: a page company's pill label, a counterparty's label, or the selected node's (bold) one.
   */
  measure?: (text: string, style: LabelStyle) => number;
  /**
   * Other names by company id (e.g. Company.aliases): when a name does not fit, a fitting alias made
   * of its words ("Azure" for "Microsoft Azure") or an acronym ("AWS") is drawn instead of "…".
   */
  aliases?: Record<string, readonly string[]>;
}

export type MapRole = 'page' | 'counterparty';
export type MapSide = 'left' | 'middle' | 'right';

export interface MapNode {
  id: string;
  /** Full name (for tooltips and screen readers). */
  name: string;
  /** Name as drawn: truncated with an ellipsis to fit its column. */
  label: string;
  truncated: boolean;
  /** Centre: of the pill for page companies, of the dot for counterparties. */
  x: number;
  y: number;
  /** Dot radius (counterparties) or pill corner radius (page companies). */
  r: number;
  /** Box around the node and its label: the pill, or the click/focus target of a counterparty. */
  box: { x: number; y: number; w: number; h: number };
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
  role: MapRole;
  side: MapSide;
  /** Column from left to right: 0 = left counterparties, 1..k = page columns, k + 1 = right counterparties. */
  column: number;
  /** Edges touching this node in the map. */
  degree: number;
  /** Kind of most of its edges (the counterparty dot's colour); null for a node without edges. */
  kind: TieKind | null;
  selected: boolean;
  /** The selected node or one tied to it. */
  related: boolean;
}

export interface MapEdge {
  /** `${from}|${kind}|${to}` */
  id: string;
  /** Tie.company */
  from: string;
  /** Tie.counterparty */
  to: string;
  kind: TieKind;
  /** The strongest status among the ties merged into this edge: active > reported > ended. */
  status: TieStatus;
  /** Some tie of the winning status is exclusive. */
  exclusive: boolean;
  /** Ids of the ties merged into this edge. */
  ties: string[];
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** SVG path data (a cubic curve) from (x1, y1) to (x2, y2). */
  path: string;
  /** Touches the selected node. */
  selected: boolean;
}

export interface MapLayout {
  /** Width and height actually used (never more than asked; less when there is little to show). */
  width: number;
  height: number;
  nodes: MapNode[];
  edges: MapEdge[];
  /** Counterparties left out by the cap, and the edges that went with them. */
  omittedCounterparties: number;
  omittedEdges: number;
  /** Kinds present among the edges, in TIE_KINDS order. */
  kinds: TieKind[];
  statuses: TieStatus[];
  hasExclusive: boolean;
}
