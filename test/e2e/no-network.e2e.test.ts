import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cardDocument, describeInBrowsers, openAnnotatedArticle, ROOT } from './harness/setup';
import { mentionPoint } from './harness/painted';
import type { TestPage } from './harness/types';

// Playwright reports a Chromium service worker's requests (Tieline's background) only with this
// set; it is read when the browser is launched, in this file's beforeAll.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// Firefox over WebDriver BiDi reports only web pages' requests: not those of extension pages or of
// the background. So Firefox also logs every HTTP channel it opens, in any process (`nsHttp` at
// level 3 writes each one's `uri=`; `sync` writes it at once). moz-extension:// loads are not HTTP
// and do not appear there; they are the extension's own files.
const FIREFOX_LOG_DIR = mkdtempSync(join(tmpdir(), 'tieline-http-log-'));
const firefoxHttpUris = () =>
  readdirSync(FIREFOX_LOG_DIR).flatMap((f) => [...readFileSync(join(FIREFOX_LOG_DIR, f), 'utf8').matchAll(/\buri=(\S+)/g)].map((m) => m[1]));

/** Click the button of the settings page whose text is exactly `text`. */
const clickButton = (page: TestPage, text: string) =>
  page.evaluate((t: string) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t);
    if (!button) throw new Error(`no button "${t}"`);
    button.click();
  }, text);

/** The reading history as stored, read from the extension's own IndexedDB by one of its pages. */
const storedSightings = (page: TestPage) =>
  page.evaluate(
    () =>
      new Promise<{ url: string; company: string }[]>((resolve, reject) => {
        const open = indexedDB.open('tieline');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('sightings').objectStore('sightings').getAll();
          get.onsuccess = () => {
            db.close();
            resolve(get.result as { url: string; company: string }[]);
          };
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
  );

describeInBrowsers('no network: only the page and the extension itself', (ctx) => {
  it('requests nothing but the page and its own files while annotating, in the popup, the card and the settings, and keeps no query string', async () => {
    const { browser, article, port } = ctx();
    const requests: string[] = [];
    browser.watchRequests((url) => requests.push(url));

    // The article, with a query and a fragment that the reading history must not keep.
    const url = `${article()}?utm_source=newsletter&session=SECRET123#comments`;
    const { page, tabId } = await openAnnotatedArticle(browser, url);

    // The card, from a real click on a mention.
    const at = (await mentionPoint(page, 'openai'))!;
    await page.clickAt(at.x, at.y);
    const card = await cardDocument(browser, page, 'openai');
    await card.waitFor('h1, h2');

    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('[data-testid="company-list"] button[data-company="openai"]');

    const options = await browser.openExtensionPage('options.html');
    await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
    // Sightings are sent 1.5 s after the page settles.
    await options.waitUntil(
      () => new Promise((resolve) => {
        const open = indexedDB.open('tieline');
        open.onsuccess = () => {
          const c = open.result.transaction('sightings').objectStore('sightings').count();
          c.onsuccess = () => { open.result.close(); resolve(c.result > 0); };
        };
        open.onerror = () => resolve(false);
      }),
      undefined,
      20_000,
    );
    const sightings = await storedSightings(options);
    expect(sightings.length).toBeGreaterThan(0);
    for (const s of sightings) expect(s.url).toBe(`http://techcrunch.com:${port}/demo-article.html`);

    // Export, import, and reset (whose re-seeding fetches the bundled dataset in the background).
    await clickButton(options, 'Export everything…');
    await options.waitUntil(() => /tieline-backup/.test(document.querySelector('[data-testid="data-message"]')?.textContent ?? ''));
    await options.upload('[data-testid="import-file"]', join(ROOT, 'test/fixtures/good-companies.csv'));
    await options.waitUntil(() => /^Imported/.test(document.querySelector('[data-testid="data-message"]')?.textContent ?? ''));
    await clickButton(options, 'Reset to the bundled dataset…');
    // Clearing the reading history is offered, ticked by default.
    expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="clear-history"]')?.checked)).toBe(true);
    await clickButton(options, 'Reset');
    await options.waitUntil(() => /^Reset to the bundled dataset\./.test(document.querySelector('[data-testid="data-message"]')?.textContent ?? ''), undefined, 30_000);
    expect(await storedSightings(options)).toEqual([]);
    await new Promise((r) => setTimeout(r, 500));

    const page_ = `http://techcrunch.com:${port}/`;
    const own = browser.extensionOrigin + '/';
    // The card is the one web-accessible page: Chrome serves it under a per-session dynamic id.
    const dynamicCard = /^chrome-extension:\/\/[0-9a-f-]+\/card\.html(?:[?#].*)?$/;
    const allowed = (u: string) => u.startsWith(page_) || u.startsWith(own) || u.startsWith(`blob:${browser.extensionOrigin}/`) || dynamicCard.test(u);
    if (browser.name === 'firefox') {
      const logged = firefoxHttpUris();
      console.log(`[firefox] HTTP channels in the browser's log: ${logged.length}`);
      // The log works: it has the article itself.
      expect(logged.some((u) => u.startsWith(`${page_}demo-article.html`))).toBe(true);
      requests.push(...logged);
    }
    const unique = [...new Set(requests)];
    console.log(`[${browser.name}] ${requests.length} requests seen (${unique.length} distinct): ${unique.map((u) => u.replace(browser.extensionOrigin, 'EXT')).slice(0, 40).join(' ')}`);
    // The recorder works: it saw the page and the extension's own pages.
    expect(unique.some((u) => u.startsWith(`${page_}demo-article.html`))).toBe(true);
    if (browser.name === 'chromium') {
      expect(unique.some((u) => u.startsWith(`${own}options.html`))).toBe(true);
      // The background (service worker) is observed too: reset re-reads the bundled dataset.
      expect(unique.some((u) => u.startsWith(`${own}data/dataset.json`))).toBe(true);
    }
    expect(unique.filter((u) => !allowed(u))).toEqual([]);
    for (const p of [card, popup, options, page]) await p.close().catch(() => undefined);
  });
}, { firefoxEnv: { MOZ_LOG: 'nsHttp:3,sync', MOZ_LOG_FILE: join(FIREFOX_LOG_DIR, 'http.log') } });
