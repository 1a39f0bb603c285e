import type { CompanyView } from '../core/views';
import { t } from './translate';

export function CompanyHeader({ view, headingId }: { view: CompanyView; headingId?: string }) {
  const c = view.company;
  return (
    <header>
      <h2 class="company-name" id={headingId}>
        {c.name}
        {c.tickers[0] && <span class="ticker">{c.tickers[0]}</span>}
      </h2>
      {c.description && <p class="desc">{c.description}</p>}
      {view.parent && <p class="desc">{t('partOf', view.parent.name)}</p>}
      {view.recentArticles > 1 && <p class="desc">{t('seenInArticles', String(view.recentArticles))}</p>}
    </header>
  );
}
