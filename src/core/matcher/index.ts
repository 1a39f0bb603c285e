export { companyEntries, companySymbolEntries, FLAG_AMBIGUOUS, FLAG_CAPITAL, FLAG_CASE, FLAG_ORGANISATION, FLAG_SYMBOL, FLAG_TICKER, type MatcherEntry } from './entries';
export { compileMatcher, distinctEntries, type CompiledMatcher } from './compile';
export { serializeMatcher, deserializeMatcher } from './serialize';
export { scanText, type RawMatch } from './scan';
export { confirmedCompanies, matchCompanies, newContextState, type ContextState, type Mention } from './match-companies';
export { mayNameCompany } from './probe';

import type { Company } from '../model';
import { foldString } from '../normalize';
import { compileMatcher } from './compile';
import { companyEntries, companySymbolEntries } from './entries';

/**
 * Compile a matcher for a list of companies. Bare ticker symbols come after every name and are
 * left out where they read as a name (IBM's "IBM"): a name is never narrowed to a symbol's rule.
 */
export function buildMatcher(companies: readonly Company[]) {
  const entries = companies.flatMap(companyEntries);
  const names = new Set(entries.map((e) => foldString(e.pattern)));
  for (let i = 0; i < companies.length; i++) {
    for (const e of companySymbolEntries(companies[i], i)) if (!names.has(foldString(e.pattern))) entries.push(e);
  }
  return compileMatcher(entries, companies.map((c) => c.id));
}
