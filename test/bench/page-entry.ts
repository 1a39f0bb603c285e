/**
 * Page side of the benchmark: bundled by run.mjs (esbuild, IIFE) and installed in every corpus page
 * with Playwright's addInitScript, next to mark.js's own dist file (global `Mark`). Each function
 * measures one thing on the page as loaded (run.mjs reloads the page between measurements).
 * Inputs (matchers, name lists) are fetched from the bench server before the clock starts.
 */
import { Annotator } from '../../src/content/annotator';
import type { MatchAnswer, PageMatcher } from '../../src/content/page-matcher';
import { Painter, type MentionRange } from '../../src/content/painter';
// The marks' stylesheet, as text (run.mjs bundles .css files with esbuild's text loader).
import markCss from '../../src/content/marks.css';
import { paragraphs } from '../../src/content/text-walker';
import { compileMatcher, deserializeMatcher, newContextState, scanText, type CompiledMatcher, type MatcherEntry } from '../../src/core/matcher';
import { resolveContext } from '../../src/core/matcher/context';


interface MarkInstance {
  markRegExp(re: RegExp, opt: Record<string, unknown>): void;
  mark(keywords: string[], opt: Record<string, unknown>): void;
}
declare const Mark: new (ctx: Element) => MarkInstance;

interface LongTask {
  start: number;
  duration: number;
}

const g = globalThis as unknown as {
  gc?: () => void;
  __benchLongTasks?: LongTask[];
  __benchPristine?: HTMLElement;
  __bench: Record<string, unknown>;
  performance: Performance & { memory?: { usedJSHeapSize: number } };
};

// Long tasks of the whole page life, from the first moment (this runs before the page's parser).
// This file is evaluated again (with a unique suffix, so nothing is cached) before each measurement
// to run it with cold code; page-wide state lives on globalThis and is set up once.
if (!g.__benchLongTasks) {
  const tasks: LongTask[] = (g.__benchLongTasks = []);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API (Firefox): our own slice times still count.
  }
}

/**
 * Collect garbage before a measurement (Chromium runs with --js-flags=--expose-gc), then start the
 * measurement in a new task, so that the collection is not counted as part of a long task.
 */
const collect = async () => {
  g.gc?.();
  await new Promise((r) => setTimeout(r, 0));
};
const heap = () => g.performance.memory?.usedJSHeapSize ?? NaN;

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/**
 * Keep an untouched copy of the body as parsed; call once after load, before any measurement.
 * Also gives the page the marks' stylesheet, which the browser injects with the content script
 * before the page's first style pass (the page is styled with it before any clock starts).
 */
async function prepare() {
  g.__benchPristine = document.body.cloneNode(true) as HTMLElement;
  const style = document.createElement('style');
  style.textContent = markCss;
  (document.head ?? document.documentElement).append(style);
  await nextFrame();
  return { ok: true };
}

/**
 * Put a fresh copy of the parsed body in place and let the page style and lay it out. The copy's
 * nodes are new: no JavaScript wrappers exist for them yet, as on a page just loaded.
 */
async function fresh() {
  if (!g.__benchPristine) throw new Error('prepare() first');
  document.body.replaceWith(g.__benchPristine.cloneNode(true));
  await nextFrame();
  return { ok: true };
}

/** Long tasks that overlap [from, to]. */
function longTasksIn(from: number, to: number): LongTask[] {
  return (g.__benchLongTasks ?? []).filter((t) => t.start < to && t.start + t.duration > from).map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) }));
}

/** Inputs are fetched once per page load and kept: fetching is never timed. */
async function fetchText(url: string): Promise<string> {
  const cache = ((globalThis as unknown as { __benchFetched?: Map<string, string> }).__benchFetched ??= new Map());
  const hit = cache.get(url);
  if (hit !== undefined) return hit;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  const text = await res.text();
  cache.set(url, text);
  return text;
}

/** (a) The floor: one TreeWalker pass over the body, reading every text node. */
async function floor() {
  await collect();
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    chars += (n as Text).data.length;
    textNodes++;
  }
  const ms = performance.now() - t0;
  return { ms, textNodes, chars };
}

