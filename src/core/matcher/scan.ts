import { CH_IGNORABLE, CH_SPACE, CH_WORD, CLASS, FOLD, charClass, fillCode, foldCode } from '../normalize';
import { ROOT_TABLE_SIZE, type CompiledMatcher } from './compile';
import { FLAG_CASE } from './entries';

export interface RawMatch {
  start: number;
  /** Exclusive. */
  end: number;
  entry: number;
}

const SPACE = 0x20;

/** Children are sorted by label: a short list is read in order, a long one searched. */
function child(first: Uint32Array, label: Uint16Array, node: number, c: number): number {
  let lo = first[node];
  const end = first[node + 1];
  if (end - lo <= 8) {
    for (; lo < end; lo++) {
      const l = label[lo];
      if (l >= c) return l === c ? lo : -1;
    }
    return -1;
  }
  let hi = end - 1;
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
 *
 * This loop runs on every page, mostly before the JIT has compiled it, so it reads the character
 * tables directly and keeps calls out of the common path.
 */
export function scanText(m: CompiledMatcher, text: string, from = 0, to = text.length): RawMatch[] {
  const found: RawMatch[] = [];
  const { first, label, out, entryFlags, rootChild } = m;
  const cls = CLASS;
  const fold = FOLD;
  // Candidate ends at the current word start, longest last; at most a few.
  const candEnd: number[] = [];
  const candEntry: number[] = [];
  const starts = WORD_START;
  starts.lastIndex = from;
  // test() rather than exec(): no match object per word. The match is one character (two for an
  // astral letter), so it starts just before lastIndex.
  while (starts.test(text)) {
    const after = starts.lastIndex;
    let i = after - 1;
    if ((text.charCodeAt(i) & 0xfc00) === 0xdc00 && after >= 2 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) i--;
    if (i >= to) break;
    const c0 = text.charCodeAt(i);
    const k0 = cls[c0] !== 0 ? cls[c0] : fillCode(c0);
    const f0 = fold[c0];
    let node = f0 < ROOT_TABLE_SIZE ? rootChild[f0] : child(first, label, 0, f0);
    if (node < 0) continue;
    let j = i + 1;
    let lastSpace = false;
    let lastWord = k0 === CH_WORD;
    let nCand = 0;
    for (;;) {
      let k = 0;
      let c = 0;
      if (j < to) {
        c = text.charCodeAt(j);
        k = cls[c] !== 0 ? cls[c] : fillCode(c);
      }
      const e = out[node];
      if (e >= 0 && (k !== CH_WORD || !lastWord)) {
        candEnd[nCand] = j;
        candEntry[nCand++] = e;
      }
      if (k === 0 || first[node] === first[node + 1]) break;
      if (k === CH_IGNORABLE) {
        j++;
        continue;
      }
      let f: number;
      if (k === CH_SPACE) {
        if (lastSpace) {
          j++;
          continue;
        }
        f = SPACE;
        lastSpace = true;
        lastWord = false;
      } else {
        f = fold[c];
        lastSpace = false;
        lastWord = k === CH_WORD;
      }
      const next = child(first, label, node, f);
      if (next < 0) break;
      node = next;
      j++;
    }
    for (let q = nCand - 1; q >= 0; q--) {
      const e = candEntry[q];
      if ((entryFlags[e] & FLAG_CASE) !== 0 && !sameCase(text, i, candEnd[q], m.patternAt(e))) continue;
      found.push({ start: i, end: candEnd[q], entry: e });
      // Names do not overlap: go on after this one.
      starts.lastIndex = candEnd[q];
      break;
    }
  }
  return found;
}
