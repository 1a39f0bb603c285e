import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getNote, saveNote } from '../../src/storage/notes';
import { DB_VERSION, DbConnection } from '../../src/storage/open-db';
import { closedByTheBrowser } from './closed-by-the-browser';

let n = 0;
const freshName = () => `tieline-connection-${++n}`;

describe('the database connection recovers', () => {
  it('opens again after the browser closes the connection under it (site data cleared)', async () => {
    const connection = new DbConnection(DB_VERSION, freshName());
    const first = await connection.get();
    await saveNote(first, 'openai', 'kept');
    expect(await connection.get()).toBe(first);
    await closedByTheBrowser(first);
    expect(() => first.transaction('notes')).toThrow();
    const second = await connection.get();
    expect(second).not.toBe(first);
    expect((await getNote(second, 'openai'))?.text).toBe('kept');
  });

  it('lets a deletion through and opens a fresh database on the next request', async () => {
    const name = freshName();
    const connection = new DbConnection(DB_VERSION, name);
    const first = await connection.get();
    await saveNote(first, 'openai', 'gone with the database');
    // versionchange: our connection closes itself so the deletion is not blocked.
    await deleteDB(name, { blocked: () => expect.fail('our own connection blocked the deletion') });
    const second = await connection.get();
    expect(second).not.toBe(first);
    expect(await getNote(second, 'openai')).toBeUndefined();
    await saveNote(second, 'openai', 'written after');
    expect((await getNote(second, 'openai'))?.text).toBe('written after');
  });

  it('does not keep a failed open: the next request tries again', async () => {
    const name = freshName();
    // A database this version cannot open (written by a newer version)…
    (await openDB(name, DB_VERSION + 1)).close();
    const connection = new DbConnection(DB_VERSION, name);
    await expect(connection.get()).rejects.toThrow();
    // …until it is gone: then the same connection opens.
    await deleteDB(name);
    const db = await connection.get();
    expect(db.version).toBe(DB_VERSION);
  });
});
