import { NOTE_PORT, type NoteDraft, type NoteSaved } from '../messaging/note-port';
import { browser, type Runtime } from '../platform/browser';
import { saveNote } from '../storage/notes';
import { ready } from './ready';
import { fromExtensionPage } from '../messaging/senders';

const DEBOUNCE_MS = 400;
/**
 * A draft that could not be written (the database blocked by an older window, or its connection
 * closed mid-write) is tried again this often, this many times, even after the editor has gone.
 */
export const RETRY_MS = 2_000;
const RETRIES = 30;

/** Write drafts from note editors: debounced while typing, at once when the editor goes away. */
export function listenForNoteDrafts(): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== NOTE_PORT || port.sender?.id !== browser.runtime.id) return;
    if (!fromExtensionPage(port.sender)) return port.disconnect();
    const pending = new Map<string, string>();
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
          reply({ type: 'saved', companyId, text, updatedAt: note?.updatedAt ?? null });
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
      if (d?.type !== 'draft' || typeof d.companyId !== 'string' || typeof d.text !== 'string') return;
      pending.set(d.companyId, d.text.slice(0, 100_000));
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), DEBOUNCE_MS);
    });
    port.onDisconnect.addListener(() => {
      open = false;
      void flush();
    });
  });
}
