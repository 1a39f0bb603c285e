// Tieline's performance benchmark: `npm run bench` (node test/bench/run.mjs). See README.md here.
//   --quick        30 pages, sizes 300 and 3,000
//   --pages N      N pages spread evenly over MANIFEST.tsv (default: all 252)
//   --sizes a,b    dictionary sizes (default 300,3000,30000,100000)
//   --no-keywords  skip mark.js's keyword API sample; --no-breakdown skip the scan breakdown
//   --no-relations skip the relation pass timing (test/bench/relations.mjs)
//   --profile      sample Tieline's cold runs with the CPU profiler; print where the time goes
// Writes test-output/bench.json and prints a table. Not part of `npm test`.
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync, writeFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { runInNewContext } from 'node:vm';
import { loadCore, readBundledDataset } from '../../build.mjs';
import { bigRegExpSource, makeDictionary } from './dictionaries.mjs';
import { serveBench } from './server.mjs';
import { CHROMIUM_PATH, chromiumArgs } from '../../tools/chromium-args.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const CORPUS = process.env.TIELINE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus');
const OUT_DIR = join(ROOT, 'test-output');
const ASSETS = join(ROOT, 'node_modules', '.cache', 'tieline', 'bench');


// ---- options ------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = flag('--quick');
const SIZES = (value('--sizes') ?? (quick ? '300,3000' : '300,3000,30000,100000')).split(',').map(Number);
const PAGE_LIMIT = Number(value('--pages') ?? (quick ? 30 : Infinity));
const KEYWORD_SIZES = SIZES.filter((s) => s <= 3000);
const KEYWORD_PAGES = 5;
const KEYWORD_BUDGET_MS = Number(value('--keyword-budget') ?? 3000);
// mark.js with one RegExp takes seconds a page at 30,000+ names: those sizes run on a sample.
const MARK_LARGE_FROM = 30000;
const MARK_LARGE_PAGES = Number(value('--mark-large-pages') ?? 12);
const BREAKDOWN_SIZES = flag('--no-breakdown') ? [] : SIZES.filter((s) => s === 3000);
// The warm re-run (same code, JIT warm) at one size: enough to show what cold code costs.
const WARM_SIZES = SIZES.filter((s) => s === 3000);
const LONG_TASK_MS = 50;
const PROFILE = flag('--profile');

// ---- small helpers ------------------------------------------------------------------------------
const quantile = (xs, q) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};
const median = (xs) => quantile(xs, 0.5);
const p95 = (xs) => quantile(xs, 0.95);
const r2 = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
const r3 = (x) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
/**
 * Least-squares line of ms against text length: the fixed part of a page's cost (what a page with
 * no text would cost: cold code compiling, regexes, setup) and the part per 1,000 characters.
 */
function costLine(chars, ms) {
  const pts = chars.map((c, k) => [c / 1000, ms[k]]).filter(([c, m]) => Number.isFinite(c) && Number.isFinite(m));
  const n = pts.length;
  if (n < 3) return null;
  const mx = pts.reduce((a, [x]) => a + x, 0) / n;
  const my = pts.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = pts.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const slope = pts.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  return { fixedMs: r2(my - slope * mx), msPer1kChars: r3(slope) };
}
const summary = (xs) => ({ median: r3(median(xs)), p95: r3(p95(xs)), max: r3(Math.max(...xs.filter(Number.isFinite))), n: xs.filter(Number.isFinite).length });
const log = (...a) => console.error(...a);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const nodeHeap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

// ---- corpus -------------------------------------------------------------------------------------
if (!existsSync(join(CORPUS, 'MANIFEST.tsv'))) {
  console.error(`No corpus at ${CORPUS} (set TIELINE_CORPUS)`);
  process.exit(1);
}
const manifest = readFileSync(join(CORPUS, 'MANIFEST.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [id, , , , bytes, textChars, topic] = line.split('\t');
    return { id, bytes: Number(bytes), textChars: Number(textChars), topic };
  });
// --pages N: N pages spread evenly over the manifest (both folders), not just its first N rows.
// --only ID,ID: those pages (ids as in bench.json's slowPages; a prefix is enough), e.g. to run a slow page again.
const ONLY = value('--only')?.split(',');
const spread = PAGE_LIMIT >= manifest.length ? manifest : Array.from({ length: PAGE_LIMIT }, (_, k) => manifest[Math.floor((k * manifest.length) / PAGE_LIMIT)]);
const pages = ONLY ? manifest.filter((p) => ONLY.some((o) => p.id.startsWith(o))) : spread;
// Keyword-API sample: pages at the 10th, 30th, 50th, 70th and 90th percentile of text length.
const byText = [...pages].sort((a, b) => a.textChars - b.textChars);
const markLargePages = new Set(byText.filter((_, k) => k % Math.max(1, Math.floor(byText.length / MARK_LARGE_PAGES)) === 0).slice(0, MARK_LARGE_PAGES).map((p) => p.id));
const keywordPages = new Set(
  flag('--no-keywords') ? [] : [0.1, 0.3, 0.5, 0.7, 0.9].slice(0, KEYWORD_PAGES).map((q) => byText[Math.min(byText.length - 1, Math.floor(q * byText.length))].id),
);

