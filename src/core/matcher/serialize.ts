import { matcherFrom, PackedStrings, type CompiledMatcher } from './compile';

const MAGIC = 0x324d4c54; // "TLM2"
const HEADER_WORDS = 8;

const pad4 = (n: number) => (n + 3) & ~3;

type Packed = CompiledMatcher & { patterns: PackedStrings; companyIds: PackedStrings };

/** One contiguous buffer: a content script gets typed-array views on it without copying or parsing. */
export function serializeMatcher(m: Packed): Uint8Array {
  const nodes = m.out.length;
  const entries = m.entryCompany.length;
  const companies = m.companyIds.length;
  const pUnits = m.patterns.units.length;
  const cUnits = m.companyIds.units.length;
  const size =
    HEADER_WORDS * 4 + (nodes + 1) * 4 + pad4(nodes * 2) + nodes * 4 + entries * 4 + pad4(entries) +
    (entries + 1) * 4 + pad4(pUnits * 2) + (companies + 1) * 4 + pad4(cUnits * 2);
  const buf = new ArrayBuffer(size);
  new Uint32Array(buf, 0, HEADER_WORDS).set([MAGIC, nodes, entries, companies, pUnits, cUnits, 0, 0]);
  let at = HEADER_WORDS * 4;
  const put = <T extends Uint32Array | Uint16Array | Int32Array | Uint8Array>(src: T, bytes: number) => {
    new (src.constructor as new (b: ArrayBuffer, o: number, n: number) => T)(buf, at, src.length).set(src);
    at += pad4(bytes);
  };
  put(m.first, (nodes + 1) * 4);
  put(m.label, nodes * 2);
  put(m.out, nodes * 4);
  put(m.entryCompany, entries * 4);
  put(m.entryFlags, entries);
  put(m.patterns.offsets, (entries + 1) * 4);
  put(m.patterns.units, pUnits * 2);
  put(m.companyIds.offsets, (companies + 1) * 4);
  put(m.companyIds.units, cUnits * 2);
  return new Uint8Array(buf);
}

/** Views on the buffer: no copy, no parsing, whatever the number of names. */
export function deserializeMatcher(bytes: Uint8Array): Packed {
  // Views need 4-byte alignment; a buffer from fetch or base64 starts at 0, others get copied once.
  const buf = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
  const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
  if (bytes.byteLength < HEADER_WORDS * 4) throw new Error('Not a Tieline matcher file');
  const header = new Uint32Array(buf, base, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('Not a Tieline matcher file');
  const [, nodes, entries, companies, pUnits, cUnits] = header;
  let at = base + HEADER_WORDS * 4;
  const take = <T>(make: (o: number) => T, bytes: number): T => {
    const v = make(at);
    at += pad4(bytes);
    return v;
  };
  const first = take((o) => new Uint32Array(buf, o, nodes + 1), (nodes + 1) * 4);
  const label = take((o) => new Uint16Array(buf, o, nodes), nodes * 2);
  const out = take((o) => new Int32Array(buf, o, nodes), nodes * 4);
  const entryCompany = take((o) => new Uint32Array(buf, o, entries), entries * 4);
  const entryFlags = take((o) => new Uint8Array(buf, o, entries), entries);
  const pOff = take((o) => new Uint32Array(buf, o, entries + 1), (entries + 1) * 4);
  const pU = take((o) => new Uint16Array(buf, o, pUnits), pUnits * 2);
  const cOff = take((o) => new Uint32Array(buf, o, companies + 1), (companies + 1) * 4);
  const cU = take((o) => new Uint16Array(buf, o, cUnits), cUnits * 2);
  return matcherFrom({ first, label, out, entryCompany, entryFlags }, new PackedStrings(pU, pOff), new PackedStrings(cU, cOff));
}
