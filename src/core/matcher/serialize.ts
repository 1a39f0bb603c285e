import type { CompiledMatcher } from './compile';

const MAGIC = 0x314d4c54; // "TLM1"
const HEADER_WORDS = 8;

const pad4 = (n: number) => (n + 3) & ~3;

/** One contiguous buffer: a content script gets typed-array views on it without copying or parsing. */
export function serializeMatcher(m: CompiledMatcher): Uint8Array {
  const nodes = m.out.length;
  const entries = m.entryCompany.length;
  const strings = new TextEncoder().encode(m.patterns.join('\n') + '\u0000' + m.companyIds.join('\n'));
  const size =
    HEADER_WORDS * 4 + (nodes + 1) * 4 + pad4(nodes * 2) + nodes * 4 + entries * 4 + pad4(entries) + pad4(strings.length);
  const buf = new ArrayBuffer(size);
  const header = new Uint32Array(buf, 0, HEADER_WORDS);
  header.set([MAGIC, nodes, entries, m.companyIds.length, strings.length, 0, 0, 0]);
  let at = HEADER_WORDS * 4;
  new Uint32Array(buf, at, nodes + 1).set(m.first); at += (nodes + 1) * 4;
  new Uint16Array(buf, at, nodes).set(m.label); at += pad4(nodes * 2);
  new Int32Array(buf, at, nodes).set(m.out); at += nodes * 4;
  new Uint32Array(buf, at, entries).set(m.entryCompany); at += entries * 4;
  new Uint8Array(buf, at, entries).set(m.entryFlags); at += pad4(entries);
  new Uint8Array(buf, at, strings.length).set(strings);
  return new Uint8Array(buf);
}

export function deserializeMatcher(bytes: Uint8Array): CompiledMatcher {
  // Views need 4-byte alignment; a buffer from fetch or base64 starts at 0, others get copied once.
  const buf = bytes.byteOffset % 4 === 0 ? bytes.buffer : bytes.slice().buffer;
  const base = bytes.byteOffset % 4 === 0 ? bytes.byteOffset : 0;
  const header = new Uint32Array(buf, base, HEADER_WORDS);
  if (header[0] !== MAGIC) throw new Error('Not a Tieline matcher file');
  const [, nodes, entries, , stringBytes] = header;
  let at = base + HEADER_WORDS * 4;
  const first = new Uint32Array(buf, at, nodes + 1); at += (nodes + 1) * 4;
  const label = new Uint16Array(buf, at, nodes); at += pad4(nodes * 2);
  const out = new Int32Array(buf, at, nodes); at += nodes * 4;
  const entryCompany = new Uint32Array(buf, at, entries); at += entries * 4;
  const entryFlags = new Uint8Array(buf, at, entries); at += pad4(entries);
  const text = new TextDecoder().decode(new Uint8Array(buf, at, stringBytes));
  const split = text.indexOf('\u0000');
  const patterns = text.slice(0, split).split('\n');
  const companyIds = text.slice(split + 1).split('\n');
  return { first, label, out, entryCompany, entryFlags, patterns, companyIds };
}
