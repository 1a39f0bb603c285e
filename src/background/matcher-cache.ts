import { buildMatcher, deserializeMatcher, serializeMatcher, type CompiledMatcher } from '../core/matcher';
import { browser } from '../platform/browser';
import { hasUserCompanies } from '../storage/backup';
import { allCompanies } from '../storage/companies';
import { dropCompiledMatcher, loadCompiledMatcher, storeCompiledMatcher } from '../storage/compiled-matcher';
import type { Db } from '../storage/open-db';

/**
 * The one matcher of the extension: pages send their text here (src/content/background-matcher.ts).
 * Kept compiled in the database, so a background that wakes for a page only reads and deserializes it.
 */
let cached: { version: string; matcher: CompiledMatcher } | undefined;
let compiling: Promise<NonNullable<typeof cached>> | undefined;
/** Bumped by every change of companies: a compile that started before a change is not kept. */
let generation = 0;

/** A kept matcher is valid for one dataset and one build of the folding and compiling code. */
const KEPT_FOR = `${__DATASET_VERSION__}:${__MATCHER_CODE_VERSION__}:`;

async function compile(db: Db, gen: number): Promise<NonNullable<typeof cached>> {
  // Kept from an earlier run of the background, for this dataset version and this matcher code.
  const stored = await loadCompiledMatcher(db);
  if (stored && stored.version.startsWith(KEPT_FOR)) {
    return { version: stored.version, matcher: deserializeMatcher(stored.bytes) };
  }
  // The bundled companies as they ship: build.mjs compiled their matcher already.
  if (!(await hasUserCompanies(db))) {
    const res = await fetch(browser.runtime.getURL('data/matcher.bin'));
    if (res.ok) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      const shipped = { version: `${KEPT_FOR}bundled`, matcher: deserializeMatcher(bytes) };
      if (gen === generation) await storeCompiledMatcher(db, { version: shipped.version, bytes });
      return shipped;
    }
  }
  const companies = await allCompanies(db);
  const matcher = buildMatcher(companies);
  const fresh = { version: `${KEPT_FOR}${companies.length}:${Date.now()}`, matcher };
  if (gen === generation) await storeCompiledMatcher(db, { version: fresh.version, bytes: serializeMatcher(matcher) });
  return fresh;
}

async function compiled(db: Db): Promise<NonNullable<typeof cached>> {
  if (cached) return cached;
  const gen = generation;
  compiling ??= compile(db, gen).finally(() => {
    compiling = undefined;
  });
  const c = await compiling;
  if (gen === generation) cached = c;
  return c;
}

/** The matcher compiled from the companies in the database (the user's edits included). */
export async function currentCompiledMatcher(db: Db): Promise<CompiledMatcher> {
  return (await compiled(db)).matcher;
}

/** Drop the compiled matcher, here and in the database, after the user changes companies. */
export async function invalidateMatcher(db: Db): Promise<void> {
  generation++;
  cached = undefined;
  compiling = undefined;
  await dropCompiledMatcher(db);
}
