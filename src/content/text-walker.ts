import { isSpaceCode, isWordCode } from '../core/normalize';
import { dom } from './dom';
import { HOST_TAG } from './overlay-host';

/**
 * Which text a reader reads. Code, form input, hidden text, editors and our own UI are skipped.
 * The walk visits text nodes only (no JavaScript filter per node, which costs more than the walk
 * itself); what a text node's parent means, skipped or which paragraph, is worked out once per
 * parent element and cached.
 */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'code', 'pre', 'kbd', 'samp',
  'svg', 'math', 'template', 'iframe', 'object', 'canvas', 'video', 'audio', 'button', 'head', 'title',
  HOST_TAG,
]);

/** Inline elements keep a sentence together; any other element starts a new paragraph. */
const INLINE_TAGS = new Set([
  'a', 'b', 'i', 'em', 'strong', 'span', 'small', 'sub', 'sup', 'u', 'mark', 'abbr', 'cite', 'q', 'time',
  'font', 's', 'del', 'ins', 'label', 'bdi', 'bdo', 'dfn', 'var', 'data',
]);

/**
 * Form controls and editors are skipped, not forms: ASP.NET WebForms sites and many CMS templates
 * wrap the whole page in one `<form>`.
 */
function rejectElement(el: Element): boolean {
  return SKIP_TAGS.has(dom.localName(el)) || rejectAttributes(el);
}

/** What `rejectAttributes` rejects, as a selector. */
const REJECTED_BY_ATTRIBUTES = '[hidden], [role=textbox], [contenteditable]:not([contenteditable=false])';

function rejectAttributes(el: Element): boolean {
  // `aria-hidden` is not skipped: it hides text from screen readers, not from eyes (the visible
  // "Twitter" of a share bar whose spoken label is elsewhere). Hidden text is left by `isShown`.
  if (dom.hasAttribute(el, 'hidden')) return true;
  if (dom.getAttribute(el, 'role') === 'textbox') return true;
  const editable = dom.getAttribute(el, 'contenteditable');
  return editable !== null && editable !== 'false';
}

/** True when the node sits in a part of the page we never annotate (an editor, code, our own UI). */
export function isInSkippedArea(node: Node): boolean {
  for (let el = dom.nodeType(node) === Node.ELEMENT_NODE ? (node as Element) : dom.parentElement(node); el; el = dom.parentElement(el)) {
    if (rejectElement(el)) return true;
  }
  return false;
}

/**
 * An element's tag name, read straight off the element where that is safe: only a `<form>` has
 * named properties that can shadow `localName` or `parentElement` (its controls), and a shadowed
 * `localName` is never a string. This runs cold once per element of the page, where the checked
 * accessors of `dom` cost several times more than the read.
 */
function nameOf(el: Element): string {
  const name = el.localName;
  return typeof name === 'string' && name !== 'form' ? name : dom.localName(el);
}

function parentOf(el: Element, name: string): Element | null {
  return name === 'form' ? dom.parentElement(el) : el.parentElement;
}

/** Elements whose paragraph is remembered at once: a few screens of an article. */
const MAX_CACHED_PARENTS = 2_000;

/**
 * For each parent element under one root: null when its text is skipped, else the block element
 * whose paragraph its text belongs to.
 */
class ParentInfo {
  private readonly blocks = new Map<Element, Element | null>();
  /**
   * The elements under the root whose attributes make them skipped, found by one native query: far
   * cheaper than reading three attributes of every element from a script running cold.
   */
  private readonly rejectedByAttributes: ReadonlySet<Element>;
  constructor(private readonly root: Node) {
    this.rejectedByAttributes = new Set(dom.querySelectorAll(root, REJECTED_BY_ATTRIBUTES));
  }

  get(el: Element): Element | null {
    const known = this.blocks.get(el);
    if (known !== undefined) return known;
    const name = nameOf(el);
    let info: Element | null;
    if (SKIP_TAGS.has(name) || this.rejectedByAttributes.has(el) || (el === this.root && rejectAttributes(el))) info = null;
    else {
      const parent = el === this.root ? null : parentOf(el, name);
      const up = parent ? this.get(parent) : el;
      if (up === null) info = null;
      else info = parent && INLINE_TAGS.has(name) ? up : el;
    }
    // A bounded cache: on a page of 100,000 elements the walk would otherwise keep every one of
    // them (and its wrapper) alive until it ends.
    if (this.blocks.size >= MAX_CACHED_PARENTS) this.blocks.clear();
    this.blocks.set(el, info);
    return info;
  }
}

/**
 * A run of text nodes that read as one piece of prose (same block, inline elements between), or a
 * window of one very long text node.
 */
export interface Paragraph {
  nodes: Text[];
  /** Offset of each node's text in `text`. */
  starts: number[];
  /** Where in each node's own text its part of `text` begins (0 but for windows of a long node). */
  offsets: number[];
  /** Where each node's part of `text` ends (a link separator may follow it). */
  ends: number[];
  text: string;
}

