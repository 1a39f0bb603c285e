import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseImportJson } from '../../src/core/export-format';
import { tieId, type Tie } from '../../src/core/model';
import { applyImport, clearData, exportAll } from '../../src/storage/backup';
import { getCompany, searchCompanies, toStored } from '../../src/storage/companies';
import { getNote, saveNote } from '../../src/storage/notes';
import { DB_VERSION, openDb } from '../../src/storage/open-db';
import { loadCompiledMatcher, storeCompiledMatcher } from '../../src/storage/compiled-matcher';
import { syncBundledDataset } from '../../src/storage/sync-bundled-dataset';
import { countRecentArticles, recordSightings } from '../../src/storage/sightings';
import { saveTie, tiesOf } from '../../src/storage/ties';
import { company } from './helpers';

let n = 0;
const freshName = () => `tieline-test-${++n}`;

function tie(company: string, counterparty: string, more: Partial<Tie> = {}): Tie {
  const base = { company, counterparty, kind: 'cloud' as const, since: '2020', ...more };
  return {
    id: tieId(base), status: 'active', until: null, exclusive: false, detail: '', asOf: '2025-01-01',
    sources: [{ url: 'https://example.com/a', title: 'A', date: '2025-01-01' }], origin: 'bundled', ...base, ...more,
  };
}

const v1 = {
  version: 'v1',
  companies: [company('openai', 'OpenAI'), company('microsoft', 'Microsoft'), company('microsoft-azure', 'Microsoft Azure'), company('oracle', 'Oracle')],
  ties: [tie('openai', 'microsoft-azure'), tie('openai', 'oracle'), tie('openai', 'microsoft', { kind: 'investor', since: '2019' })],
};

describe('openDb migrations', () => {
  it('upgrades a version-1 database with notes and edits through every version without losing a record', async () => {
    const name = freshName();
    const old = await openDb(1, name);
    await old.put('companies', toStored({ ...company('openai', 'OpenAI'), edited: true, description: 'my words' }));
    await old.put('notes', { company: 'openai', text: 'Watch the Azure deal', createdAt: 1, updatedAt: 2 });
    await old.put('ties', tie('openai', 'oracle', { origin: 'user' }));
    old.close();
    for (let v = 2; v <= DB_VERSION; v++) {
      const db = await openDb(v, name);
      expect(await getNote(db, 'openai')).toEqual({ company: 'openai', text: 'Watch the Azure deal', createdAt: 1, updatedAt: 2 });
      expect((await getCompany(db, 'openai'))?.description).toBe('my words');
      expect(await db.count('ties')).toBe(1);
      db.close();
    }
    const latest = await openDb(DB_VERSION, name);
    expect([...latest.objectStoreNames].sort()).toEqual(['companies', 'notes', 'settings', 'sightings', 'ties']);
    // Version 3 dropped the indexes nothing queried; the ones lookups use are still there, and
    // version 4 brought back sightings by time for pruning.
    const tx = latest.transaction(['companies', 'ties', 'notes', 'sightings']);
    expect([...tx.objectStore('companies').indexNames]).toEqual(['nameKeys']);
    expect([...tx.objectStore('ties').indexNames].sort()).toEqual(['company', 'counterparty']);
    expect([...tx.objectStore('notes').indexNames]).toEqual([]);
    expect([...tx.objectStore('sightings').indexNames].sort()).toEqual(['company', 'time', 'url']);
    latest.close();
  });

  it('closes for a newer version instead of blocking the upgrade', async () => {
    const name = freshName();
    const db = await openDb(1, name);
    const newer = await openDB(name, 99);
    expect(newer.version).toBe(99);
    newer.close();
    void db;
  });
});

describe('syncBundledDataset', () => {
  let name: string;
  beforeEach(() => {
    name = freshName();
  });

  it('seeds an empty database in one go and does nothing for the same version', async () => {
    const db = await openDb(DB_VERSION, name);
    const plan = await syncBundledDataset(db, v1);
    expect(plan?.putCompanies).toHaveLength(4);
    expect(await db.count('ties')).toBe(3);
    expect(await syncBundledDataset(db, v1)).toBeNull();
  });

  it('drops the compiled matcher kept for the user when an update changes the companies, not otherwise', async () => {
    const db = await openDb(DB_VERSION, name);
    await syncBundledDataset(db, v1);
    const kept = { version: 'v1:4:1', bytes: new Uint8Array([1, 2, 3, 4]) };
    await storeCompiledMatcher(db, kept);
    expect(await syncBundledDataset(db, v1)).toBeNull();
    expect(await loadCompiledMatcher(db)).toEqual(kept);
    await syncBundledDataset(db, { ...v1, version: 'v2' });
    expect(await loadCompiledMatcher(db)).toBeUndefined();
  });

  it('merges an update without touching notes, user ties, edited companies or dismissed ties', async () => {
    const db = await openDb(DB_VERSION, name);
    await syncBundledDataset(db, v1);
    await saveNote(db, 'oracle', 'my note on Oracle');
    // The user's edit of a bundled company, and a bundled tie an older version let them hide.
    await db.put('companies', toStored({ ...v1.companies[0], aliases: ['Open AI'], edited: true }));
    const userTie = tie('openai', 'oracle', { kind: 'partner', origin: 'user', detail: 'mine' });
    await saveTie(db, userTie);
    await db.put('ties', { ...v1.ties[1], dismissed: true });

    const v2 = {
      version: 'v2',
      // OpenAI's bundled record changes and Oracle leaves the dataset; Microsoft's description changes.
      companies: [
        { ...v1.companies[0], description: 'new bundled text' },
        { ...v1.companies[1], description: 'updated' },
        v1.companies[2],
      ],
      ties: [tie('openai', 'microsoft-azure', { status: 'ended', until: '2026-04' }), v1.ties[2]],
    };
    await syncBundledDataset(db, v2);
    expect((await getCompany(db, 'openai'))?.aliases).toEqual(['Open AI']);
    expect((await getCompany(db, 'microsoft'))?.description).toBe('updated');
    // Oracle is gone from the dataset, but the user's note and tie still refer to it.
    expect(await getCompany(db, 'oracle')).toBeDefined();
    expect((await getNote(db, 'oracle'))?.text).toBe('my note on Oracle');
    const ties = await db.getAll('ties');
    expect(ties.find((t) => t.id === userTie.id)?.detail).toBe('mine');
    expect(ties.find((t) => t.id === v1.ties[1].id)?.dismissed).toBe(true);
    expect(ties.find((t) => t.id === v1.ties[0].id)?.status).toBe('ended');
    expect((await tiesOf(db, 'openai')).map((t) => t.id).sort()).toEqual([v1.ties[0].id, v1.ties[2].id, userTie.id].sort());
  });
});

