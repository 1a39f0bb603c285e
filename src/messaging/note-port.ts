import { noteDraftKey, NoteOutbox, type KeptDraft, type NoteDraft, type NoteSaved, type OpenNoteChannel } from '../core/note-channel';
import { browser, type Runtime } from '../platform/browser';

/**
 * Note editing goes over a long-lived port: every keystroke's text reaches the background at once,
 * and when the popup or card closes mid-sentence the port's disconnect makes the background write
 * the last text. Chrome stops an idle background (about 30 s) and its ports drop with it: the
 * channel then connects again (which starts the background) and resends every text not yet
 * confirmed. Until confirmed, the latest text also waits in `storage.session`, which outlives the
 * background: if the editor is gone too, the background writes it when it next starts.
 */
export const NOTE_PORT = 'tieline/note';
const RETRY_MS = 2_000;

export type { NoteDraft, NoteSaved, NoteChannel } from '../core/note-channel';

export const openNoteChannel: OpenNoteChannel = (onReply) => {
  const outbox = new NoteOutbox();
  const watched = new Set<string>();
  let port: Runtime.Port | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = (): Runtime.Port => {
    const p = browser.runtime.connect({ name: NOTE_PORT });
    p.onMessage.addListener((m: unknown) => {
      const reply = m as NoteSaved;
      if (outbox.confirm(reply) && reply.type === 'saved') void forgetKeptDraft(reply.companyId, reply.text);
      // A write that failed (storage full, database closed) is tried again while the editor is open.
      if (reply.type === 'error' && retry === undefined) {
        retry = setTimeout(() => {
          retry = undefined;
          if (!closed) resend();
        }, RETRY_MS);
      }
      onReply(reply);
    });
    p.onDisconnect.addListener(() => {
      if (port !== p) return;
      port = null;
      // The background went away with texts it has not confirmed: start it again and resend them.
      if (!closed && outbox.size > 0) resend();
    });
    port = p;
    // A new background knows nothing of this editor: say again which notes it shows.
    for (const companyId of watched) p.postMessage({ type: 'watch', companyId } satisfies NoteDraft);
    return p;
  };

  const post = (draft: NoteDraft) => {
    try {
      (port ?? connect()).postMessage(draft);
    } catch {
      // A port that dropped before its disconnect event arrived.
      port = null;
      try {
        connect().postMessage(draft);
      } catch {
        for (const d of outbox.drafts()) onReply({ type: 'error', companyId: d.companyId });
        if (draft.type === 'watch') return;
      }
    }
  };
  const resend = () => {
    if (!port) connect();
    for (const d of outbox.drafts()) post(d);
  };

  return {
    send(draft) {
      outbox.put(draft);
      void keepDraft({ companyId: draft.companyId, text: draft.text, time: Date.now() });
      post(draft);
    },
    watch(companyId) {
      watched.add(companyId);
      post({ type: 'watch', companyId });
    },
    close() {
      closed = true;
      clearTimeout(retry);
      port?.disconnect();
      port = null;
    },
  };
};

async function keepDraft(draft: KeptDraft): Promise<void> {
  await browser.storage.session.set({ [noteDraftKey(draft.companyId)]: draft }).catch(() => undefined);
}

/** Drop the kept draft once the background has written that very text (a newer draft stays). */
async function forgetKeptDraft(companyId: string, text: string): Promise<void> {
  const key = noteDraftKey(companyId);
  const stored: Record<string, unknown> = await browser.storage.session.get(key).catch(() => ({}));
  const kept = stored[key] as KeptDraft | undefined;
  if (kept?.text === text) await browser.storage.session.remove(key).catch(() => undefined);
}