/**
 * Paragraphs are cut at this many characters, so that matching and painting one is a bounded piece
 * of work whatever the page (a 5 MB text node; 10,000 names in one text node are ~200 a window).
 */
export const MAX_PARAGRAPH = 2_000;

/**
 * Put between two links whose words touch ("<a>Veeam</a><a>Wasabi</a>", a menu whose items the
 * site's style sheet sets apart): read as one word, neither name would be found.
 */
export const LINK_SEPARATOR = ' | ';

/** The link (`<a>`) holding `el`, looking no higher than its paragraph's block. */
function linkOf(el: Element, block: Element | null): Element | null {
  for (let e: Element | null = el; e && e !== block; ) {
    const name = nameOf(e);
    if (name === 'a') return e;
    e = parentOf(e, name);
  }
  return null;
}

/** Whether the text of `a` and of `b`, read one after the other, would glue two links' words together. */
function gluedLinks(a: Element, aEnd: number, b: Element, bStart: number, block: Element | null): boolean {
  if (a === b || !isWordCode(aEnd) || !isWordCode(bStart)) return false;
  const la = linkOf(a, block);
  return la !== null && la !== linkOf(b, block) && linkOf(b, block) !== null;
}

/**
 * Walk the text under `root` paragraph by paragraph. A generator, so a caller can stop at a time
 * budget and resume later without walking again.
 */
export function* paragraphs(root: Node): Generator<Paragraph> {
  const doc = dom.ownerDocument(root) ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new ParentInfo(root);
  let nodes: Text[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let text = '';
  let block: Element | null = null;
  let endsInSpace = false;
  let lastParent: Element | null = null;
  let lastCode = 0;
  let offsets: number[] = [];
  const flush = (): Paragraph => {
    const p = { nodes, starts, offsets, ends, text };
    nodes = [];
    starts = [];
    offsets = [];
    ends = [];
    text = '';
    return p;
  };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    // Read straight off the node: a text node has no named properties a page could clobber, and
    // this loop runs cold on every page, where each extra call costs.
    const parent = node.parentElement;
    if (!parent) continue;
    const data = node.data;
    if (data.length === 0) continue;
    // Whitespace-only nodes (the indentation between a page's blocks, half its text nodes) are
    // told apart by their first character before any string is made.
    const first = data.charCodeAt(0);
    if ((first <= 0x20 || first === 0xa0) && data.trim() === '') {
      // Whitespace between blocks is skipped; between two inline elements of the paragraph being
      // read ("<a>Google</a> <a>Apple</a>") it keeps their words apart.
      if (nodes.length === 0 || endsInSpace || (parent !== lastParent && parents.get(parent) !== block)) continue;
      nodes.push(node);
      starts.push(text.length);
      offsets.push(0);
      text += data;
      ends.push(text.length);
      endsInSpace = true;
      lastParent = parent;
      lastCode = 0x20;
      continue;
    }
    const b: Element | null = parent === lastParent ? block : parents.get(parent);
    if (b === null) continue;
    if (nodes.length > 0 && (b !== block || text.length + data.length > MAX_PARAGRAPH)) yield flush();
    block = b;
    if (data.length > MAX_PARAGRAPH) {
      yield* windows(node, data);
      continue;
    }
    if (parent !== lastParent && nodes.length > 0 && lastParent && gluedLinks(lastParent, lastCode, parent, first, block)) text += LINK_SEPARATOR;
    nodes.push(node);
    starts.push(text.length);
    offsets.push(0);
    text += data;
    ends.push(text.length);
    // Kept apart from `text`: reading a character of a string built by += would flatten it each time.
    lastCode = data.charCodeAt(data.length - 1);
    // The class table only for the rare non-ASCII ending: a call per node costs, running cold.
    endsInSpace = lastCode < 0x80 ? lastCode === 0x20 || lastCode === 0x0a || lastCode === 0x09 || lastCode === 0x0d || lastCode === 0x0c : isSpaceCode(lastCode);
    lastParent = parent;
  }
  if (nodes.length > 0) yield flush();
}

/** A very long text node in pieces cut at a line, sentence or word break. */
function* windows(node: Text, data: string): Generator<Paragraph> {
  for (let at = 0; at < data.length; ) {
    let end = Math.min(data.length, at + MAX_PARAGRAPH);
    if (end < data.length) {
      const half = at + MAX_PARAGRAPH / 2;
      const cut = Math.max(data.lastIndexOf('\n', end), data.lastIndexOf('. ', end), data.lastIndexOf(' ', end));
      if (cut > half) end = cut + 1;
    }
    yield { nodes: [node], starts: [0], offsets: [at], ends: [end - at], text: data.slice(at, end) };
    at = end;
  }
}
