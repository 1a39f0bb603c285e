import type { CompiledMatcher } from './compile';
import { newContextState, resolveContext, type ContextState } from './context';
import { scanText } from './scan';

export interface Mention {
  start: number;
  end: number;
  companyId: string;
}

/** Company mentions in `text`: whole-word names, aliases and tickers, ambiguous names only in context. */
export function matchCompanies(m: CompiledMatcher, text: string, state: ContextState = newContextState()): Mention[] {
  const raw = resolveContext(m, text, scanText(m, text), state);
  return raw.map((r) => ({ start: r.start, end: r.end, companyId: m.companyIdAt(m.entryCompany[r.entry]) }));
}

export { newContextState, type ContextState };
