import { CH_IGNORABLE, CH_SPACE, CH_WORD, CLASS, FOLD, charClass, fillCode, foldCode } from '../normalize';
import { ROOT_TABLE_SIZE, type CompiledMatcher } from './compile';
import { FLAG_AMBIGUOUS, FLAG_CASE } from './entries';

export interface RawMatch {
  start: number;
  /** Exclusive. */
  end: number;
  entry: number;
  /**
   * An ambiguous name written all in capitals ("WIRED" for "Wired"), which its case check would
   * refuse: the context rules decide (`resolveContext`).
   */
  capitals?: true;
}

const SPACE = 0x20;

/** Children are sorted by label: a short list is read in order, a long one searched. */
function child(first: Uint32Array | Uint16Array, label: Uint16Array, node: number, c: number): number {
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

function isLower(c: number): boolean {
  const ch = String.fromCharCode(c);
  return ch.toUpperCase() !== ch;
}

/** Four or more letters, every one a capital ("WIRED"; not "X", "GAP", "iOS"). */
function allCapitals(text: string, start: number, end: number): boolean {
  let capitals = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isUpper(c)) capitals++;
    else if (isLower(c)) return false;
  }
  return capitals >= 4;
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
 * Candidate word starts, found by the engine's native regex scanner: JavaScript only looks at the
 * few characters after each word start, not at every character of the page.
 *
 * Plain character ranges, not Unicode property classes: a regex with \p{L} costs a page about a
 * millisecond to compile (the content script is new on every page), more than the scan itself.
 * The ranges before the start are letters in every script news is written in (so a word of Cyrillic,
 * Greek, Arabic, Hebrew, Devanagari, Thai, CJK or Hangul is one candidate, not one per letter); any
 * other non-ASCII neighbour is checked against the character tables in `isWordStart`.
 */
const WORD_LETTERS =
  'A-Za-z0-9\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u02af\\u0388-\\u038a\\u038c\\u038e-\\u03a1\\u03a3-\\u03f5\\u03f7-\\u03ff\\u0400-\\u0481\\u048a-\\u052f' +
  '\\u05d0-\\u05ea\\u0620-\\u064a\\u0900-\\u0963\\u0966-\\u096f\\u0971-\\u097f\\u0e01-\\u0e3a\\u0e40-\\u0e4e\\u0e50-\\u0e59' +
  '\\u3041-\\u3096\\u30a1-\\u30fa\\u4e00-\\u9fff\\uac00-\\ud7a3';
// A character that is no letter, then one that may start a name: a pair, not a lookbehind, which
// costs the engine half again as much (measured over the labelled pages' text). A name at the very
// start of the text has no character before it: `scanText` looks there itself.
// eslint-disable-next-line no-misleading-character-class -- code-unit ranges, not visible characters: the combining marks in them are meant
const WORD_START = new RegExp(`[^${WORD_LETTERS}][A-Za-z0-9$\\u0080-\\uffff]`, 'g');

/** What the regex's second unit allows: an ASCII letter or digit, `$`, or any non-ASCII unit. */
function mayStartName(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x24 || c >= 0x80;
}

/** A letter or digit (of the kinds in WORD_LETTERS, or any word character) just before `i`. */
function isLetterOrDigitBefore(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  const k = CLASS[p] !== 0 ? CLASS[p] : fillCode(p);
  return k === CH_WORD;
}

/** The regex's candidate at `i` is a word start: a letter or digit with no word character before it. */
function isWordStart(text: string, i: number, k0: number): boolean {
  const c0 = text.charCodeAt(i);
  if (c0 >= 0x80 && k0 !== CH_WORD) return false;
  if (i === 0) return true;
  const p = text.charCodeAt(i - 1);
  if (p < 0x80) return true;
  const kp = CLASS[p] !== 0 ? CLASS[p] : fillCode(p);
  return kp !== CH_WORD && kp !== CH_IGNORABLE;
}

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
  let atFrom = from < to && (from === 0 || !isLetterOrDigitBefore(text, from)) && mayStartName(text.charCodeAt(from)) ? from : -1;
  for (;;) {
    let i: number;
    if (atFrom >= 0) {
      i = atFrom;
      atFrom = -1;
    } else {
      // test() rather than exec(): no match object per word. The candidate is the pair's second unit.
      if (!starts.test(text)) break;
      i = starts.lastIndex - 1;
    }
    if (i >= to) break;
    // The next pair may begin at this unit ("“Apple", "$AAPL" when no name starts here).
    starts.lastIndex = i;
    const c0 = text.charCodeAt(i);
    const k0 = cls[c0] !== 0 ? cls[c0] : fillCode(c0);
    if (c0 >= 0x80 || (i > 0 && text.charCodeAt(i - 1) >= 0x80)) {
      if (!isWordStart(text, i, k0)) continue;
    }
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
      if ((entryFlags[e] & FLAG_CASE) !== 0 && !sameCase(text, i, candEnd[q], m.patternAt(e))) {
        if ((entryFlags[e] & FLAG_AMBIGUOUS) !== 0 && allCapitals(text, i, candEnd[q])) {
          found.push({ start: i, end: candEnd[q], entry: e, capitals: true });
          starts.lastIndex = candEnd[q];
          break;
        }
        continue;
      }
      found.push({ start: i, end: candEnd[q], entry: e });
      // Names do not overlap: go on after this one.
      starts.lastIndex = candEnd[q];
      break;
    }
  }
  return found;
}
