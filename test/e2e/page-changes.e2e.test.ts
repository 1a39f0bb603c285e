import { expect, it } from 'vitest';
import { describeInBrowsers, tabIdOf } from './harness/setup';

describeInBrowsers('pages that change, and text that is not prose', (ctx) => {
  it('skips code, form fields, editors and hidden text; keeps links working', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await page.waitFor('#first tieline-mark');
    const skipped = await page.evaluate(() =>
      ['pre', 'code', 'textarea', '[hidden]', '[style*="none"]', '[contenteditable]'].map((s) => document.querySelector(s)!.querySelectorAll('tieline-mark').length),
    );
    expect(skipped).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await page.evaluate(() => (document.querySelector('textarea') as HTMLTextAreaElement).value)).toBe('Anthropic');
    // The mention in a link stays inside the link, and the link still navigates.
    expect(await page.evaluate(() => document.querySelector('#link > tieline-mark')?.getAttribute('data-company'))).toBe('openai');
    await page.click('#link tieline-mark');
    await page.waitUntil(() => location.hash === '#openai-profile');
    expect(await page.evaluate(() => !!document.querySelector('tieline-card'))).toBe(false);
    await page.close();
  });

  it('adds no marks to a document in design mode, and marks what comes once it is off', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('design-mode-article.html'));
    await page.waitFor('#first');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await page.evaluate(() => document.designMode)).toBe('on');
    expect(await page.evaluate(() => document.querySelectorAll('tieline-mark').length)).toBe(0);
    // The content script is there: with design mode off, added text is marked.
    await page.evaluate(() => {
      document.designMode = 'off';
      const p = document.createElement('p');
      p.id = 'later';
      p.textContent = 'Later, Google Cloud joined the deal.';
      document.querySelector('#story')!.append(p);
    });
    await page.waitFor('#later tieline-mark');
    expect(await page.evaluate(() => document.querySelectorAll('#first tieline-mark').length)).toBe(0);
    await page.close();
  });

  it('takes its marks out of a part the page makes editable, and marks it again once it is not', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await page.waitFor('#first tieline-mark');
    await page.waitFor('#late tieline-mark');
    const text = await page.evaluate(() => document.querySelector('#first')!.textContent);
    // A site's in-place editor: what it saves must not carry our marks.
    await page.evaluate(() => ((document.querySelector('#first') as HTMLElement).contentEditable = 'true'));
    await page.waitUntil(() => document.querySelectorAll('#first tieline-mark').length === 0);
    expect(await page.evaluate(() => document.querySelector('#first')!.textContent)).toBe(text);
    // The original text nodes have their text back: no pieces left side by side.
    expect(await page.evaluate(() => Array.from(document.querySelector('#first')!.childNodes).some((n) => n.nodeType === 3 && n.nextSibling?.nodeType === 3))).toBe(false);
    // Marks elsewhere stay.
    expect(await page.evaluate(() => document.querySelectorAll('#late tieline-mark').length)).toBeGreaterThan(0);
    await page.evaluate(() => ((document.querySelector('#first') as HTMLElement).contentEditable = 'false'));
    await page.waitFor('#first tieline-mark');
    expect(await page.evaluate(() => document.querySelector('#first')!.textContent)).toBe(text);
    await page.close();
  });

  it('marks text that was hidden when scanned once the page shows it (a body hidden until its scripts ran)', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('late-shown-article.html'));
    await page.waitUntil(() => performance.getEntriesByName('tieline:scan').length > 0);
    // Scanned while hidden: nothing marked yet.
    expect(await page.evaluate(() => ({ hidden: document.body.classList.contains('loading'), marks: document.querySelectorAll('tieline-mark').length }))).toEqual({ hidden: true, marks: 0 });
    await page.waitUntil(() => document.querySelectorAll('#first tieline-mark').length === 4, undefined, 8000);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('#first tieline-mark'), (m) => m.textContent))).toEqual(['OpenAI', 'Amazon Web Services', 'Microsoft', 'Azure']);
    // Text that stays hidden stays unmarked.
    await new Promise((r) => setTimeout(r, 3500));
    expect(await page.evaluate(() => document.querySelectorAll('#never tieline-mark').length)).toBe(0);
    await page.close();
  });

  it('marks text that was hidden when scanned once it is shown (a <details> opened)', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await page.waitFor('#first tieline-mark');
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
    // Scanned while closed (the live update that comes after it is marked): nothing marked in it.
    await page.waitFor('#late tieline-mark');
    expect(await page.evaluate(() => document.querySelectorAll('#more tieline-mark').length)).toBe(0);
    await page.evaluate(() => ((document.querySelector('#more') as HTMLDetailsElement).open = true));
    await page.waitUntil(() => document.querySelector('#more p tieline-mark')?.getAttribute('data-company') === 'nvidia');
    await page.close();
  });

  it('marks content added after load, once, and follows a single-page-app navigation', async () => {
    const { browser, article } = ctx();
    const page = await browser.newPage();
    await page.goto(article('dynamic-article.html'));
    await page.waitUntil(() => document.querySelectorAll('.scrolled tieline-mark').length === 40);
    expect(await page.evaluate(() => Array.from(document.querySelectorAll('#late tieline-mark'), (m) => m.textContent))).toEqual(['Anthropic', 'Google Cloud']);
    // Our own insertions do not trigger new scans: the number of scans settles.
    const scans = await page.evaluate(() => performance.getEntriesByName('tieline:scan').length);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.evaluate(() => performance.getEntriesByName('tieline:scan').length)).toBe(scans);
    // No mark inside a mark.
    expect(await page.evaluate(() => document.querySelectorAll('tieline-mark tieline-mark').length)).toBe(0);

    await page.evaluate(() => (window as unknown as { navigateToNextStory(): void }).navigateToNextStory());
    await page.waitUntil(() => document.querySelectorAll('#second tieline-mark').length >= 3);
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