// ---- dictionaries, measured in Node ---------------------------------------------------------------
const tStart = performance.now();
const loadAvgStart = loadavg();
const core = await loadCore();
const { dataset } = await readBundledDataset(core);
mkdirSync(ASSETS, { recursive: true });
mkdirSync(OUT_DIR, { recursive: true });

const dicts = {};
/** The matchers the bench's Node process holds, playing the extension's background. */
const remoteMatchers = {};
for (const size of SIZES) {
  const d = makeDictionary(core, dataset.companies, size);
  // Build (compile) once to warm the JIT on this size, then measure the best of 3.
  core.compileMatcher(d.entries, d.ids);
  const builds = [];
  let heapBuilt = NaN;
  for (let i = 0; i < 3; i++) {
    const h0 = nodeHeap();
    const t0 = performance.now();
    const m = core.compileMatcher(d.entries, d.ids);
    builds.push(performance.now() - t0);
    heapBuilt = nodeHeap() - h0;
    d.compiled = m;
  }
  const t1 = performance.now();
  const bytes = core.serializeMatcher(d.compiled);
  const serializeMs = performance.now() - t1;
  // As the extension ships it: deflated, then base64 (the page inflates it with DecompressionStream).
  const deflated = deflateRawSync(bytes, { level: 9 });
  const b64 = deflated.toString('base64');
  const loads = [];
  let heapLoaded = NaN;
  let loaded;
  for (let i = 0; i < 7; i++) {
    const h0 = nodeHeap();
    const t0 = performance.now();
    const buf = inflateRawSync(Buffer.from(b64, 'base64'));
    loaded = core.deserializeMatcher(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
    loads.push(performance.now() - t0);
    heapLoaded = nodeHeap() - h0;
  }
  void loaded;
  // The names as written, one per folded name, as the matcher holds them.
  const patterns = core.distinctEntries(d.entries).kept.map((e) => e.pattern);
  if (patterns.length !== size) log(`  note: ${size} entries compiled to ${patterns.length} distinct patterns`);
  writeFileSync(join(ASSETS, `tl-${size}.b64`), b64);
  writeFileSync(join(ASSETS, `names-${size}.json`), JSON.stringify(patterns));
  writeFileSync(join(ASSETS, `re-${size}.txt`), bigRegExpSource(patterns));
  writeFileSync(join(ASSETS, `entries-${size}.json`), JSON.stringify({ entries: d.entries, ids: d.ids }));
  dicts[size] = {
    patterns: patterns.length,
    datasetCompanies: d.datasetCompanies,
    datasetPatterns: d.datasetPatterns,
    generatedPatterns: d.generated,
    trieNodes: d.compiled.out.length,
    node: {
      buildMs: r2(Math.min(...builds)),
      serializeMs: r2(serializeMs),
      bytes: bytes.length,
      deflatedBytes: deflated.length,
      base64Chars: b64.length,
      loadMs: r3(median(loads)),
      heapBuiltBytes: heapBuilt,
      heapLoadedBytes: heapLoaded,
    },
  };
  // The extension keeps its matcher in the background; the bench's Node process plays that part.
  remoteMatchers[size] = d.compiled;
  delete d.compiled;
  log(`dictionary ${size}: ${d.datasetPatterns} dataset + ${d.generated} generated patterns, ${dicts[size].trieNodes} trie nodes, ` +
    `build ${dicts[size].node.buildMs} ms, ${(bytes.length / 1024).toFixed(0)} KiB (${(deflated.length / 1024).toFixed(0)} KiB deflated), load ${dicts[size].node.loadMs} ms (Node)`);
}

// ---- page-side bundle ---------------------------------------------------------------------------
const bundle = await esbuild.build({
  entryPoints: [join(HERE, 'page-entry.ts')],
  bundle: true,
  format: 'iife',
  target: ['chrome120'],
  loader: { '.css': 'text' },
  write: false,
  minify: false,
  logLevel: 'warning',
});
const markJs = readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
const initScript = `${markJs}\n;${bundle.outputFiles[0].text}`;
let evalCount = 0;
/** The same code as a new script (the unique comment defeats V8's compilation cache): cold again. */
const coldScript = () => `${initScript}\n//# tieline-bench cold ${++evalCount}`;

// ---- browser ------------------------------------------------------------------------------------
const server = await serveBench({ corpus: CORPUS, assets: ASSETS });
const origin = `http://127.0.0.1:${server.port}`;
const profile = mkdtempSync(join(tmpdir(), 'tieline-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: chromiumArgs({ extra: ['--enable-precise-memory-info', '--js-flags=--expose-gc'] }),
});
let blocked = 0;
await context.route('**/*', (route) => {
  if (route.request().url().startsWith(`${origin}/`)) return route.continue();
  blocked++;
  return route.abort('blockedbyclient');
});
await context.addInitScript({ content: initScript });
const browserVersion = context.browser()?.version() ?? (await (async () => {
  const p = await context.newPage();
  const v = await p.evaluate(() => navigator.userAgent);
  await p.close();
  return v;
})());
// The background's side of `matchTexts` for the remote sizes: context cues carry over within a run
// (one page's scan), as the background keeps them per page.
const remoteStates = new Map();
await context.exposeFunction('__benchMatchAll', (run, size, message) => {
  const texts = JSON.parse(message);
  if (!remoteStates.has(run)) {
    if (remoteStates.size > 64) remoteStates.clear();
    remoteStates.set(run, core.newContextState());
  }
  const state = remoteStates.get(run);
  const m = remoteMatchers[size];
  // As src/background/match-texts.ts answers.
  const mentions = [];
  const undecided = [];
  for (const t of texts) {
    const held = [];
    mentions.push(core.matchCompanies(m, t, state, held));
    undecided.push(held);
  }
  return { mentions, undecided, confirmed: [...core.confirmedCompanies(m, state)] };
});
let page = context.pages()[0] ?? (await context.newPage());
const pageErrors = [];

async function freshPage(id) {
  try {
    await page.goto(`${origin}/${id}.html`, { waitUntil: 'load', timeout: 30000 });
  } catch (e) {
    // A page that never fires `load` (a stalled subresource) is still measurable once parsed.
    if (!String(e.message).includes('Timeout')) throw e;
    await page.waitForLoadState('domcontentloaded');
  }
  // One frame after load, so the first layout and paint are done before any clock starts.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
}

const call = (fn, ...args) => page.evaluate(([name, a]) => globalThis.__bench[name](...a), [fn, args]);
/** Load the page and keep a copy of its body as parsed. */
async function load(id) {
  await freshPage(id);
  await call('prepare');
}
/**
 * A fresh copy of the parsed body, then one measurement, with freshly compiled code (mark.js and
 * the bench bundle evaluated again) unless `warm`.
 */
async function onFresh(fn, ...args) {
  await call('fresh');
  await page.evaluate(coldScript());
  return call(fn, ...args);
}
async function onFreshWarm(fn, ...args) {
  await call('fresh');
  return call(fn, ...args);
}

async function guarded(id, what, run) {
  try {
    return await run();
  } catch (e) {
    pageErrors.push({ page: id, what, error: String(e.message ?? e).split('\n')[0] });
    log(`  ${id} ${what}: ${String(e.message ?? e).split('\n')[0]}`);
    if (page.isClosed() || /crash|closed/i.test(String(e.message))) page = await context.newPage();
    return null;
  }
}

// ---- CPU profile (--profile): self time per function over Tieline's cold runs, by size -----------
const profiler = {
  session: null,
  self: {},
  async start() {
    this.session ??= await context.newCDPSession(page);
    await this.session.send('Profiler.enable');
    await this.session.send('Profiler.setSamplingInterval', { interval: 50 });
    await this.session.send('Profiler.start');
  },
  async stop(size) {
    const { profile } = await this.session.send('Profiler.stop');
    const bySize = (this.self[size] ??= {});
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, k) => {
      const f = nodes.get(id).callFrame;
      const key = `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();
      bySize[key] = (bySize[key] ?? 0) + (dt[k + 1] ?? 0) / 1000;
    });
  },
  report() {
    for (const [size, fns] of Object.entries(this.self)) {
      const top = Object.entries(fns).filter(([k]) => !/^\((idle|program|garbage collector)\)/.test(k) || true).sort((a, b) => b[1] - a[1]).slice(0, 30);
      const total = Object.values(fns).reduce((a, b) => a + b, 0);
      log(`\nprofile, ${size} names: ${total.toFixed(0)} ms sampled`);
      for (const [k, ms] of top) log(`  ${ms.toFixed(1).padStart(8)} ms  ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
    }
  },
};

