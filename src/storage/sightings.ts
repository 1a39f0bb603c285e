import { pageAddress } from '../core/url';
import { getMeta, setMeta } from './meta';
import type { Db } from './open-db';

const DAY = 24 * 60 * 60 * 1000;
/** Reading history is kept for "seen in N articles this week"; a month is more than that needs. */
export const SIGHTING_DAYS = 30;

/**
 * Remember that these companies were seen on a page; one sighting per company and page. Only the
 * page's origin and path are kept (see `pageAddress`), and sightings older than 30 days go.
 */
export async function recordSightings(db: Db, companies: readonly string[], url: string, time = Date.now()) {
  const address = pageAddress(url);
  if (!address) return;
  const tx = db.transaction('sightings', 'readwrite');
  const already = new Set((await tx.store.index('url').getAll(address)).map((s) => s.company));
  for (const company of new Set(companies)) {
    if (!already.has(company)) await tx.store.add({ company, url: address, time });
  }
  await deleteOlder(tx.store.index('time'), time);
  await tx.done;
}

interface TimeIndex {
  openCursor(range: IDBKeyRange): Promise<{ delete(): Promise<void>; continue(): Promise<unknown> } | null>;
}

async function deleteOlder(index: TimeIndex, now: number): Promise<void> {
  let cursor = await index.openCursor(IDBKeyRange.upperBound(now - SIGHTING_DAYS * DAY, true));
  while (cursor) {
    await cursor.delete();
    cursor = (await cursor.continue()) as typeof cursor;
  }
}

const CUT_KEY = 'sightingsCut';

/**
 * At background start: drop sightings older than 30 days (through the time index, cheap), and once
 * cut down any kept by an older Tieline (which stored the full address and the page's title) to
 * origin and path.
 */
export async function tidySightings(db: Db, now = Date.now()): Promise<void> {
  const tx = db.transaction('sightings', 'readwrite');
  await deleteOlder(tx.store.index('time'), now);
  await tx.done;
  if (await getMeta<boolean>(db, CUT_KEY)) return;
  const cut = db.transaction('sightings', 'readwrite');
  let cursor = await cut.store.openCursor();
  while (cursor) {
    const s = cursor.value as typeof cursor.value & { title?: unknown };
    const address = pageAddress(s.url);
    if (!address) await cursor.delete();
    else if (address !== s.url || 'title' in s) await cursor.update({ id: s.id, company: s.company, url: address, time: s.time });
    cursor = await cursor.continue();
  }
  await cut.done;
  await setMeta(db, CUT_KEY, true);
}

/** Forget the reading history (the settings' reset offers it). */
export async function clearSightings(db: Db): Promise<void> {
  await db.clear('sightings');
}

/** In how many different articles the company was seen in the last `days` days. */
export async function countRecentArticles(db: Db, company: string, days = 7, now = Date.now()): Promise<number> {
  const all = await db.getAllFromIndex('sightings', 'company', company);
  return new Set(all.filter((s) => s.time >= now - days * DAY).map((s) => s.url)).size;
}

/** When the company was last seen on a page other than `exceptUrl` (origin and path), or null. */
export async function lastSeenElsewhere(db: Db, company: string, exceptUrl: string): Promise<number | null> {
  const except = pageAddress(exceptUrl);
  let last: number | null = null;
  for (const s of await db.getAllFromIndex('sightings', 'company', company)) if (s.url !== except && (last === null || s.time > last)) last = s.time;
  return last;
}
