// `npm run bench:popup`: how fast the popup shows the companies of a page, with 5,000 companies in
// the database (the bundled ones plus generated ones imported as the user's). Prints JSON.
//
// A control runs beside it: an extension page with nothing but a one-line script, opened the same
// way. Its first frame is what the browser needs to show any extension page at all; what the popup
// takes beyond that is the popup's own cost, which is what its code can change.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../../build.mjs';
import { launchExtension, ROOT } from './extension.mjs';

const RUNS = 15;
const TARGET_COMPANIES = 5000;

await build({ quiet: true });
// A copy of the built extension with the control page added, so that dist/ stays as built.
const dir = mkdtempSync(join(tmpdir(), 'tieline-popup-ext-'));
cpSync(join(ROOT, 'dist/chrome'), dir, { recursive: true });
writeFileSync(join(dir, 'bench-blank.html'), '<!doctype html><meta charset="utf-8"><title>blank</title><link rel="stylesheet" href="popup.css"><div id="app">Tieline</div><script src="bench-blank.js"></script>');
writeFileSync(join(dir, 'bench-blank.js'), "performance.mark('tieline:popup-script'); requestAnimationFrame(() => performance.measure('tieline:popup-render', { start: 0, end: performance.now() }));");
const { ctx, origin, article: articleUrl, send, close } = await launchExtension(dir);

const admin = await ctx.newPage();
await admin.goto(`${origin}/options.html`);
const before = await send(admin, { type: 'getDataInfo' });
const extra = TARGET_COMPANIES - before.companies;
const rows = ['name,aliases'];
for (let i = 0; i < extra; i++) rows.push(`Benchco ${i} Systems,Benchco ${i}`);
const imported = await send(admin, { type: 'importData', fileName: 'bench.csv', text: rows.join('\n') });
const info = await send(admin, { type: 'getDataInfo' });

const article = await ctx.newPage();
await article.goto(articleUrl('demo-article.html'));
await article.waitForFunction(() => ([...CSS.highlights.keys()].filter((k) => k.startsWith('tieline-') && !['tieline-focus', 'tieline-background'].includes(k)).reduce((n, k) => n + CSS.highlights.get(k).size, 0)) > 5);
const tabId = await admin.evaluate(async () => {
  for (const t of await chrome.tabs.query({})) {
    const r = (await chrome.tabs.sendMessage(t.id, { channel: 'tieline/2', type: 'getPageMentions' }).catch(() => null))?.value;
    if (r) return t.id;
  }
  return -1;
});

/** Opens a page in a new tab as the toolbar would show it; returns its first-frame and script-start times. */
async function open(path) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 380, height: 600 });
  await page.goto(`${origin}/${path}`);
  await page.waitForFunction(() => performance.getEntriesByName('tieline:popup-render').length > 0);
  const timing = await page.evaluate(() => ({
    frame: performance.getEntriesByName('tieline:popup-render')[0].duration,
    script: performance.getEntriesByName('tieline:popup-script')[0]?.startTime ?? NaN,
  }));
  await page.close();
  return timing;
}

// Interleaved, so that both see the same machine.
const popup = [];
const blank = [];
for (let i = 0; i < RUNS; i++) {
  blank.push(await open('bench-blank.html'));
  popup.push(await open(`popup.html?tab=${tabId}`));
}
const round = (x) => Math.round(x * 10) / 10;
const quantile = (xs, p) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
};
const stats = (xs) => ({ medianMs: quantile(xs, 0.5), p95Ms: quantile(xs, 0.95) });
const own = popup.map((p, i) => p.frame - blank[i].frame);
const result = {
  companiesInDatabase: info.companies,
  imported: imported.ok ? imported.companies : imported,
  runs: RUNS,
  popupFirstFrameFromNavigation: stats(popup.map((p) => p.frame)),
  blankExtensionPageFirstFrameFromNavigation: stats(blank.map((b) => b.frame)),
  popupOwnCost: stats(own),
  popupScriptStartToFirstFrame: stats(popup.map((p) => p.frame - p.script)),
  target: 'the popup shows the page\'s companies within 100 ms of what any extension page needs to appear',
};
console.log(JSON.stringify(result, null, 2));
await close();
rmSync(dir, { recursive: true, force: true });
