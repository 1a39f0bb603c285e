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
export async function bundledMatcher(): Promise<PageMatcher> {
  // Deflated (build.mjs), then base64: the matcher of 8,000+ companies is 1.7 MB, under 0.5 MB
  // deflated. Decoded in slices: decoding a megabyte in one go takes over 100 ms on a cold first page.
  return localMatcher(deserializeMatcher(await inflateRaw(await decodeBase64(__BUNDLED_MATCHER__))));
}

export async function userMatcher(): Promise<PageMatcher> {
  const answer = await sendToBackground('getMatcher', {});
  if ('remote' in answer) return backgroundMatcher();
  return localMatcher(deserializeMatcher(await inflateRaw(await decodeBase64(answer.deflated))));
}
