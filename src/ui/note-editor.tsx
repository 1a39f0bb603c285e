import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteChannel, OpenNoteChannel } from '../core/note-channel';
import { t } from './translate';

/**
 * A plain textarea (spellcheck, IME and screen readers just work). Every change goes to the
 * background as the user types; "Saved" shows once the background has written the latest text.
 */
export function NoteEditor(props: { openChannel: OpenNoteChannel; companyId: string; initial: string; autoFocus?: boolean; onDone?: (text: string) => void }) {
  const [text, setText] = useState(props.initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error' | 'changedElsewhere'>('idle');
  const latest = useRef(props.initial);
  const channel = useRef<NoteChannel | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const onSaved = useRef<(() => void) | null>(null);
  /** Typed text the background has not yet confirmed. */
  const pendingText = useRef(false);

  useEffect(() => {
    channel.current = props.openChannel((reply) => {
      if (reply.companyId !== props.companyId) return;
      if (reply.type === 'error') return setState('error');
      if (reply.type === 'changed') {
        // Another window wrote this note. Take its text unless this editor has text of its own on
        // the way (then that text is written after it, and the user is told).
        if (pendingText.current) return setState('changedElsewhere');
        latest.current = reply.text;
        setText(reply.text);
        return setState('changedElsewhere');
      }
      if (reply.text === latest.current) {
        pendingText.current = false;
        setState('saved');
        onSaved.current?.();
        onSaved.current = null;
      }
    });
    channel.current.watch(props.companyId);
    if (props.autoFocus) area.current?.focus();
    // Closing the channel makes the background write whatever is still pending.
    return () => channel.current?.close();
  }, [props.companyId]);

  const finish = () => {
    if (state === 'saving') onSaved.current = () => props.onDone?.(latest.current);
    else props.onDone?.(latest.current);
  };

  return (
    <div>
      <label class="visually-hidden" for={`note-${props.companyId}`}>{t('yourNote')}</label>
      <textarea
        id={`note-${props.companyId}`}
        ref={area}
        value={text}
        spellcheck
        placeholder={t('notePlaceholder')}
        onInput={(e) => {
          const v = (e.currentTarget).value;
          setText(v);
          latest.current = v;
          pendingText.current = true;
          setState('saving');
          channel.current?.send({ type: 'draft', companyId: props.companyId, text: v });
        }}
      />
      <div class="note-actions">
        {props.onDone && (
          <button type="button" class="btn btn-primary" onClick={finish}>{t('done')}</button>
        )}
        <span class="muted" role="status" aria-live="polite">
          {state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('saveFailed') : state === 'changedElsewhere' ? t('noteChangedElsewhere') : ''}
        </span>
      </div>
    </div>
  );
}
