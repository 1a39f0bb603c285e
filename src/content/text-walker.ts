/**
 * Which text a reader reads. Elements whose text is code, form input, hidden or ours are skipped
 * with their whole subtree (FILTER_REJECT), so the walk costs one visit per node that matters.
 */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'CODE', 'PRE', 'KBD', 'SAMP',
  'SVG', 'MATH', 'TEMPLATE', 'IFRAME', 'OBJECT', 'CANVAS', 'VIDEO', 'AUDIO', 'BUTTON', 'HEAD', 'TITLE',
  'TIELINE-MARK', 'TIELINE-CARD',
]);

/** Inline elements keep a sentence together; any other element starts a new paragraph. */
const INLINE_TAGS = new Set([
  'A', 'B', 'I', 'EM', 'STRONG', 'SPAN', 'SMALL', 'SUB', 'SUP', 'U', 'MARK', 'ABBR', 'CITE', 'Q', 'TIME',
  'FONT', 'S', 'DEL', 'INS', 'LABEL', 'BDI', 'BDO', 'DFN', 'VAR', 'DATA', 'TIELINE-MARK',
]);

function rejectElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return false;
}

const filter = {
  acceptNode(node: Node): number {
    return node.nodeType === Node.TEXT_NODE || !rejectElement(node as Element) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
  },
};

/** True when the node sits in a part of the page we never annotate (an editor, code, our own UI). */
export function isInSkippedArea(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (rejectElement(el)) return true;
  }
  return false;
}

export function blockOf(text: Text): Element | null {
  let el = text.parentElement;
  while (el && INLINE_TAGS.has(el.tagName.toUpperCase()) && el.parentElement) el = el.parentElement;
  return el;
}

/** A run of text nodes that read as one piece of prose (same block, inline elements between). */
export interface Paragraph {
  nodes: Text[];
  /** Offset of each node's text in `text`. */
  starts: number[];
  text: string;
}

/**
 * Walk the text under `root` paragraph by paragraph. A generator, so a caller can stop at a time
 * budget and resume later without walking again.
 */
export function* paragraphs(root: Node): Generator<Paragraph> {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, filter);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let block: Element | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) continue;
    const t = node as Text;
    const data = t.data;
    if (data.length < 1 || (data.length < 3 && data.trim() === '')) continue;
    const b = blockOf(t);
    if (b !== block && nodes.length > 0) {
      yield { nodes, starts, text };
      nodes = [];
      starts = [];
      text = '';
    }
    block = b;
    nodes.push(t);
    starts.push(text.length);
    text += data;
  }
  if (nodes.length > 0) yield { nodes, starts, text };
}
