import type { Dataset } from '../core/model';
import { browser } from '../platform/browser';
import { getDb, type Db } from '../storage/open-db';
import { syncBundledDataset, DATASET_VERSION_KEY } from '../storage/sync-bundled-dataset';
import { getMeta, setMeta } from '../storage/meta';
import { invalidateMatcher } from './matcher-cache';
import { tidySightings } from '../storage/sightings';
import { tieChange, type TieChange } from '../core/tie-changes';
import { logTieChanges } from '../storage/tie-changes';
import { allTies } from '../storage/ties';

export const LAST_SEED_KEY = 'lastSeed';

async function loadBundledDataset(): Promise<Dataset> {
  const res = await fetch(browser.runtime.getURL('data/dataset.json'));
  return (await res.json()) as Dataset;
}

/** Bring the bundled dataset in if this version is not there yet (first install, update, reset). */
async function updateFromBundle(db: Db): Promise<void> {
  const previous = await getMeta<string>(db, DATASET_VERSION_KEY);
  if (previous === __DATASET_VERSION__) return;
  const t0 = performance.now();
  // An update (not the first install) tells readers what changed: "since you last read".
  const before = previous ? new Map((await allTies(db)).map((t) => [t.id, t])) : null;
  const plan = await syncBundledDataset(db, await loadBundledDataset());
  if (!plan) return;
  if (before) {
    const now = Date.now();
    const changes = plan.putTies.map((t) => tieChange(before.get(t.id), t, now, 'update')).filter((c): c is TieChange => c !== null);
    await logTieChanges(db, changes);
  }
  // A matcher compiled in this context from the companies as they were (before the data was cleared
  // under us, say) is stale now.
  await invalidateMatcher(db);
  const ms = Math.round(performance.now() - t0);
  await setMeta(db, LAST_SEED_KEY, { version: __DATASET_VERSION__, ms, at: Date.now(), companies: plan.putCompanies.length, ties: plan.putTies.length });
  console.info(`Tieline: dataset ${__DATASET_VERSION__} merged in ${ms} ms (${plan.putCompanies.length} companies, ${plan.putTies.length} ties written)`);
}

let started: { connection: Promise<Db>; ready: Promise<Db> } | undefined;
/**
 * Every handler waits on this; the first caller opens the database and seeds it. A new connection
 * (the old one was closed under us, maybe with the data cleared) is seeded again.
 */
export function ready(opts: { reseed?: boolean } = {}): Promise<Db> {
  if (opts.reseed) started = undefined;
  const connection = getDb();
  if (started?.connection === connection) return started.ready;
  const run: NonNullable<typeof started> = {
    connection,
    ready: connection
      .then(async (db) => {
        await updateFromBundle(db);
        // Once per background start: history past 30 days goes even if no page is read today. Not
        // awaited: the request that woke the background need not wait for it, and a failure here
        // must not stop Tieline.
        void tidySightings(db).catch((e: unknown) => console.warn('Tieline: could not tidy the reading history', e));
        return db;
      })
      .catch((e: unknown) => {
        if (started === run) started = undefined;
        throw e;
      }),
  };
  started = run;
  return run.ready;
}
