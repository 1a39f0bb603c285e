/**
 * The note editor's channel to the background: every keystroke's text goes out at once, and the
 * background answers when it has written it. The types live here so that the editor (ui/) and the
 * port that carries them (messaging/) share them without depending on each other.
 */
export type NoteDraft = { type: 'draft'; companyId: string; text: string };
export type NoteSaved = { type: 'saved'; companyId: string; text: string; updatedAt: number | null } | { type: 'error'; companyId: string };

export interface NoteChannel {
  send(draft: NoteDraft): void;
  close(): void;
}

export type OpenNoteChannel = (onReply: (reply: NoteSaved) => void) => NoteChannel;
