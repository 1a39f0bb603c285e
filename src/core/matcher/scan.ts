import { CH_IGNORABLE, CH_SPACE, CH_WORD, charClass, foldCode } from '../normalize';
import type { CompiledMatcher } from './compile';
import { FLAG_CASE } from './entries';

export interface RawMatch {
  start: number;
  /** Exclusive. */
  end: number;
  entry: number;
}

const SPACE = 0x20;

function child(m: CompiledMatcher, node: number, c: number): number {
  let lo = m.first[node];
  let hi = m.first[node + 1] - 1;
  const label = m.label;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const l = label[mid];
    if (l === c) return mid;
    if (l < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function isUpper(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch.toLowerCase() !== ch;
}

/** Case-sensitive entries: the text must be written as the pattern is (spacing and quotes aside). */
function sameCase(text: string, start: number, end: number, pattern: string): boolean {
  let p = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const cls = charClass(c);
    if (cls === CH_IGNORABLE) continue;
    if (p >= pattern.length) return false;
    const q = pattern.charCodeAt(p);
    if (cls === CH_SPACE) {
      if (charClass(q) !== CH_SPACE) return false;
      while (i + 1 < end && charClass(text.charCodeAt(i + 1)) === CH_SPACE) i++;
    } else if (c !== q) {
      // A different letter case fails; other folded pairs (curly vs straight quote, accents) pass.
      if (foldCode(c) !== foldCode(q) || isUpper(c) !== isUpper(q)) return false;
    }
    p++;
  }
  return p === pattern.length;
}

/**
 * Word starts (a letter, digit or `$` with no letter, digit or in-word mark before it), found by the
 * engine's native regex scanner: JavaScript only looks at the few characters after each word start,
 * not at every character of the page.
 */
const WORD_START = /(?<![\p{L}\p{N}\p{M}\u00ad\u200b-\u200d\u2060\ufeff])[\p{L}\p{N}$]/gu;

/**
 * Find every name of the matcher in `text` that stands as whole words, scanning left to right and
 * taking the longest name at each word start. Cost: the native regex scan, plus a trie walk at
 * word starts whose first letter begins some name, whatever the number of names.
 */
export function scanText(m: CompiledMatcher, text: string, from = 0, to = text.length): RawMatch[] {
  const found: RawMatch[] = [];
  const { first, out, entryFlags } = m;
  // Candidate ends at the current word start, longest last; at most a few.
  const candEnd: number[] = [];
  const candEntry: number[] = [];
  const starts = WORD_START;
  starts.lastIndex = from;
  // test() rather than exec(): no match object per word. The match is one character (two for an
  // astral letter), so it starts just before lastIndex.
  while (starts.test(text)) {
    const after = starts.lastIndex;
    const i = after >= 2 && (text.charCodeAt(after - 1) & 0xfc00) === 0xdc00 && (text.charCodeAt(after - 2) & 0xfc00) === 0xd800 ? after - 2 : after - 1;
    if (i >= to) break;
    const c0 = text.charCodeAt(i);
    const f0 = foldCode(c0);
    let node = child(m, 0, f0);
    if (node < 0) continue;
    let j = i + 1;
    let lastSpace = false;
    let lastFolded = f0;
    candEnd.length = 0;
    candEntry.length = 0;
    for (;;) {
      const e = out[node];
      if (e >= 0 && (j >= to || charClass(text.charCodeAt(j)) !== CH_WORD || charClass(lastFolded) !== CH_WORD)) {
        candEnd.push(j);
        candEntry.push(e);
      }
      if (j >= to || first[node] === first[node + 1]) break;
      const c = text.charCodeAt(j);
      const cls = charClass(c);
      if (cls === CH_IGNORABLE) {
        j++;
        continue;
      }
      let f: number;
      if (cls === CH_SPACE) {
        if (lastSpace) {
          j++;
          continue;
        }
        f = SPACE;
        lastSpace = true;
      } else {
        f = foldCode(c);
        lastSpace = false;
      }
      const next = child(m, node, f);
      if (next < 0) break;
      node = next;
      lastFolded = f;
      j++;
    }
    for (let k = candEnd.length - 1; k >= 0; k--) {
      const e = candEntry[k];
      if ((entryFlags[e] & FLAG_CASE) !== 0 && !sameCase(text, i, candEnd[k], m.patternAt(e))) continue;
      found.push({ start: i, end: candEnd[k], entry: e });
      // Names do not overlap: go on after this one.
      starts.lastIndex = candEnd[k];
      break;
    }
  }
  return found;
}
