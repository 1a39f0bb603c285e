import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';

const DEBOUNCE_MS = 600;

/**
 * A plain textarea (spellcheck, IME and screen readers just work) that saves as the user types,
 * and once more when it goes away, so closing the popup mid-sentence loses nothing.
 */
export function NoteEditor(props: { companyId: string; initial: string; autoFocus?: boolean; onDone?: (text: string) => void }) {
  const [text, setText] = useState(props.initial);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const latest = useRef(props.initial);
  const saved = useRef(props.initial);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const area = useRef<HTMLTextAreaElement>(null);

  const save = async () => {
    clearTimeout(timer.current);
    const value = latest.current;
    if (value === saved.current) return;
    setState('saving');
    try {
      await sendToBackground('saveNote', { companyId: props.companyId, text: value });
      saved.current = value;
      setState('saved');
    } catch {
      setState('error');
    }
  };

  useEffect(() => {
    if (props.autoFocus) area.current?.focus();
    const flush = () => void save();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
      void save();
    };
  }, [props.companyId]);

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
          const v = (e.currentTarget as HTMLTextAreaElement).value;
          setText(v);
          latest.current = v;
          setState('idle');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void save(), DEBOUNCE_MS);
        }}
      />
      <div class="note-actions">
        {props.onDone && (
          <button type="button" class="btn btn-primary" onClick={async () => { await save(); props.onDone?.(latest.current); }}>
            {t('done')}
          </button>
        )}
        <span class="muted" role="status" aria-live="polite">
          {state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'error' ? t('saveFailed') : ''}
        </span>
      </div>
    </div>
  );
}
