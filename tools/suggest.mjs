// `npm run --silent suggest -- ARTICLE.html [MORE.html ...]`: the ties that saved articles state, as the
// extension would suggest them, compared with the bundled dataset. One JSON object per suggestion:
// company, counterparty (dataset ids), kind, status, change (new / confirms / changes), evidence, file.
import { loadArticleReader } from './article-reader.mjs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run --silent suggest -- ARTICLE.html [MORE.html ...]');
  process.exit(2);
}

const { rel, dataset, knowledge, paragraphsOf } = await loadArticleReader();
const byPair = new Map();
for (const t of dataset.ties) {
  const k = `${t.kind}|${t.company}|${t.counterparty}`;
  byPair.set(k, [...(byPair.get(k) ?? []), t]);
}

for (const file of files) {
  let paragraphs;
  try {
    paragraphs = paragraphsOf(file);
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exitCode = 1;
    continue;
  }
  const found = rel.findRelations(paragraphs, knowledge);
  for (const s of rel.compareWithKnown(found, (kind, company, counterparty) => byPair.get(`${kind}|${company}|${counterparty}`) ?? [])) {
    console.log(JSON.stringify({ company: s.company, counterparty: s.counterparty, kind: s.kind, status: s.status, change: s.change, evidence: s.evidence, file }));
  }
}
