import type { Dataset } from '../core/model';
import { browser } from '../platform/browser';
import { getDb, type Db } from '../storage/open-db';
import { syncBundledDataset, DATASET_VERSION_KEY } from '../storage/seed';
import { getSetting } from '../storage/settings';

async function loadBundledDataset(): Promise<Dataset> {
  const res = await fetch(browser.runtime.getURL('data/dataset.json'));
  return (await res.json()) as Dataset;
}

/** Open the database and bring the bundled dataset in if this version is not there yet. */
async function start(): Promise<Db> {
  const db = await getDb();
  if ((await getSetting<string>(db, DATASET_VERSION_KEY)) !== __DATASET_VERSION__) {
    const t0 = performance.now();
    const plan = await syncBundledDataset(db, await loadBundledDataset());
    if (plan) {
      console.info(
        `Tieline: dataset ${__DATASET_VERSION__} merged in ${Math.round(performance.now() - t0)} ms ` +
          `(${plan.putCompanies.length} companies, ${plan.putTies.length} ties written)`,
      );
    }
  }
  return db;
}

let started: Promise<Db> | undefined;
/** Every handler waits on this; the first caller starts it. */
export function ready(): Promise<Db> {
  started ??= start().catch((e: unknown) => {
    started = undefined;
    throw e;
  });
  return started;
}
