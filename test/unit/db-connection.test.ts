import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { getNote, saveNote } from '../../src/storage/notes';
import { DB_VERSION, DbConnection, DbUnavailableError, openDb } from '../../src/storage/open-db';
import { closedByTheBrowser } from './closed-by-the-browser';

let n = 0;
const freshName = () => `tieline-connection-${++n}`;

describe('the database connection recovers', () => {
  it('opens again after the browser closes the connection under it (site data cleared)', async () => {
    const connection = new DbConnection(DB_VERSION, freshName());
    const opening = connection.get();
    const first = await opening;
    await saveNote(first, 'openai', 'kept');
    // The same promise while the connection lasts: the background seeds once per connection.
    expect(connection.get()).toBe(opening);
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

describe('an upgrade blocked by an older window', () => {
  it('says so at once, keeps waiting, and opens once the old window lets go', async () => {
    const name = freshName();
    // A window of an older Tieline with the data open, which does not close for the upgrade.
    const old = await openDb(DB_VERSION - 1, name);
    await saveNote(old, 'openai', 'written by the older version');
    old.close();
    const stubborn = await openDB(name, DB_VERSION - 1);

    const connection = new DbConnection(DB_VERSION, name);
    const problems: (string | null)[] = [];
    connection.onProblem((p) => problems.push(p));
    await expect(connection.get()).rejects.toSatisfy((e) => e instanceof DbUnavailableError && e.problem === 'blocked');
    expect(problems).toEqual(['blocked']);
    // Every request until then fails at once rather than hang.
    await expect(connection.get()).rejects.toBeInstanceOf(DbUnavailableError);

    const opened = new Promise((resolve) => connection.onProblem(resolve));
    stubborn.close();
    expect(await opened).toBeNull();
    const db = await connection.get();
    expect(db.version).toBe(DB_VERSION);
    expect((await getNote(db, 'openai'))?.text).toBe('written by the older version');
    expect(problems).toEqual(['blocked', null]);
  });
});

describe('data written by a newer version', () => {
  it('is refused with a clear error and left exactly as it was', async () => {
    const name = freshName();
    const newer = await openDB(name, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('notes', { keyPath: 'company' });
      },
    });
    await newer.put('notes', { company: 'openai', text: 'from the future', createdAt: 1, updatedAt: 2 });
    newer.close();

    const connection = new DbConnection(DB_VERSION, name);
    const problems: (string | null)[] = [];
    connection.onProblem((p) => problems.push(p));
    const error: unknown = await connection.get().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbUnavailableError);
    expect((error as DbUnavailableError).problem).toBe('newer');
    expect((error as Error).message).toMatch(/newer version/);
    expect(problems).toEqual(['newer']);
    // Asked again, it says so again (nothing kept a failed handle), and nothing was deleted.
    await expect(connection.get()).rejects.toBeInstanceOf(DbUnavailableError);
    const after = await openDB(name);
    expect(after.version).toBe(DB_VERSION + 1);
    expect(await after.get('notes', 'openai')).toEqual({ company: 'openai', text: 'from the future', createdAt: 1, updatedAt: 2 });
    after.close();
  });
});