// ---- the runs -----------------------------------------------------------------------------------
const rows = [];
const pageBuild = {};
const asset = (name) => `${origin}/__bench/${name}`;
const tMeasure = performance.now();
for (const [i, p] of pages.entries()) {
  const tPage = performance.now();
  const row = { id: p.id, textChars: p.textChars, bytes: p.bytes, floor: null, floors: [], reference: null, floorParsed: null, tieline: {}, tielineWarm: {}, tielinePrimed: {}, markRegExp: {}, keywords: {}, breakdown: {} };
  // One page load; every measurement on its own fresh copy of the parsed body, with cold code.
  const ok = await guarded(p.id, 'load', async () => (await load(p.id), true));
  if (ok) {
    row.floorParsed = (await guarded(p.id, 'floor (parsed DOM)', () => call('floor')))?.ms ?? null;
    for (const size of SIZES) {
      if (i === 0) pageBuild[size] = await guarded(p.id, `build ${size}`, () => onFresh('buildInPage', asset(`entries-${size}.json`)));
      if (PROFILE) await profiler.start();
      row.tieline[size] = await guarded(p.id, `tieline ${size}`, () => onFresh('tieline', size));
      if (PROFILE) await profiler.stop(size);
      // The same code again, now warm: what the scan costs once the JIT has done its work.
      if (WARM_SIZES.includes(size)) row.tielineWarm[size] = await guarded(p.id, `tieline warm ${size}`, () => onFreshWarm('tieline', size));
      // Cold code again, but primed by a scan of two paragraphs of its own: what first execution costs.
      if (WARM_SIZES.includes(size)) row.tielinePrimed[size] = await guarded(p.id, `tieline primed ${size}`, () => onFresh('tielinePrimed', size));
      if (size === SIZES[0]) {
        const fl = await guarded(p.id, 'floor', () => onFresh('floor'));
        if (fl) row.floors.push(fl.ms);
        row.reference = await guarded(p.id, 'reference scan', () => onFresh('referenceScan'));
      }
      if (size < MARK_LARGE_FROM || markLargePages.has(p.id)) row.markRegExp[size] = await guarded(p.id, `markRegExp ${size}`, () => onFresh('markRegExp', asset(`re-${size}.txt`)));
      if (BREAKDOWN_SIZES.includes(size)) row.breakdown[size] = await guarded(p.id, `breakdown ${size}`, () => onFresh('breakdown', asset(`tl-${size}.b64`)));
      if (keywordPages.has(p.id) && KEYWORD_SIZES.includes(size)) {
        row.keywords[size] = await guarded(p.id, `keywords ${size}`, () => onFresh('markKeywords', asset(`names-${size}.json`), KEYWORD_BUDGET_MS));
      }
    }
  }
  // The page's floor: the median of its passes (one per load).
  row.floor = row.floors.length ? { ms: median(row.floors) } : null;
  row.benchSeconds = r2((performance.now() - tPage) / 1000);
  rows.push(row);
  if ((i + 1) % 10 === 0 || i + 1 === pages.length) {
    const el = (performance.now() - tMeasure) / 1000;
    log(`${i + 1}/${pages.length} pages, ${el.toFixed(0)} s (${((el / (i + 1)) * (pages.length - i - 1)).toFixed(0)} s to go)`);
  }
}
if (PROFILE) profiler.report();
await context.close();
await server.close();
rmSync(profile, { recursive: true, force: true });

