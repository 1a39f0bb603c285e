// Mentions per company in the saved news pages: what the real matcher finds in ../shared/corpus/
// (aeb/, readability/, articles/ HTML). A count for curation (which companies readers meet most),
// not a label: the text is taken with simple regexes (script/style/noscript blocks and tags
// dropped, basic entities decoded), not as a browser renders it.
//   node tools/data/mention-counts.mjs [--out FILE.tsv]
// Prints a TSV sorted by mentions: id, mentions, pages, hasTie, hasCloudTie, hasInvestorTie, hasParentTie
// (1 when the company is either party of a tie of that kind: what its card shows). Ambiguous names held
// back for want of evidence count when the page confirms the company, as in the annotator. The
// mention-weighted coverage goes to stderr; `npm run data:check` prints it too.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCore, readBundledDataset } from '../../build.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
// The corpus sits next to the main checkout (../shared/corpus); from a worktree under wt/ it is ../../shared/corpus.
const corpus = resolve(process.env.TIELINE_CORPUS ?? (existsSync('../shared/corpus') ? '../shared/corpus' : '../../shared/corpus'));
const FOLDERS = ['aeb', 'readability', 'articles'];

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };
function decode(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The page's text as blocks (one per line), roughly as a reader sees it. */
export function pageBlocks(html) {
  const body = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<(script|style|noscript|template|svg|textarea|select)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const text = body
    .replace(/<\/?(p|div|li|ul|ol|h[1-6]|br|tr|td|th|section|article|header|footer|nav|aside|blockquote|figcaption|title|dd|dt|pre|table)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '');
  return decode(text)
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** Per-company mention counts; `core` and `dataset` as from build.mjs (loaded when not given). */
export async function mentionCounts(core, dataset) {
  core ??= await loadCore();
  dataset ??= (await readBundledDataset(core)).dataset;
  const matcher = core.buildMatcher(dataset.companies);
  if (!FOLDERS.every((f) => existsSync(join(corpus, f)))) return null;
  const mentions = new Map();
  const pages = new Map();
  let pageCount = 0;
  for (const folder of FOLDERS) {
    const files = readdirSync(join(corpus, folder)).filter((f) => f.endsWith('.html')).sort();
    for (const f of files) {
      pageCount++;
      const state = core.newContextState();
      const found = [];
      const undecided = [];
      for (const block of pageBlocks(readFileSync(join(corpus, folder, f), 'utf8'))) {
        found.push(...core.matchCompanies(matcher, block, state, undecided));
      }
      // As the annotator does: an ambiguous name held back for want of evidence counts once the
      // page has confirmed its company.
      const confirmed = core.confirmedCompanies(matcher, state);
      found.push(...undecided.filter((m) => confirmed.has(m.companyId)));
      for (const m of found) mentions.set(m.companyId, (mentions.get(m.companyId) ?? 0) + 1);
      for (const id of new Set(found.map((m) => m.companyId))) pages.set(id, (pages.get(id) ?? 0) + 1);
    }
  }
  const kinds = new Map();
  for (const t of dataset.ties) {
    if (!kinds.has(t.company)) kinds.set(t.company, new Set());
    kinds.get(t.company).add(t.kind);
  }
  const hasTie = new Set(dataset.ties.flatMap((t) => [t.company, t.counterparty]));
  const rows = [...mentions]
    .map(([id, n]) => ({
      id,
      mentions: n,
      pages: pages.get(id),
      hasTie: hasTie.has(id),
      hasCloudTie: kinds.get(id)?.has('cloud') ?? false,
      hasInvestorTie: kinds.get(id)?.has('investor') ?? false,
      hasParentTie: kinds.get(id)?.has('parent') ?? false,
    }))
    .sort((a, b) => b.mentions - a.mentions || b.pages - a.pages || a.id.localeCompare(b.id));
  return { rows, pageCount, datasetVersion: dataset.version };
}

export function coverage(rows) {
  const total = rows.reduce((n, r) => n + r.mentions, 0);
  const share = (key) => rows.filter((r) => r[key]).reduce((n, r) => n + r.mentions, 0);
  const pct = (n) => Math.round((1000 * n) / Math.max(1, total)) / 10;
  return {
    mentions: total,
    companiesMentioned: rows.length,
    anyTiePct: pct(share('hasTie')),
    cloudTiePct: pct(share('hasCloudTie')),
    investorTiePct: pct(share('hasInvestorTie')),
    parentTiePct: pct(share('hasParentTie')),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const counts = await mentionCounts();
  if (!counts) throw new Error(`no corpus at ${corpus} (set TIELINE_CORPUS)`);
  const { rows, pageCount, datasetVersion } = counts;
  const cols = ['id', 'mentions', 'pages', 'hasTie', 'hasCloudTie', 'hasInvestorTie', 'hasParentTie'];
  const tsv = [cols.join('\t'), ...rows.map((r) => cols.map((c) => (typeof r[c] === 'boolean' ? (r[c] ? 1 : 0) : r[c])).join('\t'))].join('\n') + '\n';
  const out = arg('--out');
  if (out) writeFileSync(out, tsv);
  else process.stdout.write(tsv);
  console.error(JSON.stringify({ pages: pageCount, ...coverage(rows), datasetVersion }));
}
