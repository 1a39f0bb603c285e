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


/** Every tie, dismissed ones included (the relation finder's view of which companies sell computing). */
export async function allTies(db: Db): Promise<Tie[]> {
  return db.getAll('ties');
}

/** The ties of one pair and kind, dismissed ones included (a dismissed tie is not suggested again). */
export async function tiesOfPair(db: Db, kind: Tie['kind'], company: string, counterparty: string): Promise<Tie[]> {
  return (await db.transaction('ties').store.index('company').getAll(company)).filter((t) => t.kind === kind && t.counterparty === counterparty);
}
