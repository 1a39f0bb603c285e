/* eslint-disable @typescript-eslint/unbound-method -- the point of this file: methods taken off the prototypes once, then called with .call() on page nodes */
/**
 * DOM accessors taken from the prototypes once, when the content script starts. A page can shadow
 * a property of its own elements (DOM clobbering: `<form>` controls named `parentNode`,
 * `textContent`, `getAttribute`...), so Tieline never reads properties off page elements directly.
 */
function getter(proto: object, name: string): (this: unknown) => unknown {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p) as object | null) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d?.get) return d.get as (this: unknown) => unknown;
  }
  throw new Error(`no getter ${name}`);
}

const parentElement = getter(Node.prototype, 'parentElement');
const parentNode = getter(Node.prototype, 'parentNode');
const childNodes = getter(Node.prototype, 'childNodes');
const nextSibling = getter(Node.prototype, 'nextSibling');
// Node's own in browsers; a test DOM may define it per kind of node.
const elementText = getter(Element.prototype, 'textContent');
const dataText = getter(CharacterData.prototype, 'textContent');
const isConnected = getter(Node.prototype, 'isConnected');
const ownerDocument = getter(Node.prototype, 'ownerDocument');
const nodeType = getter(Node.prototype, 'nodeType');
const localName = getter(Element.prototype, 'localName');
const data = getter(CharacterData.prototype, 'data');
const isContentEditable = getter(HTMLElement.prototype, 'isContentEditable');
const { getAttribute, hasAttribute, closest } = Element.prototype;
const { compareDocumentPosition, contains } = Node.prototype;
const documentQuery = Document.prototype.querySelector;
const elementQueryAll = Element.prototype.querySelectorAll;
const documentQueryAll = Document.prototype.querySelectorAll;
const documentTitle = getter(Document.prototype, 'title');

export const dom = {
  parentElement: (n: Node) => parentElement.call(n) as Element | null,
  parentNode: (n: Node) => parentNode.call(n) as Node | null,
  childNodes: (n: Node) => childNodes.call(n) as NodeListOf<ChildNode>,
  nextSibling: (n: Node) => nextSibling.call(n) as Node | null,
  textContent: (n: Node) => ((nodeType.call(n) === Node.ELEMENT_NODE ? elementText : dataText).call(n) as string | null) ?? '',
  isConnected: (n: Node) => isConnected.call(n) as boolean,
  ownerDocument: (n: Node) => ownerDocument.call(n) as Document | null,
  nodeType: (n: Node) => nodeType.call(n) as number,
  localName: (el: Element) => localName.call(el) as string,
  data: (t: CharacterData) => data.call(t) as string,
  isContentEditable: (el: Element) => el instanceof HTMLElement && (isContentEditable.call(el) as boolean),
  getAttribute: (el: Element, name: string) => getAttribute.call(el, name),
  hasAttribute: (el: Element, name: string) => hasAttribute.call(el, name),
  closest: (el: Element, selector: string) => closest.call(el, selector),
  compareDocumentPosition: (a: Node, b: Node) => compareDocumentPosition.call(a, b),
  contains: (a: Node, b: Node) => contains.call(a, b),
  querySelector: (doc: Document, selector: string) => documentQuery.call(doc, selector),
  /** The elements under `root` (an element or a document) that match. */
  querySelectorAll: (root: Node, selector: string): NodeListOf<Element> | readonly Element[] => {
    const type = nodeType.call(root);
    if (type === Node.ELEMENT_NODE) return elementQueryAll.call(root as Element, selector);
    return type === Node.DOCUMENT_NODE ? documentQueryAll.call(root as Document, selector) : [];
  },
  title: (doc: Document) => String(documentTitle.call(doc)),
};
