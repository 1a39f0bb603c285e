import { expect, it } from 'vitest';
import { describeInBrowsers, tabIdOf } from './harness/setup';
import type { TestBrowser, TestPage } from './harness/types';

const status = () => document.querySelector('[role="status"]')?.textContent ?? '';

/** The demo article, once CoreWeave is painted in it. */
async function openArticle(browser: TestBrowser, url: string): Promise<TestPage> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'coreweave');
  return page;
}

/** Wait until the editor's text, or its status line, reads `want`. */
const noteReads = (popup: TestPage, want: string) => popup.waitUntil((w: string) => document.querySelector('textarea')?.value === w, want);
const statusReads = (popup: TestPage, want: string) => popup.waitUntil((w: string) => document.querySelector('[role="status"]')?.textContent === w, want);

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
    const page = await openArticle(browser, article());
    const popup = await openNote(browser, article());
    await popup.evaluate(() => {
      const area = document.querySelector('textarea')!;
      area.value = '';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await popup.type('textarea', 'First half, ');
    await statusReads(popup, 'Saved');
    await browser.stopBackground();
    await new Promise((r) => setTimeout(r, 500));
    await popup.type('textarea', 'second half.');
    await statusReads(popup, 'Saved');
    expect(await popup.evaluate(status)).toBe('Saved');
    await popup.close();
    // Opened again: the whole note.
    const again = await openNote(browser, article());
    await noteReads(again, 'First half, second half.');
    // Stopped again, with the editor closed at once after the last keystroke.
    await browser.stopBackground();
    await new Promise((r) => setTimeout(r, 500));
    await again.type('textarea', ' Third.');
    await again.close();
    const third = await openNote(browser, article());
    await noteReads(third, 'First half, second half. Third.');
    await third.close();
    await page.close();
  });
});

describeInBrowsers('faults: two windows, one note', (ctx) => {
  it('two popups editing the same note stay in step, and the note keeps what both typed', async () => {
    const { browser, article } = ctx();
    const page = await openArticle(browser, article());
    const first = await openNote(browser, article());
    const second = await openNote(browser, article());
    const value = () => document.querySelector('textarea')!.value;
    const start = await first.evaluate(value);
    await first.type('textarea', ' Alpha');
    await statusReads(first, 'Saved');
    // The other window shows it without a reload, and says where it came from.
    await noteReads(second, `${start} Alpha`);
    expect(await second.evaluate(status)).toBe('Updated from another window');
    await second.type('textarea', ' beta');
    await statusReads(second, 'Saved');
    await noteReads(first, `${start} Alpha beta`);
    await first.close();
    await second.close();
    const again = await openNote(browser, article());
    await noteReads(again, `${start} Alpha beta`);
    await again.close();
    await page.close();
  });
});

describeInBrowsers('faults: an update leaves nothing behind', (ctx) => {
  it('a page annotated by a version that was then reloaded keeps nothing of it: Chrome\'s orphaned script clears up, Firefox hands the page to the new version', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article());
    await page.waitUntil(() => [...CSS.highlights.keys()].some((k) => k.startsWith('tieline')));
    // Reload the extension from its own settings page, as an update does.
    const options = await browser.openExtensionPage('options.html');
    await options.evaluate(() => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      setTimeout(() => api.runtime.reload(), 50);
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 1500));
    // The page changes (a live blog adds a paragraph naming a company), then is clicked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Nvidia and Microsoft signed a new deal.';
      document.querySelector('article')!.append(p);
    });
    await page.clickAt(5, 5);
    if (browser.name === 'chromium') {
      // Chrome leaves the old script in the page, cut off: it must clear up after itself.
      await page.waitUntil(() => ![...CSS.highlights.keys()].some((k) => k.startsWith('tieline')), undefined, 10_000);
    } else {
      // Firefox ends the old script and runs the new version in open pages: one set of highlights,
      // the new paragraph included, nothing of the old version's left beside it.
      await page.waitUntil(() => (CSS.highlights.get('tieline-nvidia')?.size ?? 0) > 0, undefined, 10_000);
      const sizes = await page.evaluate(() => {
        let perCompany = 0;
        CSS.highlights.forEach((h, k) => {
          if (k !== 'tieline' && k !== 'tieline-background' && k !== 'tieline-focus' && k.startsWith('tieline-')) perCompany += h.size;
        });
        return { styled: CSS.highlights.get('tieline')?.size ?? 0, perCompany };
      });
      expect(sizes.styled).toBe(sizes.perCompany);
    }
    expect(await page.evaluate(() => document.querySelectorAll('tieline-ui').length)).toBe(0);
    await page.close();
  });
});
