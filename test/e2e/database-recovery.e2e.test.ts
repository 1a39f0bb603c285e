import { expect, it } from 'vitest';
import { describeInBrowsers } from './harness/setup';
import type { TestPage } from './harness/types';

/**
 * The background's IndexedDB connection taken away under it, in real browsers. An extension page
 * shares the background's origin and so its database: from the settings page the test deletes it,
 * holds it at an older version, or upgrades it past ours, as another window or the browser would.
 */

type Answer = { ok: true; res: { companies: number; notes: number } } | { ok: false; error: string };

/** Ask the background for its data counts, as the settings page does; a refusal comes back as text. */
const dataInfo = (page: TestPage) =>
  page.evaluate(async (): Promise<Answer> => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    try {
      // Every answer is { ok, value } or { ok: false, error: { code, message } }.
      const reply = await api.runtime.sendMessage({ channel: 'tieline/2', type: 'getDataInfo' });
      return reply.ok ? { ok: true, res: reply.value } : { ok: false, error: String(reply.error?.message) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });

/** Delete Tieline's database from the page; resolves to whether anything blocked the deletion. */
const deleteDatabase = (page: TestPage) =>
  page.evaluate(
    () =>
      new Promise<boolean>((resolve, reject) => {
        let blocked = false;
        const request = indexedDB.deleteDatabase('tieline');
        request.onblocked = () => (blocked = true);
        request.onsuccess = () => resolve(blocked);
        request.onerror = () => reject(new Error(request.error?.message ?? 'the IndexedDB request failed'));
      }),
  );

const notice = (page: TestPage) => page.evaluate(() => document.querySelector('[data-testid="db-problem"]')?.getAttribute('data-problem') ?? null);

async function settingsPage(ctx: () => { browser: { openExtensionPage(path: string): Promise<TestPage> } }): Promise<TestPage> {
  const options = await ctx().browser.openExtensionPage('options.html');
  await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
  return options;
}

describeInBrowsers('the database taken away under the background', (ctx) => {
  let seeded = 0;

  it('answers again after its database is deleted under it, with the bundled dataset back', async () => {
    const options = await settingsPage(ctx);
    const before = await dataInfo(options);
    if (!before.ok) throw new Error(before.error);
    seeded = before.res.companies;
    expect(seeded).toBeGreaterThan(2000);
    // The background's connection closes itself for the deletion instead of blocking it…
    expect(await deleteDatabase(options)).toBe(false);
    // …and the next request opens a new one and seeds it.
    const after = await dataInfo(options);
    expect(after).toEqual({ ok: true, res: expect.objectContaining({ companies: seeded, notes: 0 }) });
    await options.close();
  });

  it('says to close the older window while one holds the data, and carries on once it lets go', async () => {
    const options = await settingsPage(ctx);
    expect(await deleteDatabase(options)).toBe(false);
    // A window of an older Tieline (schema version 3) with the data open, not closing for the upgrade.
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('tieline', 3);
          request.onupgradeneeded = () => {
            const db = request.result;
            const companies = db.createObjectStore('companies', { keyPath: 'id' });
            companies.createIndex('nameKeys', 'nameKeys', { multiEntry: true });
            const ties = db.createObjectStore('ties', { keyPath: 'id' });
            ties.createIndex('company', 'company');
            ties.createIndex('counterparty', 'counterparty');
            db.createObjectStore('notes', { keyPath: 'company' }).put({ company: 'openai', text: 'written by version 3', createdAt: 1, updatedAt: 2 });
            db.createObjectStore('settings', { keyPath: 'key' });
            const sightings = db.createObjectStore('sightings', { keyPath: 'id', autoIncrement: true });
            sightings.createIndex('company', 'company');
            sightings.createIndex('url', 'url');
          };
          request.onsuccess = () => {
            (globalThis as unknown as { held: IDBDatabase }).held = request.result;
            resolve();
          };
          request.onerror = () => reject(new Error(request.error?.message ?? 'the IndexedDB request failed'));
        }),
    );
    const blocked = await dataInfo(options);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error).toMatch(/older version/);
    await options.waitUntil(() => document.querySelector('[data-testid="db-problem"]')?.getAttribute('data-problem') === 'blocked');
    expect(await options.evaluate(() => document.querySelector('[data-testid="db-problem"]')?.textContent)).toMatch(/Close the other Tieline windows and tabs/);

    await options.evaluate(() => (globalThis as unknown as { held: IDBDatabase }).held.close());
    await options.waitUntil(() => !document.querySelector('[data-testid="db-problem"]'));
    const after = await dataInfo(options);
    expect(after).toEqual({ ok: true, res: expect.objectContaining({ companies: seeded, notes: 1 }) });
    await options.close();
  });

  // Last: it leaves the database at a version this build cannot open, until the test deletes it.
  it('says the data was written by a newer version, keeps it as it is, and recovers when it is gone', async () => {
    const options = await settingsPage(ctx);
    // A newer Tieline (version 99) takes the database over; the background lets it go.
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('tieline', 99);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(new Error(request.error?.message ?? 'the IndexedDB request failed'));
        }),
    );
    const refused = await dataInfo(options);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/newer version/);
    await options.waitUntil(() => document.querySelector('[data-testid="db-problem"]')?.getAttribute('data-problem') === 'newer');
    // The data is still there, untouched, at the newer version.
    const kept = await options.evaluate(
      () =>
        new Promise<{ version: number; companies: number; notes: number }>((resolve, reject) => {
          const request = indexedDB.open('tieline');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['companies', 'notes']);
            const companies = tx.objectStore('companies').count();
            const notes = tx.objectStore('notes').count();
            tx.oncomplete = () => {
              db.close();
              resolve({ version: db.version, companies: companies.result, notes: notes.result });
            };
          };
          request.onerror = () => reject(new Error(request.error?.message ?? 'the IndexedDB request failed'));
        }),
    );
    expect(kept).toEqual({ version: 99, companies: seeded, notes: 1 });
    // A page opened later reads the same word from the background.
    await options.close();
    const again = await ctx().browser.openExtensionPage('options.html');
    await again.waitUntil(() => document.querySelector('[data-testid="db-problem"]')?.getAttribute('data-problem') === 'newer');
    expect(await again.evaluate(() => document.querySelector('[data-testid="db-problem"]')?.textContent)).toMatch(/newer version of Tieline/);

    // Once that data is gone, the background opens its own again and the notice goes.
    expect(await deleteDatabase(again)).toBe(false);
    expect(await dataInfo(again)).toEqual({ ok: true, res: expect.objectContaining({ companies: seeded }) });
    await again.waitUntil(() => !document.querySelector('[data-testid="db-problem"]'));
    expect(await notice(again)).toBeNull();
    await again.close();
  });
});
