import type { Company } from '../model';

/** The pattern must appear with exactly this case (ambiguous words, short acronyms, `$TICKER`). */
export const FLAG_CASE = 1;
/** Also an ordinary word: only a company when the context says so. */
export const FLAG_AMBIGUOUS = 2;
/** A stock ticker form: strong evidence on its own. */
export const FLAG_TICKER = 4;
/** The name has a capital letter: written all in lower case ("aws" in an address), it is not a mention. Set by compileMatcher. */
export const FLAG_CAPITAL = 8;
/** A bare ticker symbol ("AAPL"): only a mention in parentheses right after its company's name, "Apple (AAPL)". */
export const FLAG_SYMBOL = 16;
/** An organisation's name: matched so that it wins over a company's shorter name inside it ("Raspberry Pi Foundation"), then dropped. */
export const FLAG_ORGANISATION = 32;

export interface MatcherEntry {
  pattern: string;
  company: number;
  flags: number;
}

// Short all-capital aliases (SAP, AMD, IBM, AWS) are words or acronyms in other senses when
// written in lower case ("sap", "aws" in a URL), so they only count as written.
const SHORT_ACRONYM = /^[A-Z0-9&.]{1,5}$/;

/**
 * A government, non-profit or other body that is not a company under the detection policy
 * (`docs/detection.md`): kept as an owner or investor and shown in cards, never marked on a page.
 */
export const ORGANISATION_CATEGORY = 'organisation';

/** Every name a company is known by, as matcher entries (an organisation's flagged as such). */
export function companyEntries(company: Company, index: number): MatcherEntry[] {
  const out: MatcherEntry[] = [];
  if (company.category === ORGANISATION_CATEGORY) {
    for (const name of [company.name, ...company.aliases]) {
      if (name.trim().length > 0) out.push({ pattern: name.trim(), company: index, flags: FLAG_ORGANISATION });
    }
    return out;
  }
  const ambiguous = new Set(company.ambiguous);
  for (const name of [company.name, ...company.aliases]) {
    const pattern = name.trim();
    if (pattern.length === 0) continue;
    let flags = 0;
    if (ambiguous.has(name)) flags |= FLAG_CASE | FLAG_AMBIGUOUS;
    if (SHORT_ACRONYM.test(pattern)) flags |= FLAG_CASE;
    out.push({ pattern, company: index, flags });
  }
  for (const ticker of company.tickers) {
    const [exchange, symbol] = ticker.split(':');
    if (!exchange || !symbol) continue;
    out.push({ pattern: `${exchange}:${symbol}`, company: index, flags: FLAG_TICKER });
    out.push({ pattern: `${exchange}: ${symbol}`, company: index, flags: FLAG_TICKER });
    // `$AAPL` cashtags only for US listings, where news uses them.
    if (/^(NASDAQ|NYSE|NYSEAMERICAN|AMEX)$/i.test(exchange)) {
      out.push({ pattern: `$${symbol}`, company: index, flags: FLAG_TICKER | FLAG_CASE });
    }
  }
  return out;
}

/**
 * Bare ticker symbols of a company, for "Apple Inc. (AAPL)" and "Ascom registered shares (ASCN)".
 * Symbols of at least two characters with a letter; numbers ("9984") and one letter say too little.
 */
export function companySymbolEntries(company: Company, index: number): MatcherEntry[] {
  if (company.category === ORGANISATION_CATEGORY) return [];
  const out: MatcherEntry[] = [];
  for (const ticker of company.tickers) {
    const symbol = ticker.split(':')[1];
    if (symbol && symbol.length >= 2 && /[A-Z]/.test(symbol) && /^[A-Z0-9.-]+$/.test(symbol)) {
      out.push({ pattern: symbol, company: index, flags: FLAG_SYMBOL | FLAG_CASE });
    }
  }
  return out;
}
