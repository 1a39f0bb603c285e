import type { Company, Note, Tie } from './model';
import { checkCompany, checkReferences, checkTie, quote, type Problem } from './validate-dataset';

/** Tieline's export file (documented in docs/data.md). Bump the version on any incompatible change. */
export const EXPORT_FORMAT = 'tieline';
export const EXPORT_VERSION = 1;

/** At most this many companies, ties and notes (or CSV rows) in one import. */
export const MAX_IMPORT_RECORDS = 200_000;
/** Files over 50 MB are refused before they are read (the settings page checks `file.size`). */
export const MAX_IMPORT_MB = 50;
export const MAX_IMPORT_BYTES = MAX_IMPORT_MB * 1_000_000;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  companies: Company[];
  ties: Tie[];
  notes: { company: string; text: string; createdAt?: number; updatedAt: number }[];
}

export function toExportFile(companies: readonly Company[], ties: readonly Tie[], notes: readonly Note[], now: Date): ExportFile {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    companies: companies.map(({ ...c }) => c),
    ties: ties.map(({ ...t }) => t),
    notes: notes.map((n) => ({ company: n.company, text: n.text, createdAt: n.createdAt, updatedAt: n.updatedAt })),
  };
}

/**
 * A file's bytes as text, or why not. Imports are UTF-8 (with or without a BOM); a file in another
 * encoding would otherwise import as mojibake or fail with a puzzling message, so it is refused
 * here, by name.
 */
export function decodeImportBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: Problem } {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: { at: 'file', message: `is too large (over ${MAX_IMPORT_MB} MB)` } };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: { at: 'file', message: 'is UTF-16 text; save it as UTF-8 and import it again' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { at: 'file', message: 'is not UTF-8 text (another encoding, or not text at all); save it as UTF-8 and import it again' } };
  }
  // UTF-16 without its mark decodes as "valid" UTF-8 full of NULs; no text file of ours has one.
  if (text.includes('\0')) return { ok: false, problem: { at: 'file', message: 'contains NUL characters: not a text file, or UTF-16; save it as UTF-8 and import it again' } };
  return { ok: true, text };
}

export interface ParsedImport {
  companies: Company[];
  ties: Tie[];
  notes: Note[];
}


/**
 * Check an import (a full backup, or a list of companies and ties) before anything is written.
 * `known` holds the ids already in the database, so an import may refer to them.
 */
export function parseImportJson(text: string, known: ReadonlySet<string>): { ok: true; data: ParsedImport } | { ok: false; problems: Problem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ at: 'file', message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const problems: Problem[] = [];
  const obj = (Array.isArray(raw) ? { companies: raw } : raw) as Record<string, unknown> | null;
  if (typeof obj !== 'object' || obj === null) return { ok: false, problems: [{ at: 'file', message: 'must be a JSON object or a list of companies' }] };
  if (obj.format !== undefined && obj.format !== EXPORT_FORMAT) problems.push({ at: 'format', message: `must be "${EXPORT_FORMAT}"` });
  if (typeof obj.version === 'number' && Number.isInteger(obj.version) && obj.version > EXPORT_VERSION) problems.push({ at: 'version', message: `file is version ${obj.version}; this Tieline reads up to ${EXPORT_VERSION}. Update Tieline first.` });
  // Anything else that is not a version this Tieline wrote ("1", 0, 1.5) is no version of ours.
  else if (obj.version !== undefined && !(typeof obj.version === 'number' && Number.isInteger(obj.version) && obj.version >= 1 && obj.version <= EXPORT_VERSION)) {
    problems.push({ at: 'version', message: `must be a whole number from 1 to ${EXPORT_VERSION}` });
  }
  for (const key of ['companies', 'ties', 'notes'] as const) {
    if (obj[key] !== undefined && !Array.isArray(obj[key])) problems.push({ at: key, message: 'must be a list' });
  }
  if (obj.companies === undefined && obj.ties === undefined && obj.notes === undefined) problems.push({ at: 'file', message: 'has no companies, ties or notes' });
  if (problems.length > 0) return { ok: false, problems };
  const rawCompanies = (obj.companies as unknown[] | undefined) ?? [];
  const rawTies = (obj.ties as unknown[] | undefined) ?? [];
  const rawNotes = (obj.notes as unknown[] | undefined) ?? [];
  if (rawCompanies.length + rawTies.length + rawNotes.length > MAX_IMPORT_RECORDS) {
    return { ok: false, problems: [{ at: 'file', message: `has more than ${MAX_IMPORT_RECORDS} records` }] };
  }
  // A file with empty lists would "succeed" at importing nothing: more likely the wrong file.
  if (rawCompanies.length + rawTies.length + rawNotes.length === 0) return { ok: false, problems: [{ at: 'file', message: 'has no companies, ties or notes' }] };
  const companies: Company[] = [];
  const ties: Tie[] = [];
  const notes: Note[] = [];
  rawCompanies.forEach((r, i) => {
    const c = checkCompany(r, `companies[${i}]`, problems, 'user');
    if (c) companies.push(c);
  });
  rawTies.forEach((r, i) => {
    const t = checkTie(r, `ties[${i}]`, problems, 'user');
    if (t) ties.push(t);
  });
  const ids = new Set([...known, ...companies.map((c) => c.id)]);
  // One note per company: two in one file would silently keep whichever came last.
  const noteAt = new Map<string, number>();
  rawNotes.forEach((r, i) => {
    const n = r as Record<string, unknown>;
    if (typeof n !== 'object' || n === null) return problems.push({ at: `notes[${i}]`, message: 'must be an object' });
    if (typeof n.company !== 'string' || !ids.has(n.company)) return problems.push({ at: `notes[${i}].company`, message: `unknown company "${quote(String(n.company))}"` });
    if (noteAt.has(n.company)) return problems.push({ at: `notes[${i}].company`, message: `"${n.company}" has a note already (notes[${noteAt.get(n.company)}])` });
    noteAt.set(n.company, i);
    if (typeof n.text !== 'string' || n.text.length > 100_000) return problems.push({ at: `notes[${i}].text`, message: 'must be a text (at most 100,000 characters)' });
    const updatedAt = typeof n.updatedAt === 'number' ? n.updatedAt : Date.parse(String(n.updatedAt));
    if (!Number.isFinite(updatedAt)) return problems.push({ at: `notes[${i}].updatedAt`, message: 'must be a time' });
    const createdAt = typeof n.createdAt === 'number' && Number.isFinite(n.createdAt) ? n.createdAt : updatedAt;
    notes.push({ company: n.company, text: n.text, createdAt, updatedAt });
  });
  // Imported companies may replace known ones (same id): only check names among the file's own.
  problems.push(...checkReferences(companies, ties, known));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, data: { companies, ties, notes } };
}
