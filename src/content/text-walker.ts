import { isWordCode } from '../core/normalize';
import { dom } from './dom';
import { HOST_TAG } from './overlay-host';

/**
 * Which text a reader reads. Code, form input, hidden text, editors and our own UI are skipped.
 * The walk visits text nodes only (no JavaScript filter per node, which costs more than the walk
 * itself); what a text node's parent means, skipped or which paragraph, is worked out once per
 * parent element and cached. The walk leaves out what the parent and its inline ancestors show
 * (scripts, code, controls); a skipped region further up (an editor, a hidden section, an SVG) is
 * looked for only around text with mentions (`isInSkippedArea`), a few nodes of a page.
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

/** Elements skipped for their attributes: hidden ones, textboxes and editors. */
const REJECTED_BY_ATTRIBUTES = '[hidden], [role=textbox], [contenteditable]:not([contenteditable=false])';

/**
 * Every element whose text is skipped, with all it holds. Form controls and editors are skipped, not
 * forms: ASP.NET WebForms sites and many CMS templates wrap the whole page in one `<form>`.
 * `aria-hidden` is not skipped: it hides text from screen readers, not from eyes (the visible
 * "Twitter" of a share bar whose spoken label is elsewhere). Hidden text is left by `isShown`.
 */
const SKIPPED = [...SKIP_TAGS, REJECTED_BY_ATTRIBUTES].join(', ');

