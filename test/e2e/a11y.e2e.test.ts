import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { cardDocument, describeInBrowsers, openAnnotatedArticle, SHOTS } from './harness/setup';
import type { TestPage } from './harness/types';
import { clickMention } from './harness/painted';
import { nextMention } from './harness/keyboard';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's serious and critical findings on the page, as readable lines. */
async function seriousViolations(page: TestPage): Promise<string[]> {
  await page.evaluateSource(AXE);
  const violations = (await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  })) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  describeInBrowsers(`accessibility (${scheme})`, (ctx) => {
    it('popup (list, map, company detail, tie form) has no serious or critical axe violation', async () => {
      const { browser, article } = ctx();
      const { page, tabId } = await openAnnotatedArticle(browser, article());
      const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await popup.waitFor('button[data-company="openai"]');
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.click('button[data-view="map"]');
      await popup.waitFor('[data-testid="ties-map"] svg');
      expect(await seriousViolations(popup)).toEqual([]);
      await popup.screenshot(join(SHOTS, `${browser.name}-popup-map-${scheme}.png`));
      await popup.evaluate(() => localStorage.removeItem('tieline.popupView'));
      await popup.close();
      const detail = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
      await detail.waitFor('button[data-company="openai"]');
      await detail.click('button[data-company="openai"]');
      await detail.waitFor('textarea');
      expect(await seriousViolations(detail)).toEqual([]);
      await detail.screenshot(join(SHOTS, `${browser.name}-popup-detail-${scheme}.png`));
      // The tie form, with its line about a company Tieline does not know yet.
      await detail.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Add a tie')!.click());
      await detail.waitFor('.tie-form');
      await detail.type('.tie-form input[list]', 'Quorvex Instruments');
      await detail.waitUntil(() => (document.querySelector('[data-testid="counterparty-hint"]')?.textContent ?? '').length > 0);
      expect(await seriousViolations(detail)).toEqual([]);
      await detail.close();
      await page.close();
    });

    it('options page has no serious or critical axe violation', async () => {
      const { browser } = ctx();
      const options = await browser.openExtensionPage('options.html');
      await options.waitUntil(() => /\d+ companies/.test(document.querySelector('[data-testid="data-info"]')?.textContent ?? ''));
      expect(await seriousViolations(options)).toEqual([]);
      await options.screenshot(join(SHOTS, `${browser.name}-options-${scheme}.png`));
      await options.close();
    });

    it('an open card has no serious or critical axe violation', async () => {
      const { browser, article } = ctx();
      const page = await browser.newPage();
      await page.goto(article());
      await page.waitUntil((id: string) => !!CSS.highlights.get(`tieline-${id}`), 'anthropic');
      await clickMention(page, 'anthropic');
      const card = await cardDocument(browser, page, 'anthropic');
      await card.waitUntil(() => !!document.querySelector('.company-name'));
      expect(await seriousViolations(card)).toEqual([]);
      await page.screenshot(join(SHOTS, `${browser.name}-card-${scheme}.png`));
      if (browser.name === 'firefox') await card.close();
      await page.close();
    });

    it('an annotated article, with the keyboard focus on a mention, has no serious or critical axe violation', async () => {
      const { browser, article } = ctx();
      const { page, tabId } = await openAnnotatedArticle(browser, article());
      await nextMention(browser, tabId);
      await page.waitUntil(() => CSS.highlights.has('tieline-focus'));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot(join(SHOTS, `${browser.name}-article-focus-${scheme}.png`));
      await page.close();
    });
  }, { colorScheme: scheme });
}
