// Put better sources in front of existing ties' sources (curation helper).
//   node tools/add-sources.mjs patch.json
// patch.json: [{ "company", "counterparty", "kind", "since"?, "sources": [{url,title,date}], "set"?: {field: value} }]
// A source already on the tie (same URL) is not added twice. `asOf` is raised to the newest source date.
import fs from 'node:fs';
const patches = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const dir = 'src/data/ties';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const data = Object.fromEntries(files.map((f) => [f, JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'))]));
const day = (d) => (d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d);
for (const p of patches) {
  const hits = [];
  for (const f of files) for (const t of data[f]) {
    if (t.company === p.company && t.counterparty === p.counterparty && t.kind === p.kind && (p.since === undefined || t.since === p.since)) hits.push(t);
  }
  if (hits.length !== 1) { console.error('no unique match', p.company, p.counterparty, p.kind, p.since, hits.length); process.exitCode = 1; continue; }
  const t = hits[0];
  const have = new Set(t.sources.map((s) => s.url));
  t.sources = [...p.sources.filter((s) => !have.has(s.url)), ...t.sources];
  Object.assign(t, p.set ?? {});
  const newest = t.sources.map((s) => day(s.date)).sort().at(-1);
  if (newest > t.asOf && !(p.set && 'asOf' in p.set)) t.asOf = newest;
}
for (const f of files) fs.writeFileSync(`${dir}/${f}`, JSON.stringify(data[f], null, 2) + '\n');
