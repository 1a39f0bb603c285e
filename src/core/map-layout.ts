import { estimateLabelWidth, fitLabel, MAP_FONT_SIZE, type LabelStyle } from './map-labels';
import type { Tie, TieKind, TieStatus } from './model';

export { estimateLabelWidth, estimateTextWidth, fitLabel, MAP_FONT_SIZE, truncateLabel, type LabelStyle } from './map-labels';

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
 */

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

/** Font size (px) the labels are drawn with; the component's CSS must agree. */

const KIND_ORDER: readonly TieKind[] = ['cloud', 'investor', 'parent', 'partner'];
const STATUS_RANK: Record<TieStatus, number> = { active: 0, reported: 1, ended: 2 };

const PAD_X = 2;
const PAD_Y = 6;
const CP_DOT = 4;
const CP_LABEL_GAP = 5;
/** Minimum spacing of counterparty labels (one line of 11 px text plus air). */
const CP_MIN_GAP = 15;
const CP_COMFORT_GAP = 18;
const PAGE_MIN_ROW = 17;
const PAGE_MAX_ROW = 24;
const PILL_PAD = 6;

const round = (v: number) => Math.round(v * 10) / 10;
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Work {
  id: string;
  name: string;
  role: MapRole;
  /** Index in the page list (page companies) or rank by connectedness (counterparties). */
  order: number;
  y: number;
  /** Neighbour ids, one per edge. */
  nbrs: string[];
  kindCount: Record<TieKind, number>;
  /** Preferred side for counterparties: clouds left, everything else right. */
  pref: 'left' | 'right';
}

/**
 * Least-squares placement of ordered points `ideal` in [lo, hi], at least `gap` apart, keeping
 * their order (pool-adjacent-violators on ideal[i] - i * gap).
 */
