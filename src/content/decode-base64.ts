import { yieldToPage } from './yield-to-page';

/**
 * Half a million characters decode in about 5 ms (Chromium, native fromBase64; atob and a loop take
 * 3x that); a cold first page takes several times longer, so slices are a quarter of that.
 */
const CHUNK_CHARS = 128 * 1024;

function decodeChunk(s: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Base64 to bytes. A large matcher (the bundled one, or the user's own of 100,000 names) is decoded in
 * slices with the page's turn in between, so that loading it is never one long task.
 */
export async function decodeBase64(s: string): Promise<Uint8Array> {
  if (s.length <= CHUNK_CHARS) return decodeChunk(s);
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - padding);
  let at = 0;
  for (let i = 0; i < s.length; i += CHUNK_CHARS) {
    const part = decodeChunk(s.slice(i, i + CHUNK_CHARS));
    out.set(part, at);
    at += part.length;
    if (i + CHUNK_CHARS < s.length) await yieldToPage();
  }
  return out;
}
