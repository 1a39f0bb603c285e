import { join } from 'node:path';
import { expect, it } from 'vitest';
import { clickMention, hostShown, mentionPoint, painted, paintedCount, waitForPainted } from './harness/painted';
import { cardDocument, describeInBrowsers, openAnnotatedArticle, SHOTS, tabIdOf } from './harness/setup';
import { focusIsOn, nextMention } from './harness/keyboard';

describeInBrowsers('card and popup', (ctx) => {
  it('opens a card on click with the company and its ties; Esc closes it and our element goes', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await waitForPainted(page, 10);
    expect(await hostShown(page)).toBe(false);
    await clickMention(page, 'openai');
    const card = await cardDocument(browser, page, 'openai');
    await card.waitUntil(() => document.querySelector('.company-name')?.textContent?.includes('OpenAI'));
    const text = await card.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Runs on/i);
    expect(text).toContain('Microsoft Azure');
    expect(text).toMatch(/Investors/i);
    expect(await card.evaluate(() => document.querySelectorAll('.sources a[href^="http"]').length)).toBeGreaterThan(3);
    const before = await card.evaluate(() => document.querySelectorAll('.tie').length);
    await card.evaluate(() => (document.querySelector('button.more') as HTMLButtonElement).click());
    await card.waitUntil((n: number) => document.querySelectorAll('.tie').length > n, before);
    await page.screenshot(join(SHOTS, `${browser.name}-card.png`));
    if (browser.name === 'firefox') await card.close();
    // The page cannot reach into the card: closed shadow root, cross-origin frame.
    expect(await page.evaluate(() => document.querySelector('tieline-ui')!.shadowRoot === null && document.querySelectorAll('iframe').length === 0)).toBe(true);
    // Esc from the page (focus leaves the card's frame first).
    await page.evaluate(() => (document.querySelector('tieline-ui') as HTMLElement).blur());
    await page.press('Escape');
    await page.waitUntil(() => !document.querySelector('tieline-ui'));
    await page.close();
  });

  it('places the card next to the mention, not over it (above it near the bottom); a click elsewhere closes it', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await waitForPainted(page, 10);
    for (const where of ['start', 'end'] as const) {
      await page.evaluate((block: 'start' | 'end') => document.querySelector('#lead')!.scrollIntoView({ block }), where);
      // The first line's mention at the top of the window, the last line's at the bottom.
      const at = (await mentionPoint(page, where === 'start' ? 'openai' : 'amazon-web-services', '#lead'))!;
      await page.clickAt(at.x, at.y);
      await page.waitUntil(() => document.querySelector('tieline-ui')?.getAttribute('data-card') === 'ready');
      await new Promise((r) => setTimeout(r, 200));
      // What is on screen at a point, as the page sees it: our host stands for anything inside it.
      const probe = await page.evaluate(([x, y]: [number, number]) => {
        const host = document.querySelector('tieline-ui');
        const hit = (py: number) => document.elementFromPoint(x, py) === host;
        return { onMention: hit(y), below: hit(y + 40), above: hit(y - 40) };
      }, [at.x, at.y] as [number, number]);
      expect(probe.onMention).toBe(false);
      expect(where === 'start' ? probe.below : probe.above, JSON.stringify(probe)).toBe(true);
      // A press far from the card and the mention.
      const edge = await page.evaluate(() => ({ x: innerWidth - 4, y: Math.round(innerHeight / 2) }));
      await page.clickAt(edge.x, edge.y);
      await page.waitUntil(() => !document.querySelector('tieline-ui'));
    }
    await page.close();
  });

  it('moves a focus highlight from mention to mention on Alt+Shift+J; Enter opens the card, Esc leaves', async () => {
    const { browser, article } = ctx();
    const { page, tabId } = await openAnnotatedArticle(browser, article());
    const order = (await painted(page)).map(([, t]) => t);
    await nextMention(browser, tabId);
    await page.waitUntil(focusIsOn, order[0]);
    await nextMention(browser, tabId);
    await page.waitUntil(focusIsOn, order[1]);
    // Keyboard focus is on our element (its button inside the closed shadow root).
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('tieline-ui');
    await page.press('Enter');
    await page.waitUntil(() => document.querySelector('tieline-ui')?.getAttribute('data-card') === 'ready');
    // Esc from the page (key presses into the card's extension frame stall in headless Chromium).
    await page.evaluate(() => (document.querySelector('tieline-ui') as HTMLElement).blur());
    await page.press('Escape');
    await page.waitUntil(() => !document.querySelector('tieline-ui')?.hasAttribute('data-card'));
    // Back on the mention, still focused; Esc again leaves, and our element goes.
    expect(await page.evaluate(focusIsOn, order[1])).toBe(true);
    await page.press('Escape');
    await page.waitUntil(() => !document.querySelector('tieline-ui') && !CSS.highlights.has('tieline-focus'));
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
    await waitForPainted(page, 10);
    const tabId = await tabIdOf(browser, article());
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('.switch input');
    await popup.click('.switch input');
    await page.waitUntil(() => CSS.highlights.size === 0);
    expect(await page.evaluate(() => document.querySelector('article')!.innerHTML)).toBe(original);
    expect(await page.evaluate(() => document.querySelectorAll('tieline-ui, tieline-mark').length)).toBe(0);
    // Remembered for the site.
    await page.goto(article());
    await page.waitFor('article p');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await paintedCount(page)).toBe(0);
    // And back on.
    await popup.click('.switch input');
    await waitForPainted(page, 10);
    await popup.close();
    await page.close();
  });
});
