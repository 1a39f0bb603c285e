import { expect, it } from 'vitest';
import { clickMention, painted, paintedCount, waitForPainted } from './harness/painted';
import { describeInBrowsers, tabIdOf } from './harness/setup';

describeInBrowsers('pages that change, and text that is not prose', (ctx) => {
  it('skips code, form fields, editors and hidden text; a mention in a link stays the link’s', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await waitForPainted(page, 2, '#first');
    const skipped = await page.evaluate(() => {
      ['pre', 'code', 'textarea', '[hidden]', '[style*="none"]', '[contenteditable]'].forEach((s, i) => (document.querySelector(s)!.id ||= `skip-${i}`));
      return ['pre', 'code', 'textarea', '[hidden]', '[style*="none"]', '[contenteditable]'].map((s) => `#${document.querySelector(s)!.id}`);
    });
    for (const sel of skipped) expect(await paintedCount(page, sel), sel).toBe(0);
    expect(await page.evaluate(() => document.querySelector('textarea')!.value)).toBe('Anthropic');
    // The mention in a link is painted, and a click on it follows the link: no card.
    expect(await painted(page, '#link')).toEqual([['openai', 'OpenAI']]);
    await clickMention(page, 'openai', '#link');
    await page.waitUntil(() => location.hash === '#openai-profile');
    await new Promise((r) => setTimeout(r, 300));
    expect(await page.evaluate(() => !!document.querySelector('tieline-ui'))).toBe(false);
    await page.close();
  });

  it('paints nothing in a document in design mode, and paints what comes once it is off', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('design-mode-article.html'));
    await page.waitFor('#first');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.designMode)).toBe('on');
    expect(await paintedCount(page)).toBe(0);
    await page.evaluate(() => {
      document.designMode = 'off';
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Later, Google Cloud joined the deal.';
      document.querySelector('#story')!.append(p);
    });
    await waitForPainted(page, 1, '#later');
    await page.close();
  });

  it('takes the highlights off a part the page makes editable, and paints it again once it is not', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await waitForPainted(page, 2, '#first');
    await waitForPainted(page, 1, '#late');
    const html = await page.evaluate(() => document.querySelector('#story')!.innerHTML);
    await page.evaluate(() => ((document.querySelector('#first') as HTMLElement).contentEditable = 'true'));
    await page.waitUntil(() => !CSS.highlights.get('tieline-microsoft'));
    expect(await paintedCount(page, '#first')).toBe(0);
    expect(await paintedCount(page, '#late')).toBeGreaterThan(0);
    await page.evaluate(() => ((document.querySelector('#first') as HTMLElement).contentEditable = 'false'));
    await waitForPainted(page, 2, '#first');
    // Only the page's own change is in the DOM: nothing of ours was ever added or split.
    expect(await page.evaluate(() => document.querySelector('#story')!.innerHTML.replace(' contenteditable="false"', ''))).toBe(html);
    await page.close();
  });

  it('paints text that was hidden when scanned once the page shows it (a body hidden until its scripts ran)', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('late-shown-article.html'));
    await page.waitUntil(() => performance.getEntriesByName('tieline:scan').length > 0);
    expect(await page.evaluate(() => document.body.classList.contains('loading'))).toBe(true);
    expect(await paintedCount(page)).toBe(0);
    await waitForPainted(page, 4, '#first', 8000);
    expect((await painted(page, '#first')).map(([, t]) => t)).toEqual(['OpenAI', 'Amazon Web Services', 'Microsoft', 'Azure']);
    await new Promise((r) => setTimeout(r, 3500));
    expect(await paintedCount(page, '#never')).toBe(0);
    await page.close();
  });

  it('paints text that was hidden when scanned once it is shown (a <details> opened)', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await waitForPainted(page, 2, '#first');
    await page.evaluate(() => {
      const details = document.createElement('details');
      details.id = 'more';
      const summary = document.createElement('summary');
      summary.textContent = 'More on the deal';
      const p = document.createElement('p');
      p.textContent = 'Nvidia will supply the chips.';
      details.append(summary, p);
      document.querySelector('#story')!.append(details);
    });
    await waitForPainted(page, 1, '#late');
    await new Promise((r) => setTimeout(r, 300));
    expect(await paintedCount(page, '#more')).toBe(0);
    await page.evaluate(() => ((document.querySelector('#more') as HTMLDetailsElement).open = true));
    await page.waitUntil(() => !!CSS.highlights.get('tieline-nvidia'));
    expect(await painted(page, '#more')).toEqual([['nvidia', 'Nvidia']]);
    await page.close();
  });

  it('paints content added after load, follows text the page rewrites, and a single-page-app navigation', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await page.waitUntil(() => document.querySelectorAll('.scrolled').length === 20);
    await waitForPainted(page, 43);
    expect((await painted(page, '#late')).map(([, t]) => t)).toEqual(['Anthropic', 'Google Cloud']);
    // Painting changes nothing the page can observe, so no rescans follow: the number settles.
    const scans = await page.evaluate(() => performance.getEntriesByName('tieline:scan').length);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.evaluate(() => performance.getEntriesByName('tieline:scan').length)).toBe(scans);
    // The page writes a text node it keeps (as frameworks do): old mentions go, new ones come.
    await page.evaluate(() => (document.querySelector('#late')!.firstChild!.nodeValue = 'Update: Oracle and Nvidia signed.'));
    await page.waitUntil(() => !CSS.highlights.get('tieline-google-cloud'));
    await waitForPainted(page, 2, '#late');
    expect(await painted(page, '#late')).toEqual([['oracle', 'Oracle'], ['nvidia', 'Nvidia']]);

    await page.evaluate(() => (window as unknown as { navigateToNextStory(): void }).navigateToNextStory());
    await waitForPainted(page, 3, '#second');
    const tabId = await tabIdOf(browser, article('dynamic-article.html'));
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('button[data-company="xai"]');
    const listed = await popup.evaluate(() => Array.from(document.querySelectorAll('[data-testid="company-list"] button'), (b) => (b as HTMLElement).dataset.company));
    // Only what the page shows now.
    expect(listed).not.toContain('coreweave');
    expect(listed).toContain('oracle');
    await popup.close();
    await page.close();
  });
});
