import type { Company, Dataset, Tie } from './model';
import { checkCompany, checkReferences, checkTie, type Problem } from './validate-dataset';

/**
 * Turn the bundled source files (see src/data/FORMAT.md) into a dataset, with every problem found.
 * Descriptions are required for companies with ties, and every tie must be sourced and dated.
 */
export function loadBundledDataset(files: { companies: unknown[]; ties: unknown[] }, version: string): { dataset: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const companies: Company[] = [];
  const ties: Tie[] = [];
  files.companies.forEach((raw, i) => {
    const c = checkCompany(raw, `companies[${i}]`, problems, 'bundled');
    if (c) companies.push(c);
  });
  files.ties.forEach((raw, i) => {
    const t = checkTie(raw, `ties[${i}]`, problems, 'bundled');
    if (t) ties.push(t);
  });
  problems.push(...checkReferences(companies, ties));
  const withTies = new Set(ties.flatMap((t) => [t.company, t.counterparty]));
  companies.forEach((c, i) => {
    if (withTies.has(c.id) && c.description.trim() === '') problems.push({ at: `companies[${i}].description`, message: `"${c.id}" has ties and needs a description` });
  });
  return { dataset: { version, companies, ties }, problems };
}
