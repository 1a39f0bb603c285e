import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowsers, ROOT, SHOTS, tabIdOf } from './harness/setup';
import type { TestPage } from './harness/types';
import { painted } from './harness/painted';

const info = (options: TestPage) => options.evaluate(() => document.querySelector('[data-testid="data-info"]')?.textContent ?? '');

/** Everything in the database, as the export writes it (without its date): read from IndexedDB, not the page. */
const everything = (options: TestPage) =>
  options.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const res = (await api.runtime.sendMessage({ channel: 'tieline/2', type: 'exportData' })).value;
    const parsed = JSON.parse(res.json);
    delete parsed.exportedAt;
    return JSON.stringify(parsed);
  });

/** Import one of the fixture files through the settings page, as a user does; resolves to its message. */
async function importFile(options: TestPage, name: string): Promise<string> {
  const answers = () => Number(document.querySelector('[data-testid="data-message"]')?.getAttribute('data-answers') ?? 0);
  const before = await options.evaluate(answers);
  await options.upload('[data-testid="import-file"]', join(ROOT, 'test/fixtures', name));
  await options.waitUntil((n: number) => Number(document.querySelector('[data-testid="data-message"]')?.getAttribute('data-answers') ?? 0) > n, before);
  return options.evaluate(() => document.querySelector('[data-testid="data-message"]')!.textContent ?? '');
}

describeInBrowsers('your data, in real IndexedDB', (ctx) => {
  it('seeds the bundled dataset on install', async () => {
    const { browser } = ctx();
    const options = await browser.openExtensionPage('options.html');
    await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
    const text = await info(options);
    const companies = Number(/(\d+) companies/.exec(text)![1]);
    expect(companies).toBeGreaterThanOrEqual(2000);
    const seed = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return (await api.runtime.sendMessage({ channel: 'tieline/2', type: 'getDataInfo' })).value;
    });
    console.log(`[${browser.name}] seeding ${companies} companies took ${seed.lastSeedMs} ms`);
    expect(seed.lastSeedMs).toBeGreaterThan(0);
    await options.screenshot(join(SHOTS, `${browser.name}-options.png`));
    await options.close();
  });

  it('rejects a bad CSV with the row and field, changing nothing; a good one adds a company that then gets highlighted', async () => {
    const { browser, article } = ctx();
    const options = await browser.openExtensionPage('options.html');
    await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
    const before = await everything(options);
    const message = await importFile(options, 'bad-companies.csv');
    expect(message).toContain('Nothing was changed');
    expect(message).toContain('row 3 (tickers)');
    // The database itself, after the import has answered: not one record changed.
    expect(await everything(options)).toBe(before);

    expect(await importFile(options, 'good-companies.csv')).toMatch(/^Imported 1 companies/);
    expect(await everything(options)).not.toBe(before);
    await options.close();

    const page = await browser.newPage();
    await page.goto(article('user-company-article.html'));
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'zentrova-analytics');
    const marks = (await painted(page)).map(([, t]) => t);
    expect(marks).toEqual(['Zentrova Analytics', 'Zentrova Analytics', 'Zentrova', 'Google Cloud']);
    await page.close();
  });

  it('refuses a file over the import limit by its size, before reading it', async () => {
    const { browser } = ctx();
    const options = await browser.openExtensionPage('options.html');
    await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
    const before = await everything(options);
    const result = await options.evaluate(async () => {
      // Any read of the file's content would show here: the size alone must decide.
      let reads = 0;
      for (const m of ['text', 'arrayBuffer', 'stream', 'bytes'] as const) {
        const proto = Blob.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
        const original = proto[m];
        if (original) proto[m] = function (this: Blob, ...a: unknown[]) { reads++; return original.apply(this, a); };
      }
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(51_000_000)], 'huge.json', { type: 'application/json' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      const t0 = Date.now();
      while (!document.querySelector('[data-testid="data-message"]') && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 50));
      return { reads, message: document.querySelector('[data-testid="data-message"]')?.textContent ?? '' };
    });
    expect(result.message).toContain('huge.json was not imported: it is 51.0 MB, over the limit of 50 MB');
    expect(result.reads).toBe(0);
    expect(await everything(options)).toBe(before);
    await options.close();
  });

  it('exports everything as one versioned file', async () => {
    const { browser } = ctx();
    const options = await browser.openExtensionPage('options.html');
    // This test's own user company (an earlier test may or may not have imported it).
    expect(await importFile(options, 'good-companies.csv')).toMatch(/^Imported 1 companies/);
    const file = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const res = (await api.runtime.sendMessage({ channel: 'tieline/2', type: 'exportData' })).value;
      const parsed = JSON.parse(res.json);
      return { name: res.fileName, format: parsed.format, version: parsed.version, companies: parsed.companies.length, user: parsed.companies.filter((c: { origin: string }) => c.origin === 'user').map((c: { id: string }) => c.id) };
    });
    expect(file.name).toMatch(/^tieline-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(file).toMatchObject({ format: 'tieline', version: 1, user: ['zentrova-analytics'] });
    expect(file.companies).toBeGreaterThanOrEqual(2001);
    await options.close();
  });

  it('keeps a note written in the popup across a browser restart', async () => {
    const { article } = ctx();
    let { browser } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'coreweave');
    const tabId = await tabIdOf(browser, article());
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('button[data-company="coreweave"]');
    await popup.click('button[data-company="coreweave"]');
    await popup.waitFor('textarea');
    await popup.type('textarea', 'Check CoreWeave’s debt before Friday.');
    await popup.waitUntil(() => document.querySelector('[role="status"]')?.textContent === 'Saved');
    await popup.screenshot(join(SHOTS, `${browser.name}-popup-note.png`));
    await ctx().relaunch();
    browser = ctx().browser;
    const again = await browser.newPage();
    await again.goto(article());
    await again.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'coreweave');
    const tab2 = await tabIdOf(browser, article());
    const popup2 = await browser.openExtensionPage(`popup.html?tab=${tab2}`);
    await popup2.waitFor('button[data-company="coreweave"]');
    await popup2.click('button[data-company="coreweave"]');
    await popup2.waitUntil(() => document.querySelector('textarea')?.value === 'Check CoreWeave’s debt before Friday.');
    await popup2.close();
    await again.close();
  });
});
