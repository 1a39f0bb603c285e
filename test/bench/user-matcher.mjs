// `npm run bench:load`: what a page pays to get the matcher ready (`tieline:load`) in the real
// extension, with the bundled dataset and with the user's own companies at 30,000 and 100,000
// names (generated, imported as CSV). Also the longest task on the page while Tieline starts and
// scans, and when the marks are in (end of the first scan, from navigation start), including on the
// first page after the background was stopped (Chrome stops an idle service worker after 30 s).
// Headless Chromium; prints JSON.
import { join } from 'node:path';
import { build } from '../../build.mjs';
import { generatedNames } from './dictionaries.mjs';
import { launchExtension, ROOT } from './extension.mjs';

const LOADS = 9;
// `--sizes=` (empty): the bundled dataset only.
const SIZES = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? '30000,100000').split(',').map(Number).filter((n) => n > 0);

await build({ quiet: true });
const { ctx, origin, article, send, close } = await launchExtension(join(ROOT, 'dist/chrome'));
const admin = await ctx.newPage();
await admin.goto(`${origin}/options.html`);

const round = (x) => Math.round(x * 10) / 10;
const quantile = (xs, p) => round([...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]);

/** Load the demo article `loads` times; `tieline:load`, first marks and the longest task of each load. */
async function measure(loadCount = LOADS) {
  const loads = [];
  const tasks = [];
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    const g = globalThis;
    g.__longest = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) g.__longest = Math.max(g.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const marked = [];
  for (let i = 0; i < loadCount; i++) {
    await page.goto(`${article('demo-article.html')}?${i}`);
    await page.waitForFunction(() => performance.getEntriesByName('tieline:scan').length > 0, null, { timeout: 60000 });
    const r = await page.evaluate(() => ({
      load: performance.getEntriesByName('tieline:load')[0].duration,
      marked: ((s) => s.startTime + s.duration)(performance.getEntriesByName('tieline:scan')[0]),
      longest: globalThis.__longest,
    }));
    loads.push(r.load);
    marked.push(r.marked);
    tasks.push(r.longest);
  }
  await page.close();
  const summary = (xs) => ({ median: quantile(xs, 0.5), max: round(Math.max(...xs)), each: xs.map(round) });
  return { loadMs: summary(loads), markedMs: summary(marked), longestTaskMs: summary(tasks) };
}

const result = { bundled: await measure() };
const names = generatedNames();
let imported = 0;
for (const size of SIZES) {
  const rows = ['name'];
  for (; imported < size; imported++) rows.push(`"${names.next().value} ${imported}"`);
  const t0 = Date.now();
  const r = await send(admin, { type: 'importData', fileName: 'bench.csv', text: rows.join('\n') });
  if (!r.ok) throw new Error(JSON.stringify(r).slice(0, 500));
  const info = await send(admin, { type: 'getDataInfo' });
  const steady = await measure();
  // The background stopped, as Chrome does after 30 s idle: the next page waits for it to start.
  const cdp = await ctx.newCDPSession(admin);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await admin.waitForTimeout(500);
  const afterRestart = (await measure(1)).markedMs.max;
  await cdp.detach();
  result[`user${size}`] = { companiesInDatabase: info.companies, importSeconds: round((Date.now() - t0) / 1000), ...steady, markedAfterBackgroundRestartMs: afterRestart };
}
result.target = 'tieline:load under 10 ms with the bundled dataset, under 30 ms with 100,000 names; no task over 50 ms';
console.log(JSON.stringify(result, null, 2));
await close();
