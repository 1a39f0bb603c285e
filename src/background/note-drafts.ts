import { NOTE_DRAFT_PREFIX, noteDraftKey, type KeptDraft } from '../core/note-channel';
import { NOTE_PORT, type NoteDraft, type NoteSaved } from '../messaging/note-port';
import { senderKind } from '../messaging/senders';
import { browser, type Runtime } from '../platform/browser';
import { saveNote, saveNoteIfNewer } from '../storage/notes';
import { ready } from './ready';

const DEBOUNCE_MS = 400;
const MAX_NOTE = 100_000;

/** The open editors and the notes each shows, so that one editor's save reaches the others. */
const editors = new Map<Runtime.Port, Set<string>>();

function tellOtherEditors(from: Runtime.Port, companyId: string, text: string, updatedAt: number | null): void {
  for (const [port, companies] of editors) {
    if (port !== from && companies.has(companyId)) port.postMessage({ type: 'changed', companyId, text, updatedAt } satisfies NoteSaved);
  }
}

/**
 * A draft that could not be written (the database blocked by an older window, or its connection
 * closed mid-write) is tried again this often, this many times, even after the editor has gone.
 */
export const RETRY_MS = 2_000;
const RETRIES = 30;

/** Write drafts from note editors: debounced while typing, at once when the editor goes away. */
export function listenForNoteDrafts(): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== NOTE_PORT) return;
    // Notes are written from Tieline's pages and the card, never from a content script.
    const from = senderKind(port.sender, browser.runtime.id);
    if (from !== 'extension' && from !== 'card') return port.disconnect();
    const pending = new Map<string, string>();
    const watching = new Set<string>();
    editors.set(port, watching);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let open = true;
    let failures = 0;
    const reply = (m: NoteSaved) => {
      if (open) port.postMessage(m);
    };
    const flush = async () => {
      clearTimeout(timer);
      const drafts = [...pending];
      pending.clear();
      const failed: [string, string][] = [];
      const db = await ready().catch(() => null);
      for (const [companyId, text] of drafts) {
        try {
          if (!db) throw new Error('no database');
          const note = await saveNote(db, companyId, text);
          await forgetKeptDraft(companyId, text).catch(() => undefined);
          reply({ type: 'saved', companyId, text, updatedAt: note?.updatedAt ?? null });
          tellOtherEditors(port, companyId, text, note?.updatedAt ?? null);
        } catch {
          failed.push([companyId, text]);
          reply({ type: 'error', companyId });
        }
      }
      // Kept for another try, unless the user has typed something newer meanwhile.
      for (const [companyId, text] of failed) if (!pending.has(companyId)) pending.set(companyId, text);
      failures = failed.length > 0 ? failures + 1 : 0;
      if (failed.length > 0 && failures <= RETRIES) {
        clearTimeout(timer);
        timer = setTimeout(() => void flush(), RETRY_MS);
      }
    };
    port.onMessage.addListener((m: unknown) => {
      const d = m as NoteDraft;
      if (typeof d?.companyId !== 'string' || d.companyId.length > 300) return;
      if (d.type === 'watch' && watching.size < 100) watching.add(d.companyId);
      if (d.type !== 'draft' || typeof d.text !== 'string') return;
      watching.add(d.companyId);
      pending.set(d.companyId, d.text.slice(0, MAX_NOTE));
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), DEBOUNCE_MS);
    });
    port.onDisconnect.addListener(() => {
      open = false;
      editors.delete(port);
      void flush();
    });
  });
  void writeKeptDrafts().catch(() => undefined);
}

async function forgetKeptDraft(companyId: string, text: string): Promise<void> {
  const key = noteDraftKey(companyId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key);
  if ((stored[key] as KeptDraft | undefined)?.text === text) await browser.storage.session.remove(key);
}

/**
 * Drafts an editor kept in `storage.session` that no background confirmed (it stopped, and the
 * editor closed before it came back): written at start, unless the note changed after the draft.
 */
export async function writeKeptDrafts(): Promise<number> {
  const all: Record<string, unknown> = await browser.storage.session.get(null).catch(() => ({}));
  const kept = Object.entries(all).filter(([key]) => key.startsWith(NOTE_DRAFT_PREFIX));
  if (kept.length === 0) return 0;
  const db = await ready();
  let written = 0;
  for (const [key, value] of kept) {
    const d = value as Partial<KeptDraft> | null;
    if (typeof d?.companyId === 'string' && typeof d.text === 'string' && typeof d.time === 'number' && key === noteDraftKey(d.companyId)) {
      if (await saveNoteIfNewer(db, d.companyId, d.text.slice(0, MAX_NOTE), d.time)) written++;
    }
    await browser.storage.session.remove(key);
  }
  return written;
}
