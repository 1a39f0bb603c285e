import type { Mention } from '../core/matcher';
import { dom } from './dom';
import type { Found } from './hidden-mentions';
import type { MentionRange } from './painter';
import { isInSkippedArea, paragraphs, type Paragraph } from './text-walker';

/**
 * A paragraph's mentions as ranges of its text nodes, added to `out`; a node read again that has
 * mentions painted but no longer any is listed with none, to be cleared. Returns how many mentions.
 */
export function mentionsByNode(p: Paragraph, mentions: Mention[], painted: (node: Text) => boolean, out: Found[]): number {
  let k = 0;
  for (let n = 0; n < p.nodes.length; n++) {
    const start = p.starts[n];
    const end = p.ends[n];
    // Only the first node of a window of a long node starts inside its text.
    const offset = n === 0 ? p.offset : 0;
    const shift = offset - start;
    const ranges: MentionRange[] = [];
    while (k < mentions.length && mentions[k].start < end) {
      const m = mentions[k++];
      // A name split across elements ("Open<b>AI</b>") is left alone rather than half-marked.
      if (m.start < start || m.end > end) continue;
      ranges.push({ start: m.start + shift, end: m.end + shift, companyId: m.companyId });
    }
    // A window of a long node adds to what the node's earlier windows found.
    const append = offset > 0;
    if (ranges.length > 0 || (!append && painted(p.nodes[n]))) out.push({ node: p.nodes[n], ranges, append });
  }
  return mentions.length;
}

/** Whether a paragraph's text nodes still hold what was read (the page may change while the background matches). */
export function unchanged(p: Paragraph): boolean {
  for (let n = 0; n < p.nodes.length; n++) {
    // Read straight off the node, as the walk does: a text node has no named properties to clobber.
    const node = p.nodes[n];
    if (!node.isConnected || !node.data.startsWith(p.text.slice(p.starts[n], p.ends[n]), n === 0 ? p.offset : 0)) return false;
  }
  return true;
}

/** A text node added on its own is read with its paragraph (the text around it decides its mentions). */
export function* single(t: Text): Generator<Paragraph> {
  const parent = dom.parentElement(t);
  if (parent && !isInSkippedArea(t)) yield* paragraphs(parent);
}
