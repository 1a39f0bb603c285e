import type { NoteSaved, OpenNoteChannel } from '../core/note-channel';
import { browser, type Runtime } from '../platform/browser';

/**
 * Note editing goes over a long-lived port: every keystroke's text reaches the background at once,
 * and when the popup or card closes mid-sentence the port's disconnect makes the background write
 * the last text. Nothing typed is lost, whenever the page goes away.
 */
export const NOTE_PORT = 'tieline/note';

export type { NoteDraft, NoteSaved, NoteChannel } from '../core/note-channel';

export const openNoteChannel: OpenNoteChannel = (onReply) => {
  const port: Runtime.Port = browser.runtime.connect({ name: NOTE_PORT });
  port.onMessage.addListener((m: unknown) => onReply(m as NoteSaved));
  return {
    send: (draft) => port.postMessage(draft),
    close: () => port.disconnect(),
  };
};
