import type { Tie } from '../core/model';
import type { Db } from './open-db';

/** Every tie in which the company takes part, on either side. */
export async function tiesOf(db: Db, companyId: string): Promise<Tie[]> {
  const tx = db.transaction('ties');
  const [own, other] = await Promise.all([
    tx.store.index('company').getAll(companyId),
    tx.store.index('counterparty').getAll(companyId),
  ]);
  await tx.done;
  return [...own, ...other].filter((t) => !t.dismissed);
}

/** Save a tie the user added or changed; a changed bundled tie is marked edited. */
export async function saveTie(db: Db, tie: Tie): Promise<void> {
  await db.put('ties', tie.origin === 'bundled' ? { ...tie, edited: true } : tie);
}

/** Hide a tie. Bundled ties are kept as dismissed so that an update does not bring them back. */
export async function dismissTie(db: Db, id: string): Promise<void> {
  const tx = db.transaction('ties', 'readwrite');
  const tie = await tx.store.get(id);
  if (tie?.origin === 'bundled') await tx.store.put({ ...tie, dismissed: true });
  else if (tie) await tx.store.delete(id);
  await tx.done;
}
