import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { DbProblem } from '../core/db-problem';
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

/** Opening failed for a reason the user can act on; the message is for logs, pages show their own words. */
export class DbUnavailableError extends Error {
  constructor(
    readonly problem: DbProblem,
    options?: ErrorOptions,
  ) {
    super(
      problem === 'blocked'
        ? "Tieline's data is open in another window of an older version; close other Tieline windows and tabs"
        : "Tieline's data was written by a newer version of Tieline; this version cannot read it (nothing was deleted)",
      options,
    );
    this.name = 'DbUnavailableError';
  }
}

export interface OpenHooks {
  /** An older connection (another window of an older Tieline) holds the database: the upgrade waits. */
  blocked?: () => void;
  /** The connection went away: closed by the browser (storage cleared) or by us for an update. */
  closed?: () => void;
}

/**
 * Open Tieline's database, upgrading it step by step to `version` (the latest by default). A
 * database of a higher version (written by a newer Tieline) is left alone: DbUnavailableError('newer').
 */
export async function openDb(version = DB_VERSION, name = DB_NAME, hooks: OpenHooks = {}): Promise<Db> {
  try {
    return await openDB<TielineDb>(name, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v](db, tx);
      },
      blocked: () => hooks.blocked?.(),
      blocking(_current, _blocked, event) {
        // A newer version of Tieline (an update) wants the database: let it go rather than block it.
        (event.target as IDBDatabase).close();
        hooks.closed?.();
      },
      // The browser closed the connection (site data cleared, disk error): no `close()` of ours.
      terminated: () => hooks.closed?.(),
    });
  } catch (e) {
    if ((e as { name?: unknown } | null)?.name === 'VersionError') throw new DbUnavailableError('newer', { cause: e });
    throw e;
  }
}

interface Attempt {
  /** What callers get: the connection, or DbUnavailableError('blocked') while the upgrade waits. */
  result: Promise<Db>;
  blocked: boolean;
}

/**
 * One connection, opened on first use and again after it goes away: a closed handle kept forever
 * would fail every request until the browser restarts. A failed open is not kept either. While an
 * upgrade is blocked, requests fail at once with DbUnavailableError('blocked') and the open goes on
 * waiting: once the old window closes, the next request gets the connection.
 */
export class DbConnection {
  private current: Attempt | undefined;
  private readonly listeners = new Set<(problem: DbProblem | null) => void>();

  constructor(
    private readonly version = DB_VERSION,
    private readonly name = DB_NAME,
  ) {}

  /** The open connection; the same promise until that connection goes away. */
  get(): Promise<Db> {
    this.current ??= this.open();
    return this.current.result;
  }

  /** Hear of each problem opening (blocked, newer) and of its end (`null`, once a connection opens). */
  onProblem(listener: (problem: DbProblem | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private open(): Attempt {
    let failBlocked: (e: Error) => void = () => undefined;
    const blocked = new Promise<never>((_resolve, reject) => (failBlocked = reject));
    blocked.catch(() => undefined);
    const opening = openDb(this.version, this.name, {
      blocked: () => {
        attempt.blocked = true;
        this.report('blocked');
        failBlocked(new DbUnavailableError('blocked'));
      },
      closed: () => this.forget(attempt),
    });
    const attempt: Attempt = { result: Promise.race([opening, blocked]), blocked: false };
    opening.then(
      () => {
        // Opened after all (the old window closed): from now on callers get the connection itself.
        // Otherwise the promise stays the same one, which ready() keys its seeding on.
        if (attempt.blocked && this.current === attempt) attempt.result = opening;
        this.report(null);
      },
      (e: unknown) => {
        this.forget(attempt);
        this.report(e instanceof DbUnavailableError ? e.problem : null);
      },
    );
    return attempt;
  }

  /** Only the attempt that went away: a late event from an old connection leaves a newer one alone. */
  private forget(attempt: Attempt): void {
    if (this.current === attempt) this.current = undefined;
  }

  private report(problem: DbProblem | null): void {
    for (const listener of this.listeners) listener(problem);
  }
}

const shared = new DbConnection();
/** One connection per extension context. */
export function getDb(): Promise<Db> {
  return shared.get();
}

/** Problems opening the shared connection, for the background to show its pages. */
export function onDbProblem(listener: (problem: DbProblem | null) => void): () => void {
  return shared.onProblem(listener);
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
