import { describe, expect, it } from 'vitest';
import { buildMatcher, mayNameCompany } from '../../src/core/matcher';
import { company } from './helpers';

const m = buildMatcher([
  company('nvidia', 'Nvidia'),
  company('oracle', 'Oracle', { ambiguous: ['Oracle'] }),
  company('ebay', 'eBay'),
  company('openai', 'OpenAI'),
]);

describe('mayNameCompany (the text of a part of a page read in one piece)', () => {
  it('says no for text without a name', () => {
    expect(mayNameCompany(m, 'row 1 of the tablerow 2 of the tablerow 3 of the table')).toBe(false);
  });

  it('finds a name at the start of a block that touches the block before it', () => {
    expect(mayNameCompany(m, 'row 2 of the tableNvidia leads the rest')).toBe(true);
    expect(mayNameCompany(m, 'item 41 and 42Nvidia leads')).toBe(true);
  });

  it('still finds names written with a capital inside', () => {
    expect(mayNameCompany(m, 'the tableOpenAI trains')).toBe(true);
    expect(mayNameCompany(m, 'the table. eBay sells')).toBe(true);
  });

  it('counts an ambiguous name held back for want of evidence: the walk decides with the page’s context', () => {
    expect(mayNameCompany(m, 'the oracle of the table')).toBe(false);
    expect(mayNameCompany(m, 'Oracle said on Tuesday')).toBe(true);
  });

  it('misses a name in lower case right after another block’s letter (the one kind it cannot tell apart)', () => {
    expect(mayNameCompany(m, 'the tableeBay sells')).toBe(false);
  });
});
