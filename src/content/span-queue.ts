import { childrenText, cutSpan, spanText, splitSpan, type ChildSpan } from './child-spans';

/** Text read into one probe at most: a bigger span is cut first. */
const MAX_PROBE_CHARS = 20_000;
/** Children of a span read at once while their size is unknown: one read of a page's text stays short. */
const FIRST_WIDTH = 16;
/**
 * Past this many children of its parent, a span read through a range may cost a walk over them all
 * (Firefox: 35-50 ms at the 195,000th child, Chromium 3-6 ms); once one such read takes `SLOW_READ_MS`,
 * far spans are read child by child instead.
 */
const FAR_CHILD = 4_096;
const SLOW_READ_MS = 12;
/** A span that may name a company is walked node by node once its text is this short; before, it is cut and probed again. */
const MAX_WALK_CHARS = 5_000;

/** A span read for a probe; `text` null: one node or childless element too big to cut, walked without asking. */
export interface ReadSpan {
  span: ChildSpan;
  text: string | null;
}

/**
 * The spans of a huge page still to read, in page order. Reading one touches none of its nodes (far
 * into a huge parent in Firefox, only its children); one that may name a company is cut until it is
 * short, and only then walked.
 */
export class SpanQueue {
  /** Next span last. */
  private readonly stack: ChildSpan[];
  private readonly range: Range;
  /** Characters per child in the last span read: how many children the next read takes. */
  private charsPerChild = 0;
  /** A range far into a parent's children was slow to read (Firefox): such spans are read child by child. */
  private rangesSlow = false;

  constructor(doc: Document, spans: readonly ChildSpan[]) {
    this.stack = spans.slice().reverse();
    this.range = doc.createRange();
  }

  get done(): boolean {
    return this.stack.length === 0;
  }

  /** Read spans until `deadline` or `maxChars` characters, each at most `MAX_PROBE_CHARS`. */
  take(deadline: number, maxChars: number): ReadSpan[] {
    const read: ReadSpan[] = [];
    let chars = 0;
    while (this.stack.length > 0 && chars < maxChars && performance.now() < deadline) {
      const span = this.stack.pop()!;
      const width = this.charsPerChild > 0 ? Math.max(1, Math.floor(MAX_PROBE_CHARS / this.charsPerChild)) : FIRST_WIDTH;
      if (span.end - span.start > width) {
        this.push(cutSpan(span, width));
        continue;
      }
      const far = span.start >= FAR_CHILD;
      const byChild = far && this.rangesSlow;
      const t0 = performance.now();
      const text = byChild ? childrenText(span) : spanText(this.range, span);
      if (far && !byChild && performance.now() - t0 > SLOW_READ_MS) this.rangesSlow = true;
      this.charsPerChild = Math.max(1, text.length / (span.end - span.start));
      if (text.length > MAX_PROBE_CHARS) {
        const parts = splitSpan(span);
        if (parts.length > 0) this.push(parts);
        else read.push({ span, text: null });
        continue;
      }
      // Whitespace between blocks, an empty list: nothing to ask about.
      if (text.trim() === '') continue;
      read.push({ span, text });
      chars += text.length;
    }
    return read;
  }

  /** A span that may name a company: itself if short enough to walk, else null and its parts queued next. */
  narrow(read: ReadSpan): ChildSpan | null {
    if (read.text === null || read.text.length <= MAX_WALK_CHARS) return read.span;
    const parts = splitSpan(read.span);
    if (parts.length === 0) return read.span;
    this.push(parts);
    return null;
  }

  private push(parts: ChildSpan[]): void {
    for (let i = parts.length - 1; i >= 0; i--) this.stack.push(parts[i]);
  }
}
