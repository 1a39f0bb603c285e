export { companyEntries, FLAG_AMBIGUOUS, FLAG_CAPITAL, FLAG_CASE, FLAG_TICKER, type MatcherEntry } from './entries';
export { compileMatcher, distinctEntries, type CompiledMatcher } from './compile';
export { serializeMatcher, deserializeMatcher } from './serialize';
export { scanText, type RawMatch } from './scan';
export { confirmedCompanies, matchCompanies, newContextState, type ContextState, type Mention } from './match-companies';

import type { Company } from '../model';
import { compileMatcher } from './compile';
import { companyEntries } from './entries';

/** Compile a matcher for a list of companies. */
export function buildMatcher(companies: readonly Company[]) {
  return compileMatcher(companies.flatMap(companyEntries), companies.map((c) => c.id));
}
