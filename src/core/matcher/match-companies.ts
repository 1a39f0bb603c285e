import type { CompiledMatcher } from './compile';
import { newContextState, resolveContext, type ContextState } from './context';
import { scanText, type RawMatch } from './scan';

export interface Mention {
  start: number;
  end: number;
  companyId: string;
}

/**
 * Company mentions in `text`: whole-word names, aliases and tickers, ambiguous names only in context.
 * `undecided`, when given, receives the ambiguous names dropped only for want of evidence, for the
 * caller to take back if the page confirms the company later (`isConfirmed`).
 */
export function matchCompanies(m: CompiledMatcher, text: string, state: ContextState = newContextState(), undecided?: Mention[]): Mention[] {
  const maybe: RawMatch[] | undefined = undecided ? [] : undefined;
  const raw = resolveContext(m, text, scanText(m, text), state, maybe);
  const toMention = (r: RawMatch): Mention => ({ start: r.start, end: r.end, companyId: m.companyIdAt(m.entryCompany[r.entry]) });
  if (undecided && maybe) for (const r of maybe) undecided.push(toMention(r));
  return raw.map(toMention);
}

/** The companies the page has confirmed so far: by an unambiguous name, a ticker or a context cue. */
export function confirmedCompanies(m: CompiledMatcher, state: ContextState): Set<string> {
  return new Set(Array.from(state.confirmed, (i) => m.companyIdAt(i)));
}

export { newContextState, type ContextState };
