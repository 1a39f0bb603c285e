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

describe('companiesFromCsv applies the checks of a JSON import', () => {
  it('refuses a quoted field that never closes, naming its line', () => {
    const r = companiesFromCsv('name,aliases\nAcme,x\n"Beta,y\nGamma,z\n');
    expect(r.companies).toEqual([]);
    expect(r.problems).toEqual([{ at: 'line 3', message: expect.stringContaining('never closed') }]);
  });

  it('refuses duplicate ids and names the rows', () => {
    const r = companiesFromCsv('name,id\nAcme,acme\nAcme Two,acme\n');
    expect(r.problems).toContainEqual({ at: 'row 3 (id)', message: '"acme" is used twice (also row 2)' });
  });

  it('refuses an unknown parent, and takes one the database knows', () => {
    expect(companiesFromCsv('name,parent\nAcme,nowhere-inc\n').problems).toContainEqual({ at: 'row 2 (parent)', message: 'unknown company "nowhere-inc"' });
    expect(companiesFromCsv('name,parent\nAcme,big-co\n', new Set(['big-co'])).problems).toEqual([]);
    expect(companiesFromCsv('name,parent\nBig Co,\nAcme,big-co\n').problems).toEqual([]);
  });

  it('refuses a name two rows claim', () => {
    const r = companiesFromCsv('name,aliases,id\nAcme,Roadrunner,acme\nCoyote,Roadrunner,coyote\n');
    expect(r.problems[0]).toEqual({ at: 'row 3', message: expect.stringContaining('"Roadrunner" also belongs to "acme"') });
  });

  it('caps aliases and tickers per company', () => {
    const aliases = Array.from({ length: 51 }, (_, i) => `Alias ${i}`).join(';');
    const tickers = Array.from({ length: 21 }, (_, i) => `NYSE:A${i}`).join(';');
    expect(companiesFromCsv(`name,aliases\nAcme,"${aliases}"\n`).problems).toEqual([{ at: 'row 2 (aliases)', message: 'has 51 entries; at most 50' }]);
    expect(companiesFromCsv(`name,tickers\nAcme,"${tickers}"\n`).problems).toEqual([{ at: 'row 2 (tickers)', message: 'has 21 entries; at most 20' }]);
    expect(companiesFromCsv(`name,aliases\nAcme,"${aliases.split(';').slice(0, 50).join(';')}"\n`).problems).toEqual([]);
  });

  it('refuses more rows than the record cap', () => {
    const r = companiesFromCsv('name\n' + 'x\n'.repeat(200_001));
    expect(r.problems).toEqual([{ at: 'file', message: 'has more than 200000 records' }]);
  });
});
