// Append new ties to a tie file (curation helper): node tools/append-ties.mjs src/data/ties/parents.json new.json
// Fills defaults (status active, until null, exclusive false), computes asOf from the newest source date
// when not given, refuses unknown company ids and duplicates (same company, counterparty, kind, since).
import fs from 'node:fs';
const [file, input] = process.argv.slice(2);
const ids = new Set();
for (const f of fs.readdirSync('src/data/companies')) for (const c of JSON.parse(fs.readFileSync('src/data/companies/' + f, 'utf8'))) ids.add(c.id);
const all = [];
for (const f of fs.readdirSync('src/data/ties')) all.push(...JSON.parse(fs.readFileSync('src/data/ties/' + f, 'utf8')));
const key = (t) => [t.company, t.counterparty, t.kind, t.since ?? ''].join('|');
const seen = new Set(all.map(key));
const out = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
const day = (d) => (d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d);
let added = 0;
for (const n of JSON.parse(fs.readFileSync(input, 'utf8'))) {
  for (const id of [n.company, n.counterparty]) if (!ids.has(id)) { console.error('unknown id', id); process.exitCode = 1; }
  if (!ids.has(n.company) || !ids.has(n.counterparty)) continue;
  const t = {
    company: n.company, counterparty: n.counterparty, kind: n.kind ?? 'parent', status: n.status ?? 'active',
    since: n.since ?? null, until: n.until ?? null, exclusive: n.exclusive ?? false, detail: n.detail,
    sources: n.sources, asOf: n.asOf ?? n.sources.map((s) => day(s.date)).sort().at(-1),
  };
  if (seen.has(key(t))) { console.error('duplicate', key(t)); continue; }
  seen.add(key(t)); out.push(t); added++;
}
fs.writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
console.log(`${added} added, ${out.length} in ${file}`);
