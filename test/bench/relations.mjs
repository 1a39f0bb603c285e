// `npm run bench` (after the scan bench): what the relation pass costs per corpus page. In the
// extension it runs in the background, off the page's thread, over the paragraphs that name a
// company, when the popup opens; here the same core code runs in Node over every corpus page (read by
// the content script's own walk over happy-dom), warm as the background is. Prints ms per page.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadArticleReader } from '../../tools/article-reader.mjs';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS = process.env.TIELINE_CORPUS ?? join(ROOT, '../shared/corpus');
const { rel, knowledge, paragraphsOf } = await loadArticleReader();

const files = ['aeb', 'readability', 'articles'].flatMap((dir) => readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.html')).map((f) => join(CORPUS, dir, f)));
const times = [];
let sentences = 0;
let found = 0;
for (const file of files) {
  let paras;
  try {
    paras = paragraphsOf(file);
  } catch {
    continue;
  }
  // Twice: the first run warms the code, as the background's is after a few pages.
  rel.findRelations(paras, knowledge);
  const t0 = performance.now();
  const r = rel.findRelations(paras, knowledge);
  times.push(performance.now() - t0);
  found += r.length;
  for (const p of paras) sentences += rel.splitSentences(p.text).length;
}
times.sort((a, b) => a - b);
const q = (x) => times[Math.min(times.length - 1, Math.floor(x * times.length))].toFixed(2);
console.log(`relation pass (background, warm), ${times.length} corpus pages, ${sentences} sentences in paragraphs that name a company: ` +
  `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${times[times.length - 1].toFixed(2)} ms per page; ${found} ties found`);
