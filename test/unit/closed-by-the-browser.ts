import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import type { Db } from '../../src/storage/open-db';

/**
 * What Chrome and Firefox do when the user clears site data or the disk fails: close the connection
 * (no `close()` of ours), then fire `close` at it. Resolves once the event has been delivered.
 */
export async function closedByTheBrowser(db: Db): Promise<void> {
  const raw = unwrap(db);
  const closed = new Promise((resolve) => raw.addEventListener('close', resolve, { once: true }));
  // fake-indexeddb 6.2.8 types the parameter as the class, not an instance.
  forceCloseDatabase(raw as unknown as Parameters<typeof forceCloseDatabase>[0]);
  await closed;
}
