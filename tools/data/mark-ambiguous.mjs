// Adds to `ambiguous` every name or alias of the hand-made company records (src/data/companies/*.json
// except the generated listed-*.json) that tools/data/ambiguity.mjs finds to be an ordinary word, a
// place, a person's name or a generic phrase. Never removes an entry. `--dry` only prints.
//   node tools/data/mark-ambiguous.mjs [--dry]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addBrandWords, ambiguityReason } from './ambiguity.mjs';

const DIR = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'src/data/companies');
const dry = process.argv.includes('--dry');
const BULK = /^(private|nonus)-/;
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.startsWith('listed-')).sort();
const data = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8'))]));
addBrandWords([...data.values()].flat().flatMap((c) => [c.name, ...c.aliases]));
let added = 0;
for (const [file, list] of data) {
  let changed = false;
  for (const c of list) {
    for (const n of [c.name, ...c.aliases]) {
      if (c.ambiguous.includes(n)) continue;
      // Records added in bulk (private-*, nonus-*) also go through the larger word list; the
      // older hand-made files through the small list (the dictionary's proper nouns are famous brands there).
      const why = ambiguityReason(n, BULK.test(file) ? { large: true } : {});
      if (!why) continue;
      console.log(`${file}\t${c.id}\t${n}\t${why}`);
      c.ambiguous.push(n);
      changed = true;
      added++;
    }
  }
  if (changed && !dry) writeFileSync(join(DIR, file), JSON.stringify(list, null, 2) + '\n');
}
console.log(`${added} name(s) ${dry ? 'would be' : ''} marked ambiguous`);
