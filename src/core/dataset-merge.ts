import type { Company, Tie } from './model';

export interface MergePlan {
  putCompanies: Company[];
  deleteCompanies: string[];
  putTies: Tie[];
  deleteTies: string[];
}

/**
 * What a new bundled dataset changes in the user's database. Only records that are still exactly
 * ours (origin `bundled`, never edited, never dismissed) are replaced or removed: a user's notes,
 * ties, edits and dismissals always survive an update.
 */
export function planDatasetMerge(
  current: { companies: readonly Company[]; ties: readonly Tie[] },
  bundled: { companies: readonly Company[]; ties: readonly Tie[] },
  keepCompanies: ReadonlySet<string> = new Set(),
): MergePlan {
  const curCompanies = new Map(current.companies.map((c) => [c.id, c]));
  const curTies = new Map(current.ties.map((t) => [t.id, t]));
  const replaceable = (r: { origin: string; edited?: boolean; dismissed?: boolean } | undefined) =>
    r === undefined || (r.origin === 'bundled' && !r.edited && !r.dismissed);

  const putCompanies = bundled.companies.filter((c) => replaceable(curCompanies.get(c.id)) && !same(curCompanies.get(c.id), c));
  const putTies = bundled.ties.filter((t) => replaceable(curTies.get(t.id)) && !same(curTies.get(t.id), t));

  const newCompanyIds = new Set(bundled.companies.map((c) => c.id));
  const newTieIds = new Set(bundled.ties.map((t) => t.id));
  // A company the user still refers to (a note, a user tie) stays even when the dataset drops it.
  const referenced = new Set(keepCompanies);
  for (const t of current.ties) {
    if (t.origin !== 'bundled' || t.edited) {
      referenced.add(t.company);
      referenced.add(t.counterparty);
    }
  }
  const deleteCompanies = current.companies
    .filter((c) => !newCompanyIds.has(c.id) && replaceable(c) && !referenced.has(c.id))
    .map((c) => c.id);
  const deleteTies = current.ties.filter((t) => !newTieIds.has(t.id) && replaceable(t)).map((t) => t.id);
  return { putCompanies, deleteCompanies, putTies, deleteTies };
}

function same(a: object | undefined, b: object): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
