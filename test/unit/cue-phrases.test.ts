/**
 * The context rules read their cues by hand instead of with regexes (each regex costs a new page
 * a compile). The regexes they replaced are the reference here: both read the same generated
 * snippets, built from the pieces that matter (cue words, spaces of several kinds, punctuation,
 * digits, quotes), and must agree on every one.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../harness/seeded-random.mjs';
import { phraseAt, phraseBefore, phraseWithin } from '../../src/core/matcher/phrases';
import {
  formerlyBefore, insideAddress, listSeparator, numberedAt, possessiveAt, possessiveWord, sentenceBreakIn,
} from '../../src/core/matcher/text-around';


/** `count` snippets of 0-`maxPieces` pieces each, deterministic. */
function snippets(pieces: string[], count: number, maxPieces: number, seed = 7): string[] {
  const rnd = seededRandom(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const n = Math.floor(rnd() * (maxPieces + 1));
    for (let i = 0; i < n; i++) s += pieces[Math.floor(rnd() * pieces.length)];
    out.push(s);
  }
  return out;
}

const SPACES = [' ', '  ', '\u00a0', '\n', '\t', '\u2009'];
const PUNCT = [',', '.', '/', '-', "'", '’', 's', 'S', '&', '%', '!', '?', '(', '"', '_'];

function disagreements(inputs: string[], mine: (s: string) => boolean, reference: (s: string) => boolean): string[] {
  return inputs.filter((s) => mine(s) !== reference(s)).slice(0, 10).map((s) => JSON.stringify(s));
}

describe('cue readers agree with the regexes they replaced', () => {
  it('list separators between two names', () => {
    const sep = /^(\s*,\s*(and\s+|or\s+)?|\s+(and|or|&|as well as|versus|vs\.?)\s+|\s*\/\s*)$/;
    const inputs = snippets([...SPACES, ...PUNCT, 'and', 'or', 'And', 'as', 'well', 'as well as', 'versus', 'vs', 'vs.', 'an'], 40000, 6);
    expect(disagreements(inputs, (s) => listSeparator(`A${s}B`, 1, 1 + s.length), (s) => sep.test(s))).toEqual([]);
  });

  it('possessives after a name', () => {
    const re = (after: string) => /^['’]s?\b|^['’]s/.test(after) || /^['’](\s|$)/.test(after);
    const inputs = snippets([...SPACES, ...PUNCT, 'a', 'é', '1'], 20000, 3);
    expect(disagreements(inputs, (s) => possessiveAt(`Name${s}`, 4), (s) => re(s.slice(0, 3)))).toEqual([]);
    const words = snippets(["'", '’', 's', 'x', 'S'], 5000, 4).filter((w) => w.length > 0);
    expect(disagreements(words, possessiveWord, (w) => /['’]s?$/.test(w))).toEqual([]);
  });

  it('numbered things ("Switch 2")', () => {
    const re = /^[ \u00a0]\d{1,2}(?![\d%,.])/;
    const inputs = snippets([' ', '\u00a0', '1', '2', '0', '%', ',', '.', 'a', '\n'], 20000, 5);
    expect(disagreements(inputs, (s) => numberedAt(`Name${s}`, 4), (s) => re.test(s))).toEqual([]);
  });

  it('"formerly", "once known as" before a name', () => {
    const re = /\b(formerly|previously|once)(\s+(known\s+as|called|named))?[\s,]*$/i;
    const inputs = snippets([...SPACES, ',', 'formerly', 'Formerly', 'previously', 'once', 'ONCE', 'known', 'as', 'called', 'named', 'x', 'con'], 40000, 6);
    expect(disagreements(inputs, (s) => formerlyBefore(`${s}Name`, s.length), (s) => re.test(s))).toEqual([]);
  });

  it('sentence breaks between two names', () => {
    const inputs = snippets([...SPACES, ...PUNCT, 'a'], 20000, 6);
    expect(disagreements(inputs, (s) => sentenceBreakIn(s, 0, s.length), (s) => /[.!?\n]\s/.test(s))).toEqual([]);
  });

  it('web addresses around a name', () => {
    const inputs = snippets(['.', '/', 'com', 'co', 'uk', 'abcdefg', 'www', 'WWW', '(', '"', '“', '@', '://', 'x'], 20000, 4);
    const reference = (before: string, after: string) => {
      const token = before + 'Name' + after;
      if (before === '' && after === '') return false;
      return token.includes('@') || token.includes('://') || /^[("'“]?www\./i.test(token) || /\.[a-z]{2,6}\//i.test(token);
    };
    const pairs = inputs.map((s, i) => [s, inputs[(i * 7919) % inputs.length]] as const);
    const wrong = pairs.filter(([b, a]) => insideAddress(`see ${b}Name${a} now`, 4 + b.length, 8 + b.length) !== reference(b, a));
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('phrases', () => {
  it('match whole words, any run of white space for a space, as written or ignoring case', () => {
    expect(phraseAt('rain  forest fires', 0, ['rain forest'])).toBe(true);
    expect(phraseAt('rainforests', 0, ['rainforest'])).toBe(false);
    expect(phraseAt('Co. said', 0, ['Co.'])).toBe(true);
    expect(phraseAt('RIVER', 0, ['river'])).toBe(false);
    expect(phraseAt('RIVER', 0, ['river'], true)).toBe(true);
    expect(phraseBefore('in Times Square', 8, ['Times'])).toBe(3);
    expect(phraseBefore('NYTimes', 7, ['Times'])).toBe(-1);
    expect(phraseBefore('the\nletter', 10, ['the letter'])).toBe(0);
    expect(phraseWithin('down the Amazon river', ['river'])).toBe(true);
    expect(phraseWithin('riverside homes', ['river'])).toBe(false);
  });
});
