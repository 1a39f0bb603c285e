import { buildMatcher, serializeMatcher } from '../core/matcher';
import { allCompanies } from '../storage/companies';
import type { Db } from '../storage/open-db';

let cached: { version: string; base64: string } | undefined;

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (native) return native.call(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** The matcher compiled from the companies in the database (the user's edits included). */
export async function currentMatcher(db: Db): Promise<{ version: string; base64: string }> {
  if (!cached) {
    const companies = await allCompanies(db);
    const bytes = serializeMatcher(buildMatcher(companies));
    cached = { version: `db-${companies.length}-${Date.now()}`, base64: toBase64(bytes) };
  }
  return cached;
}

/** Drop the compiled matcher after the user changes companies. */
export function invalidateMatcher(): void {
  cached = undefined;
}
