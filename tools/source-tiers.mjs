// Classify every tie source into a tier (primary, regulator, press, other) and write `tier` on it.
//   node tools/source-tiers.mjs            report only (all tie files)
//   node tools/source-tiers.mjs --write    also write `tier` into the tie files this curator owns
//   node tools/source-tiers.mjs --weak     list ties whose sources are all `other`
// Rules are in docs/sources.md; host lists in src/data/source-tiers.json.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const lists = JSON.parse(fs.readFileSync(path.join(root, 'src/data/source-tiers.json'), 'utf8'));
const companies = new Map();
for (const f of fs.readdirSync(path.join(root, 'src/data/companies')).filter((f) => f.endsWith('.json'))) {
  for (const c of JSON.parse(fs.readFileSync(path.join(root, 'src/data/companies', f), 'utf8'))) companies.set(c.id, c);
}
const host = (u) => new URL(u).hostname.toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
const under = (h, d) => h === d || h.endsWith('.' + d);

function partyDomains(tie) {
  const out = new Set();
  for (let id of [tie.company, tie.counterparty]) {
    for (let i = 0; i < 5 && id && companies.has(id); i++) {
      for (const d of companies.get(id).domains ?? []) out.add(d.toLowerCase().replace(/^www\./, ''));
      id = companies.get(id).parent;
    }
  }
  return out;
}

export function tierOf(url, tie) {
  const h = host(url);
  if ([...partyDomains(tie)].some((d) => under(h, d))) return 'primary';
  if (lists.regulator.some((d) => under(h, d))) return 'regulator';
  const firstLabel = h.split('.')[0];
  const stagingCopy = lists.neverPressLabels.includes(firstLabel) || h.includes('.dev.') || h.includes('.staging.');
  if (!stagingCopy) {
    const rest = url.replace(/^https?:\/\/(www\.)?/i, '').toLowerCase();
    if (lists.pressWirePaths.some((p) => rest.startsWith(p))) return 'press';
    if (lists.press.some((d) => under(h, d))) return 'press';
  }
  return 'other';
}

const dir = path.join(root, 'src/data/ties');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
// Every tie file follows these rules: data:check reads the tiers written here.
const mine = () => true;
const write = process.argv.includes('--write');
const all = [];
for (const f of files) {
  const p = path.join(dir, f);
  const ties = JSON.parse(fs.readFileSync(p, 'utf8'));
  for (const t of ties) {
    t.sources = t.sources.map((s) => {
      const { url, title, date } = s;
      const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !['url', 'title', 'date', 'tier'].includes(k)));
      return { url, title, date, ...rest, tier: tierOf(url, t) };
    });
    // Better tiers first; the order within a tier is kept (Array.prototype.sort is stable).
    const rank = { primary: 0, regulator: 1, press: 2, other: 3 };
    t.sources.sort((a, b) => rank[a.tier] - rank[b.tier]);
    all.push({ file: f, tie: t });
  }
  if (write && mine(f)) fs.writeFileSync(p, JSON.stringify(ties, null, 2) + '\n');
}
const good = (t) => t.sources.some((s) => s.tier !== 'other');
const best = (t) => ['primary', 'regulator', 'press', 'other'].find((k) => t.sources.some((s) => s.tier === k));
const byBest = {};
for (const { tie } of all) byBest[best(tie)] = (byBest[best(tie)] ?? 0) + 1;
const n = all.length;
const g = all.filter(({ tie }) => good(tie)).length;
console.log(`${n} ties; ${g} (${((100 * g) / n).toFixed(1)}%) have a primary, regulator or press source`);
console.log('best tier per tie:', byBest);
const srcTiers = {};
for (const { tie } of all) for (const s of tie.sources) srcTiers[s.tier] = (srcTiers[s.tier] ?? 0) + 1;
console.log('sources by tier:', srcTiers);
if (process.argv.includes('--weak')) {
  for (const { file, tie } of all.filter(({ tie }) => !good(tie))) {
    console.log(file, tie.company, tie.counterparty, tie.kind, tie.sources.map((s) => host(s.url)).join(' '));
  }
}