// ---- results ------------------------------------------------------------------------------------
const floors = rows.map((r) => r.floor?.ms ?? NaN);
const floorMedian = median(floors);
const floorP95 = p95(floors);
const results = {};
const slowPages = [];
for (const size of SIZES) {
  const tl = rows.map((r) => r.tieline[size]);
  const busy = tl.map((t) => t?.busyMs ?? NaN);
  const wall = tl.map((t) => t?.wallMs ?? NaN);
  const loads = tl.map((t) => t?.loadMs ?? NaN);
  const mre = rows.map((r) => r.markRegExp[size]?.ms ?? NaN);
  const perPageRatio = rows.map((r, k) => busy[k] / r.floor?.ms);
  const perPageSpeedup = rows.map((r, k) => mre[k] / busy[k]);
  const sampled = rows.map((r, k) => Number.isFinite(mre[k]));
  const longestSlice = Math.max(...tl.map((t) => t?.longestSliceMs ?? 0));
  const longTasks = tl.flatMap((t) => t?.longTasks ?? []);
  const longTasksAfter = tl.flatMap((t) => t?.longTasksAfter ?? []);
  rows.forEach((r, k) => {
    const t = tl[k];
    if (!t) return;
    const worst = Math.max(t.longestSliceMs, ...t.longTasks.map((x) => x.duration));
    if (worst > LONG_TASK_MS) slowPages.push({ size, page: r.id, longestSliceMs: r2(t.longestSliceMs), longTasks: t.longTasks, busyMs: r2(t.busyMs), textChars: r.textChars });
  });
  const kw = rows.filter((r) => r.keywords[size]).map((r) => ({ page: r.id, textChars: r.textChars, ms: r2(r.keywords[size].ms), estimatedMs: r2(r.keywords[size].estimatedMs), complete: r.keywords[size].complete, keywordsDone: r.keywords[size].keywordsDone, floorMs: r3(r.floor?.ms), tielineMs: r3(r.tieline[size]?.busyMs) }));
  const bd = rows.map((r) => r.breakdown[size]).filter(Boolean);
  const sumOf = (k) => bd.reduce((n, b) => n + b[k], 0);
  results[size] = {
    dictionary: dicts[size],
    pageBuild: pageBuild[size] && { buildMs: r2(pageBuild[size].ms), heapDeltaBytes: pageBuild[size].heapDelta },
    pageLoad: { ...summary(loads), heapDeltaBytesMedian: median(tl.map((t) => t?.heapDelta ?? NaN)) },
    floor: summary(floors),
    tieline: {
      scanBusy: summary(busy),
      scanWall: summary(wall),
      slices: summary(tl.map((t) => t?.slices ?? NaN)),
      marks: summary(tl.map((t) => t?.marks ?? NaN)),
      longestSliceMs: r2(longestSlice),
      longestLongTaskMs: longTasks.length ? Math.max(...longTasks.map((x) => x.duration)) : 0,
      longTasks: longTasks.length,
      longestRenderTaskAfterMs: longTasksAfter.length ? Math.max(...longTasksAfter.map((x) => x.duration)) : 0,
    },
    costLine: {
      floor: costLine(rows.map((r) => r.textChars), floors),
      tieline: costLine(rows.map((r) => r.textChars), busy),
      tielineWarm: costLine(rows.map((r) => r.textChars), rows.map((r) => r.tielineWarm[size]?.busyMs ?? NaN)),
    },
    tielineWarm: {
      scanBusy: summary(rows.map((r) => r.tieline && r.tielineWarm[size]?.busyMs).map((x) => x ?? NaN)),
      ratioToFloorMedian: r2(median(rows.map((r) => r.tielineWarm[size]?.busyMs ?? NaN)) / floorMedian),
      ratioToFloorP95: r2(p95(rows.map((r) => r.tielineWarm[size]?.busyMs ?? NaN)) / floorP95),
    },
    tielinePrimed: {
      scanBusy: summary(rows.map((r) => r.tielinePrimed[size]?.busyMs ?? NaN)),
      ratioToFloorMedian: r2(median(rows.map((r) => r.tielinePrimed[size]?.busyMs ?? NaN)) / floorMedian),
      ratioToFloorP95: r2(p95(rows.map((r) => r.tielinePrimed[size]?.busyMs ?? NaN)) / floorP95),
      firstRunMsMedian: r2(median(rows.map((r, k) => busy[k] - (r.tielinePrimed[size]?.busyMs ?? NaN)))),
    },
    referenceScan: {
      ...summary(rows.map((r) => r.reference?.ms ?? NaN)),
      ratioToFloorMedian: r2(median(rows.map((r) => r.reference?.ms ?? NaN)) / floorMedian),
      ratioToFloorP95: r2(p95(rows.map((r) => r.reference?.ms ?? NaN)) / floorP95),
      tielineToReferenceMedian: r2(median(busy) / median(rows.map((r) => r.reference?.ms ?? NaN))),
      paintedMedian: median(rows.map((r) => r.reference?.painted ?? NaN)),
    },
    ratioToFloor: {
      median: r2(median(busy) / floorMedian),
      p95: r2(p95(busy) / floorP95),
      perPageMedian: r2(median(perPageRatio)),
      perPageP95: r2(p95(perPageRatio)),
    },
    markRegExp: {
      ...summary(mre),
      compileMs: summary(rows.map((r) => r.markRegExp[size]?.compileMs ?? NaN)),
      // Ratios over the pages mark.js ran on (all pages below 30,000 names, a sample above).
      floorMedianOnSample: r3(median(floors.filter((_, k) => sampled[k]))),
      ratioToFloorMedian: r2(median(mre) / median(floors.filter((_, k) => sampled[k]))),
      marks: summary(rows.map((r) => r.markRegExp[size]?.marks ?? NaN)),
    },
    speedupVsMarkRegExp: { median: r2(median(mre) / median(busy.filter((_, k) => sampled[k]))), perPageMedian: r2(median(perPageSpeedup)) },
    markKeywords: kw,
    breakdown: bd.length
      ? {
          pages: bd.length,
          totalMs: { walk: r2(sumOf('walkMs')), scan: r2(sumOf('scanMs')), context: r2(sumOf('contextMs')), map: r2(sumOf('mapMs')), wrap: r2(sumOf('wrapMs')) },
          medianMs: { walk: r3(median(bd.map((b) => b.walkMs))), scan: r3(median(bd.map((b) => b.scanMs))), context: r3(median(bd.map((b) => b.contextMs))), wrap: r3(median(bd.map((b) => b.wrapMs))), total: r3(median(bd.map((b) => b.totalMs))) },
          warmTotalMs: { floor: r2(sumOf('warmFloorMs')), filterWalk: r2(sumOf('warmFilterWalkMs')), paragraphs: r2(sumOf('warmParagraphsMs')) },
          rawMatches: sumOf('rawMatches'),
          marks: sumOf('marks'),
        }
      : null,
    targets: {
      medianWithin5xFloor: median(busy) <= 5 * floorMedian,
      p95Within12xFloor: p95(busy) <= 12 * floorP95,
      noTaskOver50ms: longestSlice <= LONG_TASK_MS && longTasks.every((x) => x.duration <= LONG_TASK_MS),
    },
  };
}

