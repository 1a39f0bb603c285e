import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NoteOutbox } from '../../src/core/note-channel';
import { DB_VERSION, openDb } from '../../src/storage/open-db';
import { getNote, saveNote, saveNoteIfNewer } from '../../src/storage/notes';

describe('the note outbox', () => {
  it('keeps the latest unconfirmed text per company until the background confirms that very text', () => {
    const box = new NoteOutbox();
    box.put({ type: 'draft', companyId: 'a', text: 'Fi' });
    box.put({ type: 'draft', companyId: 'a', text: 'First' });
    box.put({ type: 'draft', companyId: 'b', text: 'Other' });
    // A confirmation of an older text does not clear the newer one.
    expect(box.confirm({ type: 'saved', companyId: 'a', text: 'Fi', updatedAt: 1 })).toBe(false);
    expect(box.drafts()).toEqual([
      { type: 'draft', companyId: 'a', text: 'First' },
      { type: 'draft', companyId: 'b', text: 'Other' },
    ]);
    expect(box.confirm({ type: 'error', companyId: 'a' })).toBe(false);
    expect(box.confirm({ type: 'saved', companyId: 'a', text: 'First', updatedAt: 2 })).toBe(true);
    expect(box.size).toBe(1);
    expect(box.confirm({ type: 'saved', companyId: 'b', text: 'Other', updatedAt: 3 })).toBe(true);
    expect(box.drafts()).toEqual([]);
  });
});

describe('a draft recovered after a restart', () => {
  let n = 0;
  const fresh = () => openDb(DB_VERSION, `tieline-outbox-${++n}`);

  it('is written when the note has not changed since it was typed', async () => {
    const db = await fresh();
    await saveNote(db, 'openai', 'old', 1_000);
    expect(await saveNoteIfNewer(db, 'openai', 'typed later', 2_000)).toBe(true);
    expect(await getNote(db, 'openai')).toMatchObject({ text: 'typed later', createdAt: 1_000, updatedAt: 2_000 });
  });

  it('never overwrites a note written after it', async () => {
    const db = await fresh();
    await saveNote(db, 'openai', 'newer, from another window', 5_000);
    expect(await saveNoteIfNewer(db, 'openai', 'stale draft', 4_000)).toBe(false);
    expect((await getNote(db, 'openai'))?.text).toBe('newer, from another window');
  });

  it('creates the note when there was none, and an emptied draft deletes it', async () => {
    const db = await fresh();
    expect(await saveNoteIfNewer(db, 'x', 'new', 10)).toBe(true);
    expect(await saveNoteIfNewer(db, 'x', '  ', 20)).toBe(true);
    expect(await getNote(db, 'x')).toBeUndefined();
  });
});
