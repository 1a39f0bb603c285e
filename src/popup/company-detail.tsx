import { openNoteChannel } from '../messaging/note-port';
import { useEffect, useState } from 'preact/hooks';
import type { CompanyView } from '../core/views';
import type { Tie } from '../core/model';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { CompanyHeader } from '../ui/company-header';
import { NoteEditor } from '../ui/note-editor';
import { SinceLastRead } from '../ui/since-last-read';
import { TieGroups } from '../ui/tie-groups';
import { TieForm } from './tie-form';

export function CompanyDetail({ companyId, pageUrl, onSelect, onBack }: { companyId: string; pageUrl?: string; onSelect: (id: string) => void; onBack: () => void }) {
  const [view, setView] = useState<CompanyView | null | undefined>(undefined);
  const [form, setForm] = useState<{ tie?: Tie } | null>(null);
  const load = () => sendToBackground('getCompanyView', pageUrl ? { companyId, pageUrl } : { companyId }).then(setView, () => setView(null));
  useEffect(() => {
    setView(undefined);
    setForm(null);
    void load();
  }, [companyId]);
  const endTie = async (tie: Tie) => {
    await sendToBackground('saveTie', { tie: { ...tie, status: 'ended', until: tie.until ?? new Date().toISOString().slice(0, 7) } });
    void load();
  };
  const actions = (tie: Tie) => (
    <>
      <button type="button" class="link-btn" onClick={() => setForm({ tie })} aria-label={t('editTieOf', view?.names[tie.company === companyId ? tie.counterparty : tie.company] ?? '')}>{t('edit')}</button>
      {tie.status !== 'ended' && <button type="button" class="link-btn" onClick={() => void endTie(tie)}>{t('markEnded')}</button>}
    </>
  );
  return (
    <div>
      <button type="button" class="back" onClick={onBack}>← {t('back')}</button>
      {view === undefined && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {view === null && <p>{t('unknownCompany')}</p>}
      {view && (
        <>
          <CompanyHeader view={view} />
          <SinceLastRead view={view} />
          {form ? (
            <TieForm company={view.company} tie={form.tie}
              otherName={form.tie ? view.names[form.tie.company === companyId ? form.tie.counterparty : form.tie.company] : undefined}
              onDone={(saved) => {
                setForm(null);
                if (saved) void load();
              }} />
          ) : (
            <>
              <TieGroups companyId={view.company.id} ties={view.ties} names={view.names} onSelect={onSelect} actions={actions} />
              <p><button type="button" class="btn" onClick={() => setForm({})}>{t('addTie')}</button></p>
            </>
          )}
          <section class="note" aria-label={t('yourNote')}>
            <h3 class="section-title">{t('yourNote')}</h3>
            <NoteEditor key={view.company.id} openChannel={openNoteChannel} companyId={view.company.id} initial={view.note?.text ?? ''} />
          </section>
        </>
      )}
    </div>
  );
}