const report = {
  when: new Date().toISOString(),
  browser: browserVersion,
  node: process.version,
  cores: cpus().length,
  corpus: CORPUS,
  pages: rows.length,
  sizes: SIZES,
  keywordSample: [...keywordPages],
  markRegExpLargeSample: [...markLargePages],
  keywordBudgetMs: KEYWORD_BUDGET_MS,
  blockedRequests: blocked,
  loadAverage: { start: loadAvgStart.map(r2), end: loadavg().map(r2) },
  runSeconds: Math.round((performance.now() - tStart) / 1000),
  method: {
    floor: 'one TreeWalker(SHOW_TEXT) pass over document.body reading every Text node\'s data, on a freshly loaded page',
    tieline: "Annotator (scope 'page', firstOnly false, content-script decoration and mark style) over document.body on a freshly loaded page; scan = busyMs (sum of slices, wrapping included); wall = start() to resolve",
    referenceScan: "the least a cold scan that paints does, for scale: TreeWalker(SHOW_TEXT) over document.body, text joined per parent element, indexOf('the ') per parent, the first 5 finds painted (checkVisibility, StaticRange, two registered Highlights); cold code, fresh body, as tieline",
    load: 'base64 decode + deserializeMatcher, in the page, per page',
    markRegExp: 'new RegExp(one alternation of all patterns, longest first, ASCII word edges, flags gi) + Mark(body).markRegExp, fresh page',
    markKeywords: `Mark(body).mark(names, {separateWordSearch:false, accuracy:exactly with punctuation limiters, diacritics:true}) in chunks of 100 in mark.js order; stopped after ${KEYWORD_BUDGET_MS} ms and extrapolated`,
    fresh: 'one page load per page; each measurement runs on its own fresh deep copy of the parsed body (cloneNode, swapped in, two frames to style and lay out) and with freshly compiled code (mark.js and the bench bundle evaluated again with a unique suffix, so V8 caches nothing), as a content script on a newly loaded page; gc() and a new task before each clock starts. tielineWarm (3,000 names only) = a second Tieline run right after the cold one, same code; tielinePrimed (3,000 names only) = cold code that first scans two paragraphs of its own, added to the page and taken out again with a frame to lay out (code compiled, inline caches set), then this page',
  },
  results,
  slowPages,
  errors: pageErrors,
  perPage: rows.map((r) => ({
    id: r.id,
    textChars: r.textChars,
    floorMs: r3(r.floor?.ms),
    floorParsedMs: r3(r.floorParsed),
    referenceScanMs: r3(r.reference?.ms),
    tieline: Object.fromEntries(SIZES.map((s) => [s, r.tieline[s] && { busyMs: r3(r.tieline[s].busyMs), wallMs: r3(r.tieline[s].wallMs), longestSliceMs: r3(r.tieline[s].longestSliceMs), slices: r.tieline[s].slices, marks: r.tieline[s].marks, loadMs: r3(r.tieline[s].loadMs) }])),
    tielineWarmMs: Object.fromEntries(SIZES.map((s) => [s, r3(r.tielineWarm[s]?.busyMs)])),
    tielinePrimedMs: Object.fromEntries(SIZES.map((s) => [s, r3(r.tielinePrimed[s]?.busyMs)])),
    markRegExpMs: Object.fromEntries(SIZES.map((s) => [s, r3(r.markRegExp[s]?.ms)])),
    markRegExpCompileMs: Object.fromEntries(SIZES.map((s) => [s, r3(r.markRegExp[s]?.compileMs)])),
  })),
};
writeFileSync(join(OUT_DIR, 'bench.json'), JSON.stringify(report, null, 2));

