// The built Chrome extension in headless Chromium, with the test fixtures served under a default
// news host, for the benchmarks that need the real extension (bench:popup, bench:load).
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, chromiumArgs } from '../../tools/chromium-args.mjs';
import { serve } from '../../tools/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Launch Chromium with the unpacked extension in `dir` on a fresh profile. */
export async function launchExtension(dir) {
  const server = await serve({ '/': join(ROOT, 'test/fixtures') });
  const profile = mkdtempSync(join(tmpdir(), 'tieline-bench-profile-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs({ extensionDir: dir, hosts: ['techcrunch.com'], port: server.port }),
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(sw.url()).host}`;
  return {
    ctx,
    origin,
    article: (name) => `http://techcrunch.com:${server.port}/${name}`,
    /** A request to the background, from an extension page. */
    send: (page, msg) => page.evaluate(async (m) => (await chrome.runtime.sendMessage({ channel: 'tieline/2', ...m })).value, msg),
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
      await server.close();
    },
  };
}
