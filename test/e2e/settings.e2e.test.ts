import { expect, it } from 'vitest';
import { paintedCount, waitForPainted } from './harness/painted';
import { describeInBrowsers, tabIdOf } from './harness/setup';
import type { TestPage } from './harness/types';

/** The settings as stored, read from an extension page. */
const stored = (page: TestPage) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.storage.local.get('settings')).settings as { offSites: string[]; style: string };
  });

describeInBrowsers('settings are one store', (ctx) => {
  it('a site switched off in the popup stays off when the open settings page changes another setting, and both reach the page at once', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await waitForPainted(page, 10);
    const host = await page.evaluate(() => location.hostname.replace(/^www\./, ''));
    // The settings page is open first, holding the settings as they were.
    const options = await browser.openExtensionPage('options.html');
    await options.waitFor('input[name="style"]');
    const tabId = await tabIdOf(browser, article());
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('.switch input');
    await popup.click('.switch input');
    await page.waitUntil(() => CSS.highlights.size === 0);
    await popup.close();
    // The settings page shows the site as off without a reload (its "sites off" list or its switch).
    await options.waitUntil((h: string) => {
      const box = document.querySelector<HTMLInputElement>(`input[data-site="${h}"]`);
      return box ? !box.checked : [...document.querySelectorAll('.sites li span')].some((s) => s.textContent === h);
    }, host);
    // Another setting changed on the settings page does not bring the site back.
    await options.evaluate(() => (document.querySelectorAll('input[name="style"]')[1] as HTMLInputElement).click());
    await options.waitUntil(() => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return api.storage.local.get('settings').then((s) => (s.settings as { style?: string } | undefined)?.style === 'background');
    });
    const after = await stored(options);
    expect(after.style).toBe('background');
    expect(after.offSites).toContain(host);
    await new Promise((r) => setTimeout(r, 500));
    expect(await paintedCount(page)).toBe(0);

    // Back on from the settings page: the open page is painted again, in the new style, without a reload.
    await options.evaluate((h: string) => {
      const box = document.querySelector<HTMLInputElement>(`input[data-site="${h}"]`);
      if (box) return box.click();
      const item = [...document.querySelectorAll('.sites li')].find((li) => li.querySelector('span')?.textContent === h);
      (item!.querySelector('button') as HTMLButtonElement).click();
    }, host);
    await waitForPainted(page, 10);
    expect(await page.evaluate(() => CSS.highlights.has('tieline-background') && !CSS.highlights.has('tieline'))).toBe(true);
    // And the style goes back live too.
    await options.evaluate(() => (document.querySelectorAll('input[name="style"]')[0] as HTMLInputElement).click());
    await page.waitUntil(() => CSS.highlights.has('tieline') && !CSS.highlights.has('tieline-background'));
    expect((await stored(options)).offSites).not.toContain(host);
    await options.close();
    await page.close();
  });
});
