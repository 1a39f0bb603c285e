/**
 * Wrap mentions in `<tieline-mark data-company>` and take them out again, leaving the page's text
 * nodes exactly as they were: the original Text node keeps its identity and gets its text back.
 */
export const MARK_TAG = 'tieline-mark';

export interface WrapRange {
  start: number;
  end: number;
  companyId: string;
}

interface Wrapped {
  original: Text;
  /** The original node first, then marks and text pieces in document order. */
  pieces: ChildNode[];
}

export class Highlighter {
  private wrapped: Wrapped[] = [];
  private readonly doc: Document;

  constructor(doc: Document, private readonly decorate: (mark: HTMLElement, companyId: string) => void) {
    this.doc = doc;
  }

  /** Wrap non-overlapping, sorted ranges of one text node. */
  wrap(node: Text, ranges: readonly WrapRange[]): HTMLElement[] {
    if (ranges.length === 0 || !node.parentNode) return [];
    const data = node.data;
    const pieces: ChildNode[] = [];
    const marks: HTMLElement[] = [];
    let at = ranges[0].start;
    for (const r of ranges) {
      if (r.start > at) pieces.push(this.doc.createTextNode(data.slice(at, r.start)));
      const mark = this.doc.createElement(MARK_TAG);
      mark.setAttribute('data-company', r.companyId);
      mark.textContent = data.slice(r.start, r.end);
      this.decorate(mark, r.companyId);
      pieces.push(mark);
      marks.push(mark);
      at = r.end;
    }
    if (at < data.length) pieces.push(this.doc.createTextNode(data.slice(at)));
    node.data = data.slice(0, ranges[0].start);
    node.after(...pieces);
    this.wrapped.push({ original: node, pieces: [node, ...pieces] });
    return marks;
  }

  get count(): number {
    return this.wrapped.length;
  }

  /** Take out the marks under `root` (a part the page made editable): what it saves must not carry them. */
  unwrapWithin(root: Node): number {
    let n = 0;
    for (let i = this.wrapped.length - 1; i >= 0; i--) {
      const w = this.wrapped[i];
      if (!w.pieces.some((p) => root.contains(p))) continue;
      restore(w);
      this.wrapped.splice(i, 1);
      n++;
    }
    return n;
  }

  /** Remove every mark we made and give each original text node its text back. */
  unwrapAll(): void {
    for (let i = this.wrapped.length - 1; i >= 0; i--) restore(this.wrapped[i]);
    this.wrapped = [];
  }
}

function restore({ original, pieces }: Wrapped): void {
  const intact = pieces.every((p, i) => i === 0 || (p.previousSibling === pieces[i - 1] && p.parentNode === original.parentNode));
  if (intact && original.parentNode) {
    let text = '';
    for (const p of pieces) text += p.textContent ?? '';
    for (let i = 1; i < pieces.length; i++) pieces[i].remove();
    original.data = text;
    return;
  }
  // The page moved things around since we wrapped: take the marks out, keep whatever else it did.
  for (const p of pieces) {
    if (p.nodeType === Node.ELEMENT_NODE && (p as Element).localName === MARK_TAG && p.parentNode) {
      (p as Element).replaceWith(...Array.from(p.childNodes));
    }
  }
}
