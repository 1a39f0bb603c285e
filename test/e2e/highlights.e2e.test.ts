import { expect, it } from 'vitest';
import { describeInBrowsers, SHOTS } from './harness/setup';
import { join } from 'node:path';

describeInBrowsers('highlighting on a default news site', (ctx) => {
  it('marks company mentions with <tieline-mark data-company> and leaves other words alone', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitUntil(() => document.querySelectorAll('tieline-mark').length >= 10);
    const marks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('tieline-mark'), (m) => [(m as HTMLElement).dataset.company, m.textContent]),
    );
    const ids = new Set(marks.map(([id]) => id));
    for (const id of ['openai', 'microsoft', 'microsoft-azure', 'anthropic', 'amazon-web-services', 'google-cloud', 'nvidia', 'coreweave', 'xai', 'mistral-ai']) {
      expect(ids, id).toContain(id);
    }
    expect(marks).toContainEqual(['amazon-web-services', 'AWS']);
    expect(marks).toContainEqual(['nvidia', 'NASDAQ: NVDA']);
    // The fruit and the river are not companies.
    const lastParagraph = await page.evaluate(() => {
      const ps = document.querySelectorAll('article p');
      return ps[ps.length - 1].querySelectorAll('tieline-mark').length;
    });
    expect(lastParagraph).toBe(0);
    // Every mark wraps exactly its mention, and nothing else on the page uses our tag.
    expect(marks.every(([, text]) => text && text.trim() === text)).toBe(true);
    const scan = await page.evaluate(() => performance.getEntriesByName('tieline:scan').length);
    expect(scan).toBeGreaterThan(0);
    await page.screenshot(join(SHOTS, `${browser.name}-article.png`));
    await page.close();
  });

  it('does not run on a site that is not on the default list', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('demo-article.html', 'example-news.test'));
    await page.waitFor('article p');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.querySelectorAll('tieline-mark').length)).toBe(0);
    await page.close();
  });
});
