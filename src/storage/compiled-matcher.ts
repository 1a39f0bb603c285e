import type { Db } from './open-db';

/**
 * The matcher compiled from the user's companies, kept so that a background restarting (Chrome
 * stops an idle service worker after 30 seconds) does not compile tens of thousands of names again
 * before the next page can be marked. It is a cache: dropped whenever companies change.
 */
export const COMPILED_MATCHER_KEY = 'compiledMatcher';

export interface StoredMatcher {
  version: string;
  bytes: Uint8Array;
}

export async function loadCompiledMatcher(db: Db): Promise<StoredMatcher | undefined> {
  const v = (await db.get('settings', COMPILED_MATCHER_KEY))?.value as Partial<StoredMatcher> | undefined;
  return v && typeof v.version === 'string' && v.bytes instanceof Uint8Array ? { version: v.version, bytes: v.bytes } : undefined;
}

export async function storeCompiledMatcher(db: Db, m: StoredMatcher): Promise<void> {
  await db.put('settings', { key: COMPILED_MATCHER_KEY, value: m });
}

export async function dropCompiledMatcher(db: Db): Promise<void> {
  await db.delete('settings', COMPILED_MATCHER_KEY);
}
