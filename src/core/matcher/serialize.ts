import { matcherFrom, PackedStrings, type CompiledMatcher } from './compile';

const MAGIC = 0x344d4c54; // "TLM4": `first` as child counts; 16-bit trie arrays when they fit; patterns only for case checks
const HEADER_WORDS = 8;
/** Header flag: `first` is 16-bit and `out` is 16-bit. */
const NARROW = 1;

const pad4 = (n: number) => (n + 3) & ~3;

type Packed = CompiledMatcher & { patterns: PackedStrings; companyIds: PackedStrings };

/**
 * One contiguous buffer: a content script gets typed-array views on it without parsing.
 * A trie that fits (the bundled one) stores `first` and `out` in 16 bits: every page decodes the
 * bundled matcher, and its decoding time follows its size. `first` is stored as each node's number
 * of children (mostly 0 or 1), not as offsets: the buffer ships deflated, and offsets, all different,
 * were half of the deflated size.
 */
export function serializeMatcher(m: Packed): Uint8Array {
  const nodes = m.out.length;
  const entries = m.entryCompany.length;
  const companies = m.companyIds.length;
  const pUnits = m.patterns.units.length;
  const cUnits = m.companyIds.units.length;
  const narrow = nodes + 1 <= 0xffff && entries <= 0x7fff;
  const w = narrow ? 2 : 4;
  const size =
    HEADER_WORDS * 4 + pad4((nodes + 1) * w) + pad4(nodes * 2) + pad4(nodes * w) + entries * 4 + pad4(entries) +
    (entries + 1) * 4 + pad4(pUnits * 2) + (companies + 1) * 4 + pad4(cUnits * 2);
  const buf = new ArrayBuffer(size);
  new Uint32Array(buf, 0, HEADER_WORDS).set([MAGIC, nodes, entries, companies, pUnits, cUnits, narrow ? NARROW : 0, 0]);
  let at = HEADER_WORDS * 4;
  const put = (view: (o: number, n: number) => { set(a: ArrayLike<number>): void }, src: ArrayLike<number>, bytes: number) => {
    view(at, src.length).set(src);
    at += pad4(bytes);
  };
  const u32 = (o: number, n: number) => new Uint32Array(buf, o, n);
  const u16 = (o: number, n: number) => new Uint16Array(buf, o, n);
  put(narrow ? u16 : u32, childCounts(m.first), (nodes + 1) * w);
  put(u16, m.label, nodes * 2);
  put(narrow ? (o, n) => new Int16Array(buf, o, n) : (o, n) => new Int32Array(buf, o, n), m.out, nodes * w);
  put(u32, m.entryCompany, entries * 4);
  put((o, n) => new Uint8Array(buf, o, n), m.entryFlags, entries);
  put(u32, m.patterns.offsets, (entries + 1) * 4);
  put(u16, m.patterns.units, pUnits * 2);
  put(u32, m.companyIds.offsets, (companies + 1) * 4);
  put(u16, m.companyIds.units, cUnits * 2);
  return new Uint8Array(buf);
}

/** `first` as the number of children of each node (the first value is `first[0]`). */
function childCounts(first: Uint32Array | Uint16Array): Uint32Array | Uint16Array {
  const counts = first instanceof Uint16Array ? new Uint16Array(first.length) : new Uint32Array(first.length);
  counts[0] = first[0];
  for (let i = 1; i < first.length; i++) counts[i] = first[i] - first[i - 1];
  return counts;
}

/** Offsets back from child counts, into a new array: the buffer may be kept and read again. */
function offsetsFrom(counts: Uint32Array | Uint16Array): Uint32Array | Uint16Array {
  const first = counts instanceof Uint16Array ? new Uint16Array(counts.length) : new Uint32Array(counts.length);
  let sum = 0;
  for (let i = 0; i < counts.length; i++) first[i] = sum += counts[i];
  return first;
}

/** Views on the buffer (`first` aside, rebuilt from child counts): no parsing, whatever the number of names. */
export function deserializeMatcher(bytes: Uint8Array): Packed {
  // Views need 4-byte alignment; a buffer from fetch or base64 starts at 0, others get copied once.
  const buf = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
  const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('Not a Tieline matcher file');
  const header = new Uint32Array(buf, base, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('Not a Tieline matcher file');
  const [, nodes, entries, companies, pUnits, cUnits, flags] = header;
  const narrow = (flags & NARROW) !== 0;
  const w = narrow ? 2 : 4;
  let at = base + HEADER_WORDS * 4;
  const take = <T>(make: (o: number) => T, bytes: number): T => {
    const v = make(at);
    at += pad4(bytes);
    return v;
  };
  const first = offsetsFrom(take((o) => (narrow ? new Uint16Array(buf, o, nodes + 1) : new Uint32Array(buf, o, nodes + 1)), (nodes + 1) * w));
  const label = take((o) => new Uint16Array(buf, o, nodes), nodes * 2);
  const out = take((o) => (narrow ? new Int16Array(buf, o, nodes) : new Int32Array(buf, o, nodes)), nodes * w);
  const entryCompany = take((o) => new Uint32Array(buf, o, entries), entries * 4);
  const entryFlags = take((o) => new Uint8Array(buf, o, entries), entries);
  const pOff = take((o) => new Uint32Array(buf, o, entries + 1), (entries + 1) * 4);
  const pU = take((o) => new Uint16Array(buf, o, pUnits), pUnits * 2);
  const cOff = take((o) => new Uint32Array(buf, o, companies + 1), (companies + 1) * 4);
  const cU = take((o) => new Uint16Array(buf, o, cUnits), cUnits * 2);
  return matcherFrom({ first, label, out, entryCompany, entryFlags }, new PackedStrings(pU, pOff), new PackedStrings(cU, cOff));
}
