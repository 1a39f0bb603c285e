import type { Db } from './open-db';

const DAY = 24 * 60 * 60 * 1000;

/** Remember that these companies were seen on a page; one sighting per company and page. */
export async function recordSightings(db: Db, companies: readonly string[], url: string, title: string, time = Date.now()) {
  const tx = db.transaction('sightings', 'readwrite');
  const already = new Set((await tx.store.index('url').getAll(url)).map((s) => s.company));
  for (const company of new Set(companies)) {
    if (!already.has(company)) await tx.store.add({ company, url, title, time });
  }
  await tx.done;
}

/** In how many different articles the company was seen in the last `days` days. */
export async function countRecentArticles(db: Db, company: string, days = 7, now = Date.now()): Promise<number> {
  const all = await db.getAllFromIndex('sightings', 'company', company);
  return new Set(all.filter((s) => s.time >= now - days * DAY).map((s) => s.url)).size;
}
