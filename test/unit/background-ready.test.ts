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
