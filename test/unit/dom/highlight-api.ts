/**
 * happy-dom has no CSS Custom Highlight API: a minimal stand-in with the same shape (a set-like
 * Highlight, a map-like registry, StaticRange as a plain record) so that the content script's own
 * logic can be tested in seconds. The real API is exercised by the e2e tests in both browsers.
 */
class StaticRangeStandIn {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

class HighlightStandIn extends Set<AbstractRange> {}

export function installHighlightApi(): Map<string, HighlightStandIn> {
  const registry = new Map<string, HighlightStandIn>();
  const g = globalThis as Record<string, unknown>;
  g.StaticRange = StaticRangeStandIn;
  g.Highlight = HighlightStandIn;
  g.CSS = { highlights: registry };
  return registry;
}

/** What is painted, read as a page would: [companyId, text] per `tieline-<id>` range, in node order. */
export function paintedIn(registry: Map<string, Set<AbstractRange>>): [string, string][] {
  const out: { id: string; text: string; node: Node; at: number }[] = [];
  for (const [name, h] of registry) {
    if (!name.startsWith('tieline-') || ['tieline-focus', 'tieline-background'].includes(name)) continue;
    for (const r of h) out.push({ id: name.slice(8), text: (r.startContainer as Text).data.slice(r.startOffset, r.endOffset), node: r.startContainer, at: r.startOffset });
  }
  out.sort((a, b) => (a.node === b.node ? a.at - b.at : a.node.compareDocumentPosition(b.node) & 4 ? -1 : 1));
  return out.map((o) => [o.id, o.text]);
}
