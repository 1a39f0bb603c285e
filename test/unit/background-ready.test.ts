import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../src/core/model';
import { getNote, saveNote } from '../../src/storage/notes';
import { DB_NAME } from '../../src/storage/schema';
import { closedByTheBrowser } from './closed-by-the-browser';
import { company } from './helpers';

// What build.mjs defines, and the one browser call ready() makes (the bundled dataset's URL).
vi.hoisted(() => Object.assign(globalThis, { __DATASET_VERSION__: 'test-dataset', __MATCHER_CODE_VERSION__: 'test-code' }));
vi.mock('../../src/platform/browser', () => ({ browser: { runtime: { getURL: (path: string) => `test:${path}` } } }));

const bundled: Dataset = {
  version: 'test-dataset',
  companies: [company('openai', 'OpenAI'), company('oracle', 'Oracle')],
  ties: [],
};
// The merge's line in the log, and the reading-history tidy that a close can cut short.
vi.spyOn(console, 'info').mockImplementation(() => undefined);
vi.spyOn(console, 'warn').mockImplementation(() => undefined);
vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(bundled))));

const { ready } = await import('../../src/background/ready');

describe('the background keeps working when its connection is closed under it', () => {
  it('answers after the browser closes the connection, with nothing lost', async () => {
    const db = await ready();
    expect(await db.count('companies')).toBe(2);
    await saveNote(db, 'openai', 'my note');
    await closedByTheBrowser(db);
    const again = await ready();
    expect(again).not.toBe(db);
    expect((await getNote(again, 'openai'))?.text).toBe('my note');
    await saveNote(again, 'oracle', 'written after');
    expect((await getNote(again, 'oracle'))?.text).toBe('written after');
  });

  it('seeds the bundled dataset again when the database was deleted under it', async () => {
    const db = await ready();
    await deleteDB(DB_NAME);
    const fresh = await ready();
    expect(fresh).not.toBe(db);
    expect(await fresh.count('companies')).toBe(2);
    expect(await getNote(fresh, 'openai')).toBeUndefined();
  });
});

describe('a dataset update tells readers what changed', () => {
  it('logs the ties an update adds or ends, and nothing on the first install', async () => {
    const { allTieChanges } = await import('../../src/storage/tie-changes');
    const { setMeta } = await import('../../src/storage/meta');
    const { DATASET_VERSION_KEY } = await import('../../src/storage/sync-bundled-dataset');
    await deleteDB(DB_NAME);
    const db = await ready();
    expect(await allTieChanges(db)).toEqual([]);
    // The next version ships a tie this one lacks.
    bundled.ties = [{ id: 'openai|cloud|oracle|2024-06', company: 'openai', counterparty: 'oracle', kind: 'cloud', status: 'active', since: '2024-06', until: null, exclusive: false, detail: '', sources: [{ url: 'https://www.oracle.com/news/a', title: 'A', date: '2024-06-11' }], asOf: '2024-06-11', origin: 'bundled' }];
    await setMeta(db, DATASET_VERSION_KEY, 'older');
    const updated = await ready({ reseed: true });
    expect((await allTieChanges(updated)).map((c) => [c.tieId, c.what, c.by])).toEqual([['openai|cloud|oracle|2024-06', 'added', 'update']]);
  });
});
