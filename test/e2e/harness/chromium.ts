import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Frame, type Page } from 'playwright-core';
import { NEWS_HOST, OTHER_HOST, type TestBrowser, type TestPage } from './types';

import { CHROMIUM_PATH, chromiumArgs } from '../../../tools/chromium-args.mjs';

export { CHROMIUM_PATH };

export function withTimeout<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function clickWith(page: Page, x: number, y: number, modifiers: string[]): Promise<void> {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.mouse.click(x, y);
  for (const m of modifiers) await page.keyboard.up(m);
}

function wrap(p: Page | Frame, page: Page): TestPage {
  return {
    goto: async (url) => void (await withTimeout(p.goto(url), `goto ${url}`)),
    // Playwright's evaluate has no timeout of its own: a stalled frame would hang the whole test.
    evaluate: (fn, arg) => withTimeout(p.evaluate(fn as never, arg) as never, `evaluate ${fn.toString().slice(0, 80)}`),
    evaluateSource: (source) => p.evaluate(source),
    click: (s) => withTimeout(p.click(s), `click ${s}`),
    clickAt: (x, y, modifiers = []) => withTimeout(clickWith(page, x, y, modifiers), `click at ${x},${y}`),
    press: (key) => withTimeout(page.keyboard.press(key), `press ${key}`),
    type: (s, text) => p.locator(s).pressSequentially(text),
    waitFor: async (s, timeout = 15_000) => void (await p.waitForSelector(s, { timeout, state: 'attached' })),
    waitUntil: async (fn, arg, timeout = 15_000) => void (await p.waitForFunction(fn as never, arg, { timeout, polling: 100 })),
    upload: (s, file) => p.locator(s).setInputFiles(file),
    screenshot: async (path) => void (await withTimeout(page.screenshot({ path }), `screenshot ${path}`)),
    frame: async (prefix) => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        // The newest live one: a closed card's frame may still be listed for a moment.
        const f = page.frames().filter((fr) => fr.url().includes(prefix) && !fr.isDetached()).pop();
        if (f) return wrap(f, page);
        if (Date.now() > deadline) throw new Error(`no frame ${prefix}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => page.close(),
  };
}

/** Debian's Chromium with the built extension, in a fresh profile (or `profileDir` to reopen one). */
export async function launchChromium(extDir: string, port: number, opts: { profileDir?: string; colorScheme?: 'light' | 'dark'; headless?: boolean } = {}): Promise<TestBrowser & { profileDir: string; closeKeepingProfile(): Promise<void> }> {
  const profileDir = opts.profileDir ?? mkdtempSync(join(tmpdir(), 'tieline-chromium-'));
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: chromiumArgs({ extensionDir: extDir, hosts: [NEWS_HOST, `www.${NEWS_HOST}`, OTHER_HOST], port }),
  });
  // Every Playwright action fails within 20 s, so that a stalled step names itself.
  ctx.setDefaultTimeout(20_000);
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
  // URL.origin is "null" for chrome-extension: in Node; build it from the host.
  const extensionOrigin = `chrome-extension://${new URL(sw.url()).host}`;
  const newPage = async () => {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.error(`[chromium page error] ${e.message}`));
    return wrap(page, page);
  };
  return {
    name: 'chromium',
    extensionOrigin,
    profileDir,
    newPage,
    async openExtensionPage(path) {
      const raw = await ctx.newPage();
      // The popup at its real size, so that screenshots show what a user sees.
      if (path.startsWith('popup.html')) await raw.setViewportSize({ width: 380, height: 600 });
      raw.on('pageerror', (e) => console.error(`[chromium page error] ${e.message}`));
      const page = wrap(raw, raw);
      await page.goto(`${extensionOrigin}/${path}`);
      return page;
    },
    async close() {
      await ctx.close();
      if (!opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
    closeKeepingProfile: () => ctx.close(),
    watchRequests(listener) {
      ctx.on('request', (r) => listener(r.url()));
    },
    // As Chrome does to an idle background after about 30 s: every service worker of the profile stops.
    async stopBackground() {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    },
    // The command's real listener in the service worker, after checking that the browser has bound
    // its shortcut: headless Chromium does not route key presses to extension shortcuts.
    async runCommand(name) {
      const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 30_000 }));
      return worker.evaluate(async (n: string) => {
        const command = (await chrome.commands.getAll()).find((c) => c.name === n);
        if (!command?.shortcut) throw new Error(`${n} has no shortcut`);
        (chrome.commands.onCommand as unknown as { dispatch(name: string): void }).dispatch(n);
        return command.shortcut;
      }, name);
    },
  };
}
