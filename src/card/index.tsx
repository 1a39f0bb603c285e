import { openNoteChannel } from '../messaging/note-port';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CompanyView } from '../core/views';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { applyTheme } from '../platform/apply-theme';
import { CompanyHeader } from '../ui/company-header';
import { NoteEditor } from '../ui/note-editor';
import { SinceLastRead } from '../ui/since-last-read';
import { TieGroups } from '../ui/tie-groups';
import { setTranslator } from '../ui/translate';

setTranslator(t);

// The content script passes the company and a per-page nonce in the fragment (never sent anywhere).
const [rawId = '', nonce = '', rawPage = ''] = location.hash.slice(1).split('&');
const companyId = decodeURIComponent(rawId);
// The page the card is shown on (origin and path): "since you last read" looks at the other ones.
const pageUrl = decodeURIComponent(rawPage);

// The content script hands us a private port once (see CardHost.connect); until it arrives, the
// card's messages wait. Nothing is posted to the page's window, where the page could read it.
let port: MessagePort | null = null;
const waiting: Record<string, unknown>[] = [];
window.addEventListener('message', (e: MessageEvent) => {
  const data = e.data as { tieline?: string; nonce?: string } | null;
  if (port || e.source !== window.parent || data?.tieline !== 'port' || data.nonce !== nonce || !nonce || !e.ports[0]) return;
  port = e.ports[0];
  for (const m of waiting.splice(0)) port.postMessage(m);
});

function post(message: Record<string, unknown>) {
  if (port) port.postMessage(message);
  else waiting.splice(0, waiting.length, ...waiting.filter((m) => m.tieline !== message.tieline), message);
}

function Card() {
  const [view, setView] = useState<CompanyView | null | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const closeRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    sendToBackground('getCompanyView', pageUrl ? { companyId, pageUrl } : { companyId }).then(setView, () => setView(null));
  }, []);
  useEffect(() => {
    if (view !== undefined) closeRef.current?.focus();
  }, [view !== undefined]);

  if (view === undefined) return <div class="card muted" aria-busy="true">{t('loading')}</div>;
  if (view === null) return <div class="card">{t('unknownCompany')}</div>;
  const note = view.note?.text ?? '';
  return (
    <div class="card" role="dialog" aria-labelledby="card-title">
      <div class="card-top">
        <CompanyHeader view={view} headingId="card-title" />
        <button ref={closeRef} type="button" class="close" aria-label={t('close')} onClick={() => post({ tieline: 'close' })}>×</button>
      </div>
      <SinceLastRead view={view} />
      <TieGroups companyId={view.company.id} ties={view.ties} names={view.names} limit={4} />
      <section class="note" aria-label={t('yourNote')}>
        <h3 class="group-title muted">{t('yourNote')}</h3>
        {editing ? (
          <NoteEditor openChannel={openNoteChannel} companyId={view.company.id} initial={note} autoFocus onDone={(text) => {
            setView({ ...view, note: text ? { company: view.company.id, text, createdAt: 0, updatedAt: Date.now() } : null });
            setEditing(false);
          }} />
        ) : (
          <>
            {note ? <p>{note}</p> : <p class="muted">{t('noNote')}</p>}
            <button type="button" class="btn" onClick={() => setEditing(true)}>{note ? t('editNote') : t('addNote')}</button>
          </>
        )}
      </section>
    </div>
  );
}

const app = document.getElementById('app')!;
void applyTheme(document);
render(<Card />, app);
new ResizeObserver(() => post({ tieline: 'height', height: Math.ceil(app.getBoundingClientRect().height) + 2 })).observe(app);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') post({ tieline: 'close' });
});
