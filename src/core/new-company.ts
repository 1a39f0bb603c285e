import { slugify } from './csv';
import { foldString } from './normalize';
import type { Company } from './model';

/** The longest company name the user may type; `checkCompany` refuses longer ones too. */
export const MAX_COMPANY_NAME = 200;

/**
 * A typed company name made fit to store: one line, spaces collapsed; null if too long or empty
 * (zero-width characters alone count as empty: the matcher could never find such a name).
 */
export function cleanCompanyName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const name = raw.replace(/[\s\0]+/g, ' ').trim();
  return foldString(name) && name.length <= MAX_COMPANY_NAME ? name : null;
}

/**
 * The company a typed name means: the one with that name, else the one with that alias, folded the
 * way the name index folds (so "Zoom" and "ZOOM", "Nestle" and "Nestlé" agree), in the given order.
 */
export function companyNamed<C extends Pick<Company, 'name' | 'aliases'>>(candidates: readonly C[], typed: string): C | undefined {
  const key = foldString(typed.trim());
  if (!key) return undefined;
  return candidates.find((c) => foldString(c.name) === key) ?? candidates.find((c) => c.aliases.some((a) => foldString(a) === key));
}

/**
 * Ids to try, in order, for a company the user creates: the same slug as a CSV import would give
 * ("Acme Robotics" -> "acme-robotics"), then "acme-robotics-2", "-3"… The caller takes the first
 * that is free, so an existing company is never overwritten.
 */
export function* companyIdCandidates(name: string): Generator<string> {
  // Names with no Latin letters or digits slugify to nothing.
  const base = slugify(name).replace(/-+$/, '') || 'company';
  yield base;
  for (let n = 2; ; n++) yield `${base}-${n}`;
}
