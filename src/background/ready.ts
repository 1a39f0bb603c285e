import type { Dataset } from '../core/model';
import { browser } from '../platform/browser';
import { getDb, type Db } from '../storage/open-db';
import { syncBundledDataset, DATASET_VERSION_KEY } from '../storage/sync-bundled-dataset';
import { getMeta, setMeta } from '../storage/meta';
import { invalidateMatcher } from './matcher-cache';
import { tidySightings } from '../storage/sightings';

export const LAST_SEED_KEY = 'lastSeed';

async function loadBundledDataset(): Promise<Dataset> {
  const res = await fetch(browser.runtime.getURL('data/dataset.json'));
  return (await res.json()) as Dataset;
}

/** Bring the bundled dataset in if this version is not there yet (first install, update, reset). */
async function updateFromBundle(db: Db): Promise<void> {
  if ((await getMeta<string>(db, DATASET_VERSION_KEY)) === __DATASET_VERSION__) return;
  const t0 = performance.now();
  const plan = await syncBundledDataset(db, await loadBundledDataset());
  if (!plan) return;
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
