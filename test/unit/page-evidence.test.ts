import { describe, expect, it } from 'vitest';
import { buildMatcher, confirmedCompanies, matchCompanies, newContextState, type Mention } from '../../src/core/matcher';
import type { Company } from '../../src/core/model';

const company = (id: string, name: string, ambiguous: string[] = []): Company => ({
  id, name, aliases: [], tickers: [], domains: [], parent: null, description: '', ambiguous, category: 'other', origin: 'bundled',
});
const m = buildMatcher([company('apple', 'Apple', ['Apple']), company('nvidia', 'Nvidia'), company('nintendo', 'Nintendo'), company('switch', 'Switch', ['Switch'])]);

describe('undecided names and page evidence', () => {
  it('leaves out an ambiguous name without evidence, says so, and the page confirms it later', () => {
    const state = newContextState();
    const undecided: Mention[] = [];
    // A menu item: another capitalised word after the name, no cue.
    expect(matchCompanies(m, 'Apple Fitness+', state, undecided)).toEqual([]);
    expect(undecided.map((u) => u.companyId)).toEqual(['apple']);
    expect(confirmedCompanies(m, state).has('apple')).toBe(false);
    expect(matchCompanies(m, 'Apple said on Tuesday that sales rose.', state).map((x) => x.companyId)).toEqual(['apple']);
    expect(confirmedCompanies(m, state).has('apple')).toBe(true);
  });

  it('does not offer a name its context speaks against', () => {
    const undecided: Mention[] = [];
    matchCompanies(m, 'She baked an apple pie.', newContextState(), undecided);
    matchCompanies(m, 'The Apple of my eye.', newContextState(), undecided);
    expect(undecided).toEqual([]);
  });

  it('takes the maker’s part of one of its own product lines as a mention (Apple Watch)', () => {
    expect(matchCompanies(m, 'Apple Watch', newContextState()).map((x) => x.companyId)).toEqual(['apple']);
    expect(matchCompanies(m, 'Score an Apple Watch Series 9 for $299.', newContextState()).map((x) => x.companyId)).toEqual(['apple']);
  });

  it('reads a word right after its maker’s name as the maker’s product', () => {
    const found = matchCompanies(m, 'Sales of the Nintendo Switch rose, Nintendo said.', newContextState());
    expect(found.map((x) => x.companyId)).toEqual(['nintendo', 'nintendo']);
  });
});
