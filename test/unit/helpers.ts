import type { Company } from '../../src/core/model';

/** A company record with defaults, for tests. */
export function company(id: string, name: string, more: Partial<Company> = {}): Company {
  return {
    id, name, aliases: [], tickers: [], domains: [], parent: null, description: '', ambiguous: [],
    category: 'other', origin: 'bundled', ...more,
  };
}
