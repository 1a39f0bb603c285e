import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, type TielineDb } from './schema';

export type Db = IDBPDatabase<TielineDb>;
type UpgradeTx = IDBPTransaction<TielineDb, StoreNames<TielineDb>[], 'versionchange'>;

/** Shipped steps made indexes that later steps dropped; today's schema types no longer name them. */
const untyped = (store: object) => store as { createIndex(name: string, keyPath: string): unknown };

/**
 * Numbered upgrade steps. Each step only adds; none deletes or rewrites a user's records.
 * Never edit a step that has shipped: add the next one.
 */
const MIGRATIONS: ((db: IDBPDatabase<TielineDb>, tx: UpgradeTx) => void)[] = [
  // 1: companies, ties, notes, settings.
  (db) => {
    const companies = db.createObjectStore('companies', { keyPath: 'id' });
    companies.createIndex('nameKeys', 'nameKeys', { multiEntry: true });
    untyped(companies).createIndex('parent', 'parent');
    const ties = db.createObjectStore('ties', { keyPath: 'id' });
    ties.createIndex('company', 'company');
    ties.createIndex('counterparty', 'counterparty');
    db.createObjectStore('notes', { keyPath: 'company' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // 2: sightings ("seen in 4 articles this week"), and notes by recency for the popup's list.
  (db, tx) => {
    const sightings = db.createObjectStore('sightings', { keyPath: 'id', autoIncrement: true });
    sightings.createIndex('company', 'company');
    untyped(sightings).createIndex('time', 'time');
    sightings.createIndex('url', 'url');
    untyped(tx.objectStore('notes')).createIndex('updatedAt', 'updatedAt');
  },
  // 3: drop the indexes nothing queries (every write paid for them).
  (_db, tx) => {
    tx.objectStore('companies').deleteIndex('parent');
    tx.objectStore('sightings').deleteIndex('time');
    tx.objectStore('notes').deleteIndex('updatedAt');
  },
  // 4: sightings by time again: history older than 30 days is now pruned on every write.
  (_db, tx) => {
    tx.objectStore('sightings').createIndex('time', 'time');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** Called when a connection goes away: closed by the browser (storage cleared) or by us for an update. */
export interface OpenHooks {
  closed?: () => void;
}

/** Open Tieline's database, upgrading it step by step to `version` (the latest by default). */
export function openDb(version = DB_VERSION, name = DB_NAME, hooks: OpenHooks = {}): Promise<Db> {
  return openDB<TielineDb>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v](db, tx);
    },
    blocking(_current, _blocked, event) {
      // A newer version of Tieline (an update) wants the database: let it go rather than block it.
      (event.target as IDBDatabase).close();
      hooks.closed?.();
    },
    // The browser closed the connection (site data cleared, disk error): no `close()` of ours.
    terminated: () => hooks.closed?.(),
  });
}

/**
 * One connection, opened on first use and again after it goes away: a closed handle kept forever
 * would fail every request until the browser restarts. A failed open is not kept either.
 */
export class DbConnection {
  private current: Promise<Db> | undefined;

  constructor(
    private readonly version = DB_VERSION,
    private readonly name = DB_NAME,
  ) {}

  /** The open connection; the same promise until that connection goes away. */
  get(): Promise<Db> {
    if (this.current) return this.current;
    const attempt: Promise<Db> = openDb(this.version, this.name, { closed: () => this.forget(attempt) });
    void attempt.catch(() => this.forget(attempt));
    this.current = attempt;
    return attempt;
  }

  /** Only the attempt that went away: a late event from an old connection leaves a newer one alone. */
  private forget(attempt: Promise<Db>): void {
    if (this.current === attempt) this.current = undefined;
  }
}

const shared = new DbConnection();
/** One connection per extension context. */
export function getDb(): Promise<Db> {
  return shared.get();
}

/**
 * Run the writes of one transaction; if any of them throws or fails, abort the whole transaction
 * so that none of them lands (a request that throws synchronously would otherwise let the others
 * commit).
 */
export async function allOrNothing(tx: { abort(): void; done: Promise<void> }, writes: (() => Promise<unknown>)[]): Promise<void> {
  const pending: Promise<unknown>[] = [];
  try {
    for (const write of writes) pending.push(write());
    await Promise.all([...pending, tx.done]);
  } catch (e) {
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    await Promise.allSettled([...pending, tx.done]);
    throw e;
  }
}
