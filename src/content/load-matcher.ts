import { deserializeMatcher } from '../core/matcher';
import { sendToBackground } from '../messaging/send';
import { inflateRaw } from '../platform/deflate';
import { decodeBase64 } from './decode-base64';
import { backgroundMatcher } from './background-matcher';
import { localMatcher, type PageMatcher } from './page-matcher';

/**
 * The bundled matcher ships inside this script (build.mjs), so a page pays only for decoding it.
 * When the user has changed the companies, the background compiles theirs and hands it over, or,
 * when it is too large to hand to every page, matches the page's text itself.
 */
/** Wall time of each step of the last matcher load (ms), for `tieline:load`'s detail. */
export const loadSteps = { decodeMs: 0, inflateMs: 0, deserializeMs: 0 };

async function loadDeflated(base64: string): Promise<PageMatcher> {
  let t = performance.now();
  const deflated = await decodeBase64(base64);
  loadSteps.decodeMs = performance.now() - t;
  t = performance.now();
  const bytes = await inflateRaw(deflated);
  loadSteps.inflateMs = performance.now() - t;
  t = performance.now();
  const m = deserializeMatcher(bytes);
  loadSteps.deserializeMs = performance.now() - t;
  return localMatcher(m);
}

export async function bundledMatcher(): Promise<PageMatcher> {
  // Deflated (build.mjs), then base64: the matcher of 8,000+ companies is 1.7 MB, under 0.5 MB
  // deflated. Decoded in slices: decoding a megabyte in one go takes over 100 ms on a cold first page.
  return loadDeflated(__BUNDLED_MATCHER__);
}

export async function userMatcher(): Promise<PageMatcher> {
  const answer = await sendToBackground('getMatcher', {});
  if ('remote' in answer) return backgroundMatcher();
  return loadDeflated(answer.deflated);
}
