import { useEffect, useState } from 'preact/hooks';
import type { CompanyView } from '../core/card-data';
import { sendToBackground } from '../messaging/send';
import { t } from '../platform/i18n';
import { CompanyHeader } from '../ui/company-header';
import { NoteEditor } from '../ui/note-editor';
import { TieGroups } from '../ui/tie-groups';

export function CompanyDetail({ companyId, onSelect, onBack }: { companyId: string; onSelect: (id: string) => void; onBack: () => void }) {
  const [view, setView] = useState<CompanyView | null | undefined>(undefined);
  useEffect(() => {
    setView(undefined);
    sendToBackground('getCompanyView', { companyId }).then(setView, () => setView(null));
  }, [companyId]);
  return (
    <div>
      <button type="button" class="back" onClick={onBack}>← {t('back')}</button>
      {view === undefined && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {view === null && <p>{t('unknownCompany')}</p>}
      {view && (
        <>
          <CompanyHeader view={view} />
          <TieGroups companyId={view.company.id} ties={view.ties} names={view.names} onSelect={onSelect} />
          <section class="note" aria-label={t('yourNote')}>
            <h3 class="section-title">{t('yourNote')}</h3>
            <NoteEditor key={view.company.id} companyId={view.company.id} initial={view.note?.text ?? ''} />
          </section>
        </>
      )}
    </div>
  );
}
