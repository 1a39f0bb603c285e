import { describe, expect, it } from 'vitest';
import { loadBundledDataset } from '../../src/core/dataset-load';
import { readDatasetFiles } from '../../tools/dataset-files.mjs';


describe('the bundled dataset', () => {
  const { dataset, problems } = loadBundledDataset(readDatasetFiles(), 'test');

  it('passes validation', () => {
    expect(problems.slice(0, 10)).toEqual([]);
  });
  it('is large enough to be useful', () => {
    expect(dataset.companies.length).toBeGreaterThanOrEqual(2000);
    expect(dataset.ties.length).toBeGreaterThanOrEqual(400);
    expect(new Set(dataset.ties.map((t) => t.company)).size + 0).toBeGreaterThanOrEqual(80);
  });
  it('sources and dates every tie', () => {
    for (const t of dataset.ties) {
      expect(t.sources.length, t.id).toBeGreaterThan(0);
      // As precise as the newest source: a page that shows only a month or a year dates the tie so.
      expect(t.asOf, t.id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      for (const s of t.sources) expect(s.url, t.id).toMatch(/^https?:\/\//);
    }
  });
});

describe('dataset validation', () => {
  const c = (id: string, name: string, more: object = {}) => ({ id, name, description: 'd', ...more });
  const tie = (company: string, counterparty: string, more: object = {}) => ({
    company, counterparty, kind: 'cloud', status: 'active', since: '2020', asOf: '2024-01-01',
    sources: [{ url: 'https://example.com', title: 't', date: '2024-01-01' }], ...more,
  });
  const messages = (companies: unknown[], ties: unknown[]) =>
    loadBundledDataset({ companies, ties }, 'v').problems.map((p) => `${p.at}: ${p.message}`);

  it('catches twin ids, unknown companies, shared names, unsourced and undated ties, twin ties', () => {
    const out = messages(
      [c('a', 'Alpha'), c('a', 'Alpha Two'), c('b', 'Beta', { aliases: ['Alpha'] }), c('d', 'Delta', { parent: 'zzz' })],
      [tie('a', 'b'), tie('a', 'b'), tie('a', 'nobody'), tie('b', 'a', { sources: [] }), tie('b', 'd', { asOf: undefined }), tie('d', 'a', { status: 'ended' })],
    );
    expect(out).toContain('companies[1].id: "a" is used twice (also companies[0])');
    expect(out.some((m) => m.includes('name "Alpha" also belongs to "a"'))).toBe(true);
    expect(out).toContain('companies[3].parent: unknown company "zzz"');
    expect(out.some((m) => m.startsWith('ties[1]: same tie as ties[0]'))).toBe(true);
    expect(out).toContain('ties[2].counterparty: unknown company "nobody"');
    expect(out).toContain('ties[3].sources: a bundled tie needs at least one source');
    expect(out).toContain('ties[4].asOf: a bundled tie needs an as-of date');
    expect(out).toContain('ties[5].until: an ended tie needs its end date');
  });
  it('allows a shared name when it is marked ambiguous', () => {
    expect(messages([c('a', 'Apple', { ambiguous: ['Apple'] }), c('b', 'Apple Records', { aliases: ['Apple'], ambiguous: ['Apple'] })], [])).toEqual([]);
  });
  it('asks for a description on companies with ties', () => {
    expect(messages([c('a', 'A', { description: '' }), c('b', 'B')], [tie('a', 'b')])).toContain('companies[0].description: "a" has ties and needs a description');
  });
});
