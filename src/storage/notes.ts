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
