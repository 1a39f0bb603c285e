import { deserializeMatcher, type CompiledMatcher } from '../core/matcher';
import { sendToBackground } from '../messaging/send';

export const MATCHER_SOURCE_KEY = 'matcherSource';

/**
 * The bundled matcher ships inside this script (build.mjs), so a page pays only for decoding it.
 * When the user has changed the companies, the background compiles theirs and hands it over.
 */
export function bundledMatcher(): CompiledMatcher {
  return deserializeMatcher(fromBase64(__BUNDLED_MATCHER__));
}

export async function userMatcher(): Promise<CompiledMatcher> {
  const { base64 } = await sendToBackground('getMatcher', {});
  return deserializeMatcher(fromBase64(base64));
}

export function fromBase64(s: string): Uint8Array {
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(s);
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
