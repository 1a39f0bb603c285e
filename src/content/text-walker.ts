/**
 * Which text a reader reads. Code, form input, hidden text, editors and our own UI are skipped.
 * The walk visits text nodes only (no JavaScript filter per node, which costs more than the walk
 * itself); what a text node's parent means, skipped or which paragraph, is worked out once per
 * parent element and cached.
 */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp',
  'svg', 'math', 'template', 'iframe', 'object', 'canvas', 'video', 'audio', 'button', 'head', 'title',
  'tieline-mark', 'tieline-card',
]);

/** Inline elements keep a sentence together; any other element starts a new paragraph. */
const INLINE_TAGS = new Set([
  'a', 'b', 'i', 'em', 'strong', 'span', 'small', 'sub', 'sup', 'u', 'mark', 'abbr', 'cite', 'q', 'time',
  'font', 's', 'del', 'ins', 'label', 'bdi', 'bdo', 'dfn', 'var', 'data',
]);

function rejectElement(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when the node sits in a part of the page we never annotate (an editor, code, our own UI). */
export function isInSkippedArea(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (rejectElement(el)) return true;
  }
  return false;
}

/**
 * For each parent element under one root: null when its text is skipped, else the block element
 * whose paragraph its text belongs to.
 */
class ParentInfo {
  private readonly cache = new Map<Element, Element | null>();
  constructor(private readonly root: Node) {}

  get(el: Element): Element | null {
    const known = this.cache.get(el);
    if (known !== undefined) return known;
    let info: Element | null;
    if (rejectElement(el)) info = null;
    else {
      const parent = el === this.root ? null : el.parentElement;
      const up = parent ? this.get(parent) : el;
      if (up === null) info = null;
      else info = INLINE_TAGS.has(el.localName) && parent ? up : el;
    }
    this.cache.set(el, info);
    return info;
  }
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
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new ParentInfo(root);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let text = '';
  let block: Element | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent) continue;
    const data = node.data;
    if (data.length < 3 && data.trim() === '') continue;
    const b = parents.get(parent);
    if (b === null) continue;
    if (b !== block && nodes.length > 0) {
      yield { nodes, starts, text };
      nodes = [];
      starts = [];
      text = '';
    }
    block = b;
    nodes.push(node);
    starts.push(text.length);
    text += data;
  }
  if (nodes.length > 0) yield { nodes, starts, text };
}
