import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NoteDraft, NoteSaved } from '../../src/core/note-channel';
import { getNote } from '../../src/storage/notes';
import { DB_VERSION, DbUnavailableError, openDb, type Db } from '../../src/storage/open-db';

type Listener = (...args: unknown[]) => void;
const connects: Listener[] = [];
vi.mock('../../src/platform/browser', () => ({
  browser: { runtime: { id: 'tieline', onConnect: { addListener: (l: Listener) => connects.push(l) } } },
}));
const ready = vi.fn<() => Promise<Db>>();
/** Set to make the next note writes fail as a full disk does. */
let quotaFull = false;
vi.mock('../../src/storage/notes', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/storage/notes')>();
  return {
    ...real,
    saveNote: (...args: Parameters<typeof real.saveNote>) =>
      quotaFull ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : real.saveNote(...args),
  };
});
vi.mock('../../src/background/ready', () => ({ ready: () => ready() }));

const { listenForNoteDrafts, RETRY_MS } = await import('../../src/background/note-drafts');
listenForNoteDrafts();

/** A note editor's port, as the popup opens it. */
function editor() {
  const on = { message: [] as Listener[], disconnect: [] as Listener[] };
  const replies: NoteSaved[] = [];
  const port = {
    name: 'tieline/note',
    sender: { id: 'tieline', url: 'chrome-extension://tieline/popup.html' },
    postMessage: (m: NoteSaved) => replies.push(m),
    disconnect: () => undefined,
    onMessage: { addListener: (l: Listener) => on.message.push(l) },
    onDisconnect: { addListener: (l: Listener) => on.disconnect.push(l) },
  };
  for (const l of connects) l(port);
  return {
    replies,
    type: (companyId: string, text: string) => on.message.forEach((l) => l({ type: 'draft', companyId, text } satisfies NoteDraft)),
    close: () => on.disconnect.forEach((l) => l()),
  };
}

afterEach(() => {
  vi.useRealTimers();
  ready.mockReset();
});

let n = 0;
describe('note drafts when the database is not there', () => {
  it('keeps what was typed while an older window blocks the database, and writes it once it can, after the popup closed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await openDb(DB_VERSION, `tieline-drafts-${++n}`);
    ready.mockRejectedValue(new DbUnavailableError('blocked'));
    const page = editor();
    page.type('openai', 'typed while blocked');
    // The popup closes mid-sentence: the background tries at once, and cannot.
    page.close();
    await vi.waitFor(() => expect(ready).toHaveBeenCalledTimes(1));
    expect(await getNote(db, 'openai')).toBeUndefined();

    // The old window lets go; the next try writes the draft.
    ready.mockResolvedValue(db);
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await vi.waitFor(async () => expect((await getNote(db, 'openai'))?.text).toBe('typed while blocked'));
  });

  it('says the save failed, then saved, to an editor still open; newer text is not overwritten by the retry', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await openDb(DB_VERSION, `tieline-drafts-${++n}`);
    ready.mockRejectedValue(new DbUnavailableError('blocked'));
    const page = editor();
    page.type('openai', 'first');
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(page.replies).toEqual([{ type: 'error', companyId: 'openai' }]));

    ready.mockResolvedValue(db);
    page.type('openai', 'first, then more');
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(page.replies.at(-1)).toMatchObject({ type: 'saved', text: 'first, then more' }));
    await vi.advanceTimersByTimeAsync(RETRY_MS * 2);
    expect((await getNote(db, 'openai'))?.text).toBe('first, then more');
  });

  it('keeps a note the disk is too full to take, says so, and writes it once there is room', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const db = await openDb(DB_VERSION, `tieline-drafts-${++n}`);
    ready.mockResolvedValue(db);
    quotaFull = true;
    const page = editor();
    page.type('nvidia', 'written while the disk was full');
    await vi.advanceTimersByTimeAsync(400);
    await vi.waitFor(() => expect(page.replies).toEqual([{ type: 'error', companyId: 'nvidia' }]));
    expect(await getNote(db, 'nvidia')).toBeUndefined();
    quotaFull = false;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    await vi.waitFor(() => expect(page.replies.at(-1)).toMatchObject({ type: 'saved', text: 'written while the disk was full' }));
    expect((await getNote(db, 'nvidia'))?.text).toBe('written while the disk was full');
  });
});
