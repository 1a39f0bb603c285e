import { join } from 'node:path';
import { expect, it } from 'vitest';
import { clickMention, painted, paintedCount, waitForPainted } from './harness/painted';
import { cardDocument, describeInBrowsers, SHOTS } from './harness/setup';
import type { TestPage } from './harness/types';

describeInBrowsers('painting mentions on a default news site', (ctx) => {
  it('paints each company under CSS.highlights "tieline-<id>", readable from the page, and leaves other words alone', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await waitForPainted(page, 10);
    const marks = await painted(page);
    const ids = new Set(marks.map(([id]) => id));
    for (const id of ['openai', 'microsoft', 'microsoft-azure', 'anthropic', 'amazon-web-services', 'google-cloud', 'nvidia', 'coreweave', 'xai', 'mistral-ai']) {
      expect(ids, id).toContain(id);
    }
    expect(marks).toContainEqual(['amazon-web-services', 'AWS']);
    expect(marks).toContainEqual(['nvidia', 'NASDAQ: NVDA']);
    // The fruit and the river are not companies.
    await page.evaluate(() => {
      const ps = document.querySelectorAll('article p');
      ps[ps.length - 1].id = 'last-paragraph';
    });
    expect(await paintedCount(page, '#last-paragraph')).toBe(0);
    // The styled highlight holds the same ranges as the company highlights, nothing else.
    const same = await page.evaluate(() => {
      const styled = CSS.highlights.get('tieline') as unknown as Set<AbstractRange>;
      let companies = 0;
      let inStyled = 0;
      CSS.highlights.forEach((h, name) => {
        if (!name.startsWith('tieline-') || name === 'tieline-focus') return;
        for (const r of h as unknown as Iterable<AbstractRange>) {
          companies++;
          if (styled.has(r)) inStyled++;
        }
      });
      return { styled: styled.size, companies, inStyled };
    });
    expect(same.inStyled).toBe(same.companies);
    expect(same.styled).toBe(same.companies);
    // Nothing of ours in the DOM: no element, attribute or style element beyond the article's own.
    expect(await page.evaluate(() => document.querySelectorAll('tieline-mark, tieline-ui, [data-company]').length)).toBe(0);
    const own = await page.evaluate(() => fetch(location.href).then((r) => r.text()).then((html) => new DOMParser().parseFromString(html, 'text/html').querySelectorAll('style').length));
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(own);
    expect(await page.evaluate(() => performance.getEntriesByName('tieline:scan').length)).toBeGreaterThan(0);
    await page.screenshot(join(SHOTS, `${browser.name}-article.png`));
    await page.close();
  });

  it('works on a page whose policy allows nothing: highlights, their look and the card', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('csp-article.html'));
    await waitForPainted(page, 3, '#second');
    expect(await painted(page)).toEqual([
      ['openai', 'OpenAI'], ['amazon-web-services', 'AWS'],
      ['openai', 'OpenAI'], ['amazon-web-services', 'Amazon Web Services'], ['microsoft', 'Microsoft'], ['microsoft-azure', 'Azure'],
      ['nvidia', 'Nvidia'], ['nvidia', 'NASDAQ: NVDA'], ['anthropic', 'Anthropic'], ['google-cloud', 'Google Cloud'],
    ]);
    // The card is an extension page in a frame, which the page's frame-src does not govern.
    await clickMention(page, 'anthropic', '#second');
    const card = await cardDocument(browser, page, 'anthropic');
    await card.waitUntil(() => /Anthropic/.test(document.body.textContent ?? ''));
    await page.close();
  });

  it('draws mentions with the stylesheet the browser injects: a dotted underline, or a background when chosen', async () => {
    const { browser, article } = ctx();
    // The look is the ::highlight() rule of marks.css for the styled highlight's name; what the
    // browser computes for it is read with getComputedStyle(element, '::highlight(name)').
    const look = async (page: TestPage) => {
      await waitForPainted(page, 10);
      return page.evaluate(() => {
        const name = CSS.highlights.has('tieline') ? 'tieline' : CSS.highlights.has('tieline-background') ? 'tieline-background' : null;
        const s = getComputedStyle(document.querySelector('#lead')!, `::highlight(${name})`);
        return { name, line: s.textDecorationLine, style: s.textDecorationStyle, background: s.backgroundColor };
      });
    };
    const page = await browser.newPage();
    await page.goto(article());
    expect(await look(page)).toMatchObject({ name: 'tieline', line: 'underline', style: 'dotted' });
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
    expect(await look(page)).toMatchObject({ name: 'tieline-background', line: 'none', background: 'rgba(45, 212, 191, 0.25)' });
    await chooseLook(0);
    await page.close();
  });

  it('does not run on a site that is not on the default list', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('demo-article.html', 'example-news.test'));
    await page.waitFor('article p');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });
});