function spread(ideal: number[], gap: number, lo: number, hi: number): number[] {
  const n = ideal.length;
  if (n === 0) return [];
  const maxZ = Math.max(lo, hi - (n - 1) * gap);
  const z = ideal.map((v, i) => Math.min(maxZ, Math.max(lo, v - i * gap)));
  const blocks: { sum: number; count: number }[] = [];
  for (const v of z) {
    blocks.push({ sum: v, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1];
      const a = blocks[blocks.length - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  }
  const out: number[] = [];
  for (const b of blocks) for (let j = 0; j < b.count; j++) out.push(b.sum / b.count + out.length * gap);
  return out;
}

function mean(values: number[], fallback: number): number {
  if (values.length === 0) return fallback;
  let s = 0;
  for (const v of values) s += v;
  return s / values.length;
}

function dominantKind(kc: Record<TieKind, number>): TieKind | null {
  let best: TieKind | null = null;
  for (const k of KIND_ORDER) if (kc[k] > 0 && (best === null || kc[k] > kc[best])) best = k;
  return best;
}

export function layoutTiesMap(input: MapInput): MapLayout {
  const W = Math.max(120, input.width);
  const measure = input.measure ?? estimateLabelWidth;
  const Hmax = Math.max(80, input.height);
  const selected = input.selected;

  // ---- page companies (deduplicated, in page order)
  const page = new Map<string, string>();
  for (const c of input.pageCompanies) if (!page.has(c.id)) page.set(c.id, c.name || input.names[c.id] || c.id);

  // ---- edges touching page companies, deduplicated per (company, kind, counterparty)
  interface RawEdge { from: string; to: string; kind: TieKind; status: TieStatus; exclusive: boolean; ties: string[] }
  const raw = new Map<string, RawEdge>();
  for (const t of input.ties) {
    if (t.dismissed || t.company === t.counterparty) continue;
    if (!page.has(t.company) && !page.has(t.counterparty)) continue;
    const key = `${t.company}|${t.kind}|${t.counterparty}`;
    const e = raw.get(key);
    if (!e) raw.set(key, { from: t.company, to: t.counterparty, kind: t.kind, status: t.status, exclusive: t.exclusive, ties: [t.id] });
    else {
      e.ties.push(t.id);
      if (STATUS_RANK[t.status] < STATUS_RANK[e.status]) {
        e.status = t.status;
        e.exclusive = t.exclusive;
      } else if (t.status === e.status) e.exclusive ||= t.exclusive;
    }
  }
  const rawEdges = [...raw.entries()].sort((a, b) => byId(a[0], b[0])).map(([, e]) => e);

  // ---- counterparties: rank by distinct page neighbours, then edges, then active edges; cap
  const cpStats = new Map<string, { pages: Set<string>; edges: number; active: number }>();
  for (const e of rawEdges) {
    for (const [me, other] of [[e.from, e.to], [e.to, e.from]] as const) {
      if (page.has(me)) continue;
      let s = cpStats.get(me);
      if (!s) cpStats.set(me, (s = { pages: new Set(), edges: 0, active: 0 }));
      s.pages.add(other);
      s.edges++;
      if (e.status === 'active') s.active++;
    }
  }
  const ranked = [...cpStats.entries()]
    .sort((a, b) =>
      Number(b[0] === selected) - Number(a[0] === selected) ||
      b[1].pages.size - a[1].pages.size || b[1].edges - a[1].edges || b[1].active - a[1].active || byId(a[0], b[0]),
    )
    .map(([id]) => id);

  // How many counterparties fit, at the minimum spacing, on the two sides.
  const usableMax = Hmax - 2 * PAD_Y - MAP_FONT_SIZE;
  const sideCapacity = Math.floor(usableMax / CP_MIN_GAP) + 1;
  const cap = Math.max(0, Math.min(input.maxCounterparties ?? 24, 2 * sideCapacity));
  const kept = new Set(ranked.slice(0, cap));
  const omittedCounterparties = ranked.length - kept.size;

  const edges0 = rawEdges.filter((e) => (page.has(e.from) || kept.has(e.from)) && (page.has(e.to) || kept.has(e.to)));
  const omittedEdges = rawEdges.length - edges0.length;

  // ---- working nodes
  const work = new Map<string, Work>();
  const mk = (id: string, role: MapRole, order: number): Work => ({
    id, role, order, y: 0, nbrs: [],
    name: role === 'page' ? page.get(id)! : input.names[id] || id,
    kindCount: { cloud: 0, investor: 0, parent: 0, partner: 0 },
    pref: 'right',
  });
  [...page.keys()].forEach((id, i) => work.set(id, mk(id, 'page', i)));
  ranked.filter((id) => kept.has(id)).forEach((id, i) => work.set(id, mk(id, 'counterparty', i)));
  for (const e of edges0) {
    const a = work.get(e.from)!;
    const b = work.get(e.to)!;
    a.nbrs.push(b.id);
    b.nbrs.push(a.id);
    a.kindCount[e.kind]++;
    b.kindCount[e.kind]++;
    // A cloud provider sits left; customers, investors, investees and owners sit right.
    if (e.kind === 'cloud' && b.role === 'counterparty') b.pref = 'left';
  }
  const pages = [...work.values()].filter((w) => w.role === 'page');
  const cps = [...work.values()].filter((w) => w.role === 'counterparty');
  // A counterparty that is a cloud for some and something else for others: the majority decides.
  for (const c of cps) if (c.pref === 'left' && c.kindCount.cloud * 2 < c.nbrs.length) c.pref = 'right';

  // ---- vertical metrics
  const nPage = pages.length;
  const rowsCap = Math.max(1, Math.floor((Hmax - 2 * PAD_Y) / PAGE_MIN_ROW));
  const k = Math.max(1, Math.ceil(nPage / rowsCap));
  const rowsPerCol = Math.ceil(nPage / k);

  // ---- sides of counterparties and columns of page companies
  const side = new Map<string, 'left' | 'right'>();
  for (const c of cps) side.set(c.id, c.pref);
  const colOf = new Map<string, number>(); // 0..k-1 among page columns
  const assignSides = () => {
    // Cost of a side: columns crossed by its edges, plus a small penalty for the unexpected side.
    const cost = (c: Work, s: 'left' | 'right') => {
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
    const lean = (p: Work) => {
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

  // ---- height actually needed
  const rowH = Math.min(PAGE_MAX_ROW, Math.max(PAGE_MIN_ROW, (Hmax - 2 * PAD_Y) / Math.max(1, rowsPerCol)));
  const maxSide = Math.max(left.length, right.length);
  const pageSpan = rowsPerCol * rowH;
  const cpSpan = maxSide > 0 ? (maxSide - 1) * CP_COMFORT_GAP + MAP_FONT_SIZE + 4 : 0;
  const contentH = Math.min(Hmax - 2 * PAD_Y, Math.max(pageSpan, cpSpan, 48));
  const H = Math.round(contentH + 2 * PAD_Y);
  const top = PAD_Y;
  const yLo = top + MAP_FONT_SIZE / 2 + 2;
  const yHi = top + contentH - MAP_FONT_SIZE / 2 - 2;

  // ---- rows: page columns in fixed rows, counterparties near their neighbours; barycenter sweeps
  const columns: Work[][] = Array.from({ length: k }, () => []);
  for (const p of pages) columns[colOf.get(p.id)!].push(p);
  for (const col of columns) col.sort((a, b) => a.order - b.order);
  const placeColumn = (col: Work[]) => {
    const off = top + (contentH - col.length * rowH) / 2;
    col.forEach((p, i) => (p.y = off + (i + 0.5) * rowH));
  };
  const placeSide = (list: Work[]) => {
    const gap = list.length > 1 ? Math.max(Math.min(CP_COMFORT_GAP, (yHi - yLo) / (list.length - 1)), Math.min(CP_MIN_GAP, (yHi - yLo) / (list.length - 1))) : 0;
    for (const c of list) c.y = mean(c.nbrs.map((n) => work.get(n)!.y), (yLo + yHi) / 2);
    list.sort((a, b) => a.y - b.y || a.order - b.order);
    const ys = spread(list.map((c) => c.y), gap, yLo, yHi);
    list.forEach((c, i) => (c.y = ys[i]));
  };
  const orderColumn = (col: Work[]) => {
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

  // ---- widths
  const styleOf = (w: Work): LabelStyle => (w.id === selected ? 'selected' : w.role === 'page' ? 'page' : 'counterparty');
  // Column widths ignore the selection (bold), so that selecting a node never moves the others.
  const labelW = (w: Work) => measure(w.name, w.role === 'page' ? 'page' : 'counterparty');
  const cpExtra = CP_DOT * 2 + CP_LABEL_GAP;
  /** needs: width to show each label in full, ascending; value: how much showing it matters (its edges). */
  interface Col { needs: number[]; value: number[]; min: number; max: number; w: number }
  const mkCol = (list: Work[], extra: number, min: number, max: number): Col => {
    const items = list.map((w) => ({ need: labelW(w) + extra, value: 1 + Math.sqrt(w.nbrs.length) })).sort((a, b) => a.need - b.need);
    const needs = items.map((i) => i.need);
    return { needs, value: items.map((i) => i.value), min: Math.min(min, needs[needs.length - 1] ?? min), max, w: 0 };
  };
  const colL: Col | null = left.length ? mkCol(left, cpExtra, 36, 150) : null;
  const colR: Col | null = right.length ? mkCol(right, cpExtra, 36, 150) : null;
  const colM: Col[] = columns.map((col) => {
    const c = mkCol(col, 2 * PILL_PAD, 48, k === 1 ? 160 : 124);
    c.min = 48;
    return c;
  });
  const all = [colL, ...colM, colR].filter((c): c is Col => c !== null);
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
  // Widen columns so that as many labels as possible show in full, the most connected first: each
  // step buys the widening that shows the most (weighted) labels per pixel.
  for (;;) {
    let best: { c: Col; to: number; score: number } | null = null;
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
  let x = PAD_X + Math.max(0, (avail - total) / 2);

  // ---- nodes
  const nodes: MapNode[] = [];
  const pos = new Map<string, MapNode>();
  const relatedIds = new Set<string>();
  if (selected && work.has(selected)) {
    relatedIds.add(selected);
    for (const n of work.get(selected)!.nbrs) relatedIds.add(n);
  }
  const half = MAP_FONT_SIZE / 2 + 2;
  const taken = new Set([...work.values()].map((w) => w.name.toLowerCase()));
  const fit = (w: Work, maxW: number) => fitLabel(w.name, input.aliases?.[w.id] ?? [], maxW, (s) => measure(s, styleOf(w)), taken);
  const base = (w: Work, column: number, s: MapSide) => ({
    id: w.id, name: w.name, role: w.role, side: s, column, degree: w.nbrs.length, kind: dominantKind(w.kindCount),
    selected: w.id === selected, related: relatedIds.has(w.id), y: round(w.y), labelY: round(w.y),
  });
  if (colL) {
    const dotX = x + colL.w - CP_DOT;
    for (const c of left) {
      const { label, truncated, width: lw } = fit(c, colL.w - cpExtra);
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
      const { label, truncated, width: lw } = fit(c, colR.w - cpExtra);
      nodes.push({
        ...base(c, k + 1, 'right'), label, truncated, x: round(dotX), r: CP_DOT, labelX: round(dotX + CP_DOT + CP_LABEL_GAP), anchor: 'start',
        box: { x: round(dotX - CP_DOT - 2), y: round(c.y - half), w: round(lw + CP_LABEL_GAP + 2 * CP_DOT + 4), h: round(2 * half) },
      });
    }
  }
  // Reading order (also the keyboard's): page companies column by column, top to bottom, then the
  // counterparties, left side first.
  nodes.sort((a, b) => Number(a.role !== 'page') - Number(b.role !== 'page') || a.column - b.column || a.y - b.y);
  for (const n of nodes) pos.set(n.id, n);

  // ---- edge geometry
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const e of edges0) pairCount.set(pairKey(e.from, e.to), (pairCount.get(pairKey(e.from, e.to)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const anchorX = (n: MapNode, towardsRight: boolean) =>
    n.role === 'page' ? (towardsRight ? n.box.x + n.box.w : n.box.x) : n.side === 'left' ? n.x + n.r : n.x - n.r;
  const edges: MapEdge[] = edges0.map((e) => {
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
      const outRight = k === 1 ? left.length >= right.length : l.column - 1 < (k - 1) / 2;
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

  const kindSet = new Set(edges.map((e) => e.kind));
  const statusSet = new Set(edges.map((e) => e.status));
  return {
    width: W,
    height: H,
    nodes,
    edges,
    omittedCounterparties,
    omittedEdges,
    kinds: KIND_ORDER.filter((kd) => kindSet.has(kd)),
    statuses: (['active', 'reported', 'ended'] as const).filter((s) => statusSet.has(s)),
    hasExclusive: edges.some((e) => e.exclusive),
  };
}
