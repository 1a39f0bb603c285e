import type { MapInput, MapRole } from './types';
import { STATUS_RANK, TIE_KINDS, type Tie, type TieKind, type TieStatus } from '../model';

/**
 * The ties map as a graph: page companies, the edges touching them (ties merged per company, kind
 * and counterparty), and the counterparties kept by the cap, most connected first.
 */


const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RawEdge { from: string; to: string; kind: TieKind; status: TieStatus; exclusive: boolean; ties: string[] }

/** A node while it is being placed: `y` changes with every sweep. */
export interface WorkNode {
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

export interface MapGraph {
  /** Every node by id: page companies in page order, then counterparties by rank. */
  work: Map<string, WorkNode>;
  pages: WorkNode[];
  cps: WorkNode[];
  /** Edges between kept nodes, in id order. */
  edges: RawEdge[];
  omittedCounterparties: number;
  omittedEdges: number;
}

/** Page companies (deduplicated, in page order): name by id. */
export function pageCompanyNames(input: MapInput): Map<string, string> {
  const page = new Map<string, string>();
  for (const c of input.pageCompanies) if (!page.has(c.id)) page.set(c.id, c.name || input.names[c.id] || c.id);
  return page;
}

/** Edges touching page companies, deduplicated per (company, kind, counterparty), in id order. */
export function mergeTies(ties: readonly Tie[], page: ReadonlyMap<string, string>): RawEdge[] {
  const raw = new Map<string, RawEdge>();
  for (const t of ties) {
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
  return [...raw.entries()].sort((a, b) => byId(a[0], b[0])).map(([, e]) => e);
}

/** Counterparties: rank by distinct page neighbours, then edges, then active edges (the selected one first). */
export function rankCounterparties(rawEdges: readonly RawEdge[], page: ReadonlyMap<string, string>, selected: string | null): string[] {
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
  return [...cpStats.entries()]
    .sort((a, b) =>
      Number(b[0] === selected) - Number(a[0] === selected) ||
      b[1].pages.size - a[1].pages.size || b[1].edges - a[1].edges || b[1].active - a[1].active || byId(a[0], b[0]),
    )
    .map(([id]) => id);
}

/** The graph of the page companies and the `cap` best ranked counterparties. */
export function buildGraph(
  page: ReadonlyMap<string, string>,
  rawEdges: readonly RawEdge[],
  ranked: readonly string[],
  cap: number,
  names: Record<string, string>,
): MapGraph {
  const kept = new Set(ranked.slice(0, cap));
  const omittedCounterparties = ranked.length - kept.size;

  const edges = rawEdges.filter((e) => (page.has(e.from) || kept.has(e.from)) && (page.has(e.to) || kept.has(e.to)));
  const omittedEdges = rawEdges.length - edges.length;

  const work = new Map<string, WorkNode>();
  const mk = (id: string, role: MapRole, order: number): WorkNode => ({
    id, role, order, y: 0, nbrs: [],
    name: role === 'page' ? page.get(id)! : names[id] || id,
    kindCount: { cloud: 0, investor: 0, parent: 0, partner: 0 },
    pref: 'right',
  });
  [...page.keys()].forEach((id, i) => work.set(id, mk(id, 'page', i)));
  ranked.filter((id) => kept.has(id)).forEach((id, i) => work.set(id, mk(id, 'counterparty', i)));
  for (const e of edges) {
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
  return { work, pages, cps, edges, omittedCounterparties, omittedEdges };
}

export function dominantKind(kc: Record<TieKind, number>): TieKind | null {
  let best: TieKind | null = null;
  for (const k of TIE_KINDS) if (kc[k] > 0 && (best === null || kc[k] > kc[best])) best = k;
  return best;
}
