import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Company, Dataset, Tie } from '../../src/core/model';
import { DB_VERSION, openDb, type Db } from '../../src/storage/open-db';
import type { StoredCompany } from '../../src/storage/schema';
import { syncBundledDataset } from '../../src/storage/sync-bundled-dataset';

/**
 * A user's database as each earlier schema version stored it (the records written literally, not
 * through today's code: nameKeys as that version folded them, sources without tiers, sightings
 * with the page title and the full address as versions 2 and 3 kept them), opened by this version.
 */

const STORES = ['companies', 'ties', 'notes', 'settings', 'sightings'] as const;
type Store = (typeof STORES)[number];

const storedCompany = (id: string, name: string, more: Partial<StoredCompany> = {}): StoredCompany => ({
  id, name, aliases: [], tickers: [], domains: [], parent: null, description: '', ambiguous: [], category: 'other',
  origin: 'bundled', nameKeys: [name.toLowerCase()], ...more,
});

const OLD_COMPANIES: StoredCompany[] = [
  // A bundled company the user edited.
  storedCompany('openai', 'OpenAI', { aliases: ['Open AI'], description: 'My own words, ünïcödé and "quotes"', edited: true, nameKeys: ['openai', 'open ai'] }),
  // The user's own company.
  storedCompany('my-startup', 'My Startup', { origin: 'user', domains: ['my-startup.example'], category: 'saas', nameKeys: ['my startup'] }),
  // Bundled and untouched, but the user has a note on it: the next dataset drops it.
  storedCompany('oracle', 'Oracle', { tickers: ['NYSE:ORCL'] }),
  // Bundled and untouched, but one of the user's ties points at it: the next dataset drops it too.
  storedCompany('google-cloud', 'Google Cloud', { aliases: ['GCP'], nameKeys: ['google cloud', 'gcp'] }),
  // Bundled, untouched, unreferenced, and dropped by the next dataset: the update may remove it.
  storedCompany('ibm', 'IBM', { tickers: ['NYSE:IBM'] }),
  storedCompany('microsoft-azure', 'Microsoft Azure'),
];

const oldTie = (company: string, kind: Tie['kind'], counterparty: string, since: string, more: Partial<Tie> = {}): Tie => ({
  id: `${company}|${kind}|${counterparty}|${since}`, company, counterparty, kind, status: 'active', since, until: null,
  exclusive: false, detail: '', sources: [{ url: 'https://example.com/a', title: 'A', date: '2025-01-01' }], asOf: '2025-01-01',
  origin: 'bundled', ...more,
});

const OLD_TIES: Tie[] = [
  oldTie('my-startup', 'cloud', 'google-cloud', '2025', { origin: 'user', detail: 'Ours, on OCI', asOf: '2026-11-30', sources: [] }),
  oldTie('openai', 'cloud', 'microsoft-azure', '2019', { edited: true, detail: 'I corrected this', exclusive: true }),
  oldTie('openai', 'cloud', 'oracle', '2024', { dismissed: true }),
  oldTie('ibm', 'partner', 'microsoft-azure', '2020'),
];

const OLD_NOTES = [
  { company: 'oracle', text: 'Watch the capex 📈\nsecond line\ttab', createdAt: 1_764_000_000_000, updatedAt: 1_764_500_000_000 },
  { company: 'openai', text: ' leading and trailing spaces ', createdAt: 1, updatedAt: 2 },
];

const OLD_SETTINGS = [
  { key: 'datasetVersion', value: 'old-dataset' },
  { key: 'lastSeed', value: { version: 'old-dataset', ms: 812, at: 1_764_000_000_000, companies: 8_000, ties: 1_100 } },
  { key: 'compiledMatcher', value: { version: 'old-dataset:old-code:8000:1764000000000', bytes: new Uint8Array([0, 1, 2, 254, 255]) } },
];

/** Versions 2 and 3 kept the page's title and whole address; version 4 stopped writing them. */
const OLD_SIGHTINGS = [
  { company: 'openai', url: 'https://techcrunch.com/2026/11/30/story?utm_source=x#c', title: 'A story', time: 1_764_400_000_000 },
  { company: 'oracle', url: 'https://techcrunch.com/2026/11/30/story?utm_source=x#c', title: 'A story', time: 1_764_400_000_000 },
];