/**
 * (a2) A reference scan: the least any scan that paints must do, with none of Tieline's care. It
 * walks the text nodes, joins the text of each parent element, finds a word with indexOf ("the ",
 * in every page, standing in for names), and paints its first five finds as Tieline does: a
 * StaticRange each, in two registered highlights, after a visibility check. No skipped regions,
 * paragraphs, matcher, message or page changes. What it costs against the floor says how much of
 * Tieline's ratio any scan run cold on a new page pays: the walk's parent lookups and string
 * joins, and the first use of the highlight and range interfaces.
 */
async function referenceScan() {
  await collect();
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const finds: Text[] = [];
  let text = '';
  let nodes: Text[] = [];
  let parent: Element | null = null;
  const look = () => {
    for (let at = text.indexOf('the '); at >= 0 && finds.length < 5; at = text.indexOf('the ', at + 1)) finds.push(nodes[0]);
    text = '';
    nodes = [];
  };
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const data = n.data;
    if (!(data.charCodeAt(0) > 0x20) && data.trim() === '') continue;
    const p = n.parentElement;
    if (p !== parent) {
      look();
      parent = p;
    }
    nodes.push(n);
    text += data;
  }
  look();
  const all = new Highlight();
  const one = new Highlight();
  CSS.highlights.set('bench-reference', all);
  CSS.highlights.set('bench-reference-one', one);
  let painted = 0;
  for (const node of finds) {
    if (!node.parentElement?.checkVisibility({ visibilityProperty: true })) continue;
    const range = new StaticRange({ startContainer: node, startOffset: 0, endContainer: node, endOffset: 1 });
    all.add(range);
    one.add(range);
    painted++;
  }
  const ms = performance.now() - t0;
  CSS.highlights.delete('bench-reference');
  CSS.highlights.delete('bench-reference-one');
  return { ms, painted };
}

/**
 * (c) Tieline as the extension runs it: the page walks and paints; its text goes to the background,
 * which holds the matcher (warm, shared by every tab). Here the bench's Node process plays the
 * background; what is timed is the page's own work, as the Annotator counts it.
 */
async function tieline(size: number) {
  const run = `${size}:${performance.now()}:${Math.random()}`;
  const matchAll = (globalThis as unknown as { __benchMatchAll: (run: string, size: number, message: string) => Promise<MatchAnswer & { confirmed: string[] }> }).__benchMatchAll;
  let confirmed: string[] = [];
  await collect();
  // As src/content/background-matcher.ts: the answer is used as it came, the confirmed set made when asked.
  const matcher: PageMatcher = {
    matchAll: async (texts) => {
      // What sending costs the page, in the slice that sends: the texts copied into a message, as
      // runtime.sendMessage does natively. Playwright's own call (a serializer in JavaScript, far
      // slower than the browser's) is made a microtask later, outside the slice.
      const message = JSON.stringify(texts);
      await Promise.resolve();
      const answer = await matchAll(run, size, message);
      confirmed = answer.confirmed;
      return answer;
    },
    confirmed: () => new Set(confirmed),
  };
  return { loadMs: 0, heapDelta: 0, ...(await annotateBody(matcher, performance.now())) };
}

/**
 * (c, primed) Tieline after one scan of two paragraphs of its own: the scan's code is compiled and
 * its inline caches are set, and nothing of this page's own text has been touched. Cold minus
 * primed is what running the code for the first time costs a page; primed is the scan's own work.
 */
