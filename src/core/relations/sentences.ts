/** A sentence of a paragraph: where it starts and ends in the paragraph's text. */
export interface SentenceSpan {
  start: number;
  end: number;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The sentences of a paragraph, by the built-in segmenter. It cuts after abbreviations such as
 * "Inc." or "U.S." followed by a capital; those pieces are glued back to the sentence they began.
 */
export function splitSentences(text: string): SentenceSpan[] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const out: SentenceSpan[] = [];
  for (const s of segmenter.segment(text)) {
    const start = s.index;
    const end = start + s.segment.length;
    const last = out[out.length - 1];
    if (last && ABBREVIATION_END.test(text.slice(last.start, last.end))) last.end = end;
    else out.push({ start, end });
  }
  return out;
}

const ABBREVIATION_END = /\b(?:Inc|Corp|Co|Ltd|Llc|Plc|Bros|Mr|Ms|Mrs|Dr|St|No|Jr|Sr|vs|U\.S|U\.K|E\.U|[A-Z])\.\s*$/;
