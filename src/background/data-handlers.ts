import type { BackgroundRequests, DataInfo, ImportResult } from '../messaging/protocol';
import { clearData, exportAll, hasUserCompanies } from '../storage/backup';
import { importFile } from '../storage/import-file';
import type { Db } from '../storage/open-db';
import { DATASET_VERSION_KEY } from '../storage/sync-bundled-dataset';
import { getMeta } from '../storage/meta';
import { currentCompiledMatcher, invalidateMatcher } from './matcher-cache';
import { LAST_SEED_KEY, ready } from './ready';

type Handler<K extends keyof BackgroundRequests> = (req: BackgroundRequests[K]['req']) => Promise<BackgroundRequests[K]['res']>;

const MAX_PROBLEMS = 8;

/** The user's companies changed: compile the matcher now, once per change, rather than on the next page. */
export async function refreshMatcher(db: Db): Promise<void> {
  await invalidateMatcher(db);
  await currentCompiledMatcher(db);
}

export const exportData: Handler<'exportData'> = async () => {
  const file = await exportAll(await ready());
  const day = file.exportedAt.slice(0, 10);
  return { fileName: `tieline-backup-${day}.json`, json: JSON.stringify(file, null, 1) };
};

export const importData: Handler<'importData'> = async ({ fileName, text }): Promise<ImportResult> => {
  const db = await ready();
  const res = await importFile(db, fileName, text);
  if (!res.ok) return { ok: false, total: res.problems.length, problems: res.problems.slice(0, MAX_PROBLEMS) };
  if (res.companies > 0) await refreshMatcher(db);
  return res;
};

export const resetData: Handler<'resetData'> = async ({ keepNotes, clearHistory }) => {
  const db = await ready();
  // Both default to the settings page's defaults: keep the notes, forget the reading history.
  await clearData(db, { keepNotes: keepNotes !== false, clearHistory: clearHistory !== false });
  await ready({ reseed: true });
  await refreshMatcher(db);
  return null;
};

export const getDataInfo: Handler<'getDataInfo'> = async (): Promise<DataInfo> => {
  const db = await ready();
  const [companies, ties, notes, version, lastSeed, userCompanies] = await Promise.all([
    db.count('companies'),
    db.count('ties'),
    db.count('notes'),
    getMeta<string>(db, DATASET_VERSION_KEY),
    getMeta<{ ms: number }>(db, LAST_SEED_KEY),
    hasUserCompanies(db),
  ]);
  return { datasetVersion: version ?? '', companies, ties, notes, userCompanies, lastSeedMs: lastSeed?.ms ?? null };
};