async function fill(db: Db, version: number): Promise<void> {
  const stores: Store[] = version >= 2 ? [...STORES] : ['companies', 'ties', 'notes', 'settings'];
  const tx = db.transaction(stores, 'readwrite');
  const writes: Promise<unknown>[] = [
    ...OLD_COMPANIES.map((c) => tx.objectStore('companies').put(c)),
    ...OLD_TIES.map((t) => tx.objectStore('ties').put(t)),
    ...OLD_NOTES.map((n) => tx.objectStore('notes').put(n)),
    ...OLD_SETTINGS.map((s) => tx.objectStore('settings').put(s)),
  ];
  if (version >= 2) writes.push(...OLD_SIGHTINGS.map((s) => tx.objectStore('sightings').add(s)));
  await Promise.all([...writes, tx.done]);
}

/** Every record of every store, as stored. */
async function snapshot(db: Db): Promise<Partial<Record<Store, unknown[]>>> {
  const out: Partial<Record<Store, unknown[]>> = {};
  for (const store of STORES) if (db.objectStoreNames.contains(store)) out[store] = await db.getAll(store);
  return out;
}

/** A stored record as a bundled one: no folded names, no marks of the user. */
function asBundled({ nameKeys: _k, edited: _e, ...c }: StoredCompany): Company {
  return c;
}

const NEXT_DATASET: Dataset = {
  version: 'new-dataset',
  companies: [
    // Changed upstream, but the user's edit wins.
    { ...asBundled(OLD_COMPANIES[0]), description: 'new bundled text' },
    { ...asBundled(OLD_COMPANIES[5]), aliases: ['Azure'], category: 'cloud' },
  ],
  ties: [
    // Changed upstream; the user's edited copy wins, and the dismissed one stays dismissed.
    { ...OLD_TIES[1], status: 'ended', until: '2026-01', edited: false },
    { ...OLD_TIES[2], detail: 'bundled again', dismissed: false },
  ],
};

let n = 0;
describe('upgrading from every earlier schema version', () => {
  const earlier = Array.from({ length: DB_VERSION - 1 }, (_, i) => i + 1);

  it.each(earlier)('keeps every record of a version-%i database byte for byte, and the next dataset sync keeps the user\'s', async (version) => {
    const name = `tieline-upgrade-${version}-${++n}`;
    const old = await openDb(version, name);
    expect(old.version).toBe(version);
    await fill(old, version);
    const before = await snapshot(old);
    old.close();
    // What that version wrote is what it stored (fake-indexeddb clones like a browser).
    expect(before.notes).toStrictEqual(OLD_NOTES.toSorted((a, b) => a.company.localeCompare(b.company)));
    expect(before.sightings).toStrictEqual(version >= 2 ? OLD_SIGHTINGS.map((s, i) => ({ ...s, id: i + 1 })) : undefined);

    const db = await openDb(DB_VERSION, name);
    expect(db.version).toBe(DB_VERSION);
    const after = await snapshot(db);
    expect(after).toStrictEqual({ ...before, sightings: before.sightings ?? [] });

    const plan = await syncBundledDataset(db, NEXT_DATASET);
    expect(plan).not.toBeNull();
    const synced = await snapshot(db);
    const byId = (records: unknown[] | undefined, id: string) =>
      (records as { id?: unknown; key?: unknown }[]).find((r) => (r.id ?? r.key) === id);
    // The user's notes, their companies, their edits, and the companies they refer to: untouched.
    expect(synced.notes).toStrictEqual(before.notes);
    for (const id of ['openai', 'my-startup', 'oracle', 'google-cloud']) expect(byId(synced.companies, id)).toStrictEqual(byId(before.companies, id));
    // Their ties, their edit of a bundled tie, their dismissal: untouched.
    for (const t of OLD_TIES.slice(0, 3)) expect(byId(synced.ties, t.id)).toStrictEqual(t);
    // The reading history is not the dataset's.
    expect(synced.sightings).toStrictEqual(after.sightings);
    // What the sync may change: bundled records nobody touched, its own version, and the stale cache.
    expect(byId(synced.companies, 'ibm')).toBeUndefined();
    expect(byId(synced.ties, OLD_TIES[3].id)).toBeUndefined();
    expect(byId(synced.companies, 'microsoft-azure')).toMatchObject({ aliases: ['Azure'] });
    expect(byId(synced.settings, 'lastSeed')).toStrictEqual(OLD_SETTINGS[1]);
    expect(byId(synced.settings, 'datasetVersion')).toStrictEqual({ key: 'datasetVersion', value: 'new-dataset' });
    expect(byId(synced.settings, 'compiledMatcher')).toBeUndefined();
    db.close();
  });
});
