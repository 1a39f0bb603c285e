import type { IDBPTransaction, StoreNames } from 'idb';
import type { Company, Note, Tie } from '../core/model';
import { toStored } from './companies';
import { allOrNothing } from './open-db';
import type { TielineDb } from './schema';

type RecordsTx = IDBPTransaction<TielineDb, ArrayLike<StoreNames<TielineDb>>, 'readwrite'>;

/** What one transaction writes: records to put, ids to delete, and any further writes of its own. */
export interface RecordWrites {
  putCompanies?: readonly Company[];
  deleteCompanies?: readonly string[];
  putTies?: readonly Tie[];
  deleteTies?: readonly string[];
  putNotes?: readonly Note[];
  more?: (() => Promise<unknown>)[];
}

/** Every write lands, or (on any failure) none does: import and dataset updates both write this way. */
export async function writeRecords(tx: RecordsTx, w: RecordWrites): Promise<void> {
  const cs = tx.objectStore('companies');
  const ts = tx.objectStore('ties');
  await allOrNothing(tx, [
    ...(w.putCompanies ?? []).map((c) => () => cs.put(toStored(c))),
    ...(w.deleteCompanies ?? []).map((id) => () => cs.delete(id)),
    ...(w.putTies ?? []).map((t) => () => ts.put(t)),
    ...(w.deleteTies ?? []).map((id) => () => ts.delete(id)),
    ...(w.putNotes ?? []).map((n) => () => tx.objectStore('notes').put(n)),
    ...(w.more ?? []),
  ]);
}
