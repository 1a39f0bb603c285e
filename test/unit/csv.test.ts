import { describe, expect, it } from 'vitest';
import { companiesFromCsv, parseCsv, slugify } from '../../src/core/csv';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffname,aliases\r\n"Acme, Inc.","A ""quoted"" one"\r\nBeta,\n')).toEqual([
      ['name', 'aliases'],
      ['Acme, Inc.', 'A "quoted" one'],
      ['Beta', ''],
    ]);
  });
});

describe('companiesFromCsv', () => {
  it('turns rows into user companies with ids, lists split on ;', () => {
    const { companies, problems } = companiesFromCsv('name,aliases,domains,tickers\nNestlé S.A.,Nestle;Nestlé,https://www.nestle.com/,six:nesn\n');
    expect(problems).toEqual([]);
    expect(companies[0]).toMatchObject({ id: 'nestle-s-a', name: 'Nestlé S.A.', aliases: ['Nestle', 'Nestlé'], domains: ['nestle.com'], tickers: ['SIX:NESN'], origin: 'user' });
  });
  it('names the row and field of every problem', () => {
    const { problems } = companiesFromCsv('name,tickers,colour\nAcme,NOTATICKER\n,NASDAQ:ABC\n');
    expect(problems.map((p) => `${p.at}: ${p.message}`)).toEqual([
      'row 1, column 3: unknown column "colour"',
      'row 2 (tickers): "NOTATICKER" is not EXCHANGE:SYMBOL',
      'row 3 (name): is empty',
    ]);
  });
  it('needs a name column', () => {
    expect(companiesFromCsv('title\nAcme').problems[0].message).toMatch(/name/);
  });
});

describe('slugify', () => {
  it('makes stable ids', () => {
    expect(slugify('AT&T Inc.')).toBe('at-and-t-inc');
    expect(slugify('  Société Générale ')).toBe('societe-generale');
    // Cut to 80 characters where a space was: no trailing hyphen (the id check refuses one).
    const long = `${'a'.repeat(79)} b`;
    expect(slugify(long)).toBe('a'.repeat(79));
  });
});
