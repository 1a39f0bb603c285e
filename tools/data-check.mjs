// `npm run data:check`: validate the bundled dataset and print its coverage. Exits 1 on any problem.
import { loadCore, readBundledDataset } from '../build.mjs';
import { coverage, mentionCounts } from './data/mention-counts.mjs';

const core = await loadCore();
const { dataset, problems } = await readBundledDataset(core);
const { companies, ties } = dataset;

const count = (items, key) => items.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map());
const aliases = companies.reduce((n, c) => n + c.aliases.length, 0);
const ambiguous = companies.reduce((n, c) => n + c.ambiguous.length, 0);
const withTies = new Set(ties.flatMap((t) => [t.company, t.counterparty]));
const subjects = new Set(ties.map((t) => t.company));
const multiSourced = ties.filter((t) => t.sources.length >= 2).length;
const hosts = count(ties.flatMap((t) => t.sources), (s) => new URL(s.url).hostname.replace(/^www\./, ''));
const trusted = ties.filter((t) => t.sources.some((s) => s.tier && s.tier !== 'other'));
const otherOnly = ties.filter((t) => t.sources.every((s) => s.tier === 'other' || !s.tier));
// An active tie not confirmed for 18 months may have changed since.
const staleBefore = new Date();
staleBefore.setMonth(staleBefore.getMonth() - 18);
const stale = ties.filter((t) => t.status === 'active' && t.asOf && t.asOf < staleBefore.toISOString().slice(0, 10));
async function corpusCoverage() {
  const counts = await mentionCounts(core, dataset);
  if (!counts) return 'no corpus (set TIELINE_CORPUS)';
  const c = coverage(counts.rows);
  return `${c.mentions} mentions of ${c.companiesMentioned} companies in ${counts.pageCount} pages: any tie ${c.anyTiePct}%, cloud tie ${c.cloudTiePct}%, investor tie ${c.investorTiePct}%, parent tie ${c.parentTiePct}%`;
}
const pct = (n, d) => `${n} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;
const describeTie = (t) => `${t.company} ${t.kind} ${t.counterparty} (as of ${t.asOf || '?'})`;

const figures = {
  companies: companies.length,
  aliases,
  ambiguousNames: ambiguous,
  tickers: companies.reduce((n, c) => n + c.tickers.length, 0),
  companiesByCategory: Object.fromEntries([...count(companies, (c) => c.category)].sort((a, b) => b[1] - a[1])),
  ties: ties.length,
  tiesByKind: Object.fromEntries(count(ties, (t) => t.kind)),
  tiesByStatus: Object.fromEntries(count(ties, (t) => t.status)),
  tiesByKindAndStatus: Object.fromEntries(count(ties, (t) => `${t.kind}/${t.status}`)),
  companiesWithTies: withTies.size,
  companiesWithOwnTies: subjects.size,
  tiesWithTwoOrMoreSources: `${multiSourced} (${((100 * multiSourced) / Math.max(1, ties.length)).toFixed(0)}%)`,
  tiesWithPrimaryRegulatorOrPressSource: pct(trusted.length, ties.length),
  sourcesByTier: Object.fromEntries(count(ties.flatMap((t) => t.sources), (s) => s.tier ?? 'none')),
  tiesWithOnlyOtherSources: pct(otherOnly.length, ties.length),
  activeTiesNotConfirmedFor18Months: stale.length,
  companiesWithCloudTie: new Set(ties.filter((t) => t.kind === 'cloud').flatMap((t) => [t.company, t.counterparty])).size,
  sourceSites: hosts.size,
  // Of the company mentions the matcher finds in the saved news pages (../shared/corpus), the share
  // whose company is a party of a tie (of any kind, of a cloud tie): what a reader meets most.
  corpusMentionsCovered: await corpusCoverage(),
  version: dataset.version,
};
console.log(JSON.stringify(figures, null, 2));
// The lists behind two of the figures: `npm run data:check -- --list`.
if (process.argv.includes('--list')) {
  console.log(`\nTies whose only sources are 'other' (${otherOnly.length}):\n${otherOnly.map(describeTie).join('\n')}`);
  console.log(`\nActive ties not confirmed for 18 months (${stale.length}):\n${stale.map(describeTie).join('\n')}`);
}
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${core.describeProblems(problems, 50)}`);
  process.exit(1);
}
console.log('\nDataset OK');
