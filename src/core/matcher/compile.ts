import { foldString } from '../normalize';
import { FLAG_CAPITAL, FLAG_CASE, type MatcherEntry } from './entries';
import { hasCapital } from './text-around';

/**
 * A trie over folded names, stored as flat typed arrays so that it loads without parsing.
 * Nodes are numbered breadth-first and the children of a node are consecutive and sorted by
 * character, so a node needs no edge table: the children of node n are nodes
 * `first[n] .. first[n + 1] - 1`, and `label[c]` is the character that leads into node c.
 */
export interface CompiledMatcher {
  /** 16-bit when the trie has under 65,535 nodes (the bundled one): fewer bytes for every page to decode. */
  first: Uint32Array | Uint16Array;
  label: Uint16Array;
  /** Entry index of the name that ends at a node, or -1 (16-bit, like `first`, when it fits). */
  out: Int32Array | Int16Array;
  entryCompany: Uint32Array;
  entryFlags: Uint8Array;
  /**
   * The root's child for each folded character below ROOT_TABLE_SIZE, or -1: every word of a page
   * starts at the root, so that step is one table read instead of a search.
   */
  rootChild: Int32Array;
  /**
   * Entry `i`'s pattern as written, for its case check; '' for entries without FLAG_CASE. Only a
   * fifth of the names are checked letter by letter, and every page decodes the bundled matcher.
   */
  patternAt(i: number): string;
  /** Company `i`'s id. */
  companyIdAt(i: number): string;
  companyCount: number;
}

/**
 * Strings packed into one UTF-16 buffer with offsets: a matcher with 100,000 names loads without
 * creating 300,000 strings; the few that a page needs are cut out when asked for.
 */
export class PackedStrings {
  constructor(readonly units: Uint16Array, readonly offsets: Uint32Array) {}

  static pack(list: readonly string[]): PackedStrings {
    const offsets = new Uint32Array(list.length + 1);
    let n = 0;
    list.forEach((s, i) => {
      offsets[i] = n;
      n += s.length;
    });
    offsets[list.length] = n;
    const units = new Uint16Array(n);
    list.forEach((s, i) => {
      for (let k = 0; k < s.length; k++) units[offsets[i] + k] = s.charCodeAt(k);
    });
    return new PackedStrings(units, offsets);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  at(i: number): string {
    const a = this.offsets[i];
    const b = this.offsets[i + 1];
    let s = '';
    for (let k = a; k < b; k += 4096) s += String.fromCharCode(...this.units.subarray(k, Math.min(b, k + 4096)));
    return s;
  }
}

/** Folded characters that the root table covers (Latin, with accents already folded off). */
export const ROOT_TABLE_SIZE = 0x250;

function rootTable(first: Uint32Array | Uint16Array, label: Uint16Array): Int32Array {
  const table = new Int32Array(ROOT_TABLE_SIZE).fill(-1);
  for (let q = first[0]; q < first[1]; q++) if (label[q] < ROOT_TABLE_SIZE) table[label[q]] = q;
  return table;
}

export function matcherFrom(
  parts: Pick<CompiledMatcher, 'first' | 'label' | 'out' | 'entryCompany' | 'entryFlags'>,
  patterns: PackedStrings,
  companyIds: PackedStrings,
): CompiledMatcher & { patterns: PackedStrings; companyIds: PackedStrings } {
  return {
    ...parts,
    rootChild: rootTable(parts.first, parts.label),
    patterns,
    companyIds,
    patternAt: (i) => patterns.at(i),
    companyIdAt: (i) => companyIds.at(i),
    companyCount: companyIds.length,
  };
}

/**
 * One entry per folded name (`byKey`: folded name to its index in `kept`). When two companies' names
 * fold to the same text the first one wins; two names of one company that fold alike ("Hermès",
 * "Hermes") keep the stricter flags.
 */
export function distinctEntries(entries: readonly MatcherEntry[]): { byKey: Map<string, number>; kept: MatcherEntry[] } {
  const byKey = new Map<string, number>();
  const kept: MatcherEntry[] = [];
  for (const e of entries) {
    const key = foldString(e.pattern);
    if (key.length === 0) continue;
    const at = byKey.get(key);
    if (at !== undefined) {
      if (kept[at].company === e.company) kept[at] = { ...kept[at], flags: kept[at].flags | e.flags };
      continue;
    }
    byKey.set(key, kept.length);
    kept.push(e);
  }
  return { byKey, kept };
}

/** Build the trie from entries (see `distinctEntries` for names that fold alike). */
export function compileMatcher(entries: readonly MatcherEntry[], companyIds: readonly string[]) {
  const { byKey, kept } = distinctEntries(entries);
  const keys = [...byKey.keys()].sort();
  const entryOfKey = keys.map((k) => byKey.get(k)!);

  // One node per distinct prefix: in sorted order, a key adds the part it does not share with the
  // key before it. Counting first sizes every array once (growing them cost a sixth of the build).
  let nodes = 1;
  for (let k = 0; k < keys.length; k++) nodes += keys[k].length - (k > 0 ? commonPrefix(keys[k - 1], keys[k]) : 0);

  // Breadth-first over ranges of the sorted keys: a node is the range of keys sharing a prefix.
  const first = new Uint32Array(nodes + 1);
  const label = new Uint16Array(nodes);
  const out = new Int32Array(nodes).fill(-1);
  const lo = new Int32Array(nodes);
  const hi = new Int32Array(nodes);
  const depth = new Int32Array(nodes);
  let count = 1;
  lo[0] = 0; hi[0] = keys.length; depth[0] = 0;

  for (let node = 0; node < count; node++) {
    const d = depth[node];
    let k = lo[node];
    const end = hi[node];
    first[node] = count;
    // The key equal to the prefix itself sorts first within the range.
    if (k < end && keys[k].length === d) {
      out[node] = entryOfKey[k];
      k++;
    }
    while (k < end) {
      const c = keys[k].charCodeAt(d);
      let j = k + 1;
      while (j < end && keys[j].charCodeAt(d) === c) j++;
      label[count] = c;
      lo[count] = k; hi[count] = j; depth[count] = d + 1;
      count++;
      k = j;
    }
  }
  first[count] = count;
  if (count !== nodes) throw new Error(`trie has ${count} nodes, ${nodes} counted`);

  const entryCompany = new Uint32Array(kept.length);
  const entryFlags = new Uint8Array(kept.length);
  kept.forEach((e, i) => {
    entryCompany[i] = e.company;
    entryFlags[i] = e.flags | (hasCapital(e.pattern) ? FLAG_CAPITAL : 0);
  });
  return matcherFrom(
    { first, label, out, entryCompany, entryFlags },
    PackedStrings.pack(kept.map((e) => ((e.flags & FLAG_CASE) !== 0 ? e.pattern : ''))),
    PackedStrings.pack(companyIds),
  );
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
