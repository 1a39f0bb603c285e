import { expect, it } from 'vitest';
import { describeInBrowsers, tabIdOf } from './harness/setup';
import type { TestBrowser, TestPage } from './harness/types';

const status = () => document.querySelector('[role="status"]')?.textContent ?? '';

/** The popup for the article's tab, on CoreWeave's note. */
async function openNote(browser: TestBrowser, articleUrl: string): Promise<TestPage> {
  const tabId = await tabIdOf(browser, articleUrl);
  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor('button[data-company="coreweave"]');
  await popup.click('button[data-company="coreweave"]');
  await popup.waitFor('textarea');
  return popup;
}

describeInBrowsers('faults: nothing typed is lost', (ctx) => {
  it('a note typed while the background stops is saved whole, and "Saved" means saved', async (t) => {
    const { browser, article } = ctx();
    // Firefox gives tests no way to stop an extension's background.
    if (!browser.stopBackground) return t.skip();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'coreweave');
    const popup = await openNote(browser, article());
    await popup.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.type('textarea', 'First half, ');
    await popup.waitUntil((want: string) => document.querySelector('[role="status"]')?.textContent === want, 'Saved');
    await browser.stopBackground();
    await new Promise((r) => setTimeout(r, 500));
    await popup.type('textarea', 'second half.');
    await popup.waitUntil((want: string) => document.querySelector('[role="status"]')?.textContent === want, 'Saved');
    expect(await popup.evaluate(status)).toBe('Saved');
    await popup.close();
    // Opened again: the whole note.
    const again = await openNote(browser, article());
    await again.waitUntil((want: string) => document.querySelector('textarea')?.value === want, 'First half, second half.');
    // Stopped again, with the editor closed at once after the last keystroke.
    await browser.stopBackground();
    await new Promise((r) => setTimeout(r, 500));
    await again.type('textarea', ' Third.');
    await again.close();
    const third = await openNote(browser, article());
    await third.waitUntil((want: string) => document.querySelector('textarea')?.value === want, 'First half, second half. Third.');
    await third.close();
    await page.close();
  });
});
