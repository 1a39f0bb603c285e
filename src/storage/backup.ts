import { toExportFile, type ExportFile, type ParsedImport } from '../core/export-format';
import { allNotes } from './notes';
import { fromStored } from './companies';
import type { Db } from './open-db';
import { writeRecords } from './write-records';

export async function exportAll(db: Db, now = new Date()): Promise<ExportFile> {
  const [companies, ties, notes] = await Promise.all([db.getAll('companies'), db.getAll('ties'), allNotes(db)]);
  return toExportFile(companies.map(fromStored), ties, notes, now);
}

export async function knownCompanyIds(db: Db): Promise<Set<string>> {
  return new Set(await db.getAllKeys('companies'));
}

/**
 * Write a checked import in one transaction: every record lands, or (on any failure) none does.
 * Records keep the origin they have in the file. A company or tie the import replaces counts as
 * the user's change, so dataset updates leave it alone.
 */
export async function applyImport(db: Db, data: ParsedImport): Promise<{ companies: number; ties: number; notes: number }> {
  const tx = db.transaction(['companies', 'ties', 'notes'], 'readwrite');
  await writeRecords(tx, { putCompanies: data.companies, putTies: data.ties, putNotes: data.notes });
  return { companies: data.companies.length, ties: data.ties.length, notes: data.notes.length };
}

/**
 * The first step of "reset to the bundled dataset": remove companies, ties and settings; notes
 * too unless `keepNotes`, the reading history (sightings) too if `clearHistory`.
 */
export async function clearData(db: Db, { keepNotes, clearHistory }: { keepNotes: boolean; clearHistory: boolean }): Promise<void> {
  const stores: ('companies' | 'ties' | 'settings' | 'notes' | 'sightings')[] = ['companies', 'ties', 'settings'];
  if (!keepNotes) stores.push('notes');
  if (clearHistory) stores.push('sightings');
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([...stores.map((s) => tx.objectStore(s).clear()), tx.done]);
}

/** Does the database hold company names that the bundled matcher does not know? */
export async function hasUserCompanies(db: Db): Promise<boolean> {
  let cursor = await db.transaction('companies').store.openCursor();
  while (cursor) {
    if (cursor.value.origin !== 'bundled' || cursor.value.edited) return true;
    cursor = await cursor.continue();
  }
  return false;
}
