// `npm run bench:pages`: the built extension itself, in Chromium and in Firefox, on a sample of the
// corpus pages served as `npm run bench` serves them (the pages' own scripts blocked) under a default
// news host. Per page: `tieline:load`, the first scan's busy time and longest slice (`tieline:scan`),
// and the marks in the page 1.5 s later (text that was hidden when scanned is marked later). The
// page is loaded as a reader loads it, so the first scan meets the page as the browser has it then:
// in Firefox, possibly not rendered yet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../e2e/harness/chromium';
import { launchFirefox } from '../e2e/harness/firefox';
import { NEWS_HOST } from '../e2e/harness/types';
import { serve } from '../../tools/serve.mjs';

// Set by extension-pages.mjs, which runs this file bundled from elsewhere.
const ROOT = process.env.TIELINE_ROOT!;
const CORPUS = process.env.TIELINE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const EVERY = Number(process.argv.find((a) => a.startsWith('--every='))?.slice(8) ?? 12);

interface PageFigures { id: string; decodeMs: number; inflateMs: number; deserializeMs: number; loadMs: number; busyMs: number; wallMs: number; floorMs: number; firstFloorMs: number; longestSliceMs: number; chars: number; marks: number }

const ids = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0]);
const sample = ids.filter((_, i) => i % EVERY === 0);
const server = await serve({ '/': CORPUS }, { blockScripts: true });
const rawQuantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const quantile = (xs: number[], q: number) => Math.round(rawQuantile(xs, q) * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

const result: Record<string, unknown> = { pages: sample.length, every: EVERY };
for (const [name, launch, dir] of [['chromium', launchChromium, 'dist/chrome'], ['firefox', launchFirefox, 'dist/firefox']] as const) {
  const browser = await launch(join(ROOT, dir), server.port);
  const page = await browser.newPage();
  const rows: PageFigures[] = [];
  for (const id of sample) {
    await page.goto(`http://${NEWS_HOST}:${server.port}/${id}.html`).catch(() => undefined);
    try {
      await page.waitUntil(() => performance.getEntriesByName('tieline:scan').length > 0, undefined, 15000);
    } catch {
      console.error(`${name} ${id}: no scan`);
      continue;
    }
    await new Promise((r) => setTimeout(r, 1500));
    const f = await page.evaluate(() => {
      const scan = performance.getEntriesByName('tieline:scan')[0] as PerformanceMeasure;
      const load = performance.getEntriesByName('tieline:load')[0] as PerformanceMeasure;
      const d = scan.detail as { busyMs: number; longestSliceMs: number; chars: number };
      // The floor: one TreeWalker pass reading every text node of the page, as the detection issue
      // times it. The first pass is cold, as a reader's page runs it (new code; the page's own
      // wrappers of its nodes made now). Timers are coarse (0.1 ms in Chromium, 1 ms in Firefox):
      // short passes are repeated, warm, for `floorMs`.
      const walk = () => {
        const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let n = 0;
        while (w.nextNode()) n += (w.currentNode as Text).data.length;
        return n;
      };
      let t = performance.now();
      walk();
      let floorMs = performance.now() - t;
      const firstFloorMs = floorMs;
      if (floorMs < 2) {
        t = performance.now();
        for (let i = 0; i < 20; i++) walk();
        floorMs = (performance.now() - t) / 20;
      }
      const loadDetail = load.detail as { decodeMs?: number; inflateMs?: number; deserializeMs?: number };
      return { decodeMs: loadDetail.decodeMs ?? 0, inflateMs: loadDetail.inflateMs ?? 0, deserializeMs: loadDetail.deserializeMs ?? 0, loadMs: load.duration, busyMs: d.busyMs, wallMs: scan.duration, floorMs, firstFloorMs, longestSliceMs: d.longestSliceMs, chars: d.chars, marks: [...CSS.highlights.keys()].filter((k) => k.startsWith('tieline-') && !['tieline-focus', 'tieline-background'].includes(k)).reduce((n, k) => n + CSS.highlights.get(k)!.size, 0) };
    });
    rows.push({ id, ...f });
    console.error(`${name} ${id}: ${JSON.stringify(f)}`);
  }
  await browser.close();
  const col = (k: keyof PageFigures) => rows.map((r) => Math.round((r[k] as number) * 10) / 10);
  result[name] = {
    pagesScanned: rows.length,
    loadMs: { median: quantile(col('loadMs'), 0.5), max: Math.max(...col('loadMs')) },
    // The load's steps (wall time: the page's own tasks run between slices of the decode and the inflate).
    loadStepsMs: { decode: quantile(col('decodeMs'), 0.5), inflate: quantile(col('inflateMs'), 0.5), deserialize: quantile(col('deserializeMs'), 0.5) },
    busyMs: { median: quantile(col('busyMs'), 0.5), p95: quantile(col('busyMs'), 0.95), max: Math.max(...col('busyMs')) },
    wallMs: { median: quantile(col('wallMs'), 0.5), p95: quantile(col('wallMs'), 0.95) },
    floorMs: { median: round2(rawQuantile(rows.map((r) => r.floorMs), 0.5)), p95: round2(rawQuantile(rows.map((r) => r.floorMs), 0.95)) },
    // Tieline's busy time over the floor: medians and p95s of the two columns, and of the per-page ratio.
    timesFloor: {
      medians: round2(rawQuantile(rows.map((r) => r.busyMs), 0.5) / rawQuantile(rows.map((r) => r.floorMs), 0.5)),
      p95s: round2(rawQuantile(rows.map((r) => r.busyMs), 0.95) / rawQuantile(rows.map((r) => r.floorMs), 0.95)),
      perPageMedian: quantile(rows.map((r) => r.busyMs / Math.max(r.floorMs, 0.01)), 0.5),
      perPageP95: quantile(rows.map((r) => r.busyMs / Math.max(r.floorMs, 0.01)), 0.95),
    },
    // Against the first, cold pass alone (coarse: one reading of the page's clock per page).
    firstFloorMs: { median: round2(rawQuantile(rows.map((r) => r.firstFloorMs), 0.5)), p95: round2(rawQuantile(rows.map((r) => r.firstFloorMs), 0.95)) },
    timesFirstFloor: {
      medians: round2(rawQuantile(rows.map((r) => r.busyMs), 0.5) / rawQuantile(rows.map((r) => r.firstFloorMs), 0.5)),
      p95s: round2(rawQuantile(rows.map((r) => r.busyMs), 0.95) / rawQuantile(rows.map((r) => r.firstFloorMs), 0.95)),
      // Firefox's clock counts whole milliseconds: a single pass reads 0 or 1, and only means (of
      // readings whose rounding falls anywhere in the millisecond) say what it costs.
      means: round2(mean(rows.map((r) => r.busyMs)) / mean(rows.map((r) => r.firstFloorMs))),
      meanFirstFloorMs: round2(mean(rows.map((r) => r.firstFloorMs))),
    },
    longestSliceMs: Math.max(...col('longestSliceMs')),
    pagesWithSliceOver50ms: rows.filter((r) => r.longestSliceMs > 50).length,
    marks: { median: quantile(col('marks'), 0.5), total: col('marks').reduce((a, b) => a + b, 0), pagesWithNone: rows.filter((r) => r.marks === 0).length },
  };
}
await server.close();
console.log(JSON.stringify(result, null, 2));
