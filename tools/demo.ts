import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/harness/chromium';
import { launchFirefox } from '../test/e2e/harness/firefox';
import { cardDocument, tabIdOf } from '../test/e2e/harness/setup';
import { NEWS_HOST } from '../test/e2e/harness/types';
import { serve } from './serve.mjs';
import { clickMention, waitForPainted } from '../test/e2e/harness/painted';

/**
 * `npm start`: the freshly built extension in a fresh temporary profile, on the bundled demo
 * article served under a default news host. With a display the browser stays open; without one it
 * saves screenshots of the annotated article, an open card and the popup.
 */
export async function runDemo(root: string, browserName: 'chromium' | 'firefox', headless: boolean): Promise<void> {
  const server = await serve({ '/': join(root, 'test/fixtures') });
  const launch = browserName === 'firefox' ? launchFirefox : launchChromium;
  const dir = join(root, browserName === 'firefox' ? 'dist/firefox' : 'dist/chrome');
  const browser = await launch(dir, server.port, { headless });
  const url = `http://${NEWS_HOST}:${server.port}/demo-article.html`;
  const page = await browser.newPage();
  await page.goto(url);
  await waitForPainted(page, 6, undefined, 30_000);
  if (!headless) {
    console.log(`Tieline is running in ${browserName} on ${url} (a temporary profile). Close the browser or press Ctrl-C to stop.`);
    const stop = async () => {
      await browser.close().catch(() => undefined);
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
    return;
  }
  const out = join(root, 'demo-output');
  mkdirSync(out, { recursive: true });
  const shots: string[] = [];
  const shot = async (p: { screenshot(path: string): Promise<void> }, name: string) => {
    const path = join(out, `${browserName}-${name}.png`);
    await p.screenshot(path);
    shots.push(path);
  };
  await shot(page, 'article');
  await clickMention(page, 'openai');
  const card = await cardDocument(browser, page, 'openai');
  await card.waitUntil(() => !!document.querySelector('.company-name'));
  await new Promise((r) => setTimeout(r, 300));
  await shot(page, 'card');
  if (browserName === 'firefox') await shot(card, 'card-page');
  const tabId = await tabIdOf(browser, url);
  const popup = await browser.openExtensionPage(`popup.html?tab=${tabId}`);
  await popup.waitFor('[data-testid="company-list"] button');
  await new Promise((r) => setTimeout(r, 300));
  await shot(popup, 'popup');
  await browser.close();
  await server.close();
  console.log('No display found, so the demo ran headless. Screenshots:');
  for (const s of shots) console.log(`  ${s}`);
}
