import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cardDocument, describeInBrowsers, openAnnotatedArticle, SHOTS, tabIdOf } from './harness/setup';

describeInBrowsers('card and popup', (ctx) => {
  it('opens a card on click with the company and its ties; Esc closes it and returns focus', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitFor('tieline-mark[data-company="openai"]');
    await page.click('tieline-mark[data-company="openai"]');
    const card = await cardDocument(browser, page, 'openai');
    await card.waitUntil(() => document.querySelector('.company-name')?.textContent?.includes('OpenAI'));
    const text = await card.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Runs on/i);
    expect(text).toContain('Microsoft Azure');
    expect(text).toMatch(/Investors/i);
    // Sources are links to the pages that state the tie.
    expect(await card.evaluate(() => document.querySelectorAll('.sources a[href^="http"]').length)).toBeGreaterThan(3);
    // Long groups are cut to their first ties, the rest one click away.
    const before = await card.evaluate(() => document.querySelectorAll('.tie').length);
    await card.evaluate(() => (document.querySelector('button.more') as HTMLButtonElement).click());
    await card.waitUntil((n: number) => document.querySelectorAll('.tie').length > n, before);
    await page.screenshot(join(SHOTS, `${browser.name}-card.png`));
    if (browser.name === 'firefox') await card.close();
    // The page cannot reach into the card: closed shadow root, cross-origin frame.
    const reachable = await page.evaluate(() => {
      const host = document.querySelector('tieline-card') as HTMLElement;
      return host.shadowRoot !== null || document.querySelectorAll('iframe').length > 0;
    });
    expect(reachable).toBe(false);
    // Esc from the page. (Chromium's DevTools key events into the extension frame stalled now and
    // then on this machine, so the key goes to the page; the card's own Esc posts the same close.)
    await page.evaluate(() => (document.querySelector('tieline-mark[data-company="anthropic"]') as HTMLElement).focus());
    await page.press('Escape');
    await page.waitUntil(() => !document.querySelector('tieline-card'));
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.company)).toBe('openai');
    await page.close();
  });

  it('opens the card from the keyboard with Enter', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitFor('tieline-mark[data-company="anthropic"]');
    await page.evaluate(() => (document.querySelector('tieline-mark[data-company="anthropic"]') as HTMLElement).focus());
    await page.press('Enter');
    const card = await cardDocument(browser, page, 'anthropic');
    await card.waitUntil(() => document.querySelector('.company-name')?.textContent?.includes('Anthropic'));
    if (browser.name === 'chromium') {
      // Esc inside the card's own frame: the card asks its host to close, and focus goes back to
      // the mention. (The event is dispatched in the frame: DevTools key presses into an extension
      // frame stalled now and then here. Firefox's harness cannot reach the frame at all.)
      await card.evaluate(() => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
      await page.waitUntil(() => !document.querySelector('tieline-card'));
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.company)).toBe('anthropic');
    }
    await page.close();
  });

  it('lists the companies of the page in the popup, in order of appearance, with ties on selection', async () => {
    const { browser, article } = ctx();
    const { page, tabId } = await openAnnotatedArticle(browser, article());
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('[data-testid="company-list"] button[data-company="openai"]');
    await popup.waitUntil(() => document.querySelector('button[data-company="openai"]')?.textContent?.startsWith('OpenAI'));
    const listed = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="company-list"] button'), (b) => (b as HTMLElement).dataset.company));
    expect(listed[0]).toBe('openai');
    expect(listed).toContain('anthropic');
    expect(listed).toContain('nvidia');
    await popup.screenshot(join(SHOTS, `${browser.name}-popup.png`));
    await popup.click('button[data-company="anthropic"]');
    await popup.waitUntil(() => document.body.innerText.includes('Amazon'));
    expect(await popup.evaluate(() => document.body.innerText)).toMatch(/Investors/i);
    await popup.close();
    await page.close();
  });

  it('turning Tieline off for the site restores the page exactly, and stays off', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    const original = await page.evaluate(() => {
      // Before Tieline runs? It runs at idle; compare against a fresh parse of the served HTML instead.
      return fetch(location.href).then((r) => r.text()).then((html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        return doc.querySelector('article')!.innerHTML;
      });
    });
    await page.waitUntil(() => document.querySelectorAll('tieline-mark').length >= 10);
    const textNodesBefore = await page.evaluate(() => (document.getElementById('lead') as HTMLElement).childNodes.length);
    const tabId = await tabIdOf(browser, article());
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('.switch input');
    await popup.click('.switch input');
    await page.waitUntil(() => document.querySelectorAll('tieline-mark').length === 0);
    expect(await page.evaluate(() => document.querySelector('article')!.innerHTML)).toBe(original);
    // Nothing of ours is left in the document (the marks' look is the browser-injected marks.css).
    expect(await page.evaluate(() => document.querySelectorAll('[id^="tieline"], tieline-mark, tieline-card').length)).toBe(0);
    expect(textNodesBefore).toBeGreaterThan(1);
    expect(await page.evaluate(() => (document.getElementById('lead') as HTMLElement).childNodes.length)).toBe(1);
    // Remembered for the site.
    await page.goto(article());
    await page.waitFor('article p');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.querySelectorAll('tieline-mark').length)).toBe(0);
    // And back on.
    await popup.click('.switch input');
    await page.waitUntil(() => document.querySelectorAll('tieline-mark').length >= 10);
    await popup.close();
    await page.close();
  });

  it('places the card next to the mention, never over it, inside the viewport (flips above near the bottom)', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitFor('tieline-mark[data-company="apple"]');
    for (const where of ['start', 'end'] as const) {
      await page.evaluate((block: 'start' | 'end') => document.querySelector('tieline-mark[data-company="apple"]')!.scrollIntoView({ block }), where);
      await page.click('tieline-mark[data-company="apple"]');
      await page.waitUntil(() => document.querySelector('tieline-card')?.hasAttribute('data-ready'));
      await new Promise((r) => setTimeout(r, 200));
      const geo = await page.evaluate(() => {
        const m = document.querySelector('tieline-mark[data-company="apple"]')!.getBoundingClientRect();
        const c = (document.querySelector('tieline-card') as HTMLElement).getBoundingClientRect();
        return { m: { top: m.top, bottom: m.bottom, left: m.left, right: m.right }, c: { top: c.top, bottom: c.bottom, left: c.left, right: c.right }, vw: innerWidth, vh: innerHeight };
      });
      const overlaps = !(geo.c.bottom <= geo.m.top || geo.c.top >= geo.m.bottom || geo.c.right <= geo.m.left || geo.c.left >= geo.m.right);
      expect(overlaps, JSON.stringify(geo)).toBe(false);
      expect(geo.c.top).toBeGreaterThanOrEqual(0);
      expect(geo.c.bottom).toBeLessThanOrEqual(geo.vh);
      expect(geo.c.left).toBeGreaterThanOrEqual(0);
      expect(geo.c.right).toBeLessThanOrEqual(geo.vw);
      if (where === 'end') expect(geo.c.bottom).toBeLessThanOrEqual(geo.m.top);
      // A click outside closes it.
      await page.click('h1');
      await page.waitUntil(() => !document.querySelector('tieline-card'));
    }
    await page.close();
  });

  it('moves focus from highlight to highlight on the keyboard command', async () => {
    const { browser, article } = ctx();
    const { page, tabId } = await openAnnotatedArticle(browser, article());
    const options = await browser.openExtensionPage('options.html');
    const focusNext = () =>
      options.evaluate(async (id: number) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return api.tabs.sendMessage(id, { channel: 'tieline/1', type: 'focusNextHighlight' });
      }, tabId);
    await focusNext();
    await page.waitUntil(() => document.activeElement === document.querySelector('tieline-mark'));
    await focusNext();
    await page.waitUntil(() => document.activeElement === document.querySelectorAll('tieline-mark')[1]);
    await options.close();
    await page.close();
  });
});

