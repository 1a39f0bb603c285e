/**
 * The note editor's channel to the background: every keystroke's text goes out at once, and the
 * background answers when it has written it. The types live here so that the editor (ui/) and the
 * port that carries them (messaging/) share them without depending on each other.
 */
/** From the editor: a keystroke's text, or "this editor shows this company's note" (`watch`). */
export type NoteDraft = { type: 'draft'; companyId: string; text: string } | { type: 'watch'; companyId: string };
/**
 * From the background: this editor's text is written (`saved`), or could not be (`error`), or
 * another window wrote the note (`changed`): two editors of one note stay in step.
 */
export type NoteSaved =
  | { type: 'saved'; companyId: string; text: string; updatedAt: number | null }
  | { type: 'error'; companyId: string }
  | { type: 'changed'; companyId: string; text: string; updatedAt: number | null };

export interface NoteChannel {
  send(draft: NoteDraft & { type: 'draft' }): void;
  /** This editor shows `companyId`'s note: tell it when another window changes it. */
  watch(companyId: string): void;
  close(): void;
}

export type OpenNoteChannel = (onReply: (reply: NoteSaved) => void) => NoteChannel;

/** A draft kept outside the editor until the background confirms it (key: `noteDraftKey`). */
export type KeptDraft = { companyId: string; text: string; time: number };
export const NOTE_DRAFT_PREFIX = 'noteDraft:';
export const noteDraftKey = (companyId: string): string => NOTE_DRAFT_PREFIX + companyId;

/**
 * What the editor has sent and the background has not yet confirmed: the latest text per company.
 * After the background restarts (its port drops), these are sent again; a confirmation of an older
 * text does not clear a newer one.
 */
export class NoteOutbox {
  private readonly unconfirmed = new Map<string, string>();

  put(draft: NoteDraft & { type: 'draft' }): void {
    this.unconfirmed.set(draft.companyId, draft.text);
  }

  /** True when `reply` confirms the latest text sent for its company. */
  confirm(reply: NoteSaved): boolean {
    if (reply.type !== 'saved' || this.unconfirmed.get(reply.companyId) !== reply.text) return false;
    this.unconfirmed.delete(reply.companyId);
    return true;
  }

  drafts(): (NoteDraft & { type: 'draft' })[] {
    return [...this.unconfirmed].map(([companyId, text]) => ({ type: 'draft', companyId, text }));
  }

  get size(): number {
    return this.unconfirmed.size;
  }
}
