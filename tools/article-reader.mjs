// Reads saved articles outside the browser as the extension does: the content script's own walk over
// a DOM (happy-dom, no scripts, no styles, no network), the bundled matcher, and the relation finder.
// Used by `npm run suggest` and the relation bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { bundleForNode, loadCore, readBundledDataset } from '../build.mjs';

const ROOT = join(import.meta.dirname, '..');

export async function loadArticleReader() {
  const window = new Window({
    url: 'https://article.invalid/',
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableComputedStyleRendering: true,
      handleDisabledFileLoadingAsSuccess: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  // The walk takes its DOM accessors off these prototypes when it loads.
  for (const name of ['Node', 'Element', 'HTMLElement', 'CharacterData', 'Text', 'NodeFilter', 'Document']) globalThis[name] = window[name];
  const rel = await bundleForNode(
    ["export * from './src/core/relations';", "export { readableParagraphs } from './src/content/text-walker';"],
    join(ROOT, 'node_modules/.cache/tieline/article-reader.mjs'),
  );
  const core = await loadCore();
  const { dataset } = await readBundledDataset(core);
  const matcher = core.buildMatcher(dataset.companies);
  const knowledge = rel.relationKnowledge(dataset.companies, dataset.ties);
  /** The paragraphs of a saved page that name a company, with their mentions; throws on unreadable HTML. */
  const paragraphsOf = (file) => {
    const doc = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
    const state = core.newContextState();
    const out = [];
    for (const p of rel.readableParagraphs(doc.body)) {
      const mentions = core.matchCompanies(matcher, p.text, state);
      if (mentions.length > 0) out.push({ text: p.text, mentions });
    }
    return out;
  };
  return { rel, dataset, knowledge, paragraphsOf };
}
