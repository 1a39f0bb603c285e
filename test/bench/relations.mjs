// `npm run bench` (after the scan bench): what the relation pass costs per corpus page. In the
// extension it runs in the background, off the page's thread, over the paragraphs that name a
// company, when the popup asks; here the same core code runs in Node over every corpus page (read by
// the content script's own walk over happy-dom), warm as the background is. Prints ms per page.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { Window } from 'happy-dom';
import { loadCore, readBundledDataset } from '../../build.mjs';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = process.env.TIELINE_CORPUS ?? join(ROOT, '../shared/corpus');
const out = join(ROOT, 'node_modules/.cache/tieline/bench-relations.mjs');
await esbuild.build({
  stdin: { contents: "export * from './src/core/relations';\nexport { paragraphs } from './src/content/text-walker';", resolveDir: ROOT, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'silent',
});
const window = new Window({ url: 'https://article.invalid/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableComputedStyleRendering: true, handleDisabledFileLoadingAsSuccess: true } });
for (const name of ['Node', 'Element', 'HTMLElement', 'CharacterData', 'Text', 'NodeFilter', 'Document']) globalThis[name] = window[name];
const rel = await import(`${out}?t=${Date.now()}`);
const core = await loadCore();
const { dataset } = await readBundledDataset(core);
const matcher = core.buildMatcher(dataset.companies);
const know = rel.relationKnowledge(dataset.companies, dataset.ties);

const files = ['aeb', 'readability', 'articles'].flatMap((dir) => readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, dir, f)));
const times = [];
let sentences = 0;
let found = 0;
for (const file of files) {
  let doc;
  try {
    doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  } catch {
    continue;
  }
  const state = core.newContextState();
  const paras = [];
  for (const p of rel.paragraphs(doc.body)) {
    const mentions = core.matchCompanies(matcher, p.text, state);
    if (mentions.length > 0) paras.push({ text: p.text, mentions });
  }
  // Twice: the first run warms the code, as the background's is after a few pages.
  rel.findRelations(paras, know);
  const t0 = performance.now();
  const r = rel.findRelations(paras, know);
  times.push(performance.now() - t0);
  found += r.length;
  for (const p of paras) sentences += rel.splitSentences(p.text).length;
}
times.sort((a, b) => a - b);
const q = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(2);
console.log(`relation pass (background, warm), ${times.length} corpus pages, ${sentences} sentences in paragraphs that name a company: ` +
  `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times[times.length - 1].toFixed(2)} ms per page; ${found} ties found`);
