// `npm run bench:popup`: how fast the popup shows the companies of a page, with 5,000 companies in
// the database (the bundled ones plus generated ones imported as the user's). Prints JSON.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from '../../build.mjs';
import { serve } from '../tools/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const RUNS = 15;
const TARGET_COMPANIES = 5000;

await build({ quiet: true });
const server = await serve({ '/': join(ROOT, 'test/fixtures') });
const dir = join(ROOT, 'dist/chrome');
const profile = mkdtempSync(join(tmpdir(), 'tieline-popup-bench-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.TIELINE_CHROMIUM ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run',
    `--host-resolver-rules=MAP techcrunch.com 127.0.0.1:${server.port}, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1`],
});
const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const origin = `chrome-extension://${new URL(sw.url()).host}`;
const send = (page, msg) => page.evaluate((m) => chrome.runtime.sendMessage({ channel: 'tieline/1', ...m }), msg);

const admin = await ctx.newPage();
await admin.goto(`${origin}/options.html`);
const before = await send(admin, { type: 'getDataInfo' });
const extra = TARGET_COMPANIES - before.companies;
const rows = ['name,aliases'];
for (let i = 0; i < extra; i++) rows.push(`Benchco ${i} Systems,Benchco ${i}`);
const imported = await send(admin, { type: 'importData', fileName: 'bench.csv', text: rows.join('\n') });
const info = await send(admin, { type: 'getDataInfo' });

const article = await ctx.newPage();
await article.goto(`http://techcrunch.com:${server.port}/demo-article.html`);
await article.waitForFunction(() => document.querySelectorAll('tieline-mark').length > 5);
const tabId = await admin.evaluate(async () => {
  for (const t of await chrome.tabs.query({})) {
    const r = await chrome.tabs.sendMessage(t.id, { channel: 'tieline/1', type: 'getPageMentions' }).catch(() => null);
    if (r) return t.id;
  }
  return -1;
});

const times = [];
const scriptStarts = [];
for (let i = 0; i < RUNS; i++) {
  const popup = await ctx.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`${origin}/popup.html?tab=${tabId}`);
  await popup.waitForFunction(() => performance.getEntriesByName('tieline:popup-render').length > 0);
  times.push(await popup.evaluate(() => performance.getEntriesByName('tieline:popup-render')[0].duration));
  scriptStarts.push(await popup.evaluate(() => performance.getEntriesByName('tieline:popup-script')[0]?.startTime ?? NaN));
  await popup.close();
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const result = {
  companiesInDatabase: info.companies,
  imported: imported.ok ? imported.companies : imported,
  runs: RUNS,
  firstRender: { medianMs: Math.round(q(0.5) * 10) / 10, p95Ms: Math.round(q(0.95) * 10) / 10, maxMs: Math.round(times[times.length - 1] * 10) / 10 },
  scriptStartMedianMs: Math.round([...scriptStarts].sort((a, b) => a - b)[Math.floor(scriptStarts.length / 2)] * 10) / 10,
  target: 'first render under 100 ms',
};
console.log(JSON.stringify(result, null, 2));
await ctx.close();
rmSync(profile, { recursive: true, force: true });
await server.close();
