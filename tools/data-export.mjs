// `npm run --silent data:export`: the bundled dataset in Tieline's export format, on stdout.
import { loadCore, readBundledDataset } from '../build.mjs';

const core = await loadCore();
const { dataset, problems } = await readBundledDataset(core);
if (problems.length > 0) {
  console.error(core.describeProblems(problems, 20));
  process.exit(1);
}
process.stdout.write(JSON.stringify(core.toExportFile(dataset.companies, dataset.ties, [], new Date()), null, 2) + '\n');
