import { expect, it } from 'vitest';
import { cardDocument, describeInBrowsers, SHOTS } from './harness/setup';
import type { TestPage } from './harness/types';
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

  it('works on a page whose policy allows nothing: marks, their look and the card', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('csp-article.html'));
    await page.waitUntil(() => document.querySelectorAll('#second tieline-mark').length >= 3);
    const marks = await page.evaluate(() => Array.from(document.querySelectorAll('tieline-mark'), (m) => [(m as HTMLElement).dataset.company, m.textContent]));
    expect(marks).toEqual([
      ['openai', 'OpenAI'], ['amazon-web-services', 'AWS'],
      ['openai', 'OpenAI'], ['amazon-web-services', 'Amazon Web Services'], ['microsoft', 'Microsoft'], ['microsoft-azure', 'Azure'],
      ['nvidia', 'Nvidia'], ['nvidia', 'NASDAQ: NVDA'], ['anthropic', 'Anthropic'], ['google-cloud', 'Google Cloud'],
    ]);
    // The browser injects the content script's stylesheet whatever the page's style-src says.
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('tieline-mark')!).textDecorationStyle)).toBe('dotted');
    // The card is an extension page in a frame, which the page's frame-src does not govern either.
    await page.click('#second tieline-mark[data-company="anthropic"]');
    const card = await cardDocument(browser, page, 'anthropic');
    await card.waitUntil(() => /Anthropic/.test(document.body.textContent ?? ''));
    await page.close();
  });

  it('draws marks with the stylesheet the browser injects: a dotted underline, or a background when chosen', async () => {
    const { browser, article } = ctx();
    const look = async (page: TestPage) => {
      await page.waitUntil(() => document.querySelectorAll('tieline-mark').length >= 10);
      return page.evaluate(() => {
        const mark = document.querySelector('tieline-mark') as HTMLElement;
        const s = getComputedStyle(mark);
        return { line: s.textDecorationLine, style: s.textDecorationStyle, background: s.backgroundColor, look: mark.dataset.look ?? null };
      });
    };
    const page = await browser.newPage();
    await page.goto(article());
    expect(await look(page)).toMatchObject({ line: 'underline', style: 'dotted', background: 'rgba(0, 0, 0, 0)', look: null });
    // No style element of ours in the page: as many as the article's own HTML has.
    const own = await page.evaluate(() => fetch(location.href).then((r) => r.text()).then((html) => new DOMParser().parseFromString(html, 'text/html').querySelectorAll('style').length));
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(own);

    const chooseLook = async (index: number) => {
      const opts = await browser.openExtensionPage('options.html');
      await opts.waitFor('input[name="style"]');
      await opts.evaluate((i) => (document.querySelectorAll('input[name="style"]')[i] as HTMLInputElement).click(), index);
      await opts.waitUntil(
        (want) => {
          const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
          return api.storage.local.get('settings').then((s) => (s.settings as { style?: string } | undefined)?.style === want);
        },
        index === 1 ? 'background' : 'underline',
      );
      await opts.close();
    };
    await chooseLook(1);
    await page.goto(article());
    expect(await look(page)).toMatchObject({ line: 'none', background: 'rgba(45, 212, 191, 0.22)', look: 'background' });
    await chooseLook(0);
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
