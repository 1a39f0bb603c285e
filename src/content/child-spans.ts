import { dom } from './dom';

/**
 * Children `start` to `end` (exclusive) of `parent`: a part of a page whose text can be read in one
 * call (`Range.toString()`) without touching its nodes.
 *
 * Why not touch them: Chromium keeps a content script's wrapper of each node it touches in a hash
 * table of the script's world, which it rebuilds whenever it doubles. On a page of 200,000 text
 * nodes that rebuild alone is a task of 50 to 100 ms. Past 10,000 text nodes under a root, the scan reads
 * the rest of a page in spans and walks only those whose text names a company.
 */
export interface ChildSpan {
  parent: Node;
  start: number;
  end: number;
}

/** Everything after `node` under `root`, in page order: the later siblings of `node` and of each of its ancestors. */
export function spansAfter(node: Node, root: Node): ChildSpan[] {
  const range = (dom.ownerDocument(node) ?? document).createRange();
  const spans: ChildSpan[] = [];
  for (let n = node; n !== root; ) {
    const parent = dom.parentNode(n);
    if (parent === null) break;
    range.setStartAfter(n);
    const start = range.startOffset;
    const end = dom.childNodes(parent).length;
    if (start < end) spans.push({ parent, start, end });
    n = parent;
  }
  return spans;
}

/**
 * The text of a span, as the page holds it (no separator between blocks). Its boundaries are offsets
 * in `parent`, found by a walk over the children before them: quick in Chromium (4-7 ms at the
 * 190,000th child), slow in Firefox (35-50 ms there), where `childrenText` takes over.
 */
export function spanText(range: Range, span: ChildSpan): string {
  range.setStart(span.parent, span.start);
  range.setEnd(span.parent, span.end);
  return range.toString();
}

/**
 * The text of a span child by child, a line each: touches each child (one wrapper), never what it
 * holds, and finds the first child by its index once.
 */
export function childrenText(span: ChildSpan): string {
  const parts: string[] = [];
  let child: Node | null = dom.childNodes(span.parent).item(span.start);
  for (let i = span.start; i < span.end && child !== null; i++, child = dom.nextSibling(child)) parts.push(dom.textContent(child));
  return parts.join('\n');
}

/** A span's first `width` children, then the rest. */
export function cutSpan(span: ChildSpan, width: number): [ChildSpan, ChildSpan] {
  const { parent, start, end } = span;
  const mid = Math.min(end, start + width);
  return [
    { parent, start, end: mid },
    { parent, start: mid, end },
  ];
}

/**
 * A span in smaller parts, in page order: halves of its children, or the children of its one child;
 * none when it is one text node or one childless element.
 */
export function splitSpan(span: ChildSpan): ChildSpan[] {
  const { parent, start, end } = span;
  if (end - start > 1) return cutSpan(span, (end - start) >>> 1);
  const child: Node | null = dom.childNodes(parent).item(start);
  if (child === null) return [];
  const count = dom.childNodes(child).length;
  return count > 0 ? [{ parent: child, start: 0, end: count }] : [];
}

/** The first node of a span and the node after it (null: the end of its parent), for walking it. */
export function spanBounds(span: ChildSpan): { first: Node; stop: Node | null } {
  const children = dom.childNodes(span.parent);
  const stop: Node | null = children.item(span.end);
  return { first: children.item(span.start), stop };
}
