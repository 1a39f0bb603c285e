import { planDatasetMerge, type MergePlan } from '../core/dataset-merge';
import type { Dataset } from '../core/model';
import { fromStored } from './companies';
import { COMPILED_MATCHER_KEY } from './compiled-matcher';
import type { Db } from './open-db';
import { writeRecords } from './write-records';

export const DATASET_VERSION_KEY = 'datasetVersion';

/**
 * Bring the bundled dataset into the database in one transaction: all of it lands or none of it.
 * Returns null when the database already holds this version.
 */
export async function syncBundledDataset(db: Db, dataset: Dataset): Promise<MergePlan | null> {
  const tx = db.transaction(['companies', 'ties', 'notes', 'settings'], 'readwrite');
  const version = await tx.objectStore('settings').get(DATASET_VERSION_KEY);
  if (version?.value === dataset.version) {
    await tx.done;
    return null;
  }
  const [companies, ties, noteKeys] = await Promise.all([
    tx.objectStore('companies').getAll(),
    tx.objectStore('ties').getAll(),
    tx.objectStore('notes').getAllKeys(),
  ]);
  const plan = planDatasetMerge({ companies: companies.map(fromStored), ties }, dataset, new Set(noteKeys));
  await writeRecords(tx, {
    ...plan,
    more: [
      () => tx.objectStore('settings').put({ key: DATASET_VERSION_KEY, value: dataset.version }),
      // A matcher compiled from the companies as they were is stale now.
      () => tx.objectStore('settings').delete(COMPILED_MATCHER_KEY),
    ],
  });
  return plan;
}
