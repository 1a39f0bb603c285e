import { companiesFromCsv } from '../core/csv';
import { MAX_IMPORT_BYTES, MAX_IMPORT_MB, parseImportJson, type ParsedImport } from '../core/export-format';
import type { Company } from '../core/model';
import { checkCompany, type Problem } from '../core/validate-dataset';
import { applyImport, knownCompanyIds } from './backup';
import { getCompanies } from './companies';
import type { Db } from './open-db';

export type ImportOutcome =
  | { ok: true; companies: number; ties: number; notes: number }
  | { ok: false; problems: Problem[] };

/** CSV rows for companies we already have add to them rather than replace them. */
async function mergeCsvCompanies(db: Db, rows: Company[]): Promise<Company[]> {
  const existing = await getCompanies(db, rows.map((c) => c.id));
  return rows.map((c) => {
    const old = existing.get(c.id);
    if (!old) return c;
    const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
    return {
      ...old,
      aliases: union(old.aliases, c.aliases.filter((a) => a !== old.name)),
      domains: union(old.domains, c.domains),
      tickers: union(old.tickers, c.tickers),
      description: c.description || old.description,
      parent: c.parent ?? old.parent,
      ...(old.origin === 'bundled' ? { edited: true } : {}),
    };
  });
}

/**
 * Check an imported file (Tieline JSON or a companies CSV) and write it, all or nothing. Any
 * problem rejects the whole file and leaves the database as it was.
 */
export async function importFile(db: Db, fileName: unknown, text: unknown): Promise<ImportOutcome> {
  if (typeof text !== 'string') return { ok: false, problems: [{ at: 'file', message: 'is not a text file' }] };
  // Characters, not bytes, here; the settings page has already refused the file by its size.
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, problems: [{ at: 'file', message: `is too large (over ${MAX_IMPORT_MB} MB)` }] };
  let data: ParsedImport;
  const start = text.trimStart();
  if (/\.csv$/i.test(String(fileName)) || (!start.startsWith('{') && !start.startsWith('['))) {
    const { companies, problems } = companiesFromCsv(text, await knownCompanyIds(db));
    if (problems.length > 0) return { ok: false, problems };
    const merged = await mergeCsvCompanies(db, companies);
    // Added to a company we have, the lists may pass the per-company caps: check the result too.
    const over: Problem[] = [];
    merged.forEach((c) => checkCompany(c, `company "${c.id}"`, over, 'user'));
    if (over.length > 0) {
      return { ok: false, problems: over.map((p) => ({ at: p.at.replace(/^(company "[^"]+")\.([a-z]+).*$/, '$1 ($2)'), message: `with this file's additions, ${p.message}` })) };
    }
    data = { companies: merged, ties: [], notes: [] };
  } else {
    const parsed = parseImportJson(text, await knownCompanyIds(db));
    if (!parsed.ok) return { ok: false, problems: parsed.problems };
    data = parsed.data;
  }
  return { ok: true, ...(await applyImport(db, data)) };
}
