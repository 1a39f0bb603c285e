import type { CompiledMatcher } from './compile';
import { matchCompanies, newContextState, type Mention } from './match-companies';

/**
 * Where a lower-case letter or a digit runs straight into a capital: in the text of several blocks
 * read as one ("…of the tableNvidia leads…") a name starts there.
 */
const GLUED = /(?<=[\p{Ll}\p{Nd}])(?=\p{Lu})/gu;

/** Characters after a glued capital read as the start of a name: longer than any name. */
const AFTER_GLUE = 120;

/**
 * Whether `text` may name a company, read with a context of its own: a mention or an ambiguous name
 * held back for want of evidence both count. For the text of a part of a page read in one piece
 * (`Range.toString()`), where blocks touch without a space: besides the text as it is, what follows
 * each capital glued to a small letter or a digit ("…the tableNvidia leads") is read as if a word
 * started there. A name starting in lower case right after another block's letter ("…tableeBay") is
 * the one kind it misses.
 */
export function mayNameCompany(m: CompiledMatcher, text: string): boolean {
  if (names(m, text)) return true;
  for (const glued of text.matchAll(GLUED)) if (names(m, text.slice(glued.index, glued.index + AFTER_GLUE))) return true;
  return false;
}

function names(m: CompiledMatcher, text: string): boolean {
  const undecided: Mention[] = [];
  return matchCompanies(m, text, newContextState(), undecided).length > 0 || undecided.length > 0;
}
