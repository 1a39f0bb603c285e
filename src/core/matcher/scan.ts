import { foldCode, isIgnorable, isWordCode } from '../normalize';
import type { CompiledMatcher } from './compile';
import { FLAG_CASE } from './entries';

export interface RawMatch {
  start: number;
  /** Exclusive. */
  end: number;
  entry: number;
}

const SPACE = 0x20;
const DOLLAR = 0x24;

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0x0c || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f;
}

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
    if (isIgnorable(c)) continue;
    if (p >= pattern.length) return false;
    const q = pattern.charCodeAt(p);
    if (isSpaceCode(c)) {
      if (!isSpaceCode(q)) return false;
      while (i + 1 < end && isSpaceCode(text.charCodeAt(i + 1))) i++;
    } else if (c !== q) {
      // A different letter case fails; other folded pairs (curly vs straight quote, accents) pass.
      if (foldCode(c) !== foldCode(q) || isUpper(c) !== isUpper(q)) return false;
    }
    p++;
  }
  return p === pattern.length;
}

/**
 * Find every name of the matcher in `text` that stands as whole words, scanning left to right and
 * taking the longest name at each word start. Cost: one look at each character plus the depth of
 * the trie walk at each word start, whatever the number of names.
 */
export function scanText(m: CompiledMatcher, text: string, from = 0, to = text.length): RawMatch[] {
  const found: RawMatch[] = [];
  const first = m.first;
  let i = from;
  // A candidate end with its entry, longest last; at most a few per word start.
  const candEnd: number[] = [];
  const candEntry: number[] = [];
  while (i < to) {
    const c0 = text.charCodeAt(i);
    const startsWord = isWordCode(c0) || c0 === DOLLAR;
    if (!startsWord || (i > 0 && isWordCode(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    let node = 0;
    let j = i;
    let lastSpace = false;
    candEnd.length = 0;
    candEntry.length = 0;
    while (j < to) {
      let c = text.charCodeAt(j);
      if (isIgnorable(c)) { j++; continue; }
      if (isSpaceCode(c)) {
        if (lastSpace) { j++; continue; }
        c = SPACE;
        lastSpace = true;
      } else {
        c = foldCode(c);
        lastSpace = false;
      }
      if (first[node] === first[node + 1]) break;
      const next = child(m, node, c);
      if (next < 0) break;
      node = next;
      j++;
      const e = m.out[node];
      if (e >= 0 && (j >= to || !isWordCode(text.charCodeAt(j)) || !isWordCode(c))) {
        candEnd.push(j);
        candEntry.push(e);
      }
    }
    let taken = -1;
    for (let k = candEnd.length - 1; k >= 0; k--) {
      const e = candEntry[k];
      if ((m.entryFlags[e] & FLAG_CASE) !== 0 && !sameCase(text, i, candEnd[k], m.patterns[e])) continue;
      taken = k;
      break;
    }
    if (taken >= 0) {
      found.push({ start: i, end: candEnd[taken], entry: candEntry[taken] });
      i = candEnd[taken];
    } else {
      // Not a name here: skip the rest of this word.
      i++;
      while (i < to && isWordCode(text.charCodeAt(i))) i++;
    }
  }
  return found;
}
