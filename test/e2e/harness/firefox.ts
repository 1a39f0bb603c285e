import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Frame, type Page } from 'puppeteer-core';
import { withTimeout } from './chromium';
import { type TestBrowser, type TestPage } from './types';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'tieline@tieline.dev';
const UUID = '6f3d2c1e-5b7a-4c8d-9e0f-1a2b3c4d5e6f';

function wrap(p: Page | Frame, page: Page): TestPage {
  return {
    goto: async (url) => void (await p.goto(url)),
    evaluate: (fn, arg) => withTimeout(p.evaluate(fn as never, arg) as never, `evaluate ${fn.toString().slice(0, 80)}`),
    evaluateSource: (source) => p.evaluate(source),
    click: (s) => p.click(s),
    clickAt: async (x, y, modifiers = []) => {
      for (const m of modifiers) await page.keyboard.down(m as never);
      await page.mouse.click(x, y);
      for (const m of modifiers) await page.keyboard.up(m as never);
    },
    press: (key) => page.keyboard.press(key as never),
    type: (s, text) => p.type(s, text),
    waitFor: async (s, timeout = 15_000) => void (await p.waitForSelector(s, { timeout })),
    waitUntil: async (fn, arg, timeout = 15_000) => {
      // waitForFunction was flaky on moz-extension pages (BROWSER-TESTING.md): poll by hand.
      const deadline = Date.now() + timeout;
      for (;;) {
        try {
          if (await p.evaluate(fn as never, arg)) return;
        } catch {
          /* navigating */
        }
        if (Date.now() > deadline) throw new Error(`waitUntil timed out: ${fn.toString().slice(0, 120)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    upload: async (s, file) => {
      const input = await p.$(s);
      if (!input) throw new Error(`no ${s}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(file);
    },
    screenshot: async (path) => void (await page.screenshot({ path: path })),
    frame: async (prefix) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const f = page.frames().filter((fr) => fr.url().includes(prefix) && !fr.detached).pop();
        if (f) return wrap(f, page);
        if (Date.now() > deadline) throw new Error(`no frame ${prefix}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => page.close(),
  };
}

/** Debian's Firefox ESR over WebDriver BiDi, with the built extension as a temporary add-on. */
export async function launchFirefox(extDir: string, _port: number, opts: { profileDir?: string; colorScheme?: 'light' | 'dark'; headless?: boolean; firefoxEnv?: Record<string, string> } = {}): Promise<TestBrowser & { profileDir: string; closeKeepingProfile(): Promise<void> }> {
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'tieline-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: opts.headless ?? true,
    userDataDir: profileDir,
    args: ['-remote-allow-system-access'],
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1', ...opts.firefoxEnv },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'network.dns.forceResolve': '127.0.0.1',
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.blocklist.enabled': false,
      'network.trr.mode': 5,
      // A temporary add-on is uninstalled when Firefox closes; keep its id and data, as a real install would.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
    },
  });
  await browser.installExtension(extDir);
  const extensionOrigin = `moz-extension://${UUID}`;
  const requestListeners: ((url: string) => void)[] = [];
  // Every page this harness opens reports its requests (BiDi network events) to the watchers.
  const watched = (page: Page) => {
    page.on('request', (r) => requestListeners.forEach((l) => l(r.url())));
    return page;
  };
  const newPage = async () => {
    const page = watched(await browser.newPage());
    await page.setViewport({ width: 1280, height: 800 });
    return wrap(page, page);
  };
  return {
    name: 'firefox',
    extensionOrigin,
    profileDir,
    newPage,
    async openExtensionPage(path) {
      const page = watched(await browser.newPage());
      await page.setViewport(path.startsWith('popup.html') ? { width: 380, height: 600 } : { width: 1280, height: 800 });
      // page.goto never resolves for moz-extension:// pages: start it and poll.
      page.goto(`${extensionOrigin}/${path}`).catch(() => {});
      const t = wrap(page, page);
      await t.waitUntil(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', undefined, 20_000);
      return t;
    },
    async close() {
      await browser.close();
      if (!opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
    closeKeepingProfile: () => browser.close(),
    watchRequests(listener) {
      requestListeners.push(listener);
    },
  };
}