/** True when the node sits in a part of the page we never annotate (an editor, code, our own UI). */
export function isInSkippedArea(node: Node): boolean {
  const el = dom.nodeType(node) === Node.ELEMENT_NODE ? (node as Element) : dom.parentElement(node);
  return el !== null && dom.closest(el, SKIPPED) !== null;
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
 * For each parent element of text under one root: null when its text is skipped, else the block
 * element whose paragraph its text belongs to.
 */
class ParentInfo {
  private readonly blocks = new Map<Element, Element | null>();

  constructor(private readonly root: Node) {}

  get(el: Element): Element | null {
    const known = this.blocks.get(el);
    if (known !== undefined) return known;
    const info = this.blockOf(el);
    // A bounded cache: on a page of 100,000 elements the walk would otherwise keep every one of
    // them (and its wrapper) alive until it ends.
    if (this.blocks.size >= MAX_CACHED_PARENTS) this.blocks.clear();
    this.blocks.set(el, info);
    return info;
  }

  /**
   * Up through inline elements to the block; null in a script, code or a control. Only these few
   * elements are read: resolving every ancestor of every parent cost more than the rest of the walk.
   */
  private blockOf(el: Element): Element | null {
    for (let e = el; ; ) {
      const name = nameOf(e);
      if (SKIP_TAGS.has(name)) return null;
      if (e === this.root || !INLINE_TAGS.has(name)) return e;
      const up = parentOf(e, name);
      if (up === null) return e;
      e = up;
    }
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
  /** Where each node's part of `text` ends (a link separator may follow it). */
  ends: number[];
  /** Where in the first node's own text its part of `text` begins (0 but for windows of a long node). */
  offset: number;
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

/**
 * `isWordCode`, answered here for ASCII: the shared tables are filled one character at a time, and
 * on a new page that filling (and the code behind it) would run only for this check.
 */
function isWordAt(c: number): boolean {
  if (c >= 0x80) return isWordCode(c);
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Whether the text of `a` and of `b`, read one after the other, would glue two links' words together. */
function gluedLinks(a: Element, aEnd: number, b: Element, bStart: number, block: Element | null): boolean {
  if (a === b || !isWordAt(aEnd) || !isWordAt(bStart)) return false;
  const la = linkOf(a, block);
  return la !== null && la !== linkOf(b, block) && linkOf(b, block) !== null;
}

/**
 * Walk the text under `root` paragraph by paragraph. A generator, so a caller can stop at a time
 * budget and resume later without walking again.
 *
 * This loop runs cold on every page, where every operation costs: most text nodes of a page are the
 * whitespace between its blocks, and for those only the text is read.
 */
export function* paragraphs(root: Node, span?: { first: Node; stop: Node | null }): Generator<Paragraph> {
  const doc = dom.ownerDocument(root) ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parents = new ParentInfo(root);
  // Only children `first` up to `stop` of `root`: from the first text at or in `first` to the first
  // at or in `stop`.
  let first: Text | null = null;
  let end: Node | null = null;
  if (span) {
    walker.currentNode = span.first;
    first = dom.nodeType(span.first) === Node.TEXT_NODE ? (span.first as Text) : (walker.nextNode() as Text | null);
    if (span.stop !== null) {
      walker.currentNode = span.stop;
      end = dom.nodeType(span.stop) === Node.TEXT_NODE ? span.stop : walker.nextNode();
    }
    if (first === null) return;
    walker.currentNode = first;
  }
  let nodes: Text[] = [];
  let starts: number[] = [];
  let ends: number[] = [];
  let text = '';
  /** The block of the paragraph being read; null while in skipped text. */
  let block: Element | null = null;
  /** The parent of the last text node with more than whitespace, read or skipped. */
  let lastParent: Element | null = null;
  /** The parent and text of the paragraph's last node. */
  let prevParent: Element | null = null;
  let prevData = '';
  /** Whitespace met after the paragraph's last node: read with it if the next text continues it. */
  let space: Text | null = null;
  for (let node = first ?? (walker.nextNode() as Text | null); node && node !== end; node = walker.nextNode() as Text | null) {
    // Read straight off the node: a text node has no named properties a page could clobber.
    const data = node.data;
    const first = data.charCodeAt(0);
    // Empty or whitespace only (told by the first character before any string is made): between
    // blocks it is skipped; between two inline elements ("<a>Google</a> <a>Apple</a>") it keeps
    // their words apart.
    if (!(first > 0x20 && first !== 0xa0) && data.trim() === '') {
      if (space === null && nodes.length > 0) space = node;
      continue;
    }
    const parent = node.parentElement;
    if (parent === null) continue;
    let b: Element | null = block;
    if (parent !== lastParent) {
      lastParent = parent;
      b = parents.get(parent);
    }
    if (b !== block || text.length + data.length > MAX_PARAGRAPH) {
      if (nodes.length > 0) {
        yield { nodes, starts, ends, offset: 0, text };
        nodes = [];
        starts = [];
        ends = [];
        text = '';
      }
      block = b;
      space = null;
      if (block === null) continue;
      if (data.length > MAX_PARAGRAPH) {
        yield* windows(node, data);
        continue;
      }
    } else if (block === null) {
      continue;
    } else if (parent !== prevParent && space === null && nodes.length > 0 && gluedLinks(prevParent!, prevData.charCodeAt(prevData.length - 1), parent, first, block)) {
      text += LINK_SEPARATOR;
    }
    if (space !== null) {
      nodes.push(space);
      starts.push(text.length);
      text += space.data;
      ends.push(text.length);
      space = null;
    }
    nodes.push(node);
    starts.push(text.length);
    text += data;
    ends.push(text.length);
    prevParent = parent;
    prevData = data;
  }
  if (nodes.length > 0) yield { nodes, starts, ends, offset: 0, text };
}

/**
 * The paragraphs a reader reads, with those in skipped regions (an editor, a hidden section) left
 * out: for reading a whole article once. The scan leaves them to `isInSkippedArea` instead, asked
 * only about text with mentions.
 */
export function* readableParagraphs(root: Node): Generator<Paragraph> {
  for (const p of paragraphs(root)) if (!isInSkippedArea(p.nodes[0])) yield p;
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
    yield { nodes: [node], starts: [0], ends: [end - at], offset: at, text: data.slice(at, end) };
    at = end;
  }
}
