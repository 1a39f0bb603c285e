import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeInBrowsers, ROOT } from './harness/setup';
import { painted } from './harness/painted';
import { seededRandom } from '../harness/seeded-random.mjs';

/**
 * Tens of thousands of the user's own companies: the background compiles them into its matcher
 * (pages hold none) and matches every page's text with it. This file's browsers get such a
 * dataset; the other files keep the bundled one.
 */
describeInBrowsers('a large dictionary of the user’s', (ctx) => {
  it('is matched by the background: pages mark the user’s companies and the bundled ones', async () => {
    const { browser, article } = ctx();
    // Names of random letters, as unlike each other as real ones: a matcher over 4 MB compiled.
    const random = seededRandom(7);
    const word = (n: number) => Array.from({ length: n }, (_, k) => String.fromCharCode((k === 0 ? 65 : 97) + Math.floor(random() * 26))).join('');
    const rows = ['name,aliases'];
    for (let i = 0; i < 20000; i++) {
      const first = word(8);
      rows.push(`${first} ${word(7)} Holdings,${first}`);
    }
    rows.push('Benchline Holdings,');
    rows.push('Zentrova Analytics,Zentrova');
    const dir = join(ROOT, 'test-output');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `many-companies-${browser.name}.csv`);
    writeFileSync(file, rows.join('\n'));

    const options = await browser.openExtensionPage('options.html');
    await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
    await options.upload('[data-testid="import-file"]', file);
    await options.waitUntil(() => document.querySelector('[data-testid="data-message"]')?.textContent?.startsWith('Imported 20002 companies'));
    await options.close();

    const page = await browser.newPage();
    await page.goto(article('user-company-article.html'));
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'zentrova-analytics');
    const seen = {
      marks: (await painted(page)).map(([, t]) => t),
      load: await page.evaluate(() => performance.getEntriesByName('tieline:load').map((e) => (e as PerformanceMeasure).detail)),
    };
    expect(seen.marks).toEqual(['Zentrova Analytics', 'Zentrova Analytics', 'Zentrova', 'Google Cloud']);
    expect(seen.load).toEqual([{ source: 'background' }]);

    // A long page added at once (2.5 million characters) goes to the background in several requests,
    // and its end is marked too.
    await page.evaluate(() => {
      const filler = 'Quarterly figures were read out and the room went quiet for a while. '.repeat(600);
      const section = document.createElement('section');
      for (let i = 0; i < 60; i++) {
        const p = document.createElement('p');
        p.textContent = i === 59 ? `${filler} In the end, Benchline Holdings agreed.` : filler;
        section.append(p);
      }
      document.querySelector('article')!.append(section);
    });
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'benchline-holdings');
    await page.close();
  });

  it('keeps the compiled matcher in IndexedDB across a browser restart, and marks pages after it', async () => {
    const { article } = ctx();
    // The browser changes at the restart: always the current one.
    const stored = async () => {
      const options = await ctx().browser.openExtensionPage('options.html');
      const n = await options.evaluate(
        () =>
          new Promise<{ bytes: number; version: string }>((resolve, reject) => {
            const open = indexedDB.open('tieline');
            open.onerror = () => reject(open.error ?? new Error('indexedDB.open failed'));
            open.onsuccess = () => {
              const get = open.result.transaction('settings').objectStore('settings').get('compiledMatcher');
              get.onsuccess = () => {
                open.result.close();
                // The version names the compile (company count and time): a recompile changes it.
                const v = get.result?.value as { bytes?: Uint8Array; version?: string } | undefined;
                resolve({ bytes: v?.bytes?.length ?? 0, version: v?.version ?? '' });
              };
            };
          }),
      );
      await options.close();
      return n;
    };
    const before = await stored();
    expect(before.bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(before.version).not.toBe('');
    await ctx().relaunch();
    const page = await ctx().browser.newPage();
    await page.goto(article('user-company-article.html'));
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'zentrova-analytics');
    await page.close();
    // The same compiled matcher, not one compiled again after the restart.
    expect(await stored()).toEqual(before);
  });
});
