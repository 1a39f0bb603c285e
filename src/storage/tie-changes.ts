import type { TieChange } from '../core/tie-changes';
import type { Db } from './open-db';

const KEY = 'tieChanges';
/** The log behind "since you last read": the newest changes are kept, the oldest go. */
const MAX_CHANGES = 3_000;

/** Append changes to the log, in one transaction. */
export async function logTieChanges(db: Db, changes: readonly TieChange[]): Promise<void> {
  if (changes.length === 0) return;
  const tx = db.transaction('settings', 'readwrite');
  const kept = ((await tx.store.get(KEY))?.value as TieChange[] | undefined) ?? [];
  await tx.store.put({ key: KEY, value: [...kept, ...changes].slice(-MAX_CHANGES) });
  await tx.done;
}

export async function allTieChanges(db: Db): Promise<TieChange[]> {
  return ((await db.get('settings', KEY))?.value as TieChange[] | undefined) ?? [];
}
