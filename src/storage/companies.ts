import { foldString } from '../core/normalize';
import type { Company } from '../core/model';
import type { Db } from './open-db';
import type { StoredCompany } from './schema';

export function toStored(c: Company): StoredCompany {
  const nameKeys = [...new Set([c.name, ...c.aliases].map(foldString).filter(Boolean))];
  return { ...c, nameKeys };
}

export function fromStored(s: StoredCompany): Company {
  const { nameKeys: _keys, ...company } = s;
  return company;
}

export async function getCompany(db: Db, id: string): Promise<Company | undefined> {
  const s = await db.get('companies', id);
  return s && fromStored(s);
}

export async function getCompanies(db: Db, ids: readonly string[]): Promise<Map<string, Company>> {
  const tx = db.transaction('companies');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  const out = new Map<string, Company>();
  for (const s of found) if (s) out.set(s.id, fromStored(s));
  return out;
}

export async function allCompanies(db: Db): Promise<Company[]> {
  return (await db.getAll('companies')).map(fromStored);
}

/** Companies whose name or alias starts with the query (folded), best first: exact name, exact alias, then prefixes. */
export async function searchCompanies(db: Db, query: string, limit = 20): Promise<Company[]> {
  const q = foldString(query);
  if (!q) return [];
  const range = IDBKeyRange.bound(q, q + '\uffff');
  const seen = new Map<string, StoredCompany>();
  let cursor = await db.transaction('companies').store.index('nameKeys').openCursor(range);
  while (cursor && seen.size < limit * 3) {
    seen.set(cursor.value.id, cursor.value);
    cursor = await cursor.continue();
  }
  // An exact alias ("AWS") outranks names that merely start with the query, so that the tie form,
  // which only sees the first few results, finds the company the user typed.
  const rank = (c: StoredCompany) => {
    const name = foldString(c.name);
    return name === q ? 0 : c.nameKeys.includes(q) ? 1 : name.startsWith(q) ? 2 : 3;
  };
  return [...seen.values()]
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(fromStored);
}

