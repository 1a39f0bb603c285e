import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tieId, type Tie } from '../../src/core/model';
import { cleanCompanyName, companyIdCandidates, companyNamed } from '../../src/core/new-company';
import { hasUserCompanies } from '../../src/storage/backup';
import { getCompany, searchCompanies } from '../../src/storage/companies';
import { DB_VERSION, openDb } from '../../src/storage/open-db';
import { syncBundledDataset } from '../../src/storage/sync-bundled-dataset';
import { saveTieToNamedCompany } from '../../src/storage/tie-to-named-company';
import { tiesOf } from '../../src/storage/ties';
import { company } from './helpers';

let n = 0;
const freshDb = async () => {
  const db = await openDb(DB_VERSION, `tieline-new-company-${++n}`);
  await syncBundledDataset(db, {
    version: 'v1',
    companies: [
      company('perplexity', 'Perplexity'),
      company('oracle-cloud-infrastructure', 'Oracle Cloud Infrastructure', { aliases: ['Oracle Cloud', 'OCI'] }),
      company('nestle', 'Nestlé'),
      // Takes the id that "Acme Robotics" would get first.
      company('acme-robotics', 'Acme Robotic Arms Ltd'),
    ],
    ties: [],
  });
  return db;
};

/** A new tie from the popup's form: the counterparty is not known yet. */
function draft(more: Partial<Tie> = {}): Tie {
  const base = { company: 'perplexity', counterparty: '', kind: 'cloud' as const, since: '2026-10', ...more };
  return { id: tieId(base), status: 'active', until: null, exclusive: false, detail: '', asOf: '2026-11-01', sources: [], origin: 'user', ...base, ...more };
}

const counts = async (db: Awaited<ReturnType<typeof freshDb>>) => ({ companies: await db.count('companies'), ties: await db.count('ties') });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saveTieToNamedCompany', () => {
  it('creates the user’s company and the tie together, under a free id', async () => {
    const db = await freshDb();
    const saved = await saveTieToNamedCompany(db, draft(), '  Acme   Robotics ');
    expect(saved.created).toBe(true);
    expect(saved.counterparty).toMatchObject({ id: 'acme-robotics-2', name: 'Acme Robotics', origin: 'user', aliases: [] });
    expect(await getCompany(db, 'acme-robotics-2')).toEqual(saved.counterparty);
    expect((await getCompany(db, 'acme-robotics'))?.name).toBe('Acme Robotic Arms Ltd');
    const ties = await tiesOf(db, 'acme-robotics-2');
    expect(ties).toHaveLength(1);
    expect(ties[0]).toMatchObject({ id: 'perplexity|cloud|acme-robotics-2|2026-10', company: 'perplexity', counterparty: 'acme-robotics-2', origin: 'user' });
    expect((await searchCompanies(db, 'acme rob')).map((c) => c.id)).toContain('acme-robotics-2');
    expect(await hasUserCompanies(db)).toBe(true);
  });

  it('uses the company that already has the name or alias, whatever the case or accents, and creates none', async () => {
    const db = await freshDb();
    const before = await counts(db);
    const viaAlias = await saveTieToNamedCompany(db, draft(), 'oracle cloud');
    expect(viaAlias).toMatchObject({ created: false, counterparty: { id: 'oracle-cloud-infrastructure' } });
    const viaName = await saveTieToNamedCompany(db, draft({ kind: 'partner' }), 'NESTLE');
    expect(viaName).toMatchObject({ created: false, counterparty: { id: 'nestle' } });
    expect(await counts(db)).toEqual({ companies: before.companies, ties: 2 });
  });

  it('creates neither the company nor the tie when the tie is invalid', async () => {
    const db = await freshDb();
    const before = await counts(db);
    // An ended tie needs its end date.
    await expect(saveTieToNamedCompany(db, draft({ status: 'ended' }), 'Acme Robotics')).rejects.toThrow(/until/);
    await expect(saveTieToNamedCompany(db, draft({ company: 'nobody' }), 'Acme Robotics')).rejects.toThrow(/unknown company/);
    await expect(saveTieToNamedCompany(db, draft(), 'perplexity')).rejects.toThrow(/must differ/);
    expect(await counts(db)).toEqual(before);
    expect(await getCompany(db, 'acme-robotics-2')).toBeUndefined();
  });

  it('leaves no company behind when writing the tie fails', async () => {
    const db = await freshDb();
    const before = await counts(db);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.name === 'ties') throw new DOMException('disk full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const add = vi.spyOn(IDBObjectStore.prototype, 'add');
    await expect(saveTieToNamedCompany(db, draft(), 'Acme Robotics')).rejects.toThrow('disk full');
    // The company was written first, and rolled back.
    expect(add).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
    expect(await counts(db)).toEqual(before);
    expect(await getCompany(db, 'acme-robotics-2')).toBeUndefined();
  });

  it('refuses an empty or overlong name', async () => {
    const db = await freshDb();
    await expect(saveTieToNamedCompany(db, draft(), '   ')).rejects.toThrow(/needs a name/);
    await expect(saveTieToNamedCompany(db, draft(), 'x'.repeat(201))).rejects.toThrow(/needs a name/);
    expect(await db.count('ties')).toBe(0);
  });
});

describe('naming a new company', () => {
  it('cleans names, finds a name before an alias, and proposes slugs that a CSV import would give', () => {
    expect(cleanCompanyName(' Acme\n  Robotics\t')).toBe('Acme Robotics');
    expect(cleanCompanyName('')).toBeNull();
    expect(cleanCompanyName('\u200b')).toBeNull();
    expect(cleanCompanyName(42)).toBeNull();
    const list = [company('a', 'Alpha', { aliases: ['Beta'] }), company('b', 'Beta')];
    expect(companyNamed(list, 'beta')?.id).toBe('b');
    expect(companyNamed(list, 'ALPHA ')?.id).toBe('a');
    expect(companyNamed(list, 'Alp')).toBeUndefined();
    const ids = companyIdCandidates('Acme & Söhne');
    expect([ids.next().value, ids.next().value, ids.next().value]).toEqual(['acme-and-sohne', 'acme-and-sohne-2', 'acme-and-sohne-3']);
    expect(companyIdCandidates('小米').next().value).toBe('company');
  });

  it('search puts an exact alias before names that merely start with the query', async () => {
    const db = await openDb(DB_VERSION, `tieline-new-company-${++n}`);
    const many = Array.from({ length: 10 }, (_, i) => company(`oci-${i}`, `OCI Thing ${i}`));
    await syncBundledDataset(db, { version: 'v1', companies: [...many, company('oracle-cloud-infrastructure', 'Oracle Cloud Infrastructure', { aliases: ['OCI'] })], ties: [] });
    expect((await searchCompanies(db, 'oci', 8))[0].id).toBe('oracle-cloud-infrastructure');
  });
});