describe('export and import', () => {
  it('round-trips export → wipe → import without losing anything', async () => {
    const db = await openDb(DB_VERSION, freshName());
    await syncBundledDataset(db, v1);
    await saveNote(db, 'openai', 'Line one\nLine “two” — ünïcödé');
    await saveTie(db, tie('microsoft', 'openai', { kind: 'partner', origin: 'user' }));
    await db.put('companies', toStored({ ...company('my-startup', 'My Startup'), origin: 'user' }));
    const before = await exportAll(db, new Date(0));
    const json = JSON.stringify(before);

    await clearData(db, { keepNotes: false, clearHistory: true });
    expect(await db.count('companies')).toBe(0);
    const parsed = parseImportJson(json, new Set());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await applyImport(db, parsed.data);
    const after = await exportAll(db, new Date(0));
    expect(after).toEqual(before);
  });

  it('writes nothing when any record of an import fails', async () => {
    const db = await openDb(DB_VERSION, freshName());
    await syncBundledDataset(db, v1);
    const good = company('good-co', 'Good Co');
    const bad = { ...company('bad-co', 'Bad Co'), id: undefined as unknown as string };
    await expect(applyImport(db, { companies: [good, bad], ties: [], notes: [] })).rejects.toThrow();
    expect(await getCompany(db, 'good-co')).toBeUndefined();
    expect(await db.count('companies')).toBe(4);
  });

  it('rejects bad files with messages that name the place and the reason', () => {
    const r = parseImportJson(JSON.stringify({ format: 'tieline', version: 1, companies: [{ id: 'Bad Id', name: '' }], ties: [{ company: 'x' }] }), new Set());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const text = r.problems.map((p) => `${p.at}: ${p.message}`).join('\n');
    expect(text).toContain('companies[0].id: must be a lowercase slug');
    expect(text).toContain('companies[0].name');
    expect(text).toContain('ties[0].kind');
    expect(parseImportJson('{not json', new Set())).toMatchObject({ ok: false, problems: [{ at: 'file' }] });
    expect(parseImportJson(JSON.stringify({ format: 'tieline', version: 99, companies: [] }), new Set())).toMatchObject({ ok: false, problems: [{ at: 'version' }] });
    expect(parseImportJson(JSON.stringify({ notes: [{ company: 'nobody', text: 'x', updatedAt: 1 }] }), new Set())).toMatchObject({ ok: false });
  });

  it('accepts a plain list of companies and ties that refer to known companies', () => {
    const r = parseImportJson(JSON.stringify({ companies: [{ id: 'acme', name: 'Acme' }], ties: [{ company: 'acme', counterparty: 'microsoft-azure', kind: 'cloud', status: 'active', sources: [] }] }), new Set(['microsoft-azure']));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.data.ties[0].origin).toBe('user');
  });
});

describe('search and sightings', () => {
  it('finds companies by the start of a name or alias, best match first', async () => {
    const db = await openDb(DB_VERSION, freshName());
    await syncBundledDataset(db, { version: 'x', companies: [...v1.companies, company('amazon-web-services', 'Amazon Web Services', { aliases: ['AWS'] }), company('amazon', 'Amazon')], ties: [] });
    expect((await searchCompanies(db, 'amaz')).map((c) => c.id)).toEqual(['amazon', 'amazon-web-services']);
    expect((await searchCompanies(db, 'aws')).map((c) => c.id)).toEqual(['amazon-web-services']);
    expect((await searchCompanies(db, 'micro')).map((c) => c.id)).toEqual(['microsoft', 'microsoft-azure']);
  });

  it('counts each article once per company for "seen in N articles this week"', async () => {
    const db = await openDb(DB_VERSION, freshName());
    const now = Date.now();
    await recordSightings(db, ['openai', 'openai', 'microsoft'], 'https://a.example/1', now);
    await recordSightings(db, ['openai'], 'https://a.example/1', now);
    await recordSightings(db, ['openai'], 'https://a.example/2', now);
    await recordSightings(db, ['openai'], 'https://a.example/old', now - 10 * 86_400_000);
    expect(await countRecentArticles(db, 'openai', 7, now)).toBe(2);
    expect(await countRecentArticles(db, 'microsoft', 7, now)).toBe(1);
  });
});
