import { deserializeMatcher, type CompiledMatcher } from '../core/matcher';
import { sendToBackground } from '../messaging/send';
import { decodeBase64, decodeBase64Now } from './decode-base64';

export const MATCHER_SOURCE_KEY = 'matcherSource';

/**
 * The bundled matcher ships inside this script (build.mjs), so a page pays only for decoding it.
 * When the user has changed the companies, the background compiles theirs and hands it over.
 */
export function bundledMatcher(): CompiledMatcher {
  return deserializeMatcher(decodeBase64Now(__BUNDLED_MATCHER__));
}

export async function userMatcher(): Promise<CompiledMatcher> {
  const { base64 } = await sendToBackground('getMatcher', {});
  return deserializeMatcher(await decodeBase64(base64));
}
