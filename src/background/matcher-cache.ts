import { buildMatcher, deserializeMatcher, serializeMatcher, type CompiledMatcher } from '../core/matcher';
import { allCompanies } from '../storage/companies';
import { dropCompiledMatcher, loadCompiledMatcher, storeCompiledMatcher } from '../storage/compiled-matcher';
import type { Db } from '../storage/open-db';
import { deflateRaw } from '../platform/deflate';

/**
 * Matchers up to this size go to the page (deflated, about a fifth of it), which inflates and holds
 * them: the bundled one, 8,000+ companies, is 1.7 MB. A larger one (tens of thousands of the user's
 * own companies) would cost every page its inflating and its memory: pages send their text here instead.
 */
export const PAGE_MATCHER_MAX_BYTES = 4 * 1024 * 1024;

let cached: { version: string; matcher: CompiledMatcher; bytes: Uint8Array; deflated?: Promise<Uint8Array>; base64?: string } | undefined;
let compiling: Promise<NonNullable<typeof cached>> | undefined;
/** Bumped by every change of companies: a compile that started before a change is not kept. */
let generation = 0;

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** A kept matcher is valid for one dataset and one build of the folding and compiling code. */
const KEPT_FOR = `${__DATASET_VERSION__}:${__MATCHER_CODE_VERSION__}:`;

async function compile(db: Db, gen: number): Promise<NonNullable<typeof cached>> {
  // Kept from an earlier run of the background, for this dataset version and this matcher code.
  const stored = await loadCompiledMatcher(db);
  if (stored && stored.version.startsWith(KEPT_FOR)) {
    return { version: stored.version, matcher: deserializeMatcher(stored.bytes), bytes: stored.bytes };
  }
  const companies = await allCompanies(db);
  const matcher = buildMatcher(companies);
  const fresh = { version: `${KEPT_FOR}${companies.length}:${Date.now()}`, matcher, bytes: serializeMatcher(matcher) };
  if (gen === generation) await storeCompiledMatcher(db, { version: fresh.version, bytes: fresh.bytes });
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

/** The matcher compiled from the companies in the database (the user's edits included), as pages get it. */
export async function currentMatcher(db: Db): Promise<{ version: string; deflated: string } | { version: string; remote: true }> {
  const c = await compiled(db);
  if (c.bytes.length > PAGE_MATCHER_MAX_BYTES) return { version: c.version, remote: true };
  c.deflated ??= deflateRaw(c.bytes);
  const deflated = await c.deflated;
  c.base64 ??= toBase64(deflated);
  return { version: c.version, deflated: c.base64 };
}

/** The same matcher, for matching in the background. */
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
