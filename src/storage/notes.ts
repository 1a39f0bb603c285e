import type { Note } from '../core/model';
import type { Db } from './open-db';

export async function getNote(db: Db, company: string): Promise<Note | undefined> {
  return db.get('notes', company);
}

/** Save a note's text; an emptied note is deleted. */
export async function saveNote(db: Db, company: string, text: string, now = Date.now()): Promise<Note | undefined> {
  const tx = db.transaction('notes', 'readwrite');
  const old = await tx.store.get(company);
  let note: Note | undefined;
  if (text.trim() === '') await tx.store.delete(company);
  else {
    note = { company, text, createdAt: old?.createdAt ?? now, updatedAt: now };
    await tx.store.put(note);
  }
  await tx.done;
  return note;
}

export async function allNotes(db: Db): Promise<Note[]> {
  return db.getAll('notes');
}

/**
 * Save a draft typed at `time` unless the stored note changed after that (a draft recovered after a
 * restart must not overwrite what was written since). The check and the write are one transaction.
 */
export async function saveNoteIfNewer(db: Db, company: string, text: string, time: number): Promise<boolean> {
  const tx = db.transaction('notes', 'readwrite');
  const old = await tx.store.get(company);
  if (old && old.updatedAt >= time) {
    await tx.done;
    return false;
  }
  if (text.trim() === '') await tx.store.delete(company);
  else await tx.store.put({ company, text, createdAt: old?.createdAt ?? time, updatedAt: time });
  await tx.done;
  return true;
}
