import { NOTE_PORT, type NoteDraft, type NoteSaved } from '../messaging/note-port';
import { browser, type Runtime } from '../platform/browser';
import { saveNote } from '../storage/notes';
import { ready } from './ready';
import { senderKind } from '../messaging/senders';

const DEBOUNCE_MS = 400;

/** Write drafts from note editors: debounced while typing, at once when the editor goes away. */
export function listenForNoteDrafts(): void {
  browser.runtime.onConnect.addListener((port: Runtime.Port) => {
    if (port.name !== NOTE_PORT) return;
    // Notes are written from Tieline's pages and the card, never from a content script.
    const from = senderKind(port.sender, browser.runtime.id);
    if (from !== 'extension' && from !== 'card') return port.disconnect();
    const pending = new Map<string, string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let open = true;
    const flush = async () => {
      clearTimeout(timer);
      const drafts = [...pending];
      pending.clear();
      const db = await ready();
      for (const [companyId, text] of drafts) {
        let reply: NoteSaved;
        try {
          const note = await saveNote(db, companyId, text);
          reply = { type: 'saved', companyId, text, updatedAt: note?.updatedAt ?? null };
        } catch {
          reply = { type: 'error', companyId };
        }
        if (open) port.postMessage(reply);
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