async function tielinePrimed(size: number) {
  // In the page for a moment (a document of its own is not rendered: its text would count as hidden
  // and the painting code would not run), then out, and a frame to lay the page out again.
  const tiny = document.createElement('div');
  const p = document.createElement('p');
  p.append('Alpha Corp and ', Object.assign(document.createElement('a'), { textContent: 'Beta' }), ' met.');
  tiny.append(p, Object.assign(document.createElement('p'), { textContent: 'Nothing here.' }));
  // Shown whatever the page's style sheet says of a stray element.
  const shown = 'display: block !important; visibility: visible !important; content-visibility: visible !important; opacity: 1 !important';
  for (const el of [tiny, ...tiny.querySelectorAll('p')]) (el as HTMLElement).style.cssText = shown;
  tiny.querySelector('a')!.style.cssText = shown.replace('block', 'inline');
  document.body.append(tiny);
  const primer: PageMatcher = {
    matchAll: async (texts) => {
      JSON.stringify(texts);
      await Promise.resolve();
      return { mentions: texts.map((t) => (t.startsWith('Alpha') ? [{ start: 0, end: 10, companyId: 'alpha' }] : [])), undecided: texts.map(() => []) };
    },
    confirmed: () => new Set(),
  };
  const annotator = new Annotator(document, primer, { scope: 'page', firstOnly: false, look: 'underline' });
  const stats = await annotator['scan']([tiny]);
  annotator.stop();
  // A page that shows nothing (its body hidden until its scripts run) hides these too.
  const painted = stats.marks === 1 || !tiny.checkVisibility();
  tiny.remove();
  if (!painted) throw new Error(`primer painted ${stats.marks} marks, not 1`);
  await nextFrame();
  return tieline(size);
}

/** The matcher as run.mjs serves it for the breakdown (deflated, base64), decoded in the page. */
async function loadMatcher(url: string): Promise<CompiledMatcher> {
  const bin = atob(await fetchText(url));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const inflated = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')));
  return deserializeMatcher(new Uint8Array(await inflated.arrayBuffer()));
}

/**
 * The Annotator over the body as the content script runs it, and the two frames in which the page
 * renders the marks (long tasks there are ours too). Long tasks count from `from`.
 */
async function annotateBody(matcher: PageMatcher, from: number) {
  const annotator = new Annotator(document, matcher, {
    scope: 'page',
    firstOnly: false,
    look: 'underline',
  });
  const w0 = performance.now();
  const stats = await annotator.start();
  const w1 = performance.now();
  await nextFrame();
  await nextFrame();
  const w2 = performance.now();
  const companies = new Set(annotator.painter.inOrder().map((p) => p.companyId)).size;
  annotator.stop();
  return {
    wallMs: w1 - w0,
    ...stats,
    companies,
    longTasks: longTasksIn(from, w1),
    longTasksAfter: longTasksIn(w1, w2),
  };
}

/** Matcher build (compile) in the page, from entries. */
async function buildInPage(entriesUrl: string) {
  const { entries, ids } = JSON.parse(await fetchText(entriesUrl)) as { entries: MatcherEntry[]; ids: string[] };
  await collect();
  const heap0 = heap();
  const t0 = performance.now();
  const m = compileMatcher(entries, ids);
  const ms = performance.now() - t0;
  await collect();
  const heapDelta = heap() - heap0;
  return { ms, heapDelta, nodes: m.out.length };
}

/** (b1) mark.js with one big RegExp (markRegExp). Building the RegExp is part of the time. */
async function markRegExp(sourceUrl: string) {
  const source = await fetchText(sourceUrl);
  await collect();
  const t0 = performance.now();
  const re = new RegExp(source, 'gi');
  // V8 compiles a RegExp on its first use: do that here, to report it apart.
  re.test('');
  re.lastIndex = 0;
  const compileMs = performance.now() - t0;
  let marks = 0;
  await new Promise<void>((resolve) => {
    new Mark(document.body).markRegExp(re, {
      each: () => marks++,
      done: () => resolve(),
    });
  });
  const ms = performance.now() - t0;
  return { ms, compileMs, marks, longTasks: longTasksIn(t0, t0 + ms) };
}

/** mark.js keyword options that mark whole words only, as Tieline does. */
const KEYWORD_OPTIONS = {
  separateWordSearch: false,
  accuracy: { value: 'exactly', limiters: [',', '.', ';', ':', '!', '?', '"', "'", '(', ')', '[', ']', '\u2018', '\u2019', '\u201c', '\u201d', '/', '-', '\u2013', '\u2014'] },
  diacritics: true,
};

/**
 * (b2) mark.js keyword API, mark(array). mark.js runs one DOM pass per keyword, longest keyword
 * first, chaining them by recursion (thousands of keywords overflow the stack), so the keywords go
 * in chunks in mark.js's own order; after `budgetMs` the rest is extrapolated from the time so far.
 */
