// The one way to read the bundled dataset's source files (src/data/companies/*.json, src/data/ties/*.json):
// the build, data:check, the bench and the unit tests all read them here, in the same order.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export const DATA_DIR = resolve(import.meta.dirname, '..', 'src', 'data');

function readJsonArrays(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      if (!Array.isArray(data)) throw new Error(`${basename(dir)}/${f}: must hold a JSON array`);
      return data;
    });
}

/** Every company and tie record of the source files, unvalidated. */
export function readDatasetFiles(dataDir = process.env.TIELINE_DATA_DIR ?? DATA_DIR) {
  return { companies: readJsonArrays(join(dataDir, 'companies')), ties: readJsonArrays(join(dataDir, 'ties')) };
}
