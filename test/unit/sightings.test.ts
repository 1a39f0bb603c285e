import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { pageAddress } from '../../src/core/url';
import { clearData } from '../../src/storage/backup';
import { DB_VERSION, openDb } from '../../src/storage/open-db';
import { countRecentArticles, recordSightings, tidySightings } from '../../src/storage/sightings';

let n = 0;
const freshDb = () => openDb(DB_VERSION, `tieline-sightings-${++n}`);
const DAY = 86_400_000;

describe('reading history keeps origin and path only', () => {
  it('cuts the query string and the fragment, and refuses what is not http(s)', () => {
    expect(pageAddress('https://News.example:8443/a/b?token=secret&q=x#section-2')).toBe('https://news.example:8443/a/b');
    expect(pageAddress('http://user:pw@a.example/p?x')).toBe('http://a.example/p');
    expect(pageAddress('file:///home/me/notes.html')).toBe('');
    expect(pageAddress('not a url')).toBe('');
  });

  it('stores a sighting without the query, the fragment or the title', async () => {
    const db = await freshDb();
    await recordSightings(db, ['openai'], 'https://a.example/story?session=abc123&utm_source=x#comments', 1_000_000);
    const all = await db.getAll('sightings');
    expect(all).toEqual([{ id: 1, company: 'openai', url: 'https://a.example/story', time: 1_000_000 }]);
    expect(JSON.stringify(all)).not.toMatch(/session|abc123|utm|comments/);
    // The same article under another query is the same article.
    await recordSightings(db, ['openai'], 'https://a.example/story?page=2', 1_000_000);
    expect(await db.count('sightings')).toBe(1);
  });
});

describe('reading history is kept 30 days', () => {
  it('prunes sightings older than 30 days when it writes one', async () => {
    const db = await freshDb();
    const now = 100 * DAY;
    await recordSightings(db, ['old'], 'https://a.example/old', now - 31 * DAY);
    await recordSightings(db, ['edge'], 'https://a.example/edge', now - 30 * DAY);
    await recordSightings(db, ['recent'], 'https://a.example/recent', now - 29 * DAY);
    expect(await db.count('sightings')).toBe(3);
    await recordSightings(db, ['new'], 'https://a.example/new', now);
    expect((await db.getAll('sightings')).map((s) => s.company).sort()).toEqual(['edge', 'new', 'recent']);
  });

  it('at background start, prunes old sightings and cuts addresses an older Tieline kept whole', async () => {
    const db = await freshDb();
    const now = 100 * DAY;
    // As Tieline before this change stored them: the full address and the page's title.
    await db.add('sightings', { company: 'a', url: 'https://a.example/1?token=x#y', title: 'Secret title', time: now - DAY } as never);
    await db.add('sightings', { company: 'b', url: 'https://a.example/2', time: now - 40 * DAY });
    await db.add('sightings', { company: 'c', url: 'https://a.example/3', time: now - 2 * DAY });
    await tidySightings(db, now);
    const all = await db.getAll('sightings');
    expect(all.map(({ company, url }) => ({ company, url }))).toEqual([
      { company: 'a', url: 'https://a.example/1' },
      { company: 'c', url: 'https://a.example/3' },
    ]);
    expect(JSON.stringify(all)).not.toMatch(/title|token/);
    expect(await countRecentArticles(db, 'a', 7, now)).toBe(1);
  });
});

describe('reset and the reading history', () => {
  it('clears sightings only when asked', async () => {
    const db = await freshDb();
    await recordSightings(db, ['openai'], 'https://a.example/1');
    await clearData(db, { keepNotes: true, clearHistory: false });
    expect(await db.count('sightings')).toBe(1);
    await clearData(db, { keepNotes: true, clearHistory: true });
    expect(await db.count('sightings')).toBe(0);
  });
});