async function markKeywords(namesUrl: string, budgetMs: number) {
  const names = (JSON.parse(await fetchText(namesUrl)) as string[]).slice().sort((a, b) => b.length - a.length);
  const CHUNK = 100;
  await collect();
  const t0 = performance.now();
  let marks = 0;
  let done = 0;
  const instance = new Mark(document.body);
  while (done < names.length && performance.now() - t0 < budgetMs) {
    const chunk = names.slice(done, done + CHUNK);
    await new Promise<void>((resolve) => instance.mark(chunk, { ...KEYWORD_OPTIONS, each: () => marks++, done: () => resolve() }));
    done += chunk.length;
  }
  const ms = performance.now() - t0;
  return { ms, keywordsDone: done, keywords: names.length, complete: done === names.length, estimatedMs: (ms * names.length) / done, marks };
}

/**
 * Where Tieline's time goes, on a fresh page: the paragraph walk (TreeWalker with the skip filter,
 * plus the block lookup per text node), the trie scan, the context resolution, then the wrapping.
 * Then, warm (the DOM wrappers now exist), a plain walk, a walk with the filter, and the paragraph
 * walk again, to split the walk's cost between the filter callback and the block lookup.
 */
async function breakdown(matcherUrl: string) {
  const matcher = await loadMatcher(matcherUrl);
  await collect();
  let t = performance.now();
  const paras = [...paragraphs(document.body)];
  const walkMs = performance.now() - t;

  t = performance.now();
  const raw = paras.map((p) => scanText(matcher, p.text));
  const scanMs = performance.now() - t;

  t = performance.now();
  const state = newContextState();
  const kept = paras.map((p, i) => resolveContext(matcher, p.text, raw[i], state));
  const contextMs = performance.now() - t;

  t = performance.now();
  const mentions = kept.map((list) => list.map((r) => ({ start: r.start, end: r.end, companyId: matcher.companyIdAt(matcher.entryCompany[r.entry]) })));
  const mapMs = performance.now() - t;

  t = performance.now();
  const painter = new Painter('underline');
  let marks = 0;
  paras.forEach((p, i) => {
    const ms = mentions[i];
    let k = 0;
    for (let n = 0; n < p.nodes.length && k < ms.length; n++) {
      const start = p.starts[n];
      const end = start + p.nodes[n].data.length;
      const ranges: MentionRange[] = [];
      while (k < ms.length && ms[k].start < end) {
        const m = ms[k++];
        if (m.start < start || m.end > end) continue;
        ranges.push({ start: m.start - start, end: m.end - start, companyId: m.companyId });
      }
      marks += painter.paint(p.nodes[n], ranges);
    }
  });
  const wrapMs = performance.now() - t;
  painter.clear();

  // Warm passes over the (now marked) DOM.
  t = performance.now();
  const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = w.nextNode(); n; n = w.nextNode()) void (n as Text).data.length;
  const warmFloorMs = performance.now() - t;
  t = performance.now();
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'SVG', 'TEMPLATE']);
  const w2 = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.nodeType === Node.TEXT_NODE || !skip.has((n as Element).tagName.toUpperCase()) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
  });
  for (let n = w2.nextNode(); n; n = w2.nextNode()) void n.nodeType;
  const warmFilterWalkMs = performance.now() - t;
  t = performance.now();
  let warmParas = 0;
  for (const p of paragraphs(document.body)) warmParas += p.nodes.length;
  const warmParagraphsMs = performance.now() - t;

  return {
    walkMs, scanMs, contextMs, mapMs, wrapMs,
    totalMs: walkMs + scanMs + contextMs + mapMs + wrapMs,
    paragraphs: paras.length,
    textNodes: paras.reduce((n, p) => n + p.nodes.length, 0),
    chars: paras.reduce((n, p) => n + p.text.length, 0),
    rawMatches: raw.reduce((n, r) => n + r.length, 0),
    marks,
    warmFloorMs, warmFilterWalkMs, warmParagraphsMs, warmParas,
  };
}

g.__bench = { prepare, fresh, floor, referenceScan, tieline, tielinePrimed, buildInPage, markRegExp, markKeywords, breakdown };
