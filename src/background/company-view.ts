import type { CompanyView } from '../core/views';
import { getCompanies, getCompany } from '../storage/companies';
import { getNote } from '../storage/notes';
import { changesSince } from '../core/tie-changes';
import { countRecentArticles, lastSeenElsewhere } from '../storage/sightings';
import { allTieChanges } from '../storage/tie-changes';
import { tiesOf } from '../storage/ties';
import type { Db } from '../storage/open-db';

/** One company for the card and the popup; `pageUrl`, the page being read, for "since you last read". */
export async function companyView(db: Db, companyId: string, pageUrl?: string): Promise<CompanyView | null> {
  const company = await getCompany(db, companyId);
  if (!company) return null;
  const [ties, note, recentArticles, lastRead, changes] = await Promise.all([
    tiesOf(db, companyId),
    getNote(db, companyId),
    countRecentArticles(db, companyId),
    pageUrl ? lastSeenElsewhere(db, companyId, pageUrl) : null,
    allTieChanges(db),
  ]);
  const since = lastRead === null ? [] : changesSince(changes, companyId, lastRead);
  const otherIds = new Set([...ties, ...since].flatMap((t) => [t.company, t.counterparty]));
  if (company.parent) otherIds.add(company.parent);
  otherIds.delete(companyId);
  const others = await getCompanies(db, [...otherIds]);
  const names: Record<string, string> = {};
  for (const [id, c] of others) names[id] = c.name;
  return {
    company,
    parent: (company.parent && others.get(company.parent)) || null,
    ties,
    names,
    note: note ?? null,
    recentArticles,
    sinceLastRead: lastRead !== null && since.length > 0 ? { lastRead, changes: since } : null,
  };
}

/** Every tie touching one of `ids`, and the names and aliases of all companies involved. */
export async function pageGraph(db: Db, ids: readonly string[]) {
  const lists = await Promise.all(ids.map((id) => tiesOf(db, id)));
  const ties = [...new Map(lists.flat().map((t) => [t.id, t])).values()];
  const all = await getCompanies(db, [...new Set([...ids, ...ties.flatMap((t) => [t.company, t.counterparty])])]);
  const names: Record<string, string> = {};
  const aliases: Record<string, string[]> = {};
  for (const [id, c] of all) {
    names[id] = c.name;
    if (c.aliases.length > 0) aliases[id] = c.aliases;
  }
  return { ties, names, aliases };
}