// ---- table --------------------------------------------------------------------------------------
const f = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? '-' : x.toFixed(d));
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
const table = [];
table.push(`Tieline bench: ${rows.length} pages, ${browserVersion}, ${cpus().length} cores, ${report.runSeconds} s`);
table.push('');
const head = ['names', 'floor med/p95', 'Tieline med/p95', 'x floor med/p95', 'warm med/p95 (x floor)', 'wall med', 'mark.js RE med/p95', 'RE x floor', 'speed-up', 'build ms', 'load ms (node/page)', 'bytes', 'longest slice/task'];
const body = SIZES.map((s) => {
  const r = results[s];
  return [
    s.toLocaleString('en'),
    `${f(r.floor.median)} / ${f(r.floor.p95)}`,
    `${f(r.tieline.scanBusy.median)} / ${f(r.tieline.scanBusy.p95)}`,
    `${f(r.ratioToFloor.median)} / ${f(r.ratioToFloor.p95)}`,
    `${f(r.tielineWarm.scanBusy.median)} / ${f(r.tielineWarm.scanBusy.p95)} (${f(r.tielineWarm.ratioToFloorMedian, 1)} / ${f(r.tielineWarm.ratioToFloorP95, 1)})`,
    f(r.tieline.scanWall.median),
    `${f(r.markRegExp.median, 1)} / ${f(r.markRegExp.p95, 1)}${s >= MARK_LARGE_FROM ? ` (${r.markRegExp.n}p)` : ''}`,
    f(r.markRegExp.ratioToFloorMedian, 1),
    `${f(r.speedupVsMarkRegExp.median, 1)}x`,
    `${f(r.dictionary.node.buildMs, 1)}${r.pageBuild ? ` / ${f(r.pageBuild.buildMs, 1)}` : ''}`,
    `${f(r.dictionary.node.loadMs)} / ${f(r.pageLoad.median)}`,
    kb(r.dictionary.node.bytes),
    `${f(r.tieline.longestSliceMs, 1)} / ${f(r.tieline.longestLongTaskMs, 0)}`,
  ];
});
const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
const line = (cells) => `| ${cells.map((c, k) => c.padStart(widths[k])).join(' | ')} |`;
table.push(line(head));
table.push(`|${widths.map((w) => '-'.repeat(w + 1) + ':').join('|')}|`);
for (const b of body) table.push(line(b));
table.push('');
table.push('ms per page. Tieline = the page\'s own scan work (walk, paint; the matching is the background\'s, played by Node), cold code as on a new page; warm = the same run again once the JIT is warm; wall = the scan from start to end, the background\'s answers included.');
table.push('"x floor" = Tieline median / floor median and p95 / p95; speed-up = mark.js RegExp median / Tieline median;');
table.push(`mark.js RE: all pages below ${MARK_LARGE_FROM.toLocaleString('en')} names, a sample of pages (Np) above; RE x floor and speed-up over the same pages.`);
table.push('build ms = Node / in page; longest slice = Tieline\'s longest slice, task = longest Long Tasks API entry during its scans.');
for (const s of SIZES) {
  const r = results[s];
  const t = r.targets;
  table.push(`${s.toLocaleString('en')} names: median within 5x floor ${t.medianWithin5xFloor ? 'yes' : 'NO'}, p95 within 12x ${t.p95Within12xFloor ? 'yes' : 'NO'}, no task over 50 ms ${t.noTaskOver50ms ? 'yes' : 'NO'}; ` +
    `per-page ratio median ${f(r.ratioToFloor.perPageMedian)} p95 ${f(r.ratioToFloor.perPageP95)}; marks/page median ${r.tieline.marks.median} (mark.js ${r.markRegExp.marks.median}); mark.js RegExp compile median ${f(r.markRegExp.compileMs.median, 1)} ms; page load median/p95 ${f(r.pageLoad.median)}/${f(r.pageLoad.p95)} ms; ` +
    `heap: Node built ${kb(r.dictionary.node.heapBuiltBytes)}, loaded ${kb(r.dictionary.node.heapLoadedBytes)}, page load ${kb(r.pageLoad.heapDeltaBytesMedian)}`);
  const cl = (c) => (c ? `${f(c.fixedMs)} ms + ${f(c.msPer1kChars, 3)} ms per 1,000 characters` : '-');
  if (r.tielinePrimed && Number.isFinite(r.tielinePrimed.scanBusy.median)) {
    table.push(`  primed by a scan of two paragraphs of its own (same cold code, the page's text untouched): ${f(r.tielinePrimed.scanBusy.median)} / ${f(r.tielinePrimed.scanBusy.p95)} ms, ` +
      `${f(r.tielinePrimed.ratioToFloorMedian)}x / ${f(r.tielinePrimed.ratioToFloorP95)}x the floor; first execution (cold minus primed, per page) median ${f(r.tielinePrimed.firstRunMsMedian)} ms`);
  }
  if (Number.isFinite(r.referenceScan.median)) {
    table.push(`  reference scan (walk, text joined per parent, indexOf, ${r.referenceScan.paintedMedian} paints: the least a cold scan that paints does): ` +
      `${f(r.referenceScan.median)} / ${f(r.referenceScan.p95)} ms, ${f(r.referenceScan.ratioToFloorMedian)}x / ${f(r.referenceScan.ratioToFloorP95)}x the floor; Tieline ${f(r.referenceScan.tielineToReferenceMedian)}x the reference at the median`);
  }
  table.push(`  cost line (least squares over pages): floor ${cl(r.costLine.floor)}; Tieline ${cl(r.costLine.tieline)}` +
    (r.costLine.tielineWarm ? `; warm ${cl(r.costLine.tielineWarm)}` : ''));
}
for (const s of SIZES) {
  const kw = results[s].markKeywords;
  if (kw.length === 0) continue;
  table.push(`mark.js keyword API, ${s.toLocaleString('en')} names: ` + kw.map((k) => `${k.page} ${f(k.estimatedMs / 1000, 1)} s${k.complete ? '' : '*'} (floor ${f(k.floorMs)} ms, Tieline ${f(k.tielineMs)} ms)`).join('; '));
}
if (Object.values(results).some((r) => r.markKeywords.some((k) => !k.complete))) table.push(`  * stopped after ${KEYWORD_BUDGET_MS / 1000} s and extrapolated by keyword count`);
for (const s of SIZES) {
  const b = results[s].breakdown;
  if (!b) continue;
  const tot = b.totalMs.walk + b.totalMs.scan + b.totalMs.context + b.totalMs.map + b.totalMs.wrap;
  const pct = (x) => `${((100 * x) / tot).toFixed(0)}%`;
  table.push(`breakdown, ${s.toLocaleString('en')} names, all pages: walk ${f(b.totalMs.walk, 0)} ms (${pct(b.totalMs.walk)}), trie scan ${f(b.totalMs.scan, 0)} (${pct(b.totalMs.scan)}), ` +
    `context ${f(b.totalMs.context, 0)} (${pct(b.totalMs.context)}), wrap ${f(b.totalMs.wrap, 0)} (${pct(b.totalMs.wrap)}); warm: plain walk ${f(b.warmTotalMs.floor, 0)}, walk+filter ${f(b.warmTotalMs.filterWalk, 0)}, paragraphs ${f(b.warmTotalMs.paragraphs, 0)}`);
}
for (const s of SIZES) {
  const slow = slowPages.filter((x) => x.size === s);
  const worst = (x) => Math.max(x.longestSliceMs, ...x.longTasks.map((t) => t.duration));
  const top = [...slow].sort((a, b) => worst(b) - worst(a)).slice(0, 5);
  table.push(`${s.toLocaleString('en')} names: ${slow.length} of ${rows.length} pages had a Tieline task over ${LONG_TASK_MS} ms (matcher load included)` +
    (top.length ? `; worst: ${top.map((x) => `${x.page.replace(/^aeb\/(.{8}).*$/, 'aeb/$1')} (slice ${x.longestSliceMs}, long tasks ${x.longTasks.map((t) => t.duration).join('/') || '-'})`).join(', ')}` : ''));
}
table.push('(every page over the limit: slowPages in bench.json)');
if (pageErrors.length) table.push(`errors: ${pageErrors.length} (see bench.json)`);
table.push(`written: test-output/bench.json`);
console.log(table.join('\n'));

// The relation pass ("From this article"): its cost per corpus page, in the background's place.
if (!flag('--no-relations')) await import('./relations.mjs');
