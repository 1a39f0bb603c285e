import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe } from 'vitest';
import { serve } from '../../../tools/serve.mjs';
import { CHROMIUM_PATH, launchChromium } from './chromium';
import { FIREFOX_PATH, launchFirefox } from './firefox';
import { waitForPainted } from './painted';
import { NEWS_HOST, type TestBrowser, type TestPage } from './types';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHOTS = join(ROOT, 'test-output/screenshots');
/** The shared corpus of saved news pages, beside the project (as CI lays it out). */
export const CORPUS = process.env.TIELINE_CORPUS ?? resolve(ROOT, '../shared/corpus');

export interface E2EContext {
  browser: TestBrowser;
  port: number;
  /** URL of a fixture page under a default news host. */
  article(name?: string, host?: string): string;
  relaunch(): Promise<void>;
}

type Launch = typeof launchChromium;
const BROWSERS: { name: 'chromium' | 'firefox'; path: string; launch: Launch; dir: string }[] = [
  { name: 'chromium', path: CHROMIUM_PATH, launch: launchChromium, dir: join(ROOT, 'dist/chrome') },
  { name: 'firefox', path: FIREFOX_PATH, launch: launchFirefox, dir: join(ROOT, 'dist/firefox') },
];

/**
 * Run the same tests against the built extension in real Chromium and real Firefox. A missing
 * browser skips locally, and fails under CI=true.
 */
export function describeInBrowsers(title: string, body: (ctx: () => E2EContext) => void, opts: { colorScheme?: 'light' | 'dark'; firefoxEnv?: Record<string, string> } = {}) {
  for (const b of BROWSERS) {
    const available = existsSync(b.path);
    const mustRun = process.env.CI === 'true';
    describe.skipIf(!available && !mustRun)(`${title} [${b.name}]`, () => {
      let ctx: E2EContext | undefined;
      let server: { port: number; close: () => Promise<void> } | undefined;
      let current: Awaited<ReturnType<Launch>> | undefined;
      let ownProfile: string | undefined;
      beforeAll(async () => {
        if (!available) throw new Error(`${b.name} is not installed at ${b.path} (CI requires it)`);
        if (!existsSync(join(b.dir, 'manifest.json'))) throw new Error(`${b.dir} is missing: run npm run build first`);
        mkdirSync(SHOTS, { recursive: true });
        // The saved news pages of ../shared/corpus under /corpus/, their own scripts blocked (see its README).
        const served = await serve({ '/': join(ROOT, 'test/fixtures'), '/corpus/': CORPUS }, { blockScripts: ['/corpus/'] });
        server = served;
        const port = served.port;
        current = await b.launch(b.dir, port, opts);
        ctx = {
          browser: current,
          port,
          article: (name = 'demo-article.html', host = NEWS_HOST) => `http://${host}:${port}/${name}`,
          // Close the browser and open it again on the same profile (data must survive).
          relaunch: async () => {
            const profileDir = current!.profileDir;
            ownProfile = profileDir;
            await current!.closeKeepingProfile();
            current = await b.launch(b.dir, port, { ...opts, profileDir });
            ctx!.browser = current;
          },
        };
      }, 120_000);
      afterAll(async () => {
        await current?.close().catch(() => undefined);
        if (ownProfile) rmSync(ownProfile, { recursive: true, force: true });
        await server?.close();
      });
      body(() => {
        if (!ctx) throw new Error('browser did not start');
        return ctx;
      });
    });
  }
}

/**
 * The id of the tab showing `urlPrefix`. Tieline has no "tabs" permission, so tab URLs are hidden
 * from its pages; the content script of each tab says where it is.
 */
export async function tabIdOf(browser: TestBrowser, urlPrefix: string): Promise<number> {
  const page = await browser.openExtensionPage('options.html');
  const id = await page.evaluate(async (prefix: string) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const tabs = await api.tabs.query({});
    let found = -1;
    for (const t of tabs) {
      const res = (await api.tabs.sendMessage(t.id!, { channel: 'tieline/2', type: 'getPageMentions' }).catch(() => null))?.value;
      // The newest tab with that URL: an earlier test may have left one open.
      if (res?.url?.startsWith(prefix) && t.id! > found) found = t.id!;
    }
    return found;
  }, urlPrefix);
  await page.close();
  if (id < 0) throw new Error(`no tab for ${urlPrefix}`);
  return id;
}

/**
 * The card's own document. Chromium exposes the extension frame inside the page; Puppeteer's
 * Firefox does not list extension frames of web pages, so there the same card page is opened on
 * its own (the in-page frame is checked through its host's `data-card`).
 */
export async function cardDocument(browser: TestBrowser, page: TestPage, companyId: string): Promise<TestPage> {
  await page.waitUntil(() => document.querySelector('tieline-ui')?.getAttribute('data-card') === 'ready');
  if (browser.name === 'chromium') return page.frame('/card.html');
  return browser.openExtensionPage(`card.html#${encodeURIComponent(companyId)}&test`);
}

/** Open the demo article (or `url`), wait until Tieline has marked it, and find its tab. */
export async function openAnnotatedArticle(browser: TestBrowser, url: string): Promise<{ page: TestPage; tabId: number }> {
  const page = await browser.newPage();
  await page.goto(url);
  await waitForPainted(page, 10);
  return { page, tabId: await tabIdOf(browser, url) };
}
