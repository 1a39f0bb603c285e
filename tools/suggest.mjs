// `npm run --silent suggest -- ARTICLE.html [MORE.html ...]`: the ties that saved articles state, as the
// extension would suggest them, compared with the bundled dataset. One JSON object per suggestion:
// company, counterparty (dataset ids), kind, status, change (new / confirms / changes), evidence, file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { Window } from 'happy-dom';
import { loadCore, readBundledDataset } from '../build.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run --silent suggest -- ARTICLE.html [MORE.html ...]');
  process.exit(2);
}

const ROOT = join(import.meta.dirname, '..');
const out = join(ROOT, 'node_modules/.cache/tieline/suggest.mjs');
await esbuild.build({
  stdin: {
    contents: ["export * from './src/core/relations';", "export { paragraphs } from './src/content/text-walker';"].join('\n'),
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'silent',
});
// The content script's own walk reads the article: it needs a DOM's classes before it loads.
const window = new Window({ url: 'https://article.invalid/', settings: { disableComputedStyleRendering: true, handleDisabledFileLoadingAsSuccess: true, navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },  disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
for (const name of ['Node', 'Element', 'HTMLElement', 'CharacterData', 'Text', 'NodeFilter', 'Document']) globalThis[name] = window[name];
const rel = await import(`${out}?t=${Date.now()}`);
const core = await loadCore();
const { dataset } = await readBundledDataset(core);
const matcher = core.buildMatcher(dataset.companies);
const know = rel.relationKnowledge(dataset.companies, dataset.ties);
const byPair = new Map();
for (const t of dataset.ties) {
  const k = `${t.kind}|${t.company}|${t.counterparty}`;
  byPair.set(k, [...(byPair.get(k) ?? []), t]);
}

for (const file of files) {
  let doc;
  try {
    doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exitCode = 1;
    continue;
  }
  const state = core.newContextState();
  const paras = [];
  for (const p of rel.paragraphs(doc.body)) paras.push({ text: p.text, mentions: core.matchCompanies(matcher, p.text, state) });
  const found = rel.findRelations(paras.filter((p) => p.mentions.length > 0), know);
  for (const s of rel.compareWithKnown(found, (kind, company, counterparty) => byPair.get(`${kind}|${company}|${counterparty}`) ?? [])) {
    console.log(JSON.stringify({ company: s.company, counterparty: s.counterparty, kind: s.kind, status: s.status, change: s.change, evidence: s.evidence, file }));
  }
}
