import { expect, it } from 'vitest';
import { describeInBrowsers, tabIdOf } from './harness/setup';

/**
 * "From this article": an article (written for the test) reports that an AI lab ends its exclusive
 * cloud arrangement and adds a second provider. The popup suggests a change of the known tie and a
 * new one, each with its sentence; Accept stores them (real extension, real IndexedDB) and the card
 * shows them, and, on another article, what changed since the reader last read about the lab;
 * Dismiss hides a suggestion for good.
 */
describeInBrowsers('ties learned from the article being read', (ctx) => {
  it('suggests a change and a new tie with their sentences; Accept updates the card, Dismiss hides for good', async () => {
    const { browser, article } = ctx();
    const url = article('relations-article.html');
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitUntil(() => !!CSS.highlights.get('tieline-nebius') && !!CSS.highlights.get('tieline-openai'));
    const tabId = await tabIdOf(browser, url);
    // The reader reads for a while; Chrome stops the idle background (Firefox's harness cannot): the
    // suggestions must not depend on what the background remembered of the page.
    await browser.stopBackground?.();
    const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.waitFor('[data-testid="suggestions"] li');
    const listed = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('[data-testid="suggestions"] li'), (li) => ({
        key: (li as HTMLElement).dataset.key,
        change: (li as HTMLElement).dataset.change,
        evidence: li.querySelector('.evidence')?.textContent,
      })),
    );
    expect(listed).toEqual([
      // The headline says it first; the body's sentence, with its day and attribution, is the evidence.
      { key: 'cloud|openai|microsoft-azure|ended', change: 'changes', evidence: 'OpenAI ended its exclusive cloud arrangement with Microsoft on Thursday, the company said.' },
      { key: 'cloud|openai|nebius|active', change: 'new', evidence: 'The lab also signed a deal to rent computing capacity from Nebius to train its next models.' },
      { key: 'investor|nebius|thrive-capital|active', change: 'new', evidence: 'Thrive Capital-backed Nebius said the contract would run for five years.' },
    ]);
    // Nothing is stored before a click.
    const view = (id: string) =>
      popup.evaluate(async (companyId: string) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const r = (await api.runtime.sendMessage({ channel: 'tieline/2', type: 'getCompanyView', companyId })).value as { ties: Array<{ counterparty: string; kind: string; status: string; origin: string; sources: Array<{ url: string }> }> };
        return r.ties.filter((t) => t.kind === 'cloud' && ['nebius', 'microsoft-azure'].includes(t.counterparty)).map((t) => ({ counterparty: t.counterparty, status: t.status, origin: t.origin, fromArticle: t.sources.some((s) => s.url.includes('relations-article')) }));
      }, id);
    expect((await view('openai')).filter((t) => t.counterparty === 'nebius')).toEqual([]);
    // The reader has seen OpenAI in this article (the sighting is kept a moment after the scan) before the ties change.
    await popup.waitUntil(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      return ((await api.runtime.sendMessage({ channel: 'tieline/2', type: 'getCompanyView', companyId: 'openai' })).value as { recentArticles: number }).recentArticles >= 1;
    });

    for (const key of ['cloud|openai|microsoft-azure|ended', 'cloud|openai|nebius|active']) {
      await popup.click(`[data-testid="suggestions"] li[data-key="${key}"] [data-action="accept"]`);
      await popup.waitUntil((k: string) => !!document.querySelector(`[data-testid="suggestions"] li[data-key="${k}"] .saved`), key);
    }
    const after = await view('openai');
    expect(after).toContainEqual({ counterparty: 'nebius', status: 'active', origin: 'learned', fromArticle: true });
    expect(after.filter((t) => t.counterparty === 'microsoft-azure' && t.fromArticle)).toEqual([{ counterparty: 'microsoft-azure', status: 'ended', origin: 'bundled', fromArticle: true }]);

    // The card reads the same database: Nebius is there now. Reading about OpenAI in another article,
    // the card says what changed since this one.
    const elsewhere = encodeURIComponent(new URL(article()).origin + new URL(article()).pathname);
    const card = await browser.openExtensionPage(`card.html#openai&test&${elsewhere}`);
    await card.waitFor('[data-testid="since-last-read"]');
    const since = await card.evaluate(() => ({
      title: document.querySelector('[data-testid="since-last-read"] .since-title')?.textContent,
      items: Array.from(document.querySelectorAll('[data-testid="since-last-read"] li'), (li) => li.textContent),
    }));
    expect(since.title).toMatch(/^Since you last read about OpenAI \(.+\):$/);
    expect(since.items).toEqual(['Microsoft Azure is no longer a cloud supplier', 'Nebius became a cloud supplier']);
    expect(await card.evaluate(() => document.body.innerText.includes('Nebius'))).toBe(true);
    await card.close();
    // On the article where the change was read, there is nothing "since".
    const here = encodeURIComponent(new URL(url).origin + new URL(url).pathname);
    const sameCard = await browser.openExtensionPage(`card.html#openai&test&${here}`);
    await sameCard.waitUntil(() => document.body.innerText.includes('Nebius'));
    expect(await sameCard.evaluate(() => !!document.querySelector('[data-testid="since-last-read"]'))).toBe(false);
    await sameCard.close();

    // The reader does not believe the third: dismissed, it goes, and nothing is stored.
    await popup.click('[data-testid="suggestions"] li[data-key="investor|nebius|thrive-capital|active"] [data-action="dismiss"]');
    await popup.waitUntil(() => !document.querySelector('[data-testid="suggestions"] li[data-key="investor|nebius|thrive-capital|active"]'));
    const nebiusInvestors = await popup.evaluate(async () => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      const r = (await api.runtime.sendMessage({ channel: 'tieline/2', type: 'getCompanyView', companyId: 'nebius' })).value as { ties: Array<{ counterparty: string }> };
      return r.ties.map((t) => t.counterparty);
    });
    expect(nebiusInvestors).not.toContain('thrive-capital');

    // Accepted suggestions are not offered again; a dismissed one stays hidden after a reload.
    await popup.close();
    const again = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
    await again.waitFor('[data-testid="company-list"] button');
    await new Promise((r) => setTimeout(r, 500));
    expect(await again.evaluate(() => document.querySelectorAll('[data-testid="suggestions"] li').length)).toBe(0);
    await again.close();
    await page.close();
  });
});
